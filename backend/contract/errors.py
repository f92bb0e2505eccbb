"""Errors of the Backend contract.

Each error carries a sentence for the user (`message`) and a stable `code` that survives a trip
over HTTP. The desktop shows `message` as it is; anything that is not a `BackendError` is a bug.
"""

from __future__ import annotations

from typing import ClassVar


class BackendError(Exception):
    code: ClassVar[str] = "error"
    default_message: ClassVar[str] = "Не удалось выполнить действие."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message}


class InvalidCredentials(BackendError):
    code = "invalid_credentials"
    # Deliberately the same whether the login exists or not.
    default_message = "Неверный логин или пароль."


class AccountBlocked(BackendError):
    code = "account_blocked"
    default_message = "Учетная запись заблокирована. Обратитесь к администратору организации."


class TooManyAttempts(BackendError):
    code = "too_many_attempts"
    default_message = "Слишком много неудачных попыток входа. Повторите попытку позже."


class NotAuthenticated(BackendError):
    code = "not_authenticated"
    default_message = "Сеанс работы завершен. Войдите в систему заново."


class PermissionDenied(BackendError):
    code = "permission_denied"
    default_message = "Недостаточно прав для выполнения действия."


class NotFound(BackendError):
    code = "not_found"
    default_message = "Запись не найдена. Возможно, она была удалена."


class Conflict(BackendError):
    code = "conflict"
    default_message = (
        "Запись была изменена другим пользователем. Обновите данные и повторите изменения."
    )


class ValidationFailed(BackendError):
    code = "validation_failed"
    default_message = "Проверьте правильность заполнения полей."

    def __init__(self, message: str | None = None, field_errors: dict[str, str] | None = None):
        super().__init__(message)
        self.field_errors: dict[str, str] = dict(field_errors or {})

    def to_dict(self) -> dict[str, object]:
        return {**super().to_dict(), "field_errors": self.field_errors}


class LinkAlreadyRequested(BackendError):
    code = "link_already_requested"
    default_message = (
        "Запрос на привязку уже отправлен. Перейдите на платформу МАХ и подтвердите привязку"
    )


class AlreadyLinked(BackendError):
    code = "already_linked"
    default_message = "Учебный аккаунт успешно привязан к Сферум"


class BackendUnavailable(BackendError):
    code = "unavailable"
    default_message = "Сервер недоступен. Проверьте подключение к сети и повторите попытку."


class DesktopOutdated(BackendError):
    """The server no longer serves this desktop's version."""

    code = "desktop_outdated"

    @classmethod
    def for_versions(cls, version: str, oldest_served: str) -> DesktopOutdated:
        return cls(
            "Программу «Электронная школа» на этом компьютере нужно обновить: её версия "
            f"{version}, а сервер школы работает с версиями от {oldest_served} — обратитесь "
            "к администратору."
        )


class ServerOutdated(BackendError):
    """The server is older than this desktop can work with."""

    code = "server_outdated"

    @classmethod
    def for_versions(cls, server_version: str, oldest_supported: str) -> ServerOutdated:
        return cls(
            f"Сервер школы нужно обновить: его версия {server_version}, а эта программа "
            f"работает с сервером версии {oldest_supported} и новее — обратитесь к "
            "администратору."
        )


ERROR_TYPES: dict[str, type[BackendError]] = {
    cls.code: cls
    for cls in (
        BackendError,
        InvalidCredentials,
        AccountBlocked,
        TooManyAttempts,
        NotAuthenticated,
        PermissionDenied,
        NotFound,
        Conflict,
        ValidationFailed,
        LinkAlreadyRequested,
        AlreadyLinked,
        BackendUnavailable,
        DesktopOutdated,
        ServerOutdated,
    )
}


def error_from_dict(data: dict[str, object]) -> BackendError:
    """Rebuild an error sent as `BackendError.to_dict()`; unknown codes become BackendError."""
    cls = ERROR_TYPES.get(str(data.get("code")), BackendError)
    message = str(data["message"]) if data.get("message") else None
    if cls is ValidationFailed:
        raw = data.get("field_errors")
        fields = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
        return ValidationFailed(message, fields)
    return cls(message)
