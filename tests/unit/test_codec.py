"""Contract types survive a trip through JSON, and bad JSON is refused with a path."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from backend.contract import (
    ChildRef,
    CurrentUser,
    Lesson,
    LoginResult,
    Page,
    PageRequest,
    Parent,
    PositionType,
    Role,
    StaffMember,
)
from backend.contract.codec import from_json, to_json
from backend.contract.errors import (
    Conflict,
    NotFound,
    ValidationFailed,
    error_from_dict,
)


def _round_trip(hint, value):
    return from_json(hint, json.loads(json.dumps(to_json(value))))


def test_a_login_result_round_trips() -> None:
    user = CurrentUser(
        account_id=1,
        person_id=2,
        organisation_id=3,
        organisation_name="МБОУ СОШ № 7",
        login="klass",
        full_name="Малышев Роман Сергеевич",
        roles=frozenset({Role.TEACHER, Role.CLASS_TEACHER}),
        employee_id=4,
    )
    value = LoginResult(user=user, remember_token="abc")
    assert _round_trip(LoginResult, value) == value


def test_a_generic_page_round_trips_with_nested_records() -> None:
    page = Page(
        items=(
            Parent(
                id=1,
                person_id=2,
                full_name="Иванова Анна",
                phone="+79123456789",
                login="ivanova.as",
                blocked=False,
                children=(
                    ChildRef(
                        student_id=5, full_name="Иванов Петр", class_name="5А", relation="Мать"
                    ),
                ),
            ),
        ),
        total=40,
        offset=20,
    )
    assert _round_trip(Page[Parent], page) == page


def test_dates_times_and_optional_values_round_trip() -> None:
    lesson = Lesson(
        id=1,
        date=dt.date(2026, 11, 23),
        number=1,
        starts_at=dt.time(8, 0),
        ends_at=dt.time(8, 45),
        group_id=2,
        group_name="5А",
        class_id=3,
        class_name="5А",
        subject_id=4,
        subject_name="Математика",
        teacher_id=None,
        teacher_name=None,
    )
    assert _round_trip(Lesson, lesson) == lesson
    member = StaffMember(
        id=1,
        person_id=1,
        full_name="X",
        position="Директор",
        position_type=PositionType.ADMINISTRATION,
        hired_on=dt.date(2001, 9, 1),
        dismissed_on=None,
        login=None,
        blocked=True,
    )
    assert _round_trip(StaffMember, member) == member


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"offset": "0"}, "$.offset: expected int"),
        ({"limit": True}, "$.limit: expected int"),
        ({"search": 5}, "$.search: expected str"),
        ([], "$: expected an object"),
    ],
)
def test_wrong_json_is_refused_with_the_path(data: object, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("$", r"\$").replace(".", r"\.")):
        from_json(PageRequest, data)


def test_missing_fields_without_defaults_are_refused() -> None:
    with pytest.raises(ValueError, match="missing field 'total'"):
        from_json(Page[Parent], {"items": []})
    assert from_json(PageRequest, {}) == PageRequest()


def test_errors_round_trip_by_code() -> None:
    error = error_from_dict(ValidationFailed("Проверьте поля.", {"name": "Пусто."}).to_dict())
    assert isinstance(error, ValidationFailed)
    assert error.field_errors == {"name": "Пусто."}
    assert isinstance(error_from_dict(Conflict().to_dict()), Conflict)
    assert error_from_dict(NotFound("Класс не найден.").to_dict()).message == "Класс не найден."
    assert type(error_from_dict({"code": "nonsense", "message": "?"})).__name__ == "BackendError"
