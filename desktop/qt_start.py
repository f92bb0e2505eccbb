"""The first moments of a start: the QApplication with Qt's own options, the language and the
ЭШ look — all the login window needs to be painted, before the backend, asyncio and the
desktop's other modules are loaded."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from backend.version import current_version
from desktop.i18n import choose_language, install_language
from desktop.theme import apply_look

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")
PREPARED = "eshPreparedLanguage"  # an application property: the look is applied once


def make_qt_application(qt_args: list[str]) -> QApplication | None:
    """The QApplication, given Qt's own options (-platform, -style, …). None, after saying
    so, when something is left that neither Qt nor the desktop knows."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([sys.argv[0] if sys.argv else "esh-desktop", *qt_args])
    unknown = app.arguments()[1:]
    if unknown:
        print(
            f"esh-desktop: неизвестные параметры: {' '.join(unknown)} (см. esh-desktop --help)",
            file=sys.stderr or sys.__stderr__,
        )
        return None
    return app


def prepare(app: QApplication, language_setting: str) -> str:
    """Name, language and look of the application; returns the language shown."""
    done = app.property(PREPARED)
    if isinstance(done, str) and done:
        return done
    app.setApplicationName("esh-desktop")
    app.setApplicationVersion(current_version())
    app.setQuitOnLastWindowClosed(False)
    chosen = choose_language(language_setting)
    if not install_language(chosen):
        log.warning("no translation of the interface into %r: it is shown in Russian", chosen)
    apply_look(app)  # the desktop's own window style follows once the login window is shown
    app.setProperty(PREPARED, chosen)
    return chosen


QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


# Said by Qt in normal operation on some platforms; kept out of the warnings.
HARMLESS_QT_MESSAGES = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
)


def route_qt_messages() -> None:
    """Qt's warnings (a missing plugin, a failed style sheet) go to the log too."""

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        where = f" ({context.category})" if context.category not in (None, "default") else ""
        level = QT_LEVELS.get(kind, logging.WARNING)
        if message.startswith(HARMLESS_QT_MESSAGES):
            level = logging.DEBUG
        qt_log.log(level, "%s%s", message, where)

    qInstallMessageHandler(handler)
