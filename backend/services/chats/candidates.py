"""Whom the chat edit window offers to add: working employees, enrolled students, parents."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.contract import types as t
from backend.contract.errors import NotFound
from backend.operations import Http, declare
from backend.schema import models as m
from backend.services.chats.access import require_registry
from backend.services.chats.membership import group_students
from backend.services.chats.people import details_of, people_with_accounts
from backend.services.text import full_name, normalize_search

# The most participants one can pick into a chat (or a conference) at once.
CANDIDATE_LIMIT = 20000


@declare(Http("GET", "/sferum/chat-candidates"))
def chat_candidates(
    session: Session,
    user: t.CurrentUser,
    kind: t.ParticipantKind,
    *,
    search: str = "",
    class_id: int | None = None,
    group_id: int | None = None,
) -> list[t.ChatCandidate]:
    """`group_id` narrows students to the group's (a sub-group's, or its whole class)."""
    require_registry(user)
    words = normalize_search(search).split()
    if kind is t.ParticipantKind.EMPLOYEE:
        stmt = (
            select(m.Person.id)
            .join(m.Employee, m.Employee.person_id == m.Person.id)
            .where(
                m.Employee.organisation_id == user.organisation_id,
                m.Employee.dismissed_on.is_(None),
            )
        )
    elif kind is t.ParticipantKind.STUDENT:
        stmt = (
            select(m.Person.id)
            .join(m.Student, m.Student.person_id == m.Person.id)
            .where(
                m.Student.organisation_id == user.organisation_id,
                m.Student.status == t.StudentStatus.ENROLLED,
            )
        )
        if class_id is not None:
            stmt = stmt.where(m.Student.class_id == class_id)
        if group_id is not None:
            group = session.get(m.Group, group_id)
            if group is None or group.organisation_id != user.organisation_id:
                raise NotFound("Группа не найдена.")
            stmt = stmt.where(m.Person.id.in_(group_students(session, group)))
    else:
        stmt = (
            select(m.Person.id)
            .join(m.Parent, m.Parent.person_id == m.Person.id)
            .where(m.Parent.organisation_id == user.organisation_id)
        )
        if class_id is not None:
            stmt = stmt.where(
                m.Parent.id.in_(
                    select(m.ParentChild.parent_id)
                    .join(m.Student, m.Student.id == m.ParentChild.student_id)
                    .where(m.Student.class_id == class_id)
                )
            )
    for word in words:
        stmt = stmt.where(m.Person.search_key.contains(word, autoescape=True))
    ids = list(
        dict.fromkeys(session.scalars(stmt.order_by(m.Person.search_key).limit(CANDIDATE_LIMIT)))
    )
    people, details = people_with_accounts(session, ids), details_of(session, ids)
    employees: dict[int, int] = {}
    if kind is t.ParticipantKind.EMPLOYEE and ids:
        employees = dict(
            session.execute(
                select(m.Employee.person_id, m.Employee.id).where(
                    m.Employee.person_id.in_(ids), m.Employee.dismissed_on.is_(None)
                )
            ).all()
        )
    return [
        t.ChatCandidate(
            person_id=person_id,
            kind=kind,
            full_name=full_name(
                people[person_id][0].last_name,
                people[person_id][0].first_name,
                people[person_id][0].middle_name,
            ),
            detail=details.get(person_id, ""),
            blocked=bool(people[person_id][1]),
            linked=people[person_id][2],
            has_account=people[person_id][1] is not None,
            employee_id=employees.get(person_id),
        )
        for person_id in ids
    ]
