"""Unexpected exceptions and Qt's own messages, in the log and — once — in front of the user.

A bug must not vanish into a stderr that nobody sees on Windows: its traceback goes to the log
file, and the user gets one sentence that says where that file is, with «Скопировать
подробности» for the IT person they call.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from backend.version import current_version
from desktop.logs import platform_description

log = logging.getLogger(__name__)


class CrashReporter(QObject):
    """Receives every exception nobody caught, from any thread and from the asyncio loop."""

    unexpected = Signal(str, str)  # the signature (to show each bug once), the details
    shown = Signal(QMessageBox)

    def __init__(self, log_file: Path | None) -> None:
        super().__init__()
        self.log_file = log_file
        self._box: QMessageBox | None = None
        self._signatures: set[str] = set()
        self.unexpected.connect(self._show)

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook

    # --- receiving ----------------------------------------------------------------------------
    def excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        details = "".join(traceback.format_exception(kind, error, trace))
        log.error("unexpected error\n%s", details.rstrip())
        self.unexpected.emit(_signature(kind, trace), details)

    def _thread_hook(self, hook: threading.ExceptHookArgs) -> None:
        if hook.exc_type is SystemExit:
            return
        self.excepthook(hook.exc_type, hook.exc_value or hook.exc_type(), hook.exc_traceback)

    def asyncio_exception(self, _loop: object, context: dict[str, Any]) -> None:
        """The asyncio loop's handler: an exception in a callback or a forgotten task."""
        error = context.get("exception")
        if isinstance(error, BaseException):
            self.excepthook(type(error), error, error.__traceback__)
        else:
            log.error("asyncio: %s", context.get("message", context))

    # --- showing ------------------------------------------------------------------------------
    def message(self) -> str:
        if self.log_file is None:
            return QApplication.translate(
                "CrashReporter",
                "Произошла непредвиденная ошибка, последнее действие могло не выполниться; "
                "скопируйте подробности и передайте их администратору.",
            )
        return QApplication.translate(
            "CrashReporter",
            "Произошла непредвиденная ошибка, последнее действие могло не выполниться; "
            "подробности записаны в журнал {path}.",
        ).format(path=self.log_file)

    def _show(self, signature: str, details: str) -> None:
        """Once per bug, and never a second box over the first."""
        if self._box is not None or signature in self._signatures:
            return
        self._signatures.add(signature)
        parent: QWidget | None = QApplication.activeWindow()
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QApplication.translate("CrashReporter", "Непредвиденная ошибка"),
            self.message(),
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        box.setObjectName("crashReport")
        copy = box.addButton(
            QApplication.translate("CrashReporter", "Скопировать подробности"),
            QMessageBox.ButtonRole.ActionRole,
        )
        close = box.addButton(
            QApplication.translate("CrashReporter", "Закрыть"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(close)
        box.setEscapeButton(close)
        report = f"esh-desktop {current_version()}; {platform_description()}\n{details}"

        def clicked(button: object) -> None:
            if button is copy:
                QGuiApplication.clipboard().setText(report)

        box.buttonClicked.connect(clicked)
        box.finished.connect(self._closed)
        self._box = box
        box.open()
        self.shown.emit(box)

    def _closed(self) -> None:
        if self._box is not None:
            self._box.deleteLater()
        self._box = None


def _signature(kind: type[BaseException], trace: TracebackType | None) -> str:
    """Where an exception was raised: the same bug met twice is shown once."""
    frames = traceback.extract_tb(trace)
    last = frames[-1] if frames else None
    return f"{kind.__qualname__}@{last.filename}:{last.lineno}" if last else kind.__qualname__
