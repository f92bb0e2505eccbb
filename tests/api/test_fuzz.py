"""A schema-driven fuzz run over the OpenAPI schema: no request may get a 5xx, and every
answer must match the schema (status codes, content types, bodies).

Schema-valid requests may still be refused by a rule the schema cannot express (a period
that ends before it starts, another organisation's class): that check is left out.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.api.conftest import Api

EXAMPLES_PER_OPERATION = 40


# Schemathesis drives ASGI apps through Starlette's test client, which warns about httpx.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_fuzzing_the_schema_finds_no_server_error(app: Any, api: Api) -> None:
    token = api.token("admin")
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14
    for operation in operations:
        _fuzz(operation, token)


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
