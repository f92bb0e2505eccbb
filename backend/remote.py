"""The remote backend: the Backend contract over HTTP, spoken to an `esh-server`.

Every failure becomes a contract error with a sentence for the user: a server that cannot be
reached, one that does not answer in time, and every refusal the server sends.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any, TypeVar

import httpx

from backend.contract import types as t
from backend.contract.codec import from_json, to_json
from backend.contract.errors import (
    BackendError,
    BackendUnavailable,
    DesktopOutdated,
    NotAuthenticated,
    ServerOutdated,
    ValidationFailed,
    error_from_dict,
)
from backend.version import (
    OLDEST_SERVER_SUPPORTED,
    UNREPORTED_VERSION,
    current_version,
    is_older,
    user_agent,
)

T = TypeVar("T")
log = logging.getLogger(__name__)

API = "/api/v1"
# The whole request, connection and answer included, must finish within this time.
REQUEST_DEADLINE = 20.0


class RemoteBackend:
    """Implements `backend.contract.Backend` against an `esh-server` at `base_url`."""

    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        deadline: float = REQUEST_DEADLINE,
        client_version: str | None = None,
    ) -> None:
        """`client_version` is the desktop version told to the server (this one's by default)."""
        self.base_url = base_url.rstrip("/")
        self._transport = transport
        self._deadline = deadline
        self.client_version = client_version or current_version()
        self._client: httpx.AsyncClient | None = None
        self._token: str | None = None
        # What the server said of itself, once its version was found to fit this desktop's.
        self._server: t.BackendInfo | None = None
        self._checking: asyncio.Lock | None = None

    # --- plumbing -----------------------------------------------------------------------------
    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                base_url=self.base_url + API,
                transport=self._transport,
                timeout=httpx.Timeout(10.0, connect=5.0),
                headers={"User-Agent": user_agent(self.client_version)},
            )
        return self._client

    async def _request(self, method: str, path: str, **options: Any) -> Any:
        """`_send`, once the server's version is known to fit this desktop's."""
        if self._server is None:
            await self.describe()
        return await self._send(method, path, **options)

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        authenticated: bool = True,
        token: str | None = None,
    ) -> Any:
        headers = {}
        bearer = token or self._token
        if authenticated:
            if bearer is None:
                raise NotAuthenticated("Вход в систему не выполнен.")
            headers["Authorization"] = f"Bearer {bearer}"
        query = {k: v for k, v in (params or {}).items() if v is not None}
        try:
            async with asyncio.timeout(self._deadline):
                response = await self._http().request(
                    method, path, params=query, json=json, headers=headers
                )
        except (TimeoutError, httpx.TimeoutException) as error:
            raise BackendUnavailable(
                f"Сервер {self.base_url} не ответил вовремя. Проверьте подключение к сети "
                "и повторите попытку; если так будет и дальше — обратитесь к администратору."
            ) from error
        except httpx.TransportError as error:
            raise BackendUnavailable(
                f"Не удалось подключиться к серверу {self.base_url}. Проверьте подключение "
                "к сети и адрес сервера; возможно, сервер остановлен."
            ) from error
        if response.is_success:
            if not response.content:
                return None
            try:
                return response.json()
            except ValueError:
                raise self._not_a_server() from None
        raise _error_of(response)

    def _not_a_server(self) -> BackendUnavailable:
        return BackendUnavailable(
            f"По адресу {self.base_url} отвечает не сервер «Электронной школы». "
            "Проверьте адрес сервера."
        )

    async def describe(self) -> t.BackendInfo:
        """Asks the server its version (once) and checks that it fits this desktop's."""
        if self._checking is None:
            self._checking = asyncio.Lock()
        async with self._checking:
            if self._server is None:
                data = await self._send("GET", "/health", authenticated=False)
                self._server = self._compatible(data)
        return self._server

    def _compatible(self, health: Any) -> t.BackendInfo:
        if not isinstance(health, dict) or health.get("status") != "ok":
            raise self._not_a_server()
        version = str(health.get("version") or UNREPORTED_VERSION)
        oldest_served = health.get("min_desktop_version")
        with contextlib.suppress(ValueError):  # a version that cannot be read is let through
            if oldest_served and is_older(self.client_version, str(oldest_served)):
                raise DesktopOutdated.for_versions(self.client_version, str(oldest_served))
        with contextlib.suppress(ValueError):
            if is_older(version, OLDEST_SERVER_SUPPORTED):
                raise ServerOutdated.for_versions(version, OLDEST_SERVER_SUPPORTED)
        return t.BackendInfo(
            embedded=False,
            location=self.base_url,
            version=version,
            min_desktop_version=str(oldest_served) if oldest_served else None,
        )

    async def _get(self, path: str, hint: Any, **params: Any) -> Any:
        return from_json(hint, await self._request("GET", path, params=params))

    @staticmethod
    def _page_params(page: t.PageRequest) -> dict[str, Any]:
        return {
            "offset": page.offset,
            "limit": page.limit,
            "search": page.search or None,
            "sort_key": page.sort_key,
            "descending": "true" if page.descending else None,
        }

    # --- session ------------------------------------------------------------------------------
    async def list_organisations(self) -> list[t.OrganisationSummary]:
        data = await self._request("GET", "/organisations", authenticated=False)
        return from_json(list[t.OrganisationSummary], data)

    async def log_in(
        self, organisation_id: int, login: str, password: str, *, remember: bool = False
    ) -> t.LoginResult:
        data = await self._request(
            "POST",
            "/session",
            json={
                "organisation_id": organisation_id,
                "login": login,
                "password": password,
                "remember": remember,
            },
            authenticated=False,
        )
        self._token = data["token"]
        user = from_json(t.CurrentUser, data["user"])
        return t.LoginResult(user=user, remember_token=self._token if remember else None)

    async def resume_session(self, token: str) -> t.CurrentUser:
        user = from_json(t.CurrentUser, await self._request("GET", "/me", token=token))
        self._token = token
        return user

    async def log_out(self, *, forget: bool = True) -> None:
        token, self._token = self._token, None
        if token is not None and forget:
            await self._request("DELETE", "/session", token=token)

    async def current_user(self) -> t.CurrentUser:
        return await self._get("/me", t.CurrentUser)

    # --- roster -------------------------------------------------------------------------------
    async def list_staff(
        self, page: t.PageRequest, *, include_dismissed: bool = False
    ) -> t.Page[t.StaffMember]:
        return await self._get(
            "/staff",
            t.Page[t.StaffMember],
            **self._page_params(page),
            include_dismissed="true" if include_dismissed else None,
        )

    async def list_classes(self) -> list[t.SchoolClass]:
        return await self._get("/classes", list[t.SchoolClass])

    async def list_subjects(self) -> list[t.Subject]:
        return await self._get("/subjects", list[t.Subject])

    async def list_groups(self, *, class_id: int | None = None) -> list[t.Group]:
        return await self._get("/groups", list[t.Group], class_id=class_id)

    async def list_students(
        self,
        page: t.PageRequest,
        *,
        class_id: int | None = None,
        statuses: Sequence[t.StudentStatus] = (t.StudentStatus.ENROLLED,),
        include_restored: bool = False,
    ) -> t.Page[t.Student]:
        if not statuses:
            # The server reads a missing list as the default; say what was meant instead.
            raise ValidationFailed("Не выбран ни один статус ученика.", {"statuses": "Пусто."})
        return await self._get(
            "/students",
            t.Page[t.Student],
            **self._page_params(page),
            class_id=class_id,
            status=[status.value for status in statuses],
            include_restored="true" if include_restored else None,
        )

    async def list_parents(self, page: t.PageRequest) -> t.Page[t.Parent]:
        return await self._get("/parents", t.Page[t.Parent], **self._page_params(page))

    # --- timetable ----------------------------------------------------------------------------
    async def timetable(
        self,
        date_from: dt.date,
        date_to: dt.date,
        *,
        teacher_id: int | None = None,
        class_id: int | None = None,
        group_id: int | None = None,
    ) -> list[t.Lesson]:
        return await self._get(
            "/timetable",
            list[t.Lesson],
            date_from=date_from.isoformat(),
            date_to=date_to.isoformat(),
            teacher_id=teacher_id,
            class_id=class_id,
            group_id=group_id,
        )

    async def list_ktp_topics(self, group_id: int, subject_id: int) -> list[t.KtpTopic]:
        return await self._get(
            "/ktp-topics", list[t.KtpTopic], group_id=group_id, subject_id=subject_id
        )

    # --- organisation -------------------------------------------------------------------------
    async def organisation_settings(self) -> t.OrganisationSettings:
        return await self._get("/organisation/settings", t.OrganisationSettings)

    async def update_organisation_settings(
        self, update: t.OrganisationSettingsUpdate
    ) -> t.OrganisationSettings:
        data = await self._request("PUT", "/organisation/settings", json=to_json(update))
        return from_json(t.OrganisationSettings, data)

    # --- Sferum -------------------------------------------------------------------------------
    async def sferum_link(self) -> t.SferumLink:
        return await self._get("/sferum/link", t.SferumLink)

    async def request_sferum_link(self, phone: str) -> t.SferumLink:
        data = await self._request("POST", "/sferum/link", json={"phone": phone})
        return from_json(t.SferumLink, data)

    async def unlink_sferum(self) -> t.SferumLink:
        return from_json(t.SferumLink, await self._request("DELETE", "/sferum/link"))

    async def max_deliveries(self) -> list[t.MaxDelivery]:
        return await self._get("/max/deliveries", list[t.MaxDelivery])

    # --- roster events ------------------------------------------------------------------------
    async def enrol_student(self, student: t.NewStudent) -> t.Student:
        data = await self._request("POST", "/students", json=to_json(student))
        return from_json(t.Student, data)

    async def expel_student(self, student_id: int) -> t.Student:
        data = await self._request("POST", f"/students/{_id(student_id)}/expel")
        return from_json(t.Student, data)

    async def transfer_students(self, student_ids: Sequence[int], class_id: int) -> list[t.Student]:
        body = {"student_ids": list(student_ids), "class_id": class_id}
        data = await self._request("POST", "/students/transfer", json=body)
        return from_json(list[t.Student], data)

    async def restore_student(self, student_id: int, class_id: int | None = None) -> t.Student:
        data = await self._request(
            "POST", f"/students/{_id(student_id)}/restore", json={"class_id": class_id}
        )
        return from_json(t.Student, data)

    async def cancel_restoration(self, student_id: int) -> t.Student:
        data = await self._request("POST", f"/students/{_id(student_id)}/cancel-restoration")
        return from_json(t.Student, data)

    async def hire_employee(self, employee: t.NewEmployee) -> t.StaffMember:
        data = await self._request("POST", "/staff", json=to_json(employee))
        return from_json(t.StaffMember, data)

    async def dismiss_employee(self, employee_id: int) -> t.StaffMember:
        data = await self._request("POST", f"/staff/{_id(employee_id)}/dismiss")
        return from_json(t.StaffMember, data)

    async def link_parent(self, parent_id: int, student_id: int, relation: str) -> t.Parent:
        data = await self._request(
            "PUT",
            f"/parents/{_id(parent_id)}/children/{_id(student_id)}",
            json={"relation": relation},
        )
        return from_json(t.Parent, data)

    async def unlink_parent(self, parent_id: int, student_id: int) -> t.Parent:
        data = await self._request(
            "DELETE", f"/parents/{_id(parent_id)}/children/{_id(student_id)}"
        )
        return from_json(t.Parent, data)

    async def set_class_teacher(self, class_id: int, employee_id: int | None) -> t.SchoolClass:
        data = await self._request(
            "PUT", f"/classes/{_id(class_id)}/class-teacher", json={"employee_id": employee_id}
        )
        return from_json(t.SchoolClass, data)

    async def set_group_teacher(self, group_id: int, employee_id: int | None) -> t.Group:
        data = await self._request(
            "PUT", f"/groups/{_id(group_id)}/teacher", json={"employee_id": employee_id}
        )
        return from_json(t.Group, data)

    # --- Sferum chats -------------------------------------------------------------------------
    async def list_chats(self, page: t.PageRequest) -> t.Page[t.ChatSummary]:
        return await self._get("/sferum/chats", t.Page[t.ChatSummary], **self._page_params(page))

    async def chat(self, chat_id: int) -> t.Chat:
        return await self._get(f"/sferum/chats/{_id(chat_id)}", t.Chat)

    async def save_chat(self, draft: t.ChatDraft) -> t.Chat:
        body = to_json(draft)
        chat_id = body.pop("id")
        if chat_id is None:
            body.pop("version")
            data = await self._request("POST", "/sferum/chats", json=body)
        else:
            data = await self._request("PUT", f"/sferum/chats/{_id(chat_id)}", json=body)
        return from_json(t.Chat, data)

    async def delete_chat(self, chat_id: int, version: int) -> None:
        await self._request("DELETE", f"/sferum/chats/{_id(chat_id)}", params={"version": version})

    async def chat_candidates(
        self,
        kind: t.ParticipantKind,
        *,
        search: str = "",
        class_id: int | None = None,
        group_id: int | None = None,
    ) -> list[t.ChatCandidate]:
        return await self._get(
            "/sferum/chat-candidates",
            list[t.ChatCandidate],
            kind=t.ParticipantKind(kind).value,
            search=search or None,
            class_id=class_id,
            group_id=group_id,
        )

    async def chat_gaps(self) -> list[t.ChatGap]:
        return await self._get("/sferum/chat-gaps", list[t.ChatGap])

    # --- Sferum video conferences -------------------------------------------------------------
    async def list_conferences(
        self,
        page: t.PageRequest,
        *,
        date_from: dt.date,
        date_to: dt.date,
        statuses: Sequence[t.ConferenceStatus] = (),
        lesson_id: int | None = None,
    ) -> t.Page[t.Conference]:
        return await self._get(
            "/sferum/conferences",
            t.Page[t.Conference],
            **self._page_params(page),
            date_from=date_from.isoformat(),
            date_to=date_to.isoformat(),
            # None (no parameter) is every status, as an empty `statuses` is.
            status=[t.ConferenceStatus(status).value for status in statuses] or None,
            lesson_id=lesson_id,
        )

    async def conference(self, conference_id: int) -> t.Conference:
        return await self._get(f"/sferum/conferences/{_id(conference_id)}", t.Conference)

    async def save_conference(self, draft: t.ConferenceDraft) -> t.Conference:
        body = to_json(draft)  # aware datetimes as ISO 8601 with their offset
        conference_id = body.pop("id")
        if conference_id is None:
            body.pop("version")
            data = await self._request("POST", "/sferum/conferences", json=body)
        else:
            data = await self._request(
                "PUT", f"/sferum/conferences/{_id(conference_id)}", json=body
            )
        return from_json(t.Conference, data)

    async def end_conference(self, conference_id: int) -> t.Conference:
        data = await self._request("POST", f"/sferum/conferences/{_id(conference_id)}/end")
        return from_json(t.Conference, data)

    async def retry_conference(self, conference_id: int) -> t.Conference:
        data = await self._request("POST", f"/sferum/conferences/{_id(conference_id)}/retry")
        return from_json(t.Conference, data)

    async def delete_conference(self, conference_id: int, version: int) -> None:
        await self._request(
            "DELETE", f"/sferum/conferences/{_id(conference_id)}", params={"version": version}
        )

    # --- «Журнал на урок» -------------------------------------------------------------------
    async def lesson_record(self, lesson_id: int) -> t.LessonRecord:
        return await self._get(f"/lessons/{int(lesson_id)}/record", t.LessonRecord)

    async def save_lesson_record(self, change: t.LessonRecordUpdate) -> t.LessonRecord:
        body = to_json(change)
        body.pop("lesson_id", None)
        data = await self._request("PUT", f"/lessons/{int(change.lesson_id)}/record", json=body)
        return from_json(t.LessonRecord, data)

    # --- lifetime -----------------------------------------------------------------------------
    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None


def _id(value: int) -> int:
    """An id for a URL path: an int, never text that could change the path."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"an id must be an int, not {type(value).__name__}")
    return value


def _error_of(response: httpx.Response) -> BackendError:
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict) and "code" in body and "message" in body:
        return error_from_dict(body)
    log.warning("unexpected answer %s from %s", response.status_code, response.request.url)
    if response.status_code >= 500:
        return BackendUnavailable(
            f"Сервер не смог выполнить запрос (ошибка {response.status_code}). "
            "Повторите попытку позже."
        )
    return BackendError(f"Сервер отклонил запрос (ошибка {response.status_code}).")
