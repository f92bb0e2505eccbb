"""`MaxGateway` over HTTP, in the conventions of the public MAX Bot API.

Chats, members and admins use the Bot API's own paths and JSON shapes (`PATCH /chats/{id}`,
`POST /chats/{id}/members` with `ModifyMembersResult`, `…/members/admins`, …). Linking by
phone, creating a chat for an organisation and calls have no public counterpart; they live
under `/sferum/…` in the same style — the Sferum partner part, described in
`docs/MAX-PARTNER-API.md`.

The access token goes in the `Authorization` header. Timeouts, connection failures, 5xx and 429
are retried with exponential backoff (429 honours `Retry-After`); every other answer is final.
POST requests carry an `Idempotency-Key`, the same on every retry, so a retried creation does
not create twice.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable, Sequence
from typing import Any

import httpx

from backend.max.gateway import (
    IDEMPOTENCY_KEY,
    CallStatus,
    ChatAdmin,
    FailedUsers,
    LinkRequest,
    LinkStatus,
    LinkSubject,
    MaxCall,
    MaxChat,
    MaxConflict,
    MaxError,
    MaxNotFound,
    MaxRefused,
    MaxUnavailable,
    MembersResult,
    from_millis,
    to_millis,
)

DEFAULT_TIMEOUT = 10.0
DEFAULT_ATTEMPTS = 4
FIRST_BACKOFF = 0.5
MAX_BACKOFF = 8.0


class MaxHttpGateway:
    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        attempts: int = DEFAULT_ATTEMPTS,
        first_backoff: float = FIRST_BACKOFF,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._attempts = max(1, attempts)
        self._first_backoff = first_backoff
        self._sleep = sleep
        self._client = httpx.Client(
            base_url=self.base_url,
            headers={"Authorization": token, "Accept": "application/json"},
            timeout=timeout,
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    # --- linking ----------------------------------------------------------------------------
    def request_link(self, phone: str, subject: LinkSubject) -> LinkRequest:
        body = {
            "phone": phone,
            "subject": {
                "esh_account_id": subject.esh_account_id,
                "full_name": subject.full_name,
                "organisation_name": subject.organisation_name,
                "role": subject.role,
            },
        }
        return _link_request(self._call("POST", "/sferum/link-requests", json=body))

    def link_request(self, request_id: str) -> LinkRequest:
        return _link_request(self._call("GET", f"/sferum/link-requests/{request_id}"))

    def cancel_link_request(self, request_id: str) -> None:
        _check_simple(self._call("DELETE", f"/sferum/link-requests/{request_id}"))

    def unlink(self, request_id: str) -> None:
        _check_simple(self._call("DELETE", f"/sferum/links/{request_id}"))

    # --- chats ------------------------------------------------------------------------------
    def create_chat(self, title: str, *, organisation_key: str) -> MaxChat:
        body = {"title": title, "organisation_key": organisation_key}
        return _chat(self._call("POST", "/sferum/chats", json=body))

    def rename_chat(self, chat_id: int, title: str) -> MaxChat:
        return _chat(self._call("PATCH", f"/chats/{chat_id}", json={"title": title}))

    def delete_chat(self, chat_id: int) -> None:
        _check_simple(self._call("DELETE", f"/chats/{chat_id}"))

    def add_members(self, chat_id: int, user_ids: Sequence[int]) -> MembersResult:
        data = self._call("POST", f"/chats/{chat_id}/members", json={"user_ids": list(user_ids)})
        details = tuple(
            FailedUsers(error_code=str(item["error_code"]), user_ids=tuple(item["user_ids"]))
            for item in data.get("failed_user_details") or ()
        )
        return MembersResult(
            success=bool(data["success"]),
            failed_user_ids=tuple(data.get("failed_user_ids") or ()),
            failed_user_details=details,
            message=data.get("message"),
        )

    def remove_member(self, chat_id: int, user_id: int, *, block: bool = False) -> None:
        params = {"user_id": user_id, "block": "true" if block else "false"}
        _check_simple(self._call("DELETE", f"/chats/{chat_id}/members", params=params))

    def set_admins(self, chat_id: int, admins: Sequence[ChatAdmin]) -> None:
        body = {
            "admins": [
                {"user_id": admin.user_id, "permissions": [p.value for p in admin.permissions]}
                for admin in admins
            ]
        }
        _check_simple(self._call("POST", f"/chats/{chat_id}/members/admins", json=body))

    def revoke_admin(self, chat_id: int, user_id: int) -> None:
        _check_simple(self._call("DELETE", f"/chats/{chat_id}/members/admins/{user_id}"))

    # --- calls ------------------------------------------------------------------------------
    def schedule_call(
        self, title: str, starts_at: dt.datetime, *, chat_id: int | None = None
    ) -> MaxCall:
        body = {"title": title, "starts_at": to_millis(starts_at), "chat_id": chat_id}
        return _call_of(self._call("POST", "/sferum/calls", json=body))

    def start_call(self, call_id: str) -> MaxCall:
        return _call_of(self._call("POST", f"/sferum/calls/{call_id}/start"))

    def finish_call(self, call_id: str) -> MaxCall:
        return _call_of(self._call("POST", f"/sferum/calls/{call_id}/finish"))

    def call(self, call_id: str) -> MaxCall:
        return _call_of(self._call("GET", f"/sferum/calls/{call_id}"))

    # --- transport --------------------------------------------------------------------------
    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        key = IDEMPOTENCY_KEY.get() or uuid.uuid4().hex
        headers = {"Idempotency-Key": key} if method == "POST" else {}
        backoff = self._first_backoff
        for attempt in range(1, self._attempts + 1):
            try:
                return self._once(method, path, headers=headers, **kwargs)
            except MaxUnavailable as error:
                if attempt == self._attempts:
                    raise
                wait = backoff if error.retry_after is None else error.retry_after
                self._sleep(min(wait, MAX_BACKOFF))
                backoff = min(backoff * 2, MAX_BACKOFF)
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = self._client.request(method, path, **kwargs)
        except httpx.TimeoutException as error:
            raise MaxUnavailable("timeout", f"МАХ не ответил вовремя ({error})") from error
        except httpx.TransportError as error:
            raise MaxUnavailable("connection", f"Нет связи с МАХ ({error})") from error
        if response.is_success:
            data = _json(response)
            if not isinstance(data, dict):
                raise MaxUnavailable("bad.response", "МАХ прислал непонятный ответ")
            return data
        raise _error_of(response)


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _error_of(response: httpx.Response) -> MaxError:
    data = _json(response)
    status = response.status_code
    code = (
        str(data.get("code")) if isinstance(data, dict) and data.get("code") else f"http.{status}"
    )
    message = (
        str(data.get("message"))
        if isinstance(data, dict) and data.get("message")
        else response.reason_phrase
    )
    if status == 429:
        return MaxUnavailable(code, message, status=status, retry_after=_retry_after(response))
    if status >= 500:
        return MaxUnavailable(code, message, status=status)
    if status == 404:
        return MaxNotFound(code, message, status=status)
    if status == 409:
        return MaxConflict(code, message, status=status)
    return MaxRefused(code, message, status=status)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def _check_simple(data: dict[str, Any]) -> None:
    """A SimpleQueryResult: `success: false` is a refusal with MAX's explanation."""
    if not data.get("success", False):
        raise MaxRefused("operation.failed", str(data.get("message") or "МАХ отказал"))


def _link_request(data: dict[str, Any]) -> LinkRequest:
    return LinkRequest(
        request_id=str(data["request_id"]),
        phone=str(data["phone"]),
        status=LinkStatus(data["status"]),
        user_id=data.get("user_id"),
    )


def _chat(data: dict[str, Any]) -> MaxChat:
    return MaxChat(
        chat_id=int(data["chat_id"]),
        title=str(data["title"]),
        participants_count=int(data.get("participants_count") or 0),
        link=data.get("link"),
    )


def _call_of(data: dict[str, Any]) -> MaxCall:
    return MaxCall(
        call_id=str(data["call_id"]),
        chat_id=data.get("chat_id"),
        title=str(data["title"]),
        starts_at=from_millis(int(data["starts_at"])),
        status=CallStatus(data["status"]),
        join_link=str(data["join_link"]),
    )
