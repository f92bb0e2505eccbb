"""A schema-driven fuzz run over the OpenAPI schema: no request may get a 5xx, and every
answer must match the schema (status codes, content types, bodies).

Schema-valid requests may still be refused by a rule the schema cannot express (a period
that ends before it starts, another organisation's class): that check is left out.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from backend.database import Database
from backend.operations.catalogue import operations
from backend.server.app import create_app
from tests.api.conftest import Api

EXAMPLES_PER_OPERATION = 40


def _routes() -> list[tuple[str, str]]:
    """Every route of the schema, as (method, path): one test each."""
    database = Database("sqlite://")
    try:
        paths = create_app(database).openapi()["paths"]
    finally:
        database.dispose()
    return [(method.upper(), path) for path, item in paths.items() for method in item]


ROUTES = _routes()


def test_every_declared_operation_is_fuzzed() -> None:
    fuzzed = {(method, path.removeprefix("/api/v1")) for method, path in ROUTES}
    for operation in operations().values():
        http = operation.http
        path = re.sub(r"\{\w+\.(\w+)\}", r"{\1}", http.path)
        if http.saves:
            assert ("POST", path) in fuzzed, operation.name
            assert ("PUT", f"{path}/{{{http.saves}}}") in fuzzed, operation.name
        else:
            assert (http.method, path) in fuzzed, operation.name


# Schemathesis drives ASGI apps through Starlette's test client, which warns about httpx.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize(("method", "path"), ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
def test_fuzzing_finds_no_server_error(app: Any, api: Api, method: str, path: str) -> None:
    token = api.token("admin")
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    _fuzz(schema[path][method], token)


def _fuzz(operation: Any, token: str) -> None:
    # Logging out would end the session every other case relies on.
    logs_out = operation.method.upper() == "DELETE" and operation.path == "/api/v1/session"
    headers = {} if logs_out else {"Authorization": f"Bearer {token}"}

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def check(case: Any) -> None:
        case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

    check()
