"""One desktop per embedded database.

Two desktops on one SQLite file would each run their own MAX jobs and scheduler and trip over
each other's writes. The first desktop holds a lock file beside the database and listens on a
local socket; a second start on the same database asks the first, through that socket, to bring
its window forward — and says so if it cannot.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile

from backend.contract import BackendError

if TYPE_CHECKING:  # QtNetwork loads when a window is shown: it is not needed to paint one
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
ACTIVATED = b"ok\n"
ANSWER_WAIT_MS = 3000
log = logging.getLogger(__name__)


class DatabaseInUse(BackendError):
    code = "database_in_use"

    @classmethod
    def for_database(cls, database: Path) -> DatabaseInUse:
        return cls(
            QCoreApplication.translate(
                "SingleInstance",
                "«Электронная школа» уже открыта с базой данных «{path}»: закройте ту программу "
                "или перейдите в ее окно.",
            ).format(path=database)
        )


def _server_name(database: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in an odd container: the path is enough
        user = ""
    import hashlib  # loads OpenSSL: only when a second start has to be answered or made

    digest = hashlib.sha256(f"{user}\0{database.resolve()}".encode()).hexdigest()[:24]
    return f"esh-desktop-{digest}"


class DatabaseLock:
    """Held by the desktop that has the embedded database `database` open; while held, a
    second start on it reaches `come_forward` (when one is set)."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self._lock = QLockFile(str(database.with_name(database.name + ".lock")))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None
        self._come_forward: Callable[[], None] | None = None
        self.held = False

    def acquire(self) -> bool:
        """False only when another desktop has the database open."""
        if self.held:
            return True
        try:
            self.database.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # opening the database will say what is wrong
            log.warning("no lock beside %s: %s", self.database, error)
            return True
        if self._lock.tryLock(0):
            self.held = True
            self._listen()
            return True
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            # A folder that cannot be written to: there is nobody to share it with, go on.
            log.warning("no lock beside %s: the folder is not writable", self.database)
            return True
        return False

    def answer_second_starts(self, come_forward: Callable[[], None]) -> None:
        """From now on a second start on this database calls `come_forward`."""
        self._come_forward = come_forward
        if self.held:
            self._listen()

    def _listen(self) -> None:
        if self._server is not None or self._come_forward is None:
            return
        from PySide6.QtNetwork import QLocalServer

        name = _server_name(self.database)
        server = QLocalServer()
        QLocalServer.removeServer(name)  # a socket left by a desktop that crashed
        if not server.listen(name):
            log.warning("cannot listen for a second start: %s", server.errorString())
            return

        def connection() -> None:
            while (socket := server.nextPendingConnection()) is not None:
                socket.readyRead.connect(lambda s=socket: answer(s))

        def answer(socket: QLocalSocket) -> None:
            if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
                log.info("another start on %s: bringing this window forward", self.database)
                if self._come_forward is not None:
                    self._come_forward()
                socket.write(ACTIVATED)
                socket.flush()
            socket.disconnectFromServer()

        server.newConnection.connect(connection)
        self._server = server

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self.held:
            self._lock.unlock()
            self.held = False


def ask_first_to_come_forward(database: Path) -> bool:
    """From a second start: True when the desktop holding `database` brought its window
    forward."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(_server_name(database))
    if not socket.waitForConnected(ANSWER_WAIT_MS):
        return False
    socket.write(ACTIVATE)
    socket.flush()
    answered = socket.waitForReadyRead(ANSWER_WAIT_MS) and bytes(
        socket.readAll().data()
    ).startswith(ACTIVATED.strip())
    socket.disconnectFromServer()
    return answered
