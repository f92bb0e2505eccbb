"""The ASGI application: every Backend operation as an endpoint under /api/v1.

Endpoints are plain functions run in the server's thread pool; each request is one unit of
work on the database, which holds all the state — so several processes can serve one
PostgreSQL database behind a load balancer.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi
from sqlalchemy.orm import Session

from backend.clock import Clock, SystemClock
from backend.contract import types as t
from backend.contract.errors import NotAuthenticated
from backend.database import Database
from backend.max.gateway import MaxGateway
from backend.max.jobs import MaxJobs, MaxJobThread
from backend.max.routing import GatewayForOrganisation
from backend.migrations import HEAD_REVISION
from backend.operations.catalogue import operations
from backend.operations.declaration import LIST_LIMIT, Operation
from backend.server import schemas as s
from backend.server.errors import ERROR_STATUSES, install_error_handlers
from backend.server.limits import BodySizeLimit
from backend.server.routes import Token, add_operation_routes
from backend.server.versions import DesktopVersionGate
from backend.services import auth
from backend.version import OLDEST_DESKTOP_SERVED, current_version

R = TypeVar("R")
log = logging.getLogger(__name__)
MAX_BODY_BYTES = 64 * 1024
# A chat is saved with all its participants: up to 20 000 of them, some 60 bytes each.
MAX_LARGE_BODY_BYTES = 2 * 1024 * 1024
API = "/api/v1"

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": s.ErrorResponse, "description": "Отказ: код и сообщение для пользователя"}
    for status in ERROR_STATUSES
}


class Api:
    """Binds the endpoints to one database and one clock, and to the MAX jobs (if any) that
    an endpoint may want done at once rather than on their next round."""

    def __init__(
        self,
        database: Database,
        clock: Clock,
        jobs: MaxJobs | None = None,
        *,
        min_desktop_version: str = OLDEST_DESKTOP_SERVED,
    ) -> None:
        self.database = database
        self.clock = clock
        self.jobs = jobs
        self.min_desktop_version = min_desktop_version

    def carry_out_on_max(self) -> None:
        """Start and finish the conferences due and deliver the outbox, now (a blocking call:
        endpoints run in the thread pool). A failure is only logged: the next round tries
        again."""
        if self.jobs is None:
            return
        try:
            self.jobs.conferences.run_once()
            self.jobs.worker.deliver_all_due()
        except Exception:
            log.exception("carrying out changes on MAX failed")

    def run(self, token: str, operation: Operation, arguments: dict[str, Any]) -> Any:
        """One operation as the user of `token`, in one unit of work."""
        with self.database.session() as session:
            user = auth.user_for_token(session, self.clock, token)
            result = operation.run(session, user, self.clock, arguments)
        if operation.answer_after_max is not None:
            self.carry_out_on_max()
            return self.run(token, operations()[operation.answer_after_max], arguments)
        return result

    def anonymous(self, work: Callable[[Session], R]) -> R:
        with self.database.session() as session:
            return work(session)


def build_router(api: Api) -> APIRouter:
    router = APIRouter(prefix=API, responses=ERROR_RESPONSES)

    @router.get("/health", response_model=s.HealthResponse, tags=["service"])
    def health() -> s.HealthResponse:
        return s.HealthResponse(
            status="ok", version=current_version(), min_desktop_version=api.min_desktop_version
        )

    # --- session -----------------------------------------------------------------------------
    @router.get("/organisations", response_model=list[t.OrganisationSummary], tags=["session"])
    def organisations() -> list[t.OrganisationSummary]:
        return api.anonymous(auth.list_organisations)

    @router.post("/session", response_model=s.SessionResponse, tags=["session"])
    def log_in(body: s.LoginRequest) -> s.SessionResponse:
        user, token = auth.log_in(
            api.database.session,
            api.clock,
            body.organisation_id,
            body.login,
            body.password,
            remember=body.remember,
        )
        return s.SessionResponse(token=token, user=user)

    @router.delete("/session", status_code=204, tags=["session"])
    def log_out(token: Token) -> None:
        if not api.anonymous(lambda session: auth.revoke_token(session, api.clock, token)):
            raise NotAuthenticated()

    @router.get("/me", response_model=t.CurrentUser, tags=["session"])
    def me(token: Token) -> t.CurrentUser:
        return api.anonymous(lambda session: auth.user_for_token(session, api.clock, token))

    add_operation_routes(router, api, operations().values())
    return router


def create_app(
    database: Database,
    *,
    clock: Clock | None = None,
    max_gateway: MaxGateway | None = None,
    max_jobs_interval: float | None = None,
    min_desktop_version: str = OLDEST_DESKTOP_SERVED,
) -> FastAPI:
    """The server application for `database`; desktops older than `min_desktop_version` are
    told to update. `app.state.max_jobs` delivers the MAX outbox
    and follows link requests — to the MAX named in each organisation's settings, else to
    `max_gateway`; with `max_jobs_interval`, a thread does that every so many seconds while
    the application runs."""
    clock = clock or SystemClock()
    gateways = GatewayForOrganisation(database.session, max_gateway)
    jobs = MaxJobs(database.session, gateways, clock)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        thread = None
        if max_jobs_interval is not None:
            thread = MaxJobThread(jobs, interval=max_jobs_interval)
            thread.start()
        try:
            yield
        finally:
            if thread is not None:
                thread.stop()
            gateways.close()
            if max_gateway is not None:
                max_gateway.close()
            database.dispose()

    app = FastAPI(
        lifespan=lifespan,
        title="Электронная школа — API",
        version=current_version(),
        description="Контракт рабочего стола ЭШ по HTTP. Все методы, кроме входа, списка "
        "организаций и проверки работоспособности, требуют заголовок "
        "`Authorization: Bearer <токен>`.",
        openapi_url=f"{API}/openapi.json",
        docs_url=f"{API}/docs",
        redoc_url=None,
    )
    app.add_middleware(
        BodySizeLimit,
        max_bytes=MAX_BODY_BYTES,
        larger={f"{API}{path}": MAX_LARGE_BODY_BYTES for path in _paths_with_long_lists()},
    )
    app.add_middleware(DesktopVersionGate, oldest_served=min_desktop_version)
    install_error_handlers(app)
    app.include_router(
        build_router(Api(database, clock, jobs, min_desktop_version=min_desktop_version))
    )
    app.openapi = lambda: _openapi_with_school_times(app)  # type: ignore[method-assign]
    app.state.database = database
    app.state.max_jobs = jobs
    app.state.max_gateways = gateways
    return app


def _paths_with_long_lists() -> list[str]:
    """The operations whose bodies may carry lists longer than usual (a chat's participants)."""
    return [
        operation.http.path
        for operation in operations().values()
        if any(limit > LIST_LIMIT for limit in operation.http.limits.values())
    ]


SCHOOL_TIME = {
    "type": "string",
    "pattern": r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$",
    "description": "Время по часам школы, без часового пояса (ЧЧ:ММ:СС)",
}


def _openapi_with_school_times(app: FastAPI) -> dict[str, Any]:
    """Lesson times are the school's wall-clock times: the schema says so instead of
    JSON Schema's «time» format, which demands a time zone offset."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )

        def fix(node: Any) -> None:
            if isinstance(node, dict):
                if node.get("format") == "time" and node.get("type") == "string":
                    title = node.get("title")
                    node.clear()
                    node.update(SCHOOL_TIME)
                    if title:
                        node["title"] = title
                for value in node.values():
                    fix(value)
            elif isinstance(node, list):
                for value in node:
                    fix(value)

        fix(schema)
        app.openapi_schema = schema
    return app.openapi_schema


DATABASE_ENV = "ESH_DATABASE_URL"
MAX_URL_ENV, MAX_TOKEN_ENV = "ESH_MAX_URL", "ESH_MAX_TOKEN"
MAX_SIM_ENV = "ESH_MAX_SIM_DATABASE"
MAX_JOBS_INTERVAL = 2.0


def max_gateway_from_environment() -> MaxGateway | None:
    """MAX over HTTP (ESH_MAX_URL, ESH_MAX_TOKEN), or the simulator on ESH_MAX_SIM_DATABASE."""
    if url := os.environ.get(MAX_URL_ENV):
        from backend.max.http_client import MaxHttpGateway

        return MaxHttpGateway(url, os.environ.get(MAX_TOKEN_ENV, ""))
    if sim := os.environ.get(MAX_SIM_ENV):
        from backend.max.simulator.state import SimulatedMax

        return SimulatedMax(sim)
    log.warning("no default MAX platform: organisations without a MAX address wait in the outbox")
    return None


def app_from_environment() -> FastAPI:
    """Factory for uvicorn workers: the database URL comes from ESH_DATABASE_URL."""
    url = os.environ.get(DATABASE_ENV)
    if not url:
        raise RuntimeError(f"{DATABASE_ENV} is not set")
    database = Database(url)
    if database.current_revision() != HEAD_REVISION:
        raise RuntimeError("the database schema is not current: run `esh-server migrate` first")
    return create_app(
        database, max_gateway=max_gateway_from_environment(), max_jobs_interval=MAX_JOBS_INTERVAL
    )
