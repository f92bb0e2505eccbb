"""What the prescribed stack costs before any of our code runs: import PySide6's widgets,
qasync, SQLAlchemy's ORM and argon2, show a window, quit."""

from __future__ import annotations

import resource
import sys

import argon2  # noqa: F401
import qasync  # noqa: F401
import sqlalchemy.orm  # noqa: F401
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(0, app.quit)
    code = app.exec()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return code


if __name__ == "__main__":
    sys.exit(main())
