"""Who sees and edits which chat.

- the organisation's chat administrator and its administrators see and edit every chat;
- other employees see the chats they take part in and edit those they are an admin of;
- students and parents do not see the registry.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from backend.contract import types as t
from backend.contract.errors import NotFound, PermissionDenied
from backend.schema import models as m
from backend.services.chats.membership import is_present


def sees_everything(user: t.CurrentUser) -> bool:
    return user.has(t.Role.CHAT_ADMIN, t.Role.ORG_ADMIN)


def require_registry(user: t.CurrentUser) -> None:
    if not user.has(t.Role.EMPLOYEE):
        raise PermissionDenied("Реестр «Сферум» доступен только сотрудникам организации.")


def _own_row(session: Session, chat_id: int, user: t.CurrentUser) -> m.SferumChatMember | None:
    return session.get(m.SferumChatMember, (chat_id, user.person_id))


def may_edit(session: Session, chat: m.SferumChat, user: t.CurrentUser) -> bool:
    if sees_everything(user):
        return True
    row = _own_row(session, chat.id, user)
    return row is not None and is_present(row) and row.is_admin


def load_chat(session: Session, user: t.CurrentUser, chat_id: int) -> m.SferumChat:
    require_registry(user)
    chat = session.get(m.SferumChat, chat_id)
    if chat is None or chat.organisation_id != user.organisation_id:
        raise NotFound("Чат не найден. Возможно, его удалили.")
    if not sees_everything(user):
        row = _own_row(session, chat.id, user)
        if row is None or not is_present(row):
            raise NotFound("Чат не найден. Возможно, его удалили.")
    return chat
