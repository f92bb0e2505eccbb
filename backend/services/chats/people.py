"""How participants and groups are described in the chat lists and windows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.contract import types as t
from backend.schema import models as m
from backend.services.chats.max_outbox import IN_CHAT, REFUSED

S = t.MemberSferumState


def people_with_accounts(
    session: Session, person_ids: list[int]
) -> dict[int, tuple[m.Person, bool | None, bool]]:
    """Person → (person, account blocked or None without an account, linked)."""
    if not person_ids:
        return {}
    linked = set(
        session.scalars(
            select(m.Account.person_id)
            .join(m.SferumLink, m.SferumLink.account_id == m.Account.id)
            .where(m.Account.person_id.in_(person_ids), m.SferumLink.status == "linked")
        )
    )
    return {
        person.id: (person, blocked, person.id in linked)
        for person, blocked in session.execute(
            select(m.Person, m.Account.blocked)
            .outerjoin(m.Account, m.Account.person_id == m.Person.id)
            .where(m.Person.id.in_(person_ids))
        )
    }


def details_of(session: Session, person_ids: list[int]) -> dict[int, str]:
    """Position of an employee, class of a student, children of a parent."""
    details: dict[int, str] = {}
    if not person_ids:
        return details
    for person_id, position in session.execute(
        select(m.Employee.person_id, m.Employee.position).where(
            m.Employee.person_id.in_(person_ids), m.Employee.dismissed_on.is_(None)
        )
    ):
        details.setdefault(person_id, position)
    for person_id, class_name in session.execute(
        select(m.Student.person_id, m.SchoolClass.name)
        .join(m.SchoolClass, m.SchoolClass.id == m.Student.class_id)
        .where(m.Student.person_id.in_(person_ids))
    ):
        details.setdefault(person_id, class_name)
    child = m.Person.__table__.alias("child")
    children: dict[int, list[str]] = defaultdict(list)
    for person_id, last, first, class_name in session.execute(
        select(m.Parent.person_id, child.c.last_name, child.c.first_name, m.SchoolClass.name)
        .join(m.ParentChild, m.ParentChild.parent_id == m.Parent.id)
        .join(m.Student, m.Student.id == m.ParentChild.student_id)
        .join(child, child.c.id == m.Student.person_id)
        .outerjoin(m.SchoolClass, m.SchoolClass.id == m.Student.class_id)
        .where(m.Parent.person_id.in_(person_ids), m.Student.status == t.StudentStatus.ENROLLED)
    ):
        children[person_id].append(f"{last} {first}" + (f" ({class_name})" if class_name else ""))
    for person_id, names in children.items():
        details.setdefault(person_id, ", ".join(names))
    return details


def member_state(
    row: m.SferumChatMember, blocked: bool | None, linked: bool
) -> t.MemberSferumState:
    if blocked is None:
        return S.NO_ACCOUNT
    if blocked:
        return S.BLOCKED
    if row.max_state == IN_CHAT:
        return S.IN_CHAT
    if row.max_state == REFUSED:
        return S.REFUSED
    if not linked:
        return S.NOT_LINKED
    return S.SENDING


def group_titles(session: Session, group_ids: Iterable[int | None]) -> dict[int, str]:
    """«Предмет/Группа (Класс)» of each group: «Математика (5А)», «Английский язык — 5А-1 (5А)»."""
    ids = [group_id for group_id in group_ids if group_id is not None]
    if not ids:
        return {}
    titles = {}
    for group_id, subject, group, class_name in session.execute(
        select(m.Group.id, m.Subject.name, m.Group.name, m.SchoolClass.name)
        .join(m.Subject, m.Subject.id == m.Group.subject_id)
        .join(m.SchoolClass, m.SchoolClass.id == m.Group.class_id)
        .where(m.Group.id.in_(ids))
    ):
        middle = f" — {group}" if group != class_name else ""
        titles[group_id] = f"{subject}{middle} ({class_name})"
    return titles
