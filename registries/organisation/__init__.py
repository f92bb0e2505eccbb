"""«Администрирование / Настройки организации»."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from backend.contract import Role
from registries.base.declaration import RegistryDeclaration, made_by

DECLARATIONS = (
    RegistryDeclaration(
        key="organisation_settings",
        title=QT_TRANSLATE_NOOP("Registries", "Настройки организации"),
        icon="settings",
        menu_path=(QT_TRANSLATE_NOOP("Registries", "Администрирование"),),
        roles=frozenset({Role.ORG_ADMIN}),
        create=made_by("registries.organisation.settings_window", "OrganisationSettingsWindow"),
        dialog=True,
        order=10,
    ),
)
