"""Registry «Сотрудники» (read-only for now)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from backend.contract import PageRequest, StaffMember
from backend.contract.phones import format_phone
from registries.base.context import RegistryContext
from registries.base.labels import position_type_label
from registries.base.registry_window import RegistryWindow
from registries.base.table_model import Column

translate = QCoreApplication.translate


def staff_columns() -> list[Column[StaffMember]]:
    return [
        Column(translate("StaffRegistry", "ФИО"), lambda s: s.full_name, "full_name", 260),
        Column(translate("StaffRegistry", "Должность"), lambda s: s.position, "position", 280),
        Column(
            translate("StaffRegistry", "Тип должности"),
            lambda s: position_type_label(s.position_type),
            "position_type",
            180,
        ),
        Column(translate("StaffRegistry", "Дата приема"), lambda s: s.hired_on, "hired_on", 100),
        Column(translate("StaffRegistry", "Телефон"), lambda s: format_phone(s.phone), None, 140),
        Column(translate("StaffRegistry", "Логин"), lambda s: s.login, "login", 140),
        Column(translate("StaffRegistry", "Заблокирован"), lambda s: s.blocked, "blocked", 100),
    ]


def create_staff_registry(context: RegistryContext) -> RegistryWindow[StaffMember]:
    async def fetch(request: PageRequest):
        return await context.backend.list_staff(request)

    return RegistryWindow(
        context,
        key="staff",
        title=translate("StaffRegistry", "Сотрудники"),
        columns=staff_columns(),
        fetch=fetch,
    )
