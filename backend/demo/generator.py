"""A deterministic demo school: the same seed and date always give the same school.

The generator writes with bulk Core inserts (a large school has tens of thousands of rows) and
builds a timetable in which no teacher is in two places at once.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from backend.contract.types import WORK_TYPES, GroupKind, PositionType, StudentStatus
from backend.demo import curriculum as plan
from backend.demo.names import FullName, NameFactory, login_for
from backend.schema import models as m
from backend.security import hash_password
from backend.services.text import search_key

DEMO_SEED = 2026
DEMO_PASSWORD = "demo"


class DemoSize(StrEnum):
    STANDARD = "standard"  # 22 classes, about 550 students
    LARGE = "large"  # 154 classes, over 4,000 students: for benchmarks


@dataclass(frozen=True)
class SchoolShape:
    name: str
    short_name: str
    grades: range
    letters: str
    students_per_class: tuple[int, int]
    max_teacher_load: int  # lessons a week


SHAPES = {
    DemoSize.STANDARD: SchoolShape(
        "Муниципальное бюджетное общеобразовательное учреждение "
        "«Средняя общеобразовательная школа № 7»",
        "МБОУ СОШ № 7",
        range(1, 12),
        "АБ",
        (22, 28),
        24,
    ),
    DemoSize.LARGE: SchoolShape(
        "Государственное бюджетное общеобразовательное учреждение «Школа № 1520»",
        "ГБОУ Школа № 1520",
        range(1, 12),
        "АБВГДЕЖЗИКЛМНП",
        (25, 30),
        17,
    ),
}
SECOND_SCHOOL = SchoolShape(
    "Муниципальное бюджетное общеобразовательное учреждение «Школа № 12»",
    "МБОУ Школа № 12",
    range(5, 12),
    "А",
    (18, 24),
    26,
)


@dataclass(frozen=True)
class DemoAccount:
    login: str
    description: str


# The demo accounts of the main school; the password of each is DEMO_PASSWORD.
DEMO_ACCOUNTS = (
    DemoAccount("klass", "классный руководитель 5А, учитель русского языка и литературы"),
    DemoAccount("uchitel", "учитель математики"),
    DemoAccount("chatadmin", "администратор чатов Сферум, заместитель директора"),
    DemoAccount("admin", "администратор организации, директор"),
    DemoAccount("uchenik", "ученик 5А"),
    DemoAccount("roditel", "родитель ученика 5А"),
    DemoAccount("zablokirovan", "заблокированная учетная запись учителя"),
)
SECOND_SCHOOL_ADMIN_LOGIN = "shkola12.admin"


def school_year_start(today: dt.date) -> dt.date:
    return dt.date(today.year if today.month >= 9 else today.year - 1, 9, 1)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _insert(session: Session, model: type[m.Base], rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert rows in bulk and return their new ids in the same order."""
    if not rows:
        return []
    result = session.execute(
        insert(model).returning(model.id, sort_by_parameter_order=True),  # type: ignore[attr-defined]
        list(rows),
    )
    return [row[0] for row in result]


@dataclass
class _Teacher:
    index: int  # position in the staff list
    position: str
    load: int = 0
    classes: set[int] = field(default_factory=set)


@dataclass
class _GroupPlan:
    class_index: int
    subject: str
    kind: GroupKind
    name: str
    hours: int
    part: int = 0  # sub-group number; 0 for a whole-class group
    teacher: int | None = None  # staff index
    members: list[int] = field(default_factory=list)  # student indexes (sub-groups only)


class _SchoolBuilder:
    """Builds one organisation; every random choice comes from one seeded generator."""

    def __init__(self, session: Session, shape: SchoolShape, today: dt.date, seed: int) -> None:
        self.session = session
        self.shape = shape
        self.today = today
        self.rng = random.Random(f"{seed}:{shape.short_name}")
        self.names = NameFactory(self.rng)
        self.year_start = school_year_start(today)
        self.used_phones: set[str] = set()
        # Staff: (name, position, position type, hired on); indexes are used until ids exist.
        self.staff: list[tuple[FullName, str, PositionType, dt.date]] = []
        self.classes: list[tuple[int, str]] = []  # (grade, letter)
        self.class_teacher: dict[int, int] = {}  # class index → staff index
        # name, birth date, class index, family surname (the masculine form)
        self.students: list[tuple[FullName, dt.date, int, str]] = []
        self.parents: list[FullName] = []
        self.parent_links: list[tuple[int, int, str]] = []  # parent, student, relation
        self.groups: list[_GroupPlan] = []

    # --- people ---------------------------------------------------------------------------
    def phone(self, chance: float = 0.92) -> str | None:
        if self.rng.random() > chance:
            return None
        while True:
            number = f"+79{self.rng.randrange(10**9):09d}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def hire(
        self, position: str, position_type: PositionType, *, female: bool | None = None
    ) -> int:
        if female is None:
            female = self.rng.random() < 0.78  # most Russian school staff are women
        name = self.names.person(female=female)
        years = self.rng.randint(0, 25)
        hired = dt.date(self.year_start.year - years, 8, self.rng.randint(20, 31))
        self.staff.append((name, position, position_type, hired))
        return len(self.staff) - 1

    def build_roster(self) -> None:
        for title, position_type in (
            ("Директор", PositionType.ADMINISTRATION),
            (
                "Заместитель директора по учебно-воспитательной работе",
                PositionType.ADMINISTRATION,
            ),
            (
                "Заместитель директора по учебно-воспитательной работе",
                PositionType.ADMINISTRATION,
            ),
            (
                "Заместитель директора по воспитательной работе",
                PositionType.ADMINISTRATION,
            ),
            ("Педагог-психолог", PositionType.TEACHING),
            ("Социальный педагог", PositionType.TEACHING),
            ("Педагог-библиотекарь", PositionType.TEACHING),
            ("Секретарь", PositionType.OTHER),
            ("Главный бухгалтер", PositionType.OTHER),
            ("Заведующий хозяйством", PositionType.OTHER),
            ("Системный администратор", PositionType.OTHER),
        ):
            self.hire(title, position_type)
        for grade in self.shape.grades:
            for letter in self.shape.letters:
                self.classes.append((grade, letter))
        for class_index, (grade, _letter) in enumerate(self.classes):
            low, high = self.shape.students_per_class
            for _ in range(self.rng.randint(low, high)):
                self._add_student(class_index, grade)

    def _add_student(self, class_index: int, grade: int) -> None:
        # Now and then a younger brother or sister of a student already enrolled.
        sibling_of = None
        if self.students and self.rng.random() < 0.06:
            candidate = self.rng.randrange(len(self.students))
            if self.students[candidate][2] != class_index:
                sibling_of = candidate
        female = self.rng.random() < 0.5
        base = self.students[sibling_of][3] if sibling_of is not None else self.names.surname()
        name = self.names.person(female=female, surname=base)
        age_years = grade + 6
        birth = dt.date(self.year_start.year - age_years, 1, 1) + dt.timedelta(
            days=self.rng.randrange(365)
        )
        self.students.append((name, birth, class_index, base))
        student_index = len(self.students) - 1
        if sibling_of is not None:
            for parent, student, relation in list(self.parent_links):
                if student == sibling_of:
                    self.parent_links.append((parent, student_index, relation))
            return
        mother = self.names.person(female=True, surname=base)
        self.parents.append(mother)
        self.parent_links.append((len(self.parents) - 1, student_index, "Мать"))
        if self.rng.random() < 0.6:
            # The father's first name is the one the children's patronymic comes from.
            father = self.names.person(female=False, surname=base)
            self.parents.append(father)
            self.parent_links.append((len(self.parents) - 1, student_index, "Отец"))

    # --- groups and teachers ---------------------------------------------------------------
    def build_groups(self) -> None:
        members_of_class: dict[int, list[int]] = defaultdict(list)
        for student_index, (_name, _birth, class_index, _family) in enumerate(self.students):
            members_of_class[class_index].append(student_index)
        for class_index, (grade, letter) in enumerate(self.classes):
            class_name = f"{grade}{letter}"
            members = members_of_class[class_index]
            for subject, hours in plan.WEEKLY_PLAN[grade].items():
                split = subject in plan.SPLIT_SUBJECTS and len(members) >= plan.SPLIT_MIN_STUDENTS
                if not split:
                    self.groups.append(
                        _GroupPlan(class_index, subject, GroupKind.CLASS, class_name, hours)
                    )
                    continue
                ordered = sorted(members, key=lambda i: self.students[i][0].last)
                half = len(ordered) // 2
                for number, part in ((1, ordered[:half]), (2, ordered[half:])):
                    self.groups.append(
                        _GroupPlan(
                            class_index,
                            subject,
                            GroupKind.SUBGROUP,
                            f"{class_name} ({number} подгр.)",
                            hours,
                            part=number,
                            members=list(part),
                        )
                    )

    def assign_teachers(self) -> None:
        teachers: dict[str, list[_Teacher]] = defaultdict(list)
        primary_teacher: dict[int, int] = {}
        for class_index, (grade, _letter) in enumerate(self.classes):
            if grade <= 4:
                index = self.hire("Учитель начальных классов", PositionType.TEACHING)
                primary_teacher[class_index] = index
                self.class_teacher[class_index] = index
        # One teacher teaches all subjects of a position in a class (algebra and geometry...).
        bundles: dict[tuple[int, str, int], list[_GroupPlan]] = defaultdict(list)
        for group in self.groups:
            grade = self.classes[group.class_index][0]
            if grade <= 4 and group.subject in plan.PRIMARY_TEACHER_SUBJECTS:
                group.teacher = primary_teacher[group.class_index]
                continue
            position = plan.TEACHER_POSITION[group.subject]
            bundles[(group.class_index, position, group.part)].append(group)
        for (class_index, position, _part), groups in sorted(
            bundles.items(), key=lambda item: (item[0][1], item[0][0], item[0][2])
        ):
            hours = sum(group.hours for group in groups)
            taken = {
                g.teacher
                for g in self.groups
                if g.class_index == class_index and g.subject == groups[0].subject and g.teacher
            }
            chosen = next(
                (
                    teacher
                    for teacher in teachers[position]
                    if teacher.load + hours <= self.shape.max_teacher_load
                    and teacher.index not in taken
                ),
                None,
            )
            if chosen is None:
                chosen = _Teacher(self.hire(position, PositionType.TEACHING), position)
                teachers[position].append(chosen)
            chosen.load += hours
            chosen.classes.add(class_index)
            for group in groups:
                group.teacher = chosen.index
        # Class teachers of grades 5–11: a teacher of the class who leads no class yet.
        leading = set(self.class_teacher.values())
        for class_index, (grade, _letter) in enumerate(self.classes):
            if grade <= 4:
                continue
            candidates = sorted(
                {
                    g.teacher
                    for g in self.groups
                    if g.class_index == class_index and g.teacher is not None
                }
                - leading,
                key=lambda i: (
                    self.staff[i][1] != "Учитель русского языка и литературы",
                    i,
                ),
            )
            if candidates:
                self.class_teacher[class_index] = candidates[0]
                leading.add(candidates[0])

    # --- timetable --------------------------------------------------------------------------
    def weekly_timetable(self) -> dict[int, dict[tuple[int, int], str]]:
        """class index → {(weekday, lesson number): subject}, with no teacher double-booked."""
        teachers_of: dict[tuple[int, str], set[int]] = defaultdict(set)
        for group in self.groups:
            if group.teacher is not None:
                teachers_of[(group.class_index, group.subject)].add(group.teacher)
        remaining = {
            class_index: dict(plan.WEEKLY_PLAN[grade])
            for class_index, (grade, _letter) in enumerate(self.classes)
        }
        table: dict[int, dict[tuple[int, int], str]] = defaultdict(dict)
        busy: dict[tuple[int, int], set[int]] = defaultdict(set)
        for day in range(plan.SCHOOL_DAYS):
            per_day: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
            for number in range(1, plan.LESSONS_PER_DAY + 1):
                slot = (day, number)
                order = list(remaining)
                self.rng.shuffle(order)
                for class_index in order:
                    left = {s: h for s, h in remaining[class_index].items() if h > 0}
                    free = [s for s in left if not teachers_of[(class_index, s)] & busy[slot]]
                    weekly = plan.WEEKLY_PLAN[self.classes[class_index][0]]
                    days_left = plan.SCHOOL_DAYS - day
                    # Prefer a subject not yet at its daily share, then the one most behind.
                    scored = [
                        (
                            (per_day[class_index][s] < -(-weekly[s] // plan.SCHOOL_DAYS)) * 10
                            + left[s] / days_left
                            + self.rng.random(),
                            s,
                        )
                        for s in (free or list(left))
                    ]
                    subject = max(scored)[1]
                    table[class_index][slot] = subject
                    remaining[class_index][subject] -= 1
                    per_day[class_index][subject] += 1
                    busy[slot] |= teachers_of[(class_index, subject)]
        self._repair_conflicts(table, teachers_of)
        return table

    def _repair_conflicts(
        self,
        table: dict[int, dict[tuple[int, int], str]],
        teachers_of: dict[tuple[int, str], set[int]],
    ) -> None:
        """Swap two lessons of a class until no teacher has two lessons in one slot."""
        slots = [
            (d, n) for d in range(plan.SCHOOL_DAYS) for n in range(1, plan.LESSONS_PER_DAY + 1)
        ]
        occupancy: dict[tuple[int, int], dict[int, int]] = {
            slot: defaultdict(int) for slot in slots
        }
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
                    self.rng.shuffle(others)
                    for other in others:
                        before = clashes
                        swap(class_index, slot, other)
                        if clashes < before:
                            break
                        swap(class_index, slot, other)
        raise RuntimeError(f"could not build a timetable without clashes ({clashes} left)")

    # --- writing ------------------------------------------------------------------------------
    def write(self, demo_logins: dict[str, str]) -> int:
        session, org_shape = self.session, self.shape
        organisation_id = session.execute(
            insert(m.Organisation).returning(m.Organisation.id),
            {"name": org_shape.name, "short_name": org_shape.short_name},
        ).scalar_one()

        def person_row(name: FullName, birth: dt.date | None, phone: str | None) -> dict:
            return {
                "organisation_id": organisation_id,
                "last_name": name.last,
                "first_name": name.first,
                "middle_name": name.middle,
                "birth_date": birth,
                "phone": phone,
                "search_key": search_key(name.last, name.first, name.middle),
            }

        staff_person_ids = _insert(
            session,
            m.Person,
            [
                person_row(
                    name,
                    dt.date(hired.year - self.rng.randint(22, 40), 1, 1)
                    + dt.timedelta(days=self.rng.randrange(365)),
                    self.phone(0.97),
                )
                for name, _position, _type, hired in self.staff
            ],
        )
        employee_ids = _insert(
            session,
            m.Employee,
            [
                {
                    "organisation_id": organisation_id,
                    "person_id": person_id,
                    "position": position,
                    "position_type": position_type,
                    "hired_on": hired,
                    "dismissed_on": None,
                }
                for person_id, (_name, position, position_type, hired) in zip(
                    staff_person_ids, self.staff, strict=True
                )
            ],
        )
        subject_names = sorted({g.subject for g in self.groups})
        subject_ids = dict(
            zip(
                subject_names,
                _insert(
                    session,
                    m.Subject,
                    [{"organisation_id": organisation_id, "name": n} for n in subject_names],
                ),
                strict=True,
            )
        )
        class_ids = _insert(
            session,
            m.SchoolClass,
            [
                {
                    "organisation_id": organisation_id,
                    "grade": grade,
                    "letter": letter,
                    "name": f"{grade}{letter}",
                    "class_teacher_id": (
                        employee_ids[self.class_teacher[i]] if i in self.class_teacher else None
                    ),
                }
                for i, (grade, letter) in enumerate(self.classes)
            ],
        )
        student_person_ids = _insert(
            session,
            m.Person,
            [
                person_row(name, birth, self.phone(0.5 if self.classes[ci][0] <= 4 else 0.9))
                for name, birth, ci, _family in self.students
            ],
        )
        student_ids = _insert(
            session,
            m.Student,
            [
                {
                    "organisation_id": organisation_id,
                    "person_id": person_id,
                    "class_id": class_ids[class_index],
                    "status": StudentStatus.ENROLLED,
                    "enrolled_on": dt.date(
                        self.year_start.year - (self.classes[class_index][0] - 1), 9, 1
                    ),
                    "left_on": None,
                }
                for person_id, (_name, _birth, class_index, _family) in zip(
                    student_person_ids, self.students, strict=True
                )
            ],
        )
        parent_person_ids = _insert(
            session,
            m.Person,
            [person_row(name, None, self.phone()) for name in self.parents],
        )
        parent_ids = _insert(
            session,
            m.Parent,
            [{"organisation_id": organisation_id, "person_id": pid} for pid in parent_person_ids],
        )
        session.execute(
            insert(m.ParentChild),
            [
                {
                    "parent_id": parent_ids[p],
                    "student_id": student_ids[s],
                    "relation": relation,
                }
                for p, s, relation in self.parent_links
            ],
        )
        group_ids = _insert(
            session,
            m.Group,
            [
                {
                    "organisation_id": organisation_id,
                    "class_id": class_ids[g.class_index],
                    "subject_id": subject_ids[g.subject],
                    "teacher_id": employee_ids[g.teacher] if g.teacher is not None else None,
                    "kind": g.kind,
                    "name": g.name,
                }
                for g in self.groups
            ],
        )
        member_rows = [
            {"group_id": group_id, "student_id": student_ids[s]}
            for group_id, g in zip(group_ids, self.groups, strict=True)
            for s in g.members
        ]
        if member_rows:
            session.execute(insert(m.GroupStudent), member_rows)

        # Timetable: this week and the next, from one weekly template.
        template = self.weekly_timetable()
        groups_of: dict[tuple[int, str], list[tuple[int, _GroupPlan]]] = defaultdict(list)
        for group_id, g in zip(group_ids, self.groups, strict=True):
            groups_of[(g.class_index, g.subject)].append((group_id, g))
        first_monday = monday_of(self.today)
        lesson_rows = []
        for week in range(2):
            monday = first_monday + dt.timedelta(weeks=week)
            for class_index, lessons in sorted(template.items()):
                for (day, number), subject in sorted(lessons.items()):
                    starts, ends = plan.BELLS[number - 1]
                    for group_id, g in groups_of[(class_index, subject)]:
                        lesson_rows.append(
                            {
                                "organisation_id": organisation_id,
                                "date": monday + dt.timedelta(days=day),
                                "number": number,
                                "starts_at": starts,
                                "ends_at": ends,
                                "group_id": group_id,
                                "subject_id": subject_ids[subject],
                                "teacher_id": (
                                    employee_ids[g.teacher] if g.teacher is not None else None
                                ),
                            }
                        )
        lesson_ids = _insert(session, m.Lesson, lesson_rows)
        topic_rows = [
            {
                "organisation_id": organisation_id,
                "group_id": group_id,
                "subject_id": subject_ids[g.subject],
                "number": number,
                "title": title,
                "hours": 1,
            }
            for group_id, g in zip(group_ids, self.groups, strict=True)
            for number, title in enumerate(plan.ktp_titles(g.subject, g.hours), start=1)
        ]
        topic_ids = _insert(session, m.KtpTopic, topic_rows)
        self._conduct_past_lessons(session, lesson_rows, lesson_ids, topic_rows, topic_ids)

        # Accounts: a login for everyone; a password only for the demo accounts.
        people: list[tuple[int, FullName]] = (
            list(zip(staff_person_ids, (s[0] for s in self.staff), strict=True))
            + list(zip(student_person_ids, (s[0] for s in self.students), strict=True))
            + list(zip(parent_person_ids, self.parents, strict=True))
        )
        demo_by_person = {
            self._demo_person(role, staff_person_ids, student_person_ids, parent_person_ids): login
            for role, login in demo_logins.items()
        }
        password_hash = hash_password(DEMO_PASSWORD)
        taken: set[str] = set(demo_logins.values())
        account_rows = []
        for person_id, name in people:
            login = demo_by_person.get(person_id)
            if login is None:
                base = login_for(name)
                login, suffix = base, 1
                while login in taken:
                    suffix += 1
                    login = f"{base}{suffix}"
            taken.add(login)
            demo = person_id in demo_by_person
            account_rows.append(
                {
                    "organisation_id": organisation_id,
                    "person_id": person_id,
                    "login": login,
                    # One hash for all demo accounts: they share the published demo password.
                    "password_hash": password_hash if demo else None,
                    "blocked": demo_logins.get("blocked") == login
                    or (not demo and self.rng.random() < 0.02),
                    "is_org_admin": demo_logins.get("org_admin") == login,
                }
            )
        session.execute(insert(m.Account), account_rows)
        chat_admin_person = self._demo_person(
            "chat_admin", staff_person_ids, student_person_ids, parent_person_ids
        )
        chat_admin_employee = employee_ids[staff_person_ids.index(chat_admin_person)]
        session.execute(
            insert(m.OrganisationSettings),
            {
                "organisation_id": organisation_id,
                "chat_admin_employee_id": chat_admin_employee,
                "version": 1,
            },
        )
        session.execute(
            insert(m.DemoInfo),
            {
                "organisation_id": organisation_id,
                "seed": DEMO_SEED,
                "size": self.shape.short_name,
                "timetable_until": first_monday + dt.timedelta(weeks=1),
            },
        )
        return organisation_id

    def _conduct_past_lessons(
        self,
        session: Session,
        lessons: Sequence[dict[str, Any]],
        lesson_ids: Sequence[int],
        topics: Sequence[dict[str, Any]],
        topic_ids: Sequence[int],
    ) -> None:
        """The week's lessons before today were given: marked «Урок проведен», bound to the
        КТП topics in order, as a teacher keeps the journal."""
        unused: dict[tuple[int, int], list[int]] = defaultdict(list)
        for row, topic_id in zip(topics, topic_ids, strict=True):
            unused[(row["group_id"], row["subject_id"])].append(topic_id)
        for queue in unused.values():
            queue.reverse()  # pop() takes the lowest number first
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        records = []
        past = sorted(
            (row["date"], row["number"], lesson_id, row)
            for row, lesson_id in zip(lessons, lesson_ids, strict=True)
            if row["date"] < self.today
        )
        for _date, _number, lesson_id, row in past:
            queue = unused[(row["group_id"], row["subject_id"])]
            records.append(
                {
                    "lesson_id": lesson_id,
                    "organisation_id": row["organisation_id"],
                    "ktp_topic_id": queue.pop() if queue else None,
                    "work_type": WORK_TYPES[0],
                    "conducted": True,
                    "version": 1,
                    "updated_at": now,
                }
            )
        if records:
            session.execute(insert(m.LessonRecord), records)

    def _demo_person(
        self,
        role: str,
        staff_person_ids: list[int],
        student_person_ids: list[int],
        parent_person_ids: list[int],
    ) -> int:
        """The person who gets the demo account for `role`."""
        first_senior_class = next(i for i, (g, _l) in enumerate(self.classes) if g >= 5)
        if role == "class_teacher":
            return staff_person_ids[self.class_teacher[first_senior_class]]
        if role == "subject_teacher":
            leading = set(self.class_teacher.values())
            index = next(
                i
                for i, (_n, position, _t, _h) in enumerate(self.staff)
                if position == "Учитель математики" and i not in leading
            )
            return staff_person_ids[index]
        if role == "chat_admin":
            return staff_person_ids[3]  # deputy director for upbringing
        if role == "org_admin":
            return staff_person_ids[0]  # the director
        if role == "blocked":
            leading = set(self.class_teacher.values())
            index = max(
                i
                for i, (_n, position, _t, _h) in enumerate(self.staff)
                if position.startswith("Учитель") and i not in leading
            )
            return staff_person_ids[index]
        student_index = next(
            i
            for i, (_n, _b, ci, _f) in enumerate(self.students)
            if ci == first_senior_class and sum(1 for _p, s, _r in self.parent_links if s == i) == 2
        )
        if role == "student":
            return student_person_ids[student_index]
        if role == "parent":
            parent_index = next(p for p, s, _r in self.parent_links if s == student_index)
            return parent_person_ids[parent_index]
        raise ValueError(role)

    def build(self, demo_logins: dict[str, str]) -> int:
        self.build_roster()
        self.build_groups()
        self.assign_teachers()
        return self.write(demo_logins)


_MAIN_DEMO_LOGINS = {
    "class_teacher": "klass",
    "subject_teacher": "uchitel",
    "chat_admin": "chatadmin",
    "org_admin": "admin",
    "student": "uchenik",
    "parent": "roditel",
    "blocked": "zablokirovan",
}
_SECOND_SCHOOL_DEMO_LOGINS = {"org_admin": SECOND_SCHOOL_ADMIN_LOGIN, "chat_admin": "shkola12.chat"}


def create_demo_school(
    session: Session,
    today: dt.date,
    *,
    size: DemoSize = DemoSize.STANDARD,
    seed: int = DEMO_SEED,
) -> list[int]:
    """Create the demo school of `size` and a small second organisation; returns their ids."""
    main = _SchoolBuilder(session, SHAPES[size], today, seed).build(_MAIN_DEMO_LOGINS)
    second = _SchoolBuilder(session, SECOND_SCHOOL, today, seed).build(_SECOND_SCHOOL_DEMO_LOGINS)
    # The default Sferum chats, as every organisation has them; what they ask of MAX is dated
    # the start of the demo's day, so it is due whatever the clock the demo then runs on.
    from backend.clock import FixedClock
    from backend.services.chats import ensure_default_chats

    start_of_day = FixedClock(dt.datetime.combine(today, dt.time(0), tzinfo=dt.UTC))
    for organisation_id in (main, second):
        ensure_default_chats(session, start_of_day, organisation_id)
    return [main, second]


def extend_demo_timetable(session: Session, today: dt.date) -> int:
    """Copy the demo timetable forward so that it covers this week and the next.

    Demo databases outlive the week they were made in; returns the number of lessons added.
    """
    added = 0
    target = monday_of(today) + dt.timedelta(weeks=1)
    for info in session.scalars(select(m.DemoInfo)).all():
        last = info.timetable_until
        if last >= target:
            continue
        template = session.scalars(
            select(m.Lesson).where(
                m.Lesson.organisation_id == info.organisation_id,
                m.Lesson.date >= last,
                m.Lesson.date < last + dt.timedelta(weeks=1),
            )
        ).all()
        week = last + dt.timedelta(weeks=1)
        # A long absence needs only the weeks that matter now.
        week = max(week, monday_of(today))
        rows = []
        while week <= target:
            shift = week - last
            rows.extend(
                {
                    "organisation_id": lesson.organisation_id,
                    "date": lesson.date + shift,
                    "number": lesson.number,
                    "starts_at": lesson.starts_at,
                    "ends_at": lesson.ends_at,
                    "group_id": lesson.group_id,
                    "subject_id": lesson.subject_id,
                    "teacher_id": lesson.teacher_id,
                }
                for lesson in template
            )
            week += dt.timedelta(weeks=1)
        if rows:
            session.execute(insert(m.Lesson), rows)
            added += len(rows)
        info.timetable_until = target
    return added
