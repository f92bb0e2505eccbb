"""«Классный журнал / Журнал / Журнал на урок»."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from backend.contract import Role
from registries.base.declaration import RegistryDeclaration, made_by

DECLARATIONS = (
    RegistryDeclaration(
        key="lesson_journal",
        title=QT_TRANSLATE_NOOP("Registries", "Журнал на урок"),
        icon="journal",
        menu_path=(
            QT_TRANSLATE_NOOP("Registries", "Классный журнал"),
            QT_TRANSLATE_NOOP("Registries", "Журнал"),
        ),
        roles=frozenset({Role.TEACHER}),
        create=made_by("registries.journal.window", "JournalWindow"),
        on_desktop=True,
        order=10,
    ),
)
