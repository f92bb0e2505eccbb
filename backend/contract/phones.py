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


_DIGITS = "0123456789"
_PHONE_CHARACTERS = frozenset(_DIGITS + "+-() .")
PHONE_FORMAT_MESSAGE = "Номер телефона должен соответствовать формату +7 (9XX) XXX-XX-XX."


def normalize_mobile(text: str) -> str | None:
    """A Russian mobile number however it was typed or pasted — «+7 (912) 345-67-89»,
    «8 912 345 67 89», «9123456789» — as +79123456789; None for anything else."""
    import phonenumbers  # loaded when a number is first checked, not at start-up

    typed = text.strip()
    if not typed or any(ch not in _PHONE_CHARACTERS for ch in typed) or "+" in typed[1:]:
        return None
    digits = "".join(ch for ch in typed if ch in _DIGITS)
    if typed.startswith("+"):
        candidate = "+" + digits
    elif len(digits) == 10:
        candidate = "+7" + digits  # 9XX XXX-XX-XX without the country
    elif len(digits) == 11 and digits[0] in "78":
        candidate = "+7" + digits[1:]  # 8 9XX … or 7 9XX …
    else:
        return None
    if len(candidate) != 12:
        return None
    try:
        number = phonenumbers.parse(candidate, "RU")
    except phonenumbers.NumberParseException:
        return None
    if (
        number.country_code != 7
        or phonenumbers.region_code_for_number(number) != "RU"
        or phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE
        or not phonenumbers.is_valid_number(number)
    ):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
