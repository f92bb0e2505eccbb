"""Which backend the desktop talks to: the embedded database or a server at an address."""

from __future__ import annotations

from typing import NamedTuple


class Connection(NamedTuple):  # not a dataclass: this module loads before the first paint
    server_url: str | None = None  # None: the embedded database on this PC

    @property
    def is_server(self) -> bool:
        return self.server_url is not None


def server_address(text: str) -> str:
    """A server address as typed («esh.school.ru:8443», «http://10.0.0.5:8000/») made uniform.

    Raises ValueError with a sentence for the user when it cannot be an address.
    """
    from urllib.parse import urlsplit, urlunsplit  # not needed before the first address

    text = text.strip()
    if not text:
        raise ValueError("Укажите адрес сервера, например https://esh.school.ru")
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in text:
        raise ValueError(
            "Адрес сервера указан неверно. Пример правильного адреса: https://esh.school.ru"
        )
    try:
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        raise ValueError("В адресе сервера неверно указан порт.") from None
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))
