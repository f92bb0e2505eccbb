"""Who belongs to a Sferum chat by the roster's rules, and keeping chats and MAX in step.

Every change of a chat's participants goes the same way: take a snapshot of who is in the chat
(`present`), change the rows, and `send_changes` compares the new snapshot with the old one and
writes what MAX has to do into the outbox — in the caller's transaction. Only participants
whose accounts are linked to Sferum (and not blocked) are sent; the others join when they link
(`on_person_linked`).

The rules (DESIGN.md §3, «Registry «Сферум», tab «Чаты»»):
- «Учительский чат»: working employees of the types «Администрация» and «Педагогический
  состав», plus the organisation's chat administrator;
- «Классный чат»: the chat administrator, the class teacher (admin), the enrolled students;
- «Родительский чат»: the chat administrator, the class teacher (admin), the parents of the
  enrolled students;
- «Предмет»: the chat administrator, the group's teacher (admin), the group's students;
- «Другое»: the chat administrator.
The chat administrator is an admin of every chat.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.clock import Clock
from backend.contract.types import ChatKind, GroupKind, ParticipantKind, PositionType, StudentStatus
from backend.max.gateway import CHAT_ADMIN_PERMISSIONS
from backend.schema import models as m
from backend.services import outbox

EMPLOYEE, STUDENT, PARENT = (
    ParticipantKind.EMPLOYEE,
    ParticipantKind.STUDENT,
    ParticipantKind.PARENT,
)
SENDING, IN_CHAT, REFUSED = "sending", "in_chat", "refused"

KIND_NAMES = {
    ChatKind.TEACHERS: "Учительский чат",
    ChatKind.CLASS: "Классный чат",
    ChatKind.PARENTS: "Родительский чат",
    ChatKind.SUBJECT: "Предмет",
    ChatKind.OTHER: "Другое",
}

# MAX's reasons for not adding someone, in words.
REFUSALS = {
    "add.participant.privacy": "пользователь запретил добавлять себя в чаты",
    "add.participant.not.found": "пользователь не найден на платформе МАХ",
}


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


# --- MAX ------------------------------------------------------------------------------------
def linked_users(session: Session, person_ids: Iterable[int]) -> dict[int, int]:
    """Person id → MAX user id, for people whose accounts are linked and not blocked."""
    ids = list(person_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(m.Account.person_id, m.SferumLink.max_user_id)
        .join(m.SferumLink, m.SferumLink.account_id == m.Account.id)
        .where(
            m.Account.person_id.in_(ids),
            m.Account.blocked.is_(False),
            m.SferumLink.status == "linked",
            m.SferumLink.max_user_id.is_not(None),
        )
    ).all()
    return {person_id: user_id for person_id, user_id in rows}


def on_max(chat: m.SferumChat) -> bool:
    """True once MAX has been asked to create the chat."""
    return chat.max_chat_id is not None or chat.create_outbox_id is not None


def chat_ref(chat: m.SferumChat) -> object:
    """MAX's id of the chat, or a reference to the answer of the entry that creates it."""
    if chat.max_chat_id is not None:
        return chat.max_chat_id
    assert chat.create_outbox_id is not None
    return outbox.result_of(chat.create_outbox_id, "chat_id")


def ordering_key(chat_id: int) -> str:
    return f"chat:{chat_id}"


def create_on_max(session: Session, clock: Clock, chat: m.SferumChat) -> None:
    """A chat is created on MAX when its first participant can join it there: a school's
    hundreds of chats do not wait on MAX empty while nobody has linked yet."""
    chat.create_outbox_id = outbox.enqueue(
        session,
        clock,
        organisation_id=chat.organisation_id,
        operation="create_chat",
        payload={
            "title": chat.title,
            "organisation_key": f"esh-{chat.organisation_id}",
            "esh_chat": chat.id,
        },
        ordering_key=ordering_key(chat.id),
    )


def send_changes(
    session: Session, clock: Clock, chat: m.SferumChat, before: Snapshot, after: Snapshot
) -> None:
    """Write into the outbox what MAX must do so that its chat matches `after`."""
    users = linked_users(session, set(before) | set(after))
    joining = [p for p in after if p not in before and p in users]
    if not on_max(chat):
        if not joining:
            return  # nobody can be in it on MAX yet: created there with its first member
        create_on_max(session, clock, chat)
    rows = rows_of(session, chat.id)

    def enqueue(operation: str, **payload: object) -> int:
        return outbox.enqueue(
            session,
            clock,
            organisation_id=chat.organisation_id,
            operation=operation,
            payload={"chat_id": chat_ref(chat), "esh_chat": chat.id, **payload},
            ordering_key=ordering_key(chat.id),
        )

    if joining:
        enqueue("add_members", user_ids=[users[p] for p in joining], persons=joining)
        for person_id in joining:
            rows[person_id].max_state, rows[person_id].max_reason = SENDING, ""
    for person_id in before:
        if person_id not in after and person_id in users:
            enqueue("remove_member", user_id=users[person_id])
    new_admins = [p for p in joining if after[p]] + [
        p
        for p in after
        if p in before
        and after[p]
        and not before[p]
        and p in users
        and rows[p].max_state != REFUSED  # not in the chat on MAX: cannot be its admin there
    ]
    # One entry per admin: MAX refuses a whole list when one of them is not in the chat.
    for person_id in new_admins:
        permissions = [x.value for x in CHAT_ADMIN_PERMISSIONS]
        enqueue("set_admins", admins=[{"user_id": users[person_id], "permissions": permissions}])
    for person_id in after:
        if (
            before.get(person_id)
            and not after[person_id]
            and person_id in users
            and rows[person_id].max_state != REFUSED
        ):
            enqueue("revoke_admin", user_id=users[person_id])


def on_person_linked(session: Session, clock: Clock, person_id: int) -> None:
    """A participant linked their account: they join the Sferum side of their chats."""
    for chat in session.scalars(
        select(m.SferumChat)
        .join(m.SferumChatMember, m.SferumChatMember.chat_id == m.SferumChat.id)
        .where(m.SferumChatMember.person_id == person_id)
    ).all():
        snapshot = present(session, chat.id)
        if person_id in snapshot:
            without = {p: a for p, a in snapshot.items() if p != person_id}
            if not on_max(chat):
                # Created on MAX only now: everyone linked before joins with this person.
                linked = linked_users(session, without)
                without = {p: a for p, a in without.items() if p not in linked}
            send_changes(session, clock, chat, without, snapshot)


def on_person_unlinked(session: Session, clock: Clock, person_id: int, user_id: int | None) -> None:
    """A participant unlinked their account: they leave the Sferum side of their chats."""
    for chat, row in session.execute(
        select(m.SferumChat, m.SferumChatMember)
        .join(m.SferumChatMember, m.SferumChatMember.chat_id == m.SferumChat.id)
        .where(m.SferumChatMember.person_id == person_id)
    ).all():
        if user_id is not None and on_max(chat) and row.max_state in (SENDING, IN_CHAT):
            outbox.enqueue(
                session,
                clock,
                organisation_id=chat.organisation_id,
                operation="remove_member",
                payload={"chat_id": chat_ref(chat), "esh_chat": chat.id, "user_id": user_id},
                ordering_key=ordering_key(chat.id),
            )
        row.max_state, row.max_reason = "", ""


def on_outbox_attempt(session: Session, entry: m.MaxOutboxEntry) -> None:
    """Outbox hook: MAX created a chat, or added participants (or refused some)."""
    if entry.operation not in ("create_chat", "add_members"):
        return
    payload = json.loads(entry.payload)
    chat_id = payload.get("esh_chat")
    if chat_id is None:
        return
    if entry.operation == "create_chat":
        chat = session.get(m.SferumChat, chat_id)
        if chat is not None and entry.state == outbox.DELIVERED and entry.result:
            chat.max_chat_id = json.loads(entry.result)["chat_id"]
        return
    if entry.state == outbox.PENDING:
        return  # MAX unavailable: still on its way
    refused: dict[int, str] = {}
    if entry.state == outbox.FAILED:
        refused = {user_id: entry.last_error or "" for user_id in payload["user_ids"]}
    elif entry.result:
        for detail in json.loads(entry.result).get("failed_user_details", []):
            reason = REFUSALS.get(detail["error_code"], detail["error_code"])
            refused.update({user_id: reason for user_id in detail["user_ids"]})
    rows = {
        row.person_id: row
        for row in session.scalars(
            select(m.SferumChatMember).where(
                m.SferumChatMember.chat_id == chat_id,
                m.SferumChatMember.person_id.in_(payload["persons"]),
            )
        )
    }
    for person_id, user_id in zip(payload["persons"], payload["user_ids"], strict=True):
        row = rows.get(person_id)
        if row is None or row.max_state != SENDING:
            continue
        if user_id in refused:
            row.max_state, row.max_reason = REFUSED, refused[user_id]
        else:
            row.max_state, row.max_reason = IN_CHAT, ""
