"""Video conferences on every backend, with the test's clock instead of waiting: validation,
the default name of an online lesson, the lifecycle (start, end, catching up, missed ones,
forced end, deletion of an active one, MAX refusing and «Повторить»), and who may do what."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from backend.clock import FixedClock
from backend.contract import (
    Backend,
    ChatKind,
    ChatMemberChoice,
    Conference,
    ConferenceDraft,
    ConferenceKind,
    ConferenceStatus,
    NotFound,
    PageRequest,
    PermissionDenied,
    ValidationFailed,
)
from backend.max.gateway import CallStatus
from backend.max.simulator.faults import FaultKind
from backend.max.simulator.state import SimulatedMax
from tests.contract.chat_helpers import all_chats
from tests.contract.conftest import log_in
from tests.helpers import AsyncRunner

CS = ConferenceStatus
MINUTE = dt.timedelta(minutes=1)


def _draft(
    run: AsyncRunner,
    backend: Backend,
    clock: FixedClock,
    *,
    chat_kind: ChatKind = ChatKind.PARENTS,
    kind: ConferenceKind = ConferenceKind.CALL,
    in_minutes: int = 2,
    minutes: int = 3,
    title: str = "Родительское собрание",
) -> ConferenceDraft:
    summary = next(c for c in all_chats(run, backend) if c.kind is chat_kind)
    chat = run(backend.chat(summary.id))
    start = clock.now() + in_minutes * MINUTE
    return ConferenceDraft(
        title=title,
        kind=kind,
        chat_id=chat.id,
        starts_at=start,
        ends_at=start + minutes * MINUTE,
        members=tuple(ChatMemberChoice(m.person_id, m.kind) for m in chat.members),
    )


def _status(run: AsyncRunner, backend: Backend, conference: Conference) -> Conference:
    return run(backend.conference(conference.id))


def test_a_conference_starts_and_ends_by_itself(
    run: AsyncRunner,
    backend: Backend,
    clock: FixedClock,
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
) -> None:
    log_in(run, backend, "klass")
    draft = _draft(run, backend, clock)
    saved = run(backend.save_conference(draft))
    assert saved.status is CS.NEW
    assert saved.join_link is None
    assert saved.participant_count == len(draft.members)
    assert {m.kind.value for m in saved.members} >= {"employee", "parent"}

    run_max_jobs()
    assert _status(run, backend, saved).status is CS.NEW, "not before its time"

    clock.advance(2 * MINUTE)
    run_max_jobs()
    active = _status(run, backend, saved)
    assert active.status is CS.ACTIVE
    assert active.join_link
    call_id = active.join_link.rsplit("/", 1)[-1]
    assert max_simulator.call(call_id).status is CallStatus.STARTED

    clock.advance(3 * MINUTE)
    run_max_jobs()
    finished = _status(run, backend, saved)
    assert finished.status is CS.FINISHED
    assert finished.join_link is None
    assert max_simulator.call(call_id).status is CallStatus.FINISHED


def test_a_conference_missed_while_nothing_ran_is_an_error_one_begun_late_still_starts(
    run: AsyncRunner, backend: Backend, clock: FixedClock, run_max_jobs: Callable[[], None]
) -> None:
    log_in(run, backend, "klass")
    late = run(backend.save_conference(_draft(run, backend, clock, minutes=60)))
    missed = run(
        backend.save_conference(
            _draft(run, backend, clock, in_minutes=120, minutes=5, title="Пропущенная")
        )
    )
    clock.advance(200 * MINUTE)  # the program was closed the whole time
    run_max_jobs()
    assert _status(run, backend, late).status is CS.ERROR
    error = _status(run, backend, missed)
    assert error.status is CS.ERROR
    assert "не проводилась" in error.status_message

    again = run(backend.save_conference(_draft(run, backend, clock, minutes=30)))
    clock.advance(10 * MINUTE)  # closed at its start, opened while it should still run
    run_max_jobs()
    assert _status(run, backend, again).status is CS.ACTIVE


def test_ending_at_once_and_deleting_an_active_one_finish_the_call(
    run: AsyncRunner,
    backend: Backend,
    clock: FixedClock,
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
) -> None:
    log_in(run, backend, "klass")
    first = run(backend.save_conference(_draft(run, backend, clock, in_minutes=1)))
    second = run(
        backend.save_conference(
            _draft(
                run, backend, clock, in_minutes=1, chat_kind=ChatKind.CLASS, title="Классный час"
            )
        )
    )
    clock.advance(MINUTE)
    run_max_jobs()
    first, second = _status(run, backend, first), _status(run, backend, second)
    assert first.status is second.status is CS.ACTIVE

    ended = run(backend.end_conference(first.id))
    assert ended.status is CS.FINISHED
    assert max_simulator.call(first.join_link.rsplit("/", 1)[-1]).status is CallStatus.FINISHED

    second_call = second.join_link.rsplit("/", 1)[-1]
    run(backend.delete_conference(second.id, second.version))
    with pytest.raises(NotFound):
        run(backend.conference(second.id))
    run_max_jobs()
    assert max_simulator.call(second_call).status is CallStatus.FINISHED


def test_a_refusal_by_max_is_an_error_with_the_reason_and_can_be_retried(
    run: AsyncRunner,
    backend: Backend,
    clock: FixedClock,
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
) -> None:
    log_in(run, backend, "klass")
    saved = run(backend.save_conference(_draft(run, backend, clock, in_minutes=1)))
    clock.advance(MINUTE)
    assert max_simulator.faults is not None
    max_simulator.faults.inject(FaultKind.REFUSED)
    run_max_jobs()
    failed = _status(run, backend, saved)
    assert failed.status is CS.ERROR
    assert "Недостаточно прав" in failed.status_message

    retried = run(backend.retry_conference(saved.id))
    assert retried.status is CS.NEW
    run_max_jobs()
    assert _status(run, backend, saved).status is CS.ACTIVE


def test_while_max_is_unreachable_the_conference_waits_and_starts_later(
    run: AsyncRunner,
    backend: Backend,
    clock: FixedClock,
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
) -> None:
    log_in(run, backend, "klass")
    saved = run(backend.save_conference(_draft(run, backend, clock, in_minutes=1)))
    clock.advance(MINUTE)
    assert max_simulator.faults is not None
    max_simulator.faults.inject(FaultKind.SERVER_ERROR, count=3)  # the HTTP client retries
    run_max_jobs()
    waiting = _status(run, backend, saved)
    assert waiting.status is CS.NEW
    assert "недоступна" in waiting.status_message
    max_simulator.faults.clear()
    run_max_jobs()
    assert _status(run, backend, saved).status is CS.ACTIVE


def test_the_fields_are_checked_and_nothing_is_saved_while_wrong(
    run: AsyncRunner, backend: Backend, clock: FixedClock
) -> None:
    log_in(run, backend, "klass")
    good = _draft(run, backend, clock)
    cases = {
        "ends_at": ConferenceDraft(**{**_fields(good), "ends_at": good.starts_at - MINUTE}),
        "starts_at": ConferenceDraft(
            **{
                **_fields(good),
                "starts_at": clock.now() - 30 * MINUTE,
                "ends_at": clock.now() - 10 * MINUTE,
            }
        ),
        "chat_id": ConferenceDraft(**{**_fields(good), "chat_id": None}),
        "lesson_id": ConferenceDraft(**{**_fields(good), "lesson_id": 1}),  # not for a call
    }
    for field, draft in cases.items():
        with pytest.raises(ValidationFailed) as error:
            run(backend.save_conference(draft))
        assert field in error.value.field_errors, field
    today = clock.now().date()
    assert run(backend.list_conferences(PageRequest(), date_from=today, date_to=today)).total == 0

    run(backend.save_conference(good))
    with pytest.raises(ValidationFailed) as overlap:
        run(backend.save_conference(ConferenceDraft(**{**_fields(good), "title": "Еще одна"})))
    assert "уже запланирована" in overlap.value.field_errors["starts_at"]


def _fields(draft: ConferenceDraft) -> dict[str, object]:
    return {name: getattr(draft, name) for name in draft.__dataclass_fields__}


def test_an_online_lesson_in_a_subject_chat_needs_a_lesson_and_is_named_after_it(
    run: AsyncRunner, backend: Backend, clock: FixedClock
) -> None:
    from backend.contract import ChatDraft

    user = log_in(run, backend, "uchitel")
    group = next(g for g in run(backend.list_groups()) if g.teacher_id == user.employee_id)
    chat = run(
        backend.save_chat(
            ChatDraft(title="Предмет", kind=ChatKind.SUBJECT, members=(), group_id=group.id)
        )
    )
    lessons = run(
        backend.timetable(
            clock.now().date(), clock.now().date() + dt.timedelta(days=14), group_id=group.id
        )
    )
    lesson = next(
        lesson
        for lesson in lessons
        if dt.datetime.combine(lesson.date, lesson.starts_at, tzinfo=clock.now().tzinfo)
        > clock.now()
    )
    start = dt.datetime.combine(lesson.date, lesson.starts_at, tzinfo=clock.now().tzinfo)
    end = dt.datetime.combine(lesson.date, lesson.ends_at, tzinfo=clock.now().tzinfo)
    draft = ConferenceDraft(
        title="",
        kind=ConferenceKind.LESSON,
        chat_id=chat.id,
        starts_at=start,
        ends_at=end,
        members=(),
    )
    with pytest.raises(ValidationFailed) as error:
        run(backend.save_conference(draft))
    assert "lesson_id" in error.value.field_errors

    saved = run(
        backend.save_conference(ConferenceDraft(**{**_fields(draft), "lesson_id": lesson.id}))
    )
    assert saved.title == (
        f"{lesson.number} - {lesson.date:%d.%m.%Y} - {lesson.starts_at:%H:%M} - "
        f"{lesson.subject_name}"
    )
    assert saved.subject_name == lesson.subject_name
    assert saved.class_name == lesson.class_name
    # «Журнал на урок» asks for the online lessons of one lesson only.
    call = run(
        backend.save_conference(
            ConferenceDraft(
                **{
                    **_fields(draft),
                    "kind": ConferenceKind.CALL,
                    "title": "Консультация",
                    "starts_at": end + dt.timedelta(minutes=5),
                    "ends_at": end + dt.timedelta(minutes=35),
                }
            )
        )
    )
    day = {"date_from": lesson.date, "date_to": lesson.date}
    everything = run(backend.list_conferences(PageRequest(), **day)).items
    assert {saved.id, call.id} <= {c.id for c in everything}
    of_lesson = run(backend.list_conferences(PageRequest(), **day, lesson_id=lesson.id)).items
    assert [c.id for c in of_lesson] == [saved.id]


def test_the_list_follows_the_period_and_the_status(
    run: AsyncRunner, backend: Backend, clock: FixedClock, run_max_jobs: Callable[[], None]
) -> None:
    log_in(run, backend, "klass")
    today = clock.now().date()
    soon = run(backend.save_conference(_draft(run, backend, clock, in_minutes=1)))
    later = run(
        backend.save_conference(
            _draft(run, backend, clock, in_minutes=3 * 24 * 60, title="Через три дня")
        )
    )
    clock.advance(MINUTE)
    run_max_jobs()

    def titles(date_to: dt.date, *statuses: ConferenceStatus) -> list[str]:
        page = run(
            backend.list_conferences(
                PageRequest(), date_from=today, date_to=date_to, statuses=statuses
            )
        )
        return [c.title for c in page.items]

    assert titles(today) == [soon.title]
    assert titles(today + dt.timedelta(days=7)) == [soon.title, later.title]
    assert titles(today + dt.timedelta(days=7), CS.NEW) == [later.title]
    assert titles(today + dt.timedelta(days=7), CS.ACTIVE) == [soon.title]


def test_others_cannot_end_or_see_a_teachers_conference(
    run: AsyncRunner,
    backend: Backend,
    other_backend: Backend,
    clock: FixedClock,
) -> None:
    log_in(run, backend, "klass")
    saved = run(backend.save_conference(_draft(run, backend, clock)))
    log_in(run, other_backend, "uchitel")  # not in the 5А parents' chat
    with pytest.raises(NotFound):
        run(other_backend.conference(saved.id))
    with pytest.raises(NotFound):
        run(other_backend.delete_conference(saved.id, saved.version))
    log_in(run, other_backend, "roditel")
    with pytest.raises(PermissionDenied):
        run(
            other_backend.list_conferences(
                PageRequest(), date_from=clock.now().date(), date_to=clock.now().date()
            )
        )
    log_in(run, other_backend, "chatadmin")
    assert run(other_backend.conference(saved.id)).can_delete


def test_a_class_chats_online_lesson_must_be_a_lesson_of_that_class(
    run: AsyncRunner, backend: Backend, clock: FixedClock
) -> None:
    log_in(run, backend, "klass")
    draft = _draft(run, backend, clock, chat_kind=ChatKind.CLASS, kind=ConferenceKind.LESSON)
    chat = run(backend.chat(draft.chat_id))
    week = clock.now().date() + dt.timedelta(days=7)
    others = run(backend.timetable(clock.now().date(), week))
    foreign = next(lesson for lesson in others if lesson.class_name != chat.class_name)
    with pytest.raises(ValidationFailed) as error:
        run(backend.save_conference(ConferenceDraft(**{**_fields(draft), "lesson_id": foreign.id})))
    assert "lesson_id" in error.value.field_errors
