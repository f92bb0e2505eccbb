"""Desktop shortcuts (ярлыки): a list model of declarations and an icon view over the desktop."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from registries.base.declaration import RegistryDeclaration, tr_registry
from registries.base.icons import icon

KeyRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class ShortcutModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[RegistryDeclaration] = []

    def set_shortcuts(self, declarations: Sequence[RegistryDeclaration]) -> None:
        self.beginResetModel()
        self._items = list(declarations)
        self.endResetModel()

    def retranslate(self) -> None:
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return tr_registry(item.title)
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(item.icon)
        if role == KeyRole:
            return item.key
        return None


class ShortcutDelegate(QStyledItemDelegate):
    """An icon over a caption in white with a dark shadow, readable on the blue desktop."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = option.rect.adjusted(2, 2, -2, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 70 if selected else 40))
            painter.drawRoundedRect(rect, 5, 5)
        icon_size = option.decorationSize
        icon_rect = rect.adjusted(0, 4, 0, 0)
        icon_rect.setSize(icon_size)
        icon_rect.moveLeft(rect.center().x() - icon_size.width() // 2 + 1)
        index.data(Qt.ItemDataRole.DecorationRole).paint(painter, icon_rect)
        text_rect = rect.adjusted(2, icon_size.height() + 8, -2, -2)
        flags = int(
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        )
        text = index.data(Qt.ItemDataRole.DisplayRole)
        painter.setFont(option.font)
        painter.setPen(QColor(0, 0, 0, 150))
        painter.drawText(text_rect.translated(1, 1), flags, text)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(text_rect, flags, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(112, 114)


class ShortcutView(QListView):
    """Icons in a column from the top left, opened by double click or Enter."""

    open_requested = Signal(str)  # registry key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desktopShortcuts")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(True)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(48, 48))
        self.setGridSize(QSize(116, 118))
        self.setItemDelegate(ShortcutDelegate(self))
        self.setMouseTracking(True)
        self.setSpacing(4)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.activated.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        key = index.data(KeyRole)
        if key:
            self.open_requested.emit(key)
