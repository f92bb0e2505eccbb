"""Tab «Видеоконференции» of the «Сферум» registry.

Columns «Дата начала», «Время начала», «Наименование», «Тип», «Предмет», «Класс», «Количество
участников», «Статус» (why «Ошибка» in its tooltip) and «Ссылка» («Перейти» while a conference
is «Активная»: a click opens the call in the system browser). Filters: the period («Сегодня»,
«Неделя», «Месяц», «Период» with its dates) and the status. Toolbar: «Добавить», «Изменить»,
«Удалить», «Закончить видеоконференцию», «Повторить», «Перейти», «QR-код», «Обновить».

Conferences start and end by themselves at their times; while the tab is on screen it looks
again every few seconds, so the statuses change without «Обновить».
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from backend.contract import (
    Conference,
    ConferenceStatus,
    Page,
    PageRequest,
)
from registries.base import messages
from registries.base.changes import Topic
from registries.base.context import RegistryContext
from registries.base.registry_window import RegistryWindow
from registries.base.table_model import Column
from registries.sferum.conference_edit import EDITABLE, ConferenceEditWindow
from registries.sferum.labels import conference_kind_label, conference_status_label
from registries.sferum.qr import qr_image

translate = QCoreApplication.translate
CS = ConferenceStatus
# Statuses change by themselves; the embedded backend's scheduler looks every 2 s, so looking
# every 2.5 s here shows a change within 5 s of its time.
POLL_INTERVAL_MS = 2500
STATUS_COLORS = {CS.ACTIVE: "#1e7b34", CS.ERROR: "#c0392b", CS.FINISHED: "#6b7785"}


class Period(Enum):
    TODAY = QT_TRANSLATE_NOOP("ConferencesTab", "Сегодня")
    WEEK = QT_TRANSLATE_NOOP("ConferencesTab", "Неделя")
    MONTH = QT_TRANSLATE_NOOP("ConferencesTab", "Месяц")
    CUSTOM = QT_TRANSLATE_NOOP("ConferencesTab", "Период")


def period_dates(period: Period, today: dt.date) -> tuple[dt.date, dt.date]:
    """The dates of a period that contains `today`: the day, its week (Monday to Sunday), its
    month. «Период» has no dates of its own: today."""
    if period is Period.WEEK:
        monday = today - dt.timedelta(days=today.weekday())
        return monday, monday + dt.timedelta(days=6)
    if period is Period.MONTH:
        first = today.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, following - dt.timedelta(days=1)
    return today, today


def has_link(conference: Conference) -> bool:
    return conference.status is CS.ACTIVE and bool(conference.join_link)


def conference_columns(
    local: Callable[[dt.datetime], dt.datetime],
) -> list[Column[Conference]]:
    """`local` turns a moment into the school's time."""

    def times(c: Conference) -> str:
        return f"{local(c.starts_at):%H:%M}–{local(c.ends_at):%H:%M}"

    def title_tip(c: Conference) -> str:
        chat = translate("ConferencesTab", "Чат: {chat}").format(chat=c.chat_title or "—")
        return f"{c.title}\n{chat}"

    return [
        Column(
            translate("ConferencesTab", "Дата начала"),
            lambda c: local(c.starts_at).date(),
            "starts_at",
            width=100,
        ),
        Column(
            translate("ConferencesTab", "Время начала"),
            lambda c: local(c.starts_at).time(),
            "starts_at",
            width=100,
            tooltip=times,
        ),
        Column(
            translate("ConferencesTab", "Наименование"),
            lambda c: c.title,
            "title",
            width=280,
            tooltip=title_tip,
        ),
        Column(
            translate("ConferencesTab", "Тип"), lambda c: conference_kind_label(c.kind), width=100
        ),
        Column(translate("ConferencesTab", "Предмет"), lambda c: c.subject_name, width=130),
        Column(translate("ConferencesTab", "Класс"), lambda c: c.class_name, width=60),
        Column(
            translate("ConferencesTab", "Количество участников"),
            lambda c: c.participant_count,
            width=165,
            align_right=True,
        ),
        Column(
            translate("ConferencesTab", "Статус"),
            lambda c: conference_status_label(c.status),
            "status",
            width=90,
            tooltip=lambda c: c.status_message,
            color=lambda c: STATUS_COLORS.get(c.status),
        ),
        Column(
            translate("ConferencesTab", "Ссылка"),
            lambda c: translate("ConferencesTab", "Перейти") if has_link(c) else "",
            width=80,
            tooltip=lambda c: c.join_link if has_link(c) else None,
            link=has_link,
        ),
    ]


LINK_COLUMN = 8


class ConferenceLinkDialog(QDialog):
    """The join link of an active conference: a QR code to open it on a phone, the address,
    «Копировать ссылку», «Перейти» (the system browser) and «Закрыть»."""

    def __init__(
        self, parent: QWidget | None, conference: Conference, *, browser_failed: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conferenceLinkDialog")
        self.setWindowTitle(translate("ConferenceLinkDialog", "Подключение к видеоконференции"))
        self.link = conference.join_link or ""
        if browser_failed:
            text = translate(
                "ConferenceLinkDialog",
                "Не удалось открыть браузер. Скопируйте ссылку или подключитесь с телефона: "
                "наведите камеру телефона на код.",
            )
        else:
            text = translate(
                "ConferenceLinkDialog",
                "Чтобы подключиться с телефона, наведите камеру телефона на код.",
            )
        self.title_label = QLabel(f"<b>{html.escape(conference.title)}</b>", self)
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.title_label.setWordWrap(True)
        self.message_label = QLabel(text, self)
        self.message_label.setWordWrap(True)
        self.qr_label = QLabel(self)
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setPixmap(QPixmap.fromImage(qr_image(self.link)))
        self.address_label = QLabel(self.link, self)
        self.address_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(translate("ConferenceLinkDialog", "Копировать ссылку"), self)
        self.copy_button.clicked.connect(self.copy_link)
        self.open_button = QPushButton(translate("ConferenceLinkDialog", "Перейти"), self)
        self.open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(self.link)))
        self.close_button = QPushButton(translate("ConferenceLinkDialog", "Закрыть"), self)
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.qr_label, 1)
        layout.addWidget(self.address_label)
        layout.addLayout(buttons)
        self.resize(440, 520)

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.link)
        self.message_label.setText(translate("ConferenceLinkDialog", "Ссылка скопирована."))


class ConferencesTab(RegistryWindow[Conference]):
    """Tab «Видеоконференции»: the conferences of the chats the user sees, in a period."""

    link_opened = Signal(str)  # the join link given to the system browser
    conference_deleted = Signal(int)

    def __init__(self, context: RegistryContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            key="sferum_conferences",
            title=translate("ConferencesTab", "Видеоконференции"),
            columns=conference_columns(lambda moment: moment.astimezone(context.now().tzinfo)),
            fetch=lambda page: self._fetch_conferences(page),
            on_add=lambda: self.add_conference(),
            on_edit=lambda conference: self.edit_conference(conference),
            on_delete=lambda conference: self.delete_conference(conference),
            can_delete=lambda conference: conference.can_delete,
            refresh_on=(Topic.CONFERENCES, Topic.CHATS),
            searchable=False,  # conferences are found by their period and status
            parent=parent,
        )
        self.edit_window: ConferenceEditWindow | None = None
        self.link_dialog: ConferenceLinkDialog | None = None
        self._select_after_load: int | None = None
        self._setting_period = False
        # The tab sits inside the registry's window, which has «Закрыть» of its own.
        self.close_button.hide()
        self.layout().setContentsMargins(0, 0, 0, 0)

        self.end_action = self.add_tool_action(
            "conference-end",
            translate("ConferencesTab", "Закончить видеоконференцию"),
            self.end_selected,
            enabled_when=lambda records: (
                len(records) == 1 and records[0].status is CS.ACTIVE and records[0].can_end
            ),
        )
        self.retry_action = self.add_tool_action(
            "conference-retry",
            translate("ConferencesTab", "Повторить"),
            self.retry_selected,
            enabled_when=lambda records: (
                len(records) == 1 and records[0].status is CS.ERROR and records[0].can_edit
            ),
        )
        self.join_action = self.add_tool_action(
            "conference-join",
            translate("ConferencesTab", "Перейти"),
            self.join_selected,
            enabled_when=lambda records: len(records) == 1 and has_link(records[0]),
        )
        self.join_action.setToolTip(
            translate("ConferencesTab", "Подключиться к видеоконференции в браузере")
        )
        self.qr_action = self.add_tool_action(
            "qr",
            translate("ConferencesTab", "QR-код"),
            self.show_link_dialog,
            enabled_when=lambda records: len(records) == 1 and has_link(records[0]),
        )
        self.qr_action.setToolTip(
            translate("ConferencesTab", "Ссылка для подключения с телефона: QR-код")
        )

        # Filters, in a row of their own under the toolbar: the period and the status.
        self._filters_anchor.setVisible(False)  # nothing follows «Обновить» in the toolbar
        self.filter_bar = QToolBar(self)
        self.filter_bar.setObjectName("registryToolbar")
        self.toolbar.parentWidget().layout().insertWidget(1, self.filter_bar)
        today = context.now().date()
        self.period_combo = QComboBox(self.filter_bar)
        self.period_combo.setObjectName("periodCombo")
        for period in Period:
            self.period_combo.addItem(translate("ConferencesTab", period.value), period.name)
        self.date_from_edit = self._date_edit("periodFrom", today)
        self.date_to_edit = self._date_edit("periodTo", today)
        self.status_combo = QComboBox(self.filter_bar)
        self.status_combo.setObjectName("statusCombo")
        self.status_combo.addItem(translate("ConferencesTab", "Все"), "")
        for status in CS:
            self.status_combo.addItem(conference_status_label(status), status.value)
        self._add_to_filters(translate("ConferencesTab", "Период:"), self.period_combo)
        self._add_to_filters(translate("ConferencesTab", "с"), self.date_from_edit)
        self._add_to_filters(translate("ConferencesTab", "по"), self.date_to_edit)
        self.filter_bar.addSeparator()
        self._add_to_filters(translate("ConferencesTab", "Статус:"), self.status_combo)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.date_from_edit.dateChanged.connect(
            lambda _date: self._dates_typed(self.date_from_edit)
        )
        self.date_to_edit.dateChanged.connect(lambda _date: self._dates_typed(self.date_to_edit))
        self.status_combo.currentIndexChanged.connect(lambda _index: self.reload_from_first_page())

        # «Перейти» in the «Ссылка» column is a link: a click opens it, the cursor says so.
        self.table.clicked.connect(self._cell_clicked)
        self.table.setMouseTracking(True)
        self.table.viewport().installEventFilter(self)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_INTERVAL_MS)
        self.poll_timer.timeout.connect(self.poll)

    def _add_to_filters(self, label: str, widget: QWidget) -> None:
        caption = QLabel(label, self.filter_bar)
        caption.setContentsMargins(6, 0, 4, 0)
        caption.setBuddy(widget)
        self.filter_bar.addWidget(caption)
        self.filter_bar.addWidget(widget)

    def _date_edit(self, name: str, date: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(date), self.filter_bar)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        return edit

    # --- the filters --------------------------------------------------------------------------
    def period(self) -> Period:
        return Period[self.period_combo.currentData()]

    def set_period(self, period: Period) -> None:
        self.period_combo.setCurrentIndex(self.period_combo.findData(period.name))

    def dates(self) -> tuple[dt.date, dt.date]:
        return self.date_from_edit.date().toPython(), self.date_to_edit.date().toPython()

    def set_dates(self, date_from: dt.date, date_to: dt.date) -> None:
        """Show another period of dates («Период»)."""
        self._setting_period = True
        try:
            self.set_period(Period.CUSTOM)
            self.date_from_edit.setDate(QDate(date_from))
            self.date_to_edit.setDate(QDate(date_to))
        finally:
            self._setting_period = False
        self.reload_from_first_page()

    def statuses(self) -> tuple[ConferenceStatus, ...]:
        data = self.status_combo.currentData()
        return (ConferenceStatus(data),) if data else ()

    def set_status_filter(self, status: ConferenceStatus | None) -> None:
        """«Все» for None."""
        self.status_combo.setCurrentIndex(
            self.status_combo.findData(status.value if status is not None else "")
        )

    def _period_changed(self, *_args: object) -> None:
        if self._setting_period:
            return
        if self.period() is not Period.CUSTOM:
            self._show_period_dates()
        self.reload_from_first_page()

    def _show_period_dates(self) -> bool:
        """The dates of «Сегодня», «Неделя» or «Месяц» as of now; True if they changed."""
        date_from, date_to = period_dates(self.period(), self.context.now().date())
        if (date_from, date_to) == self.dates():
            return False
        self._setting_period = True
        try:
            self.date_from_edit.setDate(QDate(date_from))
            self.date_to_edit.setDate(QDate(date_to))
        finally:
            self._setting_period = False
        return True

    def _dates_typed(self, edit: QDateEdit) -> None:
        """A date of the period typed or picked: the period becomes «Период»; the other end
        follows so that the period is never reversed."""
        if self._setting_period:
            return
        date_from, date_to = self.dates()
        self._setting_period = True
        try:
            if date_to < date_from:
                other = self.date_to_edit if edit is self.date_from_edit else self.date_from_edit
                other.setDate(edit.date())
            self.set_period(Period.CUSTOM)
        finally:
            self._setting_period = False
        self.reload_from_first_page()

    async def _fetch_conferences(self, page: PageRequest) -> Page[Conference]:
        date_from, date_to = self.dates()
        return await self.context.backend.list_conferences(
            page, date_from=date_from, date_to=date_to, statuses=self.statuses()
        )

    # --- looking again by itself ------------------------------------------------------------
    def poll(self) -> None:
        """A refresh nobody asked for: the statuses change at their times by themselves."""
        if self.period() is not Period.CUSTOM and self._show_period_dates():
            self.reload()  # midnight passed: «Сегодня» is another day
        else:
            self.reload(quiet=True)

    def showEvent(self, event: QEvent) -> None:
        first = self._generation == 0
        super().showEvent(event)
        if not first:
            self.reload(quiet=True)  # back on screen: what changed meanwhile
        self.poll_timer.start()

    def hideEvent(self, event: QEvent) -> None:
        self.poll_timer.stop()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.poll_timer.stop()
        if self.link_dialog is not None:
            self.link_dialog.close()
        super().closeEvent(event)

    # --- the actions --------------------------------------------------------------------------
    def _update_actions(self, *args: object) -> None:
        super()._update_actions(*args)
        record = self.selected_record()
        self.edit_action.setEnabled(
            record is not None and record.can_edit and record.status in EDITABLE
        )

    def _edit(self) -> None:
        if self.edit_action.isEnabled():
            super()._edit()

    def _reselect(self, previous: Conference | None) -> None:
        wanted, self._select_after_load = self._select_after_load, None
        for row, record in enumerate(self.model.records()):
            if wanted is not None and record.id == wanted:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return
        super()._reselect(previous)

    def add_conference(self) -> None:
        self._open_editor(None)

    def edit_conference(self, conference: Conference) -> None:
        if conference.can_edit and conference.status in EDITABLE:
            self._open_editor(conference.id)

    def _open_editor(self, conference_id: int | None) -> None:
        """«Видеоконференция сферума: Добавление» / «Редактирование»; one at a time."""
        if self.edit_window is not None:
            self.edit_window.raise_()
            self.edit_window.activateWindow()
            return
        window = self.edit_window = ConferenceEditWindow(self.context, conference_id)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.saved.connect(self._saved)
        window.finished.connect(self._editor_closed)
        window.open()

    def _editor_closed(self, _result: int = 0) -> None:
        self.edit_window = None

    def _saved(self, conference: Conference) -> None:
        """Show the saved conference, widening the filters if they hide it."""
        self._select_after_load = conference.id
        day = conference.starts_at.astimezone(self.context.now().tzinfo).date()
        date_from, date_to = self.dates()
        if not date_from <= day <= date_to:
            self._setting_period = True
            try:
                self.set_period(Period.CUSTOM)
                self.date_from_edit.setDate(QDate(min(date_from, day)))
                self.date_to_edit.setDate(QDate(max(date_to, day)))
            finally:
                self._setting_period = False
        statuses = self.statuses()
        if statuses and conference.status not in statuses:
            self.set_status_filter(None)
        self.announce_changed(Topic.CONFERENCES)

    def delete_conference(self, conference: Conference) -> None:
        self.tasks.start(self._delete_after_asking(conference))

    async def _delete_after_asking(self, conference: Conference) -> None:
        if conference.status is CS.ACTIVE:
            question = translate(
                "ConferencesTab",
                "Видеоконференция «{title}» сейчас идет. Звонок будет завершен для всех "
                "участников, а видеоконференция удалена. Удалить?",
            )
        else:
            question = translate("ConferencesTab", "Удалить видеоконференцию «{title}»?")
        if not await messages.ask_async(self, question.format(title=conference.title)):
            return
        await self.context.backend.delete_conference(conference.id, conference.version)
        self.conference_deleted.emit(conference.id)
        self.announce_changed(Topic.CONFERENCES)

    def end_selected(self) -> None:
        """«Закончить видеоконференцию»: the call ends now, for everyone."""
        record = self.selected_record()
        if record is not None and self.end_action.isEnabled():
            self.tasks.start(self._end(record))

    async def _end(self, conference: Conference) -> None:
        if not await messages.ask_async(
            self,
            translate(
                "ConferencesTab",
                "Закончить видеоконференцию «{title}»? Звонок будет завершен для всех участников.",
            ).format(title=conference.title),
        ):
            return
        await self.context.backend.end_conference(conference.id)
        self.announce_changed(Topic.CONFERENCES)

    def retry_selected(self) -> None:
        """«Повторить» after «Ошибка»: says why it failed, then starts it again."""
        record = self.selected_record()
        if record is not None and self.retry_action.isEnabled():
            self.tasks.start(self._retry(record))

    async def _retry(self, conference: Conference) -> None:
        reason = conference.status_message or translate(
            "ConferencesTab", "Платформа МАХ не ответила."
        )
        if not await messages.ask_async(
            self,
            translate(
                "ConferencesTab",
                "Видеоконференция «{title}» не началась: {reason}\n\nПовторить запуск?",
            ).format(title=conference.title, reason=reason),
        ):
            return
        await self.context.backend.retry_conference(conference.id)
        self.announce_changed(Topic.CONFERENCES)

    # --- joining ----------------------------------------------------------------------------
    def join_selected(self) -> None:
        """«Перейти»: the call in the system browser."""
        record = self.selected_record()
        if record is not None and has_link(record):
            self.open_link(record)

    def open_link(self, conference: Conference) -> None:
        link = conference.join_link or ""
        if QDesktopServices.openUrl(QUrl(link)):
            self.link_opened.emit(link)
        else:  # no browser here: the link to copy, and the code for a phone
            self._show_link_dialog(conference, browser_failed=True)

    def show_link_dialog(self) -> None:
        """«QR-код»: the link of the selected conference, for a phone."""
        record = self.selected_record()
        if record is not None and has_link(record):
            self._show_link_dialog(record)

    def _show_link_dialog(self, conference: Conference, *, browser_failed: bool = False) -> None:
        if self.link_dialog is not None:
            self.link_dialog.close()
        dialog = self.link_dialog = ConferenceLinkDialog(
            self.context.desktop or self, conference, browser_failed=browser_failed
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._link_dialog_closed)
        dialog.open()

    def _link_dialog_closed(self, _result: int = 0) -> None:
        self.link_dialog = None

    def _link_at(self, position: QPoint) -> Conference | None:
        index = self.table.indexAt(position)
        if not index.isValid() or index.column() != LINK_COLUMN:
            return None
        record = self.model.record(index.row())
        return record if has_link(record) else None

    def _cell_clicked(self, index: QModelIndex) -> None:
        if index.column() != LINK_COLUMN:
            return
        record = self.model.record(index.row())
        if has_link(record):
            self.open_link(record)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseMove
            and isinstance(event, QMouseEvent)
            and watched is self.table.viewport()
        ):
            if self._link_at(event.position().toPoint()) is not None:
                self.table.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                self.table.viewport().unsetCursor()
        return super().eventFilter(watched, event)

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        actions: Sequence[Any] = (
            self.join_action,
            self.qr_action,
            None,
            self.edit_action,
            self.end_action,
            self.retry_action,
            self.delete_action,
            None,
            self.refresh_action,
        )
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(position))
