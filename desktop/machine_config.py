"""The per-machine configuration an IT person sets once for every user of a school PC.

A system-wide INI file — `/etc/xdg/esh-desktop/esh-desktop.ini` on Linux (any folder of
$XDG_CONFIG_DIRS), `%ProgramData%\\esh-desktop\\esh-desktop.ini` on Windows — and the
environment give the school server's address, and can lock the connection so that nobody starts
an empty embedded database by mistake:

    [connection]
    server_url = https://esh.school.ru
    locked = true

The environment variables ESH_SERVER_URL and ESH_CONNECTION_LOCKED win over the file; both
come before what a user chose in the login window.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop.connection import server_address

APP_NAME = "esh-desktop"
FILE_NAME = "esh-desktop.ini"
SERVER_ENV = "ESH_SERVER_URL"
LOCKED_ENV = "ESH_CONNECTION_LOCKED"
TRUE = ("1", "true", "yes", "on", "да")
FALSE = ("0", "false", "no", "off", "нет", "")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MachineConfig:
    server_url: str | None = None  # the school's server for every user of this PC
    locked: bool = False  # the connection cannot be changed in the login window
    source: str = ""  # where it came from, for messages and the log
    problem: str = ""  # a sentence when the file or a variable could not be used

    @property
    def given(self) -> bool:
        return self.server_url is not None


def machine_config_paths() -> list[Path]:
    """The system-wide files, the most important first."""
    folders = platformdirs.site_config_dir(APP_NAME, appauthor=False, multipath=True)
    return [Path(folder) / FILE_NAME for folder in folders.split(os.pathsep) if folder]


def load_machine_config(
    paths: Sequence[Path] | None = None, environ: Mapping[str, str] | None = None
) -> MachineConfig:
    environ = os.environ if environ is None else environ
    from_file = _from_files(machine_config_paths() if paths is None else paths)
    raw_url = environ.get(SERVER_ENV, "").strip()
    raw_locked = environ.get(LOCKED_ENV)
    if not raw_url and raw_locked is None:
        return from_file
    url, locked, source = from_file.server_url, from_file.locked, from_file.source
    problems = [from_file.problem] if from_file.problem else []
    if raw_url:
        try:
            url, source = server_address(raw_url), f"${SERVER_ENV}"
        except ValueError as error:
            problems.append(f"${SERVER_ENV}: {error}")
    if raw_locked is not None:
        parsed = _boolean(raw_locked)
        if parsed is None:
            problems.append(f"${LOCKED_ENV}: ожидается true или false, а не «{raw_locked}».")
        else:
            locked = parsed
    return MachineConfig(
        server_url=url,
        locked=locked and url is not None,
        source=source,
        problem=" ".join(problems),
    )


def _from_files(paths: Sequence[Path]) -> MachineConfig:
    for path in paths:
        if not path.is_file():
            continue
        import configparser  # most PCs have no such file: not loaded then

        parser = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=(";",))
        try:
            parser.read_string(_text_of(path), source=str(path))
        except (OSError, configparser.Error) as error:
            return MachineConfig(
                source=str(path), problem=f"{path}: не удалось прочитать ({error})."
            )
        section = parser["connection"] if parser.has_section("connection") else {}
        raw_url = section.get("server_url", "").strip()
        problems = []
        url = None
        if raw_url:
            try:
                url = server_address(raw_url)
            except ValueError as error:
                problems.append(f"{path}: {error}")
        locked = _boolean(section.get("locked", "false"))
        if locked is None:
            problems.append(f"{path}: в параметре locked ожидается true или false.")
        return MachineConfig(
            server_url=url,
            locked=bool(locked) and url is not None,
            source=str(path),
            problem=" ".join(problems),
        )
    return MachineConfig()


def _text_of(path: Path) -> str:
    """UTF-8 (Notepad writes a BOM), else Windows' Cyrillic code page, in which the Windows
    profile functions that installers use rewrite a file they do not know as Unicode."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")


def _boolean(text: str) -> bool | None:
    value = text.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    return None
