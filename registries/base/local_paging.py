"""Searching, sorting and paging a list that the backend returns whole (e.g. a week's lessons)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from backend.contract import Page, PageRequest

T = TypeVar("T")


def _normalise(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


def page_locally(
    records: Sequence[T],
    request: PageRequest,
    *,
    search_text: Callable[[T], str],
    sort_values: Mapping[str, Callable[[T], Any]],
) -> Page[T]:
    words = _normalise(request.search).split()
    found = [r for r in records if all(w in _normalise(search_text(r)) for w in words)]
    if request.sort_key in sort_values:
        value = sort_values[request.sort_key]
        # None sorts first, like an empty cell.
        found.sort(key=lambda r: (value(r) is not None, value(r)), reverse=request.descending)
    items = found[request.offset : request.offset + request.limit]
    return Page(items=tuple(items), total=len(found), offset=request.offset)
