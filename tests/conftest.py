"""Fixtures shared by every test: the demo school database and a fixed clock."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the credential store of the machine they run on; the ones about it bring
# their own stand-in.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

from backend.clock import FixedClock
from backend.database import Database, sqlite_url
from backend.demo.generator import create_demo_school

# Every test lives on Monday 23 November 2026 at 10:00 Moscow time, whatever the real date.
TODAY = dt.date(2026, 11, 23)
MOSCOW = dt.timezone(dt.timedelta(hours=3))
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=MOSCOW)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo school, generated once per run; tests get copies of it."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite3"
    database = Database(sqlite_url(path))
    database.upgrade()
    with database.session() as session:
        create_demo_school(session, TODAY)
    database.dispose()
    return path


@pytest.fixture
def demo_db_path(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)
