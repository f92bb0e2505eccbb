"""The session's and the service's own request and answer bodies; the operations' bodies are
made from their declarations (`bodies`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, StrictBool

from backend.contract.types import CurrentUser
from backend.server.bodies import Id, StrictModel, text


class LoginRequest(StrictModel):
    organisation_id: Id
    login: Annotated[str, text(100, min_length=1)]
    password: Annotated[str, text(200)]
    remember: StrictBool = False


class SessionResponse(BaseModel):
    """A new session: the bearer token for the following requests, and who logged in."""

    token: str
    user: CurrentUser


class ErrorResponse(BaseModel):
    """Every refusal: a stable code and a sentence for the user."""

    code: str
    message: str
    field_errors: dict[str, str] | None = None


class HealthResponse(BaseModel):
    """The server is up; which version it is, and the oldest desktop version it serves."""

    status: str
    version: str
    min_desktop_version: str
