"""The search field of a registry toolbar: filters as you type, with a clear button."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from registries.base.icons import icon

TYPING_PAUSE_MS = 300


class SearchBox(QLineEdit):
    """Emits `search_changed` once the user pauses typing, or at once on Enter."""

    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setPlaceholderText(self.tr("Поиск"))
        self.setMaxLength(200)
        self.setMinimumWidth(220)
        self._last = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._emit)
        self._clear_action = self.addAction(
            icon("clear"), QLineEdit.ActionPosition.TrailingPosition
        )
        self._clear_action.setToolTip(self.tr("Очистить поиск"))
        self._clear_action.triggered.connect(self.clear_search)
        self._clear_action.setVisible(False)
        search = self.addAction(icon("search"), QLineEdit.ActionPosition.TrailingPosition)
        search.setToolTip(self.tr("Найти"))
        search.triggered.connect(self._emit)
        self.textChanged.connect(self._typed)
        self.returnPressed.connect(self._emit)

    def clear_search(self) -> None:
        self.clear()
        self._emit()

    def _typed(self, text: str) -> None:
        self._clear_action.setVisible(bool(text))
        self._timer.start()

    def _emit(self) -> None:
        self._timer.stop()
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.search_changed.emit(text)
