"""Where an operation's arguments travel in an HTTP request: path, query or body.

The remote client builds its requests with `http_call`; the server reads them back by the
same rules (`backend.server.routes`).
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, get_args, get_origin

from backend.contract.codec import to_json
from backend.contract.types import PageRequest
from backend.operations.declaration import Http, Operation

# An empty list where the parameter's default is not empty: sent as one empty value.
EMPTY_LIST_VALUE = ""


@dataclass(frozen=True)
class HttpCall:
    method: str
    path: str
    params: dict[str, Any]
    json: Any


def body_parameters(http: Http) -> tuple[str, ...]:
    return (http.body,) if isinstance(http.body, str) else http.body


def path_parameters(http: Http) -> set[str]:
    """The parameters (not their fields) the path takes something from."""
    return {name.split(".")[0] for name in http.path_names()}


def query_parameters(operation: Operation) -> list[inspect.Parameter]:
    taken = path_parameters(operation.http) | set(body_parameters(operation.http))
    return [p for p in operation.parameters if p.name not in taken]


def is_sequence(hint: Any) -> bool:
    return get_origin(hint) in (Sequence, list, tuple)


def item_type(hint: Any) -> Any:
    return get_args(hint)[0]


def http_call(operation: Operation, arguments: Mapping[str, Any]) -> HttpCall:
    http = operation.http
    method, path = http.method, http.path
    body: Any = None
    if isinstance(http.body, str):
        body = to_json(arguments[http.body])
        for name in http.path_names():
            if "." in name:
                body.pop(name.split(".", 1)[1], None)
        if http.saves:
            record_id = body.pop("id")
            if record_id is None:
                body.pop("version", None)
                method = "POST"
            else:
                method, path = "PUT", f"{path}/{_id(record_id)}"
    elif http.body:
        body = {name: to_json(arguments[name]) for name in http.body}
    for name in http.path_names():
        root, _, attribute = name.partition(".")
        value = arguments[root]
        if attribute:
            value = getattr(value, attribute)
        path = path.replace("{" + name + "}", str(_id(value)))
    params: dict[str, Any] = {}
    for parameter in query_parameters(operation):
        value = arguments[parameter.name]
        if isinstance(value, PageRequest):
            params.update(page_query(value))
            continue
        query_name = http.query_names.get(parameter.name, parameter.name)
        params[query_name] = query_value(value, parameter.default)
    return HttpCall(method, path, {k: v for k, v in params.items() if v is not None}, body)


def page_query(page: PageRequest) -> dict[str, Any]:
    return {
        "offset": page.offset,
        "limit": page.limit,
        "search": page.search or None,
        "sort_key": page.sort_key,
        "descending": "true" if page.descending else None,
    }


def query_value(value: Any, default: Any) -> Any:
    """One query parameter's value; None leaves it out (the server then uses the default)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return None if value == default else ("true" if value else "false")
    if isinstance(value, list | tuple | frozenset | set):
        items = [to_json(item) for item in value]
        if not items:
            has_items_by_default = default is not inspect.Parameter.empty and bool(default)
            return [EMPTY_LIST_VALUE] if has_items_by_default else None
        return items
    if isinstance(value, str) and value == "" and default == "":
        return None
    return to_json(value)


def _id(value: Any) -> int:
    """An id for a URL path: an int, never text that could change the path."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"an id must be an int, not {type(value).__name__}")
    return value
