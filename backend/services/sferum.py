"""Linking an ЭШ account to the user's Sferum education profile on MAX.

The request is written together with an outbox entry; the outbox worker sends it to MAX, and
`refresh_pending_links` follows MAX's answer («Подключить» / «Не подключать»). The desktop only
ever reads the state kept here, so it works the same while MAX is unreachable.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backend.clock import Clock
from backend.contract import types as t
from backend.contract.errors import (
    AlreadyLinked,
    LinkAlreadyRequested,
    NotFound,
    ValidationFailed,
)
from backend.contract.phones import PHONE_FORMAT_MESSAGE, normalize_mobile
from backend.max.gateway import LinkStatus, MaxError, MaxGateway
from backend.operations import Http, Topic, declare
from backend.schema import models as m
from backend.services import chats, outbox
from backend.services.auth import utc_naive

log = logging.getLogger(__name__)

S = t.SferumLinkStatus
# States in which the account has, or is getting, a link: a new request is not sent.
ACTIVE = (S.SENDING.value, S.PENDING.value, S.LINKED.value)

NOT_IN_MAX = (
    "Номер телефона не зарегистрирован на платформе МАХ. Укажите номер, с которым вы "
    "зарегистрированы в МАХ, или зарегистрируйтесь в МАХ с этим номером."
)
REJECTED_IN_MAX = "Привязка отклонена на платформе МАХ («Не подключать»)."
WAITING_FOR_MAX = (
    "Платформа МАХ сейчас недоступна. Запрос будет отправлен автоматически, как только она ответит."
)
PHONE_TAKEN = (
    "Этот номер телефона уже привязан к другой учетной записи ЭШ с той же ролью. Один номер "
    "можно привязать только к одной такой учетной записи."
)


def role_name(user: t.CurrentUser) -> str:
    if user.has(t.Role.TEACHER):
        return "Педагог"
    if user.has(t.Role.EMPLOYEE):
        return "Сотрудник"
    if user.has(t.Role.STUDENT):
        return "Ученик"
    return "Родитель"


def _latest(session: Session, account_id: int) -> m.SferumLink | None:
    return session.scalar(
        select(m.SferumLink)
        .where(m.SferumLink.account_id == account_id)
        .order_by(m.SferumLink.id.desc())
        .limit(1)
    )


def _web_url(session: Session, organisation_id: int) -> str:
    settings = session.get(m.OrganisationSettings, organisation_id)
    return settings.sferum_web_url if settings is not None else m.SFERUM_WEB_URL


def _view(session: Session, user: t.CurrentUser, row: m.SferumLink | None) -> t.SferumLink:
    web_url = _web_url(session, user.organisation_id)
    if row is None or row.status == "unlinked":
        return t.SferumLink(status=S.NOT_LINKED, web_url=web_url)
    return t.SferumLink(
        status=S(row.status),
        phone=row.phone,
        message=row.message,
        web_url=web_url,
        request_number=row.id,
    )


@declare(Http("GET", "/sferum/link"), name="sferum_link")
def current_link(session: Session, user: t.CurrentUser) -> t.SferumLink:
    return _view(session, user, _latest(session, user.account_id))


@declare(
    Http("POST", "/sferum/link", body=("phone",), limits={"phone": 40}),
    name="request_sferum_link",
    changes={Topic.SFERUM_LINK, Topic.MAX_DELIVERIES},
)
def request_link(session: Session, user: t.CurrentUser, clock: Clock, phone: str) -> t.SferumLink:
    number = normalize_mobile(phone)
    if number is None:
        raise ValidationFailed(PHONE_FORMAT_MESSAGE, {"phone": PHONE_FORMAT_MESSAGE})
    latest = _latest(session, user.account_id)
    if latest is not None and latest.status in (S.SENDING.value, S.PENDING.value):
        raise LinkAlreadyRequested()
    if latest is not None and latest.status == S.LINKED.value:
        raise AlreadyLinked()
    role = role_name(user)
    taken = session.scalar(
        select(m.SferumLink.id).where(
            m.SferumLink.phone == number,
            m.SferumLink.role == role,
            m.SferumLink.account_id != user.account_id,
            m.SferumLink.status.in_(ACTIVE),
        )
    )
    if taken is not None:
        raise ValidationFailed(PHONE_TAKEN, {"phone": PHONE_TAKEN})
    now = utc_naive(clock.now())
    row = m.SferumLink(
        organisation_id=user.organisation_id,
        account_id=user.account_id,
        phone=number,
        role=role,
        status=S.SENDING.value,
        message="",
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError as error:  # another PC asked at the same moment
        if "phone" in str(error.orig):
            raise ValidationFailed(PHONE_TAKEN, {"phone": PHONE_TAKEN}) from error
        raise LinkAlreadyRequested() from error
    row.outbox_id = outbox.enqueue(
        session,
        clock,
        organisation_id=user.organisation_id,
        operation="request_link",
        payload={
            "phone": number,
            "subject": {
                "esh_account_id": user.account_id,
                "full_name": user.full_name,
                "organisation_name": user.organisation_name,
                "role": role,
            },
            "link_id": row.id,
        },
        ordering_key=f"link:{user.account_id}",
    )
    return _view(session, user, row)


@declare(
    Http("DELETE", "/sferum/link"),
    name="unlink_sferum",
    changes={Topic.SFERUM_LINK, Topic.CHATS, Topic.MAX_DELIVERIES},
)
def unlink(session: Session, user: t.CurrentUser, clock: Clock) -> t.SferumLink:
    latest = _latest(session, user.account_id)
    if latest is None or latest.status != S.LINKED.value:
        raise NotFound("Учетная запись не привязана к Сферум.")
    latest.status = "unlinked"
    latest.updated_at = utc_naive(clock.now())
    chats.on_person_unlinked(session, clock, user.person_id, latest.max_user_id)
    if latest.request_id is not None:
        outbox.enqueue(
            session,
            clock,
            organisation_id=user.organisation_id,
            operation="unlink",
            payload={"request_id": latest.request_id},
            ordering_key=f"link:{user.account_id}",
        )
    return _view(session, user, None)


def demo_phone_of(session: Session, user: t.CurrentUser) -> str | None:
    """Whose MAX side the demo shows: the phone of the latest request, else the person's."""
    latest = _latest(session, user.account_id)
    if latest is not None:
        return latest.phone
    person = session.get(m.Person, user.person_id)
    return person.phone if person is not None else None


ACTIONS = {
    "request_link": "Запрос на привязку к Сферум",
    "cancel_link_request": "Отзыв запроса на привязку",
    "unlink": "Отвязка от Сферум",
    "create_chat": "Создание чата",
    "rename_chat": "Переименование чата",
    "delete_chat": "Удаление чата",
    "add_members": "Добавление участников чата",
    "remove_member": "Исключение участника чата",
    "set_admins": "Назначение администраторов чата",
    "revoke_admin": "Снятие администратора чата",
    "schedule_call": "Планирование видеоконференции",
    "start_call": "Начало видеоконференции",
    "finish_call": "Завершение видеоконференции",
}


@declare(Http("GET", "/max/deliveries"))
def max_deliveries(session: Session, user: t.CurrentUser) -> list[t.MaxDelivery]:
    everything = chats.sees_every_chat(user)
    own_key = f"link:{user.account_id}"
    return [
        t.MaxDelivery(
            id=entry.id,
            action=ACTIONS.get(entry.operation, entry.operation),
            failed=entry.state == outbox.FAILED,
            attempts=entry.attempts,
            reason=entry.last_error or "",
            # Stored as naive UTC; said with its offset, as a date-time must be.
            created_at=entry.created_at.replace(tzinfo=dt.UTC),
        )
        for entry in outbox.undelivered(session, user.organisation_id)
        if everything or entry.ordering_key == own_key
    ]


# --- following MAX ------------------------------------------------------------------------
def on_outbox_attempt(session: Session, entry: m.MaxOutboxEntry) -> None:
    """Outbox hook: a link request was delivered, refused, or has to wait for MAX; or a chat
    change was."""
    if entry.operation != "request_link":
        chats.on_outbox_attempt(session, entry)
        return
    row = session.scalar(select(m.SferumLink).where(m.SferumLink.outbox_id == entry.id))
    if row is None or row.status != S.SENDING.value:
        return
    row.updated_at = utc_naive(dt.datetime.now(dt.UTC))
    if entry.state == outbox.DELIVERED:
        row.request_id = json.loads(entry.result or "{}").get("request_id")
        row.status, row.message = S.PENDING.value, ""
    elif entry.state == outbox.FAILED:
        row.status = S.FAILED.value
        row.message = {
            "user.not.found": NOT_IN_MAX,
            "link.exists": PHONE_TAKEN,
        }.get(entry.last_error_code or "", f"Платформа МАХ отклонила запрос: {entry.last_error}")
    else:
        row.message = WAITING_FOR_MAX


def refresh_pending_links(
    unit_of_work: outbox.UnitOfWork,
    gateway_for: Callable[[int], MaxGateway],
    clock: Clock,
) -> int:
    """Ask MAX about requests still waiting for the user's answer; returns how many changed."""
    with unit_of_work() as session:
        waiting = [
            (row.id, row.organisation_id, row.request_id)
            for row in session.scalars(
                select(m.SferumLink).where(
                    m.SferumLink.status == S.PENDING.value, m.SferumLink.request_id.is_not(None)
                )
            )
        ]
    changed = 0
    for link_id, organisation_id, request_id in waiting:
        try:
            answer = gateway_for(organisation_id).link_request(request_id)
        except MaxError as error:
            log.info("MAX link request %s: %s", request_id, error)
            if error.transient:
                break  # MAX is not answering: ask about the others next round
            continue
        status = {
            LinkStatus.CONFIRMED: S.LINKED,
            LinkStatus.REJECTED: S.REJECTED,
            LinkStatus.CANCELLED: S.NOT_LINKED,
            LinkStatus.UNLINKED: S.NOT_LINKED,
        }.get(answer.status)
        if status is None:
            continue
        with unit_of_work() as session:
            row = session.get(m.SferumLink, link_id)
            if row is None or row.status != S.PENDING.value:
                continue
            row.status = "unlinked" if status is S.NOT_LINKED else status.value
            row.message = REJECTED_IN_MAX if status is S.REJECTED else ""
            row.updated_at = utc_naive(clock.now())
            if status is S.LINKED:
                row.max_user_id = answer.user_id
                person_id = session.scalar(
                    select(m.Account.person_id).where(m.Account.id == row.account_id)
                )
                session.flush()
                if person_id is not None:
                    chats.on_person_linked(session, clock, person_id)
            changed += 1
    return changed


def fill_missing_max_users(
    unit_of_work: outbox.UnitOfWork,
    gateway_for: Callable[[int], MaxGateway],
    clock: Clock,
) -> int:
    """Links confirmed before the ЭШ kept MAX's user ids: ask MAX who they are, then put the
    people into the Sferum side of their chats. Returns how many were filled in."""
    with unit_of_work() as session:
        missing = [
            (row.id, row.organisation_id, row.request_id)
            for row in session.scalars(
                select(m.SferumLink).where(
                    m.SferumLink.status == S.LINKED.value,
                    m.SferumLink.max_user_id.is_(None),
                    m.SferumLink.request_id.is_not(None),
                )
            )
        ]
    filled = 0
    for link_id, organisation_id, request_id in missing:
        try:
            answer = gateway_for(organisation_id).link_request(request_id)
        except MaxError as error:
            log.info("MAX link request %s: %s", request_id, error)
            if error.transient:
                break
            continue
        if answer.user_id is None:
            continue
        with unit_of_work() as session:
            row = session.get(m.SferumLink, link_id)
            if row is None or row.status != S.LINKED.value or row.max_user_id is not None:
                continue
            row.max_user_id = answer.user_id
            person_id = session.scalar(
                select(m.Account.person_id).where(m.Account.id == row.account_id)
            )
            session.flush()
            if person_id is not None:
                chats.on_person_linked(session, clock, person_id)
            filled += 1
    return filled
