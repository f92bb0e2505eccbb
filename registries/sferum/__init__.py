"""«Сферум»: linking the account to Sferum, the linked account, the web messenger, and — while
MAX is simulated — «МАХ (демо)», the MAX side of the link."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from backend.contract import Role
from registries.base.declaration import (
    MAX_DEMO,
    SFERUM_LINKED,
    SFERUM_NOT_LINKED,
    RegistryDeclaration,
)
from registries.sferum import link_dialog, max_demo_window, sferum_window, web_dialog

# Everyone with an ЭШ account can link it: staff, students, parents.
EVERYONE = frozenset({Role.EMPLOYEE, Role.STUDENT, Role.PARENT})
REGISTRIES = (QT_TRANSLATE_NOOP("Registries", "Реестры"),)

DECLARATIONS = (
    RegistryDeclaration(
        key="sferum_link",
        title=QT_TRANSLATE_NOOP("Registries", "Привязать аккаунт к Сферум"),
        icon="sferum-link",
        menu_path=REGISTRIES,
        roles=EVERYONE,
        create=link_dialog.create,
        on_desktop=True,
        dialog=True,
        order=50,
        shown_when=SFERUM_NOT_LINKED,
    ),
    RegistryDeclaration(
        key="sferum",
        title=QT_TRANSLATE_NOOP("Registries", "Сферум"),
        icon="sferum",
        menu_path=REGISTRIES,
        roles=EVERYONE,
        create=sferum_window.create,
        on_desktop=True,
        order=50,
        shown_when=SFERUM_LINKED,
    ),
    RegistryDeclaration(
        key="sferum_web",
        title=QT_TRANSLATE_NOOP("Registries", "Перейти в Сферум"),
        icon="sferum-web",
        menu_path=REGISTRIES,
        roles=EVERYONE,
        create=web_dialog.create,
        on_desktop=True,
        dialog=True,
        order=51,
        shown_when=SFERUM_LINKED,
    ),
    RegistryDeclaration(
        key="max_demo",
        title=QT_TRANSLATE_NOOP("Registries", "МАХ (демо)"),
        icon="max",
        menu_path=REGISTRIES,
        roles=EVERYONE,
        create=max_demo_window.create,
        on_desktop=True,
        order=90,
        shown_when=MAX_DEMO,
    ),
)
