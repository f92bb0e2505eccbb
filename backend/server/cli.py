"""`esh-server`: run the HTTP server, apply migrations, load the demo school.

    esh-server [serve] --database URL [--host H] [--port P] [--workers N] [TLS options]
    esh-server migrate --database URL
    esh-server demo --database URL [--size standard|large]

URL is a SQLAlchemy URL: postgresql+psycopg://user:password@host/db for real use, or
sqlite:///path/to/file.sqlite3 for a trial on one PC; ESH_DATABASE_URL is used when omitted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from backend.database import Database
from backend.migrations import HEAD_REVISION
from backend.server.app import DATABASE_ENV


def _database(args: argparse.Namespace) -> Database:
    url = args.database or os.environ.get(DATABASE_ENV)
    if not url:
        sys.exit(f"esh-server: give --database URL or set {DATABASE_ENV}")
    return Database(url)


def migrate(args: argparse.Namespace) -> int:
    database = _database(args)
    applied = database.upgrade()
    print("schema upgraded" if applied else "schema already current", f"({HEAD_REVISION})")
    return 0


def demo(args: argparse.Namespace) -> int:
    from backend.demo.generator import DemoSize, create_demo_school

    database = _database(args)
    database.upgrade()
    with database.session() as session:
        from sqlalchemy import select

        from backend.schema.models import Organisation

        if session.scalar(select(Organisation.id).limit(1)) is not None:
            print("the database already holds organisations; the demo school was not added")
            return 0
        create_demo_school(session, args.date or dt.date.today(), size=DemoSize(args.size))
    print(f"demo school ({args.size}) loaded")
    return 0


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    database = _database(args)
    if database.current_revision() != HEAD_REVISION:
        sys.exit("esh-server: the database schema is not current; run `esh-server migrate`")
    database.dispose()
    os.environ[DATABASE_ENV] = str(database.url.render_as_string(hide_password=False))
    uvicorn.run(
        "backend.server.app:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        log_level=args.log_level,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="esh-server", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", help=f"SQLAlchemy URL (default: ${DATABASE_ENV})")
    commands = parser.add_subparsers(dest="command")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--ssl-certfile", help="TLS certificate (PEM) to serve HTTPS directly")
    parser.add_argument("--ssl-keyfile", help="TLS private key (PEM)")
    parser.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="reverse proxies whose X-Forwarded-* headers are trusted",
    )
    parser.add_argument("--log-level", default="info")
    commands.add_parser("serve", help="run the server (the default)")
    commands.add_parser("migrate", help="apply the database migrations")
    demo_parser = commands.add_parser("demo", help="load the demo school into an empty database")
    demo_parser.add_argument("--size", choices=("standard", "large"), default="standard")
    demo_parser.add_argument("--date", type=dt.date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    if args.command == "migrate":
        return migrate(args)
    if args.command == "demo":
        return demo(args)
    return serve(args)


if __name__ == "__main__":
    sys.exit(main())
