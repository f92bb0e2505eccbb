"""Registry «Выпускники и отчисленные»: «Восстановить» and «Отменить восстановление».

Graduates and expelled students, and those restored whose restoration can still be cancelled
(«Восстановлен», in bold).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal

from backend.contract import Page, PageRequest, SchoolClass, Student, StudentStatus
from registries.base import messages
from registries.base.changes import Topic
from registries.base.context import RegistryContext
from registries.base.labels import student_status_label
from registries.base.registry_window import RegistryWindow
from registries.base.table_model import Column
from registries.roster.common import may_change_roster
from registries.roster.dialogs import ClassChoiceDialog
from registries.roster.students import STUDENT_CHANGES

translate = QCoreApplication.translate

FORMER = (StudentStatus.GRADUATED, StudentStatus.EXPELLED)


def former_status(student: Student) -> str:
    if student.restored and student.status is StudentStatus.ENROLLED:
        return translate("FormerStudentsRegistry", "Восстановлен")
    return student_status_label(student.status)


def former_student_columns() -> list[Column[Student]]:
    return [
        Column(translate("FormerStudentsRegistry", "ФИО"), lambda s: s.full_name, "full_name", 260),
        Column(
            translate("FormerStudentsRegistry", "Класс"), lambda s: s.class_name, "class_name", 70
        ),
        Column(translate("FormerStudentsRegistry", "Статус"), former_status, "status", 110),
        Column(
            translate("FormerStudentsRegistry", "Дата выбытия"), lambda s: s.left_on, "left_on", 110
        ),
        Column(
            translate("FormerStudentsRegistry", "Родители"),
            lambda s: ", ".join(p.full_name for p in s.parents),
            None,
            380,
        ),
    ]


def _is_restored(student: Student) -> bool:
    return student.restored and student.status is StudentStatus.ENROLLED


class FormerStudentsRegistry(RegistryWindow[Student]):
    classes_loaded = Signal()
    # A restoration or its cancellation is done and the list shows it.
    roster_changed = Signal()

    def __init__(self, context: RegistryContext) -> None:
        super().__init__(
            context,
            key="former_students",
            title=translate("FormerStudentsRegistry", "Выпускники и отчисленные"),
            columns=former_student_columns(),
            fetch=self._fetch,
            bold=_is_restored,
            refresh_on=(Topic.STUDENTS,),
        )
        self.classes: list[SchoolClass] = []
        self.restore_action = self.cancel_action = None
        if may_change_roster(context.user):
            self.restore_action = self.add_tool_action(
                "restore",
                translate("FormerStudentsRegistry", "Восстановить"),
                self.restore_selected,
                enabled_when=lambda records: (
                    len(records) == 1 and not _is_restored(records[0]) and bool(self.classes)
                ),
            )
            self.cancel_action = self.add_tool_action(
                "undo",
                translate("FormerStudentsRegistry", "Отменить восстановление"),
                self.cancel_selected,
                enabled_when=lambda records: len(records) == 1 and _is_restored(records[0]),
            )
            self.tasks.start(self._load_classes())

    async def _load_classes(self) -> None:
        self.classes = list(await self.context.backend.list_classes())
        self._update_actions()
        self.classes_loaded.emit()

    # --- the list ---------------------------------------------------------------------------
    async def _fetch(self, request: PageRequest) -> Page[Student]:
        return await self.context.backend.list_students(
            request, statuses=FORMER, include_restored=True
        )

    # --- roster events ----------------------------------------------------------------------
    def _changed(self) -> None:
        self.announce_changed(*STUDENT_CHANGES)
        self.roster_changed.emit()

    def restore_selected(self) -> None:
        student = self.selected_record()
        if student is not None and not _is_restored(student) and self.classes:
            self.tasks.start(self._restore(student))

    async def _restore(self, student: Student) -> None:
        class_id = await ClassChoiceDialog.ask(
            self,
            title=translate("FormerStudentsRegistry", "Восстановление ученика"),
            text=translate("FormerStudentsRegistry", "Восстановить ученика {name} в класс:").format(
                name=student.full_name
            ),
            ok_text=translate("FormerStudentsRegistry", "Восстановить"),
            classes=self.classes,
            current_id=student.class_id,  # their last class
        )
        if class_id is None:
            return
        await self.context.backend.restore_student(student.id, class_id)
        self._changed()

    def cancel_selected(self) -> None:
        student = self.selected_record()
        if student is not None and _is_restored(student):
            self.tasks.start(self._cancel(student))

    async def _cancel(self, student: Student) -> None:
        if not await messages.ask_async(
            self,
            translate(
                "FormerStudentsRegistry",
                "Отменить восстановление ученика {name}? Ученик и его родители будут исключены "
                "из всех чатов организации, в которые они были добавлены.",
            ).format(name=student.full_name),
            translate("FormerStudentsRegistry", "Отмена восстановления"),
        ):
            return
        await self.context.backend.cancel_restoration(student.id)
        self._changed()
