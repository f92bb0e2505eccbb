"""Who belongs to a Sferum chat by the roster's rules, and the participant rows that record it.

The rules (DESIGN.md §3, «Registry «Сферум», tab «Чаты»»):
- «Учительский чат»: working employees of the types «Администрация» and «Педагогический
  состав», plus the organisation's chat administrator;
- «Классный чат»: the chat administrator, the class teacher (admin), the enrolled students;
- «Родительский чат»: the chat administrator, the class teacher (admin), the parents of the
  enrolled students;
- «Предмет»: the chat administrator, the group's teacher (admin), the group's students;
- «Другое»: the chat administrator.
The chat administrator is an admin of every chat.

A participant row is automatic (put there by the rules), manual (put there by a person), or
both; an automatic row a person took out stays, excluded, so that the rules do not bring the
participant back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.contract.types import ChatKind, GroupKind, ParticipantKind, PositionType, StudentStatus
from backend.schema import models as m

EMPLOYEE, STUDENT, PARENT = (
    ParticipantKind.EMPLOYEE,
    ParticipantKind.STUDENT,
    ParticipantKind.PARENT,
)


@dataclass(frozen=True, slots=True)
class RuleMember:
    kind: ParticipantKind
    is_admin: bool


Snapshot = dict[int, bool]  # person id → is admin, for everyone in the chat


# --- the rules --------------------------------------------------------------------------------
def chat_admin_person(session: Session, organisation_id: int) -> int | None:
    return session.scalar(
        select(m.Employee.person_id)
        .join(
            m.OrganisationSettings,
            m.OrganisationSettings.chat_admin_employee_id == m.Employee.id,
        )
        .where(
            m.OrganisationSettings.organisation_id == organisation_id,
            m.Employee.dismissed_on.is_(None),
        )
    )


def _working_employee_person(session: Session, employee_id: int | None) -> int | None:
    if employee_id is None:
        return None
    return session.scalar(
        select(m.Employee.person_id).where(
            m.Employee.id == employee_id, m.Employee.dismissed_on.is_(None)
        )
    )


def _enrolled_in_class(session: Session, class_id: int) -> list[int]:
    return list(
        session.scalars(
            select(m.Student.person_id).where(
                m.Student.class_id == class_id, m.Student.status == StudentStatus.ENROLLED
            )
        )
    )


def group_students(session: Session, group: m.Group) -> list[int]:
    if group.kind is GroupKind.CLASS:
        return _enrolled_in_class(session, group.class_id)
    return list(
        session.scalars(
            select(m.Student.person_id)
            .join(m.GroupStudent, m.GroupStudent.student_id == m.Student.id)
            .where(
                m.GroupStudent.group_id == group.id,
                m.Student.class_id == group.class_id,
                m.Student.status == StudentStatus.ENROLLED,
            )
        )
    )


def _parents_in_class(session: Session, class_id: int) -> list[int]:
    return list(
        session.scalars(
            select(m.Parent.person_id)
            .join(m.ParentChild, m.ParentChild.parent_id == m.Parent.id)
            .join(m.Student, m.Student.id == m.ParentChild.student_id)
            .where(m.Student.class_id == class_id, m.Student.status == StudentStatus.ENROLLED)
            .distinct()
        )
    )


def rule_members(
    session: Session, chat: m.SferumChat, chat_admin: int | None
) -> dict[int, RuleMember]:
    """Who the rules put in `chat`; `chat_admin` is the chat administrator's person id."""
    members: dict[int, RuleMember] = {}

    def put(person_ids: Iterable[int], kind: ParticipantKind, admin: bool = False) -> None:
        for person_id in person_ids:
            # An employee who is also a parent is in the chat once, as an employee.
            members.setdefault(person_id, RuleMember(kind, admin))

    leader: int | None = None  # the class teacher or the group's teacher: an admin
    if chat.kind is ChatKind.TEACHERS:
        put(
            session.scalars(
                select(m.Employee.person_id).where(
                    m.Employee.organisation_id == chat.organisation_id,
                    m.Employee.dismissed_on.is_(None),
                    m.Employee.position_type.in_(
                        [PositionType.ADMINISTRATION, PositionType.TEACHING]
                    ),
                )
            ),
            EMPLOYEE,
        )
    elif chat.kind in (ChatKind.CLASS, ChatKind.PARENTS) and chat.class_id is not None:
        school_class = session.get(m.SchoolClass, chat.class_id)
        leader = _working_employee_person(session, school_class and school_class.class_teacher_id)
        if leader is not None:
            put([leader], EMPLOYEE, admin=True)
        if chat.kind is ChatKind.CLASS:
            put(_enrolled_in_class(session, chat.class_id), STUDENT)
        else:
            put(_parents_in_class(session, chat.class_id), PARENT)
    elif chat.kind is ChatKind.SUBJECT and chat.group_id is not None:
        group = session.get(m.Group, chat.group_id)
        if group is not None:
            leader = _working_employee_person(session, group.teacher_id)
            if leader is not None:
                put([leader], EMPLOYEE, admin=True)
            put(group_students(session, group), STUDENT)
    if chat_admin is not None:
        members[chat_admin] = RuleMember(EMPLOYEE, True)
    return members


# --- snapshots and rows ---------------------------------------------------------------------
def is_present(row: m.SferumChatMember) -> bool:
    return row.manual or (row.automatic and not row.excluded)


# `is_present` in SQL: the participants who are in the chat.
IN_CHAT_ROW = (m.SferumChatMember.manual.is_(True)) | (
    (m.SferumChatMember.automatic.is_(True)) & (m.SferumChatMember.excluded.is_(False))
)


def rows_of(session: Session, chat_id: int) -> dict[int, m.SferumChatMember]:
    return {
        row.person_id: row
        for row in session.scalars(
            select(m.SferumChatMember).where(m.SferumChatMember.chat_id == chat_id)
        )
    }


def present(session: Session, chat_id: int) -> Snapshot:
    return {
        person_id: row.is_admin
        for person_id, row in rows_of(session, chat_id).items()
        if is_present(row)
    }


def reconcile(session: Session, chat: m.SferumChat, chat_admin: int | None) -> None:
    """Make the automatic rows of `chat` what the rules say now; manual ones stay, and so do
    admin flags set by hand."""
    wanted = rule_members(session, chat, chat_admin)
    rows = rows_of(session, chat.id)
    for person_id, rule in wanted.items():
        row = rows.get(person_id)
        if row is None:
            session.add(
                m.SferumChatMember(
                    chat_id=chat.id,
                    person_id=person_id,
                    kind=rule.kind,
                    automatic=True,
                    manual=False,
                    excluded=False,
                    is_admin=rule.is_admin,
                    admin_override=None,
                    max_state="",
                    max_reason="",
                )
            )
            continue
        row.automatic = True
        if person_id == chat_admin:
            # The chat administrator is in every chat, always as an admin.
            row.excluded, row.admin_override = False, None
        row.is_admin = rule.is_admin if row.admin_override is None else row.admin_override
    for person_id, row in rows.items():
        if person_id in wanted or not row.automatic:
            continue
        row.automatic, row.excluded = False, False
        if not row.manual:
            session.delete(row)
        elif row.admin_override is None:
            row.is_admin = False  # an admin only by the rules, which no longer name them
    session.flush()


def forget_choices(
    session: Session, people: Iterable[tuple[int, ParticipantKind]], chat_ids: Iterable[int]
) -> None:
    """Undo what was chosen by hand for these people (as students, parents or employees) in
    these chats, so that only the rules keep them there."""
    by_kind: dict[ParticipantKind, list[int]] = {}
    for person_id, kind in people:
        by_kind.setdefault(kind, []).append(person_id)
    for kind, person_ids in by_kind.items():
        for row in session.scalars(
            select(m.SferumChatMember).where(
                m.SferumChatMember.person_id.in_(person_ids),
                m.SferumChatMember.kind == kind,
                m.SferumChatMember.chat_id.in_(list(chat_ids)),
            )
        ):
            row.manual, row.excluded, row.admin_override = False, False, None
            if not row.automatic:
                session.delete(row)
    session.flush()
