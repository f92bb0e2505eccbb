"""The report of who is not in the Sferum chats yet, and why."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.clock import Clock
from backend.contract import types as t
from backend.contract.errors import PermissionDenied
from backend.operations import Http, declare
from backend.schema import models as m
from backend.services.chats.access import require_registry, sees_every_chat
from backend.services.chats.following_roster import ensure_default_chats
from backend.services.chats.max_outbox import IN_CHAT
from backend.services.chats.membership import IN_CHAT_ROW
from backend.services.chats.people import member_state, people_with_accounts
from backend.services.text import full_name

S = t.MemberSferumState
GAP_REASONS = {
    S.NOT_LINKED: "Учетная запись не привязана к Сферум",
    S.NO_ACCOUNT: "Нет учетной записи ЭШ",
    S.BLOCKED: "Учетная запись заблокирована",
    S.SENDING: "Ожидает отправки на платформу МАХ",
}


@declare(Http("GET", "/sferum/chat-gaps"))
def chat_gaps(session: Session, user: t.CurrentUser, clock: Clock) -> list[t.ChatGap]:
    require_registry(user)
    if not sees_every_chat(user):
        raise PermissionDenied(
            "Отчет доступен администратору чатов Сферум и администратору организации."
        )
    ensure_default_chats(session, clock, user.organisation_id)
    member = m.SferumChatMember
    rows = session.execute(
        select(member, m.SferumChat, m.SchoolClass.name)
        .join(m.SferumChat, m.SferumChat.id == member.chat_id)
        .outerjoin(m.SchoolClass, m.SchoolClass.id == m.SferumChat.class_id)
        .where(
            m.SferumChat.organisation_id == user.organisation_id,
            member.max_state != IN_CHAT,
            IN_CHAT_ROW,
        )
    ).all()
    people = people_with_accounts(session, list({row[0].person_id for row in rows}))
    gaps = []
    for row, chat_row, class_name in rows:
        person, blocked, linked = people[row.person_id]
        state = member_state(row, blocked, linked)
        if state is S.IN_CHAT:
            continue
        reason = (
            f"Платформа МАХ отказала: {row.max_reason}"
            if state is S.REFUSED
            else GAP_REASONS[state]
        )
        gaps.append(
            t.ChatGap(
                chat_id=chat_row.id,
                chat_title=chat_row.title,
                chat_kind=chat_row.kind,
                class_name=class_name,
                person_id=row.person_id,
                full_name=full_name(person.last_name, person.first_name, person.middle_name),
                kind=row.kind,
                sferum=state,
                reason=reason,
            )
        )
    gaps.sort(key=lambda g: (g.class_name or "", g.chat_title, g.kind.value, g.full_name))
    return gaps
