"""One chat as its edit window shows it: its participants and what the user may do with it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.contract import types as t
from backend.operations import Http, declare
from backend.schema import models as m
from backend.services.chats.access import load_chat, may_edit
from backend.services.chats.membership import chat_admin_person, is_present, rows_of
from backend.services.chats.people import (
    details_of,
    group_titles,
    member_state,
    people_with_accounts,
)
from backend.services.text import full_name


@declare(Http("GET", "/sferum/chats/{chat_id}"))
def chat(session: Session, user: t.CurrentUser, chat_id: int) -> t.Chat:
    row = load_chat(session, user, chat_id)
    return chat_view(session, user, row)


def chat_view(session: Session, user: t.CurrentUser, chat: m.SferumChat) -> t.Chat:
    rows = [r for r in rows_of(session, chat.id).values() if is_present(r)]
    ids = [r.person_id for r in rows]
    people, details = people_with_accounts(session, ids), details_of(session, ids)
    chat_admin = chat_admin_person(session, chat.organisation_id)
    members = []
    for r in rows:
        person, blocked, linked = people[r.person_id]
        members.append(
            t.ChatMember(
                person_id=r.person_id,
                kind=r.kind,
                full_name=full_name(person.last_name, person.first_name, person.middle_name),
                detail=details.get(r.person_id, ""),
                is_admin=r.is_admin,
                admin_locked=r.person_id == chat_admin,
                blocked=bool(blocked),
                linked=linked,
                automatic=r.automatic and not r.excluded,
                sferum=member_state(r, blocked, linked),
                reason=r.max_reason,
            )
        )
    members.sort(key=lambda x: (x.kind != t.ParticipantKind.EMPLOYEE, x.full_name))
    class_name = group_name = None
    if chat.class_id is not None:
        class_name = session.scalar(
            select(m.SchoolClass.name).where(m.SchoolClass.id == chat.class_id)
        )
    if chat.group_id is not None:
        group_name = group_titles(session, [chat.group_id]).get(chat.group_id)
    editable = may_edit(session, chat, user)
    return t.Chat(
        id=chat.id,
        title=chat.title,
        kind=chat.kind,
        group_id=chat.group_id,
        group_name=group_name,
        class_id=chat.class_id,
        class_name=class_name,
        version=chat.version,
        members=tuple(members),
        can_edit=editable,
        can_delete=editable and not chat.kind.is_default,
    )
