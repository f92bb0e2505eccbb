"""A single choice from a list the backend returns whole: a chat, a lesson of the timetable.

A search field filters the list as you type; a double click, Enter or «Выбрать» takes the
selected record, «Отмена» nothing. A coroutine awaits `choose()`; the dialog opens with
`open()`, never `exec()` (see PLATFORM-NOTES: qasync).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backend.contract import BackendError
from registries.base.dialogs import shown
from registries.base.search_box import SearchBox
from registries.base.table_model import Column, RecordTableModel
from registries.base.tasks import TaskRunner

translate = QCoreApplication.translate
T = TypeVar("T")


def _normalise(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


class RecordPicker(QDialog, Generic[T]):
    loaded = Signal()  # the list is on screen

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        columns: Sequence[Column[T]],
        load: Callable[[], Awaitable[Sequence[T]]],
        search_text: Callable[[T], str],
        empty_text: str,
        current: Callable[[T], bool] | None = None,
    ) -> None:
        """`load` fetches the records; `search_text` is what the search field looks in;
        `empty_text` says why there is nothing to choose; `current` marks the record to
        select at first (what the field holds now)."""
        super().__init__(parent)
        self.setObjectName("recordPicker")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._search_text = search_text
        self._empty_text = empty_text
        self._current = current
        self._records: list[T] = []
        self._chosen: T | None = None
        self.tasks = TaskRunner(self)

        self.search_box = SearchBox(self)
        self.search_box.search_changed.connect(self._filter)
        self.model: RecordTableModel[T] = RecordTableModel(columns, parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("pickerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for index, column in enumerate(columns):
            header.resizeSection(index, column.width)
        self.table.activated.connect(lambda _index: self.accept())
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self.model.modelReset.connect(self._update_button)
        self.status_label = QLabel(translate("RecordPicker", "Загрузка…"), self)
        self.status_label.setObjectName("pickerStatus")
        self.status_label.setWordWrap(True)

        self.choose_button = QPushButton(translate("RecordPicker", "Выбрать"), self)
        self.choose_button.setObjectName("okButton")
        self.choose_button.setDefault(True)
        self.choose_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(translate("RecordPicker", "Отмена"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(sum(c.width for c in columns) + 60, 480)
        self._update_button()
        self.tasks.start(self._load(load), on_error=self._failed)

    async def _load(self, load: Callable[[], Awaitable[Sequence[T]]]) -> None:
        self._records = list(await load())
        self._filter(self.search_box.text().strip())
        if self._current is not None:
            for row, record in enumerate(self.model.records()):
                if self._current(record):
                    self.table.selectRow(row)
                    self.table.scrollTo(self.model.index(row, 0))
                    break
        self.table.setFocus()
        self.loaded.emit()

    def _failed(self, error: BackendError) -> None:
        self.status_label.setText(error.message)
        self.tasks.report(error)

    def _filter(self, text: str) -> None:
        words = _normalise(text).split()
        found = [
            r for r in self._records if all(w in _normalise(self._search_text(r)) for w in words)
        ]
        self.model.set_records(found)
        if found:
            self.table.selectRow(0)
            self.status_label.setText(
                translate("RecordPicker", "Найдено: {count}").format(count=len(found))
            )
        elif self._records:
            self.status_label.setText(translate("RecordPicker", "Ничего не найдено."))
        else:
            self.status_label.setText(self._empty_text)

    def records(self) -> list[T]:
        """What the list shows now."""
        return self.model.records()

    def select(self, predicate: Callable[[T], bool]) -> bool:
        """Select the first record shown that matches; for tests and keyboard helpers."""
        for row, record in enumerate(self.model.records()):
            if predicate(record):
                self.table.selectRow(row)
                return True
        return False

    def _update_button(self, *_args: Any) -> None:
        self.choose_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def accept(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self._chosen = self.model.record(rows[0].row())
        super().accept()

    async def choose(self) -> T | None:
        """Show the picker and wait; the chosen record, or None for «Отмена»."""
        accepted = await shown(self)  # the picker is deleted once it closes
        return self._chosen if accepted else None
