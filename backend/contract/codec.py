"""JSON encoding of contract types, driven by their type hints.

`to_json` turns a contract value into plain JSON data; `from_json(type, data)` checks the data
against the type and rebuilds the value, raising `ValueError` with a readable path on a mismatch.

The reader is tolerant of what a newer server adds, so that upgrading the server first never
breaks the desktops not yet upgraded: fields it does not know are ignored, and an enumeration
value it does not know becomes a stand-in member (`is_unknown_member`) that keeps the value and
equals no declared member. Missing fields and values of the wrong type are still refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Sequence
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin

T = TypeVar("T")
E = TypeVar("E", bound=Enum)


def to_json(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, frozenset | set):
        return sorted(to_json(item) for item in value)
    if isinstance(value, dict):
        return {str(key): to_json(item) for key, item in value.items()}
    raise TypeError(f"cannot encode {type(value).__name__}")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_json(hint: Any, data: Any, path: str = "$") -> Any:
    origin = get_origin(hint)
    if hint is Any:
        return data
    if origin in (Union, types.UnionType):
        options = get_args(hint)
        if data is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return from_json(option, data, path)
            except ValueError as error:
                errors.append(str(error))
        raise ValueError(errors[0] if len(errors) == 1 else f"{path}: unexpected value")
    if origin is not None and dataclasses.is_dataclass(origin):  # a generic like Page[Student]
        return _dataclass_from_json(
            origin,
            data,
            path,
            dict(zip(origin.__parameters__, get_args(hint), strict=True)),
        )
    if origin in (list, tuple, frozenset, set, Sequence):
        if not isinstance(data, list):
            raise ValueError(f"{path}: expected a list")
        args = get_args(hint)
        item_hint = args[0] if args else Any
        items = [from_json(item_hint, item, f"{path}[{i}]") for i, item in enumerate(data)]
        if origin is list:
            return items
        return tuple(items) if origin is Sequence else origin(items)
    if origin is dict:
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected an object")
        key_hint, value_hint = get_args(hint) or (str, Any)
        return {
            from_json(key_hint, key, path): from_json(value_hint, item, f"{path}.{key}")
            for key, item in data.items()
        }
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return _dataclass_from_json(hint, data, path, {})
        return _scalar_from_json(hint, data, path)
    raise TypeError(f"cannot decode into {hint!r}")


def _dataclass_from_json(cls: type, data: Any, path: str, typevars: dict[Any, Any]) -> Any:
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected an object")
    hints = _hints(cls)
    known = {f.name: f for f in dataclasses.fields(cls)}
    values = {}
    for name, field_ in known.items():
        if name not in data:
            has_default = (
                field_.default is not dataclasses.MISSING
                or field_.default_factory is not dataclasses.MISSING
            )
            if has_default:
                continue
            raise ValueError(f"{path}: missing field {name!r}")
        hint = _substitute(hints[name], typevars)
        values[name] = from_json(hint, data[name], f"{path}.{name}")
    return cls(**values)


def _substitute(hint: Any, typevars: dict[Any, Any]) -> Any:
    if isinstance(hint, TypeVar):
        return typevars.get(hint, Any)
    args = get_args(hint)
    if not args or not typevars:
        return hint
    new_args = tuple(_substitute(arg, typevars) for arg in args)
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return Union[new_args]  # noqa: UP007 - built from a runtime tuple
    return origin[new_args] if origin is not tuple else tuple[new_args]


def unknown_member(enum: type[E], value: str) -> E:
    """A stand-in for a value of `enum` that this version does not declare (a newer server's).

    It is an instance of `enum` (type checks and `str()` work) but equals no declared member, so
    code that looks for a known member simply does not find it and labels fall back to the value.
    """
    if not issubclass(enum, str):
        raise ValueError(f"unexpected {enum.__name__} value")
    member = str.__new__(enum, value)
    member._name_ = "UNKNOWN"
    member._value_ = value
    return member


def is_unknown_member(value: object) -> bool:
    # By identity: from Python 3.12 on, `in` an Enum class is true for any of its instances.
    return isinstance(value, Enum) and all(value is not member for member in type(value))


def _scalar_from_json(hint: type, data: Any, path: str) -> Any:
    try:
        if issubclass(hint, Enum):
            if not isinstance(data, str):
                raise ValueError(f"{path}: expected {hint.__name__}")
            try:
                return hint(data)
            except ValueError:
                return unknown_member(hint, data)
        if hint is bool:
            if isinstance(data, bool):
                return data
        elif hint is int:
            if isinstance(data, int) and not isinstance(data, bool):
                return data
        elif hint is float:
            if isinstance(data, int | float) and not isinstance(data, bool):
                return float(data)
        elif hint is str:
            if isinstance(data, str):
                return data
        elif hint is dt.datetime:
            if isinstance(data, str):
                return dt.datetime.fromisoformat(data)
        elif hint is dt.date:
            if isinstance(data, str):
                return dt.date.fromisoformat(data)
        elif hint is dt.time:
            if isinstance(data, str):
                return dt.time.fromisoformat(data)
        else:
            raise TypeError(f"cannot decode into {hint!r}")
    except (ValueError, TypeError) as error:
        if isinstance(error, TypeError) and "cannot decode" in str(error):
            raise
        raise ValueError(f"{path}: invalid {hint.__name__} value") from None
    raise ValueError(f"{path}: expected {hint.__name__}")
