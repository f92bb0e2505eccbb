"""`esh-demo`: create a database holding the demo school (for trials and benchmarks)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from backend.database import Database, sqlite_url
from backend.demo.generator import DemoSize, create_demo_school


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="esh-demo", description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="SQLite file to create")
    parser.add_argument(
        "--size", choices=[s.value for s in DemoSize], default=DemoSize.STANDARD.value
    )
    parser.add_argument(
        "--date", type=dt.date.fromisoformat, default=None, help="«today» for the timetable"
    )
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    args = parser.parse_args(argv)
    if args.db.exists():
        if not args.force:
            print(f"{args.db} already exists; use --force to replace it", file=sys.stderr)
            return 2
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    database = Database(sqlite_url(args.db))
    database.upgrade()
    with database.session() as session:
        create_demo_school(session, args.date or dt.date.today(), size=DemoSize(args.size))
    database.dispose()
    print(f"{args.db}: demo school ({args.size}) in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
