"""The MAX outbox on SQLite and PostgreSQL: an outage loses nothing, order per key holds,
refusals are kept with MAX's reason, and two workers never deliver one entry twice."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from backend.clock import FixedClock
from backend.database import Database, sqlite_url
from backend.max.simulator.faults import FaultKind, FaultPlan
from backend.max.simulator.state import SimulatedMax
from backend.schema import models as m
from backend.services import outbox

SCHOOL = 1


@pytest.fixture(params=["sqlite", "postgres"])
def database(request: pytest.FixtureRequest, demo_db_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        database = Database(sqlite_url(demo_db_path))
        yield database
        database.dispose()
        return
    from tests.postgres import PostgresDatabases, database_for, skip_without_postgres

    databases = PostgresDatabases(skip_without_postgres())
    database = database_for(databases, databases.create())
    database.upgrade()
    with database.session() as session:
        session.add(m.Organisation(id=SCHOOL, name="Школа № 7", short_name="СОШ № 7"))
    try:
        yield database
    finally:
        database.dispose()
        databases.close()


@pytest.fixture
def simulator(tmp_path: Path) -> Iterator[SimulatedMax]:
    simulator = SimulatedMax(sqlite_url(tmp_path / "max.sqlite3"), faults=FaultPlan())
    yield simulator
    simulator.close()


@pytest.fixture
def worker(database: Database, simulator: SimulatedMax, clock: FixedClock) -> outbox.OutboxWorker:
    return outbox.OutboxWorker(database.session, lambda _school: simulator, clock)


def _enqueue(database: Database, clock: FixedClock, operation: str, key: str, **payload) -> int:
    with database.session() as session:
        return outbox.enqueue(
            session,
            clock,
            organisation_id=SCHOOL,
            operation=operation,
            payload=payload,
            ordering_key=key,
        )


def test_an_outage_loses_nothing_and_order_per_chat_holds(
    database: Database,
    simulator: SimulatedMax,
    worker: outbox.OutboxWorker,
    clock: FixedClock,
) -> None:
    anna = simulator.add_user("+79160000001", "Анна", "Иванова")
    create = _enqueue(
        database, clock, "create_chat", "chat:5A", title="5А класс", organisation_key="7"
    )
    chat_id = outbox.result_of(create, "chat_id")
    _enqueue(database, clock, "rename_chat", "chat:5A", chat_id=chat_id, title="5А — класс")
    _enqueue(database, clock, "add_members", "chat:5A", chat_id=chat_id, user_ids=[anna])
    _enqueue(database, clock, "create_chat", "chat:6B", title="6Б класс", organisation_key="7")

    assert simulator.faults is not None
    simulator.faults.inject(FaultKind.SERVER_ERROR, count=2)  # MAX is down
    assert worker.deliver_due() == outbox.PassResult(postponed=2)
    with database.session() as session:
        waiting = outbox.undelivered(session, SCHOOL)
    assert [(w.operation, w.attempts) for w in waiting] == [
        ("create_chat", 1),
        ("rename_chat", 0),
        ("add_members", 0),
        ("create_chat", 1),
    ]
    assert "Сервис недоступен" in (waiting[0].last_error or "")
    assert worker.deliver_due().handled == 0, "nothing is retried before its pause is over"

    clock.advance(outbox.retry_pause(1))  # MAX is back
    assert worker.deliver_all_due().delivered == 4
    with database.session() as session:
        assert outbox.undelivered(session, SCHOOL) == []
        results = session.scalars(select(m.MaxOutboxEntry).order_by(m.MaxOutboxEntry.id)).all()
    assert all(entry.state == outbox.DELIVERED for entry in results)
    made = [outbox_result["chat_id"] for outbox_result in _results(results, "create_chat")]
    assert len(set(made)) == 2, "each chat was created once"
    assert simulator.chat(made[0]).title == "5А — класс"
    assert [member.user_id for member in simulator.members(made[0])] == [anna]


def _results(entries: list[m.MaxOutboxEntry], operation: str) -> list[dict]:
    return [json.loads(e.result or "{}") for e in entries if e.operation == operation]


def test_a_refusal_is_kept_with_maxs_reason_and_does_not_block_the_rest(
    database: Database, worker: outbox.OutboxWorker, clock: FixedClock
) -> None:
    refused = _enqueue(database, clock, "rename_chat", "chat:x", chat_id=-1, title="Нет такого")
    _enqueue(
        database,
        clock,
        "rename_chat",
        "chat:x",
        chat_id=outbox.result_of(refused, "chat_id"),
        title="Зависит от отказа",
    )
    _enqueue(database, clock, "create_chat", "chat:x", title="Другой чат", organisation_key="7")
    assert worker.deliver_all_due().delivered == 1
    with database.session() as session:
        failed = outbox.undelivered(session, SCHOOL)
    assert [entry.state for entry in failed] == [outbox.FAILED, outbox.FAILED]
    assert failed[0].last_error == "Чат не найден (chat.not.found)"
    assert (failed[1].last_error or "").startswith(f"Не выполнена операция № {refused}")


def test_two_workers_never_deliver_one_entry_twice(
    database: Database, simulator: SimulatedMax, clock: FixedClock
) -> None:
    for number in range(20):
        _enqueue(
            database,
            clock,
            "create_chat",
            f"chat:{number}",
            title=f"Чат {number}",
            organisation_key="7",
        )
    workers = [
        outbox.OutboxWorker(database.session, lambda _school: simulator, clock) for _ in range(2)
    ]
    start = threading.Barrier(2)
    counts: list[int] = []

    def run(worker: outbox.OutboxWorker) -> None:
        start.wait()
        counts.append(worker.deliver_all_due().delivered)

    threads = [threading.Thread(target=run, args=(worker,)) for worker in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sum(counts) == 20
    with database.session() as session:
        entries = session.scalars(select(m.MaxOutboxEntry)).all()
    assert {(e.state, e.attempts) for e in entries} == {(outbox.DELIVERED, 1)}
    titles = sorted(
        simulator.chat(r["chat_id"]).title for r in _results(list(entries), "create_chat")
    )
    assert titles == sorted(f"Чат {n}" for n in range(20))


def test_retries_pause_longer_each_time_up_to_ten_minutes() -> None:
    pauses = [outbox.retry_pause(n).total_seconds() for n in range(1, 10)]
    assert pauses[:4] == [5, 10, 20, 40]
    assert max(pauses) == 600
    assert pauses == sorted(pauses)


def test_an_unknown_operation_is_refused_when_written(
    database: Database, clock: FixedClock
) -> None:
    with pytest.raises(ValueError, match="unknown MAX operation"):
        _enqueue(database, clock, "send_postcard", "x")
