"""Roster registries: «Сотрудники», «Ученики», «Выпускники и отчисленные», «Родители»,
«Классы»."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from backend.contract import Role
from registries.base.declaration import RegistryDeclaration, made_by

REGISTRIES_FOLDER = QT_TRANSLATE_NOOP("Registries", "Реестры")

DECLARATIONS = (
    RegistryDeclaration(
        key="staff",
        title=QT_TRANSLATE_NOOP("Registries", "Сотрудники"),
        icon="staff",
        menu_path=(REGISTRIES_FOLDER,),
        roles=frozenset({Role.EMPLOYEE}),
        create=made_by("registries.roster.staff", "create_staff_registry"),
        on_desktop=True,
        order=10,
    ),
    RegistryDeclaration(
        key="students",
        title=QT_TRANSLATE_NOOP("Registries", "Ученики"),
        icon="students",
        menu_path=(REGISTRIES_FOLDER,),
        roles=frozenset({Role.EMPLOYEE}),
        create=made_by("registries.roster.students", "StudentsRegistry"),
        on_desktop=True,
        order=20,
    ),
    RegistryDeclaration(
        key="former_students",
        title=QT_TRANSLATE_NOOP("Registries", "Выпускники и отчисленные"),
        icon="graduates",
        menu_path=(REGISTRIES_FOLDER,),
        roles=frozenset({Role.EMPLOYEE}),
        create=made_by("registries.roster.former_students", "FormerStudentsRegistry"),
        order=25,
    ),
    RegistryDeclaration(
        key="parents",
        title=QT_TRANSLATE_NOOP("Registries", "Родители"),
        icon="parents",
        menu_path=(REGISTRIES_FOLDER,),
        roles=frozenset({Role.EMPLOYEE}),
        create=made_by("registries.roster.parents", "create_parents_registry"),
        on_desktop=True,
        order=30,
    ),
    RegistryDeclaration(
        key="classes",
        title=QT_TRANSLATE_NOOP("Registries", "Классы"),
        icon="classes",
        menu_path=(REGISTRIES_FOLDER,),
        roles=frozenset({Role.EMPLOYEE}),
        create=made_by("registries.roster.classes", "create_classes_registry"),
        order=35,
    ),
)
