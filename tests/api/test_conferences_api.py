"""Video conferences over HTTP: who may ask, what a body may hold, a round trip, and «Закончить
видеоконференцию» finishing the call on MAX before the answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from backend.clock import FixedClock
from backend.database import Database, sqlite_url
from backend.max.gateway import CallStatus
from backend.max.simulator.state import SimulatedMax
from backend.server.app import create_app
from tests.api.conftest import Api
from tests.conftest import NOW
from tests.helpers import AsyncRunner

CONFERENCES = "/api/v1/sferum/conferences"
CHATS = "/api/v1/sferum/chats"
PERIOD = {"date_from": "2026-11-23", "date_to": "2026-11-30"}


def _error(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code
    assert body["message"].endswith((".", ")"))
    return body


def _parents_chat(api: Api, headers: dict[str, str]) -> dict[str, Any]:
    page = api.get(CHATS, params={"limit": 500}, headers=headers)
    assert page.status_code == 200, page.text
    summary = next(chat for chat in page.json()["items"] if chat["kind"] == "parents")
    chat = api.get(f"{CHATS}/{summary['id']}", headers=headers)
    assert chat.status_code == 200, chat.text
    return chat.json()


def _body(chat: dict[str, Any], *, in_minutes: int = 2, minutes: int = 3) -> dict[str, Any]:
    starts = NOW + dt.timedelta(minutes=in_minutes)
    return {
        "title": "Родительское собрание",
        "kind": "call",
        "chat_id": chat["id"],
        "starts_at": starts.isoformat(),
        "ends_at": (starts + dt.timedelta(minutes=minutes)).isoformat(),
        "members": [{"person_id": m["person_id"], "kind": m["kind"]} for m in chat["members"]],
    }


@pytest.mark.parametrize(
    ("method", "path", "params"),
    [
        ("GET", CONFERENCES, PERIOD),
        ("GET", f"{CONFERENCES}/1", None),
        ("POST", f"{CONFERENCES}/1/end", None),
        ("POST", f"{CONFERENCES}/1/retry", None),
        ("DELETE", f"{CONFERENCES}/1", {"version": 1}),
    ],
)
def test_a_student_is_refused(
    api: Api, bearer: Callable[[str], dict], method: str, path: str, params: dict | None
) -> None:
    response = api.request(method, path, params=params, headers=bearer("uchenik"))
    _error(response, 403, "permission_denied")


def test_a_time_without_its_zone_is_refused_with_a_sentence(
    api: Api, bearer: Callable[[str], dict]
) -> None:
    headers = bearer("klass")
    body = {**_body(_parents_chat(api, headers)), "starts_at": "2026-11-23T10:02:00"}
    refused = _error(
        api.request("POST", CONFERENCES, json=body, headers=headers), 422, "validation_failed"
    )
    assert refused["field_errors"]["starts_at"].startswith("Время указано без часового пояса")
    assert "ends_at" not in refused["field_errors"]
    far = {**body, "starts_at": "9999-12-31T23:59:00-05:00"}
    refused = _error(
        api.request("POST", CONFERENCES, json=far, headers=headers), 422, "validation_failed"
    )
    assert "2999" in refused["field_errors"]["starts_at"]
    period = {"date_from": "2026-11-23", "date_to": "9999-12-31"}
    _error(api.get(CONFERENCES, params=period, headers=headers), 422, "validation_failed")
    _error(api.get(CONFERENCES, headers=headers), 422, "validation_failed")  # no period


def test_a_conference_is_created_listed_changed_and_deleted(
    api: Api, bearer: Callable[[str], dict]
) -> None:
    headers = bearer("klass")
    chat = _parents_chat(api, headers)
    body = _body(chat)
    created = api.request("POST", CONFERENCES, json=body, headers=headers)
    assert created.status_code == 201, created.text
    conference = created.json()
    assert conference["status"] == "new"
    assert conference["chat_id"] == chat["id"]
    assert dt.datetime.fromisoformat(conference["starts_at"]) == NOW + dt.timedelta(minutes=2)
    url = f"{CONFERENCES}/{conference['id']}"

    opened = api.get(url, headers=headers)
    assert opened.status_code == 200, opened.text
    assert len(opened.json()["members"]) == conference["participant_count"] > 1

    listed = api.get(
        CONFERENCES,
        params={**PERIOD, "status": ["new", "active"], "sort_key": "title"},
        headers=headers,
    )
    assert listed.status_code == 200, listed.text
    assert conference["id"] in [item["id"] for item in listed.json()["items"]]
    finished = api.get(CONFERENCES, params={**PERIOD, "status": "finished"}, headers=headers)
    assert conference["id"] not in [item["id"] for item in finished.json()["items"]]
    _error(
        api.get(CONFERENCES, params={**PERIOD, "sort_key": "kind"}, headers=headers),
        422,
        "validation_failed",
    )

    changed = api.request(
        "PUT",
        url,
        json={**body, "title": "Собрание", "version": conference["version"]},
        headers=headers,
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["title"] == "Собрание"
    stale = api.request(
        "PUT", url, json={**body, "version": conference["version"]}, headers=headers
    )
    _error(stale, 409, "conflict")
    _error(api.request("POST", f"{url}/end", headers=headers), 409, "conflict")

    deleted = api.request(
        "DELETE", url, params={"version": changed.json()["version"]}, headers=headers
    )
    assert deleted.status_code == 204, deleted.text
    _error(api.get(url, headers=headers), 404, "not_found")


def test_the_service_answers_field_by_field(api: Api, bearer: Callable[[str], dict]) -> None:
    headers = bearer("klass")
    body = _body(_parents_chat(api, headers))
    backwards = {**body, "ends_at": body["starts_at"]}
    refused = _error(
        api.request("POST", CONFERENCES, json=backwards, headers=headers), 422, "validation_failed"
    )
    assert "ends_at" in refused["field_errors"]


@pytest.fixture
def simulated_max(tmp_path: Path) -> Iterator[SimulatedMax]:
    simulator = SimulatedMax(sqlite_url(tmp_path / "max.sqlite3"))
    yield simulator
    simulator.close()


@pytest.fixture
def max_api(
    database: Database, clock: FixedClock, simulated_max: SimulatedMax
) -> Iterator[tuple[Api, Any]]:
    app = create_app(database, clock=clock, max_gateway=simulated_max)
    run = AsyncRunner()
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://esh.test")
    yield Api(client, run), app
    run(client.aclose())
    run.close()


def test_ending_over_http_finishes_the_call_before_the_answer(
    max_api: tuple[Api, Any], clock: FixedClock, simulated_max: SimulatedMax
) -> None:
    api, app = max_api
    headers = {"Authorization": f"Bearer {api.token('klass')}"}
    created = api.request(
        "POST", CONFERENCES, json=_body(_parents_chat(api, headers)), headers=headers
    )
    assert created.status_code == 201, created.text
    url = f"{CONFERENCES}/{created.json()['id']}"
    clock.advance(dt.timedelta(minutes=2))
    app.state.max_jobs.run_once()
    active = api.get(url, headers=headers).json()
    assert active["status"] == "active"
    call_id = active["join_link"].rsplit("/", 1)[-1]
    assert simulated_max.call(call_id).status is CallStatus.STARTED

    ended = api.request("POST", f"{url}/end", headers=headers)
    assert ended.status_code == 200, ended.text
    assert ended.json()["status"] == "finished"
    assert ended.json()["join_link"] is None
    assert simulated_max.call(call_id).status is CallStatus.FINISHED


def test_the_schema_lists_the_conference_operations(api: Api) -> None:
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    expected = {
        CONFERENCES: {"get", "post"},
        f"{CONFERENCES}/{{conference_id}}": {"get", "put", "delete"},
        f"{CONFERENCES}/{{conference_id}}/end": {"post"},
        f"{CONFERENCES}/{{conference_id}}/retry": {"post"},
    }
    for path, methods in expected.items():
        assert set(paths[path]) == methods, path
