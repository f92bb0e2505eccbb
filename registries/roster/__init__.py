"""Roster registries: «Сотрудники», «Ученики», «Родители»."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from backend.contract import Role
from registries.base.declaration import RegistryDeclaration
from registries.roster.parents import create_parents_registry
from registries.roster.staff import create_staff_registry
from registries.roster.students import StudentsRegistry

REGISTRIES_FOLDER = QT_TRANSLATE_NOOP("Registries", "Реестры")

DECLARATIONS = (
    RegistryDeclaration(
        key="staff",
        title=QT_TRANSLATE_NOOP("Registries", "Сотрудники"),
        icon="staff",
        menu_path=(REGISTRIES_FOLDER,),
        roles=frozenset({Role.EMPLOYEE}),
        create=create_staff_registry,
        on_desktop=True,
        order=10,
    ),
    RegistryDeclaration(
        key="students",
        title=QT_TRANSLATE_NOOP("Registries", "Ученики"),
        icon="students",
        menu_path=(REGISTRIES_FOLDER,),
        roles=frozenset({Role.EMPLOYEE}),
        create=StudentsRegistry,
        on_desktop=True,
        order=20,
    ),
    RegistryDeclaration(
        key="parents",
        title=QT_TRANSLATE_NOOP("Registries", "Родители"),
        icon="parents",
        menu_path=(REGISTRIES_FOLDER,),
        roles=frozenset({Role.EMPLOYEE}),
        create=create_parents_registry,
        on_desktop=True,
        order=30,
    ),
)
