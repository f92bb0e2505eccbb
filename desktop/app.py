"""`esh-desktop`: start the ЭШ desktop.

This module is where the desktop's backends are made; nothing else in the desktop knows which
one it got.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from backend.contract import Backend
from backend.local import LocalBackend
from desktop.connection import Connection, server_address


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="esh-desktop", description="Рабочий стол «Электронной школы» с реестром «Сферум»."
    )
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
    return parser.parse_args(argv)


def database_path(args: argparse.Namespace) -> Path:
    from desktop.settings import default_data_dir

    if args.db is not None:
        return args.db.expanduser().resolve()
    name = "demo.sqlite3" if args.demo else "esh.sqlite3"
    return default_data_dir() / name


class BackendFactory:
    """Makes the backend for a connection; the embedded one lives in `database`."""

    def __init__(self, database: Path, *, demo: bool = False, demo_size: str = "standard") -> None:
        self.database = database
        self.demo = demo
        self.demo_size = demo_size

    def __call__(self, connection: Connection) -> tuple[Backend, str]:
        """The backend and a key naming it (remembered logins belong to one backend)."""
        if connection.server_url is not None:
            from backend.remote import RemoteBackend  # httpx loads only when it is needed

            return RemoteBackend(connection.server_url), f"server:{connection.server_url}"
        backend = LocalBackend(self.database, demo=self.demo, demo_size=self.demo_size)
        return backend, f"local:{self.database}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    path = database_path(args)
    factory = BackendFactory(path, demo=args.demo, demo_size=args.demo_size)
    connection: Connection | None = None
    if args.server:
        try:
            connection = Connection(server_address(args.server))
        except ValueError as error:
            sys.exit(f"esh-desktop: {error}")
    elif args.db or args.demo:
        connection = Connection()
    # Without --server, --db or --demo the connection chosen last time is used.
    first_start = not path.exists()

    from desktop.application import run

    code = run(
        factory,
        connection=connection,
        language=args.lang,
        config_dir=args.config_dir,
        demo=args.demo,
        offer_demo=first_start and not args.demo and not args.server,
    )
    # Everything is saved and closed by now; spare the interpreter a last pass of the
    # garbage collector over every object of Qt and SQLAlchemy on its way out.
    gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(main())
