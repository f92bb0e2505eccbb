"""Showing and checking phone numbers: the ЭШ format, and Russian mobiles however typed."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.contract.phones import format_phone, normalize_mobile


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+79123456789", "+7 (912) 345-67-89"),
        ("79123456789", "+7 (912) 345-67-89"),
        (None, ""),
        ("", ""),
        ("+4420123456", "+4420123456"),
    ],
)
def test_phones_show_in_the_esh_format(stored: str | None, shown: str) -> None:
    assert format_phone(stored) == shown


@pytest.mark.parametrize(
    "typed",
    [
        "+7 (912) 345-67-89",
        "+79123456789",
        "8 912 345 67 89",
        "8(912)3456789",
        "9123456789",
        " 7-912-345-67-89 ",
    ],
)
def test_the_common_ways_of_typing_a_mobile_number_are_understood(typed: str) -> None:
    assert normalize_mobile(typed) == "+79123456789"


@pytest.mark.parametrize(
    "typed",
    [
        "+7 (495) 123-45-67",
        "+7 701 123 45 67",
        "+1 212 555 01 00",
        "912345678",
        "",
        "++79123456789x",
    ],
)
def test_landlines_foreign_and_short_numbers_are_refused(typed: str) -> None:
    assert normalize_mobile(typed) is None


@given(st.text(max_size=40))
def test_any_text_gives_a_number_or_none_never_an_error(typed: str) -> None:
    result = normalize_mobile(typed)
    assert result is None or (result.startswith("+79") and len(result) == 12)


@given(st.text(alphabet="0123456789 +-()", max_size=25))
def test_what_is_accepted_is_a_russian_mobile_and_stays_the_same_when_checked_again(
    typed: str,
) -> None:
    result = normalize_mobile(typed)
    if result is None:
        return
    assert re.fullmatch(r"\+79\d{9}", result)
    assert normalize_mobile(result) == result
    assert normalize_mobile(format_phone(result)) == result


@given(st.from_regex(r"\+79[0-9]{9}", fullmatch=True))
def test_formatting_for_display_is_idempotent_and_reversible(number: str) -> None:
    shown = format_phone(number)
    assert format_phone(shown) == shown or shown == number
    if normalize_mobile(number) is not None:
        assert normalize_mobile(shown) == number
