"""«Видеоконференция сферума: Добавление» / «Видеоконференция сферума: Редактирование».

«Наименование» (for «Онлайн-урок» filled from the chosen lesson as «<№ урока> - <дата> -
<время> - <предмет>» while the user has not typed a name of their own); «Тип» («Онлайн-урок» /
«Видеозвонок»); «Чат» (a picker over the chats the user may use); «Урок» (a picker over the
timetable of the chat's group or class for the next two weeks; required for «Онлайн-урок» in a
subject chat, disabled for «Видеозвонок»); «Дата начала», «Время начала», «Время окончания»
(filled from the lesson, still editable). The participants' tabs «Сотрудники», «Ученики» and —
for «Видеозвонок» in a «Родительский чат» — «Родители» are filled from the chat; people can be
excluded and added back from the chat's participants. The chat administrator always takes part.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QTimeEdit,
    QToolButton,
    QWidget,
)

from backend.contract import (
    MAX_PAGE_SIZE,
    Backend,
    BackendError,
    Chat,
    ChatCandidate,
    ChatKind,
    ChatMember,
    ChatMemberChoice,
    ChatSummary,
    Conference,
    ConferenceDraft,
    ConferenceKind,
    ConferenceStatus,
    Lesson,
    MemberSferumState,
    NotFound,
    PageRequest,
    ParticipantKind,
    PermissionDenied,
)
from registries.base.context import RegistryContext
from registries.base.edit_window import EditMode, EditWindow
from registries.base.icons import icon
from registries.base.record_picker import RecordPicker
from registries.base.table_model import Column
from registries.sferum.labels import chat_kind_label, conference_kind_label, participants_title
from registries.sferum.participants import Participant, ParticipantsModel, ParticipantsPage
from registries.sferum.picker import ParticipantPicker

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex

TITLE_LENGTH = 300  # as the backend keeps it
LESSON_DAYS = 14  # how far ahead «Урок» offers the timetable
DEFAULT_LENGTH = dt.timedelta(minutes=45)
GRACE = dt.timedelta(minutes=1)  # «now» typed a moment ago is not «in the past» (as the backend)
EDITABLE = (ConferenceStatus.NEW, ConferenceStatus.ERROR)


# --- what the fields say ----------------------------------------------------------------------
def lesson_title(lesson: Lesson) -> str:
    """«<№ урока> - <дата> - <время> - <предмет>», the seed's default name of an online lesson
    (the backend names a lesson's conference the same when the name is left empty)."""
    return (
        f"{lesson.number} - {lesson.date:%d.%m.%Y} - {lesson.starts_at:%H:%M} - "
        f"{lesson.subject_name}"
    )


def lesson_text(lesson: Lesson) -> str:
    """How «Урок» shows a lesson: «3 урок, 23.11.2026, 10:00–10:45, Русский язык (5А)»."""
    return translate(
        "ConferenceEditWindow", "{number} урок, {date}, {starts}–{ends}, {subject} ({group})"
    ).format(
        number=lesson.number,
        date=f"{lesson.date:%d.%m.%Y}",
        starts=f"{lesson.starts_at:%H:%M}",
        ends=f"{lesson.ends_at:%H:%M}",
        subject=lesson.subject_name,
        group=lesson.group_name,
    )


def next_quarter_hour(now: dt.datetime) -> dt.datetime:
    """The next full quarter of an hour after `now` (10:00 → 10:15, 10:07 → 10:15)."""
    moment = now.replace(second=0, microsecond=0)
    return moment + dt.timedelta(minutes=15 - moment.minute % 15)


def chat_columns() -> list[Column[ChatSummary]]:
    return [
        Column(
            translate("ConferenceEditWindow", "Наименование чата"), lambda c: c.title, width=220
        ),
        Column(
            translate("ConferenceEditWindow", "Тип чата"),
            lambda c: chat_kind_label(c.kind),
            width=130,
        ),
        Column(translate("ConferenceEditWindow", "Класс"), lambda c: c.class_name, width=60),
        Column(
            translate("ConferenceEditWindow", "Предмет/Группа (Класс)"),
            lambda c: c.group_name,
            width=170,
        ),
        Column(
            translate("ConferenceEditWindow", "Участников"),
            lambda c: c.member_count,
            width=85,
            align_right=True,
        ),
    ]


def lesson_columns() -> list[Column[Lesson]]:
    return [
        Column(translate("ConferenceEditWindow", "Дата"), lambda lesson: lesson.date, width=85),
        Column(
            translate("ConferenceEditWindow", "№ урока"),
            lambda lesson: lesson.number,
            width=65,
            align_right=True,
        ),
        Column(
            translate("ConferenceEditWindow", "Время"),
            lambda lesson: f"{lesson.starts_at:%H:%M}–{lesson.ends_at:%H:%M}",
            width=95,
        ),
        Column(
            translate("ConferenceEditWindow", "Предмет"),
            lambda lesson: lesson.subject_name,
            width=170,
        ),
        Column(
            translate("ConferenceEditWindow", "Группа"), lambda lesson: lesson.group_name, width=80
        ),
        Column(
            translate("ConferenceEditWindow", "Учитель"),
            lambda lesson: lesson.teacher_name,
            width=220,
        ),
    ]


# --- participants -------------------------------------------------------------------------
class ConferenceParticipantsModel(ParticipantsModel):
    """«Ф.И.О.», what they are (position, class, children), «Заблокирован»."""

    def __init__(self, kind: ParticipantKind, parent: QWidget | None = None) -> None:
        super().__init__(kind, parent, columns=("name", "detail", "blocked"))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and section == self.column_of("name")
        ):
            return translate("ConferenceEditWindow", "Ф.И.О.")
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and index.isValid()
            and index.column() == self.column_of("name")
            and self.participant(index.row()).chat_admin
        ):
            return translate("ConferenceEditWindow", "Администратор чатов Сферум: участвует всегда")
        return super().data(index, role)


def candidate_of(member: ChatMember) -> ChatCandidate:
    return ChatCandidate(
        person_id=member.person_id,
        kind=member.kind,
        full_name=member.full_name,
        detail=member.detail,
        blocked=member.blocked,
        linked=member.linked,
        has_account=member.sferum is not MemberSferumState.NO_ACCOUNT,
    )


def _normalise(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


class ChatMemberPicker(ParticipantPicker):
    """«Добавить» on a participants' tab: the chat's participants of that kind who are not in
    the conference (only they can take part in it)."""

    def __init__(
        self,
        parent: QWidget | None,
        backend: Backend,
        kind: ParticipantKind,
        members: Iterable[ChatMember],
    ) -> None:
        super().__init__(parent, backend, kind, ())
        self._members = [candidate_of(m) for m in members]
        self.search("")

    def search(self, text: str) -> None:
        members = getattr(self, "_members", None)
        if members is None:  # the base class searches before the members are known
            return
        words = _normalise(text).split()
        self.model.set_candidates(
            c for c in members if all(w in _normalise(f"{c.full_name} {c.detail}") for w in words)
        )
        self._update_status()
        self.loaded.emit()


# --- the window ---------------------------------------------------------------------------
class PickerField(QWidget):
    """A read-only line with «…» that opens a picker (and «×» that clears it, if wanted)."""

    def __init__(self, parent: QWidget, *, name: str, clearable: bool = False) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setObjectName(f"{name}Edit")
        self.line.setReadOnly(True)
        self.pick_button = QToolButton(self)
        self.pick_button.setObjectName(f"{name}PickButton")
        self.pick_button.setText("…")
        self.clear_button = QToolButton(self)
        self.clear_button.setIcon(icon("clear"))
        self.clear_button.setVisible(clearable)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.pick_button)
        self.setFocusProxy(self.line)


class ConferenceEditWindow(EditWindow):
    loaded = Signal()  # the fields show the conference (or a new one's defaults)
    load_failed = Signal(str)
    chat_filled = Signal()  # the chosen chat's participants are on the tabs
    lesson_filled = Signal()  # the chosen lesson's date and times are in the fields

    def __init__(
        self,
        context: RegistryContext,
        conference_id: int | None = None,
        *,
        online_lesson: tuple[int, Lesson] | None = None,
    ) -> None:
        """`online_lesson` (chat id, lesson): a new «Онлайн-урок» for that lesson, filled in
        as if chosen — what «Создать онлайн-урок» of «Журнал на урок» opens."""
        super().__init__(
            context.desktop,
            entity=translate("ConferenceEditWindow", "Видеоконференция сферума"),
            mode=EditMode.ADD if conference_id is None else EditMode.EDIT,
        )
        self.context = context
        self._conference_id = conference_id
        self._online_lesson = online_lesson
        self.conference: Conference | None = None
        self.chat: Chat | None = None
        self.lesson: Lesson | None = None
        self._lesson_id: int | None = None  # also when the lesson itself could not be found
        self._offered_title = ""
        self._chat_generation = 0
        self._loading = True
        self._chat_loading = False
        self.picker: QWidget | None = None  # the open picker, if any
        self.resize(780, 640)

        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("conferenceTitle")
        self.title_edit.setMaxLength(TITLE_LENGTH)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("conferenceKindCombo")
        for kind in ConferenceKind:
            self.kind_combo.addItem(conference_kind_label(kind), kind.value)
        self.chat_field = PickerField(self, name="chat")
        self.chat_field.pick_button.setToolTip(translate("ConferenceEditWindow", "Выбрать чат"))
        self.lesson_field = PickerField(self, name="lesson", clearable=True)
        self.lesson_field.pick_button.setToolTip(
            translate("ConferenceEditWindow", "Выбрать урок из расписания")
        )
        self.lesson_field.clear_button.setToolTip(translate("ConferenceEditWindow", "Убрать урок"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("conferenceDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.starts_edit = QTimeEdit(self)
        self.starts_edit.setObjectName("conferenceStarts")
        self.starts_edit.setDisplayFormat("HH:mm")
        self.ends_edit = QTimeEdit(self)
        self.ends_edit.setObjectName("conferenceEnds")
        self.ends_edit.setDisplayFormat("HH:mm")

        self.add_field(
            "title",
            translate("ConferenceEditWindow", "Наименование"),
            self.title_edit,
            required=True,
        )
        self.add_field(
            "kind", translate("ConferenceEditWindow", "Тип"), self.kind_combo, required=True
        )
        self.add_field(
            "chat_id", translate("ConferenceEditWindow", "Чат"), self.chat_field, required=True
        )
        self.add_field("lesson_id", translate("ConferenceEditWindow", "Урок"), self.lesson_field)
        self.add_field(
            "starts_on",
            translate("ConferenceEditWindow", "Дата начала"),
            self.date_edit,
            required=True,
        )
        self.add_field(
            "starts_at",
            translate("ConferenceEditWindow", "Время начала"),
            self.starts_edit,
            required=True,
        )
        self.add_field(
            "ends_at",
            translate("ConferenceEditWindow", "Время окончания"),
            self.ends_edit,
            required=True,
        )
        for line in (self.chat_field.line, self.lesson_field.line):
            line.textChanged.connect(self.refresh_modified)
        self.lesson_caption = self.form.labelForField(self.lesson_field.parentWidget())
        assert isinstance(self.lesson_caption, QLabel)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("participantsTabs")
        self.pages: dict[ParticipantKind, ParticipantsPage] = {}
        for kind in ParticipantKind:
            page = ParticipantsPage(kind, self.tabs, model=ConferenceParticipantsModel(kind))
            page.model.setParent(page)
            page.add_requested.connect(self.pick_participants)
            page.model.changed.connect(self.refresh_modified)
            self.pages[kind] = page
            self.tabs.addTab(page, participants_title(kind))
        self._untabbed: list[Participant] = []
        self.body.addWidget(self.tabs, 1)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.chat_field.pick_button.clicked.connect(self.pick_chat)
        self.lesson_field.pick_button.clicked.connect(self.pick_lesson)
        self.lesson_field.clear_button.clicked.connect(lambda: self.set_lesson(None))
        self._update_fields()
        self.tasks.start(self._load(), on_error=self._load_failed_with)

    # --- time -------------------------------------------------------------------------------
    def now(self) -> dt.datetime:
        return self.context.now()

    def zone(self) -> dt.tzinfo | None:
        return self.now().tzinfo

    def local(self, moment: dt.datetime) -> dt.datetime:
        """A moment in the school's time, as the fields show it."""
        return moment.astimezone(self.zone())

    def starts_at(self) -> dt.datetime:
        return dt.datetime.combine(
            self.date_edit.date().toPython(), self.starts_edit.time().toPython(), self.zone()
        )

    def ends_at(self) -> dt.datetime:
        return dt.datetime.combine(
            self.date_edit.date().toPython(), self.ends_edit.time().toPython(), self.zone()
        )

    def _set_times(self, starts: dt.datetime, ends: dt.datetime) -> None:
        self.date_edit.setDate(QDate(starts.date()))
        self.starts_edit.setTime(QTime(starts.hour, starts.minute))
        if ends.date() != starts.date():  # one day only: up to the end of it
            ends = starts.replace(hour=23, minute=59)
        self.ends_edit.setTime(QTime(ends.hour, ends.minute))

    # --- loading ------------------------------------------------------------------------------
    async def _load(self) -> None:
        if self._online_lesson is not None:
            chat_id, lesson = self._online_lesson
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(ConferenceKind.LESSON.value))
            await self.set_chat(chat_id)
            self.set_lesson(lesson)
        elif self._conference_id is None:
            starts = next_quarter_hour(self.now())
            self._set_times(starts, starts + DEFAULT_LENGTH)
        else:
            await self._load_conference(self._conference_id)
        self._loading = False
        self._update_fields()
        self.mark_loaded()
        self.title_edit.setFocus()
        self.loaded.emit()

    async def _load_conference(self, conference_id: int) -> None:
        backend = self.context.backend
        conference = self.conference = await backend.conference(conference_id)
        chat = None
        if conference.chat_id is not None:
            try:
                chat = await backend.chat(conference.chat_id)
            except (NotFound, PermissionDenied):
                chat = None  # the conference still shows; choosing another chat is possible
        starts, ends = self.local(conference.starts_at), self.local(conference.ends_at)
        self._lesson_id = conference.lesson_id
        if chat is not None and conference.lesson_id is not None:
            lessons = await self._lessons_of(chat, starts.date(), starts.date())
            self.lesson = next((x for x in lessons if x.id == conference.lesson_id), None)
        self.chat = chat
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(conference.kind.value))
        self.title_edit.setText(conference.title)
        if self.lesson is not None:
            self._offered_title = lesson_title(self.lesson)
        self.chat_field.line.setText(
            chat.title if chat is not None else (conference.chat_title or "")
        )
        self._show_lesson(conference.subject_name)
        self._set_times(starts, ends)
        details = {m.person_id: m for m in chat.members} if chat is not None else {}
        self._set_participants(
            Participant(
                person_id=member.person_id,
                kind=member.kind,
                full_name=member.full_name,
                detail=details[member.person_id].detail if member.person_id in details else "",
                blocked=member.blocked,
                chat_admin=member.person_id in details and details[member.person_id].admin_locked,
            )
            for member in conference.members
        )
        if conference.status is ConferenceStatus.ERROR and conference.status_message:
            self.show_message(
                translate("ConferenceEditWindow", "Видеоконференция не началась: {reason}").format(
                    reason=conference.status_message
                )
            )

    def _load_failed_with(self, error: BackendError) -> None:
        self.show_message(error.message)
        self.load_failed.emit(error.message)
        self.tasks.report(error)

    async def _lessons_of(self, chat: Chat, date_from: dt.date, date_to: dt.date) -> list[Lesson]:
        """The lessons «Урок» offers for `chat`: its group's, its class's, or — for the
        teachers' chat and «Другое» — the user's own."""
        backend = self.context.backend
        if chat.kind is ChatKind.SUBJECT and chat.group_id is not None:
            return await backend.timetable(date_from, date_to, group_id=chat.group_id)
        if chat.kind in (ChatKind.CLASS, ChatKind.PARENTS) and chat.class_id is not None:
            return await backend.timetable(date_from, date_to, class_id=chat.class_id)
        teacher = self.context.user.employee_id
        if teacher is None:
            return []
        return await backend.timetable(date_from, date_to, teacher_id=teacher)

    # --- the fields -------------------------------------------------------------------------
    def kind(self) -> ConferenceKind:
        data = self.kind_combo.currentData()  # Qt hands a StrEnum back as a plain str
        return ConferenceKind(data) if data is not None else ConferenceKind.LESSON

    def lesson_allowed(self) -> bool:
        return self.kind() is ConferenceKind.LESSON

    def lesson_required(self) -> bool:
        """«Онлайн-урок» in a subject chat needs its lesson."""
        return (
            self.lesson_allowed() and self.chat is not None and self.chat.kind is ChatKind.SUBJECT
        )

    def parents_allowed(self) -> bool:
        """«Родители» only for «Видеозвонок» in a «Родительский чат»."""
        return (
            self.kind() is ConferenceKind.CALL
            and self.chat is not None
            and self.chat.kind is ChatKind.PARENTS
        )

    def _kind_changed(self, *_args: object) -> None:
        if not self.lesson_allowed() and self._lesson_id is not None:
            self.set_lesson(None)
        self._update_fields()
        self.refresh_modified()

    def _update_fields(self) -> None:
        busy = self._loading or self._chat_loading
        for widget in (
            self.title_edit,
            self.kind_combo,
            self.date_edit,
            self.starts_edit,
            self.ends_edit,
            self.save_button,
        ):
            widget.setEnabled(not busy)
        self.chat_field.pick_button.setEnabled(not busy)
        allowed = self.lesson_allowed()
        self.lesson_field.setEnabled(allowed and not busy)
        self.lesson_field.pick_button.setEnabled(allowed and self.chat is not None)
        self.lesson_field.clear_button.setEnabled(allowed and self._lesson_id is not None)
        if not allowed:
            tip = translate("ConferenceEditWindow", "Для видеозвонка урок не указывается.")
        elif self.chat is None:
            tip = translate("ConferenceEditWindow", "Сначала выберите чат.")
        else:
            tip = ""
        self.lesson_field.line.setToolTip(tip)
        required = self.lesson_required()
        if bool(self.lesson_caption.property("required")) != required:
            self.lesson_caption.setProperty("required", required)
            self.lesson_caption.style().unpolish(self.lesson_caption)
            self.lesson_caption.style().polish(self.lesson_caption)
        parents = self.tabs.indexOf(self.pages[ParticipantKind.PARENT])
        self.tabs.setTabVisible(parents, self.parents_allowed())
        for page in self.pages.values():
            page.add_action.setEnabled(self.chat is not None and not busy)
            page.add_action.setToolTip(
                ""
                if self.chat is not None
                else translate("ConferenceEditWindow", "Сначала выберите чат.")
            )

    def _show_lesson(self, fallback: str | None = None) -> None:
        if self.lesson is not None:
            text = lesson_text(self.lesson)
        elif self._lesson_id is not None:
            text = fallback or translate("ConferenceEditWindow", "Урок из расписания")
        else:
            text = ""
        self.lesson_field.line.setText(text)

    def set_lesson(self, lesson: Lesson | None) -> None:
        """Put a lesson into «Урок» (None: take it out); its date and times fill the fields
        and its default name «Наименование», unless the user typed a name of their own."""
        self.lesson = lesson
        self._lesson_id = lesson.id if lesson is not None else None
        self._show_lesson()
        title = self.title_edit.text().strip()
        own_title = bool(title) and title != self._offered_title
        if lesson is None:
            if not own_title:
                self.title_edit.clear()
            self._offered_title = ""
        else:
            if not own_title:
                self._offered_title = lesson_title(lesson)
                self.title_edit.setText(self._offered_title)
            zone = self.zone()
            starts = dt.datetime.combine(lesson.date, lesson.starts_at, zone)
            ends = dt.datetime.combine(lesson.date, lesson.ends_at, zone)
            now = self.now().replace(second=0, microsecond=0)
            # A lesson already under way: the conference starts now.
            self._set_times(max(starts, now) if ends > now else starts, ends)
        self._update_fields()
        self.refresh_modified()

    def _set_participants(self, participants: Iterable[Participant]) -> None:
        by_kind: dict[ParticipantKind, list[Participant]] = {kind: [] for kind in self.pages}
        # Participants of a kind a newer server added have no tab here; they are kept as they
        # are, so that saving from this window does not take them out.
        self._untabbed = []
        for participant in participants:
            by_kind.get(participant.kind, self._untabbed).append(participant)
        for kind, page in self.pages.items():
            page.model.set_participants(by_kind[kind])

    def members(self) -> list[Participant]:
        """Everyone who takes part when it is saved («Родители» only where the tab shows)."""
        kinds = [ParticipantKind.EMPLOYEE, ParticipantKind.STUDENT]
        if self.parents_allowed():
            kinds.append(ParticipantKind.PARENT)
        shown = [p for kind in kinds for p in self.pages[kind].model.participants()]
        return shown + self._untabbed

    # --- pickers ----------------------------------------------------------------------------
    def pick_chat(self) -> None:
        """«…» of «Чат»: the chats the user may use."""
        self.tasks.start(self._pick_chat())

    async def _list_chats(self) -> Sequence[ChatSummary]:
        page = await self.context.backend.list_chats(PageRequest(limit=MAX_PAGE_SIZE))
        return page.items

    async def _pick_chat(self) -> None:
        current = self.chat.id if self.chat is not None else None
        picker: RecordPicker[ChatSummary] = RecordPicker(
            self,
            title=translate("ConferenceEditWindow", "Выбор чата"),
            columns=chat_columns(),
            load=self._list_chats,
            search_text=lambda c: f"{c.title} {c.class_name or ''} {c.group_name or ''}",
            empty_text=translate("ConferenceEditWindow", "Нет доступных вам чатов."),
            current=lambda c: c.id == current,
        )
        self.picker = picker
        try:
            chosen = await picker.choose()
        finally:
            self.picker = None
        if chosen is not None and chosen.id != current:
            await self.set_chat(chosen.id)

    async def set_chat(self, chat_id: int) -> None:
        """Take a chat: its participants fill the tabs; a lesson of another chat goes."""
        self._chat_generation += 1
        generation = self._chat_generation
        self._chat_loading = True
        self._update_fields()
        try:
            chat = await self.context.backend.chat(chat_id)
        finally:
            if generation == self._chat_generation:
                self._chat_loading = False
                self._update_fields()
        if generation != self._chat_generation:
            return  # another chat was chosen meanwhile
        self.chat = chat
        self.chat_field.line.setText(chat.title)
        if self._lesson_id is not None:
            self.set_lesson(None)
        self._set_participants(Participant.of_member(member, own=False) for member in chat.members)
        self.set_field_errors({**self._shown_errors(), "chat_id": "", "lesson_id": ""})
        self._update_fields()
        self.refresh_modified()
        self.chat_filled.emit()

    def _shown_errors(self) -> dict[str, str]:
        return {key: self.field_error(key) for key in self._error_labels}

    def pick_lesson(self) -> None:
        """«…» of «Урок»: the timetable of the chat for the next two weeks."""
        if self.chat is not None and self.lesson_allowed():
            self.tasks.start(self._pick_lesson(self.chat))

    async def _upcoming_lessons(self, chat: Chat) -> list[Lesson]:
        now = self.now()
        today = now.date()
        lessons = await self._lessons_of(chat, today, today + dt.timedelta(days=LESSON_DAYS))
        # Lessons that are over cannot have a conference any more.
        return [x for x in lessons if x.date > today or x.ends_at > now.time()]

    async def _pick_lesson(self, chat: Chat) -> None:
        current = self._lesson_id
        picker: RecordPicker[Lesson] = RecordPicker(
            self,
            title=translate("ConferenceEditWindow", "Выбор урока"),
            columns=lesson_columns(),
            load=lambda: self._upcoming_lessons(chat),
            search_text=lambda x: (
                f"{x.date:%d.%m.%Y} {x.subject_name} {x.group_name} {x.teacher_name or ''}"
            ),
            empty_text=translate(
                "ConferenceEditWindow", "В расписании чата нет уроков на ближайшие две недели."
            ),
            current=lambda x: x.id == current,
        )
        self.picker = picker
        try:
            chosen = await picker.choose()
        finally:
            self.picker = None
        if chosen is not None and self.chat is chat:
            self.set_lesson(chosen)
            self.lesson_filled.emit()

    def pick_participants(self, kind: ParticipantKind) -> None:
        """«Добавить» on a tab: the chat's participants who are not in the conference."""
        if self.chat is not None:
            self.tasks.start(self._pick_participants(self.chat, kind))

    async def _pick_participants(self, chat: Chat, kind: ParticipantKind) -> None:
        page = self.pages[kind].model
        present = page.person_ids()
        absent = [m for m in chat.members if m.kind is kind and m.person_id not in present]
        picker = ChatMemberPicker(self, self.context.backend, kind, absent)
        self.picker = picker
        try:
            chosen = await picker.choose()
        finally:
            self.picker = None
        if self.chat is not chat:
            return
        by_id = {m.person_id: m for m in chat.members}
        page.add(Participant.of_member(by_id[c.person_id], own=False) for c in chosen)

    # --- saving -----------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text().strip(),
            "kind": self.kind(),
            "chat_id": self.chat.id if self.chat is not None else None,
            "lesson_id": self._lesson_id,
            "date": self.date_edit.date().toPython(),
            "starts": self.starts_edit.time().toPython(),
            "ends": self.ends_edit.time().toPython(),
            "members": tuple(sorted((p.person_id, p.kind.value) for p in self.members())),
        }

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self._chat_loading:
            errors["chat_id"] = translate("ConferenceEditWindow", "Чат еще загружается.")
        elif self.chat is None and (self.conference is None or self.conference.chat_id is None):
            errors["chat_id"] = translate("ConferenceEditWindow", "Выберите чат.")
        if self.lesson_required() and self._lesson_id is None:
            errors["lesson_id"] = translate(
                "ConferenceEditWindow", "Для онлайн-урока в предметном чате выберите урок."
            )
        if not self.title_edit.text().strip() and self._lesson_id is None:
            errors["title"] = translate(
                "ConferenceEditWindow", "Укажите наименование видеоконференции."
            )
        starts, ends = self.starts_at(), self.ends_at()
        if ends <= starts:
            errors["ends_at"] = translate(
                "ConferenceEditWindow", "Время окончания должно быть позже времени начала."
            )
        unchanged = self.conference is not None and self.conference.starts_at == starts
        now = self.now()
        if not unchanged and starts < now - GRACE:
            if starts.date() < now.date():
                errors["starts_on"] = translate("ConferenceEditWindow", "Дата начала уже прошла.")
            else:
                errors["starts_at"] = translate("ConferenceEditWindow", "Время начала уже прошло.")
        return errors

    async def save(self) -> Conference:
        conference = self.conference
        chat_id = self.chat.id if self.chat is not None else None
        if chat_id is None and conference is not None:
            chat_id = conference.chat_id  # its chat could not be read: keep it
        draft = ConferenceDraft(
            title=self.title_edit.text().strip(),
            kind=self.kind(),
            chat_id=chat_id,
            starts_at=self.starts_at(),
            ends_at=self.ends_at(),
            members=tuple(ChatMemberChoice(p.person_id, p.kind) for p in self.members()),
            lesson_id=self._lesson_id if self.lesson_allowed() else None,
            id=conference.id if conference is not None else None,
            version=conference.version if conference is not None else None,
        )
        return await self.context.backend.save_conference(draft)
