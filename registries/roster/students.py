"""Registry «Ученики», with a class filter; the administration enrols, transfers and expels."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox

from backend.contract import PageRequest, SchoolClass, Student
from registries.base import messages
from registries.base.changes import Topic
from registries.base.context import RegistryContext
from registries.base.registry_window import RegistryWindow
from registries.base.table_model import Column
from registries.roster.common import may_change_roster
from registries.roster.dialogs import ClassChoiceDialog
from registries.roster.edit_windows import StudentEditWindow

translate = QCoreApplication.translate

# What a change of the students touches: classes count them, parents show their classes.
STUDENT_CHANGES = (Topic.STUDENTS, Topic.CLASSES, Topic.PARENTS, Topic.CHATS)


def student_columns() -> list[Column[Student]]:
    return [
        Column(translate("StudentsRegistry", "ФИО"), lambda s: s.full_name, "full_name", 260),
        Column(translate("StudentsRegistry", "Класс"), lambda s: s.class_name, "class_name", 70),
        Column(
            translate("StudentsRegistry", "Дата рождения"),
            lambda s: s.birth_date,
            "birth_date",
            110,
        ),
        Column(
            translate("StudentsRegistry", "Родители"),
            lambda s: ", ".join(p.full_name for p in s.parents),
            None,
            380,
        ),
        Column(translate("StudentsRegistry", "Логин"), lambda s: s.login, "login", 140),
        Column(translate("StudentsRegistry", "Заблокирован"), lambda s: s.blocked, "blocked", 100),
    ]


def _with_class(student: Student) -> str:
    if student.class_name:
        return f"{student.full_name} ({student.class_name})"
    return student.full_name


class StudentsRegistry(RegistryWindow[Student]):
    classes_loaded = Signal()
    # An enrolment, a transfer or an expulsion is done and the list shows it.
    roster_changed = Signal()

    def __init__(self, context: RegistryContext, *, today: dt.date | None = None) -> None:
        editable = may_change_roster(context.user)
        super().__init__(
            context,
            key="students",
            title=translate("StudentsRegistry", "Ученики"),
            columns=student_columns(),
            fetch=self._fetch_students,
            on_add=self.add_student if editable else None,
            refresh_on=(Topic.STUDENTS, Topic.PARENTS),
        )
        self._today = today
        self.classes: list[SchoolClass] = []
        self.class_filter = QComboBox(self)
        self.class_filter.setObjectName("classFilter")
        self.class_filter.setMinimumWidth(110)
        self.class_filter.addItem(translate("StudentsRegistry", "Все классы"), None)
        self.class_filter.currentIndexChanged.connect(lambda _i: self.reload_from_first_page())
        self.add_filter(translate("StudentsRegistry", "Класс:"), self.class_filter)
        self.transfer_action = self.expel_action = None
        if editable:
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            self.transfer_action = self.add_tool_action(
                "transfer",
                translate("StudentsRegistry", "Перевести в другой класс"),
                self.transfer_selected,
                enabled_when=lambda records: bool(records) and bool(self.classes),
            )
            self.expel_action = self.add_tool_action(
                "expel",
                translate("StudentsRegistry", "Отчислить"),
                self.expel_selected,
                enabled_when=lambda records: len(records) == 1,
            )
            self.add_action.setEnabled(False)  # until the classes are known
        self.tasks.start(self._load_classes())

    async def _load_classes(self) -> None:
        classes = await self.context.backend.list_classes()
        self.classes = list(classes)
        self.class_filter.blockSignals(True)
        for school_class in classes:
            self.class_filter.addItem(school_class.name, school_class.id)
        self.class_filter.blockSignals(False)
        self.add_action.setEnabled(True)
        self._update_actions()
        self.classes_loaded.emit()

    def select_class(self, name: str) -> bool:
        index = self.class_filter.findText(name)
        if index >= 0:
            self.class_filter.setCurrentIndex(index)
        return index >= 0

    async def _fetch_students(self, request: PageRequest):
        return await self.context.backend.list_students(
            request, class_id=self.class_filter.currentData()
        )

    # --- roster events ----------------------------------------------------------------------
    def _changed(self) -> None:
        self.announce_changed(*STUDENT_CHANGES)
        self.roster_changed.emit()

    def add_student(self) -> None:
        """«Добавить»: «Ученик: Добавление»; saving enrols the student."""
        if not self.classes:
            return
        window = StudentEditWindow(
            self,
            self.context.backend,
            self.classes,
            class_id=self.class_filter.currentData(),
            today=self._today,
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.saved.connect(lambda _student: self._changed())
        window.open()

    def transfer_selected(self) -> None:
        students = self.selected_records()
        if students and self.classes:
            self.tasks.start(self._transfer(students))

    async def _transfer(self, students: list[Student]) -> None:
        current = {student.class_id for student in students}
        # Another class than the one they are in, when they are all in one.
        targets = [c for c in self.classes if len(current) > 1 or c.id not in current]
        if len(students) == 1:
            text = translate("StudentsRegistry", "Перевести ученика {name} в другой класс.").format(
                name=_with_class(students[0])
            )
        else:
            text = translate(
                "StudentsRegistry", "Перевести выбранных учеников ({count}) в другой класс."
            ).format(count=len(students))
        class_id = await ClassChoiceDialog.ask(
            self,
            title=translate("StudentsRegistry", "Перевод в другой класс"),
            text=text,
            ok_text=translate("StudentsRegistry", "Перевести"),
            classes=targets,
        )
        if class_id is None:
            return
        await self.context.backend.transfer_students([s.id for s in students], class_id)
        self._changed()

    def expel_selected(self) -> None:
        student = self.selected_record()
        if student is not None:
            self.tasks.start(self._expel(student))

    async def _expel(self, student: Student) -> None:
        if not await messages.ask_async(
            self,
            translate(
                "StudentsRegistry",
                "Отчислить ученика {name}? Ученик перейдет в реестр «Выпускники и отчисленные» "
                "и будет исключен из чатов класса в Сферуме.",
            ).format(name=_with_class(student)),
            translate("StudentsRegistry", "Отчисление"),
        ):
            return
        await self.context.backend.expel_student(student.id)
        self._changed()
