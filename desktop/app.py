"""`esh-desktop`: start the ЭШ desktop.

This module stays light on purpose: it opens the backend first, whose worker thread then loads
the database libraries while the main thread loads Qt and builds the login window.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from backend.local import LocalBackend


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="esh-desktop", description="Рабочий стол «Электронной школы» с реестром «Сферум»."
    )
    parser.add_argument("--db", type=Path, help="файл базы данных SQLite (встроенный режим)")
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


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    path = database_path(args)
    first_start = not path.exists()
    backend = LocalBackend(path, demo=args.demo, demo_size=args.demo_size)

    from desktop.application import run

    code = run(
        backend,
        backend_key=f"local:{path}",
        language=args.lang,
        config_dir=args.config_dir,
        demo=args.demo,
        offer_demo=first_start and not args.demo,
    )
    # Everything is saved and closed by now; spare the interpreter a last pass of the
    # garbage collector over every object of Qt and SQLAlchemy on its way out.
    gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(main())
