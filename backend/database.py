"""Opening a database: engine, SQLite pragmas, sessions and schema upgrades."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from backend.migrations import HEAD_REVISION

SERVER_POOL_SIZE = 20
SERVER_POOL_OVERFLOW = 20


def sqlite_url(path: Path) -> URL:
    return URL.create("sqlite+pysqlite", database=str(path))


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API object
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class Database:
    """One database: an engine plus a session factory."""

    def __init__(self, url: str | URL, *, echo: bool = False) -> None:
        self.url = make_url(url)
        if self.url.get_backend_name() == "sqlite":
            if self.url.database:
                Path(self.url.database).parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(self.url, echo=echo)
            event.listen(self.engine, "connect", _set_sqlite_pragmas)
        else:
            # A server worker runs up to 40 requests at once (the thread pool's size): enough
            # pooled connections that busy moments reuse them rather than open new ones.
            self.engine = create_engine(
                self.url,
                echo=echo,
                pool_pre_ping=True,
                pool_size=SERVER_POOL_SIZE,
                max_overflow=SERVER_POOL_OVERFLOW,
            )
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends normally, rolled back otherwise."""
        with self._sessions() as session, session.begin():
            yield session

    def current_revision(self) -> str | None:
        with self.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def upgrade(self) -> bool:
        """Bring the schema to the newest migration; returns True when anything was applied.

        Alembic is imported only when the database is behind: it costs half a second of
        start-up, which a school PC should not pay on every start.
        """
        if self.current_revision() == HEAD_REVISION:
            return False
        from backend.migrations.runner import upgrade_to_head

        upgrade_to_head(self.engine)
        return True

    def dispose(self) -> None:
        self.engine.dispose()
