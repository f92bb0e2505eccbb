"""The generic registry window of the ЭШ desktop.

Title, a toolbar with the actions the registry allows, a search box on the right, a sortable
table, the paging bar («Страница 1 из 3», «Показано записей 1 - 50 из 120») and «Закрыть».
Searching, sorting and paging are done by the backend, so a registry of any size opens at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIntValidator, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMdiSubWindow,
    QPushButton,
    QSizePolicy,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backend.contract import BackendError, Page, PageRequest
from registries.base.changes import Topic
from registries.base.context import RegistryContext
from registries.base.icons import icon
from registries.base.search_box import SearchBox
from registries.base.table_model import Column, RecordTableModel
from registries.base.tasks import TaskRunner

translate = QCoreApplication.translate

T = TypeVar("T")
Fetch = Callable[[PageRequest], Awaitable[Page[Any]]]
# Whether an action applies to the selected records.
EnabledWhen = Callable[[list[Any]], bool]
DEFAULT_PAGE_SIZE = 50


def close_window_of(widget: QWidget) -> None:
    """Close the desktop window that hosts `widget` (its MDI sub-window, if any)."""
    host = widget.parentWidget()
    (host if isinstance(host, QMdiSubWindow) else widget).close()


class RegistryWindow(QWidget, Generic[T]):
    loaded = Signal()  # a page of data is on screen
    load_failed = Signal(str)  # the sentence shown to the user

    def __init__(
        self,
        context: RegistryContext,
        *,
        key: str,
        title: str,
        columns: Sequence[Column[T]],
        fetch: Fetch,
        page_size: int = DEFAULT_PAGE_SIZE,
        on_add: Callable[[], None] | None = None,
        on_edit: Callable[[T], None] | None = None,
        on_delete: Callable[[T], None] | None = None,
        can_delete: Callable[[T], bool] | None = None,
        bold: Callable[[T], bool] | None = None,
        searchable: bool = True,
        refresh_on: Iterable[Topic] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registryWindow")
        self.setWindowTitle(title)
        self.context = context
        self.key = key
        self._fetch = fetch
        self._page_size = page_size
        self._offset = 0
        self._total = 0
        self._sort_key: str | None = None
        self._descending = False
        self._search = ""
        self._generation = 0
        self._load_task: asyncio.Task[Any] | None = None
        self._on_add, self._on_edit, self._on_delete = on_add, on_edit, on_delete
        self._can_delete = can_delete
        self._extra_actions: list[tuple[QAction, EnabledWhen]] = []
        # What this window shows: it refreshes when another window changes one of these.
        self._refresh_on = frozenset(refresh_on)
        self.tasks = TaskRunner(self)
        if context.changes is not None and self._refresh_on:
            context.changes.changed.connect(self._changed_elsewhere)

        self.model: RecordTableModel[T] = RecordTableModel(columns, bold=bold, parent=self)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("registryToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_action = self._action(
            "add", translate("RegistryWindow", "Добавить"), "Ins", self._add
        )
        self.edit_action = self._action(
            "edit", translate("RegistryWindow", "Изменить"), "F2", self._edit
        )
        self.delete_action = self._action(
            "delete", translate("RegistryWindow", "Удалить"), "Del", self._delete
        )
        self.refresh_action = self._action(
            "refresh", translate("RegistryWindow", "Обновить"), "F5", self.refresh
        )
        for action, allowed in (
            (self.add_action, on_add),
            (self.edit_action, on_edit),
            (self.delete_action, on_delete),
            (self.refresh_action, True),
        ):
            if allowed:
                self.toolbar.addAction(action)
        self._filters_anchor = self.toolbar.addSeparator()
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.search_box = SearchBox(self.toolbar)
        self.search_box.search_changed.connect(self._search_changed)
        if searchable:
            self.toolbar.addWidget(self.search_box)
        else:
            self.search_box.hide()

        self.table = QTableView(self)
        self.table.setObjectName("registryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for index, column in enumerate(columns):
            header.resizeSection(index, column.width)
        header.sectionClicked.connect(self._header_clicked)
        self.table.activated.connect(lambda _index: self._edit())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)

        self.paging_bar = self._build_paging_bar()
        self.close_button = QPushButton(translate("RegistryWindow", "Закрыть"), self)
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(lambda: close_window_of(self))

        panel = QFrame(self)
        panel.setObjectName("registryPanel")
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.setSpacing(0)
        panel_layout.addWidget(self.toolbar)
        panel_layout.addWidget(self.table, 1)
        panel_layout.addWidget(self.paging_bar)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(panel, 1)
        layout.addLayout(buttons)

        self._restore_header()
        self._update_actions()
        self._update_paging()

    # --- building ---------------------------------------------------------------------------
    def _action(
        self, icon_name: str, text: str, shortcut: str | None, slot: Callable[[], None]
    ) -> QAction:
        action = QAction(icon(icon_name), text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({QKeySequence(shortcut).toString()})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def add_tool_action(
        self,
        icon_name: str,
        text: str,
        slot: Callable[[], None],
        *,
        shortcut: str | None = None,
        enabled_when: EnabledWhen | None = None,
    ) -> QAction:
        """A registry's own action, in the toolbar before «Обновить».

        `enabled_when` gets the selected records; without it the action needs a selection.
        """
        action = self._action(icon_name, text, shortcut, slot)
        self.toolbar.insertAction(self.refresh_action, action)
        self._extra_actions.append((action, enabled_when or bool))
        self._update_actions()
        return action

    def _build_paging_bar(self) -> QWidget:
        bar = QFrame(self)
        bar.setObjectName("pagingBar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)

        def tool(icon_name: str, tip: str, slot: Callable[[], None]) -> QToolButton:
            button = QToolButton(bar)
            button.setIcon(icon(icon_name))
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            layout.addWidget(button)
            return button

        self.first_page_button = tool(
            "page-first", translate("RegistryWindow", "Первая страница"), self.first_page
        )
        self.previous_page_button = tool(
            "page-prev", translate("RegistryWindow", "Предыдущая страница"), self.previous_page
        )
        layout.addWidget(QLabel(translate("RegistryWindow", "Страница"), bar))
        self.page_edit = QLineEdit(bar)
        self.page_edit.setObjectName("pageEdit")
        self.page_edit.setFixedWidth(42)
        self.page_edit.setValidator(QIntValidator(1, 1_000_000, self.page_edit))
        self.page_edit.returnPressed.connect(self._page_typed)
        layout.addWidget(self.page_edit)
        self.page_count_label = QLabel(bar)
        layout.addWidget(self.page_count_label)
        self.next_page_button = tool(
            "page-next", translate("RegistryWindow", "Следующая страница"), self.next_page
        )
        self.last_page_button = tool(
            "page-last", translate("RegistryWindow", "Последняя страница"), self.last_page
        )
        tool("refresh", translate("RegistryWindow", "Обновить"), self.refresh)
        layout.addStretch(1)
        self.status_label = QLabel(bar)
        self.status_label.setObjectName("pagingStatus")
        layout.addWidget(self.status_label)
        return bar

    def add_filter(self, label: str, widget: QWidget) -> None:
        """Put a filter (e.g. «Класс») into the toolbar, before the search box."""
        caption = QLabel(label, self.toolbar)
        caption.setContentsMargins(6, 0, 4, 0)
        self.toolbar.insertWidget(self._filters_anchor, caption)
        self.toolbar.insertWidget(self._filters_anchor, widget)

    # --- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """«Обновить»: ask the backend again; subclasses drop what they cached."""
        self.reload()

    def reload(self, *, quiet: bool = False) -> None:
        """Fetch the current page again (search, sort and page are kept).

        `quiet` is a refresh nobody asked for (a timer): it leaves a load under way alone, says
        no «Загрузка…», updates the rows in place so that selection and scrolling stay, and a
        failure only shows in the paging bar.
        """
        if quiet and self._load_task is not None and not self._load_task.done():
            return
        self._generation += 1
        if self._load_task is not None:
            self._load_task.cancel()
        self._load_task = self.tasks.start(
            self._load(self._generation, quiet=quiet),
            on_error=self._failed_quietly if quiet else self._failed,
        )

    def reload_from_first_page(self) -> None:
        self._offset = 0
        self.reload()

    async def _load(self, generation: int, *, quiet: bool = False) -> None:
        if not quiet:
            self.status_label.setText(translate("RegistryWindow", "Загрузка…"))
        selected = self.selected_record()
        request = PageRequest(
            offset=self._offset,
            limit=self._page_size,
            search=self._search,
            sort_key=self._sort_key,
            descending=self._descending,
        )
        page = await self._fetch(request)
        if generation != self._generation:
            return
        if not page.items and page.total and self._offset >= page.total:
            # The page went away (fewer matches now): show the last one instead.
            self._offset = (page.total - 1) // self._page_size * self._page_size
            self.reload()
            return
        self._total = page.total
        if quiet:
            scrolled = self.table.verticalScrollBar().value()
            if self.model.update_records(page.items):
                self._update_actions()
            else:
                self._reselect(selected)
                self.table.verticalScrollBar().setValue(scrolled)
        else:
            self.model.set_records(page.items)
            self._reselect(selected)
        self._update_paging()
        self.loaded.emit()

    def _failed(self, error: BackendError) -> None:
        self._update_paging()
        self.load_failed.emit(error.message)
        self.tasks.report(error)

    def _failed_quietly(self, error: BackendError) -> None:
        """A background refresh failed: say so in the paging bar, no message box."""
        self.status_label.setText(error.message)

    def _reselect(self, previous: T | None) -> None:
        previous_id = getattr(previous, "id", None)
        for row, record in enumerate(self.model.records()):
            if previous_id is not None and getattr(record, "id", None) == previous_id:
                self.table.selectRow(row)
                return
        if self.model.rowCount():
            self.table.selectRow(0)

    # --- paging -----------------------------------------------------------------------------
    @property
    def page_number(self) -> int:
        return self._offset // self._page_size + 1

    @property
    def page_count(self) -> int:
        return max(1, -(-self._total // self._page_size))

    def _go_to_page(self, number: int) -> None:
        number = min(max(1, number), self.page_count)
        offset = (number - 1) * self._page_size
        if offset != self._offset:
            self._offset = offset
            self.reload()
        else:
            self._update_paging()

    def first_page(self) -> None:
        self._go_to_page(1)

    def previous_page(self) -> None:
        self._go_to_page(self.page_number - 1)

    def next_page(self) -> None:
        self._go_to_page(self.page_number + 1)

    def last_page(self) -> None:
        self._go_to_page(self.page_count)

    def _page_typed(self) -> None:
        if self.page_edit.text():
            self._go_to_page(int(self.page_edit.text()))

    def _update_paging(self) -> None:
        shown = self.model.rowCount()
        self.page_edit.setText(str(self.page_number))
        self.page_count_label.setText(
            translate("RegistryWindow", "из {count}").format(count=self.page_count)
        )
        on_first, on_last = self.page_number <= 1, self.page_number >= self.page_count
        self.first_page_button.setEnabled(not on_first)
        self.previous_page_button.setEnabled(not on_first)
        self.next_page_button.setEnabled(not on_last)
        self.last_page_button.setEnabled(not on_last)
        if shown:
            first = self._offset + 1
            self.status_label.setText(
                translate("RegistryWindow", "Показано записей {first} - {last} из {total}").format(
                    first=first, last=first + shown - 1, total=self._total
                )
            )
        else:
            self.status_label.setText(translate("RegistryWindow", "Нет записей для отображения"))

    # --- search and sort --------------------------------------------------------------------
    def _search_changed(self, text: str) -> None:
        self._search = text
        self.reload_from_first_page()

    def _header_clicked(self, section: int) -> None:
        key = self.model.column(section).sort_key
        header = self.table.horizontalHeader()
        if key is None:
            return
        if key == self._sort_key:
            self._descending = not self._descending
        else:
            self._sort_key, self._descending = key, False
        header.setSortIndicatorShown(True)
        header.setSortIndicator(
            section,
            Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder,
        )
        self.reload_from_first_page()

    # --- actions ----------------------------------------------------------------------------
    def selected_record(self) -> T | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(min(rows, key=lambda i: i.row()).row()) if rows else None

    def selected_records(self) -> list[T]:
        """Every selected record, top to bottom (several where the table allows it)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.record(row) for row in rows]

    def _update_actions(self, *_args: object) -> None:
        record = self.selected_record()
        self.edit_action.setEnabled(record is not None)
        self.delete_action.setEnabled(
            record is not None and (self._can_delete is None or self._can_delete(record))
        )
        if self._extra_actions:
            records = self.selected_records()
            for action, enabled_when in self._extra_actions:
                action.setEnabled(enabled_when(records))

    # --- what changed -----------------------------------------------------------------------
    def announce_changed(self, *topics: Topic) -> None:
        """After an operation: reload this window and tell the other open ones."""
        self.reload()
        if self.context.changes is not None:
            self.context.changes.announce(topics, self)

    def _changed_elsewhere(self, topics: frozenset[Topic], source: object) -> None:
        if source is not self and topics & self._refresh_on:
            self.refresh()

    def _add(self) -> None:
        if self._on_add is not None:
            self._on_add()

    def _edit(self) -> None:
        record = self.selected_record()
        if record is not None and self._on_edit is not None:
            self._on_edit(record)

    def _delete(self) -> None:
        record = self.selected_record()
        if record is not None and self._on_delete is not None and self.delete_action.isEnabled():
            self._on_delete(record)

    # --- remembered state -------------------------------------------------------------------
    def _header_state_key(self) -> str:
        return f"registries/{self.key}/header"

    def _restore_header(self) -> None:
        state = self.context.state.value(self._header_state_key())
        if isinstance(state, QByteArray | bytes) and state:
            self.table.horizontalHeader().restoreState(QByteArray(state))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.context.state.setValue(
            self._header_state_key(), self.table.horizontalHeader().saveState()
        )
        self.tasks.cancel_all()
        super().closeEvent(event)

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        if self._generation == 0:
            self.reload()
            self.search_box.setFocus()
