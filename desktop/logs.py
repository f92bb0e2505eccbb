"""The desktop's log file: where IT staff look when a teacher says "it closed by itself".

One rotated file in the user's log directory (`~/.local/state/esh-desktop/log` on Linux,
`%LOCALAPPDATA%\\esh-desktop\\Logs` on Windows): what was started and on what, the warnings and
errors of every module, the traceback of every unexpected exception, and — through
`faulthandler` — the native traceback of a crash that takes the process down.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import platform
import sys
from pathlib import Path

import platformdirs

APP_NAME = "esh-desktop"
LOG_FILE_NAME = "esh-desktop.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 4  # five files in all: about 10 MB at most
LEVEL_ENV = "ESH_LOG_LEVEL"  # DEBUG for a support session; INFO by default
OUR_PACKAGES = ("desktop", "registries", "backend")
FORMAT = "%(asctime)s %(levelname)-7s %(process)d %(threadName)s %(name)s: %(message)s"
log = logging.getLogger(__name__)


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


class CrashLogHandler(logging.FileHandler):
    """A log file kept to BACKUP_COUNT older files of MAX_BYTES each, that native crash
    tracebacks (faulthandler) go to as well: after each rotation faulthandler is pointed at
    the new file.

    (logging.handlers' RotatingFileHandler would do the rotating, but importing that module
    costs the start-up some 10 ms of sockets and pickling it never uses.)
    """

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8")
        self.limit = MAX_BYTES
        self._follow_with_faulthandler()

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream is not None and self.stream.tell() >= self.limit:
            self.rotate()
        super().emit(record)

    def rotate(self) -> None:
        self.acquire()
        try:
            if self.stream is not None:
                self.stream.close()
                self.stream = None  # type: ignore[assignment]
            try:
                base = Path(self.baseFilename)
                for number in range(BACKUP_COUNT - 1, 0, -1):
                    older = base.with_name(f"{base.name}.{number}")
                    if older.exists():
                        os.replace(older, base.with_name(f"{base.name}.{number + 1}"))
                os.replace(base, base.with_name(f"{base.name}.1"))
            except OSError:
                # Windows cannot rename a file another desktop of the same user has open:
                # keep writing to this one and try again after another MAX_BYTES.
                self.limit += MAX_BYTES
            self.stream = self._open()
            self._follow_with_faulthandler()
        finally:
            self.release()

    def _follow_with_faulthandler(self) -> None:
        if self.stream is not None:
            faulthandler.enable(self.stream, all_threads=True)


def set_up_logging(log_dir: Path | None = None) -> Path | None:
    """Send every module's warnings and errors (and our own INFO lines) to the log file.

    Returns the file's path; None when no log file could be made (then only stderr is used).
    """
    level = logging.getLevelNamesMapping().get(os.environ.get(LEVEL_ENV, "").upper(), logging.INFO)
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    for name in OUR_PACKAGES:
        logging.getLogger(name).setLevel(level)
    formatter = logging.Formatter(FORMAT)
    if sys.stderr is not None:  # a windowed Windows program has no stderr
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(console)
    logging.captureWarnings(True)
    folder = log_dir or default_log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = CrashLogHandler(folder / LOG_FILE_NAME)
    except OSError as error:
        log.warning("no log file in %s: %s", folder, error)
        return None
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(formatter)
    root.addHandler(handler)
    return Path(handler.baseFilename)


def platform_description() -> str:
    frozen = " (bundle)" if getattr(sys, "frozen", False) else ""
    system = platform.uname()  # platform.platform() reads the interpreter's file: 10 ms
    return (
        f"{system.system} {system.release} {system.version}, {system.machine}, "
        f"Python {platform.python_version()}{frozen}"
    )
