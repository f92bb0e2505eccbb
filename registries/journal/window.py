"""«Журнал на урок»: the logged-in teacher's lessons of a day and the tab «Урок»."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from backend.contract import Lesson
from registries.base.context import RegistryContext
from registries.base.icons import icon
from registries.base.registry_window import close_window_of
from registries.base.table_model import Column, RecordTableModel
from registries.base.tasks import TaskRunner

translate = QCoreApplication.translate


def lesson_columns() -> list[Column[Lesson]]:
    return [
        Column(translate("JournalWindow", "№"), lambda x: x.number, None, 36, align_right=True),
        Column(
            translate("JournalWindow", "Время"),
            lambda x: f"{x.starts_at:%H:%M}–{x.ends_at:%H:%M}",
            None,
            96,
        ),
        Column(translate("JournalWindow", "Класс/Группа"), lambda x: x.group_name, None, 120),
        Column(translate("JournalWindow", "Предмет"), lambda x: x.subject_name, None, 200),
    ]


class JournalWindow(QWidget):
    loaded = Signal()

    def __init__(self, context: RegistryContext, *, today: dt.date | None = None) -> None:
        super().__init__()
        self.setObjectName("journalWindow")
        self.setWindowTitle(translate("JournalWindow", "Журнал на урок"))
        self.context = context
        self.tasks = TaskRunner(self)

        toolbar = QToolBar(self)
        toolbar.setObjectName("registryToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        previous_day = toolbar.addAction(icon("page-prev"), "")
        previous_day.setToolTip(translate("JournalWindow", "Предыдущий день"))
        previous_day.setShortcut(QKeySequence("Alt+Left"))
        previous_day.triggered.connect(lambda: self._shift(-1))
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("lessonDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.date_edit.setDate(QDate(today or dt.date.today()))
        self.date_edit.dateChanged.connect(lambda _d: self.reload())
        toolbar.addWidget(self.date_edit)
        next_day = toolbar.addAction(icon("page-next"), "")
        next_day.setToolTip(translate("JournalWindow", "Следующий день"))
        next_day.setShortcut(QKeySequence("Alt+Right"))
        next_day.triggered.connect(lambda: self._shift(1))
        today_action = toolbar.addAction(icon("calendar"), translate("JournalWindow", "Сегодня"))
        today_action.triggered.connect(lambda: self.date_edit.setDate(QDate.currentDate()))
        toolbar.addSeparator()
        refresh = toolbar.addAction(icon("refresh"), translate("JournalWindow", "Обновить"))
        refresh.setShortcut(QKeySequence("F5"))
        refresh.triggered.connect(self.reload)

        self.model: RecordTableModel[Lesson] = RecordTableModel(lesson_columns(), parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("lessonsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for index, column in enumerate(self.model.columns()):
            self.table.horizontalHeader().resizeSection(index, column.width)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.empty_label = QLabel(translate("JournalWindow", "На выбранную дату уроков нет."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.empty_label)

        self.tabs = QTabWidget(self)
        lesson_tab = QWidget(self.tabs)
        form = QFormLayout(lesson_tab)
        self.class_label = QLabel(lesson_tab)
        self.subject_label = QLabel(lesson_tab)
        self.time_label = QLabel(lesson_tab)
        self.topic_label = QLabel(lesson_tab)
        self.topic_label.setObjectName("topicLabel")
        self.topic_label.setWordWrap(True)
        form.addRow(translate("JournalWindow", "Класс/Группа:"), self.class_label)
        form.addRow(translate("JournalWindow", "Предмет:"), self.subject_label)
        form.addRow(translate("JournalWindow", "Время:"), self.time_label)
        form.addRow(translate("JournalWindow", "Тема:"), self.topic_label)
        self.tabs.addTab(lesson_tab, translate("JournalWindow", "Урок"))
        self.tabs.setEnabled(False)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setSizes([460, 420])
        close_button = QPushButton(translate("JournalWindow", "Закрыть"), self)
        close_button.clicked.connect(lambda: close_window_of(self))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(toolbar)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.reload()

    @property
    def date(self) -> dt.date:
        return self.date_edit.date().toPython()

    def _shift(self, days: int) -> None:
        self.date_edit.setDate(self.date_edit.date().addDays(days))

    def reload(self) -> None:
        self.tasks.cancel_all()
        self.tasks.start(self._load(self.date))

    async def _load(self, day: dt.date) -> None:
        lessons = await self.context.backend.timetable(
            day, day, teacher_id=self.context.user.employee_id
        )
        self.model.set_records(lessons)
        self.empty_label.setVisible(not lessons)
        if lessons:
            self.table.selectRow(0)
        else:
            self._show_selected()
        self.loaded.emit()

    def selected_lesson(self) -> Lesson | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _show_selected(self, *_args: object) -> None:
        lesson = self.selected_lesson()
        self.tabs.setEnabled(lesson is not None)
        if lesson is None:
            for label in (self.class_label, self.subject_label, self.time_label, self.topic_label):
                label.clear()
            return
        self.class_label.setText(lesson.group_name)
        self.subject_label.setText(lesson.subject_name)
        self.time_label.setText(
            translate("JournalWindow", "{number} урок, {start}–{end}").format(
                number=lesson.number,
                start=f"{lesson.starts_at:%H:%M}",
                end=f"{lesson.ends_at:%H:%M}",
            )
        )
        self.topic_label.setText(translate("JournalWindow", "Урок не привязан к КТП"))
