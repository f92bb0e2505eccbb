"""Writing a planned demo school into the database, with bulk Core inserts (a large school has
tens of thousands of rows)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from backend.contract.types import WORK_TYPES, StudentStatus
from backend.demo import curriculum as plan
from backend.demo.names import FullName
from backend.demo.school_plan import GroupPlan, SchoolPlan
from backend.demo.shapes import DEMO_PASSWORD, DEMO_SEED
from backend.schema import models as m
from backend.security import hash_password
from backend.services.text import search_key


def write_school(session: Session, school: SchoolPlan) -> int:
    """Create the rows of `school`; returns the new organisation's id."""
    organisation_id = session.execute(
        insert(m.Organisation).returning(m.Organisation.id),
        {"name": school.shape.name, "short_name": school.shape.short_name},
    ).scalar_one()
    writer = _SchoolWriter(session, organisation_id, school)
    writer.write_people()
    writer.write_groups()
    writer.write_timetable()
    writer.write_accounts()
    return organisation_id


def _insert(session: Session, model: type[m.Base], rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert rows in bulk and return their new ids in the same order."""
    if not rows:
        return []
    result = session.execute(
        insert(model).returning(model.id, sort_by_parameter_order=True),  # type: ignore[attr-defined]
        list(rows),
    )
    return [row[0] for row in result]


class _SchoolWriter:
    """Turns the plan's indexes into the ids of the rows written for them."""

    def __init__(self, session: Session, organisation_id: int, school: SchoolPlan) -> None:
        self.session = session
        self.organisation_id = organisation_id
        self.school = school
        self.staff_person_ids: list[int] = []
        self.employee_ids: list[int] = []
        self.subject_ids: dict[str, int] = {}
        self.class_ids: list[int] = []
        self.student_person_ids: list[int] = []
        self.student_ids: list[int] = []
        self.parent_person_ids: list[int] = []
        self.group_ids: list[int] = []

    def _insert(self, model: type[m.Base], rows: Sequence[dict[str, Any]]) -> list[int]:
        return _insert(self.session, model, rows)

    def _person_row(self, name: FullName, birth: dt.date | None, phone: str | None) -> dict:
        return {
            "organisation_id": self.organisation_id,
            "last_name": name.last,
            "first_name": name.first,
            "middle_name": name.middle,
            "birth_date": birth,
            "phone": phone,
            "search_key": search_key(name.last, name.first, name.middle),
        }

    def _teacher_id(self, group: GroupPlan) -> int | None:
        return self.employee_ids[group.teacher] if group.teacher is not None else None

    def write_people(self) -> None:
        """Staff, subjects and classes, students, parents and their children."""
        school, organisation_id = self.school, self.organisation_id
        self.staff_person_ids = self._insert(
            m.Person, [self._person_row(s.name, s.birth_date, s.phone) for s in school.staff]
        )
        self.employee_ids = self._insert(
            m.Employee,
            [
                {
                    "organisation_id": organisation_id,
                    "person_id": person_id,
                    "position": s.position,
                    "position_type": s.position_type,
                    "hired_on": s.hired_on,
                    "dismissed_on": None,
                }
                for person_id, s in zip(self.staff_person_ids, school.staff, strict=True)
            ],
        )
        subject_names = sorted({g.subject for g in school.groups})
        self.subject_ids = dict(
            zip(
                subject_names,
                self._insert(
                    m.Subject,
                    [{"organisation_id": organisation_id, "name": n} for n in subject_names],
                ),
                strict=True,
            )
        )
        self.class_ids = self._insert(
            m.SchoolClass,
            [
                {
                    "organisation_id": organisation_id,
                    "grade": grade,
                    "letter": letter,
                    "name": f"{grade}{letter}",
                    "class_teacher_id": (
                        self.employee_ids[school.class_teacher[i]]
                        if i in school.class_teacher
                        else None
                    ),
                }
                for i, (grade, letter) in enumerate(school.classes)
            ],
        )
        self.student_person_ids = self._insert(
            m.Person, [self._person_row(s.name, s.birth_date, s.phone) for s in school.students]
        )
        self.student_ids = self._insert(
            m.Student,
            [
                {
                    "organisation_id": organisation_id,
                    "person_id": person_id,
                    "class_id": self.class_ids[s.class_index],
                    "status": StudentStatus.ENROLLED,
                    "enrolled_on": s.enrolled_on,
                    "left_on": None,
                }
                for person_id, s in zip(self.student_person_ids, school.students, strict=True)
            ],
        )
        self.parent_person_ids = self._insert(
            m.Person, [self._person_row(p.name, None, p.phone) for p in school.parents]
        )
        parent_ids = self._insert(
            m.Parent,
            [
                {"organisation_id": organisation_id, "person_id": person_id}
                for person_id in self.parent_person_ids
            ],
        )
        self.session.execute(
            insert(m.ParentChild),
            [
                {
                    "parent_id": parent_ids[p],
                    "student_id": self.student_ids[s],
                    "relation": relation,
                }
                for p, s, relation in school.parent_links
            ],
        )

    def write_groups(self) -> None:
        school = self.school
        self.group_ids = self._insert(
            m.Group,
            [
                {
                    "organisation_id": self.organisation_id,
                    "class_id": self.class_ids[g.class_index],
                    "subject_id": self.subject_ids[g.subject],
                    "teacher_id": self._teacher_id(g),
                    "kind": g.kind,
                    "name": g.name,
                }
                for g in school.groups
            ],
        )
        member_rows = [
            {"group_id": group_id, "student_id": self.student_ids[s]}
            for group_id, g in zip(self.group_ids, school.groups, strict=True)
            for s in g.members
        ]
        if member_rows:
            self.session.execute(insert(m.GroupStudent), member_rows)

    def write_timetable(self) -> None:
        """Lessons, КТП topics, and the journal of the lessons already given."""
        school, organisation_id = self.school, self.organisation_id
        lesson_ids = self._insert(
            m.Lesson,
            [
                {
                    "organisation_id": organisation_id,
                    "date": lesson.date,
                    "number": lesson.number,
                    "starts_at": plan.BELLS[lesson.number - 1][0],
                    "ends_at": plan.BELLS[lesson.number - 1][1],
                    "group_id": self.group_ids[lesson.group],
                    "subject_id": self.subject_ids[lesson.subject],
                    "teacher_id": self._teacher_id(school.groups[lesson.group]),
                }
                for lesson in school.lessons
            ],
        )
        topic_ids = self._insert(
            m.KtpTopic,
            [
                {
                    "organisation_id": organisation_id,
                    "group_id": self.group_ids[topic.group],
                    "subject_id": self.subject_ids[school.groups[topic.group].subject],
                    "number": topic.number,
                    "title": topic.title,
                    "hours": 1,
                }
                for topic in school.topics
            ],
        )
        if not school.conducted:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self.session.execute(
            insert(m.LessonRecord),
            [
                {
                    "lesson_id": lesson_ids[given.lesson],
                    "organisation_id": organisation_id,
                    "ktp_topic_id": topic_ids[given.topic] if given.topic is not None else None,
                    "work_type": WORK_TYPES[0],
                    "conducted": True,
                    "version": 1,
                    "updated_at": now,
                }
                for given in school.conducted
            ],
        )

    def write_accounts(self) -> None:
        """Everyone's account, the chat administrator, and what the demo was made from."""
        school, organisation_id = self.school, self.organisation_id
        person_ids = self.staff_person_ids + self.student_person_ids + self.parent_person_ids
        # One hash for all demo accounts: they share the published demo password.
        password_hash = hash_password(DEMO_PASSWORD)
        self.session.execute(
            insert(m.Account),
            [
                {
                    "organisation_id": organisation_id,
                    "person_id": person_id,
                    "login": account.login,
                    "password_hash": password_hash if account.demo else None,
                    "blocked": account.blocked,
                    "is_org_admin": account.org_admin,
                }
                for person_id, account in zip(person_ids, school.accounts, strict=True)
            ],
        )
        self.session.execute(
            insert(m.OrganisationSettings),
            {
                "organisation_id": organisation_id,
                "chat_admin_employee_id": self.employee_ids[school.chat_admin],
                "version": 1,
            },
        )
        self.session.execute(
            insert(m.DemoInfo),
            {
                "organisation_id": organisation_id,
                "seed": DEMO_SEED,
                "size": school.shape.short_name,
                "timetable_until": school.timetable_until,
            },
        )
