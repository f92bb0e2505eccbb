"""The MAX outbox: changes for MAX are written in the same transaction as the ЭШ change and
delivered afterwards, with retries, by `OutboxWorker`.

- Entries with one `ordering_key` (one chat, one account's link) are delivered in the order
  they were written: a later entry waits while an earlier one is pending.
- A worker claims an entry with a short lease (a conditional UPDATE), so several server
  processes can run workers on one database without delivering anything twice; the
  entry's id also travels to MAX as the idempotency key, so a worker that dies between MAX's
  answer and recording it does not make MAX act twice either.
- Transient failures (MAX unreachable, 5xx, 429) are retried with growing pauses; a refusal
  marks the entry failed with MAX's explanation. Both stay visible (`undelivered`).
- A payload value `{"$result": <entry id>, "field": "<name>"}` stands for a field of an
  earlier entry's answer — e.g. the chat id MAX gave a chat created a moment before.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.orm import Session, aliased

from backend.clock import Clock
from backend.max.gateway import (
    AdminPermission,
    ChatAdmin,
    LinkSubject,
    MaxCall,
    MaxChat,
    MaxError,
    MaxGateway,
    from_millis,
    idempotency_key,
    to_millis,
)
from backend.schema import models as m
from backend.services.auth import utc_naive

log = logging.getLogger(__name__)

PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"
LEASE = dt.timedelta(minutes=2)
FIRST_RETRY = dt.timedelta(seconds=5)
LONGEST_RETRY = dt.timedelta(minutes=10)

UnitOfWork = Callable[[], AbstractContextManager[Session]]


class UnresolvedReference(Exception):
    """A payload refers to an entry that MAX refused, so this one cannot be sent either."""


# --- writing --------------------------------------------------------------------------------
def enqueue(
    session: Session,
    clock: Clock,
    *,
    organisation_id: int,
    operation: str,
    payload: Mapping[str, Any],
    ordering_key: str,
) -> int:
    """Add a change for MAX to the caller's transaction; returns the entry's id."""
    if operation not in OPERATIONS:
        raise ValueError(f"unknown MAX operation {operation!r}")
    now = utc_naive(clock.now())
    entry = m.MaxOutboxEntry(
        organisation_id=organisation_id,
        operation=operation,
        payload=json.dumps(payload, ensure_ascii=False),
        ordering_key=ordering_key,
        state=PENDING,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(entry)
    session.flush()
    return entry.id


def result_of(entry_id: int, field: str) -> dict[str, Any]:
    """A payload value meaning «this field of that earlier entry's answer»."""
    return {"$result": entry_id, "field": field}


# --- reading --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class OutboxDelivery:
    id: int
    operation: str
    ordering_key: str
    state: str
    attempts: int
    last_error: str | None
    created_at: dt.datetime
    next_attempt_at: dt.datetime


def undelivered(session: Session, organisation_id: int) -> list[OutboxDelivery]:
    """What MAX has not accepted yet, or refused, oldest first."""
    rows = session.scalars(
        select(m.MaxOutboxEntry)
        .where(
            m.MaxOutboxEntry.organisation_id == organisation_id,
            m.MaxOutboxEntry.state != DELIVERED,
        )
        .order_by(m.MaxOutboxEntry.id)
    )
    return [
        OutboxDelivery(
            id=row.id,
            operation=row.operation,
            ordering_key=row.ordering_key,
            state=row.state,
            attempts=row.attempts,
            last_error=row.last_error,
            created_at=row.created_at,
            next_attempt_at=row.next_attempt_at,
        )
        for row in rows
    ]


# --- the operations MAX is asked to do ------------------------------------------------------
def _chat_json(chat: MaxChat) -> dict[str, Any]:
    return {"chat_id": chat.chat_id, "title": chat.title}


def _call_json(call: MaxCall) -> dict[str, Any]:
    return {
        "call_id": call.call_id,
        "status": call.status.value,
        "join_link": call.join_link,
        "starts_at": to_millis(call.starts_at),
    }


def _request_link(gateway: MaxGateway, p: dict[str, Any]) -> dict[str, Any]:
    request = gateway.request_link(p["phone"], LinkSubject(**p["subject"]))
    return {"request_id": request.request_id, "status": request.status.value}


def _add_members(gateway: MaxGateway, p: dict[str, Any]) -> dict[str, Any]:
    result = gateway.add_members(p["chat_id"], p["user_ids"])
    return {
        "success": result.success,
        "failed_user_ids": list(result.failed_user_ids),
        "failed_user_details": [
            {"error_code": item.error_code, "user_ids": list(item.user_ids)}
            for item in result.failed_user_details
        ],
    }


def _set_admins(gateway: MaxGateway, p: dict[str, Any]) -> dict[str, Any]:
    admins = [
        ChatAdmin(a["user_id"], tuple(AdminPermission(x) for x in a["permissions"]))
        for a in p["admins"]
    ]
    gateway.set_admins(p["chat_id"], admins)
    return {}


def _done(action: Callable[[MaxGateway, dict[str, Any]], object]) -> Operation:
    def run(gateway: MaxGateway, p: dict[str, Any]) -> dict[str, Any]:
        action(gateway, p)
        return {}

    return run


Operation = Callable[[MaxGateway, dict[str, Any]], dict[str, Any]]

OPERATIONS: dict[str, Operation] = {
    "request_link": _request_link,
    "cancel_link_request": _done(lambda g, p: g.cancel_link_request(p["request_id"])),
    "unlink": _done(lambda g, p: g.unlink(p["request_id"])),
    "create_chat": lambda g, p: _chat_json(
        g.create_chat(p["title"], organisation_key=p["organisation_key"])
    ),
    "rename_chat": lambda g, p: _chat_json(g.rename_chat(p["chat_id"], p["title"])),
    "delete_chat": _done(lambda g, p: g.delete_chat(p["chat_id"])),
    "add_members": _add_members,
    "remove_member": _done(
        lambda g, p: g.remove_member(p["chat_id"], p["user_id"], block=p.get("block", False))
    ),
    "set_admins": _set_admins,
    "revoke_admin": _done(lambda g, p: g.revoke_admin(p["chat_id"], p["user_id"])),
    "schedule_call": lambda g, p: _call_json(
        g.schedule_call(p["title"], from_millis(p["starts_at"]), chat_id=p.get("chat_id"))
    ),
    "start_call": lambda g, p: _call_json(g.start_call(p["call_id"])),
    "finish_call": lambda g, p: _call_json(g.finish_call(p["call_id"])),
}


# --- delivering -----------------------------------------------------------------------------
def retry_pause(attempts: int) -> dt.timedelta:
    """5 s after the first failure, doubling, at most 10 minutes."""
    return min(FIRST_RETRY * (2 ** max(0, attempts - 1)), LONGEST_RETRY)


Outcome = Callable[[Session, m.MaxOutboxEntry], None]


@dataclass
class PassResult:
    """What one pass of the worker did."""

    delivered: int = 0
    failed: int = 0
    postponed: int = 0  # MAX unavailable: tried again after a pause

    @property
    def handled(self) -> int:
        return self.delivered + self.failed + self.postponed


class OutboxWorker:
    """Delivers due entries; `deliver_due` is one pass, run it from a loop or a timer."""

    def __init__(
        self,
        unit_of_work: UnitOfWork,
        gateway_for: Callable[[int], MaxGateway],
        clock: Clock,
        *,
        on_attempt: Outcome | None = None,
    ) -> None:
        self._unit_of_work = unit_of_work
        self._gateway_for = gateway_for
        self._clock = clock
        # Called in the transaction that records an attempt (delivered, failed, or postponed
        # while MAX is unavailable), so that the ЭШ side — a link's state, a chat's MAX id —
        # changes together with it.
        self._on_attempt = on_attempt

    def deliver_due(self, limit: int = 50) -> PassResult:
        """Deliver what is due now: the first pending entry of each ordering key."""
        done = PassResult()
        for entry_id in self._due(limit):
            if not self._claim(entry_id):
                continue  # another worker has it
            outcome = self._deliver(entry_id)
            setattr(done, outcome, getattr(done, outcome) + 1)
        return done

    def deliver_all_due(self) -> PassResult:
        """Pass after pass until nothing is due now (later entries become due as earlier ones
        of their key are settled)."""
        total = PassResult()
        while (done := self.deliver_due()).handled:
            total.delivered += done.delivered
            total.failed += done.failed
            total.postponed += done.postponed
        return total

    def _now(self) -> dt.datetime:
        return utc_naive(self._clock.now())

    def _due(self, limit: int) -> list[int]:
        now = self._now()
        earlier = aliased(m.MaxOutboxEntry)
        entry = m.MaxOutboxEntry
        with self._unit_of_work() as session:
            return list(
                session.scalars(
                    select(entry.id)
                    .where(
                        entry.state == PENDING,
                        entry.next_attempt_at <= now,
                        or_(entry.claimed_until.is_(None), entry.claimed_until < now),
                        ~exists().where(
                            and_(
                                earlier.ordering_key == entry.ordering_key,
                                earlier.state == PENDING,
                                earlier.id < entry.id,
                            )
                        ),
                    )
                    .order_by(entry.id)
                    .limit(limit)
                )
            )

    def _claim(self, entry_id: int) -> bool:
        now = self._now()
        with self._unit_of_work() as session:
            claimed = session.execute(
                update(m.MaxOutboxEntry)
                .where(
                    m.MaxOutboxEntry.id == entry_id,
                    m.MaxOutboxEntry.state == PENDING,
                    or_(
                        m.MaxOutboxEntry.claimed_until.is_(None),
                        m.MaxOutboxEntry.claimed_until < now,
                    ),
                )
                .values(claimed_until=now + LEASE)
            )
            return bool(claimed.rowcount)

    def _deliver(self, entry_id: int) -> str:
        """Ask MAX; returns "delivered", "failed" or "postponed"."""
        with self._unit_of_work() as session:
            entry = session.get_one(m.MaxOutboxEntry, entry_id)
            operation, organisation_id = entry.operation, entry.organisation_id
            try:
                payload = _resolve(session, json.loads(entry.payload))
            except UnresolvedReference as error:
                self._settle(session, entry, FAILED, error=str(error), code="dependency.failed")
                return "failed"
        try:
            with idempotency_key(f"esh-outbox-{entry_id}"):
                result = OPERATIONS[operation](self._gateway_for(organisation_id), payload)
        except MaxError as error:
            with self._unit_of_work() as session:
                entry = session.get_one(m.MaxOutboxEntry, entry_id)
                if error.transient:
                    self._retry_later(session, entry, error)
                    return "postponed"
                self._settle(session, entry, FAILED, error=_describe(error), code=error.code)
            return "failed"
        except Exception as error:  # a bug or an answer nobody expected: kept, not retried
            log.exception("MAX outbox entry %s failed unexpectedly", entry_id)
            with self._unit_of_work() as session:
                entry = session.get_one(m.MaxOutboxEntry, entry_id)
                self._settle(
                    session, entry, FAILED, error=f"Непредвиденная ошибка: {error!r}", code="bug"
                )
            return "failed"
        with self._unit_of_work() as session:
            entry = session.get_one(m.MaxOutboxEntry, entry_id)
            entry.result = json.dumps(result, ensure_ascii=False)
            self._settle(session, entry, DELIVERED)
        return "delivered"

    def _retry_later(self, session: Session, entry: m.MaxOutboxEntry, error: MaxError) -> None:
        entry.attempts += 1
        entry.last_error = _describe(error)
        entry.last_error_code = error.code
        entry.claimed_until = None
        pause = retry_pause(entry.attempts)
        entry.next_attempt_at = self._now() + pause
        log.info("MAX outbox entry %s: %s; next attempt in %s", entry.id, error, pause)
        if self._on_attempt is not None:
            self._on_attempt(session, entry)

    def _settle(
        self,
        session: Session,
        entry: m.MaxOutboxEntry,
        state: str,
        *,
        error: str | None = None,
        code: str | None = None,
    ) -> None:
        entry.attempts += 1
        entry.state = state
        entry.claimed_until = None
        entry.last_error = error
        entry.last_error_code = code
        if state == DELIVERED:
            entry.delivered_at = self._now()
        if self._on_attempt is not None:
            self._on_attempt(session, entry)


def _describe(error: MaxError) -> str:
    return f"{error.message} ({error.code})"


def _resolve(session: Session, value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$result", "field"}:
            source = session.get(m.MaxOutboxEntry, value["$result"])
            if source is None or source.state != DELIVERED or source.result is None:
                raise UnresolvedReference(
                    f"Не выполнена операция № {value['$result']}, от которой зависит эта"
                )
            return json.loads(source.result)[value["field"]]
        return {key: _resolve(session, item) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolve(session, item) for item in value]
    return value
