"""The simulated MAX platform: `MaxGateway` on a database of its own.

Besides the gateway's operations it has what only MAX's users could do — answer a link
request with «Подключить» or «Не подключать» — and what the demo window needs to show: a
user's messages, a chat's members.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from backend.database import Database
from backend.max.gateway import (
    CallStatus,
    ChatAdmin,
    FailedUsers,
    LinkRequest,
    LinkStatus,
    LinkSubject,
    MaxCall,
    MaxChat,
    MaxConflict,
    MaxNotFound,
    MaxRefused,
    MaxUnavailable,
    MembersResult,
)
from backend.max.simulator import models as sm
from backend.max.simulator.faults import FaultKind, FaultPlan

SFERUM_SENDER = "Сферум"
FIRST_USER_ID = 100_001
FIRST_CHAT_NUMBER = 7_000_000_001
DEFAULT_CALL_BASE = "https://sferum.ru/call/"


@dataclass(frozen=True, slots=True)
class SimMessageView:
    id: int
    sender: str
    text: str
    request_id: str | None
    request_status: LinkStatus | None
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class SimMemberView:
    user_id: int
    is_admin: bool
    blocked: bool


@dataclass(frozen=True, slots=True)
class SimCallView:
    """A call as its page shows it: with its chat and the names of the chat's members."""

    call: MaxCall
    chat_title: str | None  # None: a call without a chat, or its chat was deleted
    participants: tuple[str, ...]  # «Имя Фамилия» of the chat's present members


def link_message(subject_name: str, organisation: str, role: str, phone: str) -> str:
    return (
        "Запрос на привязку учебного аккаунта Сферум.\n"
        f"ФИО: {subject_name}\n"
        f"Организация: {organisation}\n"
        f"Роль: {role}\n"
        f"Телефон: {phone}\n"
        "Проверьте данные. Если они верны, нажмите «Подключить»; если запрос отправляли "
        "не вы, нажмите «Не подключать»."
    )


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class SimulatedMax:
    def __init__(
        self,
        url: str | URL,
        *,
        faults: FaultPlan | None = None,
        call_base_url: str = DEFAULT_CALL_BASE,
    ) -> None:
        self._database = Database(url)  # WAL, foreign keys and busy timeout as for the ЭШ
        self.url = self._database.url
        self.engine = self._database.engine
        sm.SimBase.metadata.create_all(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.faults = faults
        self.call_base_url = call_base_url
        self._write_lock = threading.RLock()

    def close(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def _session(self) -> Iterator[Session]:
        self._apply_fault()
        # One change at a time, as MAX would order them: new ids are the last one plus one.
        with self._write_lock, self._sessions() as session, session.begin():
            yield session

    def _apply_fault(self) -> None:
        fault = self.faults.next() if self.faults is not None else None
        if fault is None:
            return
        if fault.kind is FaultKind.LATENCY:
            time.sleep(fault.delay_ms / 1000)
        elif fault.kind is FaultKind.TIMEOUT:
            raise MaxUnavailable("timeout", "МАХ не ответил вовремя (симуляция)")
        elif fault.kind is FaultKind.SERVER_ERROR:
            raise MaxUnavailable("service.unavailable", "Сервис недоступен", status=503)
        elif fault.kind is FaultKind.REFUSED:
            raise MaxRefused("access.denied", "Недостаточно прав (симуляция)", status=403)
        else:
            raise MaxUnavailable(
                "too.many.requests",
                "Слишком много запросов",
                status=429,
                retry_after=fault.retry_after_s,
            )

    # --- answers given to POSTs with an Idempotency-Key --------------------------------------
    def remembered_answer(self, key: str) -> str | None:
        with self._sessions() as session:
            stored = session.get(sm.SimIdempotentAnswer, key[:100])
            return stored.body if stored is not None else None

    def remember_answer(self, key: str, body: str) -> None:
        with self._sessions() as session, session.begin():
            session.merge(sm.SimIdempotentAnswer(key=key[:100], status=200, body=body))

    # --- MAX's users (the simulator's own) --------------------------------------------------
    def add_user(
        self, phone: str, first_name: str, last_name: str, *, closed_to_invites: bool = False
    ) -> int:
        with self._write_lock, self._sessions() as session, session.begin():
            existing = session.scalar(select(sm.SimUser).where(sm.SimUser.phone == phone))
            if existing is not None:
                return existing.user_id
            user_id = (
                session.scalar(select(func.max(sm.SimUser.user_id))) or FIRST_USER_ID - 1
            ) + 1
            session.add(
                sm.SimUser(
                    user_id=user_id,
                    phone=phone,
                    first_name=first_name,
                    last_name=last_name,
                    closed_to_invites=closed_to_invites,
                )
            )
            return user_id

    def add_users(self, people: Sequence[tuple[str, str, str]]) -> int:
        """Register many (phone, first name, last name) at once; known phones are skipped."""
        with self._write_lock, self._sessions() as session, session.begin():
            known = set(session.scalars(select(sm.SimUser.phone)))
            next_id = (
                session.scalar(select(func.max(sm.SimUser.user_id))) or FIRST_USER_ID - 1
            ) + 1
            rows = []
            for phone, first_name, last_name in people:
                if phone in known:
                    continue
                known.add(phone)
                rows.append(
                    {
                        "user_id": next_id,
                        "phone": phone,
                        "first_name": first_name,
                        "last_name": last_name,
                        "closed_to_invites": False,
                    }
                )
                next_id += 1
            if rows:
                session.execute(insert(sm.SimUser), rows)
            return len(rows)

    def has_users(self) -> bool:
        with self._sessions() as session:
            return session.scalar(select(sm.SimUser.user_id).limit(1)) is not None

    def user_id_for(self, phone: str) -> int | None:
        with self._sessions() as session:
            return session.scalar(select(sm.SimUser.user_id).where(sm.SimUser.phone == phone))

    def messages_for(self, phone: str) -> list[SimMessageView]:
        with self._sessions() as session:
            rows = session.execute(
                select(sm.SimMessage, sm.SimLinkRequest.status)
                .join(sm.SimUser, sm.SimUser.user_id == sm.SimMessage.user_id)
                .outerjoin(
                    sm.SimLinkRequest, sm.SimLinkRequest.request_id == sm.SimMessage.request_id
                )
                .where(sm.SimUser.phone == phone)
                .order_by(sm.SimMessage.id.desc())
            ).all()
            return [
                SimMessageView(
                    id=message.id,
                    sender=message.sender,
                    text=message.text,
                    request_id=message.request_id,
                    request_status=LinkStatus(status) if status else None,
                    created_at=message.created_at,
                )
                for message, status in rows
            ]

    def answer_link(self, request_id: str, *, accept: bool) -> LinkRequest:
        """The user presses «Подключить» (accept) or «Не подключать» in MAX."""
        with self._write_lock, self._sessions() as session, session.begin():
            request = self._request(session, request_id)
            if request.status != LinkStatus.PENDING.value:
                raise MaxConflict("request.answered", "На запрос уже ответили")
            request.status = (LinkStatus.CONFIRMED if accept else LinkStatus.REJECTED).value
            request.answered_at = _utc_now()
            if accept:
                self._refuse_second_link(session, request)
            return _link_view(request)

    def members(self, chat_id: int) -> list[SimMemberView]:
        with self._sessions() as session:
            self._chat(session, chat_id)
            return [
                SimMemberView(user_id=m.user_id, is_admin=m.is_admin, blocked=m.blocked)
                for m in session.scalars(
                    select(sm.SimMember)
                    .where(sm.SimMember.chat_id == chat_id, sm.SimMember.present.is_(True))
                    .order_by(sm.SimMember.user_id)
                )
            ]

    # --- linking ----------------------------------------------------------------------------
    def request_link(self, phone: str, subject: LinkSubject) -> LinkRequest:
        with self._session() as session:
            user = session.scalar(select(sm.SimUser).where(sm.SimUser.phone == phone))
            if user is None:
                raise MaxNotFound(
                    "user.not.found", "Пользователь с таким номером не зарегистрирован в МАХ"
                )
            linked = session.scalar(
                select(sm.SimLinkRequest).where(
                    sm.SimLinkRequest.phone == phone,
                    sm.SimLinkRequest.role == subject.role,
                    sm.SimLinkRequest.status == LinkStatus.CONFIRMED.value,
                    sm.SimLinkRequest.esh_account_id != subject.esh_account_id,
                )
            )
            if linked is not None:
                raise MaxConflict(
                    "link.exists",
                    "Этот номер уже привязан к другой учетной записи с той же ролью",
                )
            request = sm.SimLinkRequest(
                request_id=uuid.uuid4().hex,
                phone=phone,
                user_id=user.user_id,
                status=LinkStatus.PENDING.value,
                esh_account_id=subject.esh_account_id,
                full_name=subject.full_name,
                organisation_name=subject.organisation_name,
                role=subject.role,
                created_at=_utc_now(),
            )
            session.add(request)
            session.flush()
            session.add(
                sm.SimMessage(
                    user_id=user.user_id,
                    sender=SFERUM_SENDER,
                    text=link_message(
                        subject.full_name, subject.organisation_name, subject.role, phone
                    ),
                    request_id=request.request_id,
                    created_at=_utc_now(),
                )
            )
            return _link_view(request)

    def link_request(self, request_id: str) -> LinkRequest:
        with self._session() as session:
            return _link_view(self._request(session, request_id))

    def cancel_link_request(self, request_id: str) -> None:
        with self._session() as session:
            request = self._request(session, request_id)
            if request.status == LinkStatus.CANCELLED.value:
                return
            if request.status != LinkStatus.PENDING.value:
                raise MaxConflict("request.answered", "На запрос уже ответили")
            request.status = LinkStatus.CANCELLED.value

    def unlink(self, request_id: str) -> None:
        with self._session() as session:
            request = self._request(session, request_id)
            if request.status == LinkStatus.UNLINKED.value:
                return
            if request.status != LinkStatus.CONFIRMED.value:
                raise MaxConflict("link.not.confirmed", "Привязка не была подтверждена")
            request.status = LinkStatus.UNLINKED.value

    # --- chats ------------------------------------------------------------------------------
    def create_chat(self, title: str, *, organisation_key: str) -> MaxChat:
        _check_title(title)
        with self._session() as session:
            lowest = session.scalar(select(func.min(sm.SimChat.chat_id)))
            chat_id = -FIRST_CHAT_NUMBER if lowest is None else lowest - 1
            chat = sm.SimChat(chat_id=chat_id, title=title, organisation_key=organisation_key)
            session.add(chat)
            return MaxChat(chat_id=chat_id, title=title, participants_count=0)

    def rename_chat(self, chat_id: int, title: str) -> MaxChat:
        _check_title(title)
        with self._session() as session:
            chat = self._chat(session, chat_id)
            chat.title = title
            return MaxChat(chat_id, title, self._count(session, chat_id))

    def chat(self, chat_id: int) -> MaxChat:
        with self._sessions() as session:
            chat = self._chat(session, chat_id)
            return MaxChat(chat_id, chat.title, self._count(session, chat_id))

    def chats(self, organisation_key: str | None = None) -> list[MaxChat]:
        """Chats not deleted (of one organisation), oldest first."""
        with self._sessions() as session:
            stmt = select(sm.SimChat).where(sm.SimChat.deleted.is_(False))
            if organisation_key is not None:
                stmt = stmt.where(sm.SimChat.organisation_key == organisation_key)
            rows = session.scalars(stmt.order_by(sm.SimChat.chat_id.desc())).all()
            return [MaxChat(c.chat_id, c.title, self._count(session, c.chat_id)) for c in rows]

    def delete_chat(self, chat_id: int) -> None:
        with self._session() as session:
            self._chat(session, chat_id).deleted = True

    def add_members(self, chat_id: int, user_ids: Sequence[int]) -> MembersResult:
        with self._session() as session:
            self._chat(session, chat_id)
            not_found: list[int] = []
            private: list[int] = []
            for user_id in dict.fromkeys(user_ids):
                user = session.get(sm.SimUser, user_id)
                if user is None:
                    not_found.append(user_id)
                    continue
                member = session.get(sm.SimMember, (chat_id, user_id))
                if member is not None and member.present:
                    continue
                if user.closed_to_invites:
                    private.append(user_id)
                    continue
                if member is None:
                    session.add(sm.SimMember(chat_id=chat_id, user_id=user_id))
                else:
                    member.present, member.blocked = True, False
            details = tuple(
                FailedUsers(code, tuple(ids))
                for code, ids in (
                    ("add.participant.privacy", private),
                    ("add.participant.not.found", not_found),
                )
                if ids
            )
            failed = tuple(private + not_found)
            return MembersResult(
                success=len(failed) < len(set(user_ids)) or not user_ids,
                failed_user_ids=failed,
                failed_user_details=details,
            )

    def remove_member(self, chat_id: int, user_id: int, *, block: bool = False) -> None:
        with self._session() as session:
            self._chat(session, chat_id)
            member = session.get(sm.SimMember, (chat_id, user_id))
            if member is None:
                if session.get(sm.SimUser, user_id) is None:
                    raise MaxNotFound("user.not.found", "Пользователь не найден")
                member = sm.SimMember(chat_id=chat_id, user_id=user_id, present=False)
                session.add(member)
            member.present = False
            member.is_admin = False
            member.permissions = ""
            member.blocked = block

    def set_admins(self, chat_id: int, admins: Sequence[ChatAdmin]) -> None:
        with self._session() as session:
            self._chat(session, chat_id)
            for admin in admins:
                member = session.get(sm.SimMember, (chat_id, admin.user_id))
                if member is None or not member.present:
                    raise MaxRefused(
                        "user.not.member", "Администратором может быть только участник"
                    )
                member.is_admin = True
                member.permissions = ",".join(p.value for p in admin.permissions)

    def revoke_admin(self, chat_id: int, user_id: int) -> None:
        with self._session() as session:
            self._chat(session, chat_id)
            member = session.get(sm.SimMember, (chat_id, user_id))
            if member is not None:
                member.is_admin = False
                member.permissions = ""

    # --- calls ------------------------------------------------------------------------------
    def schedule_call(
        self, title: str, starts_at: dt.datetime, *, chat_id: int | None = None
    ) -> MaxCall:
        with self._session() as session:
            if chat_id is not None:
                self._chat(session, chat_id)
            call = sm.SimCall(
                call_id=uuid.uuid4().hex,
                chat_id=chat_id,
                title=title,
                starts_at=starts_at.astimezone(dt.UTC).replace(tzinfo=None),
                status=CallStatus.SCHEDULED.value,
            )
            session.add(call)
            return self._call_view(call)

    def start_call(self, call_id: str) -> MaxCall:
        return self._move_call(call_id, CallStatus.STARTED, allowed_from=(CallStatus.SCHEDULED,))

    def finish_call(self, call_id: str) -> MaxCall:
        return self._move_call(
            call_id, CallStatus.FINISHED, allowed_from=(CallStatus.SCHEDULED, CallStatus.STARTED)
        )

    def call(self, call_id: str) -> MaxCall:
        with self._session() as session:
            return self._call_view(self._call(session, call_id))

    # --- what a person's browser and the demo window see (no faults: not the Bot API) ------
    def call_details(self, call_id: str) -> SimCallView | None:
        """The call behind a join link with its chat's members; None for an unknown call."""
        with self._sessions() as session:
            call = session.get(sm.SimCall, call_id[:40])
            if call is None:
                return None
            chat = session.get(sm.SimChat, call.chat_id) if call.chat_id is not None else None
            if chat is None or chat.deleted:
                return SimCallView(self._call_view(call), None, ())
            names = session.execute(
                select(sm.SimUser.first_name, sm.SimUser.last_name)
                .join(sm.SimMember, sm.SimMember.user_id == sm.SimUser.user_id)
                .where(sm.SimMember.chat_id == chat.chat_id, sm.SimMember.present.is_(True))
                .order_by(sm.SimUser.last_name, sm.SimUser.first_name, sm.SimUser.user_id)
            ).all()
            return SimCallView(
                self._call_view(call),
                chat.title,
                tuple(f"{first} {last}".strip() for first, last in names),
            )

    def calls(self, statuses: Sequence[CallStatus] = (CallStatus.STARTED,)) -> list[MaxCall]:
        """Calls in one of `statuses` (by default those going on), the latest start first."""
        with self._sessions() as session:
            rows = session.scalars(
                select(sm.SimCall)
                .where(sm.SimCall.status.in_([status.value for status in statuses]))
                .order_by(sm.SimCall.starts_at.desc(), sm.SimCall.call_id)
            ).all()
            return [self._call_view(call) for call in rows]

    # --- helpers ----------------------------------------------------------------------------
    def _move_call(
        self, call_id: str, to: CallStatus, *, allowed_from: tuple[CallStatus, ...]
    ) -> MaxCall:
        with self._session() as session:
            call = self._call(session, call_id)
            if call.status == to.value:
                return self._call_view(call)
            if CallStatus(call.status) not in allowed_from:
                raise MaxConflict("call.state", "Звонок уже завершен")
            call.status = to.value
            return self._call_view(call)

    def _call_view(self, call: sm.SimCall) -> MaxCall:
        return MaxCall(
            call_id=call.call_id,
            chat_id=call.chat_id,
            title=call.title,
            starts_at=call.starts_at.replace(tzinfo=dt.UTC),
            status=CallStatus(call.status),
            join_link=f"{self.call_base_url}{call.call_id}",
        )

    @staticmethod
    def _request(session: Session, request_id: str) -> sm.SimLinkRequest:
        request = session.get(sm.SimLinkRequest, request_id)
        if request is None:
            raise MaxNotFound("request.not.found", "Запрос на привязку не найден")
        return request

    @staticmethod
    def _chat(session: Session, chat_id: int) -> sm.SimChat:
        chat = session.get(sm.SimChat, chat_id)
        if chat is None or chat.deleted:
            raise MaxNotFound("chat.not.found", "Чат не найден")
        return chat

    @staticmethod
    def _call(session: Session, call_id: str) -> sm.SimCall:
        call = session.get(sm.SimCall, call_id)
        if call is None:
            raise MaxNotFound("call.not.found", "Звонок не найден")
        return call

    @staticmethod
    def _count(session: Session, chat_id: int) -> int:
        return (
            session.scalar(
                select(func.count()).where(
                    sm.SimMember.chat_id == chat_id, sm.SimMember.present.is_(True)
                )
            )
            or 0
        )

    @staticmethod
    def _refuse_second_link(session: Session, request: sm.SimLinkRequest) -> None:
        other = session.scalar(
            select(sm.SimLinkRequest).where(
                sm.SimLinkRequest.phone == request.phone,
                sm.SimLinkRequest.role == request.role,
                sm.SimLinkRequest.status == LinkStatus.CONFIRMED.value,
                sm.SimLinkRequest.esh_account_id != request.esh_account_id,
                sm.SimLinkRequest.request_id != request.request_id,
            )
        )
        if other is not None:
            raise MaxConflict(
                "link.exists", "Этот номер уже привязан к другой учетной записи с той же ролью"
            )


def _check_title(title: str) -> None:
    if not 1 <= len(title) <= 200:
        raise MaxRefused("chat.title.invalid", "Название чата должно быть от 1 до 200 символов")


def _link_view(request: sm.SimLinkRequest) -> LinkRequest:
    return LinkRequest(
        request_id=request.request_id,
        phone=request.phone,
        status=LinkStatus(request.status),
        user_id=request.user_id,
    )
