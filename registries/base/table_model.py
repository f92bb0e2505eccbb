"""A table model over a list of contract records, described by its columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

translate = QCoreApplication.translate

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

RecordRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header, how to get the value from a record, how to sort by it."""

    title: str
    value: Callable[[T], Any]
    sort_key: str | None = None  # the backend's sort key; None: the column cannot be sorted
    width: int = 140
    check: bool = False  # a yes/no value shown as a check box
    align_right: bool = False
    # The cell's tooltip (e.g. why a chat is not synced); None: long texts show in full.
    tooltip: Callable[[T], str | None] | None = None
    # Whether the record's cell is a link (blue, underlined); the window decides what a click
    # on it does. None: never.
    link: Callable[[T], bool] | None = None
    # The text's colour for the record (e.g. a status), as a Qt colour name; None: the default.
    color: Callable[[T], str | None] | None = None


LINK_COLOR = "#15428b"


def display_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return translate("Values", "Да") if value else translate("Values", "Нет")
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Holds one page of records; sorting is asked of the backend via `sort_requested`."""

    sort_requested = Signal(str, bool)  # sort key, descending

    def __init__(
        self,
        columns: Sequence[Column[T]],
        *,
        bold: Callable[[T], bool] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records: list[T] = []
        self._bold = bold

    # --- the records ----------------------------------------------------------------------
    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def update_records(self, records: Sequence[T]) -> bool:
        """Show `records` without a reset when they are the same rows as now (by `id`, in the
        same order): only changed rows are repainted, selection and scrolling stay. Returns
        False when the rows differ and the model was reset instead."""
        new = list(records)
        if len(new) != len(self._records) or any(
            getattr(old, "id", old) != getattr(record, "id", record)
            for old, record in zip(self._records, new, strict=True)
        ):
            self.set_records(new)
            return False
        changed = [
            row
            for row, (old, record) in enumerate(zip(self._records, new, strict=True))
            if old != record
        ]
        self._records = new
        last = len(self._columns) - 1
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        return True

    def record(self, row: int) -> T:
        return self._records[row]

    def records(self) -> list[T]:
        return list(self._records)

    def column(self, index: int) -> Column[T]:
        return self._columns[index]

    def columns(self) -> list[Column[T]]:
        return list(self._columns)

    # --- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return None if column.check else display_text(column.value(record))
        if role == Qt.ItemDataRole.CheckStateRole and column.check:
            return Qt.CheckState.Checked if column.value(record) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip is not None:
                return column.tooltip(record) or None
            text = display_text(column.value(record))
            return text if len(text) > 30 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.check:
                return int(Qt.AlignmentFlag.AlignCenter)
            if column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        is_link = column.link is not None and column.link(record)
        if role == Qt.ItemDataRole.FontRole:
            bold = self._bold is not None and self._bold(record)
            if not (bold or is_link):
                return None
            font = QFont()
            font.setBold(bold)
            font.setUnderline(is_link)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if is_link:
                return QColor(LINK_COLOR)
            name = column.color(record) if column.color is not None else None
            return QColor(name) if name else None
        if role == RecordRole:
            return record
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].sort_key
        if key is not None:
            self.sort_requested.emit(key, order == Qt.SortOrder.DescendingOrder)
