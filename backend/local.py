"""The embedded backend: the domain services on a SQLite file, in this process.

All database work for the desktop runs on one worker thread, so the GUI thread never waits for
SQLite and the services never see two threads at once; what waits for MAX runs on a thread of
its own (`backend.max.embedded`). SQLAlchemy and the services are imported on that
thread too: the import costs a few hundred milliseconds, which then overlap with building the
login window instead of delaying it.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from backend.clock import Clock, SystemClock
from backend.contract import types as t
from backend.contract.errors import (
    BackendError,
    BackendUnavailable,
    Conflict,
    NotAuthenticated,
)
from backend.max.embedded import EmbeddedMax
from backend.operations.methods import add_operation_methods

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from backend.database import Database
    from backend.max.gateway import MaxGateway
    from backend.max.simulator.state import SimulatedMax

R = TypeVar("R")
MAX_JOBS_INTERVAL = 2.0  # seconds
DEMO_CALLS_SHOWN = 20  # calls going on, in «МАХ (демо)»
log = logging.getLogger(__name__)


@add_operation_methods
class LocalBackend:
    """Implements `backend.contract.Backend` on a local SQLite database."""

    def __init__(
        self,
        path: Path,
        *,
        clock: Clock | None = None,
        demo: bool = False,
        demo_size: str = "standard",
        max_gateway: MaxGateway | None = None,
        max_interval: float | None = MAX_JOBS_INTERVAL,
        on_closed: Callable[[], None] | None = None,
    ) -> None:
        """`max_gateway` is how MAX is reached; by default a simulator with its own file beside
        the database. Every `max_interval` seconds the outbox is delivered and link requests
        are followed; None leaves that to `run_max_jobs`. `on_closed` is called once the
        database is closed (the desktop then lets another desktop open it)."""
        self.path = Path(path)
        self._clock = clock or SystemClock()
        self._on_closed = on_closed
        self._max = EmbeddedMax(self.path, self._db, self._clock, max_gateway)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="esh-db")
        self._token: str | None = None
        self._database: Database | None = None
        self._open_error: BackendError | None = None
        self._closed = False
        # Opening starts at once, on the worker thread, while the caller builds its windows.
        self._opened: Future[None] = self._executor.submit(self._open, demo, demo_size)
        if max_interval is not None:
            self._max.start_ticking(max_interval, self._guarded)

    # --- the worker thread --------------------------------------------------------------------
    def _open(self, demo: bool, demo_size: str) -> None:
        try:
            from backend.database import Database, sqlite_url

            database = Database(sqlite_url(self.path))
            database.upgrade()
            self._database = database
            if demo:
                self._create_demo_if_empty(demo_size)
        except Exception as error:
            log.exception("cannot open the database %s", self.path)
            self._open_error = BackendUnavailable(
                f"Не удалось открыть базу данных «{self.path}». {_reason(error)}"
            )
            return

    @property
    def simulates_max(self) -> bool:
        """True when MAX is the simulator beside the database: its users' side can be shown."""
        return self._max.simulated

    @property
    def max_simulator(self) -> SimulatedMax | None:
        """The simulated MAX, once open (None when MAX is a real platform)."""
        return self._max.simulator

    async def demo_max_messages(self) -> list[t.DemoMaxMessage]:
        """The logged-in person's messages in the simulated MAX, newest first: those to the
        phone of their latest link request, or else to their own phone."""
        token = self._require_token()

        def work(session: Session, user: t.CurrentUser) -> list[t.DemoMaxMessage]:
            from backend.services.sferum import demo_phone_of

            phone = demo_phone_of(session, user)
            if phone is None or not self._max.ensure_open() or self.max_simulator is None:
                return []
            return [
                t.DemoMaxMessage(
                    id=message.id,
                    sender=message.sender,
                    text=message.text,
                    request_id=message.request_id,
                    awaiting_answer=message.request_status is not None
                    and message.request_status.value == "pending",
                    phone=phone,
                )
                for message in self.max_simulator.messages_for(phone)
            ]

        return await self._max.run(self._as_user, token, work)

    async def demo_max_calls(self) -> list[t.DemoMaxCall]:
        """The calls going on in the simulated MAX, the latest start first."""
        self._require_token()

        def work() -> list[t.DemoMaxCall]:
            if not self._max.ensure_open() or self.max_simulator is None:
                return []
            return [
                t.DemoMaxCall(
                    call_id=call.call_id,
                    title=call.title,
                    starts_at=call.starts_at,
                    join_link=call.join_link,
                )
                for call in self.max_simulator.calls()[:DEMO_CALLS_SHOWN]
            ]

        return await self._max.run(self._guarded, work)

    async def answer_demo_link(self, request_id: str, *, accept: bool) -> None:
        """Press «Подключить» (accept) or «Не подключать» in the simulated MAX."""
        self._require_token()

        def work() -> None:
            from backend.max.gateway import MaxError

            if not self._max.ensure_open() or self.max_simulator is None:
                return
            try:
                self.max_simulator.answer_link(request_id, accept=accept)
            except MaxError as error:
                raise Conflict(error.message) from error
            self._max.run_jobs()

        await self._max.run(self._guarded, work)

    async def run_max_jobs(self) -> None:
        """Start and finish the conferences due, deliver the MAX outbox and follow link
        requests now (on the MAX thread)."""
        await self._max.run(self._guarded, self._max.run_jobs)

    def _create_demo_if_empty(self, demo_size: str) -> None:
        from backend.demo.generator import (
            DemoSize,
            create_demo_school,
            extend_demo_timetable,
        )

        with self._db().session() as session:
            if self._is_empty(session):
                create_demo_school(session, self._clock.now().date(), size=DemoSize(demo_size))
            else:
                extend_demo_timetable(session, self._clock.now().date())

    @staticmethod
    def _is_empty(session: Session) -> bool:
        from sqlalchemy import select

        from backend.schema.models import Organisation

        return session.scalar(select(Organisation.id).limit(1)) is None

    def _db(self) -> Database:
        if self._database is None and self._open_error is None:
            self._opened.result()  # from the MAX thread, before the database has opened
        if self._open_error is not None:
            raise self._open_error
        assert self._database is not None
        return self._database

    def _guarded(self, work: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        """Run database work, turning an unreachable or broken database into a sentence."""
        from sqlalchemy.exc import OperationalError

        try:
            return work(*args, **kwargs)
        except OperationalError as error:
            log.exception("database error")
            raise BackendUnavailable(
                f"Ошибка при обращении к базе данных «{self.path}». {_reason(error)}"
            ) from error

    def _in_session(self, work: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        def run() -> R:
            with self._db().session() as session:
                return work(session, *args, **kwargs)

        return self._guarded(run)

    def _as_user(self, token: str, work: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        from backend.services import auth

        def run(session: Session) -> R:
            user = auth.user_for_token(session, self._clock, token)
            return work(session, user, *args, **kwargs)

        return self._in_session(run)

    # --- plumbing -----------------------------------------------------------------------------
    async def _run(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    def _require_token(self) -> str:
        if self._token is None:
            raise NotAuthenticated("Вход в систему не выполнен.")
        return self._token

    async def _call_operation(self, name: str, arguments: dict[str, Any]) -> Any:
        """Run a declared operation as the logged-in user (the methods of the contract's
        operations come here, see `backend.operations.methods`)."""
        token = self._require_token()

        def work(session: Session, user: t.CurrentUser) -> tuple[Any, str | None]:
            from backend.operations.catalogue import operations

            operation = operations()[name]
            result = operation.run(session, user, self._clock, arguments)
            return result, operation.answer_after_max

        result, answer_after_max = await self._run(self._as_user, token, work)
        if answer_after_max is not None:
            await self.run_max_jobs()  # carry it out on MAX now, not on the next round
            return await self._call_operation(answer_after_max, arguments)
        return result

    # --- local-only operations ----------------------------------------------------------------
    async def is_empty(self) -> bool:
        """True when the database holds no organisation (a first start)."""
        return await self._run(self._in_session, self._is_empty)

    async def create_demo_school(self, size: str = "standard") -> None:
        await self._run(self._create_demo_if_empty, size)

    # --- the contract: session ----------------------------------------------------------------
    async def describe(self) -> t.BackendInfo:
        from backend.version import current_version

        return t.BackendInfo(embedded=True, location=str(self.path), version=current_version())

    async def list_organisations(self) -> list[t.OrganisationSummary]:
        def work(session: Session) -> list[t.OrganisationSummary]:
            from backend.services import auth

            return auth.list_organisations(session)

        return await self._run(self._in_session, work)

    async def log_in(
        self, organisation_id: int, login: str, password: str, *, remember: bool = False
    ) -> t.LoginResult:
        def work() -> tuple[t.CurrentUser, str]:
            from backend.services import auth

            return auth.log_in(
                self._db().session,
                self._clock,
                organisation_id,
                login,
                password,
                remember=remember,
            )

        user, token = await self._run(self._guarded, work)
        self._token = token
        return t.LoginResult(user=user, remember_token=token if remember else None)

    async def resume_session(self, token: str) -> t.CurrentUser:
        def work(session: Session) -> t.CurrentUser:
            from backend.services import auth

            return auth.user_for_token(session, self._clock, token)

        user = await self._run(self._in_session, work)
        self._token = token
        return user

    async def log_out(self, *, forget: bool = True) -> None:
        token, self._token = self._token, None
        if token is None or not forget:
            return

        def work(session: Session) -> None:
            from backend.services import auth

            auth.revoke_token(session, self._clock, token)

        await self._run(self._in_session, work)

    async def current_user(self) -> t.CurrentUser:
        token = self._require_token()
        return await self._run(self._as_user, token, lambda _session, user: user)

    # --- lifetime -----------------------------------------------------------------------------
    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True

        def dispose() -> None:
            if self._database is not None:
                self._database.dispose()

        try:
            await self._max.close()
            await self._run(dispose)
        finally:
            self._executor.shutdown(wait=False)
            if self._on_closed is not None:
                self._on_closed()


def _reason(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return f"Причина: {text}." if text else ""
