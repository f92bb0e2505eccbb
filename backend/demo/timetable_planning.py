"""Planning the demo timetable: a week in which no teacher is in two places at once, its
lessons over two weeks, the КТП topics, and the lessons before today already given."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Sequence

from backend.demo import curriculum as plan
from backend.demo.school_plan import ConductedLesson, GroupPlan, LessonPlan, TopicPlan

WEEKS = 2  # this week and the next


def school_year_start(today: dt.date) -> dt.date:
    return dt.date(today.year if today.month >= 9 else today.year - 1, 9, 1)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def weekly_timetable(
    rng: random.Random, classes: Sequence[tuple[int, str]], groups: Sequence[GroupPlan]
) -> dict[int, dict[tuple[int, int], str]]:
    """class index → {(weekday, lesson number): subject}, with no teacher double-booked."""
    teachers_of: dict[tuple[int, str], set[int]] = defaultdict(set)
    for group in groups:
        if group.teacher is not None:
            teachers_of[(group.class_index, group.subject)].add(group.teacher)
    remaining = {
        class_index: dict(plan.WEEKLY_PLAN[grade])
        for class_index, (grade, _letter) in enumerate(classes)
    }
    table: dict[int, dict[tuple[int, int], str]] = defaultdict(dict)
    busy: dict[tuple[int, int], set[int]] = defaultdict(set)
    for day in range(plan.SCHOOL_DAYS):
        per_day: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for number in range(1, plan.LESSONS_PER_DAY + 1):
            slot = (day, number)
            order = list(remaining)
            rng.shuffle(order)
            for class_index in order:
                left = {s: h for s, h in remaining[class_index].items() if h > 0}
                free = [s for s in left if not teachers_of[(class_index, s)] & busy[slot]]
                weekly = plan.WEEKLY_PLAN[classes[class_index][0]]
                days_left = plan.SCHOOL_DAYS - day
                # Prefer a subject not yet at its daily share, then the one most behind.
                scored = [
                    (
                        (per_day[class_index][s] < -(-weekly[s] // plan.SCHOOL_DAYS)) * 10
                        + left[s] / days_left
                        + rng.random(),
                        s,
                    )
                    for s in (free or list(left))
                ]
                subject = max(scored)[1]
                table[class_index][slot] = subject
                remaining[class_index][subject] -= 1
                per_day[class_index][subject] += 1
                busy[slot] |= teachers_of[(class_index, subject)]
    _repair_conflicts(rng, table, teachers_of)
    return table


def _repair_conflicts(
    rng: random.Random,
    table: dict[int, dict[tuple[int, int], str]],
    teachers_of: dict[tuple[int, str], set[int]],
) -> None:
    """Swap two lessons of a class until no teacher has two lessons in one slot."""
    slots = [(d, n) for d in range(plan.SCHOOL_DAYS) for n in range(1, plan.LESSONS_PER_DAY + 1)]
    occupancy: dict[tuple[int, int], dict[int, int]] = {slot: defaultdict(int) for slot in slots}
    clashes = 0

    def place(class_index: int, slot: tuple[int, int], sign: int) -> None:
        nonlocal clashes
        for teacher in teachers_of[(class_index, table[class_index][slot])]:
            if sign > 0:
                clashes += occupancy[slot][teacher] >= 1
            else:
                clashes -= occupancy[slot][teacher] >= 2
            occupancy[slot][teacher] += sign

    def swap(class_index: int, a: tuple[int, int], b: tuple[int, int]) -> None:
        place(class_index, a, -1)
        place(class_index, b, -1)
        lessons = table[class_index]
        lessons[a], lessons[b] = lessons[b], lessons[a]
        place(class_index, a, +1)
        place(class_index, b, +1)

    for class_index in table:
        for slot in slots:
            place(class_index, slot, +1)
    for _round in range(100):
        if not clashes:
            return
        for class_index in table:
            for slot in slots:
                if all(
                    occupancy[slot][t] < 2
                    for t in teachers_of[(class_index, table[class_index][slot])]
                ):
                    continue
                others = list(slots)
                rng.shuffle(others)
                for other in others:
                    before = clashes
                    swap(class_index, slot, other)
                    if clashes < before:
                        break
                    swap(class_index, slot, other)
    raise RuntimeError(f"could not build a timetable without clashes ({clashes} left)")


def lessons_of(
    template: dict[int, dict[tuple[int, int], str]],
    groups: Sequence[GroupPlan],
    first_monday: dt.date,
) -> list[LessonPlan]:
    """The weekly template laid over this week and the next, one lesson per group."""
    groups_of: dict[tuple[int, str], list[int]] = defaultdict(list)
    for index, group in enumerate(groups):
        groups_of[(group.class_index, group.subject)].append(index)
    lessons = []
    for week in range(WEEKS):
        monday = first_monday + dt.timedelta(weeks=week)
        for class_index, slots in sorted(template.items()):
            for (day, number), subject in sorted(slots.items()):
                for group in groups_of[(class_index, subject)]:
                    lessons.append(
                        LessonPlan(monday + dt.timedelta(days=day), number, group, subject)
                    )
    return lessons


def ktp_topics(groups: Sequence[GroupPlan]) -> list[TopicPlan]:
    return [
        TopicPlan(index, number, title)
        for index, group in enumerate(groups)
        for number, title in enumerate(plan.ktp_titles(group.subject, group.hours), start=1)
    ]


def conducted_lessons(
    lessons: Sequence[LessonPlan], topics: Sequence[TopicPlan], today: dt.date
) -> list[ConductedLesson]:
    """The lessons before today were given, bound to their group's КТП topics in order, as a
    teacher keeps the journal."""
    unused: dict[int, list[int]] = defaultdict(list)
    for index, topic in enumerate(topics):
        unused[topic.group].append(index)
    for queue in unused.values():
        queue.reverse()  # pop() takes the lowest number first
    past = sorted(
        (lesson.date, lesson.number, index)
        for index, lesson in enumerate(lessons)
        if lesson.date < today
    )
    conducted = []
    for _date, _number, index in past:
        queue = unused[lessons[index].group]
        conducted.append(ConductedLesson(index, queue.pop() if queue else None))
    return conducted
