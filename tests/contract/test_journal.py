"""«Журнал на урок» on every backend: binding a lesson to a КТП topic and unbinding it, the
suggested next topic, the main work type, «Урок проведен» and the bold (not conducted) dates,
concurrent saves, and a teacher not reaching other teachers' lessons."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from backend.clock import FixedClock
from backend.contract import (
    WORK_TYPES,
    Backend,
    Conflict,
    Lesson,
    LessonRecordUpdate,
    PermissionDenied,
    ValidationFailed,
)
from tests.contract.conftest import log_in
from tests.helpers import AsyncRunner


def _my_lessons(run: AsyncRunner, backend: Backend, clock: FixedClock, login: str) -> list[Lesson]:
    user = log_in(run, backend, login)
    today = clock.now().date()
    return run(backend.timetable(today, today + dt.timedelta(days=6), teacher_id=user.employee_id))


def test_a_lesson_is_bound_to_the_suggested_topic_and_marked_conducted(
    run: AsyncRunner, backend: Backend, clock: FixedClock
) -> None:
    first = _my_lessons(run, backend, clock, "uchitel")[0]
    record = run(backend.lesson_record(first.id))
    assert record.topic is None
    assert not record.conducted
    assert record.version == 0
    assert record.can_edit
    topics = run(backend.list_ktp_topics(first.group_id, first.subject_id))
    assert record.suggested_topic_id == topics[0].id

    saved = run(
        backend.save_lesson_record(
            LessonRecordUpdate(
                lesson_id=first.id,
                topic_id=record.suggested_topic_id,
                work_type=WORK_TYPES[0],
                conducted=True,
                version=record.version,
            )
        )
    )
    assert saved.topic is not None
    assert saved.topic.title == topics[0].title
    assert saved.work_type == WORK_TYPES[0]
    assert saved.conducted
    assert saved.version == 1
    listed = {
        x.id: x for x in run(backend.timetable(first.date, first.date, group_id=first.group_id))
    }
    assert listed[first.id].conducted is True
    assert listed[first.id].topic == f"{topics[0].number}. {topics[0].title}"

    same_group = next(
        (
            lesson
            for lesson in _my_lessons(run, backend, clock, "uchitel")
            if lesson.id != first.id
            and lesson.group_id == first.group_id
            and lesson.subject_id == first.subject_id
        ),
        None,
    )
    if same_group is not None:
        assert run(backend.lesson_record(same_group.id)).suggested_topic_id == topics[1].id

    unbound = run(
        backend.save_lesson_record(
            LessonRecordUpdate(
                lesson_id=first.id,
                topic_id=None,
                work_type=None,
                conducted=False,
                version=saved.version,
            )
        )
    )
    assert unbound.topic is None
    assert not unbound.conducted
    assert unbound.suggested_topic_id == topics[0].id
    (relisted,) = [
        x
        for x in run(backend.timetable(first.date, first.date, group_id=first.group_id))
        if x.id == first.id
    ]
    assert relisted.topic is None
    assert not relisted.conducted


def test_a_topic_of_another_group_or_an_unknown_work_type_is_refused(
    run: AsyncRunner, backend: Backend, clock: FixedClock
) -> None:
    lessons = _my_lessons(run, backend, clock, "uchitel")
    first = lessons[0]
    other = next(lesson for lesson in lessons if lesson.group_id != first.group_id)
    foreign = run(backend.list_ktp_topics(other.group_id, other.subject_id))[0]
    with pytest.raises(ValidationFailed) as error:
        run(
            backend.save_lesson_record(
                LessonRecordUpdate(
                    lesson_id=first.id,
                    topic_id=foreign.id,
                    work_type="Урок-путешествие",
                    conducted=False,
                    version=0,
                )
            )
        )
    assert set(error.value.field_errors) == {"topic_id", "work_type"}
    assert run(backend.lesson_record(first.id)).version == 0


def test_a_topic_taught_in_another_lesson_is_refused_and_not_suggested(
    run: AsyncRunner, backend: Backend, clock: FixedClock
) -> None:
    lessons = _my_lessons(run, backend, clock, "uchitel")
    first = lessons[0]
    second = next(
        x
        for x in lessons
        if x.id != first.id and (x.group_id, x.subject_id) == (first.group_id, first.subject_id)
    )
    topics = run(backend.list_ktp_topics(first.group_id, first.subject_id))
    assert all(topic.hours == 1 for topic in topics[:2])
    run(
        backend.save_lesson_record(
            LessonRecordUpdate(
                lesson_id=first.id,
                topic_id=topics[0].id,
                work_type=None,
                conducted=False,
                version=0,
            )
        )
    )
    record = run(backend.lesson_record(second.id))
    assert record.suggested_topic_id == topics[1].id
    with pytest.raises(ValidationFailed) as error:
        run(
            backend.save_lesson_record(
                LessonRecordUpdate(
                    lesson_id=second.id,
                    topic_id=topics[0].id,
                    work_type=None,
                    conducted=False,
                    version=record.version,
                )
            )
        )
    assert error.value.field_errors["topic_id"] == (
        f"Тема уже привязана к уроку {first.date:%d.%m.%Y} ({first.number} урок). "
        "Выберите другую тему."
    )
    assert run(backend.lesson_record(second.id)).topic is None
    # Its own topic stays bindable to the lesson that has it.
    again = run(backend.lesson_record(first.id))
    assert again.suggested_topic_id == topics[0].id
    saved = run(
        backend.save_lesson_record(
            LessonRecordUpdate(
                lesson_id=first.id,
                topic_id=topics[0].id,
                work_type=None,
                conducted=True,
                version=again.version,
            )
        )
    )
    assert saved.topic is not None
    assert saved.topic.id == topics[0].id


def test_a_lesson_of_a_day_to_come_cannot_be_marked_conducted(
    run: AsyncRunner, backend: Backend, clock: FixedClock
) -> None:
    today = clock.now().date()
    later = next(x for x in _my_lessons(run, backend, clock, "uchitel") if x.date > today)
    change = LessonRecordUpdate(
        lesson_id=later.id, topic_id=None, work_type=None, conducted=True, version=0
    )
    with pytest.raises(ValidationFailed) as error:
        run(backend.save_lesson_record(change))
    assert error.value.field_errors == {
        "conducted": "Урок еще не наступил: отметить его проведенным можно в день урока."
    }
    planned = run(backend.save_lesson_record(dataclasses.replace(change, conducted=False)))
    assert not planned.conducted
    assert planned.version == 1


def test_two_saves_of_one_lesson_the_second_is_told(
    run: AsyncRunner, backend: Backend, other_backend: Backend, clock: FixedClock
) -> None:
    lesson = _my_lessons(run, backend, clock, "uchitel")[0]
    log_in(run, other_backend, "uchitel")
    change = LessonRecordUpdate(
        lesson_id=lesson.id, topic_id=None, work_type=None, conducted=True, version=0
    )
    run(other_backend.save_lesson_record(change))
    with pytest.raises(Conflict):
        run(backend.save_lesson_record(dataclasses.replace(change, conducted=False)))
    assert run(backend.lesson_record(lesson.id)).conducted


def test_a_teacher_does_not_reach_another_teachers_lesson(
    run: AsyncRunner, backend: Backend, clock: FixedClock
) -> None:
    theirs = _my_lessons(run, backend, clock, "klass")[0]
    log_in(run, backend, "uchitel")
    with pytest.raises(PermissionDenied):
        run(backend.lesson_record(theirs.id))
    with pytest.raises(PermissionDenied):
        run(
            backend.save_lesson_record(
                LessonRecordUpdate(
                    lesson_id=theirs.id, topic_id=None, work_type=None, conducted=True, version=0
                )
            )
        )
