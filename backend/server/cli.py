"""`esh-server`: run the HTTP server, apply migrations, load the demo school.

    esh-server [serve] --database URL [--host H] [--port P] [--workers N] [TLS options]
    esh-server migrate --database URL
    esh-server demo --database URL [--size standard|large] [--max-sim-database URL]

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
from backend.server.app import DATABASE_ENV, MAX_SIM_ENV, MAX_TOKEN_ENV, MAX_URL_ENV
from backend.version import current_version


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
    from sqlalchemy import select

    from backend.demo.generator import DemoSize, create_demo_school, extend_demo_timetable
    from backend.schema.models import Organisation

    database = _database(args)
    database.upgrade()
    today = args.date or dt.date.today()
    with database.session() as session:
        if session.scalar(select(Organisation.id).limit(1)) is not None:
            added = extend_demo_timetable(session, today)
            print(
                "the database already holds organisations; the demo school was not added"
                + (f" (its timetable was carried forward: {added} lessons)" if added else "")
            )
        else:
            create_demo_school(session, today, size=DemoSize(args.size))
            print(f"demo school ({args.size}) loaded")
    if args.max_sim_database:
        _seed_simulated_max(database, args.max_sim_database)
    return 0


def _seed_simulated_max(database: Database, url: str) -> None:
    from backend.demo.max_users import seed_max_users
    from backend.max.simulator.state import SimulatedMax

    simulator = SimulatedMax(url)
    try:
        with database.session() as session:
            added = seed_max_users(session, simulator)
    finally:
        simulator.close()
    print(f"simulated MAX knows {added} new users" if added else "simulated MAX already has users")


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    database = _database(args)
    if database.current_revision() != HEAD_REVISION:
        sys.exit("esh-server: the database schema is not current; run `esh-server migrate`")
    database.dispose()
    os.environ[DATABASE_ENV] = str(database.url.render_as_string(hide_password=False))
    for option, variable in (
        (args.max_url, MAX_URL_ENV),
        (args.max_sim_database, MAX_SIM_ENV),
    ):
        if option:
            os.environ[variable] = option
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
        timeout_keep_alive=args.keep_alive,
    )
    return 0


def _add_database_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--database", default=default, help=f"SQLAlchemy URL (default: ${DATABASE_ENV})"
    )


def _add_max_options(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--max-sim-database",
        default=default,
        help="SQLAlchemy URL of a simulated MAX platform (instead of --max-url)",
    )


def _add_serve_options(parser: argparse.ArgumentParser, default: object = None) -> None:
    def given(value: object) -> object:
        return value if default is None else default

    parser.add_argument("--host", default=given("127.0.0.1"))
    parser.add_argument("--port", type=int, default=given(8000))
    parser.add_argument("--workers", type=int, default=given(1), help="server processes")
    parser.add_argument(
        "--ssl-certfile", default=default, help="TLS certificate (PEM) to serve HTTPS directly"
    )
    parser.add_argument("--ssl-keyfile", default=default, help="TLS private key (PEM)")
    parser.add_argument(
        "--forwarded-allow-ips",
        default=given("127.0.0.1"),
        help="reverse proxies whose X-Forwarded-* headers are trusted",
    )
    parser.add_argument("--log-level", default=given("info"))
    parser.add_argument(
        "--max-url",
        default=default,
        help=f"the MAX platform's API address; its token is read from ${MAX_TOKEN_ENV}",
    )
    _add_max_options(parser, default)
    parser.add_argument(
        "--keep-alive",
        type=int,
        default=given(30),
        help="seconds an idle client connection stays open (desktops pause between actions)",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="esh-server", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"esh-server {current_version()}")
    # The options are accepted before and after the command; given after it, they win.
    _add_database_option(parser)
    _add_serve_options(parser)
    commands = parser.add_subparsers(dest="command")
    serve_parser = commands.add_parser("serve", help="run the server (the default)")
    _add_database_option(serve_parser, argparse.SUPPRESS)
    _add_serve_options(serve_parser, argparse.SUPPRESS)
    migrate_parser = commands.add_parser("migrate", help="apply the database migrations")
    _add_database_option(migrate_parser, argparse.SUPPRESS)
    demo_parser = commands.add_parser("demo", help="load the demo school into an empty database")
    _add_database_option(demo_parser, argparse.SUPPRESS)
    _add_max_options(demo_parser, argparse.SUPPRESS)
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
