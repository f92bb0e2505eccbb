"""Request bodies as pydantic models, made from the contract's data types and the declared
limits, so that the OpenAPI schema and the validation say exactly what a client may send.

The limits are looser than the services' own checks, which answer field by field in Russian;
they only keep absurd input away from the database. PostgreSQL cannot store a NUL character:
refusing it here keeps it away from every query.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Mapping
from enum import Enum
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    create_model,
)
from pydantic_core import PydanticCustomError

from backend.operations.declaration import LIST_LIMIT, TEXT_LIMIT
from backend.operations.http import is_sequence, item_type

NO_NUL = r"^[^\x00]*$"
MAX_ID = 2**31 - 1
# Years a school could mean: beyond them a moment or a period's end would not fit a datetime
# once moved to UTC or extended by a day.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2999
Limits = tuple[tuple[str, int], ...]  # hashable, for the model cache


def _a_json_number(value: object) -> object:
    """JSON Schema's integer admits 12.0 but not "12" or true; so do we."""
    if isinstance(value, str | bool):
        raise ValueError("ожидается число")
    return value


def a_sensible_date(value: dt.date) -> dt.date:
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
    a_sensible_date(value.date())
    return value


Id = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(_a_json_number)]
Count = Annotated[int, Field(ge=0, le=MAX_ID), BeforeValidator(_a_json_number)]
Moment = Annotated[
    dt.datetime,
    AfterValidator(_an_aware_moment),
    Field(description="Момент с часовым поясом, например 2026-11-23T10:00:00+03:00"),
]
SensibleDate = Annotated[dt.date, AfterValidator(a_sensible_date)]


def text(max_length: int, *, min_length: int = 0) -> Any:
    """A text field: at most `max_length` characters, no NUL."""
    return Field(min_length=min_length, max_length=max_length, pattern=NO_NUL, strict=True)


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


def is_id(name: str) -> bool:
    return name == "id" or name.endswith(("_id", "_ids"))


def field_type(name: str, hint: Any, limits: Mapping[str, int]) -> Any:
    """The pydantic type a JSON field named `name` of the contract type `hint` is read as."""
    if get_origin(hint) in (Union, types.UnionType):
        options = [option for option in get_args(hint) if option is not type(None)]
        inner = field_type(name, options[0], limits)
        return inner | None if len(options) < len(get_args(hint)) else inner
    if is_sequence(hint):
        item = field_type(name, item_type(hint), limits)
        return Annotated[list[item], Field(max_length=limits.get(name, LIST_LIMIT))]
    if hint is str:
        return Annotated[str, text(limits.get(name, TEXT_LIMIT))]
    if hint is bool:
        return StrictBool
    if hint is int:
        return Id if is_id(name) else Count
    if hint is dt.datetime:
        return Moment
    if hint is dt.date:
        return SensibleDate
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint
    if dataclasses.is_dataclass(hint):
        return model_of(hint, limits=tuple(sorted(limits.items())))
    raise TypeError(f"no request field type for {hint!r}")


@cache
def model_of(
    cls: type,
    *,
    limits: Limits = (),
    exclude: frozenset[str] = frozenset(),
    required: frozenset[str] = frozenset(),
    name: str | None = None,
) -> type[BaseModel]:
    """A model of the contract dataclass `cls`, without the fields in `exclude`; the fields in
    `required` lose their default."""
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {}
    for field_ in dataclasses.fields(cls):
        if field_.name in exclude:
            continue
        hint = hints[field_.name]
        if field_.name in required:
            hint = _without_none(hint)
        annotation = field_type(field_.name, hint, dict(limits))
        if field_.default is not dataclasses.MISSING and field_.name not in required:
            fields[field_.name] = (annotation, field_.default)
        else:
            fields[field_.name] = (annotation, ...)
    return create_model(name or cls.__name__, __base__=StrictModel, **fields)


def model_of_fields(
    name: str, hints: Mapping[str, Any], defaults: Mapping[str, Any], limits: Mapping[str, int]
) -> type[BaseModel]:
    """A model of one JSON object whose fields are some of an operation's parameters."""
    fields = {
        field_name: (field_type(field_name, hint, limits), defaults.get(field_name, ...))
        for field_name, hint in hints.items()
    }
    return create_model(name, __base__=StrictModel, **fields)


def _without_none(hint: Any) -> Any:
    if get_origin(hint) in (Union, types.UnionType):
        options = [option for option in get_args(hint) if option is not type(None)]
        return options[0]
    return hint
