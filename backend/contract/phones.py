"""Showing phone numbers the way ЭШ does: +7 (9XX) XXX-XX-XX."""

from __future__ import annotations


def format_phone(e164: str | None) -> str:
    """ "+79123456789" → "+7 (912) 345-67-89"; anything else is returned unchanged."""
    if not e164:
        return ""
    digits = e164[1:] if e164.startswith("+") else e164
    if len(digits) == 11 and digits.isdigit() and digits.startswith("7"):
        d = digits[1:]
        return f"+7 ({d[0:3]}) {d[3:6]}-{d[6:8]}-{d[8:10]}"
    return e164
