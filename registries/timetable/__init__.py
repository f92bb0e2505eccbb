"""Registry «Расписание уроков»."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from backend.contract import Role
from registries.base.declaration import RegistryDeclaration, made_by
from registries.roster import REGISTRIES_FOLDER

DECLARATIONS = (
    RegistryDeclaration(
        key="timetable",
        title=QT_TRANSLATE_NOOP("Registries", "Расписание уроков"),
        icon="timetable",
        menu_path=(REGISTRIES_FOLDER,),
        roles=frozenset({Role.EMPLOYEE, Role.STUDENT, Role.PARENT}),
        create=made_by("registries.timetable.window", "TimetableRegistry"),
        on_desktop=True,
        order=40,
    ),
)
