"""Text helpers shared by the services: person names and search keys."""

from __future__ import annotations


def full_name(last: str, first: str, middle: str = "") -> str:
    return " ".join(part for part in (last, first, middle) if part)


# The search key columns hold this many characters; casefolding can lengthen a text («ß» → «ss»).
SEARCH_KEY_LENGTH = 320


def search_key(*parts: str) -> str:
    """The form names are stored and searched in: casefolded, «ё» as «е», single spaces."""
    return normalize_search(" ".join(parts))[:SEARCH_KEY_LENGTH].rstrip()


def normalize_search(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())
