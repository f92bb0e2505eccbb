"""The demo school: deterministic, realistic, and big enough when asked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from backend.database import Database, sqlite_url
from backend.demo import curriculum
from backend.demo.generator import DemoSize, create_demo_school, extend_demo_timetable
from backend.demo.names import FullName, female_surname, login_for, patronymic
from backend.schema import models as m
from tests.conftest import TODAY


def _generate(path: Path, size: DemoSize = DemoSize.STANDARD, today: dt.date = TODAY) -> Database:
    database = Database(sqlite_url(path))
    database.upgrade()
    with database.session() as session:
        create_demo_school(session, today, size=size)
    return database


def _fingerprint(database: Database) -> list[tuple]:
    with database.session() as session:
        people = session.execute(
            select(
                m.Person.last_name,
                m.Person.first_name,
                m.Person.middle_name,
                m.Person.birth_date,
                m.Person.phone,
            ).order_by(m.Person.id)
        ).all()
        lessons = session.execute(
            select(m.Lesson.date, m.Lesson.number, m.Lesson.group_id, m.Lesson.teacher_id).order_by(
                m.Lesson.id
            )
        ).all()
    return [tuple(row) for row in people + lessons]


def test_the_same_seed_and_date_give_the_same_school(tmp_path: Path, demo_template: Path) -> None:
    again = _generate(tmp_path / "again.sqlite3")
    template = Database(sqlite_url(demo_template))
    assert _fingerprint(again) == _fingerprint(template)
    again.dispose()
    template.dispose()


def test_every_grade_fills_thirty_lessons_a_week() -> None:
    for grade, plan in curriculum.WEEKLY_PLAN.items():
        assert sum(plan.values()) == curriculum.WEEKLY_LESSONS, grade
        assert set(plan) <= set(curriculum.TEACHER_POSITION) | curriculum.PRIMARY_TEACHER_SUBJECTS
        assert set(plan) <= set(curriculum.KTP_TOPICS)


def test_no_teacher_is_booked_twice_and_every_class_has_six_lessons(demo_template: Path) -> None:
    database = Database(sqlite_url(demo_template))
    with database.session() as session:
        double_booked = session.execute(
            select(m.Lesson.teacher_id, m.Lesson.date, m.Lesson.number)
            .group_by(m.Lesson.teacher_id, m.Lesson.date, m.Lesson.number)
            .having(func.count() > 1)
        ).all()
        per_day = session.execute(
            select(m.Group.class_id, m.Lesson.date, func.count(func.distinct(m.Lesson.number)))
            .join(m.Group, m.Group.id == m.Lesson.group_id)
            .group_by(m.Group.class_id, m.Lesson.date)
        ).all()
    database.dispose()
    assert double_booked == []
    assert {count for _class, _date, count in per_day} == {6}


def test_the_large_school_is_large(tmp_path: Path) -> None:
    database = _generate(tmp_path / "large.sqlite3", DemoSize.LARGE)
    with database.session() as session:
        main = session.scalars(select(m.Organisation.id).order_by(m.Organisation.id)).first()
        classes = session.scalar(
            select(func.count())
            .select_from(m.SchoolClass)
            .where(m.SchoolClass.organisation_id == main)
        )
        students = session.scalar(
            select(func.count()).select_from(m.Student).where(m.Student.organisation_id == main)
        )
        staff = session.scalar(
            select(func.count()).select_from(m.Employee).where(m.Employee.organisation_id == main)
        )
    database.dispose()
    assert classes >= 150
    assert students >= 4000
    assert staff >= 300


def test_an_old_demo_timetable_is_carried_forward(tmp_path: Path) -> None:
    database = _generate(tmp_path / "old.sqlite3", today=TODAY - dt.timedelta(weeks=5))
    later = TODAY + dt.timedelta(days=2)
    with database.session() as session:
        added = extend_demo_timetable(session, later)
        dates = session.scalars(select(m.Lesson.date).distinct()).all()
    with database.session() as session:
        assert extend_demo_timetable(session, later) == 0
    database.dispose()
    assert added > 0
    monday = TODAY
    for day in (monday, monday + dt.timedelta(days=4), monday + dt.timedelta(days=11)):
        assert day in dates


def test_the_weeks_lessons_before_today_are_conducted_on_the_ktp_in_order(
    tmp_path: Path,
) -> None:
    thursday = TODAY + dt.timedelta(days=3)
    database = _generate(tmp_path / "thursday.sqlite3", today=thursday)
    with database.session() as session:
        rows = session.execute(
            select(m.Lesson.date, m.Lesson.group_id, m.LessonRecord.conducted, m.KtpTopic.number)
            .outerjoin(m.LessonRecord, m.LessonRecord.lesson_id == m.Lesson.id)
            .outerjoin(m.KtpTopic, m.KtpTopic.id == m.LessonRecord.ktp_topic_id)
            .order_by(m.Lesson.date, m.Lesson.number)
        ).all()
    database.dispose()
    assert {bool(c) for d, _g, c, _n in rows if d < thursday} == {True}
    assert {bool(c) for d, _g, c, _n in rows if d >= thursday} == {False}
    numbers: dict[int, list[int]] = {}
    for day, group_id, _conducted, number in rows:
        if day < thursday:
            numbers.setdefault(group_id, []).append(number)
    assert numbers
    for taken in numbers.values():
        assert taken == list(range(1, len(taken) + 1)), "topics follow the КТП, none skipped"


@pytest.mark.parametrize(
    ("father", "son", "daughter"),
    [
        ("Иван", "Иванович", "Ивановна"),
        ("Сергей", "Сергеевич", "Сергеевна"),
        ("Николай", "Николаевич", "Николаевна"),
        ("Игорь", "Игоревич", "Игоревна"),
        ("Илья", "Ильич", "Ильинична"),
        ("Юрий", "Юрьевич", "Юрьевна"),
        ("Дмитрий", "Дмитриевич", "Дмитриевна"),
    ],
)
def test_patronymics(father: str, son: str, daughter: str) -> None:
    assert patronymic(father, female=False) == son
    assert patronymic(father, female=True) == daughter


def test_surnames_and_logins() -> None:
    assert female_surname("Иванов") == "Иванова"
    assert female_surname("Островский") == "Островская"
    assert female_surname("Шевченко") == "Шевченко"
    assert login_for(FullName("Щербакова", "Юлия", "Сергеевна", True)) == "shcherbakova.yus"


def test_the_demo_accounts_phones_are_the_ones_the_readme_gives(tmp_path) -> None:
    """The README tells demo users which phone to type when linking to Sferum."""
    import datetime as dt

    from sqlalchemy import select

    from backend.database import Database, sqlite_url
    from backend.demo.generator import create_demo_school
    from backend.schema import models as m

    database = Database(sqlite_url(tmp_path / "demo.sqlite3"))
    database.upgrade()
    with database.session() as session:
        create_demo_school(session, dt.date(2027, 3, 1))  # another day: the same people
        phones = dict(session.execute(select(m.Account.login, m.Person.phone).join(m.Person)).all())
    database.dispose()
    assert phones["klass"] == "+79037850930"
    assert phones["uchitel"] == "+79350930998"
    assert phones["roditel"] == "+79401051214"
