"""Every declared operation: importing the service modules declares them."""

from __future__ import annotations

import importlib
from functools import cache

from backend.operations.declaration import Operation, declared

SERVICE_MODULES = (
    "backend.services.roster",
    "backend.services.timetable",
    "backend.services.organisation",
    "backend.services.sferum",
    "backend.services.roster_events",
    "backend.services.chats",
    "backend.services.conferences",
    "backend.services.journal",
)


@cache
def operations() -> dict[str, Operation]:
    """The operations by name, in the order their modules declare them."""
    for module in SERVICE_MODULES:
        importlib.import_module(module)
    return declared()
