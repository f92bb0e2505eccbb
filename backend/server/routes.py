"""The server's routes for the declared operations, made from their declarations.

Each route's signature (path, query and body parameters with their limits) is built for
FastAPI, which validates the request and writes the OpenAPI schema from it; the endpoint turns
what was validated back into the operation's arguments, by the rules of
`backend.operations.http`.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Callable, Iterable
from enum import Enum
from typing import Annotated, Any, Literal, Protocol

from fastapi import APIRouter, Depends, Path, Query
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator, BaseModel

from backend.contract.codec import from_json
from backend.contract.errors import NotAuthenticated
from backend.contract.types import MAX_PAGE_SIZE, PageRequest
from backend.operations.declaration import LIST_LIMIT, Operation
from backend.operations.http import (
    EMPTY_LIST_VALUE,
    body_parameters,
    is_sequence,
    item_type,
    query_parameters,
)
from backend.server.bodies import MAX_ID, NO_NUL, a_sensible_date, model_of, model_of_fields

KW = inspect.Parameter.KEYWORD_ONLY
_bearer = HTTPBearer(auto_error=False, description="Токен сеанса из POST /api/v1/session")


class RunsOperations(Protocol):
    def run(self, token: str, operation: Operation, arguments: dict[str, Any]) -> Any: ...


def token_of(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    if credentials is None or not credentials.credentials:
        raise NotAuthenticated("Требуется вход в систему.")
    if len(credentials.credentials) > 200:
        raise NotAuthenticated()
    return credentials.credentials


Token = Annotated[str, Depends(token_of)]
Offset = Annotated[int, Query(ge=0, le=MAX_ID, description="Сколько записей пропустить")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Размер страницы")]
Search = Annotated[str, Query(max_length=200, pattern=NO_NUL, description="Строка поиска")]
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


class PageQuery:
    """The paging and search parameters every list shares; sorting is per list."""

    def __init__(
        self,
        offset: Offset = 0,
        limit: Limit = 50,
        search: Search = "",
        descending: bool = False,
    ) -> None:
        self.offset, self.limit, self.search, self.descending = offset, limit, search, descending

    def request(self, sort_key: str | None) -> PageRequest:
        return PageRequest(
            offset=self.offset,
            limit=self.limit,
            search=self.search,
            sort_key=sort_key,
            descending=self.descending,
        )


Paging = Annotated[PageQuery, Depends()]


def add_operation_routes(
    router: APIRouter, runner: RunsOperations, operations: Iterable[Operation]
) -> None:
    for operation in operations:
        http = operation.http
        if http.saves:
            assert isinstance(http.body, str)
            draft = _hint(operation, http.body)
            limits = tuple(sorted(http.limits.items()))
            new = model_of(
                draft,
                limits=limits,
                exclude=frozenset({"id", "version"}),
                name=f"New{draft.__name__}",
            )
            change = model_of(
                draft,
                limits=limits,
                exclude=frozenset({"id"}),
                required=frozenset({"version"}),
                name=f"{draft.__name__}Change",
            )
            _add_route(router, runner, operation, "POST", http.path, new, status=201)
            _add_route(router, runner, operation, "PUT", f"{http.path}/{{{http.saves}}}", change)
        else:
            _add_route(router, runner, operation, http.method, http.path, _body_model(operation))


def _add_route(
    router: APIRouter,
    runner: RunsOperations,
    operation: Operation,
    method: str,
    path: str,
    body_model: type[BaseModel] | None,
    *,
    status: int | None = None,
) -> None:
    route_path = re.sub(r"\{\w+\.(\w+)\}", r"{\1}", path)
    path_names = re.findall(r"\{(\w+)\}", route_path)
    parameters = [inspect.Parameter("token", KW, annotation=Token)]
    parameters += [inspect.Parameter(name, KW, annotation=PathId) for name in path_names]
    if body_model is not None:
        optional = all(not field.is_required() for field in body_model.model_fields.values())
        annotation = body_model | None if optional else body_model
        default = None if optional else inspect.Parameter.empty
        parameters.append(inspect.Parameter("body", KW, annotation=annotation, default=default))
    parameters += _query_signature(operation)
    endpoint = _endpoint(runner, operation, path_names)
    endpoint.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    endpoint.__name__ = f"{operation.name}_{method.lower()}"
    answers_nothing = operation.result is None
    router.add_api_route(
        route_path,
        endpoint,
        methods=[method],
        status_code=status or (204 if answers_nothing else operation.http.status),
        response_model=None if answers_nothing else operation.result,
        tags=[operation.function.__module__.removeprefix("backend.services.").split(".")[0]],
        summary=operation.name,
        description=inspect.getdoc(operation.function) or "",
    )


def _endpoint(
    runner: RunsOperations, operation: Operation, path_names: list[str]
) -> Callable[..., Any]:
    def endpoint(**values: Any) -> Any:
        arguments = _arguments(operation, values, path_names)
        return runner.run(values["token"], operation, arguments)

    return endpoint


def _hint(operation: Operation, name: str) -> Any:
    return operation.signature.parameters[name].annotation


def _body_model(operation: Operation) -> type[BaseModel] | None:
    http = operation.http
    name = "".join(part.title() for part in operation.name.split("_")) + "Request"
    if isinstance(http.body, str):
        from_path = frozenset(n.split(".", 1)[1] for n in http.path_names() if "." in n)
        limits = tuple(sorted(http.limits.items()))
        return model_of(_hint(operation, http.body), limits=limits, exclude=from_path, name=name)
    if http.body:
        signature = operation.signature.parameters
        hints = {n: signature[n].annotation for n in http.body}
        defaults = {
            n: signature[n].default
            for n in http.body
            if signature[n].default is not inspect.Parameter.empty
        }
        return model_of_fields(name, hints, defaults, http.limits)
    return None


def _query_signature(operation: Operation) -> list[inspect.Parameter]:
    parameters = []
    for parameter in query_parameters(operation):
        hint, default = parameter.annotation, parameter.default
        required = default is inspect.Parameter.empty
        if hint is PageRequest:
            sort = Literal[operation.http.sort] | None  # type: ignore[valid-type]
            parameters.append(inspect.Parameter("paging", KW, annotation=Paging))
            parameters.append(
                inspect.Parameter(
                    "sort_key",
                    KW,
                    annotation=Annotated[sort, Query(description="Поле сортировки")],
                    default=None,
                )
            )
            continue
        alias = operation.http.query_names.get(parameter.name)
        annotation = _query_type(hint, alias)
        if is_sequence(hint):
            default = None
        parameters.append(
            inspect.Parameter(
                parameter.name,
                KW,
                annotation=annotation,
                default=inspect.Parameter.empty if required else default,
            )
        )
    return parameters


def _query_type(hint: Any, alias: str | None) -> Any:
    if is_sequence(hint):
        item = item_type(hint)
        most = len(item) + 1 if isinstance(item, type) and issubclass(item, Enum) else LIST_LIMIT
        description = "Значения; пустое значение — пустой список, нет параметра — по умолчанию"
        return Annotated[
            list[item | Literal[EMPTY_LIST_VALUE]] | None,  # type: ignore[valid-type]
            Query(alias=alias, max_length=most, description=description),
        ]
    if hint == int | None:
        return Annotated[int | None, Query(alias=alias, ge=1, le=MAX_ID)]
    if hint is int:
        return Annotated[int, Query(alias=alias, ge=1, le=MAX_ID)]
    if hint is str:
        return Annotated[str, Query(alias=alias, max_length=200, pattern=NO_NUL)]
    if hint is dt.date:
        return Annotated[
            dt.date,
            AfterValidator(a_sensible_date),
            Query(alias=alias, description="Дата периода (включительно)"),
        ]
    if hint is bool or (isinstance(hint, type) and issubclass(hint, Enum)):
        return Annotated[hint, Query(alias=alias)]
    raise TypeError(f"no query parameter type for {hint!r}")


def _arguments(operation: Operation, values: dict[str, Any], path_names: list[str]) -> dict:
    http = operation.http
    arguments: dict[str, Any] = {}
    if isinstance(http.body, str):
        data = values["body"].model_dump(mode="json")
        for name in http.path_names():
            if "." in name:
                field_name = name.split(".", 1)[1]
                data[field_name] = values[field_name]
        if http.saves:
            data["id"] = values.get(http.saves)
        arguments[http.body] = from_json(_hint(operation, http.body), data)
    elif http.body:
        body = values["body"]
        data = body.model_dump(mode="json") if body is not None else {}
        for name in body_parameters(http):
            parameter = operation.signature.parameters[name]
            arguments[name] = (
                from_json(parameter.annotation, data[name]) if name in data else parameter.default
            )
    for name in path_names:
        if name in operation.signature.parameters:
            arguments[name] = values[name]
    for parameter in query_parameters(operation):
        value = values.get(parameter.name)
        if parameter.annotation is PageRequest:
            arguments[parameter.name] = values["paging"].request(values["sort_key"])
        elif is_sequence(parameter.annotation):
            if value is None:
                arguments[parameter.name] = parameter.default
            else:
                given = (item for item in value if item != EMPTY_LIST_VALUE)
                arguments[parameter.name] = tuple(dict.fromkeys(given))
        else:
            arguments[parameter.name] = value
    return arguments
