"""The HTTP API in-process: the server application on a copy of the demo school."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from backend.clock import FixedClock
from backend.database import Database, sqlite_url
from backend.server.app import create_app
from tests.helpers import AsyncRunner


class Api:
    """A tiny synchronous face over an async client, for readable tests."""

    def __init__(self, client: httpx.AsyncClient, run: AsyncRunner) -> None:
        self.client = client
        self.run = run

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return self.run(self.client.request(method, path, **kwargs))

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def token(self, login: str, school_id: int = 1) -> str:
        response = self.request(
            "POST",
            "/api/v1/session",
            json={"organisation_id": school_id, "login": login, "password": "demo"},
        )
        assert response.status_code == 200, response.text
        return response.json()["token"]


@pytest.fixture
def database(demo_db_path: Path) -> Iterator[Database]:
    database = Database(sqlite_url(demo_db_path))
    yield database
    database.dispose()


@pytest.fixture
def app(database: Database, clock: FixedClock) -> Any:
    return create_app(database, clock=clock)


@pytest.fixture
def api(app: Any) -> Iterator[Api]:
    run = AsyncRunner()
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://esh.test")
    yield Api(client, run)
    run(client.aclose())
    run.close()


@pytest.fixture
def bearer(api: Api) -> Callable[[str], dict[str, str]]:
    def headers(login: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {api.token(login)}"}

    return headers
