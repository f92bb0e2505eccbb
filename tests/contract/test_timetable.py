"""The timetable by dates and the КТП."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.contract import Backend, PermissionDenied, ValidationFailed
from tests.conftest import TODAY
from tests.contract.conftest import log_in
from tests.helpers import AsyncRunner

MONDAY = TODAY  # 23.11.2026
FRIDAY = MONDAY + dt.timedelta(days=4)


def test_a_teacher_has_lessons_on_weekdays_only(run: AsyncRunner, backend: Backend) -> None:
    me = log_in(run, backend, "uchitel")
    lessons = run(
        backend.timetable(MONDAY, MONDAY + dt.timedelta(days=13), teacher_id=me.employee_id)
    )
    assert lessons
    assert {lesson.teacher_id for lesson in lessons} == {me.employee_id}
    assert all(lesson.date.weekday() < 5 for lesson in lessons)
    assert min(lesson.date for lesson in lessons) >= MONDAY
    assert max(lesson.date for lesson in lessons) <= MONDAY + dt.timedelta(days=13)
    slots = [(lesson.date, lesson.number) for lesson in lessons]
    assert len(slots) == len(set(slots)), "a teacher is never in two places at once"
    assert lessons == sorted(lessons, key=lambda x: (x.date, x.number))


def test_a_class_has_six_lessons_a_day_at_real_bell_times(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "klass")
    fifth_a = next(c for c in run(backend.list_classes()) if c.name == "5А")
    lessons = run(backend.timetable(MONDAY, FRIDAY, class_id=fifth_a.id))
    for day in range(5):
        numbers = {x.number for x in lessons if x.date == MONDAY + dt.timedelta(days=day)}
        assert numbers == {1, 2, 3, 4, 5, 6}
    first = next(x for x in lessons if x.number == 1)
    assert (first.starts_at, first.ends_at) == (dt.time(8, 0), dt.time(8, 45))
    assert all(x.ends_at > x.starts_at for x in lessons)


def test_the_timetable_covers_this_week_and_the_next(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "klass")
    this_week = run(backend.timetable(MONDAY, FRIDAY))
    next_week = run(backend.timetable(MONDAY + dt.timedelta(days=7), FRIDAY + dt.timedelta(days=7)))
    week_after = run(
        backend.timetable(MONDAY + dt.timedelta(days=14), FRIDAY + dt.timedelta(days=14))
    )
    assert len(this_week) == len(next_week) > 0
    assert week_after == []


def test_a_student_sees_only_their_class(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "uchenik")
    lessons = run(backend.timetable(MONDAY, FRIDAY))
    assert lessons
    assert {x.class_name for x in lessons} == {"5А"}
    slots = [(x.date, x.number) for x in lessons]
    assert len(slots) == len(set(slots)), "only the student's own sub-group"


def test_a_parent_sees_their_childs_class(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "roditel")
    lessons = run(backend.timetable(MONDAY, MONDAY))
    assert {x.class_name for x in lessons} == {"5А"}
    run(backend.log_out())
    log_in(run, backend, "klass")
    other_class = next(c for c in run(backend.list_classes()) if c.name == "7Б")
    run(backend.log_out())
    log_in(run, backend, "roditel")
    with pytest.raises(PermissionDenied):
        run(backend.timetable(MONDAY, MONDAY, class_id=other_class.id))


def test_a_timetable_period_is_checked(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "klass")
    with pytest.raises(ValidationFailed):
        run(backend.timetable(FRIDAY, MONDAY))
    with pytest.raises(ValidationFailed):
        run(backend.timetable(MONDAY, MONDAY + dt.timedelta(days=400)))


def test_ktp_topics_cover_the_school_year(run: AsyncRunner, backend: Backend) -> None:
    me = log_in(run, backend, "uchitel")
    lesson = run(backend.timetable(MONDAY, FRIDAY, teacher_id=me.employee_id))[0]
    topics = run(backend.list_ktp_topics(lesson.group_id, lesson.subject_id))
    assert len(topics) >= 34
    assert [t.number for t in topics] == list(range(1, len(topics) + 1))
    assert all(t.title for t in topics)
    assert {t.group_id for t in topics} == {lesson.group_id}
