"""What a registry window receives from the desktop."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from backend.contract import Backend, CurrentUser
from registries.base.changes import ChangeBus


def local_now() -> dt.datetime:
    """Now, aware, in this computer's time zone (taken as the school's)."""
    return dt.datetime.now().astimezone()


@dataclass(frozen=True)
class RegistryContext:
    backend: Backend
    user: CurrentUser
    # Remembered window state (column widths, sizes); not the user's preferences.
    state: QSettings
    # The desktop window: parent of dialogs opened from registries.
    desktop: QWidget | None = None
    # Open (or bring forward) another registry by its key.
    open_registry: Callable[[str], None] = lambda _key: None
    # Something that changes the desktop's shortcuts happened (e.g. a link to Sferum).
    states_may_have_changed: Callable[[], None] = lambda: None
    # Where windows tell each other what an operation changed; None: nobody listens.
    changes: ChangeBus | None = None
    # "Now", aware, in the school's time zone: default dates and times, "not in the past".
    # Injected so that tests can share the backend's clock.
    now: Callable[[], dt.datetime] = local_now
