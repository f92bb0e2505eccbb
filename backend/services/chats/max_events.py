"""What happens to the chats on MAX when a participant links or unlinks their account, and
when MAX answers a chat's outbox entry."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.clock import Clock
from backend.schema import models as m
from backend.services import outbox
from backend.services.chats.max_outbox import (
    IN_CHAT,
    REFUSED,
    SENDING,
    linked_users,
    on_max,
    send_changes,
    send_removal,
)
from backend.services.chats.membership import present

# MAX's reasons for not adding someone, in words.
REFUSALS = {
    "add.participant.privacy": "пользователь запретил добавлять себя в чаты",
    "add.participant.not.found": "пользователь не найден на платформе МАХ",
}


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
            send_removal(session, clock, chat, user_id)
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
