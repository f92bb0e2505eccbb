"""«Журнал на урок»: the logged-in teacher's lessons of a day, the tab «Урок» (КТП topic, work
type, «Урок проведен», online-lesson buttons) and the tab «Классный журнал»."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from backend.contract import (
    MAX_PAGE_SIZE,
    WORK_TYPES,
    BackendError,
    ChatDraft,
    ChatKind,
    ChatMemberChoice,
    Conference,
    ConferenceStatus,
    Conflict,
    KtpTopic,
    Lesson,
    LessonRecord,
    LessonRecordUpdate,
    PageRequest,
    ParticipantKind,
    SferumLinkStatus,
)
from registries.base import messages
from registries.base.context import RegistryContext
from registries.base.icons import icon
from registries.base.record_picker import RecordPicker
from registries.base.registry_window import close_window_of
from registries.base.table_model import Column, RecordTableModel
from registries.base.tasks import TaskRunner

translate = QCoreApplication.translate

POLL_INTERVAL_MS = 2500  # how often the online-lesson buttons look at the conference
JOURNAL_DAYS_BACK = 55  # with the days ahead, within the backend's 62-day limit
JOURNAL_DAYS_AHEAD = 6
# Which of several conferences of a lesson the buttons are about.
_STATUS_RANK = {
    ConferenceStatus.ACTIVE: 0,
    ConferenceStatus.NEW: 1,
    ConferenceStatus.ERROR: 2,
    ConferenceStatus.FINISHED: 3,
}


def lesson_columns() -> list[Column[Lesson]]:
    return [
        Column(translate("JournalWindow", "№"), lambda x: x.number, None, 36, align_right=True),
        Column(
            translate("JournalWindow", "Время"),
            lambda x: f"{x.starts_at:%H:%M}–{x.ends_at:%H:%M}",
            None,
            90,
        ),
        Column(translate("JournalWindow", "Класс/Группа"), lambda x: x.group_name, None, 104),
        Column(translate("JournalWindow", "Предмет"), lambda x: x.subject_name, None, 120),
    ]


def journal_columns() -> list[Column[Lesson]]:
    return [
        Column(translate("JournalWindow", "Дата"), lambda x: x.date, None, 90),
        Column(translate("JournalWindow", "№"), lambda x: x.number, None, 36, align_right=True),
        Column(translate("JournalWindow", "Проведен"), lambda x: x.conducted, None, 80),
        Column(translate("JournalWindow", "Тема"), lambda x: x.topic or "", None, 200),
    ]


def topic_columns() -> list[Column[KtpTopic]]:
    return [
        Column(translate("JournalWindow", "№"), lambda x: x.number, None, 40, align_right=True),
        Column(translate("JournalWindow", "Тема"), lambda x: x.title, None, 380),
        Column(translate("JournalWindow", "Часы"), lambda x: x.hours, None, 50, align_right=True),
    ]


def topic_text(topic: KtpTopic | None) -> str:
    if topic is None:
        return translate("JournalWindow", "Урок не привязан к КТП")
    return f"{topic.number}. {topic.title}"


class JournalWindow(QWidget):
    loaded = Signal()  # the day's lessons are in the list
    record_loaded = Signal()  # the tab «Урок» shows the chosen lesson's journal record
    record_saved = Signal()  # «Добавить в журнал» saved it
    journal_loaded = Signal()  # the tab «Классный журнал» is filled
    conference_checked = Signal()  # the online-lesson buttons follow the conference now
    editor_prefilled = Signal()  # «Видеоконференция сферума: Добавление» shows the lesson

    def __init__(self, context: RegistryContext, *, today: dt.date | None = None) -> None:
        super().__init__()
        self.setObjectName("journalWindow")
        self.setWindowTitle(translate("JournalWindow", "Журнал на урок"))
        self.context = context
        self.tasks = TaskRunner(self)  # the day's lessons
        self.record_tasks = TaskRunner(self)  # the chosen lesson's record and journal
        self.actions = TaskRunner(self)  # what the user asked for
        self.poll_tasks = TaskRunner(self)  # the conference's status
        self.current: Lesson | None = None  # the lesson the tab «Урок» is about
        self.record: LessonRecord | None = None  # as saved
        self.topic: KtpTopic | None = None  # as edited
        self.conference: Conference | None = None
        self.conference_lesson_id: int | None = None  # whose conference was looked up last
        self.picker: RecordPicker[KtpTopic] | None = None
        self.edit_window: QWidget | None = None
        self._shown_date = today or context.now().date()
        self._quiet = False  # selection or date changes made by the window itself
        self._saving = False  # «Добавить в журнал» is on its way

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
        self.date_edit.setDate(QDate(self._shown_date))
        self.date_edit.dateChanged.connect(self._date_changed)
        toolbar.addWidget(self.date_edit)
        next_day = toolbar.addAction(icon("page-next"), "")
        next_day.setToolTip(translate("JournalWindow", "Следующий день"))
        next_day.setShortcut(QKeySequence("Alt+Right"))
        next_day.triggered.connect(lambda: self._shift(1))
        today_action = toolbar.addAction(icon("calendar"), translate("JournalWindow", "Сегодня"))
        today_action.triggered.connect(
            lambda: self.date_edit.setDate(QDate(self.context.now().date()))
        )
        toolbar.addSeparator()
        refresh = toolbar.addAction(icon("refresh"), translate("JournalWindow", "Обновить"))
        refresh.setShortcut(QKeySequence("F5"))
        refresh.triggered.connect(self.reload)

        self.model: RecordTableModel[Lesson] = RecordTableModel(
            lesson_columns(), bold=lambda lesson: not lesson.conducted, parent=self
        )
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
        self.tabs.addTab(self._lesson_tab(), translate("JournalWindow", "Урок"))
        self.tabs.addTab(self._journal_tab(), translate("JournalWindow", "Классный журнал"))
        self.tabs.setEnabled(False)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setSizes([460, 480])
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

        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_INTERVAL_MS)
        self.poll_timer.timeout.connect(self._poll_conference)
        self._update_lesson_tab()
        self.reload()

    # --- building ---------------------------------------------------------------------------
    def _lesson_tab(self) -> QWidget:
        tab = QWidget(self.tabs)
        tab.setObjectName("lessonTab")
        self.bind_button = QPushButton(translate("JournalWindow", "Привязать к КТП"), tab)
        self.bind_button.setObjectName("bindKtpButton")
        self.bind_button.clicked.connect(self.bind_topic)
        self.unbind_button = QPushButton(translate("JournalWindow", "Отвязать КТП"), tab)
        self.unbind_button.setObjectName("unbindKtpButton")
        self.unbind_button.clicked.connect(self.unbind_topic)
        self.create_online_button = QPushButton(
            translate("JournalWindow", "Создать онлайн-урок"), tab
        )
        self.create_online_button.setObjectName("createOnlineLessonButton")
        self.create_online_button.clicked.connect(self.create_online_lesson)
        self.join_online_button = QPushButton(
            translate("JournalWindow", "Подключиться к онлайн-уроку"), tab
        )
        self.join_online_button.setObjectName("joinOnlineLessonButton")
        self.join_online_button.clicked.connect(self.join_online_lesson)
        self.end_online_button = QPushButton(
            translate("JournalWindow", "Завершить онлайн-урок"), tab
        )
        self.end_online_button.setObjectName("endOnlineLessonButton")
        self.end_online_button.clicked.connect(self.end_online_lesson)
        top_buttons = QHBoxLayout()
        for button in (
            self.bind_button,
            self.unbind_button,
            self.create_online_button,
            self.join_online_button,
            self.end_online_button,
        ):
            top_buttons.addWidget(button)
        top_buttons.addStretch(1)

        form = QFormLayout()
        self.class_label = QLabel(tab)
        self.subject_label = QLabel(tab)
        self.time_label = QLabel(tab)
        self.topic_label = QLabel(tab)
        self.topic_label.setObjectName("topicLabel")
        self.topic_label.setWordWrap(True)
        self.work_type_combo = QComboBox(tab)
        self.work_type_combo.setObjectName("workTypeCombo")
        self.work_type_combo.addItem("", None)
        for work_type in WORK_TYPES:
            self.work_type_combo.addItem(work_type, work_type)
        self.work_type_combo.currentIndexChanged.connect(lambda _i: self._update_lesson_tab())
        self.conducted_check = QCheckBox(translate("JournalWindow", "Урок проведен"), tab)
        self.conducted_check.setObjectName("conductedCheck")
        self.conducted_check.toggled.connect(lambda _c: self._update_lesson_tab())
        form.addRow(translate("JournalWindow", "Класс/Группа:"), self.class_label)
        form.addRow(translate("JournalWindow", "Предмет:"), self.subject_label)
        form.addRow(translate("JournalWindow", "Время:"), self.time_label)
        form.addRow(translate("JournalWindow", "Тема:"), self.topic_label)
        form.addRow(
            translate("JournalWindow", "Основной вид работы на уроке:"), self.work_type_combo
        )
        form.addRow("", self.conducted_check)
        self.online_label = QLabel(tab)
        self.online_label.setObjectName("onlineLessonState")
        self.online_label.setWordWrap(True)
        form.addRow(translate("JournalWindow", "Онлайн-урок:"), self.online_label)

        self.save_button = QPushButton(translate("JournalWindow", "Добавить в журнал"), tab)
        self.save_button.setObjectName("addToJournalButton")
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel(tab)
        self.saved_label.setObjectName("recordSavedLabel")
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_label)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(tab)
        layout.addLayout(top_buttons)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(bottom)
        return tab

    def _journal_tab(self) -> QWidget:
        tab = QWidget(self.tabs)
        tab.setObjectName("classJournalTab")
        self.journal_model: RecordTableModel[Lesson] = RecordTableModel(
            journal_columns(), bold=lambda lesson: not lesson.conducted, parent=self
        )
        self.journal_table = QTableView(tab)
        self.journal_table.setObjectName("classJournalTable")
        self.journal_table.setModel(self.journal_model)
        self.journal_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.journal_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.journal_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.journal_table.setWordWrap(False)  # a long topic ends in «…», rows keep one height
        self.journal_table.verticalHeader().hide()
        self.journal_table.horizontalHeader().setStretchLastSection(True)
        for index, column in enumerate(self.journal_model.columns()):
            self.journal_table.horizontalHeader().resizeSection(index, column.width)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.journal_table)
        return tab

    # --- the day ----------------------------------------------------------------------------
    @property
    def date(self) -> dt.date:
        return self.date_edit.date().toPython()

    def _shift(self, days: int) -> None:
        self.date_edit.setDate(self.date_edit.date().addDays(days))

    def _date_changed(self, *_args: object) -> None:
        if self._quiet:
            return
        if self.has_changes():
            self.actions.start(self._settle_then(self._date_accepted, self._date_refused))
        else:
            self._date_accepted()

    def _date_accepted(self) -> None:
        self._shown_date = self.date
        self.reload()

    def _date_refused(self) -> None:
        self._quiet = True
        try:
            self.date_edit.setDate(QDate(self._shown_date))
        finally:
            self._quiet = False

    def reload(self) -> None:
        """Read the day again, staying on the lesson shown (if it is still that day's)."""
        self.tasks.cancel_all()
        self.tasks.start(self._load(self.date))

    async def _load(self, day: dt.date) -> None:
        lessons = await self.context.backend.timetable(
            day, day, teacher_id=self.context.user.employee_id
        )
        # The lesson shown when the answer comes: the teacher may have moved on meanwhile.
        keep = self.current.id if self.current is not None else None
        row = next((r for r, x in enumerate(lessons) if x.id == keep), None)
        if row is None:
            row = self._first_row(day, lessons)
        self._quiet = True
        try:
            self.model.set_records(lessons)
            if lessons:
                self.table.selectRow(row)
        finally:
            self._quiet = False
        self.empty_label.setVisible(not lessons)
        self._show_selected()  # once, also when the same lesson stays selected
        self.loaded.emit()

    def _first_row(self, day: dt.date, lessons: list[Lesson]) -> int:
        """Today: the lesson under way or the next one; another day: its first lesson."""
        now = self.context.now()
        if day != now.date():
            return 0
        return next((r for r, x in enumerate(lessons) if x.ends_at > now.time()), 0)

    def selected_lesson(self) -> Lesson | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _select_lesson(self, lesson_id: int | None) -> None:
        self._quiet = True
        try:
            for row, lesson in enumerate(self.model.records()):
                if lesson.id == lesson_id:
                    self.table.selectRow(row)
                    return
            self.table.clearSelection()
        finally:
            self._quiet = False

    def _show_selected(self, *_args: object) -> None:
        if self._quiet:
            return
        lesson = self.selected_lesson()
        if lesson is not None and self.current is not None and lesson.id == self.current.id:
            self.current = lesson  # the same lesson, read again (e.g. conducted now)
            self._show_lesson()
            if not self.has_changes():  # what the teacher is typing stays on screen
                self.record_tasks.start(self._load_record(lesson))
            self.record_tasks.start(self._load_journal(lesson))
            return
        if self.has_changes():
            previous = self.current.id if self.current is not None else None
            self.actions.start(
                self._settle_then(
                    lambda: self._switch_to(lesson),
                    lambda: self._select_lesson(previous),
                )
            )
            return
        self._switch_to(lesson)

    def _switch_to(self, lesson: Lesson | None) -> None:
        if lesson is not None:
            self._select_lesson(lesson.id)
        self.current = lesson
        self.record = None
        self.topic = None
        self.conference = None
        self.conference_lesson_id = None
        self.record_tasks.cancel_all()
        self.poll_tasks.cancel_all()
        self.journal_model.set_records([])
        self.saved_label.clear()
        self._show_lesson()
        if lesson is not None:
            self.record_tasks.start(self._load_record(lesson))
            self.record_tasks.start(self._load_journal(lesson))
            self.poll_tasks.start(self._check_conference(lesson))

    def _show_lesson(self) -> None:
        lesson = self.current
        self.tabs.setEnabled(lesson is not None)
        if lesson is None:
            for label in (self.class_label, self.subject_label, self.time_label, self.topic_label):
                label.clear()
            self._update_lesson_tab()
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
        self._update_lesson_tab()

    # --- the journal record -------------------------------------------------------------------
    async def _load_record(self, lesson: Lesson) -> None:
        record = await self.context.backend.lesson_record(lesson.id)
        if self.current is None or self.current.id != lesson.id:
            return
        self._show_record(record)
        self.record_loaded.emit()

    def _show_record(self, record: LessonRecord) -> None:
        self.record = record
        self.topic = record.topic
        self.work_type_combo.blockSignals(True)
        index = self.work_type_combo.findData(record.work_type) if record.work_type else 0
        self.work_type_combo.setCurrentIndex(max(index, 0))
        self.work_type_combo.blockSignals(False)
        self.conducted_check.blockSignals(True)
        self.conducted_check.setChecked(record.conducted)
        self.conducted_check.blockSignals(False)
        self._update_lesson_tab()

    def work_type(self) -> str | None:
        data = self.work_type_combo.currentData()
        return str(data) if data else None

    def has_changes(self) -> bool:
        record = self.record
        if record is None or not record.can_edit:
            return False
        return (
            (self.topic.id if self.topic else None) != (record.topic.id if record.topic else None)
            or self.work_type() != record.work_type
            or self.conducted_check.isChecked() != record.conducted
        )

    def _update_lesson_tab(self) -> None:
        record = self.record
        editable = record is not None and record.can_edit
        self.topic_label.setText(topic_text(self.topic) if self.current is not None else "")
        self.bind_button.setVisible(self.topic is None)
        self.unbind_button.setVisible(self.topic is not None)
        for widget in (self.bind_button, self.unbind_button, self.work_type_combo):
            widget.setEnabled(editable)
        to_come = self.current is not None and self.current.date > self.context.now().date()
        # A lesson of a day to come cannot be conducted yet (a wrong tick can still be undone).
        self.conducted_check.setEnabled(
            editable and (not to_come or self.conducted_check.isChecked())
        )
        self.conducted_check.setToolTip(
            translate("JournalWindow", "Урок еще не наступил.") if to_come else ""
        )
        self.save_button.setEnabled(editable and not self._saving)
        if self.has_changes():
            self.saved_label.clear()
        self._update_online_buttons()

    def bind_topic(self) -> None:
        """«Привязать к КТП»: the group's topics of the subject, the suggested one chosen."""
        if self.current is not None and self.record is not None:
            self.actions.start(self._bind_topic(self.current, self.record))

    async def _bind_topic(self, lesson: Lesson, record: LessonRecord) -> None:
        wanted = self.topic.id if self.topic is not None else record.suggested_topic_id
        picker: RecordPicker[KtpTopic] = RecordPicker(
            self,
            title=translate("JournalWindow", "Выбор темы КТП"),
            columns=topic_columns(),
            load=lambda: self.context.backend.list_ktp_topics(lesson.group_id, lesson.subject_id),
            search_text=lambda t: f"{t.number} {t.title}",
            empty_text=translate("JournalWindow", "Для группы по этому предмету нет КТП."),
            current=lambda t: t.id == wanted,
        )
        self.picker = picker
        try:
            chosen = await picker.choose()
        finally:
            self.picker = None
        if chosen is not None and self.current is not None and self.current.id == lesson.id:
            self.topic = chosen
            self._update_lesson_tab()

    def unbind_topic(self) -> None:
        """«Отвязать КТП»: saved with «Добавить в журнал»."""
        self.topic = None
        self._update_lesson_tab()

    def save(self) -> None:
        """«Добавить в журнал»."""
        self.actions.start(self._save_and_report())

    async def _save_and_report(self) -> None:
        await self._save()

    async def _save(self) -> bool:
        record, lesson = self.record, self.current
        if record is None or lesson is None or self._saving:
            return False
        self._saving = True
        self.save_button.setEnabled(False)
        try:
            saved = await self.context.backend.save_lesson_record(
                LessonRecordUpdate(
                    lesson_id=lesson.id,
                    topic_id=self.topic.id if self.topic is not None else None,
                    work_type=self.work_type(),
                    conducted=self.conducted_check.isChecked(),
                    version=record.version,
                )
            )
        except Conflict as error:
            await messages.error_async(self, error.message)
            self.record_tasks.start(self._load_record(lesson))
            return False
        except BackendError as error:
            await messages.error_async(self, error.message)
            return False
        finally:
            self._saving = False
            self._update_lesson_tab()
        if self.current is not None and self.current.id == lesson.id:
            self.current = saved.lesson
            self._show_record(saved)
            self.saved_label.setText(translate("JournalWindow", "Запись об уроке сохранена."))
        self._put_lesson(saved.lesson)
        self.record_saved.emit()
        return True

    def _put_lesson(self, lesson: Lesson) -> None:
        """A saved lesson's new state (bold, topic) in the day's list and in «Классный журнал»,
        in place: selection and scrolling stay."""
        for model in (self.model, self.journal_model):
            model.update_records([lesson if x.id == lesson.id else x for x in model.records()])

    async def _settle_then(self, go_on: Callable[[], None], stay: Callable[[], None]) -> None:
        """Unsaved changes: «Сохранить изменения?» — «Да» saves, «Нет» drops them, «Отмена»
        stays where the user was."""
        role = await messages.choose_async(
            self,
            translate("JournalWindow", "Сохранить изменения?"),
            [
                (translate("Messages", "Да"), QMessageBox.ButtonRole.YesRole),
                (translate("Messages", "Нет"), QMessageBox.ButtonRole.NoRole),
                (translate("Messages", "Отмена"), QMessageBox.ButtonRole.RejectRole),
            ],
            title=translate("JournalWindow", "Журнал на урок"),
        )
        if role == QMessageBox.ButtonRole.YesRole:
            if not await self._save():
                stay()
                return
        elif role == QMessageBox.ButtonRole.NoRole:
            if self.record is not None:
                self._show_record(self.record)
        else:
            stay()
            return
        go_on()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing with unsaved changes asks whether to drop them, as edit windows do (a close
        must be answered at once, so there is no saving on the way out)."""
        if self.has_changes() and not messages.ask(
            self,
            translate(
                "JournalWindow",
                "Данные были изменены. Закрыть окно без сохранения изменений?",
            ),
        ):
            event.ignore()
            return
        if self.record is not None:
            self._show_record(self.record)  # dropped: a second close asks nothing
        super().closeEvent(event)

    # --- «Классный журнал» ----------------------------------------------------------------------
    async def _load_journal(self, lesson: Lesson) -> None:
        today = self.context.now().date()
        back, ahead = dt.timedelta(days=JOURNAL_DAYS_BACK), dt.timedelta(days=JOURNAL_DAYS_AHEAD)
        if not today - back <= lesson.date <= today + ahead:
            today = lesson.date  # a lesson far from today: the weeks around it
        lessons = await self.context.backend.timetable(
            today - back,
            today + ahead,
            group_id=lesson.group_id,
        )
        if self.current is None or self.current.group_id != lesson.group_id:
            return
        self.journal_model.set_records([x for x in lessons if x.subject_id == lesson.subject_id])
        self.journal_loaded.emit()

    # --- the online lesson ----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.poll_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.poll_timer.stop()
        super().hideEvent(event)

    def _poll_conference(self) -> None:
        if self.isVisible() and self.current is not None and not self.poll_tasks.busy:
            self.poll_tasks.start(self._check_conference(self.current), on_error=lambda _e: None)

    async def _find_conference(self, lesson: Lesson) -> Conference | None:
        page = await self.context.backend.list_conferences(
            PageRequest(limit=MAX_PAGE_SIZE),
            date_from=lesson.date,
            date_to=lesson.date,
            lesson_id=lesson.id,
        )
        found = list(page.items)
        found.sort(key=lambda c: (_STATUS_RANK.get(c.status, 9), -c.id))
        return found[0] if found else None

    async def _check_conference(self, lesson: Lesson) -> None:
        conference = await self._find_conference(lesson)
        if self.current is None or self.current.id != lesson.id:
            return
        self.conference = conference
        self.conference_lesson_id = lesson.id
        self._update_online_buttons()
        self.conference_checked.emit()

    def _update_online_buttons(self) -> None:
        conference = self.conference
        lesson = self.current
        self.create_online_button.setVisible(lesson is not None and conference is None)
        self.create_online_button.setEnabled(lesson is not None and not self._over(lesson))
        self.join_online_button.setVisible(conference is not None)
        self.end_online_button.setVisible(
            conference is not None and conference.status is ConferenceStatus.ACTIVE
        )
        self.end_online_button.setEnabled(conference is not None and conference.can_end)
        if conference is None:
            self.online_label.setText(
                translate("JournalWindow", "Урок закончился, онлайн-урок не создан")
                if lesson is not None and self._over(lesson)
                else translate("JournalWindow", "Не создан")
            )
            return
        texts = {
            ConferenceStatus.NEW: translate("JournalWindow", "Начнется в {time}"),
            ConferenceStatus.ACTIVE: translate("JournalWindow", "Идет"),
            ConferenceStatus.FINISHED: translate("JournalWindow", "Завершен"),
            ConferenceStatus.ERROR: translate("JournalWindow", "Ошибка: {reason}"),
        }
        self.online_label.setText(
            texts.get(conference.status, str(conference.status)).format(
                time=self._local_time(conference.starts_at), reason=conference.status_message
            )
        )

    def _over(self, lesson: Lesson) -> bool:
        now = self.context.now()
        return dt.datetime.combine(lesson.date, lesson.ends_at, now.tzinfo) <= now

    def _local_time(self, moment: dt.datetime) -> str:
        return f"{moment.astimezone(self.context.now().tzinfo):%H:%M}"

    def create_online_lesson(self) -> None:
        """«Создать онлайн-урок»: «Видеоконференция сферума: Добавление», filled in."""
        if self.current is not None:
            self.actions.start(self._create_online_lesson(self.current))

    async def _create_online_lesson(self, lesson: Lesson) -> None:
        backend = self.context.backend
        if self._over(lesson):  # the button was pressed just as the lesson ended
            self._update_online_buttons()
            await messages.inform_async(
                self, translate("JournalWindow", "Урок уже закончился: создать онлайн-урок нельзя.")
            )
            return
        link = await backend.sferum_link()
        if link.status is not SferumLinkStatus.LINKED:
            role = await messages.choose_async(
                self,
                translate(
                    "JournalWindow",
                    "Чтобы создать онлайн-урок, учетная запись должна быть привязана к "
                    "учебному аккаунту Сферум.",
                ),
                [
                    (
                        translate("JournalWindow", "Привязать аккаунт к Сферум"),
                        QMessageBox.ButtonRole.AcceptRole,
                    ),
                    (translate("Messages", "Отмена"), QMessageBox.ButtonRole.RejectRole),
                ],
                icon=QMessageBox.Icon.Warning,
                title=translate("Messages", "Внимание"),
            )
            if role == QMessageBox.ButtonRole.AcceptRole:
                self.context.open_registry("sferum_link")
            return
        chat_id = await self._subject_chat(lesson)
        if chat_id is None:
            return
        self._open_editor(lesson, chat_id)

    async def _subject_chat(self, lesson: Lesson) -> int | None:
        """The group's «Предмет» chat; made on the spot, with the user's consent, if none."""
        backend = self.context.backend
        page = await backend.list_chats(PageRequest(limit=MAX_PAGE_SIZE))
        for summary in page.items:
            if summary.kind is ChatKind.SUBJECT and summary.group_id == lesson.group_id:
                return summary.id
        if not await messages.ask_async(
            self, translate("JournalWindow", "Для группы нет предметного чата. Создать его?")
        ):
            return None
        students = await backend.chat_candidates(ParticipantKind.STUDENT, group_id=lesson.group_id)
        chat = await backend.save_chat(
            ChatDraft(
                title=f"{lesson.subject_name} {lesson.group_name}",
                kind=ChatKind.SUBJECT,
                group_id=lesson.group_id,
                members=tuple(ChatMemberChoice(s.person_id, s.kind) for s in students),
            )
        )
        return chat.id

    def _open_editor(self, lesson: Lesson, chat_id: int) -> None:
        from registries.sferum.conference_edit import ConferenceEditWindow

        if self.edit_window is not None:
            self.edit_window.raise_()
            self.edit_window.activateWindow()
            return
        window = ConferenceEditWindow(self.context, online_lesson=(chat_id, lesson))
        self.edit_window = window
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.saved.connect(lambda _c: self._poll_now())
        window.finished.connect(self._editor_closed)
        window.loaded.connect(self.editor_prefilled)
        window.open()

    def _editor_closed(self, _result: int = 0) -> None:
        self.edit_window = None
        self._poll_now()

    def _poll_now(self) -> None:
        if self.current is not None:
            self.poll_tasks.cancel_all()
            self.poll_tasks.start(self._check_conference(self.current))

    def join_online_lesson(self) -> None:
        """«Подключиться к онлайн-уроку»: the call in the system browser, once it is on."""
        if self.current is not None:
            self.actions.start(self._join(self.current))

    async def _join(self, lesson: Lesson) -> None:
        conference = await self._find_conference(lesson)
        if self.current is not None and self.current.id == lesson.id:
            self.conference = conference
            self.conference_lesson_id = lesson.id
            self._update_online_buttons()
        if conference is None:
            return
        if conference.status is ConferenceStatus.ACTIVE and conference.join_link:
            QDesktopServices.openUrl(QUrl(conference.join_link))
        elif conference.status is ConferenceStatus.NEW:
            await messages.inform_async(
                self,
                translate("JournalWindow", "Онлайн-урок начнется в {time}.").format(
                    time=self._local_time(conference.starts_at)
                ),
            )
        elif conference.status is ConferenceStatus.FINISHED:
            await messages.inform_async(self, translate("JournalWindow", "Онлайн-урок завершен."))
        else:
            await messages.warn_async(
                self,
                conference.status_message
                or translate("JournalWindow", "Онлайн-урок не начался из-за ошибки."),
            )

    def end_online_lesson(self) -> None:
        """«Завершить онлайн-урок», after a confirmation."""
        if self.conference is not None:
            self.actions.start(self._end(self.conference))

    async def _end(self, conference: Conference) -> None:
        if not await messages.confirm_async(
            self, translate("JournalWindow", "Завершить онлайн-урок?")
        ):
            return
        ended = await self.context.backend.end_conference(conference.id)
        self.poll_tasks.cancel_all()  # a look taken before the end would show it still going
        if self.conference is not None and self.conference.id == ended.id:
            self.conference = ended
            self._update_online_buttons()
