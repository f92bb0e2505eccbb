"""The list of chats in the «Чаты» tab: who is in each, its admins, and whether MAX has it."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.clock import Clock
from backend.contract import types as t
from backend.operations import Http, declare
from backend.schema import models as m
from backend.services import outbox
from backend.services.chats.access import (
    administered_chats,
    require_registry,
    sees_every_chat,
    visible_chats,
)
from backend.services.chats.following_roster import ensure_default_chats
from backend.services.chats.max_outbox import IN_CHAT, ordering_key
from backend.services.chats.membership import IN_CHAT_ROW
from backend.services.chats.people import group_titles
from backend.services.paging import fetch_page, search_condition
from backend.services.text import full_name, normalize_search

K = t.ChatKind
CHAT_SORT = {
    "title": m.SferumChat.title,
    "kind": m.SferumChat.kind,
    "class_name": (m.SchoolClass.grade, m.SchoolClass.letter),
}


def _sync_states(session: Session, chat_ids: list[int]) -> dict[int, tuple[t.ChatSyncState, str]]:
    """Waiting while anything of the chat is on its way to MAX; failed while MAX's latest
    answer about it was a refusal (the refusal itself stays listed in the deliveries)."""
    keys = {ordering_key(chat_id): chat_id for chat_id in chat_ids}
    entry = m.MaxOutboxEntry
    last_delivered = dict(
        session.execute(
            select(entry.ordering_key, func.max(entry.id))
            .where(entry.ordering_key.in_(list(keys)), entry.state == outbox.DELIVERED)
            .group_by(entry.ordering_key)
        ).all()
    )
    states: dict[int, tuple[t.ChatSyncState, str]] = {}
    for key, entry_id, state, error in session.execute(
        select(entry.ordering_key, entry.id, entry.state, entry.last_error)
        .where(entry.ordering_key.in_(list(keys)), entry.state != outbox.DELIVERED)
        .order_by(entry.id)
    ).all():
        chat_id = keys[key]
        if state == outbox.PENDING:
            waiting = "Изменения ожидают отправки на платформу МАХ."
            if error:
                waiting = f"Изменения ожидают отправки на платформу МАХ: {error}"
            states[chat_id] = (t.ChatSyncState.SENDING, waiting)
        elif entry_id > last_delivered.get(key, 0) and chat_id not in states:
            refused = f"Платформа МАХ отклонила изменение: {error}"
            states[chat_id] = (t.ChatSyncState.FAILED, refused)
    return states


def _counts(session: Session, chat_ids: list[int]) -> dict[int, tuple[int, int]]:
    member = m.SferumChatMember
    in_chat = IN_CHAT_ROW
    rows = session.execute(
        select(
            member.chat_id,
            func.count(),
            func.sum((member.max_state == IN_CHAT).cast(m.Integer)),
        )
        .where(member.chat_id.in_(chat_ids), in_chat)
        .group_by(member.chat_id)
    ).all()
    return {chat_id: (count, int(joined or 0)) for chat_id, count, joined in rows}


def _admins(session: Session, chat_ids: list[int]) -> dict[int, list[str]]:
    member = m.SferumChatMember
    admins: dict[int, list[str]] = defaultdict(list)
    for chat_id, person in session.execute(
        select(member.chat_id, m.Person)
        .join(m.Person, m.Person.id == member.person_id)
        .where(member.chat_id.in_(chat_ids), member.is_admin.is_(True))
        .where(IN_CHAT_ROW)
        .order_by(member.chat_id, m.Person.search_key)
    ):
        admins[chat_id].append(full_name(person.last_name, person.first_name, person.middle_name))
    return admins


@declare(Http("GET", "/sferum/chats", sort=tuple(CHAT_SORT)))
def list_chats(
    session: Session, user: t.CurrentUser, clock: Clock, page: t.PageRequest
) -> t.Page[t.ChatSummary]:
    require_registry(user)
    ensure_default_chats(session, clock, user.organisation_id)
    chat = m.SferumChat
    group_class = m.SchoolClass
    stmt = (
        select(chat, group_class.name, m.Group.name)
        .outerjoin(group_class, group_class.id == chat.class_id)
        .outerjoin(m.Group, m.Group.id == chat.group_id)
        .where(chat.organisation_id == user.organisation_id)
    )
    count_stmt = select(chat.id).where(chat.organisation_id == user.organisation_id)
    visible = visible_chats(user)
    if visible is not None:
        stmt = stmt.where(chat.id.in_(visible))
        count_stmt = count_stmt.where(chat.id.in_(visible))
    words = normalize_search(page.search)
    if words:
        condition = search_condition(page, chat.search_key)
        stmt = stmt.where(condition)
        count_stmt = count_stmt.where(condition)
    # Teachers' chat first, then each class's chats, then the others.
    default_sort = [
        (chat.kind != K.TEACHERS),
        group_class.grade,
        group_class.letter,
        chat.kind,
        chat.title,
    ]
    rows, total = fetch_page(
        session,
        stmt,
        page,
        sort_keys=CHAT_SORT,
        default_sort=default_sort,
        tiebreaker=chat.id,
        count_stmt=count_stmt,
    )
    ids = [row[0].id for row in rows]
    counts, admins, syncs = _counts(session, ids), _admins(session, ids), _sync_states(session, ids)
    editable = _editable(session, user, ids)
    group_names = group_titles(session, (row[0].group_id for row in rows))
    items = []
    for row_chat, class_name, _group_name in rows:
        member_count, joined = counts.get(row_chat.id, (0, 0))
        sync, message = syncs.get(row_chat.id, (t.ChatSyncState.SYNCED, ""))
        may_edit = row_chat.id in editable
        items.append(
            t.ChatSummary(
                id=row_chat.id,
                title=row_chat.title,
                kind=row_chat.kind,
                class_name=class_name,
                group_name=group_names.get(row_chat.group_id) if row_chat.group_id else None,
                member_count=member_count,
                in_sferum_count=joined,
                admin_names=tuple(admins.get(row_chat.id, ())),
                sync=sync,
                sync_message=message,
                version=row_chat.version,
                can_edit=may_edit,
                can_delete=may_edit and not row_chat.kind.is_default,
                group_id=row_chat.group_id,
            )
        )
    return t.Page(items=tuple(items), total=total, offset=page.offset)


def _editable(session: Session, user: t.CurrentUser, chat_ids: list[int]) -> set[int]:
    if sees_every_chat(user):
        return set(chat_ids)
    return administered_chats(session, user, chat_ids)
