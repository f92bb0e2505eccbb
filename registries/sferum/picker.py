"""The participant pickers «Сотрудники», «Ученики», «Родители»: a check box per person, a search
field, «Выбрать все», «Выбрать» and «Отмена». People already in the chat are shown checked and
cannot be unchecked here (they leave the chat with «Исключить»)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
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

from backend.contract import Backend, BackendError, ChatCandidate, ParticipantKind
from registries.base.dialogs import shown
from registries.base.search_box import SearchBox
from registries.base.table_model import display_text
from registries.base.tasks import TaskRunner
from registries.sferum.labels import participants_title

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex


def detail_title(kind: ParticipantKind) -> str:
    """What the second column says about a person: position, class or children."""
    if kind is ParticipantKind.EMPLOYEE:
        return translate("ParticipantPicker", "Должность")
    if kind is ParticipantKind.STUDENT:
        return translate("ParticipantPicker", "Класс")
    return translate("ParticipantPicker", "Дети")


class CandidateModel(QAbstractTableModel):
    """Candidates found by the search, a check box each; remembers checks across searches."""

    checks_changed = Signal()
    NAME, DETAIL, BLOCKED, LINKED = range(4)

    def __init__(
        self, kind: ParticipantKind, present: Iterable[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._kind = kind
        self._present = frozenset(present)
        self._rows: list[ChatCandidate] = []
        self._checked: dict[int, ChatCandidate] = {}

    def set_candidates(self, candidates: Iterable[ChatCandidate]) -> None:
        self.beginResetModel()
        self._rows = list(candidates)
        self.endResetModel()

    def candidate(self, row: int) -> ChatCandidate:
        return self._rows[row]

    def is_present(self, person_id: int) -> bool:
        return person_id in self._present

    def is_checked(self, person_id: int) -> bool:
        return person_id in self._present or person_id in self._checked

    def set_checked(self, row: int, checked: bool) -> None:
        candidate = self._rows[row]
        if candidate.person_id in self._present:
            return
        if checked:
            self._checked[candidate.person_id] = candidate
        else:
            self._checked.pop(candidate.person_id, None)
        index = self.index(row, self.NAME)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checks_changed.emit()

    def check_all(self) -> None:
        """«Выбрать все»: everyone the search shows now."""
        for candidate in self._rows:
            if candidate.person_id not in self._present:
                self._checked[candidate.person_id] = candidate
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.NAME),
                self.index(len(self._rows) - 1, self.NAME),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.checks_changed.emit()

    def chosen(self) -> list[ChatCandidate]:
        """The newly checked people, in the order they were checked."""
        return list(self._checked.values())

    # --- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (
            translate("ParticipantPicker", "ФИО"),
            detail_title(self._kind),
            translate("ParticipantPicker", "Заблокирован"),
            translate("ParticipantPicker", "Привязан к Сферум"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        candidate = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return candidate.full_name
            if column == self.DETAIL:
                return candidate.detail
            if column == self.BLOCKED:
                return display_text(candidate.blocked)
            if column == self.LINKED:
                if not candidate.has_account:
                    return translate("ParticipantPicker", "Нет учетной записи")
                return display_text(candidate.linked)
        if role == Qt.ItemDataRole.CheckStateRole and column == self.NAME:
            checked = self.is_checked(candidate.person_id)
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and candidate.person_id in self._present:
            return translate("ParticipantPicker", "Уже в чате")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.CheckStateRole
            or index.column() != self.NAME
            or self._rows[index.row()].person_id in self._present
        ):
            return False
        self.set_checked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].person_id in self._present:
            return Qt.ItemFlag.ItemIsSelectable  # greyed: already in the chat
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


class ParticipantPicker(QDialog):
    """Open with `choose()`, which returns the people checked, or [] for «Отмена»."""

    loaded = Signal()  # a search's candidates are on screen

    def __init__(
        self,
        parent: QWidget | None,
        backend: Backend,
        kind: ParticipantKind,
        present: Iterable[int],
        *,
        class_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("participantPicker")
        self.setWindowTitle(participants_title(kind))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._backend = backend
        self._kind = kind
        self._class_id = class_id
        self._generation = 0
        self._chosen: list[ChatCandidate] = []
        self.tasks = TaskRunner(self)

        self.search_box = SearchBox(self)
        self.search_box.search_changed.connect(self.search)
        self.model = CandidateModel(kind, present, self)
        self.model.checks_changed.connect(self._update_status)
        self.table = QTableView(self)
        self.table.setObjectName("pickerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((300, 200, 110)):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(self._toggle)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("pickerStatus")

        self.select_all_button = QPushButton(translate("ParticipantPicker", "Выбрать все"), self)
        self.select_all_button.clicked.connect(self.model.check_all)
        self.choose_button = QPushButton(translate("ParticipantPicker", "Выбрать"), self)
        self.choose_button.setObjectName("okButton")
        self.choose_button.setDefault(True)
        self.choose_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(translate("ParticipantPicker", "Отмена"), self)
        self.cancel_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.select_all_button)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(820, 520)
        self.search("")

    def search(self, text: str) -> None:
        self._generation += 1
        self.tasks.start(self._search(text, self._generation), on_error=self._failed)

    async def _search(self, text: str, generation: int) -> None:
        self.status_label.setText(translate("ParticipantPicker", "Загрузка…"))
        found = await self._backend.chat_candidates(
            self._kind, search=text, class_id=self._class_id
        )
        if generation != self._generation:
            return
        self.model.set_candidates(found)
        self._update_status()
        self.loaded.emit()

    def _failed(self, error: BackendError) -> None:
        self.status_label.setText(error.message)
        self.tasks.report(error)

    def _toggle(self, index: QModelIndex) -> None:
        candidate = self.model.candidate(index.row())
        self.model.set_checked(index.row(), not self.model.is_checked(candidate.person_id))

    def _update_status(self) -> None:
        self.status_label.setText(
            translate("ParticipantPicker", "Найдено: {found}. Выбрано: {chosen}.").format(
                found=self.model.rowCount(), chosen=len(self.model.chosen())
            )
        )

    def accept(self) -> None:
        self._chosen = self.model.chosen()
        super().accept()

    async def choose(self) -> list[ChatCandidate]:
        """Show the picker and wait; the people checked, or [] for «Отмена»."""
        accepted = await shown(self)  # the picker is deleted once it closes
        return self._chosen if accepted else []
