"""Throw-away PostgreSQL databases for tests, made from one demo-school template.

Set ESH_TEST_POSTGRES_URL to a database the tests may use to create others, e.g.
postgresql+psycopg://esh:esh@127.0.0.1:5432/esh_test, whose role has CREATEDB and
pg_signal_backend (dropping a database ends its sessions, autovacuum's too); `.ci/run` sets
this up. Without it the
PostgreSQL variants are skipped — unless ESH_REQUIRE_POSTGRES=1, as in CI.
"""

from __future__ import annotations

import itertools
import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from backend.database import Database

URL_ENV = "ESH_TEST_POSTGRES_URL"
REQUIRE_ENV = "ESH_REQUIRE_POSTGRES"
_counter = itertools.count()


def postgres_url() -> URL | None:
    raw = os.environ.get(URL_ENV)
    if not raw:
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{URL_ENV} is not set but {REQUIRE_ENV}=1")
        return None
    return make_url(raw)


def skip_without_postgres() -> URL:
    url = postgres_url()
    if url is None:
        pytest.skip(f"PostgreSQL tests need {URL_ENV}")
    return url


class PostgresDatabases:
    """Creates databases on the server of `url` and drops them again."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self.admin = create_engine(url, isolation_level="AUTOCOMMIT")
        self.prefix = f"esh_{uuid.uuid4().hex[:8]}"
        self.created: list[str] = []

    def url_for(self, name: str) -> URL:
        return self.url.set(database=name)

    def create(self, *, template: str | None = None) -> str:
        name = f"{self.prefix}_{next(_counter)}"
        clause = f" TEMPLATE {template}" if template else ""
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"{clause}'))
        self.created.append(name)
        return name

    def drop(self, name: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if name in self.created:
            self.created.remove(name)

    def close(self) -> None:
        for name in list(reversed(self.created)):
            self.drop(name)
        self.admin.dispose()


def database_for(databases: PostgresDatabases, name: str) -> Database:
    return Database(databases.url_for(name))
