"""The «Сферум» registry for staff: a window with the tabs «Чаты» and «Видеоконференции».

Tab «Чаты»: «Добавить», «Изменить», «Удалить», «Обновить», «Привязать учетную запись» /
«Отвязать учетную запись» (the text follows the link) and the read-only «Телефон, привязанный к
Сферум»; for the chat administrator and the organisation's administrators also «Не в Сферуме»,
the report of who is not in the Sferum chats yet. Tab «Видеоконференции»: `conferences`.
Under the tabs: what MAX has not accepted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from backend.contract import (
    BackendError,
    ChatSummary,
    Role,
    SferumLink,
    SferumLinkStatus,
)
from backend.contract.phones import format_phone
from registries.base import messages
from registries.base.changes import Topic
from registries.base.context import RegistryContext
from registries.base.icons import icon
from registries.base.registry_window import RegistryWindow, close_window_of
from registries.base.table_model import Column
from registries.sferum.chat_edit import ChatEditWindow
from registries.sferum.conferences import ConferencesTab
from registries.sferum.deliveries import DeliveriesPanel
from registries.sferum.gaps import GapsWindow
from registries.sferum.labels import chat_kind_label, sync_label
from registries.sferum.sferum_window import unlink

translate = QCoreApplication.translate


def chat_columns() -> list[Column[ChatSummary]]:
    return [
        Column(translate("ChatsTab", "Наименование чата"), lambda c: c.title, "title", width=220),
        Column(
            translate("ChatsTab", "Тип чата"), lambda c: chat_kind_label(c.kind), "kind", width=130
        ),
        Column(translate("ChatsTab", "Класс"), lambda c: c.class_name, "class_name", width=60),
        Column(translate("ChatsTab", "Предмет/Группа (Класс)"), lambda c: c.group_name, width=170),
        Column(
            translate("ChatsTab", "Участников"),
            lambda c: c.member_count,
            width=85,
            align_right=True,
        ),
        Column(
            translate("ChatsTab", "В Сферуме"),
            lambda c: c.in_sferum_count,
            width=85,
            align_right=True,
        ),
        Column(
            translate("ChatsTab", "Администраторы"), lambda c: ", ".join(c.admin_names), width=260
        ),
        Column(
            translate("ChatsTab", "Синхронизация"),
            lambda c: sync_label(c.sync),
            width=130,
            tooltip=lambda c: c.sync_message,
        ),
    ]


class ChatsTab(RegistryWindow[ChatSummary]):
    """Tab «Чаты»: the chats the user may see, with the account's link to Sferum."""

    link_loaded = Signal(object)  # SferumLink
    chat_deleted = Signal(int)

    def __init__(self, context: RegistryContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            key="sferum_chats",
            title=translate("ChatsTab", "Чаты"),
            columns=chat_columns(),
            fetch=context.backend.list_chats,
            on_add=lambda: self.add_chat(),
            on_edit=lambda chat: self.edit_chat(chat),
            on_delete=lambda chat: self.delete_chat(chat),
            can_delete=lambda chat: chat.can_delete and not chat.kind.is_default,
            refresh_on=(Topic.CHATS,),
            searchable=False,  # the registry puts the search box by the tabs: room for tools
            parent=parent,
        )
        self.link: SferumLink | None = None
        self.edit_window: ChatEditWindow | None = None
        self.gaps_window: GapsWindow | None = None
        self._select_after_load: int | None = None
        # The tab sits inside the registry's window, which has «Закрыть» of its own.
        self.close_button.hide()
        self.layout().setContentsMargins(0, 0, 0, 0)

        # After «Обновить»: «Привязать учетную запись» / «Отвязать учетную запись», the phone.
        self.link_action = QAction(
            icon("sferum-link"), translate("ChatsTab", "Привязать учетную запись"), self
        )
        self.link_action.setEnabled(False)  # until the link's state is known
        self.link_action.triggered.connect(self._link_clicked)
        self.toolbar.insertAction(self._filters_anchor, self.link_action)
        self.phone_edit = QLineEdit(self.toolbar)
        self.phone_edit.setObjectName("sferumPhone")
        self.phone_edit.setReadOnly(True)
        self.phone_edit.setFixedWidth(140)
        self.add_filter(translate("ChatsTab", "Телефон, привязанный к Сферум:"), self.phone_edit)
        self.gaps_action: QAction | None = None
        if context.user.has(Role.CHAT_ADMIN, Role.ORG_ADMIN):
            self.toolbar.insertSeparator(self._filters_anchor)
            self.gaps_action = QAction(icon("report"), translate("ChatsTab", "Не в Сферуме"), self)
            self.gaps_action.setToolTip(
                translate("ChatsTab", "Кто из участников чатов еще не в чатах Сферума и почему")
            )
            self.gaps_action.triggered.connect(self.show_gaps)
            self.toolbar.insertAction(self._filters_anchor, self.gaps_action)
        if context.changes is not None:
            context.changes.changed.connect(self._link_may_have_changed)
        self.load_link()

    # --- the link to Sferum -----------------------------------------------------------------
    def load_link(self) -> None:
        self.tasks.start(self._load_link())

    async def _load_link(self) -> None:
        self.show_link(await self.context.backend.sferum_link())

    def show_link(self, link: SferumLink) -> None:
        self.link = link
        linked = link.status is SferumLinkStatus.LINKED
        self.link_action.setText(
            translate("ChatsTab", "Отвязать учетную запись")
            if linked
            else translate("ChatsTab", "Привязать учетную запись")
        )
        self.link_action.setIcon(icon("sferum-unlink" if linked else "sferum-link"))
        self.link_action.setEnabled(True)
        self.phone_edit.setText(format_phone(link.phone) if linked and link.phone else "")
        self.link_loaded.emit(link)

    def _link_may_have_changed(self, topics: frozenset[Topic], _source: object) -> None:
        if Topic.SFERUM_LINK in topics:
            self.load_link()

    def _link_clicked(self) -> None:
        if self.link is not None and self.link.status is SferumLinkStatus.LINKED:
            self.tasks.start(self._unlink())
        else:
            # «Авторизация в Сферум», the same window as the desktop's shortcut.
            self.context.open_registry("sferum_link")

    async def _unlink(self) -> None:
        link = await unlink(self, self.context)
        if link is not None:
            self.show_link(link)

    # --- chats ------------------------------------------------------------------------------
    def refresh(self) -> None:
        super().refresh()
        self.load_link()

    def _update_actions(self, *args: object) -> None:
        super()._update_actions(*args)
        record = self.selected_record()
        self.edit_action.setEnabled(record is not None and record.can_edit)

    def _edit(self) -> None:
        if self.edit_action.isEnabled():
            super()._edit()

    def _reselect(self, previous: ChatSummary | None) -> None:
        wanted, self._select_after_load = self._select_after_load, None
        for row, record in enumerate(self.model.records()):
            if wanted is not None and record.id == wanted:
                self.table.selectRow(row)
                return
        super()._reselect(previous)

    def add_chat(self) -> None:
        self._open_editor(None)

    def edit_chat(self, chat: ChatSummary) -> None:
        self._open_editor(chat.id)

    def _open_editor(self, chat_id: int | None) -> None:
        """«Чат Сферума: Добавление» / «Редактирование»; one at a time."""
        if self.edit_window is not None:
            self.edit_window.raise_()
            return
        window = self.edit_window = ChatEditWindow(self.context, chat_id)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.saved.connect(self._saved)
        window.finished.connect(self._editor_closed)
        window.open()

    def _editor_closed(self, _result: int = 0) -> None:
        self.edit_window = None

    def _saved(self, chat: Any) -> None:
        self._select_after_load = chat.id
        self.announce_changed(Topic.CHATS)

    def delete_chat(self, chat: ChatSummary) -> None:
        self.tasks.start(self._delete_chat(chat))

    async def _delete_chat(self, chat: ChatSummary) -> None:
        if chat.kind.is_default:  # the action is off for them; the backend refuses too
            return
        if not await messages.ask_async(
            self,
            translate(
                "ChatsTab", "Удалить чат «{title}»? Чат будет удален и на стороне Сферума."
            ).format(title=chat.title),
        ):
            return
        await self.context.backend.delete_chat(chat.id, chat.version)
        self.chat_deleted.emit(chat.id)
        self.announce_changed(Topic.CHATS)

    # --- «Не в Сферуме» ---------------------------------------------------------------------
    def show_gaps(self) -> None:
        if self.gaps_window is not None:
            self.gaps_window.raise_()
            self.gaps_window.activateWindow()
            return
        self.gaps_window = GapsWindow(self.context.backend, self.context.desktop or self)
        self.gaps_window.destroyed.connect(self._gaps_closed)
        self.gaps_window.show()

    def _gaps_closed(self, _object: object = None) -> None:
        self.gaps_window = None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.gaps_window is not None:
            self.gaps_window.close()
        super().closeEvent(event)


class SferumRegistryWindow(QWidget):
    """«Сферум»: the tabs, what MAX has not accepted yet, and «Закрыть»."""

    loaded = Signal()  # the «Чаты» tab shows its first page

    def __init__(self, context: RegistryContext) -> None:
        super().__init__()
        self.setObjectName("sferumRegistry")
        self.setWindowTitle(translate("SferumRegistryWindow", "Сферум"))
        self.context = context
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("registryTabs")
        corner = QWidget(self.tabs)
        self._search_boxes = QHBoxLayout(corner)
        self._search_boxes.setContentsMargins(0, 0, 0, 2)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._searchable: list[RegistryWindow[Any]] = []
        self.chats = ChatsTab(context, self.tabs)
        self.chats.loaded.connect(self.loaded)
        self.add_tab(self.chats, translate("SferumRegistryWindow", "Чаты"))
        self.conferences = ConferencesTab(context, self.tabs)
        self.add_tab(
            self.conferences,
            translate("SferumRegistryWindow", "Видеоконференции"),
            searchable=False,
        )

        # What MAX has not accepted yet, and why (hidden while everything is delivered).
        self.deliveries_panel = DeliveriesPanel(self, folded=True)
        self.deliveries_panel.view.setMaximumHeight(180)
        self.deliveries = self.deliveries_panel.model
        self.deliveries_label = self.deliveries_panel.label
        self.chats.refresh_action.triggered.connect(self.load_deliveries)

        self.close_button = QPushButton(translate("SferumRegistryWindow", "Закрыть"), self)
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(lambda: close_window_of(self))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.deliveries_panel)
        layout.addLayout(buttons)
        self._first_show = True

    def add_tab(self, tab: RegistryWindow[Any], title: str, *, searchable: bool = True) -> None:
        """A tab of the registry («Чаты», «Видеоконференции»); its search box, if it is
        `searchable`, sits to the right of the tabs while it is the current one."""
        self.tabs.addTab(tab, title)
        if searchable:
            self._searchable.append(tab)
            self._search_boxes.addWidget(tab.search_box)
            tab.search_box.setVisible(self.tabs.currentWidget() is tab)

    def _tab_changed(self, index: int) -> None:
        current = self.tabs.widget(index)
        for tab in self._searchable:
            tab.search_box.setVisible(tab is current)

    @property
    def model(self) -> Any:
        """The table of the «Чаты» tab."""
        return self.chats.model

    def load_deliveries(self) -> None:
        self.chats.tasks.start(
            self.deliveries_panel.load(self.context.backend), on_error=self._not_loaded
        )

    def _not_loaded(self, error: BackendError) -> None:
        self.chats.tasks.report(error)

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            self.load_deliveries()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The tabs remember their columns and stop what they were loading.
        for index in range(self.tabs.count()):
            self.tabs.widget(index).close()
        super().closeEvent(event)


def create(context: RegistryContext) -> QWidget:
    return SferumRegistryWindow(context)
