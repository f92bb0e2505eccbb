"""The remote backend against a real uvicorn server on loopback, stopped and started again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backend.clock import FixedClock
from backend.contract import BackendUnavailable, PageRequest
from backend.database import Database, sqlite_url
from backend.remote import RemoteBackend
from backend.server.app import create_app
from tests.helpers import AsyncRunner, LoopbackServer


@pytest.fixture
def database(demo_db_path: Path) -> Iterator[Database]:
    database = Database(sqlite_url(demo_db_path))
    yield database
    database.dispose()


def test_a_real_server_on_loopback_serves_the_desktop_client(
    database: Database, clock: FixedClock
) -> None:
    run = AsyncRunner()
    app = create_app(database, clock=clock)
    try:
        with LoopbackServer(app) as server:
            port = server.port
            client = RemoteBackend(f"http://127.0.0.1:{port}", deadline=5)
            school = run(client.list_organisations())[0].id
            run(client.log_in(school, "klass", "demo"))
            assert run(client.list_students(PageRequest())).total == 542
        # The server is gone: a sentence for the user, not a crash.
        with pytest.raises(BackendUnavailable) as unavailable:
            run(client.list_students(PageRequest()))
        assert f"Не удалось подключиться к серверу http://127.0.0.1:{port}" in (
            unavailable.value.message
        )
        # Back again on the same address: the same session goes on.
        with LoopbackServer(app, port):
            assert run(client.list_students(PageRequest())).total == 542
        run(client.close())
    finally:
        run.close()
