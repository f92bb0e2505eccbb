"""`esh-desktop`: start the ЭШ desktop.

This module is where the desktop's backends are made; nothing else in the desktop knows which
one it got. It also decides what to connect to at start: the command line, then the
per-machine configuration (`desktop.machine_config`), then the user's last choice.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from backend.version import current_version
from desktop.connection import Connection, server_address
from desktop.machine_config import MachineConfig, load_machine_config
from desktop.single_instance import DatabaseInUse, DatabaseLock

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from backend.contract import Backend
    from desktop.login_window import LoginWindow
    from desktop.settings import Settings

log = logging.getLogger("desktop.app")  # also when run as `python -m desktop.app`


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and what is left for Qt (-platform, -style, …)."""
    parser = argparse.ArgumentParser(
        prog="esh-desktop",
        description="Рабочий стол «Электронной школы» с реестром «Сферум». Принимает также "
        "параметры Qt: -platform, -style и другие.",
    )
    parser.add_argument("--version", action="version", version=f"esh-desktop {current_version()}")
    parser.add_argument("--db", type=Path, help="файл базы данных SQLite (встроенный режим)")
    parser.add_argument("--server", help="адрес сервера ЭШ, например https://esh.school.ru")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="демонстрационная школа: создается при первом запуске в отдельном файле",
    )
    parser.add_argument(
        "--demo-size",
        choices=("standard", "large"),
        default="standard",
        help="размер демонстрационной школы (large — для замеров)",
    )
    parser.add_argument("--lang", choices=("ru", "en"), help="язык интерфейса")
    parser.add_argument("--config-dir", type=Path, help="папка настроек (для отладки)")
    parser.add_argument("--log-dir", type=Path, help="папка журнала работы (для отладки)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="проверка установки: открыть окно входа, получить список организаций, "
        "сообщить результат и выйти (код 0 — все в порядке)",
    )
    return parser.parse_known_args(argv)


def database_path(args: argparse.Namespace) -> Path:
    from desktop.settings import default_data_dir

    if args.db is not None:
        return args.db.expanduser().resolve()
    name = "demo.sqlite3" if args.demo else "esh.sqlite3"
    return default_data_dir() / name


class BackendFactory:
    """Makes the backend for a connection; the embedded one lives in `database`, which only
    one desktop at a time may have open."""

    def __init__(self, database: Path, *, demo: bool = False, demo_size: str = "standard") -> None:
        self.database = database
        self.demo = demo
        self.demo_size = demo_size
        self.lock = DatabaseLock(database)

    def key(self, connection: Connection) -> str:
        """What names the backend of `connection`: remembered logins belong to one backend."""
        if connection.server_url is not None:
            return f"server:{connection.server_url}"
        return f"local:{self.database}"

    def __call__(self, connection: Connection) -> tuple[Backend, str]:
        """The backend and its key."""
        if connection.server_url is not None:
            from backend.remote import RemoteBackend  # httpx loads only when it is needed

            return RemoteBackend(connection.server_url), self.key(connection)
        if not self.lock.acquire():
            raise DatabaseInUse.for_database(self.database)
        from backend.local import LocalBackend

        # The lock goes when the database is closed, not before: its MAX jobs run until then.
        backend = LocalBackend(
            self.database, demo=self.demo, demo_size=self.demo_size, on_closed=self.lock.release
        )
        return backend, self.key(connection)


def startup_connection(
    args: argparse.Namespace, machine: MachineConfig
) -> tuple[Connection | None, str | None]:
    """The connection to start on (None: the user's last choice) or why the command line
    cannot have its way."""
    if machine.locked:
        assert machine.server_url is not None
        asked = args.server and server_address(args.server) != machine.server_url
        if asked or args.db or args.demo:
            return None, (
                f"Подключение на этом компьютере задано администратором ({machine.source}): "
                f"сервер {machine.server_url}, другое выбрать нельзя."
            )
        return Connection(machine.server_url), None
    if args.server:
        return Connection(server_address(args.server)), None
    if args.db or args.demo:
        return Connection(), None
    if machine.given:
        return Connection(machine.server_url), None
    return None, None


def _console_for_windows() -> None:
    """A windowed Windows program has no console: what --version, --help and --check print
    goes to the console it was started from."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes

    kernel = ctypes.windll.kernel32
    if kernel.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
        encoding = f"cp{kernel.GetConsoleOutputCP()}"  # cp866 in a Russian cmd.exe
        # For the whole run: the console is written to until the program ends.
        sys.stdout = open("CONOUT$", "w", encoding=encoding, errors="replace")  # noqa: SIM115
        sys.stderr = sys.stdout


def _refuse(message: str, *, qt_args: list[str] | None = None) -> int:
    """Say why the desktop does not start: in the log, on the console, and in a message box
    when there is no console (a windowed program started from a shortcut)."""
    log.error("not started: %s", message)
    stream = sys.stderr or sys.__stderr__
    if stream is not None:
        print(f"esh-desktop: {message}", file=stream)
        return 1
    from desktop.qt_start import make_qt_application
    from registries.base import messages

    if make_qt_application(qt_args or []) is not None:
        messages.error(None, message)
    return 1


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if {"--version", "--help", "-h", "--check"} & set(argv):
        _console_for_windows()
    args, qt_args = parse_args(argv)
    from desktop.logs import platform_description, set_up_logging

    log_file = set_up_logging(args.log_dir)
    machine = load_machine_config()
    if machine.problem:
        log.warning("per-machine configuration: %s", machine.problem)
    try:
        connection, refusal = startup_connection(args, machine)
    except ValueError as error:
        return _refuse(str(error), qt_args=qt_args)
    if refusal:
        return _refuse(refusal, qt_args=qt_args)
    log.info(
        "esh-desktop %s starting on %s; log %s; per-machine configuration: %s",
        current_version(),
        platform_description(),
        log_file,
        f"{machine.source} (server {machine.server_url}, locked: {machine.locked})"
        if machine.given
        else "none",
    )

    from desktop.qt_start import make_qt_application, prepare, route_qt_messages
    from desktop.settings import Settings

    route_qt_messages()
    app = make_qt_application(qt_args)
    if app is None:
        return 2  # Qt did not understand an option; argparse has said which
    path = database_path(args)
    factory = BackendFactory(path, demo=args.demo, demo_size=args.demo_size)
    settings = Settings(args.config_dir)
    start_on = connection or settings.connection
    if not start_on.is_server and not factory.lock.acquire():
        if args.check:  # a check must not pull a teacher's window to the front
            return _refuse(DatabaseInUse.for_database(path).message)
        return _already_open(path)
    language = prepare(app, args.lang or settings.language)
    login_window = None
    if settings.remembered_backend != factory.key(start_on):  # else the desktop comes at once
        login_window = _login_window_first(app, settings, start_on, demo=args.demo)

    from desktop.application import run  # the rest loads while the login window is shown

    code = run(
        factory,
        settings=settings,
        connection=start_on,
        connection_locked=machine.locked,
        language=language,
        demo=args.demo,
        offer_demo=not path.exists() and not args.demo and not machine.given and not args.check,
        check=args.check,
        log_file=log_file,
        database_lock=factory.lock,
        login_window=login_window,
    )
    factory.lock.release()
    # Everything is saved and closed by now; spare the interpreter a last pass of the
    # garbage collector over every object of Qt and SQLAlchemy on its way out.
    gc.freeze()
    return code


def _login_window_first(
    app: QApplication, settings: Settings, connection: Connection, *, demo: bool
) -> LoginWindow:
    """The login window on screen before the backend, asyncio and the desktop are loaded; it
    asks for the organisations once they are."""
    from desktop.login_window import LoginWindow, demo_hint

    window = LoginWindow(None, settings, connection=connection, hint=demo_hint() if demo else "")
    window.show()
    app.processEvents()  # once: the window is painted now, not after the imports
    return window


def _already_open(database: Path) -> int:
    """A second start on the same embedded database: the first comes forward, or we say so."""
    from desktop.single_instance import ask_first_to_come_forward

    message = DatabaseInUse.for_database(database).message
    if ask_first_to_come_forward(database):
        log.info("a second start on %s: the open desktop came forward", database)
        print(f"esh-desktop: {message}", file=sys.stderr or sys.__stderr__)
        return 0
    log.warning("a second start on %s: the open desktop did not answer", database)
    from registries.base import messages

    messages.error(None, message)
    return 1


if __name__ == "__main__":
    sys.exit(main())
