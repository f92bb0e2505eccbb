"""Registry «Родители» (read-only for now)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from backend.contract import PageRequest, Parent
from backend.contract.phones import format_phone
from registries.base.context import RegistryContext
from registries.base.registry_window import RegistryWindow
from registries.base.table_model import Column

translate = QCoreApplication.translate


def _children(parent: Parent) -> str:
    return ", ".join(
        f"{child.full_name} ({child.class_name})" if child.class_name else child.full_name
        for child in parent.children
    )


def parent_columns() -> list[Column[Parent]]:
    return [
        Column(translate("ParentsRegistry", "ФИО"), lambda p: p.full_name, "full_name", 260),
        Column(translate("ParentsRegistry", "Дети"), _children, None, 340),
        Column(
            translate("ParentsRegistry", "Телефон"), lambda p: format_phone(p.phone), "phone", 150
        ),
        Column(translate("ParentsRegistry", "Логин"), lambda p: p.login, "login", 150),
        Column(translate("ParentsRegistry", "Заблокирован"), lambda p: p.blocked, "blocked", 100),
    ]


def create_parents_registry(context: RegistryContext) -> RegistryWindow[Parent]:
    async def fetch(request: PageRequest):
        return await context.backend.list_parents(request)

    return RegistryWindow(
        context,
        key="parents",
        title=translate("ParentsRegistry", "Родители"),
        columns=parent_columns(),
        fetch=fetch,
    )
