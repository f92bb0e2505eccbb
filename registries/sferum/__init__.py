"""«Сферум»: linking the account to Sferum, the registry of chats for staff (the linked account
for students and parents), the web messenger, and — while MAX is simulated — «МАХ (демо)», the
MAX side of the link."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from backend.contract import Role
from registries.base.declaration import (
    MAX_DEMO,
    SFERUM_LINKED,
    SFERUM_NOT_LINKED,
    RegistryDeclaration,
    made_by,
)

# Everyone with an ЭШ account can link it: staff, students, parents.
EVERYONE = frozenset({Role.EMPLOYEE, Role.STUDENT, Role.PARENT})
STAFF = frozenset({Role.EMPLOYEE})
REGISTRIES = (QT_TRANSLATE_NOOP("Registries", "Реестры"),)

DECLARATIONS = (
    RegistryDeclaration(
        key="sferum_link",
        title=QT_TRANSLATE_NOOP("Registries", "Привязать аккаунт к Сферум"),
        icon="sferum-link",
        menu_path=REGISTRIES,
        roles=EVERYONE,
        create=made_by("registries.sferum.link_dialog", "create"),
        on_desktop=True,
        dialog=True,
        order=50,
        shown_when=SFERUM_NOT_LINKED,
    ),
    # Staff: the registry with its tabs. In «Пуск» always (linking is possible there too); its
    # shortcut takes the place of «Привязать аккаунт к Сферум» once the account is linked.
    RegistryDeclaration(
        key="sferum",
        title=QT_TRANSLATE_NOOP("Registries", "Сферум"),
        icon="sferum",
        menu_path=REGISTRIES,
        roles=STAFF,
        create=made_by("registries.sferum.registry", "create"),
        on_desktop=True,
        order=50,
        shortcut_when=SFERUM_LINKED,
        size=(1260, 640),  # room for the whole toolbar of «Чаты»
    ),
    # Students and parents have no chats registry: the linked account, once it is linked.
    RegistryDeclaration(
        key="sferum_account",
        title=QT_TRANSLATE_NOOP("Registries", "Сферум"),
        icon="sferum",
        menu_path=REGISTRIES,
        roles=frozenset({Role.STUDENT, Role.PARENT}),
        hidden_from=STAFF,
        create=made_by("registries.sferum.sferum_window", "create"),
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
        create=made_by("registries.sferum.web_dialog", "create"),
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
        create=made_by("registries.sferum.max_demo_window", "create"),
        on_desktop=True,
        order=90,
        shown_when=MAX_DEMO,
    ),
)
