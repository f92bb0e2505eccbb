"""Registry «Сотрудники»; the administration hires («Добавить») and dismisses («Уволить»)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal

from backend.contract import PageRequest, StaffMember
from backend.contract.phones import format_phone
from registries.base import messages
from registries.base.changes import Topic
from registries.base.context import RegistryContext
from registries.base.labels import position_type_label
from registries.base.registry_window import RegistryWindow
from registries.base.table_model import Column
from registries.roster.common import may_change_roster
from registries.roster.edit_windows import StaffEditWindow

translate = QCoreApplication.translate

# A dismissed class teacher or group teacher leaves the classes' columns too.
STAFF_CHANGES = (Topic.STAFF, Topic.CLASSES, Topic.CHATS)


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


class StaffRegistry(RegistryWindow[StaffMember]):
    # A hiring or a dismissal is done and the list shows it.
    roster_changed = Signal()

    def __init__(self, context: RegistryContext) -> None:
        editable = may_change_roster(context.user)
        super().__init__(
            context,
            key="staff",
            title=translate("StaffRegistry", "Сотрудники"),
            columns=staff_columns(),
            fetch=self._fetch_staff,
            on_add=self.add_employee if editable else None,
            refresh_on=(Topic.STAFF,),
        )
        self.dismiss_action = None
        if editable:
            self.dismiss_action = self.add_tool_action(
                "expel",
                translate("StaffRegistry", "Уволить"),
                self.dismiss_selected,
                # Nobody dismisses themselves.
                enabled_when=lambda records: (
                    len(records) == 1 and records[0].id != context.user.employee_id
                ),
            )

    async def _fetch_staff(self, request: PageRequest):
        return await self.context.backend.list_staff(request)

    def _changed(self) -> None:
        self.announce_changed(*STAFF_CHANGES)
        self.roster_changed.emit()

    def add_employee(self) -> None:
        """«Добавить»: «Сотрудник: Добавление»; saving hires the employee."""
        window = StaffEditWindow(self, self.context.backend)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.saved.connect(lambda _member: self._changed())
        window.open()

    def dismiss_selected(self) -> None:
        member = self.selected_record()
        if member is not None:
            self.tasks.start(self._dismiss(member))

    async def _dismiss(self, member: StaffMember) -> None:
        if not await messages.ask_async(
            self,
            translate(
                "StaffRegistry",
                "Уволить сотрудника {name} ({position})? Сотрудник будет исключен из чатов "
                "организации в Сферуме.",
            ).format(name=member.full_name, position=member.position),
            translate("StaffRegistry", "Увольнение"),
        ):
            return
        await self.context.backend.dismiss_employee(member.id)
        self._changed()


def create_staff_registry(context: RegistryContext) -> StaffRegistry:
    return StaffRegistry(context)
