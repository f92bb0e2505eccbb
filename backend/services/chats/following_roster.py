"""Chats follow the roster: the default chats exist for the organisation and every class, and
participants change with roster events and with the chat administrator."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backend.clock import Clock
from backend.contract import types as t
from backend.schema import models as m
from backend.services.chats.max_outbox import send_changes
from backend.services.chats.membership import chat_admin_person, forget_choices, present, reconcile
from backend.services.text import search_key

K = t.ChatKind
KIND_NAMES = {
    K.TEACHERS: "Учительский чат",
    K.CLASS: "Классный чат",
    K.PARENTS: "Родительский чат",
    K.SUBJECT: "Предмет",
    K.OTHER: "Другое",
}


def default_title(kind: t.ChatKind, class_name: str | None = None) -> str:
    if kind is K.TEACHERS:
        return "Учительский чат"
    return f"{KIND_NAMES[kind]} {class_name}"


def _missing_defaults(session: Session, organisation_id: int) -> bool:
    teachers = session.scalar(
        select(m.SferumChat.id).where(
            m.SferumChat.organisation_id == organisation_id, m.SferumChat.kind == K.TEACHERS
        )
    )
    if teachers is None:
        return True
    chat = m.SferumChat
    lacking = session.scalar(
        select(m.SchoolClass.id)
        .where(
            m.SchoolClass.organisation_id == organisation_id,
            ~exists().where(
                and_(
                    chat.class_id == m.SchoolClass.id,
                    chat.kind == K.PARENTS,
                )
            ),
        )
        .limit(1)
    )
    return lacking is not None


def ensure_default_chats(session: Session, clock: Clock, organisation_id: int) -> int:
    """Create the default chats the organisation lacks, with their participants, and ask MAX to
    create them; returns how many were made. Safe to call often and from several processes."""
    if not _missing_defaults(session, organisation_id):
        return 0
    try:
        with session.begin_nested():
            return _create_default_chats(session, clock, organisation_id)
    except IntegrityError:
        return 0  # another process made them at the same moment


def _create_default_chats(session: Session, clock: Clock, organisation_id: int) -> int:
    existing = {
        (kind, class_id)
        for kind, class_id in session.execute(
            select(m.SferumChat.kind, m.SferumChat.class_id).where(
                m.SferumChat.organisation_id == organisation_id
            )
        )
    }
    wanted: list[tuple[t.ChatKind, int | None, str | None]] = [(K.TEACHERS, None, None)]
    for class_id, name in session.execute(
        select(m.SchoolClass.id, m.SchoolClass.name)
        .where(m.SchoolClass.organisation_id == organisation_id)
        .order_by(m.SchoolClass.grade, m.SchoolClass.letter)
    ):
        wanted += [(K.CLASS, class_id, name), (K.PARENTS, class_id, name)]
    chat_admin = chat_admin_person(session, organisation_id)
    made = 0
    for kind, class_id, class_name in wanted:
        if (kind, class_id) in existing:
            continue
        chat = m.SferumChat(
            organisation_id=organisation_id,
            kind=kind,
            title=default_title(kind, class_name),
            search_key=search_key(default_title(kind, class_name)),
            class_id=class_id,
            version=1,
        )
        session.add(chat)
        session.flush()
        reconcile(session, chat, chat_admin)
        send_changes(session, clock, chat, {}, present(session, chat.id))
        made += 1
    return made


def update_chats(
    session: Session,
    clock: Clock,
    chats: Iterable[m.SferumChat],
    *,
    chat_admin: int | None,
    forget: Iterable[tuple[int, t.ParticipantKind]] = (),
) -> None:
    """Bring `chats` in line with the roster after a roster event, and tell MAX. For the people
    in `forget` (as that kind of participant), hand-made choices are undone first: they stay
    only where the rules put them."""
    forgotten = list(forget)
    for chat in chats:
        before = present(session, chat.id)
        if forgotten:
            forget_choices(session, forgotten, [chat.id])
        reconcile(session, chat, chat_admin)
        after = present(session, chat.id)
        if after != before:
            bump_version(chat)
            send_changes(session, clock, chat, before, after)


def bump_version(chat: m.SferumChat) -> None:
    """+1 in the database itself, so that concurrent writers cannot both land on one number."""
    chat.version = m.SferumChat.version + 1  # type: ignore[assignment]


def on_chat_admin_changed(session: Session, clock: Clock, organisation_id: int) -> None:
    """«Администратор чатов Сферум» changed: the new one joins every chat as an admin; the
    former one stays only where the rules (or a person) put them, and is an admin only there."""
    update_chats(
        session,
        clock,
        session.scalars(
            select(m.SferumChat).where(m.SferumChat.organisation_id == organisation_id)
        ).all(),
        chat_admin=chat_admin_person(session, organisation_id),
    )
