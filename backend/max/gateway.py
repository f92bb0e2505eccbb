"""The one way to the MAX platform: link requests, chats, members, admins and calls.

`MaxGateway` is implemented by the HTTP client (`backend.max.http_client`) and by the
simulator (`backend.max.simulator`). Its methods block: they are called from worker threads
(the embedded backend's, the outbox's), never from the GUI thread.

Identifiers are MAX's: `user_id` and `chat_id` are MAX numbers, `request_id` and `call_id`
strings the Sferum partner API hands out. Times are aware datetimes (MAX sends milliseconds
since the epoch, UTC).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class LinkStatus(StrEnum):
    PENDING = "pending"  # the message is in the user's «Сферум» chat, no answer yet
    CONFIRMED = "confirmed"  # «Подключить»
    REJECTED = "rejected"  # «Не подключать»
    CANCELLED = "cancelled"  # withdrawn by the school
    UNLINKED = "unlinked"  # was confirmed, later removed


class CallStatus(StrEnum):
    SCHEDULED = "scheduled"
    STARTED = "started"
    FINISHED = "finished"


class AdminPermission(StrEnum):
    """MAX's ChatAdminPermission values."""

    READ_ALL_MESSAGES = "read_all_messages"
    ADD_REMOVE_MEMBERS = "add_remove_members"
    ADD_ADMINS = "add_admins"
    CHANGE_CHAT_INFO = "change_chat_info"
    PIN_MESSAGE = "pin_message"
    EDIT_LINK = "edit_link"
    WRITE = "write"
    EDIT = "edit"
    DELETE = "delete"
    CAN_CALL = "can_call"
    VIEW_STATS = "view_stats"


# What a chat administrator of a school chat may do.
CHAT_ADMIN_PERMISSIONS: tuple[AdminPermission, ...] = (
    AdminPermission.READ_ALL_MESSAGES,
    AdminPermission.ADD_REMOVE_MEMBERS,
    AdminPermission.CHANGE_CHAT_INFO,
    AdminPermission.PIN_MESSAGE,
    AdminPermission.WRITE,
    AdminPermission.EDIT,
    AdminPermission.DELETE,
    AdminPermission.CAN_CALL,
)


@dataclass(frozen=True, slots=True)
class LinkSubject:
    """Who asks to be linked: shown to the user in MAX for checking before «Подключить»."""

    esh_account_id: int
    full_name: str
    organisation_name: str
    role: str  # «Педагог», «Ученик», «Родитель»


@dataclass(frozen=True, slots=True)
class LinkRequest:
    request_id: str
    phone: str  # +7XXXXXXXXXX
    status: LinkStatus
    user_id: int | None = None  # the MAX user, once known


@dataclass(frozen=True, slots=True)
class MaxChat:
    chat_id: int
    title: str
    participants_count: int
    link: str | None = None


@dataclass(frozen=True, slots=True)
class FailedUsers:
    """MAX's FailedUserDetails: why some users could not be added."""

    error_code: str  # add.participant.privacy, add.participant.not.found, …
    user_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class MembersResult:
    """MAX's ModifyMembersResult: a partial failure is a success for the others."""

    success: bool
    failed_user_ids: tuple[int, ...] = ()
    failed_user_details: tuple[FailedUsers, ...] = ()
    message: str | None = None


@dataclass(frozen=True, slots=True)
class MaxCall:
    call_id: str
    chat_id: int | None
    title: str
    starts_at: dt.datetime
    status: CallStatus
    join_link: str


@dataclass(frozen=True, slots=True)
class ChatAdmin:
    user_id: int
    permissions: tuple[AdminPermission, ...] = field(default=CHAT_ADMIN_PERMISSIONS)


# --- conventions shared by the client, the simulator and the outbox -----------------------
IDEMPOTENCY_KEY: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "max_idempotency_key", default=None
)


@contextlib.contextmanager
def idempotency_key(key: str) -> Iterator[None]:
    """POSTs made inside the block carry `key` instead of a fresh random one: the outbox
    passes its entry's id, so MAX recognises a delivery repeated after a crash."""
    token = IDEMPOTENCY_KEY.set(key)
    try:
        yield
    finally:
        IDEMPOTENCY_KEY.reset(token)


def to_millis(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


def from_millis(millis: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(millis / 1000, dt.UTC)


# --- errors ---------------------------------------------------------------------------------
class MaxError(Exception):
    """MAX refused or could not be asked; `code` is MAX's error key, `message` its text."""

    transient = False

    def __init__(self, code: str, message: str, *, status: int | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status


class MaxUnavailable(MaxError):
    """Timeouts, connection failures, 5xx and 429: worth trying again later."""

    transient = True

    def __init__(
        self,
        code: str,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(code, message, status=status)
        self.retry_after = retry_after


class MaxNotFound(MaxError):
    """No such user, chat, request or call on MAX."""


class MaxConflict(MaxError):
    """The request contradicts MAX's state, e.g. a phone already linked for that role."""


class MaxRefused(MaxError):
    """Any other refusal: bad token (401), not allowed (403), bad request (400)."""


# --- the interface --------------------------------------------------------------------------
class MaxGateway(Protocol):
    # Linking an ЭШ account to the user's Sferum profile (Sferum partner API).
    def request_link(self, phone: str, subject: LinkSubject) -> LinkRequest: ...

    def link_request(self, request_id: str) -> LinkRequest: ...

    def cancel_link_request(self, request_id: str) -> None: ...

    def unlink(self, request_id: str) -> None: ...

    # Chats (create: partner API; the rest as in the public Bot API).
    def create_chat(self, title: str, *, organisation_key: str) -> MaxChat: ...

    def rename_chat(self, chat_id: int, title: str) -> MaxChat: ...

    def delete_chat(self, chat_id: int) -> None: ...

    def add_members(self, chat_id: int, user_ids: Sequence[int]) -> MembersResult: ...

    def remove_member(self, chat_id: int, user_id: int, *, block: bool = False) -> None: ...

    def set_admins(self, chat_id: int, admins: Sequence[ChatAdmin]) -> None: ...

    def revoke_admin(self, chat_id: int, user_id: int) -> None: ...

    # Calls (partner API).
    def schedule_call(
        self, title: str, starts_at: dt.datetime, *, chat_id: int | None = None
    ) -> MaxCall: ...

    def start_call(self, call_id: str) -> MaxCall: ...

    def finish_call(self, call_id: str) -> MaxCall: ...

    def call(self, call_id: str) -> MaxCall: ...

    def close(self) -> None: ...
