"""The chats and roster events over real HTTP: who may ask, what a body may hold, the schema."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.api.conftest import Api

CHATS = "/api/v1/sferum/chats"


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code
    assert body["message"].endswith((".", ")"))
    return body


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", CHATS),
        ("GET", "/api/v1/sferum/chat-gaps"),
        ("GET", "/api/v1/sferum/chat-candidates?kind=student"),
        ("POST", "/api/v1/students/1/expel"),
    ],
)
def test_a_student_is_refused(
    api: Api, bearer: Callable[[str], dict], method: str, path: str
) -> None:
    _error(api.request(method, path, headers=bearer("uchenik")), 403, "permission_denied")


def test_the_chat_administrator_lists_and_opens_chats(
    api: Api, bearer: Callable[[str], dict]
) -> None:
    headers = bearer("chatadmin")
    page = api.get(CHATS, params={"sort_key": "title", "limit": 5}, headers=headers)
    assert page.status_code == 200, page.text
    body = page.json()
    assert body["total"] > 5
    assert len(body["items"]) == 5
    first = body["items"][0]
    chat = api.get(f"{CHATS}/{first['id']}", headers=headers)
    assert chat.status_code == 200
    assert chat.json()["version"] == first["version"]
    _error(api.get(f"{CHATS}/999999", headers=headers), 404, "not_found")
    _error(
        api.get(CHATS, params={"sort_key": "max_chat_id"}, headers=headers),
        422,
        "validation_failed",
    )


def test_an_unknown_field_in_a_chat_is_refused_with_a_sentence(
    api: Api, bearer: Callable[[str], dict]
) -> None:
    body = {"title": "Кружок", "kind": "other", "members": [], "owner": "me"}
    refused = _error(
        api.request("POST", CHATS, json=body, headers=bearer("chatadmin")), 422, "validation_failed"
    )
    assert refused["message"].startswith("Неверный запрос к серверу")
    assert "owner" in refused["field_errors"]


def test_a_chat_is_created_changed_and_deleted(api: Api, bearer: Callable[[str], dict]) -> None:
    headers = bearer("chatadmin")
    body = {"title": "Кружок", "kind": "other", "members": []}
    created = api.request("POST", CHATS, json=body, headers=headers)
    assert created.status_code == 201, created.text
    chat = created.json()
    url = f"{CHATS}/{chat['id']}"
    changed = api.request(
        "PUT", url, json={**body, "title": "Шахматы", "version": chat["version"]}, headers=headers
    )
    assert changed.status_code == 200, changed.text
    stale = api.request("PUT", url, json={**body, "version": chat["version"]}, headers=headers)
    _error(stale, 409, "conflict")
    _error(api.request("DELETE", url, headers=headers), 422, "validation_failed")
    deleted = api.request("DELETE", url, params={"version": chat["version"] + 1}, headers=headers)
    assert deleted.status_code == 204, deleted.text
    _error(api.get(url, headers=headers), 404, "not_found")


def test_a_big_chat_fits_in_a_request_but_not_an_endless_one(
    api: Api, bearer: Callable[[str], dict]
) -> None:
    headers = bearer("chatadmin")
    members = [{"person_id": 10**9 - i, "kind": "student"} for i in range(2000)]
    body = {"title": "Вся школа", "kind": "other", "members": members}
    # Well over the 64 KiB of other requests, and read: the service finds no such people.
    refused = api.request("POST", CHATS, json=body, headers=headers)
    assert "members" in _error(refused, 422, "validation_failed")["field_errors"]
    huge = {**body, "title": "x" * 3_000_000}
    _error(api.request("POST", CHATS, json=huge, headers=headers), 413, "payload_too_large")
    too_many = {**body, "members": members * 11}
    _error(api.request("POST", CHATS, json=too_many, headers=headers), 422, "validation_failed")


def test_the_schema_lists_the_new_operations(api: Api) -> None:
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    expected = {
        "/api/v1/students": {"get", "post"},
        "/api/v1/students/transfer": {"post"},
        "/api/v1/students/{student_id}/expel": {"post"},
        "/api/v1/students/{student_id}/restore": {"post"},
        "/api/v1/students/{student_id}/cancel-restoration": {"post"},
        "/api/v1/staff": {"get", "post"},
        "/api/v1/staff/{employee_id}/dismiss": {"post"},
        "/api/v1/parents/{parent_id}/children/{student_id}": {"put", "delete"},
        "/api/v1/classes/{class_id}/class-teacher": {"put"},
        "/api/v1/groups/{group_id}/teacher": {"put"},
        "/api/v1/sferum/chats": {"get", "post"},
        "/api/v1/sferum/chats/{chat_id}": {"get", "put", "delete"},
        "/api/v1/sferum/chat-candidates": {"get"},
        "/api/v1/sferum/chat-gaps": {"get"},
    }
    for path, methods in expected.items():
        assert set(paths[path]) == methods, path
