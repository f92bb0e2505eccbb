"""The roster's small choices: a class, an employee, a student (by search), a child.

Each is opened from a coroutine through its `ask()` class method, which returns the choice or
None when the user pressed «Отмена».
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from backend.contract import Backend, ChildRef, PageRequest, SchoolClass, StaffMember, Student
from registries.base.dialogs import ChoiceDialog
from registries.base.search_box import SearchBox
from registries.base.table_model import Column, RecordTableModel
from registries.base.tasks import TaskRunner
from registries.roster.common import RELATIONS, relation_label

translate = QCoreApplication.translate


class ClassChoiceDialog(ChoiceDialog):
    """Which class: «Перевести в другой класс», «Восстановить»."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        text: str,
        ok_text: str,
        classes: Sequence[SchoolClass],
        current_id: int | None = None,
    ) -> None:
        super().__init__(parent, title=title, text=text, ok_text=ok_text)
        self.class_combo = QComboBox(self)
        self.class_combo.setObjectName("classCombo")
        for school_class in classes:
            self.class_combo.addItem(school_class.name, school_class.id)
        self.class_combo.setCurrentIndex(max(self.class_combo.findData(current_id), 0))
        self.add_row(translate("ClassChoiceDialog", "Класс"), self.class_combo)
        self.ok_button.setEnabled(self.class_combo.count() > 0)

    @classmethod
    async def ask(
        cls,
        parent: QWidget | None,
        *,
        title: str,
        text: str,
        ok_text: str,
        classes: Sequence[SchoolClass],
        current_id: int | None = None,
    ) -> int | None:
        dialog = cls(
            parent, title=title, text=text, ok_text=ok_text, classes=classes, current_id=current_id
        )
        return dialog.class_combo.currentData() if await dialog.choose() else None


@dataclass(frozen=True)
class EmployeeChoice:
    employee_id: int | None  # None: nobody


class EmployeeChoiceDialog(ChoiceDialog):
    """Who teaches: «Сменить классного руководителя», «Сменить учителя группы»."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        text: str,
        label: str,
        staff: Sequence[StaffMember],
        current_id: int | None,
    ) -> None:
        super().__init__(
            parent, title=title, text=text, ok_text=translate("EmployeeChoiceDialog", "Выбрать")
        )
        self.employee_combo = QComboBox(self)
        self.employee_combo.setObjectName("employeeCombo")
        self.employee_combo.addItem(translate("EmployeeChoiceDialog", "Не назначен"), None)
        for member in staff:
            self.employee_combo.addItem(f"{member.full_name} — {member.position}", member.id)
        self.employee_combo.setCurrentIndex(max(self.employee_combo.findData(current_id), 0))
        self.employee_combo.setMaxVisibleItems(20)
        # Long «ФИО — Должность» entries must not push the label out of the form.
        self.employee_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.employee_combo.setMinimumContentsLength(40)
        self.add_row(label, self.employee_combo)

    @classmethod
    async def ask(
        cls,
        parent: QWidget | None,
        *,
        title: str,
        text: str,
        label: str,
        staff: Sequence[StaffMember],
        current_id: int | None,
    ) -> EmployeeChoice | None:
        dialog = cls(
            parent, title=title, text=text, label=label, staff=staff, current_id=current_id
        )
        if not await dialog.choose():
            return None
        return EmployeeChoice(dialog.employee_combo.currentData())


@dataclass(frozen=True)
class StudentChoice:
    student: Student
    relation: str


def _student_columns() -> list[Column[Student]]:
    return [
        Column(translate("StudentChoiceDialog", "ФИО"), lambda s: s.full_name, width=250),
        Column(translate("StudentChoiceDialog", "Класс"), lambda s: s.class_name, width=60),
        Column(
            translate("StudentChoiceDialog", "Дата рождения"), lambda s: s.birth_date, width=100
        ),
    ]


class StudentChoiceDialog(ChoiceDialog):
    """A student found by name, and how the parent is related to them («Связать с учеником»)."""

    loaded = Signal()  # a list of students is on screen
    PAGE_SIZE = 50

    def __init__(self, parent: QWidget | None, backend: Backend, *, title: str, text: str) -> None:
        super().__init__(
            parent, title=title, text=text, ok_text=translate("StudentChoiceDialog", "Связать")
        )
        self.backend = backend
        self.tasks = TaskRunner(self)
        self._generation = 0
        # Enter in the search field searches; it does not link.
        self.ok_button.setDefault(False)
        self.ok_button.setAutoDefault(False)
        self.search_box = SearchBox(self)
        self.search_box.setPlaceholderText(
            translate("StudentChoiceDialog", "Фамилия, имя или отчество ученика")
        )
        self.search_box.search_changed.connect(self.search)
        self.add_row(translate("StudentChoiceDialog", "Поиск"), self.search_box)
        self.model: RecordTableModel[Student] = RecordTableModel(_student_columns(), parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("studentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for index, column in enumerate(self.model.columns()):
            header.resizeSection(index, column.width)
        self.table.selectionModel().selectionChanged.connect(self._update_ok)
        self.table.activated.connect(lambda _index: self._accept_if_ready())
        self.status_label = QLabel(self)
        self.status_label.setObjectName("choiceStatus")
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.status_label)
        self.relation_combo = QComboBox(self)
        self.relation_combo.setObjectName("relationCombo")
        self.relation_combo.setPlaceholderText(translate("StudentChoiceDialog", "Выберите"))
        for relation in RELATIONS:
            self.relation_combo.addItem(relation_label(relation), relation)
        self.relation_combo.setCurrentIndex(-1)
        self.relation_combo.currentIndexChanged.connect(self._update_ok)
        self.add_row(
            translate("StudentChoiceDialog", "Кем приходится"), self.relation_combo, below=True
        )
        self.resize(560, 460)
        self._update_ok()
        self.search("")

    def search(self, text: str) -> None:
        self._generation += 1
        self.tasks.start(self._load(text, self._generation))

    async def _load(self, text: str, generation: int) -> None:
        self.status_label.setText(translate("StudentChoiceDialog", "Загрузка…"))
        page = await self.backend.list_students(
            PageRequest(limit=self.PAGE_SIZE, search=text, sort_key="full_name")
        )
        if generation != self._generation:
            return
        self.model.set_records(page.items)
        if page.total > len(page.items):
            status = translate(
                "StudentChoiceDialog", "Показаны первые {shown} из {total}: уточните поиск"
            ).format(shown=len(page.items), total=page.total)
        elif page.items:
            status = translate("StudentChoiceDialog", "Найдено: {total}").format(total=page.total)
        else:
            status = translate("StudentChoiceDialog", "Ученики не найдены")
        self.status_label.setText(status)
        if len(page.items) == 1:
            self.table.selectRow(0)
        self._update_ok()
        self.loaded.emit()

    def selected_student(self) -> Student | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update_ok(self, *_args: object) -> None:
        self.ok_button.setEnabled(
            self.selected_student() is not None and self.relation_combo.currentIndex() >= 0
        )

    def _accept_if_ready(self) -> None:
        if self.ok_button.isEnabled():
            self.accept()

    @classmethod
    async def ask(
        cls, parent: QWidget | None, backend: Backend, *, title: str, text: str
    ) -> StudentChoice | None:
        dialog = cls(parent, backend, title=title, text=text)
        if not await dialog.choose():
            return None
        student = dialog.selected_student()
        if student is None:
            return None
        return StudentChoice(student, dialog.relation_combo.currentData())


class ChildChoiceDialog(ChoiceDialog):
    """Which of a parent's children: «Отвязать от ученика»."""

    def __init__(
        self, parent: QWidget | None, *, title: str, text: str, children: Sequence[ChildRef]
    ) -> None:
        super().__init__(
            parent, title=title, text=text, ok_text=translate("ChildChoiceDialog", "Отвязать")
        )
        self.child_combo = QComboBox(self)
        self.child_combo.setObjectName("childCombo")
        for child in children:
            shown = (
                f"{child.full_name} ({child.class_name})" if child.class_name else child.full_name
            )
            self.child_combo.addItem(shown, child.student_id)
        self.add_row(translate("ChildChoiceDialog", "Ученик"), self.child_combo)

    @classmethod
    async def ask(
        cls, parent: QWidget | None, *, title: str, text: str, children: Sequence[ChildRef]
    ) -> int | None:
        dialog = cls(parent, title=title, text=text, children=children)
        return dialog.child_combo.currentData() if await dialog.choose() else None
