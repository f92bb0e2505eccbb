"""Bad input and abuse get a 4xx with a clear message and change nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from backend.database import Database
from backend.version import current_version
from tests.api.conftest import Api

SETTINGS = "/api/v1/organisation/settings"


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code
    assert isinstance(body["message"], str)
    assert body["message"].endswith((".", ")"))
    return body


def test_health_and_organisations_need_no_login(api: Api) -> None:
    health = api.get("/api/v1/health").json()
    assert health["status"] == "ok"
    assert health["version"] == current_version()
    assert [o["short_name"] for o in api.get("/api/v1/organisations").json()] == [
        "МБОУ СОШ № 7",
        "МБОУ Школа № 12",
    ]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/v1/me"),
        ("GET", "/api/v1/staff"),
        ("GET", "/api/v1/students"),
        ("GET", "/api/v1/classes"),
        ("GET", "/api/v1/timetable?date_from=2026-11-23&date_to=2026-11-27"),
        ("GET", SETTINGS),
        ("DELETE", "/api/v1/session"),
    ],
)
def test_everything_else_needs_a_token(api: Api, method: str, path: str) -> None:
    response = api.request(method, path)
    _error(response, 401, "not_authenticated")
    assert response.headers["www-authenticate"] == "Bearer"
    forged = api.request(method, path, headers={"Authorization": "Bearer forged-token"})
    _error(forged, 401, "not_authenticated")


def test_a_revoked_token_stops_working(api: Api, bearer: Callable[[str], dict]) -> None:
    headers = bearer("klass")
    assert api.get("/api/v1/me", headers=headers).status_code == 200
    assert api.request("DELETE", "/api/v1/session", headers=headers).status_code == 204
    _error(api.get("/api/v1/me", headers=headers), 401, "not_authenticated")


def test_tokens_are_stored_only_as_hashes(api: Api, database: Database) -> None:
    token = api.token("klass")
    with database.engine.connect() as connection:
        stored = [
            row[0] for row in connection.exec_driver_sql("SELECT token_hash FROM auth_tokens")
        ]
    assert stored
    assert token not in stored
    assert all(len(value) == 64 for value in stored)


def test_passwords_are_stored_as_argon2_hashes(database: Database) -> None:
    with database.engine.connect() as connection:
        hashes = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT password_hash FROM accounts WHERE password_hash IS NOT NULL"
            )
        ]
    assert hashes
    assert all(value.startswith("$argon2id$") for value in hashes)


@pytest.mark.parametrize(
    "body",
    [
        {"organisation_id": 1, "login": "klass", "password": "demo", "is_admin": True},
        {"organisation_id": "1", "login": "klass", "password": "demo"},
        {"organisation_id": 1, "login": ["klass"], "password": "demo"},
        {"organisation_id": 2**40, "login": "klass", "password": "demo"},
        {"organisation_id": 1, "login": "klass\x00", "password": "demo"},
        {"organisation_id": 1, "login": "x" * 101, "password": "demo"},
        {"organisation_id": 1, "login": "klass"},
        [],
    ],
)
def test_malformed_login_requests_are_refused(api: Api, body: object) -> None:
    body_json = _error(api.request("POST", "/api/v1/session", json=body), 422, "validation_failed")
    assert body_json["message"].startswith("Неверный запрос к серверу")
    assert body_json["field_errors"]


def test_a_body_that_is_not_json_is_refused(api: Api) -> None:
    response = api.request(
        "POST",
        "/api/v1/session",
        content=b"login=klass&password=demo",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    _error(response, 422, "validation_failed")


def test_an_oversize_body_is_refused_before_it_is_read(api: Api) -> None:
    huge = {"organisation_id": 1, "login": "klass", "password": "x" * 100_000}
    body = api.request("POST", "/api/v1/session", json=huge)
    _error(body, 413, "payload_too_large")


@pytest.mark.parametrize(
    "query",
    [
        "limit=100000",
        "limit=0",
        "offset=-1",
        "offset=99999999999",
        "limit=ten",
        "sort_key=password_hash",
        "sort_key=full_name;DROP%20TABLE%20persons",
        "search=" + "я" * 201,
        "search=%00",
        "class_id=0",
        "class_id=2147483648",
        "status=deleted",
    ],
)
def test_bad_list_parameters_are_refused(
    api: Api, bearer: Callable[[str], dict], query: str
) -> None:
    _error(api.get(f"/api/v1/students?{query}", headers=bearer("klass")), 422, "validation_failed")


@pytest.mark.parametrize(
    "search",
    [
        "' OR 1=1 --",
        "%' UNION SELECT password_hash FROM accounts --",
        "Robert'); DROP TABLE students;--",
        "🙂👩‍🏫",
        "\u202eвонавИ",
        "Ива\u0301нов",
        "ǅ ß ﬁ",
        "%_%",
    ],
)
def test_odd_and_sql_looking_searches_find_nothing_and_break_nothing(
    api: Api, bearer: Callable[[str], dict], search: str
) -> None:
    headers = bearer("klass")
    before = api.get("/api/v1/students", headers=headers).json()["total"]
    response = api.get("/api/v1/students", params={"search": search}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["total"] == 0
    assert api.get("/api/v1/students", headers=headers).json()["total"] == before


@pytest.mark.parametrize(
    ("login", "method", "path", "body"),
    [
        ("uchenik", "GET", "/api/v1/staff", None),
        ("roditel", "GET", "/api/v1/parents", None),
        ("uchenik", "GET", "/api/v1/classes", None),
        ("klass", "PUT", SETTINGS, "settings"),
        ("chatadmin", "PUT", SETTINGS, "settings"),
    ],
)
def test_the_role_is_checked_on_the_server(
    api: Api, bearer: Callable[[str], dict], login: str, method: str, path: str, body: object
) -> None:
    payload = None
    if body == "settings":
        current = api.get(SETTINGS, headers=bearer("admin")).json()
        payload = {
            "name": "Взлом",
            "short_name": "Взлом",
            "chat_admin_employee_id": None,
            "version": current["version"],
        }
    _error(api.request(method, path, json=payload, headers=bearer(login)), 403, "permission_denied")
    if payload is not None:
        assert api.get(SETTINGS, headers=bearer("admin")).json()["short_name"] == "МБОУ СОШ № 7"


def test_another_organisations_records_are_not_found(
    api: Api, bearer: Callable[[str], dict]
) -> None:
    other = {"Authorization": f"Bearer {api.token('shkola12.admin', school_id=2)}"}
    their_class = api.get("/api/v1/classes", headers=other).json()[0]["id"]
    their_group = api.get("/api/v1/groups", headers=other).json()[0]
    ours = bearer("klass")
    _error(api.get(f"/api/v1/students?class_id={their_class}", headers=ours), 404, "not_found")
    _error(
        api.get(
            "/api/v1/ktp-topics",
            params={"group_id": their_group["id"], "subject_id": their_group["subject_id"]},
            headers=ours,
        ),
        404,
        "not_found",
    )
    classes = api.get("/api/v1/classes", headers=ours).json()
    assert their_class not in [c["id"] for c in classes]


def test_an_unknown_address_is_a_clear_404(api: Api) -> None:
    _error(api.get("/api/v1/no-such-thing"), 404, "not_found")


def test_a_conflicting_save_is_409_and_changes_nothing(
    api: Api, bearer: Callable[[str], dict]
) -> None:
    headers = bearer("admin")
    current = api.get(SETTINGS, headers=headers).json()
    body = {
        "name": current["name"],
        "short_name": "Первое сохранение",
        "chat_admin_employee_id": current["chat_admin_employee_id"],
        "version": current["version"],
    }
    assert api.request("PUT", SETTINGS, json=body, headers=headers).status_code == 200
    stale = {**body, "short_name": "Второе сохранение"}
    _error(api.request("PUT", SETTINGS, json=stale, headers=headers), 409, "conflict")
    assert api.get(SETTINGS, headers=headers).json()["short_name"] == "Первое сохранение"


def test_the_openapi_schema_is_served(api: Api) -> None:
    schema = api.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/students" in schema["paths"]
    limit = next(
        p for p in schema["paths"]["/api/v1/students"]["get"]["parameters"] if p["name"] == "limit"
    )
    assert limit["schema"]["maximum"] == 1000
