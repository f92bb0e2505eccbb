"""The product's one version, read from the installed package's metadata.

Desktops and servers of different versions meet on every school network: a server is upgraded
while some PCs are not yet. The compatibility window is written down here: the oldest desktop a
server still serves, and the oldest server a desktop can work with.
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache

DISTRIBUTION = "esh-desktop"
# Raise when the server stops answering what desktops older than this rely on.
OLDEST_DESKTOP_SERVED = "0.1.0"
# Raise when the desktop starts relying on what servers older than this do not offer.
OLDEST_SERVER_SUPPORTED = "0.1.0"
# Before 0.2.0 neither servers nor desktops said which version they were.
UNREPORTED_VERSION = "0.1.0"


@cache
def current_version() -> str:
    """The installed distribution's version (its METADATA file, read directly: importing
    `importlib.metadata` costs the start-up some 30 ms)."""
    version = _version_in_metadata_file()
    if version is not None:
        return version
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"  # run from a folder that was never installed: no metadata


def _version_in_metadata_file() -> str | None:
    prefix = DISTRIBUTION.replace("-", "_") + "-"
    for folder in sys.path:
        try:
            entries = os.scandir(folder or ".")
        except OSError:
            continue
        with entries:
            found = [
                entry.path
                for entry in entries
                if entry.name.startswith(prefix) and entry.name.endswith(".dist-info")
            ]
        for path in found:
            try:
                with open(os.path.join(path, "METADATA"), encoding="utf-8") as lines:
                    for line in lines:
                        if line.startswith("Version:"):
                            return line.split(":", 1)[1].strip()
                        if not line.strip():
                            break  # the headers are over
            except OSError:
                continue
    return None


def version_key(version: str) -> tuple[int, ...]:
    """Comparable form of "1.2.3" (a suffix such as ".dev4" or "+local" is ignored).

    Raises ValueError when the text does not start with a number.
    """
    match = re.match(r"^\s*v?(\d+(?:\.\d+)*)", version)
    if match is None:
        raise ValueError(f"not a version: {version!r}")
    parts = [int(part) for part in match.group(1).split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def is_older(version: str, than: str) -> bool:
    return version_key(version) < version_key(than)


def user_agent(version: str | None = None) -> str:
    """How the desktop names itself to a server: «esh-desktop/0.2.0»."""
    return f"{DISTRIBUTION}/{version or current_version()}"


def desktop_version_of(user_agent_header: str) -> str | None:
    """The desktop version in a User-Agent header, or None for any other client.

    Desktops before 0.2.0 sent a bare «esh-desktop»: they are 0.1.0.
    """
    header = (user_agent_header or "").strip()
    if header == DISTRIBUTION:
        return UNREPORTED_VERSION
    match = re.match(rf"^{DISTRIBUTION}/(\S+)", header)
    return match.group(1) if match else None
