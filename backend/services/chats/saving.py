"""Creating, changing and deleting chats from the «Чаты» tab."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.clock import Clock
from backend.contract import types as t
from backend.contract.errors import Conflict, PermissionDenied, ValidationFailed
from backend.operations import Http, Topic, declare
from backend.schema import models as m
from backend.services.chats.access import load_chat, may_edit, require_registry, sees_every_chat
from backend.services.chats.candidates import CANDIDATE_LIMIT
from backend.services.chats.chat_view import chat_view
from backend.services.chats.max_outbox import send_changes, send_deletion, send_title
from backend.services.chats.membership import (
    Snapshot,
    chat_admin_person,
    is_present,
    present,
    reconcile,
    rows_of,
    rule_members,
)
from backend.services.text import search_key

K = t.ChatKind
TITLE_LENGTH = 200
STALE = (
    "Чат изменил другой пользователь. Обновите окно и внесите изменения заново — "
    "ваши изменения остались в окне."
)


def _validate(session: Session, user: t.CurrentUser, draft: t.ChatDraft) -> m.Group | None:
    errors: dict[str, str] = {}
    title = draft.title.strip()
    if not title:
        errors["title"] = "Укажите наименование чата."
    elif len(title) > TITLE_LENGTH:
        errors["title"] = f"Наименование длиннее {TITLE_LENGTH} символов."
    group = None
    if draft.kind is K.SUBJECT:
        group = session.get(m.Group, draft.group_id) if draft.group_id is not None else None
        if group is None or group.organisation_id != user.organisation_id:
            errors["group_id"] = "Выберите группу: для чата «Предмет» она обязательна."
        elif (
            not sees_every_chat(user)
            and group.teacher_id != user.employee_id
            and (draft.id is None or _group_of(session, draft.id) != group.id)
        ):
            errors["group_id"] = "Можно выбрать только группу, в которой вы преподаете."
    if any(c.kind is t.ParticipantKind.PARENT for c in draft.members) and draft.kind not in (
        K.OTHER,
        K.PARENTS,
    ):
        errors["members"] = "Родителей можно добавить только в чат с типом «Другое»."
    if errors:
        raise ValidationFailed("Проверьте правильность заполнения полей.", errors)
    _check_people(session, user, draft.members)
    return group


def _group_of(session: Session, chat_id: int) -> int | None:
    return session.scalar(select(m.SferumChat.group_id).where(m.SferumChat.id == chat_id))


def _check_people(
    session: Session, user: t.CurrentUser, choices: Iterable[t.ChatMemberChoice]
) -> None:
    by_kind: dict[t.ParticipantKind, set[int]] = defaultdict(set)
    for choice in choices:
        by_kind[choice.kind].add(choice.person_id)
    active = {
        t.ParticipantKind.EMPLOYEE: (m.Employee, m.Employee.dismissed_on.is_(None)),
        t.ParticipantKind.STUDENT: (m.Student, m.Student.status == t.StudentStatus.ENROLLED),
        t.ParticipantKind.PARENT: (m.Parent, m.Parent.id.is_not(None)),
    }
    for kind, ids in by_kind.items():
        table, condition = active[kind]
        found = set(
            session.scalars(
                select(table.person_id).where(
                    table.person_id.in_(list(ids)),
                    table.organisation_id == user.organisation_id,
                    condition,
                )
            )
        )
        if ids - found:
            raise ValidationFailed(
                "Некоторые выбранные участники не найдены среди работающих сотрудников, "
                "обучающихся учеников и родителей организации. Обновите список.",
                {"members": "Участник не найден."},
            )


@declare(
    Http(
        "POST",
        "/sferum/chats",
        body="draft",
        saves="chat_id",
        limits={"title": 1000, "members": CANDIDATE_LIMIT},
    ),
    changes={Topic.CHATS, Topic.MAX_DELIVERIES},
)
def save_chat(session: Session, user: t.CurrentUser, clock: Clock, draft: t.ChatDraft) -> t.Chat:
    require_registry(user)
    group = _validate(session, user, draft)
    chat_admin = chat_admin_person(session, user.organisation_id)
    if draft.id is None:
        if draft.kind.is_default:
            raise ValidationFailed(
                "Чаты по умолчанию создаются автоматически.",
                {"kind": "Выберите тип «Предмет» или «Другое»."},
            )
        chat = m.SferumChat(
            organisation_id=user.organisation_id,
            kind=draft.kind,
            title=draft.title.strip(),
            search_key=search_key(draft.title),
            class_id=group.class_id if group is not None else None,
            group_id=group.id if group is not None else None,
            version=1,
        )
        session.add(chat)
        session.flush()
        before: Snapshot = {}
    else:
        chat = load_chat(session, user, draft.id)
        if not may_edit(session, chat, user):
            raise PermissionDenied("Изменять этот чат могут только его администраторы.")
        if draft.version != chat.version:
            raise Conflict(STALE)
        if draft.kind is not chat.kind:
            raise ValidationFailed(
                "Тип чата нельзя изменить.", {"kind": "Тип чата нельзя изменить."}
            )
        before = present(session, chat.id)
        if chat.title != draft.title.strip():
            chat.title = draft.title.strip()
            chat.search_key = search_key(chat.title)
            send_title(session, clock, chat)
        if group is not None and chat.group_id != group.id:
            chat.group_id, chat.class_id = group.id, group.class_id
        # A version check that is also the write: two saves cannot both pass it.
        claimed = session.execute(
            m.SferumChat.__table__.update()
            .where(m.SferumChat.id == chat.id, m.SferumChat.version == draft.version)
            .values(version=draft.version + 1)
        )
        if claimed.rowcount != 1:
            raise Conflict(STALE)
        session.refresh(chat)
    reconcile(session, chat, chat_admin)
    _apply_choices(session, user, chat, draft.members, chat_admin, creating=draft.id is None)
    after = present(session, chat.id)
    send_changes(session, clock, chat, before, after)
    return chat_view(session, user, chat)


def _apply_choices(
    session: Session,
    user: t.CurrentUser,
    chat: m.SferumChat,
    choices: Iterable[t.ChatMemberChoice],
    chat_admin: int | None,
    *,
    creating: bool,
) -> None:
    wanted = {c.person_id: c for c in choices}
    rows = rows_of(session, chat.id)
    rules = rule_members(session, chat, chat_admin)
    # The chat administrator stays, as an admin; so does an admin editing their own chat,
    # and whoever creates a chat (unless they see every chat anyway).
    keep_admin = {p for p in (chat_admin,) if p is not None}
    if creating and chat.kind is K.SUBJECT:
        # «Преподающий в выбранной группе учитель добавляется в чат в качестве администратора».
        keep_admin |= {person_id for person_id, rule in rules.items() if rule.is_admin}
    own = rows.get(user.person_id)
    if (own is not None and is_present(own) and own.is_admin) or (
        creating and not sees_every_chat(user)
    ):
        keep_admin.add(user.person_id)
    for person_id in keep_admin:
        kind = wanted[person_id].kind if person_id in wanted else t.ParticipantKind.EMPLOYEE
        wanted[person_id] = t.ChatMemberChoice(person_id, kind, True)
    for person_id, row in rows.items():
        if person_id in wanted or not is_present(row):
            continue
        if row.automatic:
            row.excluded, row.manual = True, False
        else:
            session.delete(row)
    for person_id, choice in wanted.items():
        row = rows.get(person_id)
        if row is None:
            row = m.SferumChatMember(
                chat_id=chat.id,
                person_id=person_id,
                kind=choice.kind,
                automatic=False,
                manual=True,
                excluded=False,
                is_admin=False,
                admin_override=None,
                max_state="",
                max_reason="",
            )
            session.add(row)
        elif not is_present(row):
            row.excluded = False
            if not row.automatic:
                row.manual = True
        if choice.kind is not t.ParticipantKind.EMPLOYEE and choice.is_admin:
            raise ValidationFailed(
                "Администраторами чата могут быть только сотрудники.",
                {"members": "Администраторами чата могут быть только сотрудники."},
            )
        row.is_admin = choice.is_admin
        # Where the choice differs from the rules it is kept through later roster events.
        rule = rules.get(person_id)
        rule_admin = rule is not None and rule.is_admin and row.automatic
        row.admin_override = None if choice.is_admin == rule_admin else choice.is_admin
    session.flush()


@declare(Http("DELETE", "/sferum/chats/{chat_id}"), changes={Topic.CHATS, Topic.MAX_DELIVERIES})
def delete_chat(
    session: Session, user: t.CurrentUser, clock: Clock, chat_id: int, version: int
) -> None:
    chat = load_chat(session, user, chat_id)
    if chat.kind.is_default:
        raise PermissionDenied(
            "Чаты по умолчанию нельзя удалить, они доступны только для редактирования."
        )
    if not may_edit(session, chat, user):
        raise PermissionDenied("Удалять этот чат могут только его администраторы.")
    if chat.version != version:
        raise Conflict(STALE)
    gone = session.execute(
        m.SferumChat.__table__.delete().where(
            m.SferumChat.id == chat.id, m.SferumChat.version == version
        )
    )
    if gone.rowcount != 1:
        raise Conflict(STALE)
    send_deletion(session, clock, chat)
    session.expunge(chat)
