"""Registry «Расписание уроков»."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from backend.contract import Role
from registries.base.declaration import RegistryDeclaration
from registries.roster import REGISTRIES_FOLDER
from registries.timetable.window import TimetableRegistry

DECLARATIONS = (
    RegistryDeclaration(
        key="timetable",
        title=QT_TRANSLATE_NOOP("Registries", "Расписание уроков"),
        icon="timetable",
        menu_path=(REGISTRIES_FOLDER,),
        roles=frozenset({Role.EMPLOYEE, Role.STUDENT, Role.PARENT}),
        create=TimetableRegistry,
        on_desktop=True,
        order=40,
    ),
)
