"""The ASGI application: every Backend operation as an endpoint under /api/v1.

Endpoints are plain functions run in the server's thread pool; each request is one unit of
work on the database, which holds all the state — so several processes can serve one
PostgreSQL database behind a load balancer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, FastAPI, Query
from fastapi.openapi.utils import get_openapi
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from backend.clock import Clock, SystemClock
from backend.contract import types as t
from backend.contract.errors import NotAuthenticated
from backend.database import Database
from backend.max.gateway import MaxGateway
from backend.max.jobs import MaxJobs, MaxJobThread
from backend.max.routing import GatewayForOrganisation
from backend.migrations import HEAD_REVISION
from backend.server import schemas as s
from backend.server.errors import ERROR_STATUSES, install_error_handlers
from backend.server.limits import BodySizeLimit
from backend.server.versions import DesktopVersionGate
from backend.services import auth
from backend.services.operations import run_operation
from backend.version import OLDEST_DESKTOP_SERVED, current_version

R = TypeVar("R")
log = logging.getLogger(__name__)
MAX_BODY_BYTES = 64 * 1024
# A chat is saved with all its participants: up to 20 000 of them, some 60 bytes each.
MAX_CHAT_BODY_BYTES = 2 * 1024 * 1024
API = "/api/v1"

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": s.ErrorResponse, "description": "Отказ: код и сообщение для пользователя"}
    for status in ERROR_STATUSES
}

_bearer = HTTPBearer(auto_error=False, description="Токен сеанса из POST /api/v1/session")


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

    def run_conference_scheduler(self) -> None:
        """One round of starting and finishing conferences, now (a blocking call: endpoints
        run in the thread pool). A failure is only logged: the next round tries again."""
        if self.jobs is None:
            return
        try:
            self.jobs.conferences.run_once()
        except Exception:
            log.exception("the conference scheduler failed")

    def as_user(self, token: str, operation: str, *args: Any, **kwargs: Any) -> Any:
        with self.database.session() as session:
            user = auth.user_for_token(session, self.clock, token)
            return run_operation(operation, session, user, self.clock, *args, **kwargs)

    def anonymous(self, work: Callable[[Session], R]) -> R:
        with self.database.session() as session:
            return work(session)


def token_of(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    if credentials is None or not credentials.credentials:
        raise NotAuthenticated("Требуется вход в систему.")
    if len(credentials.credentials) > 200:
        raise NotAuthenticated()
    return credentials.credentials


Token = Annotated[str, Depends(token_of)]


class PageQuery:
    """The paging and search parameters every list shares; sorting is per list."""

    def __init__(
        self,
        offset: s.Offset = 0,
        limit: s.Limit = 50,
        search: s.Search = "",
        descending: bool = False,
    ) -> None:
        self.offset, self.limit, self.search, self.descending = offset, limit, search, descending

    def request(self, sort_key: str | None) -> t.PageRequest:
        return t.PageRequest(
            offset=self.offset,
            limit=self.limit,
            search=self.search,
            sort_key=sort_key,
            descending=self.descending,
        )


Paging = Annotated[PageQuery, Depends()]


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

    # --- roster ------------------------------------------------------------------------------
    @router.get("/staff", response_model=t.Page[t.StaffMember], tags=["roster"])
    def staff(
        token: Token,
        paging: Paging,
        sort_key: s.StaffSort = None,
        include_dismissed: bool = False,
    ) -> Any:
        page = paging.request(sort_key)
        return api.as_user(token, "list_staff", page, include_dismissed=include_dismissed)

    @router.get("/classes", response_model=list[t.SchoolClass], tags=["roster"])
    def classes(token: Token) -> Any:
        return api.as_user(token, "list_classes")

    @router.get("/subjects", response_model=list[t.Subject], tags=["roster"])
    def subjects(token: Token) -> Any:
        return api.as_user(token, "list_subjects")

    @router.get("/groups", response_model=list[t.Group], tags=["roster"])
    def groups(token: Token, class_id: s.OptionalId = None) -> Any:
        return api.as_user(token, "list_groups", class_id=class_id)

    @router.get("/students", response_model=t.Page[t.Student], tags=["roster"])
    def students(
        token: Token,
        paging: Paging,
        sort_key: s.StudentSort = None,
        class_id: s.OptionalId = None,
        status: Annotated[list[t.StudentStatus] | None, Query(max_length=3)] = None,
        include_restored: bool = False,
    ) -> Any:
        statuses = tuple(dict.fromkeys(status or [t.StudentStatus.ENROLLED]))
        page = paging.request(sort_key)
        return api.as_user(
            token,
            "list_students",
            page,
            class_id=class_id,
            statuses=statuses,
            include_restored=include_restored,
        )

    @router.get("/parents", response_model=t.Page[t.Parent], tags=["roster"])
    def parents(token: Token, paging: Paging, sort_key: s.ParentSort = None) -> Any:
        return api.as_user(token, "list_parents", paging.request(sort_key))

    # --- roster events -----------------------------------------------------------------------
    @router.post("/students", status_code=201, response_model=t.Student, tags=["roster"])
    def enrol_student(token: Token, body: s.NewStudentRequest) -> Any:
        student = t.NewStudent(
            last_name=body.last_name,
            first_name=body.first_name,
            middle_name=body.middle_name,
            class_id=body.class_id,
            birth_date=body.birth_date,
            enrolled_on=body.enrolled_on,
        )
        return api.as_user(token, "enrol_student", student)

    @router.post("/students/transfer", response_model=list[t.Student], tags=["roster"])
    def transfer_students(token: Token, body: s.TransferRequest) -> Any:
        return api.as_user(token, "transfer_students", tuple(body.student_ids), body.class_id)

    @router.post("/students/{student_id}/expel", response_model=t.Student, tags=["roster"])
    def expel_student(token: Token, student_id: s.PathId) -> Any:
        return api.as_user(token, "expel_student", student_id)

    @router.post("/students/{student_id}/restore", response_model=t.Student, tags=["roster"])
    def restore_student(
        token: Token, student_id: s.PathId, body: s.RestoreRequest | None = None
    ) -> Any:
        class_id = body.class_id if body is not None else None
        return api.as_user(token, "restore_student", student_id, class_id)

    @router.post(
        "/students/{student_id}/cancel-restoration", response_model=t.Student, tags=["roster"]
    )
    def cancel_restoration(token: Token, student_id: s.PathId) -> Any:
        return api.as_user(token, "cancel_restoration", student_id)

    @router.post("/staff", status_code=201, response_model=t.StaffMember, tags=["roster"])
    def hire_employee(token: Token, body: s.NewEmployeeRequest) -> Any:
        employee = t.NewEmployee(
            last_name=body.last_name,
            first_name=body.first_name,
            middle_name=body.middle_name,
            position=body.position,
            position_type=body.position_type,
            phone=body.phone,
            hired_on=body.hired_on,
        )
        return api.as_user(token, "hire_employee", employee)

    @router.post("/staff/{employee_id}/dismiss", response_model=t.StaffMember, tags=["roster"])
    def dismiss_employee(token: Token, employee_id: s.PathId) -> Any:
        return api.as_user(token, "dismiss_employee", employee_id)

    @router.put(
        "/parents/{parent_id}/children/{student_id}", response_model=t.Parent, tags=["roster"]
    )
    def link_parent(
        token: Token, parent_id: s.PathId, student_id: s.PathId, body: s.ParentLinkRequest
    ) -> Any:
        return api.as_user(token, "link_parent", parent_id, student_id, body.relation)

    @router.delete(
        "/parents/{parent_id}/children/{student_id}", response_model=t.Parent, tags=["roster"]
    )
    def unlink_parent(token: Token, parent_id: s.PathId, student_id: s.PathId) -> Any:
        return api.as_user(token, "unlink_parent", parent_id, student_id)

    @router.put("/classes/{class_id}/class-teacher", response_model=t.SchoolClass, tags=["roster"])
    def set_class_teacher(token: Token, class_id: s.PathId, body: s.TeacherRequest) -> Any:
        return api.as_user(token, "set_class_teacher", class_id, body.employee_id)

    @router.put("/groups/{group_id}/teacher", response_model=t.Group, tags=["roster"])
    def set_group_teacher(token: Token, group_id: s.PathId, body: s.TeacherRequest) -> Any:
        return api.as_user(token, "set_group_teacher", group_id, body.employee_id)

    # --- timetable ---------------------------------------------------------------------------
    @router.get("/timetable", response_model=list[t.Lesson], tags=["timetable"])
    def timetable(
        token: Token,
        date_from: dt.date,
        date_to: dt.date,
        teacher_id: s.OptionalId = None,
        class_id: s.OptionalId = None,
        group_id: s.OptionalId = None,
    ) -> Any:
        return api.as_user(
            token,
            "timetable",
            date_from,
            date_to,
            teacher_id=teacher_id,
            class_id=class_id,
            group_id=group_id,
        )

    @router.get("/ktp-topics", response_model=list[t.KtpTopic], tags=["timetable"])
    def ktp_topics(
        token: Token,
        group_id: Annotated[int, Query(ge=1, le=s.MAX_ID)],
        subject_id: Annotated[int, Query(ge=1, le=s.MAX_ID)],
    ) -> Any:
        return api.as_user(token, "list_ktp_topics", group_id, subject_id)

    # --- organisation ------------------------------------------------------------------------
    @router.get(
        "/organisation/settings", response_model=t.OrganisationSettings, tags=["organisation"]
    )
    def settings(token: Token) -> Any:
        return api.as_user(token, "organisation_settings")

    @router.put(
        "/organisation/settings", response_model=t.OrganisationSettings, tags=["organisation"]
    )
    def update_settings(token: Token, body: s.OrganisationSettingsRequest) -> Any:
        update = t.OrganisationSettingsUpdate(
            name=body.name,
            short_name=body.short_name,
            chat_admin_employee_id=body.chat_admin_employee_id,
            version=body.version,
            max_api_url=body.max_api_url,
            max_token=body.max_token,
            sferum_web_url=body.sferum_web_url,
        )
        return api.as_user(token, "update_organisation_settings", update)

    # --- Sferum ------------------------------------------------------------------------------
    @router.get("/sferum/link", response_model=t.SferumLink, tags=["sferum"])
    def sferum_link(token: Token) -> Any:
        return api.as_user(token, "sferum_link")

    @router.post("/sferum/link", response_model=t.SferumLink, tags=["sferum"])
    def request_sferum_link(token: Token, body: s.SferumLinkRequest) -> Any:
        return api.as_user(token, "request_sferum_link", body.phone)

    @router.delete("/sferum/link", response_model=t.SferumLink, tags=["sferum"])
    def unlink_sferum(token: Token) -> Any:
        return api.as_user(token, "unlink_sferum")

    @router.get("/max/deliveries", response_model=list[t.MaxDelivery], tags=["sferum"])
    def max_deliveries(token: Token) -> Any:
        return api.as_user(token, "max_deliveries")

    # --- Sferum chats -------------------------------------------------------------------------
    @router.get("/sferum/chats", response_model=t.Page[t.ChatSummary], tags=["sferum"])
    def chats(token: Token, paging: Paging, sort_key: s.ChatSort = None) -> Any:
        return api.as_user(token, "list_chats", paging.request(sort_key))

    @router.get("/sferum/chats/{chat_id}", response_model=t.Chat, tags=["sferum"])
    def chat(token: Token, chat_id: s.PathId) -> Any:
        return api.as_user(token, "chat", chat_id)

    @router.post("/sferum/chats", status_code=201, response_model=t.Chat, tags=["sferum"])
    def create_chat(token: Token, body: s.NewChatRequest) -> Any:
        return api.as_user(token, "save_chat", _chat_draft(body))

    @router.put("/sferum/chats/{chat_id}", response_model=t.Chat, tags=["sferum"])
    def update_chat(token: Token, chat_id: s.PathId, body: s.ChatRequest) -> Any:
        draft = _chat_draft(body, chat_id=chat_id, version=body.version)
        return api.as_user(token, "save_chat", draft)

    @router.delete("/sferum/chats/{chat_id}", status_code=204, tags=["sferum"])
    def delete_chat(
        token: Token,
        chat_id: s.PathId,
        version: Annotated[int, Query(ge=1, le=s.MAX_ID, description="Версия чата в окне")],
    ) -> None:
        api.as_user(token, "delete_chat", chat_id, version)

    @router.get("/sferum/chat-candidates", response_model=list[t.ChatCandidate], tags=["sferum"])
    def chat_candidates(
        token: Token,
        kind: t.ParticipantKind,
        search: s.Search = "",
        class_id: s.OptionalId = None,
        group_id: s.OptionalId = None,
    ) -> Any:
        return api.as_user(
            token, "chat_candidates", kind, search=search, class_id=class_id, group_id=group_id
        )

    @router.get("/sferum/chat-gaps", response_model=list[t.ChatGap], tags=["sferum"])
    def chat_gaps(token: Token) -> Any:
        return api.as_user(token, "chat_gaps")

    # --- Sferum video conferences -------------------------------------------------------------
    @router.get("/sferum/conferences", response_model=t.Page[t.Conference], tags=["sferum"])
    def conferences(
        token: Token,
        paging: Paging,
        date_from: s.PeriodDate,
        date_to: s.PeriodDate,
        sort_key: s.ConferenceSort = None,
        status: Annotated[
            list[t.ConferenceStatus] | None,
            Query(max_length=len(t.ConferenceStatus), description="Статусы; нет — все"),
        ] = None,
        lesson_id: s.OptionalId = None,
    ) -> Any:
        return api.as_user(
            token,
            "list_conferences",
            paging.request(sort_key),
            date_from=date_from,
            date_to=date_to,
            statuses=tuple(dict.fromkeys(status or ())),
            lesson_id=lesson_id,
        )

    @router.get("/lessons/{lesson_id}/record", response_model=t.LessonRecord, tags=["journal"])
    def lesson_record(token: Token, lesson_id: s.PathId) -> Any:
        return api.as_user(token, "lesson_record", lesson_id)

    @router.put("/lessons/{lesson_id}/record", response_model=t.LessonRecord, tags=["journal"])
    def save_lesson_record(token: Token, lesson_id: s.PathId, body: s.LessonRecordRequest) -> Any:
        change = t.LessonRecordUpdate(
            lesson_id=lesson_id,
            topic_id=body.topic_id,
            work_type=body.work_type,
            conducted=body.conducted,
            version=body.version,
        )
        return api.as_user(token, "save_lesson_record", change)

    @router.get("/sferum/conferences/{conference_id}", response_model=t.Conference, tags=["sferum"])
    def conference(token: Token, conference_id: s.PathId) -> Any:
        return api.as_user(token, "conference", conference_id)

    @router.post(
        "/sferum/conferences", status_code=201, response_model=t.Conference, tags=["sferum"]
    )
    def create_conference(token: Token, body: s.NewConferenceRequest) -> Any:
        return api.as_user(token, "save_conference", _conference_draft(body))

    @router.put("/sferum/conferences/{conference_id}", response_model=t.Conference, tags=["sferum"])
    def update_conference(token: Token, conference_id: s.PathId, body: s.ConferenceRequest) -> Any:
        draft = _conference_draft(body, conference_id=conference_id, version=body.version)
        return api.as_user(token, "save_conference", draft)

    @router.post(
        "/sferum/conferences/{conference_id}/end",
        response_model=t.Conference,
        tags=["sferum"],
    )
    def end_conference(token: Token, conference_id: s.PathId) -> Any:
        """Ends an «Активная» conference: its call on MAX is finished before the answer."""
        api.as_user(token, "end_conference", conference_id)
        api.run_conference_scheduler()
        return api.as_user(token, "conference", conference_id)

    @router.post(
        "/sferum/conferences/{conference_id}/retry",
        response_model=t.Conference,
        tags=["sferum"],
    )
    def retry_conference(token: Token, conference_id: s.PathId) -> Any:
        return api.as_user(token, "retry_conference", conference_id)

    @router.delete("/sferum/conferences/{conference_id}", status_code=204, tags=["sferum"])
    def delete_conference(
        token: Token,
        conference_id: s.PathId,
        version: Annotated[
            int, Query(ge=1, le=s.MAX_ID, description="Версия видеоконференции в окне")
        ],
    ) -> None:
        api.as_user(token, "delete_conference", conference_id, version)

    return router


def _chat_draft(
    body: s.NewChatRequest, *, chat_id: int | None = None, version: int | None = None
) -> t.ChatDraft:
    return t.ChatDraft(
        title=body.title,
        kind=body.kind,
        members=tuple(
            t.ChatMemberChoice(person_id=m.person_id, kind=m.kind, is_admin=m.is_admin)
            for m in body.members
        ),
        group_id=body.group_id,
        id=chat_id,
        version=version,
    )


def _conference_draft(
    body: s.NewConferenceRequest,
    *,
    conference_id: int | None = None,
    version: int | None = None,
) -> t.ConferenceDraft:
    return t.ConferenceDraft(
        title=body.title,
        kind=body.kind,
        chat_id=body.chat_id,
        starts_at=body.starts_at,
        ends_at=body.ends_at,
        members=tuple(
            t.ChatMemberChoice(person_id=m.person_id, kind=m.kind, is_admin=m.is_admin)
            for m in body.members
        ),
        lesson_id=body.lesson_id,
        id=conference_id,
        version=version,
    )


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
        larger={
            f"{API}/sferum/chats": MAX_CHAT_BODY_BYTES,
            f"{API}/sferum/conferences": MAX_CHAT_BODY_BYTES,  # a chat's participants too
        },
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
