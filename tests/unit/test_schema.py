"""Migrations: the newest one matches the models, start-up knows it without Alembic."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from backend.database import Database, sqlite_url
from backend.migrations import HEAD_REVISION
from backend.migrations.runner import script_head
from backend.schema import Base


def test_the_head_revision_constant_is_alembics_head() -> None:
    assert script_head() == HEAD_REVISION


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    database = Database(sqlite_url(tmp_path / "fresh.sqlite3"))
    assert database.upgrade() is True
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    assert database.current_revision() == HEAD_REVISION
    database.dispose()


def test_upgrading_a_current_database_does_nothing(tmp_path: Path) -> None:
    database = Database(sqlite_url(tmp_path / "db.sqlite3"))
    database.upgrade()
    assert database.upgrade() is False
    database.dispose()


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    database = Database(sqlite_url(tmp_path / "db.sqlite3"))
    database.upgrade()
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    database.dispose()


def test_migrations_build_exactly_the_models_on_postgresql() -> None:
    from tests.postgres import PostgresDatabases, database_for, skip_without_postgres

    databases = PostgresDatabases(skip_without_postgres())
    try:
        database = database_for(databases, databases.create())
        database.upgrade()
        with database.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        database.dispose()
    finally:
        databases.close()
    assert differences == []
