"""Registry «Классы»: classes with their class teachers and, below, the selected class's groups
with their teachers; the administration replaces either teacher."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableView,
    QToolBar,
    QVBoxLayout,
)

from backend.contract import Group, GroupKind, Page, PageRequest, SchoolClass
from registries.base.changes import Topic
from registries.base.context import RegistryContext
from registries.base.icons import icon
from registries.base.labels import group_kind_label
from registries.base.local_paging import page_locally
from registries.base.registry_window import RegistryWindow
from registries.base.table_model import Column, RecordTableModel
from registries.roster.common import all_staff, may_change_roster
from registries.roster.dialogs import EmployeeChoiceDialog

translate = QCoreApplication.translate

TEACHER_CHANGES = (Topic.CLASSES, Topic.CHATS)


def class_columns() -> list[Column[SchoolClass]]:
    return [
        Column(translate("ClassesRegistry", "Класс"), lambda c: c.name, "name", 80),
        Column(
            translate("ClassesRegistry", "Классный руководитель"),
            lambda c: c.class_teacher_name,
            "class_teacher_name",
            300,
        ),
        Column(
            translate("ClassesRegistry", "Учеников"),
            lambda c: c.student_count,
            "student_count",
            90,
        ),
    ]


def group_columns() -> list[Column[Group]]:
    return [
        Column(translate("ClassesRegistry", "Предмет"), lambda g: g.subject_name, width=240),
        Column(translate("ClassesRegistry", "Группа"), lambda g: g.name, width=140),
        Column(translate("ClassesRegistry", "Вид"), lambda g: group_kind_label(g.kind), width=100),
        Column(translate("ClassesRegistry", "Учитель"), lambda g: g.teacher_name, width=260),
        Column(
            translate("ClassesRegistry", "Учеников"),
            lambda g: g.student_count,
            width=80,
        ),
    ]


class ClassesRegistry(RegistryWindow[SchoolClass]):
    groups_loaded = Signal()
    # A class or group teacher was replaced and the lists show it.
    teacher_changed = Signal()

    def __init__(self, context: RegistryContext) -> None:
        super().__init__(
            context,
            key="classes",
            title=translate("ClassesRegistry", "Классы"),
            columns=class_columns(),
            fetch=self._fetch_classes,
            refresh_on=(Topic.CLASSES, Topic.STUDENTS, Topic.STAFF),
        )
        self._groups_generation = 0
        self._groups_class_id: int | None = None
        editable = may_change_roster(context.user)
        self.class_teacher_action = None
        if editable:
            self.class_teacher_action = self.add_tool_action(
                "teacher",
                translate("ClassesRegistry", "Сменить классного руководителя"),
                self.change_class_teacher,
                enabled_when=lambda records: len(records) == 1,
            )

        # The selected class's groups, below the classes.
        self.groups_model: RecordTableModel[Group] = RecordTableModel(group_columns(), parent=self)
        self.groups_toolbar = QToolBar(self)
        self.groups_toolbar.setObjectName("registryToolbar")
        self.groups_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.groups_title = QLabel(self.groups_toolbar)
        self.groups_title.setObjectName("groupsTitle")
        self.groups_title.setContentsMargins(6, 0, 12, 0)
        self.groups_toolbar.addWidget(self.groups_title)
        self.group_teacher_action = None
        if editable:
            self.group_teacher_action = self.groups_toolbar.addAction(
                icon("teacher"), translate("ClassesRegistry", "Сменить учителя группы")
            )
            self.group_teacher_action.triggered.connect(self.change_group_teacher)
        self.groups_table = QTableView(self)
        self.groups_table.setObjectName("groupsTable")
        self.groups_table.setModel(self.groups_model)
        self.groups_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.groups_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.groups_table.setAlternatingRowColors(True)
        self.groups_table.setWordWrap(False)
        self.groups_table.verticalHeader().hide()
        self.groups_table.verticalHeader().setDefaultSectionSize(24)
        header = self.groups_table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for index, column in enumerate(self.groups_model.columns()):
            header.resizeSection(index, column.width)
        self.groups_table.selectionModel().selectionChanged.connect(self._update_group_actions)
        self.groups_model.modelReset.connect(self._update_group_actions)
        panel = QFrame(self)
        panel.setObjectName("registryPanel")
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.setSpacing(0)
        panel_layout.addWidget(self.groups_toolbar)
        panel_layout.addWidget(self.groups_table, 1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, panel, 1)

        self.table.selectionModel().selectionChanged.connect(lambda *_: self._load_groups())
        self.loaded.connect(self._clear_groups_without_class)
        self._update_group_actions()

    async def _fetch_classes(self, request: PageRequest) -> Page[SchoolClass]:
        classes = await self.context.backend.list_classes()
        return page_locally(
            classes,
            request,
            search_text=lambda c: f"{c.name} {c.class_teacher_name or ''}",
            sort_values={
                "name": lambda c: (c.grade, c.letter),
                "class_teacher_name": lambda c: c.class_teacher_name or "",
                "student_count": lambda c: c.student_count,
            },
        )

    # --- the groups -------------------------------------------------------------------------
    def _clear_groups_without_class(self) -> None:
        if self.selected_record() is None:
            self._load_groups()

    def _load_groups(self) -> None:
        school_class = self.selected_record()
        self._groups_generation += 1
        if school_class is None:
            self._groups_class_id = None
            self.groups_title.setText(translate("ClassesRegistry", "Группы: выберите класс"))
            self.groups_model.set_records([])
            return
        self.groups_title.setText(
            translate("ClassesRegistry", "Группы класса {name}").format(name=school_class.name)
        )
        self.tasks.start(self._fetch_groups(school_class.id, self._groups_generation))

    async def _fetch_groups(self, class_id: int, generation: int) -> None:
        groups = await self.context.backend.list_groups(class_id=class_id)
        if generation != self._groups_generation:
            return
        selected = self.selected_group() if class_id == self._groups_class_id else None
        self._groups_class_id = class_id
        self.groups_model.set_records(
            sorted(groups, key=lambda g: (g.subject_name, g.kind is not GroupKind.CLASS, g.name))
        )
        for row, group in enumerate(self.groups_model.records()):
            if selected is not None and group.id == selected.id:
                self.groups_table.selectRow(row)
        self.groups_loaded.emit()

    def selected_group(self) -> Group | None:
        rows = self.groups_table.selectionModel().selectedRows()
        return self.groups_model.record(rows[0].row()) if rows else None

    def _update_group_actions(self, *_args: object) -> None:
        if self.group_teacher_action is not None:
            self.group_teacher_action.setEnabled(self.selected_group() is not None)

    # --- replacing teachers -----------------------------------------------------------------
    def _changed(self) -> None:
        self.announce_changed(*TEACHER_CHANGES)
        self.teacher_changed.emit()

    def change_class_teacher(self) -> None:
        school_class = self.selected_record()
        if school_class is not None:
            self.tasks.start(self._change_class_teacher(school_class))

    async def _change_class_teacher(self, school_class: SchoolClass) -> None:
        staff = await all_staff(self.context.backend)
        choice = await EmployeeChoiceDialog.ask(
            self,
            title=translate("ClassesRegistry", "Смена классного руководителя"),
            text=translate("ClassesRegistry", "Класс {name}.").format(name=school_class.name),
            label=translate("ClassesRegistry", "Классный руководитель"),
            staff=staff,
            current_id=school_class.class_teacher_id,
        )
        if choice is None or choice.employee_id == school_class.class_teacher_id:
            return
        await self.context.backend.set_class_teacher(school_class.id, choice.employee_id)
        self._changed()

    def change_group_teacher(self) -> None:
        group = self.selected_group()
        if group is not None:
            self.tasks.start(self._change_group_teacher(group))

    async def _change_group_teacher(self, group: Group) -> None:
        staff = await all_staff(self.context.backend)
        choice = await EmployeeChoiceDialog.ask(
            self,
            title=translate("ClassesRegistry", "Смена учителя группы"),
            text=translate("ClassesRegistry", "{subject}, группа {group} ({class_name}).").format(
                subject=group.subject_name, group=group.name, class_name=group.class_name
            ),
            label=translate("ClassesRegistry", "Учитель"),
            staff=staff,
            current_id=group.teacher_id,
        )
        if choice is None or choice.employee_id == group.teacher_id:
            return
        await self.context.backend.set_group_teacher(group.id, choice.employee_id)
        self._changed()


def create_classes_registry(context: RegistryContext) -> ClassesRegistry:
    return ClassesRegistry(context)
