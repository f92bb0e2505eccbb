"""The MAX HTTP client against `esh-max-sim` over real HTTP on loopback: every operation,
partial failures, and what it does with 429, 5xx, timeouts and a wrong token."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from backend.max.gateway import (
    AdminPermission,
    CallStatus,
    ChatAdmin,
    LinkStatus,
    LinkSubject,
    MaxConflict,
    MaxNotFound,
    MaxRefused,
    MaxUnavailable,
)
from backend.max.http_client import MaxHttpGateway
from backend.max.simulator.faults import FaultKind, FaultPlan
from backend.max.simulator.state import SimulatedMax
from tests.max.conftest import TOKEN

TEACHER = LinkSubject(
    esh_account_id=17,
    full_name="Малышев Роман Сергеевич",
    organisation_name="МБОУ СОШ № 7",
    role="Педагог",
)
PHONE = "+79161234567"


def test_a_link_request_goes_to_the_users_sferum_chat_and_follows_the_answer(
    max_client: MaxHttpGateway, simulator: SimulatedMax
) -> None:
    user_id = simulator.add_user(PHONE, "Роман", "Малышев")
    request = max_client.request_link(PHONE, TEACHER)
    assert request.status is LinkStatus.PENDING
    assert request.user_id == user_id

    (message,) = simulator.messages_for(PHONE)
    assert message.sender == "Сферум"
    assert "Малышев Роман Сергеевич" in message.text
    assert "МБОУ СОШ № 7" in message.text
    assert message.request_id == request.request_id

    simulator.answer_link(request.request_id, accept=True)
    assert max_client.link_request(request.request_id).status is LinkStatus.CONFIRMED
    max_client.unlink(request.request_id)
    assert max_client.link_request(request.request_id).status is LinkStatus.UNLINKED


def test_a_phone_unknown_to_max_is_not_found(max_client: MaxHttpGateway) -> None:
    with pytest.raises(MaxNotFound) as refused:
        max_client.request_link("+79990000000", TEACHER)
    assert refused.value.code == "user.not.found"
    assert refused.value.status == 404


def test_a_pending_request_can_be_cancelled_an_answered_one_cannot(
    max_client: MaxHttpGateway, simulator: SimulatedMax
) -> None:
    simulator.add_user(PHONE, "Роман", "Малышев")
    first = max_client.request_link(PHONE, TEACHER)
    max_client.cancel_link_request(first.request_id)
    assert max_client.link_request(first.request_id).status is LinkStatus.CANCELLED

    second = max_client.request_link(PHONE, TEACHER)
    simulator.answer_link(second.request_id, accept=False)
    assert max_client.link_request(second.request_id).status is LinkStatus.REJECTED
    with pytest.raises(MaxConflict):
        max_client.cancel_link_request(second.request_id)


def test_one_phone_is_not_linked_to_two_accounts_of_the_same_role(
    max_client: MaxHttpGateway, simulator: SimulatedMax
) -> None:
    simulator.add_user(PHONE, "Роман", "Малышев")
    simulator.answer_link(max_client.request_link(PHONE, TEACHER).request_id, accept=True)
    other_teacher = LinkSubject(99, "Малышев Роман Сергеевич", "МБОУ Школа № 12", "Педагог")
    with pytest.raises(MaxConflict) as refused:
        max_client.request_link(PHONE, other_teacher)
    assert refused.value.code == "link.exists"
    as_parent = LinkSubject(99, "Малышев Роман Сергеевич", "МБОУ Школа № 12", "Родитель")
    assert max_client.request_link(PHONE, as_parent).status is LinkStatus.PENDING


def test_chats_are_created_renamed_and_deleted(max_client: MaxHttpGateway) -> None:
    chat = max_client.create_chat("5А класс", organisation_key="school-7")
    assert chat.chat_id < 0, "group chats have negative ids in MAX"
    assert chat.title == "5А класс"
    renamed = max_client.rename_chat(chat.chat_id, "5А — родители")
    assert renamed.title == "5А — родители"
    max_client.delete_chat(chat.chat_id)
    with pytest.raises(MaxNotFound):
        max_client.rename_chat(chat.chat_id, "ещё раз")
    with pytest.raises(MaxRefused) as refused:
        max_client.create_chat("", organisation_key="school-7")
    assert refused.value.status == 400


def test_adding_members_reports_who_could_not_be_added_and_why(
    max_client: MaxHttpGateway, simulator: SimulatedMax
) -> None:
    chat = max_client.create_chat("7Б класс", organisation_key="school-7")
    open_user = simulator.add_user("+79160000001", "Анна", "Иванова")
    private_user = simulator.add_user("+79160000002", "Олег", "Петров", closed_to_invites=True)
    result = max_client.add_members(chat.chat_id, [open_user, private_user, 424242])
    assert result.success
    assert set(result.failed_user_ids) == {private_user, 424242}
    reasons = {item.error_code: item.user_ids for item in result.failed_user_details}
    assert reasons == {
        "add.participant.privacy": (private_user,),
        "add.participant.not.found": (424242,),
    }
    assert [m.user_id for m in simulator.members(chat.chat_id)] == [open_user]

    nobody = max_client.add_members(chat.chat_id, [private_user])
    assert not nobody.success


def test_members_are_made_admins_revoked_and_removed_with_a_block(
    max_client: MaxHttpGateway, simulator: SimulatedMax
) -> None:
    chat = max_client.create_chat("9А класс", organisation_key="school-7")
    teacher = simulator.add_user("+79160000003", "Вера", "Смирнова")
    student = simulator.add_user("+79160000004", "Илья", "Кузнецов")
    max_client.add_members(chat.chat_id, [teacher, student])

    max_client.set_admins(chat.chat_id, [ChatAdmin(teacher)])
    assert {m.user_id: m.is_admin for m in simulator.members(chat.chat_id)} == {
        teacher: True,
        student: False,
    }
    max_client.revoke_admin(chat.chat_id, teacher)
    assert not any(m.is_admin for m in simulator.members(chat.chat_id))

    max_client.remove_member(chat.chat_id, student, block=True)
    assert [m.user_id for m in simulator.members(chat.chat_id)] == [teacher]
    with pytest.raises(MaxRefused) as refused:
        max_client.set_admins(chat.chat_id, [ChatAdmin(student, (AdminPermission.WRITE,))])
    assert refused.value.code == "user.not.member"


def test_calls_are_scheduled_started_and_finished(max_client: MaxHttpGateway) -> None:
    chat = max_client.create_chat("Математика 8А", organisation_key="school-7")
    starts = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    call = max_client.schedule_call("Урок: дроби", starts, chat_id=chat.chat_id)
    assert call.status is CallStatus.SCHEDULED
    assert call.starts_at == starts
    assert call.join_link.endswith(call.call_id)
    assert max_client.start_call(call.call_id).status is CallStatus.STARTED
    assert max_client.finish_call(call.call_id).status is CallStatus.FINISHED
    assert max_client.call(call.call_id).status is CallStatus.FINISHED
    with pytest.raises(MaxConflict):
        max_client.start_call(call.call_id)
    with pytest.raises(MaxNotFound):
        max_client.call("no-such-call")


def test_throttling_is_waited_out_as_max_asks(
    max_client: MaxHttpGateway, http_faults: FaultPlan, waits: list[float]
) -> None:
    http_faults.inject(FaultKind.TOO_MANY_REQUESTS, count=2, retry_after_s=3)
    chat = max_client.create_chat("Физика 10А", organisation_key="school-7")
    assert chat.title == "Физика 10А"
    assert waits == [3.0, 3.0]
    assert http_faults.pending == 0


def test_server_errors_are_retried_with_growing_pauses_then_reported(
    max_client: MaxHttpGateway, http_faults: FaultPlan, waits: list[float]
) -> None:
    http_faults.inject(FaultKind.SERVER_ERROR, count=4)
    with pytest.raises(MaxUnavailable) as unavailable:
        max_client.create_chat("Химия 11Б", organisation_key="school-7")
    assert unavailable.value.status == 503
    assert waits == [0.5, 1.0, 2.0], "three pauses between four attempts"

    http_faults.inject(FaultKind.SERVER_ERROR, count=1)
    assert max_client.create_chat("Химия 11Б", organisation_key="school-7").title == "Химия 11Б"


def test_a_refusal_is_not_retried(
    max_client: MaxHttpGateway, waits: list[float], sim_url: str
) -> None:
    with pytest.raises(MaxNotFound):
        max_client.delete_chat(-1)
    assert waits == []


def test_a_timeout_becomes_max_unavailable(
    sim_url: str, http_faults: FaultPlan, waits: list[float]
) -> None:
    client = MaxHttpGateway(sim_url, TOKEN, timeout=0.2, attempts=2, sleep=waits.append)
    http_faults.inject(FaultKind.TIMEOUT, count=2, delay_ms=600)
    try:
        with pytest.raises(MaxUnavailable) as unavailable:
            client.create_chat("История 6В", organisation_key="school-7")
    finally:
        client.close()
    assert unavailable.value.code == "timeout"
    assert len(waits) == 1


def test_an_unreachable_max_is_unavailable(waits: list[float]) -> None:
    client = MaxHttpGateway("http://127.0.0.1:9", TOKEN, attempts=2, sleep=waits.append)
    try:
        with pytest.raises(MaxUnavailable) as unavailable:
            client.call("any")
    finally:
        client.close()
    assert unavailable.value.code == "connection"
    assert waits == [0.5]


def test_a_wrong_token_is_refused_in_maxs_words(sim_url: str, waits: list[float]) -> None:
    client = MaxHttpGateway(sim_url, "wrong", sleep=waits.append)
    try:
        with pytest.raises(MaxRefused) as refused:
            client.create_chat("Чат", organisation_key="school-7")
    finally:
        client.close()
    assert refused.value.code == "verify.token"
    assert refused.value.status == 401
    assert waits == []


def test_a_post_repeated_with_its_idempotency_key_creates_once(sim_url: str) -> None:
    headers = {"Authorization": TOKEN, "Idempotency-Key": "create-5a-chat"}
    body = {"title": "5А класс", "organisation_key": "school-7"}
    with httpx.Client(base_url=sim_url) as client:
        first = client.post("/sferum/chats", json=body, headers=headers).json()
        again = client.post("/sferum/chats", json=body, headers=headers).json()
        other = client.post("/sferum/chats", json=body, headers={"Authorization": TOKEN}).json()
    assert first["chat_id"] == again["chat_id"]
    assert other["chat_id"] != first["chat_id"]


def test_unknown_fields_get_maxs_error_shape(sim_url: str) -> None:
    with httpx.Client(base_url=sim_url, headers={"Authorization": TOKEN}) as client:
        response = client.post(
            "/sferum/chats", json={"title": "x", "organisation_key": "s", "z": 1}
        )
    assert response.status_code == 400
    assert response.json()["code"] == "bad.request"
