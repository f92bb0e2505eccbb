"""Who sees and edits which chat.

- the organisation's chat administrator and its administrators see and edit every chat;
- other employees see the chats they take part in and edit those they are an admin of;
- students and parents do not see the registry.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from backend.contract import types as t
from backend.contract.errors import NotFound, PermissionDenied
from backend.schema import models as m
from backend.services.chats.membership import IN_CHAT_ROW, is_present


def sees_every_chat(user: t.CurrentUser) -> bool:
    """The chat administrator and the organisation's administrators: every chat of the
    organisation, and everything sent to MAX for it."""
    return user.has(t.Role.CHAT_ADMIN, t.Role.ORG_ADMIN)


def visible_chats(user: t.CurrentUser) -> Select[tuple[int]] | None:
    """The ids of the chats the user sees, as a subquery; None: all of the organisation's."""
    if sees_every_chat(user):
        return None
    member = m.SferumChatMember
    return select(member.chat_id).where(member.person_id == user.person_id, IN_CHAT_ROW)


def administered_chats(
    session: Session, user: t.CurrentUser, chat_ids: Iterable[int | None]
) -> set[int]:
    """Those of `chat_ids` the user is an admin of."""
    ids = [chat_id for chat_id in chat_ids if chat_id is not None]
    if not ids:
        return set()
    member = m.SferumChatMember
    return set(
        session.scalars(
            select(member.chat_id).where(
                member.chat_id.in_(ids),
                member.person_id == user.person_id,
                member.is_admin.is_(True),
                IN_CHAT_ROW,
            )
        )
    )


def require_registry(user: t.CurrentUser) -> None:
    if not user.has(t.Role.EMPLOYEE):
        raise PermissionDenied("Реестр «Сферум» доступен только сотрудникам организации.")


def _own_row(session: Session, chat_id: int, user: t.CurrentUser) -> m.SferumChatMember | None:
    return session.get(m.SferumChatMember, (chat_id, user.person_id))


def may_edit(session: Session, chat: m.SferumChat, user: t.CurrentUser) -> bool:
    if sees_every_chat(user):
        return True
    row = _own_row(session, chat.id, user)
    return row is not None and is_present(row) and row.is_admin


def load_chat(session: Session, user: t.CurrentUser, chat_id: int) -> m.SferumChat:
    require_registry(user)
    chat = session.get(m.SferumChat, chat_id)
    if chat is None or chat.organisation_id != user.organisation_id:
        raise NotFound("Чат не найден. Возможно, его удалили.")
    if not sees_every_chat(user):
        row = _own_row(session, chat.id, user)
        if row is None or not is_present(row):
            raise NotFound("Чат не найден. Возможно, его удалили.")
    return chat
