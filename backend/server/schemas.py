"""Request bodies and query parameters, with their limits written into the OpenAPI schema.

Responses are the contract's own data types; only what a client sends is described here.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import Path, Query
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictBool
from pydantic_core import PydanticCustomError

from backend.contract.types import (
    MAX_PAGE_SIZE,
    ChatKind,
    ConferenceKind,
    CurrentUser,
    ParticipantKind,
    PositionType,
)
from backend.services.chats import CANDIDATE_LIMIT, CHAT_SORT
from backend.services.conferences import SORT as CONFERENCE_SORT
from backend.services.roster import PARENT_SORT, STAFF_SORT, STUDENT_SORT

# PostgreSQL cannot store a NUL character; refusing it here keeps it away from every query.
NO_NUL = r"^[^\x00]*$"
MAX_ID = 2**31 - 1


def _a_json_number(value: object) -> object:
    """JSON Schema's integer admits 12.0 but not "12" or true; so do we."""
    if isinstance(value, str | bool):
        raise ValueError("ожидается число")
    return value


Id = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(_a_json_number)]
Version = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(_a_json_number)]


def text(max_length: int, *, min_length: int = 0) -> object:
    return Field(min_length=min_length, max_length=max_length, pattern=NO_NUL, strict=True)


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


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


class OrganisationSettingsRequest(StrictModel):
    name: Annotated[str, text(300)]
    short_name: Annotated[str, text(120)]
    chat_admin_employee_id: Id | None
    version: Version
    # Absent: unchanged. The token is write-only; "" removes it.
    max_api_url: Annotated[str, text(300)] | None = None
    max_token: Annotated[str, text(300)] | None = None
    sferum_web_url: Annotated[str, text(300)] | None = None


Offset = Annotated[int, Query(ge=0, le=MAX_ID, description="Сколько записей пропустить")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Размер страницы")]
Search = Annotated[str, Query(max_length=200, pattern=NO_NUL, description="Строка поиска")]
StaffSort = Annotated[Literal[tuple(STAFF_SORT)] | None, Query(description="Поле сортировки")]
StudentSort = Annotated[Literal[tuple(STUDENT_SORT)] | None, Query(description="Поле сортировки")]
ParentSort = Annotated[Literal[tuple(PARENT_SORT)] | None, Query(description="Поле сортировки")]
ChatSort = Annotated[Literal[tuple(CHAT_SORT)] | None, Query(description="Поле сортировки")]
ConferenceSort = Annotated[
    Literal[tuple(CONFERENCE_SORT)] | None, Query(description="Поле сортировки")
]
OptionalId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


class SferumLinkRequest(StrictModel):
    phone: str = Field(max_length=40, description="Мобильный номер, например +7 (912) 345-67-89")


# --- roster events ------------------------------------------------------------------------------
# The limits are looser than the services' own checks, which answer field by field in Russian;
# these only keep absurd input away from the database.
MAX_TRANSFER = 1000


class NewStudentRequest(StrictModel):
    last_name: Annotated[str, text(300)]
    first_name: Annotated[str, text(300)]
    middle_name: Annotated[str, text(300)] = ""
    class_id: Id
    birth_date: dt.date | None = None
    enrolled_on: dt.date | None = None


class TransferRequest(StrictModel):
    student_ids: list[Id] = Field(max_length=MAX_TRANSFER)
    class_id: Id


class RestoreRequest(StrictModel):
    class_id: Id | None = None  # absent or null: the class the student left


class NewEmployeeRequest(StrictModel):
    last_name: Annotated[str, text(300)]
    first_name: Annotated[str, text(300)]
    middle_name: Annotated[str, text(300)] = ""
    position: Annotated[str, text(500)]
    position_type: PositionType
    phone: Annotated[str, text(40)] | None = None
    hired_on: dt.date | None = None


class ParentLinkRequest(StrictModel):
    relation: Annotated[str, text(100)] = Field(description="«Мать», «Отец» или «Опекун»")


class TeacherRequest(StrictModel):
    employee_id: Id | None = Field(description="Сотрудник; null — никого")


# --- Sferum chats -----------------------------------------------------------------------------
class ChatMemberRequest(StrictModel):
    person_id: Id
    kind: ParticipantKind
    is_admin: StrictBool = False


class NewChatRequest(StrictModel):
    title: Annotated[str, text(1000)]
    kind: ChatKind
    members: list[ChatMemberRequest] = Field(max_length=CANDIDATE_LIMIT)
    group_id: Id | None = None


class ChatRequest(NewChatRequest):
    """A change of a chat; `version` is the one the editor started from."""

    version: Version


# --- Sferum video conferences -------------------------------------------------------------------
# Years a school could mean: beyond them a moment or a period's end would not fit a datetime
# once moved to UTC or extended by a day.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2999


def _a_sensible_date(value: dt.date) -> dt.date:
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise PydanticCustomError(
            "date_out_of_range",
            f"Дата должна быть между {EARLIEST_YEAR} и {LATEST_YEAR} годом.",
        )
    return value


def _an_aware_moment(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise PydanticCustomError(
            "naive_datetime",
            "Время указано без часового пояса: добавьте смещение, например 2026-11-23T10:00+03:00.",
        )
    _a_sensible_date(value.date())
    return value


Moment = Annotated[
    dt.datetime,
    AfterValidator(_an_aware_moment),
    Field(description="Момент с часовым поясом, например 2026-11-23T10:00:00+03:00"),
]
PeriodDate = Annotated[
    dt.date, AfterValidator(_a_sensible_date), Query(description="Дата периода (включительно)")
]


class NewConferenceRequest(StrictModel):
    title: Annotated[str, text(1000)] = Field(
        description="Наименование; пустое у онлайн-урока — по уроку"
    )
    kind: ConferenceKind
    chat_id: Id | None
    starts_at: Moment
    ends_at: Moment
    members: list[ChatMemberRequest] = Field(max_length=CANDIDATE_LIMIT)
    lesson_id: Id | None = None


class ConferenceRequest(NewConferenceRequest):
    """A change of a «Новая» conference; `version` is the one the editor started from."""

    version: Version


# --- «Журнал на урок» -----------------------------------------------------------------------
class LessonRecordRequest(StrictModel):
    """«Добавить в журнал»; `version` is the one the window started from (0: none saved)."""

    topic_id: Id | None = None
    work_type: Annotated[str, text(100)] | None = None
    conducted: StrictBool = False
    version: Annotated[int, Field(ge=0, le=MAX_ID), BeforeValidator(_a_json_number)]
