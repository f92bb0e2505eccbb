"""Deciding what a demo school consists of: its staff, classes, students and parents, groups
and their teachers, timetable and accounts, before any row is written.

Every random choice comes from one generator seeded by the seed and the school, so the order
of the choices is part of the result: the same seed and date always give the same school.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field

from backend.contract.types import GroupKind, PositionType
from backend.demo import curriculum as plan
from backend.demo.names import FullName, NameFactory, login_for
from backend.demo.school_plan import (
    AccountPlan,
    GroupPlan,
    ParentPlan,
    SchoolPlan,
    StaffPlan,
    StudentPlan,
)
from backend.demo.shapes import SchoolShape
from backend.demo.timetable_planning import (
    conducted_lessons,
    ktp_topics,
    lessons_of,
    monday_of,
    school_year_start,
    weekly_timetable,
)


def plan_school(
    shape: SchoolShape, today: dt.date, seed: int, demo_logins: dict[str, str]
) -> SchoolPlan:
    """The school of `shape`; `demo_logins` maps demo roles to the logins they get."""
    return _Planner(shape, today, seed).plan(demo_logins)


@dataclass
class _Teacher:
    index: int  # position in the staff list
    position: str
    load: int = 0
    classes: set[int] = field(default_factory=set)


class _Planner:
    """Plans one organisation; every random choice comes from one seeded generator."""

    def __init__(self, shape: SchoolShape, today: dt.date, seed: int) -> None:
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
        self.groups: list[GroupPlan] = []

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

    # --- groups and teachers --------------------------------------------------------------
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
                        GroupPlan(class_index, subject, GroupKind.CLASS, class_name, hours)
                    )
                    continue
                ordered = sorted(members, key=lambda i: self.students[i][0].last)
                half = len(ordered) // 2
                for number, part in ((1, ordered[:half]), (2, ordered[half:])):
                    self.groups.append(
                        GroupPlan(
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
        bundles: dict[tuple[int, str, int], list[GroupPlan]] = defaultdict(list)
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

    # --- the whole plan -------------------------------------------------------------------
    def plan(self, demo_logins: dict[str, str]) -> SchoolPlan:
        self.build_roster()
        self.build_groups()
        self.assign_teachers()
        # The rest is drawn in this order, which fixes the school: staff, students, parents,
        # timetable, accounts.
        staff = []
        for name, position, position_type, hired in self.staff:
            born = dt.date(hired.year - self.rng.randint(22, 40), 1, 1) + dt.timedelta(
                days=self.rng.randrange(365)
            )
            staff.append(StaffPlan(name, position, position_type, hired, born, self.phone(0.97)))
        students = [
            StudentPlan(
                name,
                birth,
                ci,
                dt.date(self.year_start.year - (self.classes[ci][0] - 1), 9, 1),
                self.phone(0.5 if self.classes[ci][0] <= 4 else 0.9),
            )
            for name, birth, ci, _family in self.students
        ]
        parents = [ParentPlan(name, self.phone()) for name in self.parents]
        template = weekly_timetable(self.rng, self.classes, self.groups)
        first_monday = monday_of(self.today)
        lessons = lessons_of(template, self.groups, first_monday)
        topics = ktp_topics(self.groups)
        return SchoolPlan(
            shape=self.shape,
            staff=staff,
            classes=self.classes,
            class_teacher=self.class_teacher,
            students=students,
            parents=parents,
            parent_links=self.parent_links,
            groups=self.groups,
            lessons=lessons,
            topics=topics,
            conducted=conducted_lessons(lessons, topics, self.today),
            accounts=self._accounts(demo_logins),
            chat_admin=self._demo_person("chat_admin"),
            timetable_until=first_monday + dt.timedelta(weeks=1),
        )

    # --- accounts -------------------------------------------------------------------------
    def _accounts(self, demo_logins: dict[str, str]) -> list[AccountPlan]:
        """A login for everyone; the demo password only for the demo accounts."""
        names = (
            [name for name, _position, _type, _hired in self.staff]
            + [name for name, _birth, _class, _family in self.students]
            + self.parents
        )
        demo_by_person = {self._demo_person(role): login for role, login in demo_logins.items()}
        taken: set[str] = set(demo_logins.values())
        accounts = []
        for person, name in enumerate(names):
            login = demo_by_person.get(person)
            if login is None:
                base = login_for(name)
                login, suffix = base, 1
                while login in taken:
                    suffix += 1
                    login = f"{base}{suffix}"
            taken.add(login)
            demo = person in demo_by_person
            accounts.append(
                AccountPlan(
                    login=login,
                    demo=demo,
                    blocked=demo_logins.get("blocked") == login
                    or (not demo and self.rng.random() < 0.02),
                    org_admin=demo_logins.get("org_admin") == login,
                )
            )
        return accounts

    def _demo_person(self, role: str) -> int:
        """The person who gets the demo account for `role`, by their place among the staff,
        then the students, then the parents."""
        first_senior_class = next(i for i, (g, _l) in enumerate(self.classes) if g >= 5)
        if role == "class_teacher":
            return self.class_teacher[first_senior_class]
        if role == "subject_teacher":
            leading = set(self.class_teacher.values())
            return next(
                i
                for i, (_n, position, _t, _h) in enumerate(self.staff)
                if position == "Учитель математики" and i not in leading
            )
        if role == "chat_admin":
            return 3  # deputy director for upbringing
        if role == "org_admin":
            return 0  # the director
        if role == "blocked":
            leading = set(self.class_teacher.values())
            return max(
                i
                for i, (_n, position, _t, _h) in enumerate(self.staff)
                if position.startswith("Учитель") and i not in leading
            )
        student_index = next(
            i
            for i, (_n, _b, ci, _f) in enumerate(self.students)
            if ci == first_senior_class and sum(1 for _p, s, _r in self.parent_links if s == i) == 2
        )
        if role == "student":
            return len(self.staff) + student_index
        if role == "parent":
            parent_index = next(p for p, s, _r in self.parent_links if s == student_index)
            return len(self.staff) + len(self.students) + parent_index
        raise ValueError(role)
