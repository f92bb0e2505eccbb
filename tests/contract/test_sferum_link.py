"""Linking an account to Sferum, on every backend: request, pending, confirm or reject in MAX,
unlink, link again; wrong numbers, numbers MAX does not know, MAX being down."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from backend.contract import (
    AlreadyLinked,
    Backend,
    LinkAlreadyRequested,
    NotFound,
    SferumLinkStatus,
    ValidationFailed,
)
from backend.max.simulator.faults import FaultKind
from backend.max.simulator.state import SimulatedMax
from tests.contract.conftest import log_in
from tests.helpers import AsyncRunner

KLASS_PHONE = "+79037850930"  # the demo class teacher's number, known to MAX
S = SferumLinkStatus


def _request_of(simulator: SimulatedMax, phone: str) -> str:
    (message, *_) = simulator.messages_for(phone)
    assert message.request_id is not None
    return message.request_id


def test_a_request_is_sent_answered_in_max_and_the_account_is_linked(
    run: AsyncRunner,
    backend: Backend,
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
) -> None:
    log_in(run, backend, "klass")
    assert run(backend.sferum_link()).status is S.NOT_LINKED

    sent = run(backend.request_sferum_link("8 (903) 785-09-30"))
    assert sent.status is S.SENDING
    assert sent.phone == KLASS_PHONE
    run_max_jobs()
    assert run(backend.sferum_link()).status is S.PENDING
    (message,) = max_simulator.messages_for(KLASS_PHONE)
    assert message.sender == "Сферум"
    assert "МБОУ СОШ № 7" in message.text

    max_simulator.answer_link(_request_of(max_simulator, KLASS_PHONE), accept=True)
    run_max_jobs()
    linked = run(backend.sferum_link())
    assert linked.status is S.LINKED
    assert linked.web_url.startswith("https://")


def test_while_a_request_waits_another_gets_the_manuals_sentence(
    run: AsyncRunner, backend: Backend, run_max_jobs: Callable[[], None]
) -> None:
    log_in(run, backend, "klass")
    run(backend.request_sferum_link(KLASS_PHONE))
    with pytest.raises(LinkAlreadyRequested) as waiting:
        run(backend.request_sferum_link(KLASS_PHONE))
    assert waiting.value.message == (
        "Запрос на привязку уже отправлен. Перейдите на платформу МАХ и подтвердите привязку"
    )
    run_max_jobs()
    with pytest.raises(LinkAlreadyRequested):
        run(backend.request_sferum_link(KLASS_PHONE))


def test_a_linked_account_is_told_so_and_can_unlink_and_link_again(
    run: AsyncRunner,
    backend: Backend,
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
) -> None:
    log_in(run, backend, "klass")
    run(backend.request_sferum_link(KLASS_PHONE))
    run_max_jobs()
    first = _request_of(max_simulator, KLASS_PHONE)
    max_simulator.answer_link(first, accept=True)
    run_max_jobs()
    with pytest.raises(AlreadyLinked) as linked:
        run(backend.request_sferum_link(KLASS_PHONE))
    assert linked.value.message == "Учебный аккаунт успешно привязан к Сферум"

    assert run(backend.unlink_sferum()).status is S.NOT_LINKED
    assert run(backend.sferum_link()).status is S.NOT_LINKED
    run_max_jobs()
    assert max_simulator.link_request(first).status.value == "unlinked"
    with pytest.raises(NotFound):
        run(backend.unlink_sferum())

    assert run(backend.request_sferum_link(KLASS_PHONE)).status is S.SENDING
    run_max_jobs()
    assert run(backend.sferum_link()).status is S.PENDING


def test_a_rejection_in_max_is_shown_and_a_new_request_is_allowed(
    run: AsyncRunner,
    backend: Backend,
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
) -> None:
    log_in(run, backend, "klass")
    run(backend.request_sferum_link(KLASS_PHONE))
    run_max_jobs()
    max_simulator.answer_link(_request_of(max_simulator, KLASS_PHONE), accept=False)
    run_max_jobs()
    rejected = run(backend.sferum_link())
    assert rejected.status is S.REJECTED
    assert "«Не подключать»" in rejected.message
    assert run(backend.request_sferum_link(KLASS_PHONE)).status is S.SENDING


@pytest.mark.parametrize(
    "typed", ["+7 (495) 123-45-67", "12345", "+7 (903) 785-09-3", "телефон", "+1 212 555 0100"]
)
def test_a_number_that_is_not_a_russian_mobile_is_refused_before_sending(
    run: AsyncRunner, backend: Backend, max_simulator: SimulatedMax, typed: str
) -> None:
    log_in(run, backend, "klass")
    with pytest.raises(ValidationFailed) as refused:
        run(backend.request_sferum_link(typed))
    assert refused.value.message == (
        "Номер телефона должен соответствовать формату +7 (9XX) XXX-XX-XX."
    )
    assert "phone" in refused.value.field_errors
    assert run(backend.sferum_link()).status is S.NOT_LINKED


def test_a_number_without_a_max_account_gets_its_own_message(
    run: AsyncRunner, backend: Backend, run_max_jobs: Callable[[], None]
) -> None:
    log_in(run, backend, "klass")
    run(backend.request_sferum_link("+7 999 000-00-01"))
    run_max_jobs()
    failed = run(backend.sferum_link())
    assert failed.status is S.FAILED
    assert failed.message.startswith("Номер телефона не зарегистрирован на платформе МАХ.")


def test_while_max_is_down_the_request_waits_and_goes_out_later(
    run: AsyncRunner,
    backend: Backend,
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
    clock,
) -> None:
    import datetime as dt

    log_in(run, backend, "klass")
    assert max_simulator.faults is not None
    max_simulator.faults.inject(FaultKind.SERVER_ERROR, count=1)
    run(backend.request_sferum_link(KLASS_PHONE))
    run_max_jobs()
    waiting = run(backend.sferum_link())
    assert waiting.status is S.SENDING
    assert waiting.message.startswith("Платформа МАХ сейчас недоступна.")
    assert max_simulator.messages_for(KLASS_PHONE) == []

    clock.advance(dt.timedelta(seconds=5))
    run_max_jobs()
    assert run(backend.sferum_link()).status is S.PENDING
    assert len(max_simulator.messages_for(KLASS_PHONE)) == 1, "sent once"


def test_one_phone_is_not_linked_to_two_accounts_of_the_same_role(
    run: AsyncRunner,
    backend: Backend,
    other_backend: Backend,
    run_max_jobs: Callable[[], None],
) -> None:
    log_in(run, backend, "klass")
    run(backend.request_sferum_link(KLASS_PHONE))
    log_in(run, other_backend, "uchitel")
    with pytest.raises(ValidationFailed) as refused:
        run(other_backend.request_sferum_link(KLASS_PHONE))
    assert "уже привязан к другой учетной записи" in refused.value.message


def test_two_pcs_asking_at_once_send_one_request(
    run: AsyncRunner,
    backend: Backend,
    other_backend: Backend,
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
) -> None:
    log_in(run, backend, "klass")
    log_in(run, other_backend, "klass")
    run(backend.request_sferum_link(KLASS_PHONE))
    with pytest.raises(LinkAlreadyRequested):
        run(other_backend.request_sferum_link(KLASS_PHONE))
    run_max_jobs()
    assert len(max_simulator.messages_for(KLASS_PHONE)) == 1


def test_an_organisation_with_its_own_max_address_is_served_there_over_http(
    run: AsyncRunner,
    backend: Backend,
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
    tmp_path: Path,
) -> None:
    from backend.contract import OrganisationSettingsUpdate
    from backend.database import sqlite_url
    from backend.max.simulator.server import create_sim_app
    from tests.helpers import LoopbackServer

    platform = SimulatedMax(sqlite_url(tmp_path / "platform.sqlite3"))
    platform.add_user(KLASS_PHONE, "Роман", "Малышев")
    try:
        with LoopbackServer(create_sim_app(platform, token="school-7-token")) as server:
            log_in(run, backend, "admin")
            settings = run(backend.organisation_settings())
            run(
                backend.update_organisation_settings(
                    OrganisationSettingsUpdate(
                        name=settings.name,
                        short_name=settings.short_name,
                        chat_admin_employee_id=settings.chat_admin_employee_id,
                        version=settings.version,
                        max_api_url=f"http://127.0.0.1:{server.port}",
                        max_token="school-7-token",
                    )
                )
            )
            log_in(run, backend, "klass")
            run(backend.request_sferum_link(KLASS_PHONE))
            run_max_jobs()
            assert run(backend.sferum_link()).status is S.PENDING
            assert len(platform.messages_for(KLASS_PHONE)) == 1, "sent over HTTP"
            assert max_simulator.messages_for(KLASS_PHONE) == [], "not to the default"
    finally:
        platform.close()


def test_what_max_has_not_taken_yet_is_listed_with_the_reason(
    run: AsyncRunner,
    backend: Backend,
    other_backend: Backend,
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
) -> None:
    log_in(run, backend, "klass")
    assert max_simulator.faults is not None
    max_simulator.faults.inject(FaultKind.SERVER_ERROR, count=1)
    run(backend.request_sferum_link(KLASS_PHONE))
    run_max_jobs()
    (waiting,) = run(backend.max_deliveries())
    assert waiting.action == "Запрос на привязку к Сферум"
    assert not waiting.failed
    assert waiting.attempts == 1
    assert "Сервис недоступен" in waiting.reason

    log_in(run, other_backend, "uchitel")
    assert run(other_backend.max_deliveries()) == [], "another teacher's requests are theirs"
    log_in(run, other_backend, "chatadmin")
    assert [d.id for d in run(other_backend.max_deliveries())] == [waiting.id]


def test_a_refusal_stays_listed_until_it_is_dealt_with(
    run: AsyncRunner, backend: Backend, run_max_jobs: Callable[[], None]
) -> None:
    log_in(run, backend, "klass")
    run(backend.request_sferum_link("+7 999 000-00-01"))
    run_max_jobs()
    (refused,) = run(backend.max_deliveries())
    assert refused.failed
    assert "user.not.found" in refused.reason
