"""Registry «Родители»; the administration links parents to children and unlinks them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal

from backend.contract import ChildRef, PageRequest, Parent
from backend.contract.phones import format_phone
from registries.base import messages
from registries.base.changes import Topic
from registries.base.context import RegistryContext
from registries.base.registry_window import RegistryWindow
from registries.base.table_model import Column
from registries.roster.common import may_change_roster
from registries.roster.dialogs import ChildChoiceDialog, StudentChoiceDialog

translate = QCoreApplication.translate

PARENT_CHANGES = (Topic.PARENTS, Topic.STUDENTS, Topic.CHATS)


def _child(child: ChildRef) -> str:
    return f"{child.full_name} ({child.class_name})" if child.class_name else child.full_name


def _children(parent: Parent) -> str:
    return ", ".join(_child(child) for child in parent.children)


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


class ParentsRegistry(RegistryWindow[Parent]):
    # A parent was linked to a child or unlinked, and the list shows it.
    roster_changed = Signal()

    def __init__(self, context: RegistryContext) -> None:
        super().__init__(
            context,
            key="parents",
            title=translate("ParentsRegistry", "Родители"),
            columns=parent_columns(),
            fetch=self._fetch_parents,
            refresh_on=(Topic.PARENTS,),
        )
        self.link_action = self.unlink_action = None
        if may_change_roster(context.user):
            self.link_action = self.add_tool_action(
                "link",
                translate("ParentsRegistry", "Связать с учеником"),
                self.link_selected,
                enabled_when=lambda records: len(records) == 1,
            )
            self.unlink_action = self.add_tool_action(
                "unlink",
                translate("ParentsRegistry", "Отвязать от ученика"),
                self.unlink_selected,
                enabled_when=lambda records: len(records) == 1 and bool(records[0].children),
            )

    async def _fetch_parents(self, request: PageRequest):
        return await self.context.backend.list_parents(request)

    def _changed(self) -> None:
        self.announce_changed(*PARENT_CHANGES)
        self.roster_changed.emit()

    def link_selected(self) -> None:
        parent = self.selected_record()
        if parent is not None:
            self.tasks.start(self._link(parent))

    async def _link(self, parent: Parent) -> None:
        choice = await StudentChoiceDialog.ask(
            self,
            self.context.backend,
            title=translate("ParentsRegistry", "Связать с учеником"),
            text=translate("ParentsRegistry", "Родитель: {name}. Найдите ученика.").format(
                name=parent.full_name
            ),
        )
        if choice is None:
            return
        await self.context.backend.link_parent(parent.id, choice.student.id, choice.relation)
        self._changed()

    def unlink_selected(self) -> None:
        parent = self.selected_record()
        if parent is not None and parent.children:
            self.tasks.start(self._unlink(parent))

    async def _unlink(self, parent: Parent) -> None:
        title = translate("ParentsRegistry", "Отвязать от ученика")
        if len(parent.children) == 1:
            child = parent.children[0]
        else:
            student_id = await ChildChoiceDialog.ask(
                self,
                title=title,
                text=translate(
                    "ParentsRegistry", "От какого ученика отвязать родителя {name}?"
                ).format(name=parent.full_name),
                children=parent.children,
            )
            if student_id is None:
                return
            child = next(c for c in parent.children if c.student_id == student_id)
        if not await messages.ask_async(
            self,
            translate(
                "ParentsRegistry",
                "Отвязать родителя {parent} от ученика {child}? Родитель будет исключен из "
                "родительского чата класса, если в классе нет других его детей.",
            ).format(parent=parent.full_name, child=_child(child)),
            title,
        ):
            return
        await self.context.backend.unlink_parent(parent.id, child.student_id)
        self._changed()


def create_parents_registry(context: RegistryContext) -> ParentsRegistry:
    return ParentsRegistry(context)
