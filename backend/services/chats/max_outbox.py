"""Keeping MAX in step with the chats: everything written into the MAX outbox for them.

Every change of a chat's participants goes the same way: take a snapshot of who is in the chat
(`present`), change the rows, and `send_changes` compares the new snapshot with the old one and
writes what MAX has to do into the outbox — in the caller's transaction. Only participants
whose accounts are linked to Sferum (and not blocked) are sent; the others join when they link
(`max_events.on_person_linked`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.clock import Clock
from backend.max.gateway import CHAT_ADMIN_PERMISSIONS
from backend.schema import models as m
from backend.services import outbox
from backend.services.chats.membership import Snapshot, rows_of

# Where a participant is on MAX (`SferumChatMember.max_state`); "" while not sent.
SENDING, IN_CHAT, REFUSED = "sending", "in_chat", "refused"


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


def enqueue_change(
    session: Session,
    clock: Clock,
    chat: m.SferumChat,
    operation: str,
    payload: Mapping[str, Any],
) -> int:
    """Write one change of `chat` for MAX into the outbox; returns the entry's id. Every entry
    about a chat is written here, under the chat's ordering key, so MAX gets them in order."""
    return outbox.enqueue(
        session,
        clock,
        organisation_id=chat.organisation_id,
        operation=operation,
        payload=payload,
        ordering_key=ordering_key(chat.id),
    )


def _send_member_change(
    session: Session, clock: Clock, chat: m.SferumChat, operation: str, **details: object
) -> int:
    return enqueue_change(
        session, clock, chat, operation, {"chat_id": chat_ref(chat), "esh_chat": chat.id, **details}
    )


def create_on_max(session: Session, clock: Clock, chat: m.SferumChat) -> None:
    """A chat is created on MAX when its first participant can join it there: a school's
    hundreds of chats do not wait on MAX empty while nobody has linked yet."""
    chat.create_outbox_id = enqueue_change(
        session,
        clock,
        chat,
        "create_chat",
        {
            "title": chat.title,
            "organisation_key": f"esh-{chat.organisation_id}",
            "esh_chat": chat.id,
        },
    )


def send_title(session: Session, clock: Clock, chat: m.SferumChat) -> None:
    """The chat's new title, for a chat MAX has (or is creating)."""
    if on_max(chat):
        enqueue_change(
            session, clock, chat, "rename_chat", {"chat_id": chat_ref(chat), "title": chat.title}
        )


def send_deletion(session: Session, clock: Clock, chat: m.SferumChat) -> None:
    if on_max(chat):
        enqueue_change(session, clock, chat, "delete_chat", {"chat_id": chat_ref(chat)})


def send_removal(session: Session, clock: Clock, chat: m.SferumChat, user_id: int) -> None:
    """MAX's user `user_id` leaves the chat on MAX."""
    _send_member_change(session, clock, chat, "remove_member", user_id=user_id)


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

    def enqueue(operation: str, **details: object) -> None:
        _send_member_change(session, clock, chat, operation, **details)

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
