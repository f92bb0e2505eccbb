"""Searching, sorting and slicing a query according to a PageRequest."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session

from backend.contract.errors import ValidationFailed
from backend.contract.types import MAX_PAGE_SIZE, PageRequest
from backend.services.text import normalize_search

MAX_SEARCH_LENGTH = 200

# A sort key names one column or several (compared in order).
SortColumns = ColumnElement[Any] | tuple[ColumnElement[Any], ...]


def check_page_request(page: PageRequest, sort_keys: Mapping[str, Any]) -> None:
    errors = {}
    if page.offset < 0:
        errors["offset"] = "Смещение не может быть отрицательным."
    if not 1 <= page.limit <= MAX_PAGE_SIZE:
        errors["limit"] = f"Размер страницы должен быть от 1 до {MAX_PAGE_SIZE}."
    if len(page.search) > MAX_SEARCH_LENGTH:
        errors["search"] = f"Строка поиска длиннее {MAX_SEARCH_LENGTH} символов."
    if "\x00" in page.search:
        errors["search"] = "Строка поиска содержит недопустимые символы."
    if page.sort_key is not None and page.sort_key not in sort_keys:
        errors["sort_key"] = "Сортировка по этому полю недоступна."
    if errors:
        raise ValidationFailed("Неверные параметры запроса списка.", errors)


def search_condition(page: PageRequest, column: ColumnElement[str]) -> ColumnElement[bool] | None:
    """Every word typed must occur in the search key (order does not matter)."""
    words = normalize_search(page.search).split()
    if not words:
        return None
    return and_(*(column.contains(word, autoescape=True) for word in words))


def fetch_page(
    session: Session,
    stmt: Select[Any],
    page: PageRequest,
    *,
    sort_keys: Mapping[str, SortColumns],
    default_sort: Sequence[ColumnElement[Any]],
    tiebreaker: ColumnElement[Any],
    count_stmt: Select[Any] | None = None,
) -> tuple[Sequence[Any], int]:
    """Rows of one page and the total number of matching rows.

    `count_stmt`, when given, selects the same rows more cheaply (without joins that only
    matter for searching or sorting) and is what gets counted.

    The page is found on the tiebreaker column alone and only its rows are then read in full:
    the database sorts narrow rows and can leave out joins that add columns but not rows.
    """
    check_page_request(page, sort_keys)
    keys_only = stmt.with_only_columns(tiebreaker).order_by(None)
    counted = keys_only if count_stmt is None else count_stmt
    total = session.scalar(select(func.count()).select_from(counted.subquery())) or 0
    if page.sort_key is not None:
        columns = sort_keys[page.sort_key]
        columns = columns if isinstance(columns, tuple) else (columns,)
        order = [column.desc() if page.descending else column.asc() for column in columns]
    else:
        order = list(default_sort)
    keys = session.scalars(
        keys_only.order_by(*order, tiebreaker).offset(page.offset).limit(page.limit)
    ).all()
    if not keys:
        return [], total
    rows = session.execute(stmt.where(tiebreaker.in_(keys)).order_by(*order, tiebreaker)).all()
    return rows, total
