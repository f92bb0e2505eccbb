"""Desktops and servers of different versions on one school network.

Both directions: a desktop not yet upgraded talking to a newer server (added fields and enum
values are read past; a desktop older than the server serves is told to update, in one
sentence), and an upgraded desktop talking to an older server (one that does not report its
version still works; one older than the desktop supports is named as such).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from backend.clock import FixedClock
from backend.contract import (
    Backend,
    BackendError,
    DesktopOutdated,
    PageRequest,
    PositionType,
    ServerOutdated,
)
from backend.contract.codec import from_json, is_unknown_member
from backend.contract.errors import error_from_dict
from backend.contract.types import OrganisationSummary, StaffMember
from backend.database import Database, sqlite_url
from backend.remote import RemoteBackend
from backend.server.app import create_app
from backend.version import OLDEST_DESKTOP_SERVED, current_version, user_agent
from tests.contract.conftest import log_in
from tests.helpers import AsyncRunner


def test_every_backend_says_what_it_is_and_its_version(
    run: AsyncRunner, backend: Backend, backend_kind: str
) -> None:
    info = run(backend.describe())
    assert info.version == current_version()
    assert info.embedded is (backend_kind == "local")
    if info.embedded:
        assert info.location.endswith("demo.sqlite3")
    else:
        assert info.location == "http://esh.test"
        assert info.min_desktop_version == OLDEST_DESKTOP_SERVED


def test_the_version_comes_from_the_package_metadata() -> None:
    from importlib import metadata

    assert current_version() == metadata.version("esh-desktop")
    assert current_version()[0].isdigit()


# --- a server and ways of changing what it answers --------------------------------------------
@pytest.fixture
def school_database(demo_db_path: Path) -> Iterator[Database]:
    database = Database(sqlite_url(demo_db_path))
    yield database
    database.dispose()


def _rewrite_json(app: Any, change: Callable[[str, Any], Any]) -> Any:
    """`app` with every JSON answer passed through `change(path, data)`."""

    async def rewritten(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            headers = dict(start.get("headers") or [])
            if body and headers.get(b"content-type", b"").startswith(b"application/json"):
                body = json.dumps(change(scope["path"], json.loads(body))).encode()
            start["headers"] = [
                (k, v) for k, v in start.get("headers") or [] if k != b"content-length"
            ] + [(b"content-length", str(len(body)).encode())]
            await send(start)
            await send({"type": "http.response.body", "body": body})

        await app(scope, receive, capture)

    return rewritten


def _with_additions(_path: str, data: Any) -> Any:
    """What a newer server might send: a field more in every object, a new position type."""
    if isinstance(data, list):
        return [_with_additions(_path, item) for item in data]
    if isinstance(data, dict):
        changed = {key: _with_additions(_path, value) for key, value in data.items()}
        changed["added_in_v2"] = {"nested": [1, "two"], "flag": True}
        if changed.get("position_type") == PositionType.OTHER.value:
            changed["position_type"] = "contractor"
        return changed
    return data


def _a_school_day(run: AsyncRunner, backend: Backend) -> dict[str, Any]:
    """What a teacher's desktop reads in a morning, as plain data to compare."""
    from backend.contract.codec import to_json

    user = log_in(run, backend, "chatadmin")
    staff = run(backend.list_staff(PageRequest(limit=200)))
    chats = run(backend.list_chats(PageRequest(limit=20)))
    chat = run(backend.chat(chats.items[0].id))
    students = run(backend.list_students(PageRequest(limit=30)))
    return {
        "user": to_json(user),
        "organisations": to_json(run(backend.list_organisations())),
        "staff": to_json(staff),
        "chats": to_json(chats),
        "chat": to_json(chat),
        "students": to_json(students),
        "link": to_json(run(backend.sferum_link())),
    }


def test_a_desktop_reads_a_newer_servers_answers_with_added_fields_and_values(
    run: AsyncRunner, school_database: Database, clock: FixedClock
) -> None:
    app = create_app(school_database, clock=clock)
    plain = RemoteBackend("http://esh.test", transport=httpx.ASGITransport(app=app))
    newer = RemoteBackend(
        "http://esh.test",
        transport=httpx.ASGITransport(app=_rewrite_json(app, _with_additions)),
    )
    try:
        expected = _a_school_day(run, plain)
        seen = _a_school_day(run, newer)
        staff = run(newer.list_staff(PageRequest(limit=200))).items
    finally:
        run(plain.close())
        run(newer.close())
    # Everything the desktop knows reads the same; what was added is passed over.
    for key in ("user", "organisations", "chats", "chat", "students", "link"):
        assert seen[key] == expected[key], key
    others = [member for member in staff if member.position_type == "contractor"]
    assert others, "the demo school has staff of the position type «Прочий персонал»"
    assert all(is_unknown_member(member.position_type) for member in others)
    assert all(member.position_type != PositionType.OTHER for member in others)
    assert "added_in_v2" not in json.dumps(seen)


def test_the_codec_passes_over_added_fields_and_keeps_unknown_values() -> None:
    data = {"id": 1, "name": "МБОУ СОШ № 7", "short_name": "СОШ 7", "added_in_v2": True}
    assert from_json(OrganisationSummary, data) == OrganisationSummary(1, "МБОУ СОШ № 7", "СОШ 7")
    sent = {
        "id": 1,
        "person_id": 2,
        "full_name": "Иванов Иван",
        "position": "Сторож",
        "position_type": "contractor",
        "hired_on": "2020-09-01",
        "dismissed_on": None,
        "login": None,
        "blocked": False,
    }
    member = from_json(StaffMember, sent)
    assert isinstance(member.position_type, PositionType)
    assert str(member.position_type) == "contractor"
    assert member.position_type not in set(PositionType)
    # What is still wrong is still refused: a missing field, a value of the wrong type.
    with pytest.raises(ValueError, match="missing field 'short_name'"):
        from_json(OrganisationSummary, {"id": 1, "name": "x"})
    with pytest.raises(ValueError, match=r"\$\.position_type"):
        from_json(StaffMember, {**sent, "position_type": 5})


def test_a_desktop_older_than_the_server_serves_is_told_to_update(
    run: AsyncRunner, school_database: Database, clock: FixedClock
) -> None:
    app = create_app(school_database, clock=clock, min_desktop_version="9.1")
    old = RemoteBackend(
        "http://esh.test", transport=httpx.ASGITransport(app=app), client_version="9.0.7"
    )
    current = RemoteBackend(
        "http://esh.test", transport=httpx.ASGITransport(app=app), client_version="9.1.0"
    )
    try:
        with pytest.raises(DesktopOutdated) as refused:
            run(old.list_organisations())
        assert run(current.list_organisations()), "a desktop of the oldest version served works"
    finally:
        run(old.close())
        run(current.close())
    message = refused.value.message
    assert message.startswith("Программу «Электронная школа» на этом компьютере нужно обновить")
    assert "её версия 9.0.7, а сервер школы работает с версиями от 9.1" in message
    assert ". " not in message, "one sentence"
    assert "\n" not in message, "not a traceback"


def test_an_old_desktop_that_does_not_ask_first_gets_the_sentence_from_any_request(
    school_database: Database, clock: FixedClock, run: AsyncRunner
) -> None:
    """Desktops that skip the version check (or predate it) are refused on every request with
    an answer that every desktop version shows as a sentence."""
    app = create_app(school_database, clock=clock, min_desktop_version="9.1")

    async def ask() -> httpx.Response:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://esh.test"
        ) as client:
            # What the desktops before 0.2.0 sent.
            return await client.get("/api/v1/organisations", headers={"User-Agent": "esh-desktop"})

    response = run(ask())
    assert response.status_code == 426
    error = error_from_dict(response.json())
    assert isinstance(error, BackendError)
    assert "нужно обновить: её версия 0.1.0" in error.message
    # An older desktop knows no code "desktop_outdated": it still shows the message.
    assert error_from_dict({**response.json(), "code": "unknown_to_it"}).message == error.message


def test_the_health_answer_names_the_version_window(
    school_database: Database, clock: FixedClock, run: AsyncRunner
) -> None:
    app = create_app(school_database, clock=clock, min_desktop_version="0.1.5")

    async def health() -> httpx.Response:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://esh.test"
        ) as client:
            return await client.get("/api/v1/health", headers={"User-Agent": user_agent("0.0.1")})

    async def other_clients() -> list[int]:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://esh.test"
        ) as client:
            return [
                (await client.get("/api/v1/organisations", headers=headers)).status_code
                for headers in ({"User-Agent": "curl/8.0"}, {"User-Agent": "esh-desktop-x/1"})
            ]

    assert run(other_clients()) == [200, 200], "monitoring and scripts are not checked"

    response = run(health())
    assert response.status_code == 200, "an outdated desktop may still ask what is needed"
    assert response.json() == {
        "status": "ok",
        "version": current_version(),
        "min_desktop_version": "0.1.5",
    }


def _older_server_health(path: str, data: Any) -> Any:
    """A server from before versions were reported answers health with its status only."""
    return {"status": "ok"} if path.endswith("/health") else data


def test_an_upgraded_desktop_works_with_a_server_that_does_not_report_its_version(
    run: AsyncRunner, school_database: Database, clock: FixedClock
) -> None:
    app = _rewrite_json(create_app(school_database, clock=clock), _older_server_health)
    backend = RemoteBackend("http://esh.test", transport=httpx.ASGITransport(app=app))
    try:
        user = log_in(run, backend, "klass")
        info = run(backend.describe())
    finally:
        run(backend.close())
    assert user.login == "klass"
    assert info.version == "0.1.0"
    assert info.min_desktop_version is None


def test_a_server_older_than_the_desktop_supports_is_named_so(run: AsyncRunner) -> None:
    def older_server(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/health"):
            return httpx.Response(200, json={"status": "ok", "version": "0.0.3"})
        return httpx.Response(200, json=[])

    backend = RemoteBackend("http://esh.test", transport=httpx.MockTransport(older_server))
    try:
        with pytest.raises(ServerOutdated) as refused:
            run(backend.list_organisations())
    finally:
        run(backend.close())
    assert "Сервер школы нужно обновить: его версия 0.0.3" in refused.value.message


def test_an_address_that_is_not_a_school_server_is_said_so(run: AsyncRunner) -> None:
    def web_page(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, html="<html><body>Добро пожаловать</body></html>")

    backend = RemoteBackend("http://esh.test", transport=httpx.MockTransport(web_page))
    try:
        with pytest.raises(BackendError) as refused:
            run(backend.list_organisations())
    finally:
        run(backend.close())
    assert "отвечает не сервер «Электронной школы»" in refused.value.message
