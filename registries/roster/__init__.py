"""Roster registries: «Сотрудники», «Ученики», «Выпускники и отчисленные», «Родители»,
«Классы»."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from backend.contract import Role
from registries.base.declaration import RegistryDeclaration
from registries.roster.classes import create_classes_registry
from registries.roster.former_students import FormerStudentsRegistry
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
        key="former_students",
        title=QT_TRANSLATE_NOOP("Registries", "Выпускники и отчисленные"),
        icon="graduates",
        menu_path=(REGISTRIES_FOLDER,),
        roles=frozenset({Role.EMPLOYEE}),
        create=FormerStudentsRegistry,
        order=25,
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
    RegistryDeclaration(
        key="classes",
        title=QT_TRANSLATE_NOOP("Registries", "Классы"),
        icon="classes",
        menu_path=(REGISTRIES_FOLDER,),
        roles=frozenset({Role.EMPLOYEE}),
        create=create_classes_registry,
        order=35,
    ),
)
