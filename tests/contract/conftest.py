"""The Backend contract suite: every test runs against every implementation.

Each implementation is a fixture parameter; today the embedded local backend.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backend.clock import FixedClock
from backend.contract import Backend, CurrentUser
from backend.local import LocalBackend
from tests.helpers import AsyncRunner


@pytest.fixture
def run() -> Iterator[AsyncRunner]:
    runner = AsyncRunner()
    yield runner
    runner.close()


@pytest.fixture(params=["local"])
def backend(
    request: pytest.FixtureRequest, demo_db_path: Path, clock: FixedClock, run: AsyncRunner
) -> Iterator[Backend]:
    implementation = LocalBackend(demo_db_path, clock=clock)
    yield implementation
    run(implementation.close())


@pytest.fixture
def other_backend(demo_db_path: Path, clock: FixedClock, run: AsyncRunner) -> Iterator[Backend]:
    """A second client of the same database (another PC, another user)."""
    implementation = LocalBackend(demo_db_path, clock=clock)
    yield implementation
    run(implementation.close())


def organisation_id(run: AsyncRunner, backend: Backend, short_name: str = "МБОУ СОШ № 7") -> int:
    organisations = run(backend.list_organisations())
    return next(o.id for o in organisations if o.short_name == short_name)


def log_in(
    run: AsyncRunner,
    backend: Backend,
    login: str,
    *,
    school: str = "МБОУ СОШ № 7",
    remember: bool = False,
) -> CurrentUser:
    result = run(
        backend.log_in(organisation_id(run, backend, school), login, "demo", remember=remember)
    )
    return result.user
