"""The simulator in-process: what it knows survives a restart, and faults on demand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from backend.database import sqlite_url
from backend.max.gateway import CallStatus, LinkStatus, LinkSubject, MaxUnavailable
from backend.max.simulator.faults import FaultKind, FaultPlan
from backend.max.simulator.state import SimulatedMax

PARENT = LinkSubject(5, "Абрамова Полина Даниловна", "МБОУ СОШ № 7", "Родитель")


def test_its_state_survives_a_restart(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "max.sqlite3")
    before = SimulatedMax(url)
    user = before.add_user("+79031112233", "Полина", "Абрамова")
    request = before.request_link("+79031112233", PARENT)
    chat = before.create_chat("1А класс", organisation_key="school-7")
    before.add_members(chat.chat_id, [user])
    call = before.schedule_call("Собрание", dt.datetime(2026, 11, 26, 15, 0, tzinfo=dt.UTC))
    before.close()

    after = SimulatedMax(url)
    try:
        assert after.user_id_for("+79031112233") == user
        assert after.link_request(request.request_id).status is LinkStatus.PENDING
        assert [m.user_id for m in after.members(chat.chat_id)] == [user]
        assert after.call(call.call_id).status is CallStatus.SCHEDULED
        assert after.answer_link(request.request_id, accept=True).status is LinkStatus.CONFIRMED
        (message,) = after.messages_for("+79031112233")
        assert message.request_status is LinkStatus.CONFIRMED
    finally:
        after.close()


@pytest.mark.parametrize(
    ("kind", "status"),
    [(FaultKind.SERVER_ERROR, 503), (FaultKind.TOO_MANY_REQUESTS, 429), (FaultKind.TIMEOUT, None)],
)
def test_injected_faults_fail_the_next_calls_then_stop(
    simulator: SimulatedMax, kind: FaultKind, status: int | None
) -> None:
    assert simulator.faults is not None
    simulator.faults.inject(kind, count=2)
    for _ in range(2):
        with pytest.raises(MaxUnavailable) as unavailable:
            simulator.create_chat("2Б класс", organisation_key="school-7")
        assert unavailable.value.status == status
    assert simulator.create_chat("2Б класс", organisation_key="school-7").title == "2Б класс"


def test_a_fault_plan_hands_out_faults_in_order() -> None:
    plan = FaultPlan()
    plan.inject(FaultKind.LATENCY, delay_ms=5)
    plan.inject(FaultKind.TOO_MANY_REQUESTS, retry_after_s=7)
    first, second = plan.next(), plan.next()
    assert first is not None
    assert (first.kind, first.delay_ms) == (FaultKind.LATENCY, 5)
    assert second is not None
    assert (second.kind, second.retry_after_s) == (FaultKind.TOO_MANY_REQUESTS, 7)
    assert plan.next() is None
