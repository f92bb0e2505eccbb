"""Two schedulers on one database (two server processes) start and finish each conference
exactly once, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from backend.clock import FixedClock
from backend.contract import ConferenceKind, ConferenceStatus
from backend.database import Database, sqlite_url
from backend.max.gateway import MaxCall
from backend.max.simulator.faults import FaultKind, FaultPlan
from backend.max.simulator.state import SimulatedMax
from backend.schema import models as m
from backend.services.auth import utc_naive
from backend.services.conference_scheduler import ConferenceScheduler
from tests.unit.test_outbox import SCHOOL, database  # noqa: F401 - the shared fixture

CONFERENCES = 40


class CountingMax:
    """The simulator, counting what it is asked to do."""

    def __init__(self, simulator: SimulatedMax) -> None:
        self._simulator = simulator
        self.calls: Counter[tuple[str, str]] = Counter()
        self._lock = threading.Lock()

    def _count(self, operation: str, key: str) -> None:
        with self._lock:
            self.calls[(operation, key)] += 1

    def schedule_call(self, title: str, starts_at: dt.datetime, **kwargs: Any) -> MaxCall:
        self._count("schedule", title)
        return self._simulator.schedule_call(title, starts_at, **kwargs)

    def start_call(self, call_id: str) -> MaxCall:
        self._count("start", call_id)
        return self._simulator.start_call(call_id)

    def finish_call(self, call_id: str) -> MaxCall:
        self._count("finish", call_id)
        return self._simulator.finish_call(call_id)


@pytest.fixture
def simulator(tmp_path: Path) -> Iterator[SimulatedMax]:
    simulator = SimulatedMax(sqlite_url(tmp_path / "max.sqlite3"), faults=FaultPlan())
    yield simulator
    simulator.close()


def _plan(school: Database, clock: FixedClock) -> None:
    start = utc_naive(clock.now())
    with school.session() as session:
        session.add_all(
            m.SferumConference(
                organisation_id=SCHOOL,
                title=f"Урок {number}",
                kind=ConferenceKind.CALL,
                starts_at=start + dt.timedelta(minutes=1),
                ends_at=start + dt.timedelta(minutes=46),
                status=ConferenceStatus.NEW,
                status_message="",
                version=1,
                end_requested=False,
            )
            for number in range(CONFERENCES)
        )


def _both(schedulers: list[ConferenceScheduler]) -> None:
    start = threading.Barrier(len(schedulers))

    def run(scheduler: ConferenceScheduler) -> None:
        start.wait()
        scheduler.run_once()

    threads = [threading.Thread(target=run, args=(s,)) for s in schedulers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)


def test_two_schedulers_start_and_finish_each_conference_once(
    database: Database,  # noqa: F811 - the fixture imported above
    simulator: SimulatedMax,
    clock: FixedClock,
) -> None:
    _plan(database, clock)
    counting = CountingMax(simulator)
    assert simulator.faults is not None
    simulator.faults.inject(FaultKind.LATENCY, count=CONFERENCES, delay_ms=20)  # overlap them
    schedulers = [
        ConferenceScheduler(database.session, lambda _school: counting, clock)  # type: ignore[arg-type, return-value]
        for _ in range(2)
    ]
    clock.advance(dt.timedelta(minutes=1))
    _both(schedulers)
    with database.session() as session:
        statuses = Counter(session.scalars(select(m.SferumConference.status)))
    assert statuses == {ConferenceStatus.ACTIVE: CONFERENCES}
    scheduled = [key for key in counting.calls if key[0] == "schedule"]
    started = [key for key in counting.calls if key[0] == "start"]
    assert len(scheduled) == len(started) == CONFERENCES
    assert set(counting.calls.values()) == {1}, "nothing asked twice"

    clock.advance(dt.timedelta(minutes=45))
    _both(schedulers)
    with database.session() as session:
        statuses = Counter(session.scalars(select(m.SferumConference.status)))
    assert statuses == {ConferenceStatus.FINISHED: CONFERENCES}
    finished = [key for key in counting.calls if key[0] == "finish"]
    assert len(finished) == CONFERENCES
    assert set(counting.calls.values()) == {1}
