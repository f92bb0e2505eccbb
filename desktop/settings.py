"""User preferences and remembered window state, each in its own INI file.

Preferences are declared once here, typed, with their defaults. Window state (sizes, column
widths) lives apart so that it can be thrown away without losing a preference.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings

from desktop.connection import Connection

APP_NAME = "esh-desktop"
LANGUAGES = ("system", "ru", "en")


def default_config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class Settings:
    def __init__(self, config_dir: Path | None = None) -> None:
        self.config_dir = config_dir or default_config_dir()
        self.config_dir.mkdir(parents=True, exist_ok=True)
        self._prefs = QSettings(str(self.config_dir / "settings.ini"), QSettings.Format.IniFormat)
        self.window_state = QSettings(
            str(self.config_dir / "window-state.ini"), QSettings.Format.IniFormat
        )

    def _get(self, key: str, default: str = "") -> str:
        value = self._prefs.value(key, default)
        return value if isinstance(value, str) else default

    # --- interface ------------------------------------------------------------------------
    @property
    def language(self) -> str:
        """ "system" follows the computer's locale; "ru" or "en" override it."""
        value = self._get("interface/language", "system")
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(value)
        self._prefs.setValue("interface/language", value)

    # --- login ----------------------------------------------------------------------------
    @property
    def last_organisation_id(self) -> int | None:
        value = self._get("login/organisation_id")
        return int(value) if value.isdigit() else None

    @last_organisation_id.setter
    def last_organisation_id(self, value: int | None) -> None:
        self._prefs.setValue("login/organisation_id", "" if value is None else str(value))

    @property
    def last_login(self) -> str:
        return self._get("login/login")

    @last_login.setter
    def last_login(self, value: str) -> None:
        self._prefs.setValue("login/login", value)

    @property
    def connection(self) -> Connection:
        """The last connection chosen in the login window."""
        url = self._get("connection/server_url")
        return Connection(url) if self._get("connection/kind") == "server" and url else Connection()

    @connection.setter
    def connection(self, value: Connection) -> None:
        self._prefs.setValue("connection/kind", "server" if value.is_server else "local")
        if value.server_url:
            self._prefs.setValue("connection/server_url", value.server_url)

    @property
    def last_server_url(self) -> str:
        return self._get("connection/server_url")

    # --- remembered login («Остаться в системе»), see desktop.credentials ----------------------
    @property
    def remembered_backend(self) -> str:
        """The backend whose login is remembered; "" when none is."""
        return self._get("session/backend")

    @property
    def remembered_file_token(self) -> str | None:
        """The token when it is kept in this file (no credential store); None otherwise."""
        return self._get("session/token") or None

    def remember_session(self, backend_key: str, *, file_token: str | None) -> None:
        self._prefs.setValue("session/backend", backend_key)
        if file_token:
            self._prefs.setValue("session/token", file_token)
        else:
            self._prefs.remove("session/token")
        self._prefs.sync()
        if file_token:
            self._keep_private()

    def _keep_private(self) -> None:
        """A token in the file is for its owner's eyes only (home folders are often
        readable by every user of the PC)."""
        with contextlib.suppress(OSError):
            os.chmod(self._prefs.fileName(), stat.S_IRUSR | stat.S_IWUSR)

    def forget_session(self) -> None:
        self._prefs.remove("session")
        self._prefs.sync()  # a forgotten token must be gone even if the program is killed

    @property
    def preferences_file(self) -> Path:
        return Path(self._prefs.fileName())

    def sync(self) -> None:
        self._prefs.sync()
        self.window_state.sync()
