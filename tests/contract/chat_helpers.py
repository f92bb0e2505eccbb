"""Shared steps of the chat tests: finding chats and people, linking someone to Sferum."""

from __future__ import annotations

from collections.abc import Callable

from backend.contract import (
    Backend,
    Chat,
    ChatMemberChoice,
    ChatSummary,
    PageRequest,
    SferumLinkStatus,
    StudentStatus,
)
from backend.max.simulator.state import SimulatedMax
from tests.contract.conftest import log_in
from tests.helpers import AsyncRunner


def all_chats(run: AsyncRunner, backend: Backend) -> list[ChatSummary]:
    return list(run(backend.list_chats(PageRequest(limit=1000))).items)


def chat_titled(run: AsyncRunner, backend: Backend, title: str) -> Chat:
    summary = next(c for c in all_chats(run, backend) if c.title == title)
    return run(backend.chat(summary.id))


def names(chat: Chat, kind: object | None = None) -> set[str]:
    return {m.full_name for m in chat.members if kind is None or m.kind == kind}


def class_id(run: AsyncRunner, backend: Backend, name: str) -> int:
    return next(c.id for c in run(backend.list_classes()) if c.name == name)


def students_of(run: AsyncRunner, backend: Backend, class_name: str) -> list:
    page = run(
        backend.list_students(
            PageRequest(limit=1000),
            class_id=class_id(run, backend, class_name),
            statuses=(StudentStatus.ENROLLED,),
        )
    )
    return list(page.items)


def choices(chat: Chat) -> tuple[ChatMemberChoice, ...]:
    return tuple(ChatMemberChoice(m.person_id, m.kind, m.is_admin) for m in chat.members)


def link_to_sferum(
    run: AsyncRunner,
    make_backend: Callable[[], Backend],
    simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
    login: str,
    phone: str,
) -> int:
    """Log `login` in on another PC, link the account to Sferum; returns the MAX user id."""
    pc = make_backend()
    log_in(run, pc, login)
    run(pc.request_sferum_link(phone))
    run_max_jobs()
    (message, *_) = simulator.messages_for(phone)
    assert message.request_id is not None
    simulator.answer_link(message.request_id, accept=True)
    run_max_jobs()
    assert run(pc.sferum_link()).status is SferumLinkStatus.LINKED
    user_id = simulator.user_id_for(phone)
    assert user_id is not None
    run_max_jobs()  # the linked person joins their chats on MAX
    return user_id


MAIN_SCHOOL_KEY = "esh-1"  # the demo school is the first organisation


def max_chat(simulator: SimulatedMax, title: str) -> int:
    """MAX's id of the demo school's chat named `title`."""
    (chat,) = [c for c in simulator.chats(MAIN_SCHOOL_KEY) if c.title == title]
    return chat.chat_id
