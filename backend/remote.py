"""The remote backend: the Backend contract over HTTP, spoken to an `esh-server`.

Every failure becomes a contract error with a sentence for the user: a server that cannot be
reached, one that does not answer in time, and every refusal the server sends.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from concurrent.futures import Future
from typing import Any, TypeVar

import httpx

from backend.contract import types as t
from backend.contract.codec import from_json
from backend.contract.errors import (
    BackendError,
    BackendUnavailable,
    DesktopOutdated,
    NotAuthenticated,
    ServerOutdated,
    error_from_dict,
)
from backend.operations.declaration import Operation
from backend.operations.methods import add_operation_methods
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


@add_operation_methods
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
                _loading_catalogue()  # while the server answers and the user logs in
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

    async def _call_operation(self, name: str, arguments: dict[str, Any]) -> Any:
        """Send a declared operation to the server (the methods of the contract's operations
        come here, see `backend.operations.methods`)."""
        from backend.operations.http import http_call

        operation = (await self._operations())[name]
        call = http_call(operation, arguments)
        data = await self._request(call.method, call.path, params=call.params, json=call.json)
        return None if operation.result is None else from_json(operation.result, data)

    async def _operations(self) -> dict[str, Operation]:
        """The declarations; their modules are imported off the GUI thread, once."""
        return await asyncio.wrap_future(_loading_catalogue())

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
        return from_json(t.CurrentUser, await self._request("GET", "/me"))

    # --- lifetime -----------------------------------------------------------------------------
    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None


_catalogue: Future[dict[str, Operation]] | None = None
_catalogue_lock = threading.Lock()


def _loading_catalogue() -> Future[dict[str, Operation]]:
    """The declarations, loading on a thread of their own (not the event loop's default
    executor: under qasync that is a QThread pool nobody would shut down)."""
    global _catalogue
    with _catalogue_lock:
        if _catalogue is None:
            _catalogue = Future()
            _catalogue.set_running_or_notify_cancel()  # a cancelled wait cannot cancel it
            threading.Thread(
                target=_load_catalogue, args=(_catalogue,), name="esh-operations", daemon=True
            ).start()
        return _catalogue


def _load_catalogue(future: Future[dict[str, Operation]]) -> None:
    try:
        from backend.operations.catalogue import operations

        future.set_result(operations())
    except Exception as error:  # noqa: BLE001 - handed to whoever awaits the declarations
        future.set_exception(error)


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
