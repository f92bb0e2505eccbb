"""The participants of a chat on its tabs «Сотрудники», «Ученики», «Родители»: a table each, with
«Добавить» (opens the picker) and «Исключить».

The organisation's chat administrator is in every chat with a checked «Администратор» flag that
cannot be changed; so is the flag of an employee who is an admin of the chat they are editing.
Neither can be excluded: the backend would put them back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from backend.contract import ChatCandidate, ChatMember, MemberSferumState, ParticipantKind
from registries.base.icons import icon
from registries.base.table_model import display_text
from registries.sferum.labels import member_state_label
from registries.sferum.picker import detail_title

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Participant:
    person_id: int
    kind: ParticipantKind
    full_name: str
    detail: str  # position, class or children
    is_admin: bool = False
    blocked: bool = False
    linked: bool = False
    has_account: bool = True
    # Where they stand with the chat on MAX; None: added in this window, not saved yet.
    state: MemberSferumState | None = None
    reason: str = ""  # MAX's refusal
    chat_admin: bool = False  # the organisation's chat administrator
    own_admin: bool = False  # the editing user, an admin of this chat

    @property
    def locked(self) -> bool:
        """Their «Администратор» flag cannot be changed, and they cannot be excluded."""
        return self.chat_admin or self.own_admin

    @classmethod
    def of_member(cls, member: ChatMember, *, own: bool) -> Participant:
        return cls(
            person_id=member.person_id,
            kind=member.kind,
            full_name=member.full_name,
            detail=member.detail,
            is_admin=member.is_admin or member.admin_locked,
            blocked=member.blocked,
            linked=member.linked,
            has_account=member.sferum is not MemberSferumState.NO_ACCOUNT,
            state=member.sferum,
            reason=member.reason,
            chat_admin=member.admin_locked,
            own_admin=own and member.is_admin,
        )

    @classmethod
    def of_candidate(
        cls,
        candidate: ChatCandidate,
        *,
        is_admin: bool = False,
        chat_admin: bool = False,
        own_admin: bool = False,
    ) -> Participant:
        return cls(
            person_id=candidate.person_id,
            kind=candidate.kind,
            full_name=candidate.full_name,
            detail=candidate.detail,
            is_admin=is_admin or chat_admin or own_admin,
            blocked=candidate.blocked,
            linked=candidate.linked,
            has_account=candidate.has_account,
            chat_admin=chat_admin,
            own_admin=own_admin,
        )

    def sferum_text(self) -> str:
        """«В Сферуме»: in the chat on MAX, or why not (yet)."""
        if self.state is not None:
            return member_state_label(self.state)
        if not self.has_account:
            return member_state_label(MemberSferumState.NO_ACCOUNT)
        if self.blocked:
            return member_state_label(MemberSferumState.BLOCKED)
        if not self.linked:
            return member_state_label(MemberSferumState.NOT_LINKED)
        return translate("ParticipantsModel", "Будет добавлен при сохранении")


class ParticipantsModel(QAbstractTableModel):
    """The participants of one kind, sorted by name; employees have the «Администратор» box."""

    changed = Signal()  # someone added, excluded, or an admin flag changed

    def __init__(
        self,
        kind: ParticipantKind,
        parent: QWidget | None = None,
        *,
        columns: tuple[str, ...] | None = None,
    ) -> None:
        """`columns` of «name», «admin», «detail», «blocked», «sferum»; by default a chat's."""
        super().__init__(parent)
        self.kind = kind
        self._rows: list[Participant] = []
        if columns is not None:
            self._columns = columns
        elif kind is ParticipantKind.EMPLOYEE:
            self._columns = ("name", "admin", "blocked", "sferum")
        else:
            self._columns = ("name", "detail", "blocked", "sferum")

    # --- the participants -----------------------------------------------------------------
    def participants(self) -> list[Participant]:
        return list(self._rows)

    def participant(self, row: int) -> Participant:
        return self._rows[row]

    def person_ids(self) -> set[int]:
        return {p.person_id for p in self._rows}

    def row_of(self, person_id: int) -> int | None:
        return next((i for i, p in enumerate(self._rows) if p.person_id == person_id), None)

    def set_participants(self, participants: Iterable[Participant]) -> None:
        self.beginResetModel()
        self._rows = sorted(participants, key=lambda p: p.full_name.casefold())
        self.endResetModel()
        self.changed.emit()

    def add(self, participants: Iterable[Participant]) -> list[Participant]:
        """Add who is not here yet; returns those added."""
        present = self.person_ids()
        added = []
        for participant in participants:
            if participant.person_id not in present:
                present.add(participant.person_id)
                added.append(participant)
        if added:
            self.set_participants(self._rows + added)
        return added

    def remove(self, person_ids: Iterable[int]) -> int:
        """«Исключить»: those of `person_ids` who may leave; returns how many left."""
        leaving = set(person_ids)
        kept = [p for p in self._rows if p.person_id not in leaving or p.locked]
        removed = len(self._rows) - len(kept)
        if removed:
            self.set_participants(kept)
        return removed

    def set_admin(self, person_id: int, is_admin: bool) -> bool:
        row = self.row_of(person_id)
        if row is None or self.kind is not ParticipantKind.EMPLOYEE:
            return False
        participant = self._rows[row]
        if participant.locked or participant.is_admin == is_admin:
            return False
        self._rows[row] = replace(participant, is_admin=is_admin)
        index = self.index(row, self._columns.index("admin"))
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.changed.emit()
        return True

    def column_of(self, name: str) -> int:
        return self._columns.index(name)

    def has_column(self, name: str) -> bool:
        return name in self._columns

    # --- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role != Qt.ItemDataRole.DisplayRole
            or orientation != Qt.Orientation.Horizontal
            or not 0 <= section < len(self._columns)
        ):
            return None
        titles = {
            "name": translate("ParticipantsModel", "ФИО"),
            "admin": translate("ParticipantsModel", "Администратор"),
            "detail": detail_title(self.kind),
            "blocked": translate("ParticipantsModel", "Заблокирован"),
            "sferum": translate("ParticipantsModel", "В Сферуме"),
        }
        return titles[self._columns[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        participant = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "name":
                return participant.full_name
            if column == "detail":
                return participant.detail
            if column == "blocked":
                return display_text(participant.blocked)
            if column == "sferum":
                return participant.sferum_text()
            return None
        if role == Qt.ItemDataRole.CheckStateRole and column == "admin":
            return Qt.CheckState.Checked if participant.is_admin else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "admin":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "admin" and participant.chat_admin:
                return translate("ParticipantsModel", "Администратор чатов Сферум")
            if column == "admin" and participant.own_admin:
                return translate(
                    "ParticipantsModel", "Вы администратор этого чата: флажок не изменяется"
                )
            if column == "name" and participant.detail:
                return participant.detail
            if column == "sferum" and participant.reason:
                return participant.reason
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.CheckStateRole
            or self._columns[index.column()] != "admin"
        ):
            return False
        participant = self._rows[index.row()]
        return self.set_admin(participant.person_id, Qt.CheckState(value) == Qt.CheckState.Checked)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable
        if self._columns[index.column()] != "admin":
            return flags | Qt.ItemFlag.ItemIsEnabled
        if self._rows[index.row()].locked:
            return flags  # a greyed check box: the flag cannot be changed
        return flags | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable


class CenteredCheckDelegate(QStyledItemDelegate):
    """A check box in the middle of its cell, as ЭШ shows yes/no columns; toggled by a click
    on it or by Space."""

    def _check_rect(self, option: QStyleOptionViewItem, index: QModelIndex) -> QRect:
        style = option.widget.style() if option.widget is not None else QApplication.style()
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        rect = style.subElementRect(
            QStyle.SubElement.SE_ItemViewItemCheckIndicator, item, option.widget
        )
        rect.moveCenter(option.rect.center())
        return rect

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        style = option.widget.style() if option.widget is not None else QApplication.style()
        check = QStyleOptionViewItem(item)
        # The cell's background and selection, without the box at the left...
        item.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, option.widget)
        # ...and the box in the middle.
        check.rect = self._check_rect(option, index)
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        check.state = check.state & ~(QStyle.StateFlag.State_On | QStyle.StateFlag.State_Off)
        check.state |= QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, check, painter, option.widget
        )

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex,
    ) -> bool:
        flags = index.flags()
        if not (flags & Qt.ItemFlag.ItemIsUserCheckable and flags & Qt.ItemFlag.ItemIsEnabled):
            return False
        if isinstance(event, QMouseEvent):
            if event.type() == QEvent.Type.MouseButtonDblClick:
                return True  # a double click is two clicks: take the second one
            if event.type() != QEvent.Type.MouseButtonRelease:
                return False
            if event.button() != Qt.MouseButton.LeftButton:
                return False
            if not self._check_rect(option, index).contains(event.position().toPoint()):
                return False
        elif isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress or event.key() != Qt.Key.Key_Space:
                return False
        else:
            return False
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        return model.setData(index, new, Qt.ItemDataRole.CheckStateRole)


class ParticipantsPage(QFrame):
    """A participants' tab: «Добавить», «Исключить» and the table."""

    add_requested = Signal(object)  # ParticipantKind

    def __init__(
        self,
        kind: ParticipantKind,
        parent: QWidget | None = None,
        *,
        model: ParticipantsModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registryPanel")
        self.kind = kind
        self.model = model if model is not None else ParticipantsModel(kind, self)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("registryToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_action = self.toolbar.addAction(
            icon("add"), translate("ParticipantsPage", "Добавить")
        )
        self.add_action.triggered.connect(lambda: self.add_requested.emit(self.kind))
        self.exclude_action = self.toolbar.addAction(
            icon("delete"), translate("ParticipantsPage", "Исключить")
        )
        self.exclude_action.triggered.connect(self.exclude_selected)
        self.table = QTableView(self)
        self.table.setObjectName("participantsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((300, 170, 110)):
            header.resizeSection(column, width)
        if self.model.has_column("admin"):
            self.table.setItemDelegateForColumn(
                self.model.column_of("admin"), CenteredCheckDelegate(self.table)
            )
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table, 1)
        self._update_actions()

    def selected(self) -> list[Participant]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.participant(row) for row in rows]

    def exclude_selected(self) -> None:
        self.model.remove(p.person_id for p in self.selected())

    def _update_actions(self, *_args: object) -> None:
        self.exclude_action.setEnabled(any(not p.locked for p in self.selected()))
