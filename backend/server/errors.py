"""How refusals travel over HTTP: a status code and `{"code", "message", "field_errors"}`."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import InterfaceError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from backend.contract import errors as e

log = logging.getLogger(__name__)

STATUS: dict[type[e.BackendError], int] = {
    e.InvalidCredentials: 401,
    e.NotAuthenticated: 401,
    e.AccountBlocked: 403,
    e.PermissionDenied: 403,
    e.NotFound: 404,
    e.Conflict: 409,
    e.LinkAlreadyRequested: 409,
    e.AlreadyLinked: 409,
    e.ValidationFailed: 422,
    e.TooManyAttempts: 429,
    e.BackendUnavailable: 503,
    e.DesktopOutdated: 426,
}

ERROR_STATUSES = sorted(set(STATUS.values()) | {400, 413})


def status_of(error: e.BackendError) -> int:
    for cls in type(error).__mro__:
        if cls in STATUS:
            return STATUS[cls]  # type: ignore[index]
    return 400


def error_response(error: e.BackendError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(error, e.NotAuthenticated) else None
    return JSONResponse(error.to_dict(), status_code=status_of(error), headers=headers)


def _field(location: tuple[object, ...]) -> str:
    parts = [str(part) for part in location if part not in ("body", "query", "path")]
    return ".".join(parts) or "request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(e.BackendError)
    async def backend_error(_request: Request, error: e.BackendError) -> JSONResponse:
        return error_response(error)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        fields = {_field(tuple(item["loc"])): str(item["msg"]) for item in error.errors()}
        described = "; ".join(f"{name}: {text}" for name, text in fields.items())
        return error_response(
            e.ValidationFailed(f"Неверный запрос к серверу ({described}).", fields)
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        if error.status_code == 404:
            body = e.NotFound("Такого адреса на сервере нет.").to_dict()
        elif error.status_code == 405:
            body = {"code": "method_not_allowed", "message": "Этот метод здесь не поддерживается."}
        else:
            body = {"code": "error", "message": str(error.detail)}
        return JSONResponse(body, status_code=error.status_code, headers=error.headers)

    @app.exception_handler(OperationalError)
    @app.exception_handler(InterfaceError)
    async def database_down(_request: Request, error: Exception) -> JSONResponse:
        log.error("database unavailable: %s", error)
        return error_response(
            e.BackendUnavailable(
                "База данных сервера недоступна. Повторите попытку позже или обратитесь "
                "к администратору сервера."
            )
        )

    @app.exception_handler(Exception)
    async def bug(_request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=error)
        return JSONResponse(
            {"code": "internal_error", "message": "Внутренняя ошибка сервера."}, status_code=500
        )
