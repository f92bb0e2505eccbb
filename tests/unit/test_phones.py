from __future__ import annotations

import pytest

from backend.contract.phones import format_phone


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
