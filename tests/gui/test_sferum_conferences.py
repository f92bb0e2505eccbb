"""The «Сферум» registry, tab «Видеоконференции», by what the user sees: the columns and filters,
«Видеоконференция сферума: Добавление» with its rules, a conference turning «Активная» by itself
on screen, «Перейти» in the system browser (replaced through Qt's URL handlers), «Закончить
видеоконференцию» and deleting.

The backend lives on the tests' fixed clock (Monday 23.11.2026, 10:00 Moscow time) and starts and
finishes conferences every 0.2 s by itself; the windows are given the same clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTime
from PySide6.QtWidgets import QAbstractButton

from backend.clock import FixedClock
from backend.contract import (
    MAX_PAGE_SIZE,
    ChatDraft,
    ChatKind,
    ChatMemberChoice,
    ChatSummary,
    Conference,
    ConferenceDraft,
    ConferenceKind,
    ConferenceStatus,
    CurrentUser,
    Lesson,
    PageRequest,
    ParticipantKind,
)
from backend.local import LocalBackend
from backend.max.simulator.faults import FaultKind, FaultPlan
from registries.base.changes import ChangeBus
from registries.base.context import RegistryContext
from registries.base.record_picker import RecordPicker
from registries.sferum.conference_edit import ConferenceEditWindow
from registries.sferum.conferences import ConferenceLinkDialog, ConferencesTab
from registries.sferum.registry import SferumRegistryWindow
from tests.gui.conftest import BrowserStandIn, click_message_box, finish

CS = ConferenceStatus
MINUTE = dt.timedelta(minutes=1)
HEADERS = [
    "Дата начала",
    "Время начала",
    "Наименование",
    "Тип",
    "Предмет",
    "Класс",
    "Количество участников",
    "Статус",
    "Ссылка",
]


@pytest.fixture
def registry_for(
    qtbot: Any,
    gui_backend: LocalBackend,
    log_in: Callable[[str], CurrentUser],
    clock: FixedClock,
    tmp_path: Path,
) -> Callable[[str], ConferencesTab]:
    """The registry of a demo account on its «Видеоконференции» tab, on the tests' clock."""
    buses: list[ChangeBus] = []

    def open_tab(login: str) -> ConferencesTab:
        user = log_in(login)
        buses.append(ChangeBus())
        context = RegistryContext(
            backend=gui_backend,
            user=user,
            state=QSettings(str(tmp_path / f"{login}.ini"), QSettings.Format.IniFormat),
            changes=buses[-1],
            now=clock.now,
        )
        window = SferumRegistryWindow(context)
        qtbot.addWidget(window)
        window.resize(1260, 640)
        window.show()
        tab = window.conferences
        with qtbot.waitSignal(tab.loaded, timeout=10000):
            window.tabs.setCurrentWidget(tab)
        return tab

    return open_tab


# --- helpers ---------------------------------------------------------------------------------
def _chats(qtbot: Any, backend: LocalBackend) -> list[ChatSummary]:
    return list(finish(qtbot, backend.list_chats(PageRequest(limit=MAX_PAGE_SIZE))).items)


def _chat_id(qtbot: Any, backend: LocalBackend, title: str) -> int:
    return next(c.id for c in _chats(qtbot, backend) if c.title == title)


def _conference(
    qtbot: Any,
    backend: LocalBackend,
    chat_title: str,
    starts: dt.datetime,
    *,
    minutes: int = 45,
    title: str = "Родительское собрание",
    kind: ConferenceKind = ConferenceKind.CALL,
) -> Conference:
    """A conference saved as the logged-in user, with every participant of the chat."""
    chat = finish(qtbot, backend.chat(_chat_id(qtbot, backend, chat_title)))
    return finish(
        qtbot,
        backend.save_conference(
            ConferenceDraft(
                title=title,
                kind=kind,
                chat_id=chat.id,
                starts_at=starts,
                ends_at=starts + minutes * MINUTE,
                members=tuple(ChatMemberChoice(m.person_id, m.kind) for m in chat.members),
            )
        ),
    )


def _headers(tab: ConferencesTab) -> list[str]:
    model = tab.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def _row(tab: ConferencesTab, conference_id: int) -> int:
    return next(r for r, c in enumerate(tab.model.records()) if c.id == conference_id)


def _cell(tab: ConferencesTab, conference_id: int, column: str, role: Any = None) -> Any:
    index = tab.model.index(_row(tab, conference_id), _headers(tab).index(column))
    return index.data() if role is None else index.data(role)


def _status(tab: ConferencesTab, conference_id: int) -> CS | None:
    found = [c.status for c in tab.model.records() if c.id == conference_id]
    return found[0] if found else None


def _select(tab: ConferencesTab, conference_id: int) -> None:
    tab.table.selectRow(_row(tab, conference_id))


def _open_editor(qtbot: Any, tab: ConferencesTab, edit: bool = False) -> ConferenceEditWindow:
    (tab.edit_action if edit else tab.add_action).trigger()
    window = tab.edit_window
    assert isinstance(window, ConferenceEditWindow)
    with qtbot.waitSignal(window.loaded, timeout=10000):
        pass
    return window


def _pick(
    qtbot: Any,
    window: ConferenceEditWindow,
    button: QAbstractButton,
    wanted: Callable[[Any], bool],
    filled: Any,
) -> list[Any]:
    """Open a «…» picker, choose the first record that is `wanted`; returns what it offered."""
    button.click()
    qtbot.waitUntil(lambda: isinstance(window.picker, RecordPicker))
    picker = window.picker
    assert isinstance(picker, RecordPicker)
    qtbot.waitUntil(lambda: picker.model.rowCount() > 0, timeout=10000)
    offered = picker.records()
    assert picker.select(wanted)
    with qtbot.waitSignal(filled, timeout=10000):
        picker.choose_button.click()
    return offered


def _choose_chat(qtbot: Any, window: ConferenceEditWindow, title: str) -> list[ChatSummary]:
    return _pick(
        qtbot, window, window.chat_field.pick_button, lambda c: c.title == title, window.chat_filled
    )


def _choose_lesson(
    qtbot: Any, window: ConferenceEditWindow, wanted: Callable[[Lesson], bool]
) -> list[Lesson]:
    return _pick(qtbot, window, window.lesson_field.pick_button, wanted, window.lesson_filled)


def _close(qtbot: Any, window: ConferenceEditWindow) -> None:
    if window.has_changes():
        click_message_box(qtbot, "Да")
    window.reject()
    qtbot.waitUntil(lambda: not window.isVisible())


def _total(qtbot: Any, backend: LocalBackend, day: dt.date) -> int:
    page = finish(qtbot, backend.list_conferences(PageRequest(), date_from=day, date_to=day))
    return page.total


# --- the tab ----------------------------------------------------------------------------------
def test_the_tab_has_the_columns_and_filters_of_the_seed(
    qtbot: Any,
    qtmodeltester: Any,
    gui_backend: LocalBackend,
    clock: FixedClock,
    registry_for: Callable[[str], ConferencesTab],
) -> None:
    log_in_now = registry_for("klass")  # logs in: conferences are saved as the class teacher
    log_in_now.window().close()
    today = _conference(qtbot, gui_backend, "Родительский чат 5А", clock.now() + 2 * 60 * MINUTE)
    later = _conference(
        qtbot,
        gui_backend,
        "Классный чат 5А",
        clock.now() + dt.timedelta(days=2),
        title="Классный час",
    )

    tab = registry_for("klass")
    window = tab.window()
    assert isinstance(window, SferumRegistryWindow)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Чаты",
        "Видеоконференции",
    ]
    qtmodeltester.check(tab.model)
    assert _headers(tab) == HEADERS
    toolbar = [a.text() for a in tab.toolbar.actions() if a.text()]
    assert toolbar == [
        "Добавить",
        "Изменить",
        "Удалить",
        "Закончить видеоконференцию",
        "Повторить",
        "Перейти",
        "QR-код",
        "Обновить",
    ]
    periods = [tab.period_combo.itemText(i) for i in range(tab.period_combo.count())]
    assert periods == ["Сегодня", "Неделя", "Месяц", "Период"]
    statuses = [tab.status_combo.itemText(i) for i in range(tab.status_combo.count())]
    assert statuses == ["Все", "Новая", "Активная", "Завершена", "Ошибка"]

    # «Сегодня» by default: only today's conference.
    assert tab.period_combo.currentText() == "Сегодня"
    assert tab.dates() == (dt.date(2026, 11, 23), dt.date(2026, 11, 23))
    assert [c.id for c in tab.model.records()] == [today.id]
    assert _cell(tab, today.id, "Дата начала") == "23.11.2026"
    assert _cell(tab, today.id, "Время начала") == "12:00"
    assert _cell(tab, today.id, "Наименование") == "Родительское собрание"
    assert _cell(tab, today.id, "Тип") == "Видеозвонок"
    assert _cell(tab, today.id, "Класс") == "5А"
    assert _cell(tab, today.id, "Количество участников") == str(today.participant_count)
    assert _cell(tab, today.id, "Статус") == "Новая"
    assert _cell(tab, today.id, "Ссылка") == ""
    assert tab.status_label.text() == "Показано записей 1 - 1 из 1"

    # «Неделя»: Monday to Sunday of this week.
    with qtbot.waitSignal(tab.loaded):
        tab.period_combo.setCurrentIndex(periods.index("Неделя"))
    assert tab.dates() == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert [c.id for c in tab.model.records()] == [today.id, later.id]
    with qtbot.waitSignal(tab.loaded):
        tab.period_combo.setCurrentIndex(periods.index("Месяц"))
    assert tab.dates() == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))

    # A date typed into the period makes it «Период».
    with qtbot.waitSignal(tab.loaded):
        tab.date_from_edit.setDate(dt.date(2026, 11, 25))
    assert tab.period_combo.currentText() == "Период"
    assert [c.id for c in tab.model.records()] == [later.id]

    # The status filter.
    with qtbot.waitSignal(tab.loaded):
        tab.date_from_edit.setDate(dt.date(2026, 11, 23))
    with qtbot.waitSignal(tab.loaded):
        tab.status_combo.setCurrentIndex(statuses.index("Активная"))
    assert tab.model.rowCount() == 0
    assert tab.status_label.text() == "Нет записей для отображения"
    with qtbot.waitSignal(tab.loaded):
        tab.status_combo.setCurrentIndex(statuses.index("Новая"))
    assert tab.model.rowCount() == 2

    # A new conference may be changed and deleted, never ended, retried or joined.
    _select(tab, today.id)
    assert tab.edit_action.isEnabled()
    assert tab.delete_action.isEnabled()
    for action in (tab.end_action, tab.retry_action, tab.join_action, tab.qr_action):
        assert not action.isEnabled(), action.text()


# --- the add window ---------------------------------------------------------------------------
def test_the_add_window_follows_the_rules_of_the_seed(
    qtbot: Any, gui_backend: LocalBackend, registry_for: Callable[[str], ConferencesTab]
) -> None:
    tab = registry_for("klass")
    window = _open_editor(qtbot, tab)
    assert window.windowTitle() == "[*]Видеоконференция сферума: Добавление"
    assert window.title_edit.text() == ""
    assert window.kind_combo.currentText() == "Онлайн-урок"
    assert [window.kind_combo.itemText(i) for i in range(2)] == ["Онлайн-урок", "Видеозвонок"]
    # A new one: today, at the next full quarter of an hour, for 45 minutes.
    assert window.date_edit.date().toPython() == dt.date(2026, 11, 23)
    assert window.starts_edit.time().toString("HH:mm") == "10:15"
    assert window.ends_edit.time().toString("HH:mm") == "11:00"
    assert window.date_edit.calendarPopup()
    assert not window.lesson_field.pick_button.isEnabled(), "the chat comes first"

    # The chats the class teacher may use.
    offered = _choose_chat(qtbot, window, "Родительский чат 5А")
    assert [c.title for c in offered] == [
        "Учительский чат",
        "Классный чат 5А",
        "Родительский чат 5А",
    ]
    assert window.chat_field.line.text() == "Родительский чат 5А"
    tabs = window.tabs
    parents_tab = tabs.indexOf(window.pages[ParticipantKind.PARENT])
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Сотрудники", "Ученики", "Родители"]
    staff = [p.full_name for p in window.pages[ParticipantKind.EMPLOYEE].model.participants()]
    assert "Романова Любовь Алексеевна" in staff, "the chat administrator is always there"
    assert window.pages[ParticipantKind.PARENT].model.rowCount() > 0
    headers = window.pages[ParticipantKind.EMPLOYEE].model
    assert headers.headerData(0, Qt.Orientation.Horizontal) == "Ф.И.О."
    assert headers.headerData(2, Qt.Orientation.Horizontal) == "Заблокирован"

    # «Родители» only for «Видеозвонок» in a parents' chat; «Урок» not for «Видеозвонок».
    assert not tabs.isTabVisible(parents_tab), "«Онлайн-урок»: no parents"
    assert window.lesson_field.pick_button.isEnabled()
    window.kind_combo.setCurrentIndex(1)
    assert tabs.isTabVisible(parents_tab)
    assert not window.lesson_field.isEnabled()
    assert not window.lesson_field.pick_button.isEnabled()
    _choose_chat(qtbot, window, "Классный чат 5А")
    assert not tabs.isTabVisible(parents_tab), "a class chat has no parents' tab"
    window.kind_combo.setCurrentIndex(0)

    # A lesson of the class fills the default name, the date and the times.
    lessons = _choose_lesson(qtbot, window, lambda x: x.number == 3)
    assert {x.class_name for x in lessons} == {"5А"}
    assert lessons[0].date == dt.date(2026, 11, 23)
    assert all(x.date > lessons[0].date or x.ends_at > dt.time(10, 0) for x in lessons), (
        "lessons that are over are not offered"
    )
    assert window.title_edit.text() == "3 - 23.11.2026 - 10:00 - Русский язык"
    assert window.lesson_field.line.text().startswith("3 урок, 23.11.2026, 10:00–10:45")
    assert window.starts_edit.time().toString("HH:mm") == "10:00"
    assert window.ends_edit.time().toString("HH:mm") == "10:45"
    # Another lesson renames it while the name is the default one...
    _choose_lesson(qtbot, window, lambda x: x.number == 4)
    assert window.title_edit.text() == "4 - 23.11.2026 - 11:05 - Математика"
    # ...but not a name of one's own.
    window.title_edit.setText("Контрольная по математике")
    _choose_lesson(qtbot, window, lambda x: x.number == 5)
    assert window.title_edit.text() == "Контрольная по математике"
    assert window.starts_edit.time().toString("HH:mm") == "12:00"
    # «Видеозвонок» takes the lesson out.
    window.kind_combo.setCurrentIndex(1)
    assert window.lesson_field.line.text() == ""
    assert window.title_edit.text() == "Контрольная по математике"

    # The end before the start: a message at the field, nothing saved.
    window.ends_edit.setTime(QTime(11, 0))
    with qtbot.waitSignal(window.save_failed):
        window.save_button.click()
    assert window.field_error("ends_at") == "Время окончания должно быть позже времени начала."
    assert window.isVisible()
    # Not in the past either.
    window.starts_edit.setTime(QTime(9, 0))
    window.ends_edit.setTime(QTime(9, 30))
    with qtbot.waitSignal(window.save_failed):
        window.save_button.click()
    assert window.field_error("starts_at") == "Время начала уже прошло."
    assert window.field_error("ends_at") == ""
    window.date_edit.setDate(dt.date(2026, 11, 20))
    with qtbot.waitSignal(window.save_failed):
        window.save_button.click()
    assert window.field_error("starts_on") == "Дата начала уже прошла."
    assert _total(qtbot, gui_backend, dt.date(2026, 11, 23)) == 0
    _close(qtbot, window)


def test_a_lesson_is_required_in_a_subject_chat(
    qtbot: Any,
    gui_backend: LocalBackend,
    log_in: Callable[[str], CurrentUser],
    registry_for: Callable[[str], ConferencesTab],
) -> None:
    log_in("chatadmin")
    group = next(
        g
        for g in finish(qtbot, gui_backend.list_groups())
        if g.subject_name == "Математика" and g.name == "5А"
    )
    students = finish(
        qtbot, gui_backend.chat_candidates(ParticipantKind.STUDENT, group_id=group.id)
    )
    finish(
        qtbot,
        gui_backend.save_chat(
            ChatDraft(
                title="Математика 5А",
                kind=ChatKind.SUBJECT,
                group_id=group.id,
                members=tuple(ChatMemberChoice(c.person_id, c.kind) for c in students),
            )
        ),
    )
    tab = registry_for("chatadmin")
    window = _open_editor(qtbot, tab)
    caption = window.lesson_caption
    assert not caption.property("required")
    _choose_chat(qtbot, window, "Математика 5А")
    assert caption.property("required"), "«Онлайн-урок» in a subject chat needs its lesson"
    with qtbot.waitSignal(window.save_failed):
        window.save_button.click()
    assert window.field_error("lesson_id") == "Для онлайн-урока в предметном чате выберите урок."
    assert window.field_error("chat_id") == ""

    lessons = _choose_lesson(qtbot, window, lambda x: True)
    assert {x.subject_name for x in lessons} == {"Математика"}
    assert {x.group_name for x in lessons} == {"5А"}
    window.kind_combo.setCurrentIndex(1)
    assert not caption.property("required")

    window.kind_combo.setCurrentIndex(0)
    _choose_lesson(qtbot, window, lambda x: True)
    chosen = window.lesson
    assert chosen is not None
    with qtbot.waitSignal(window.saved, timeout=10000) as saved:
        window.save_button.click()
    conference = saved.args[0]
    assert conference.title == (
        f"{chosen.number} - {chosen.date:%d.%m.%Y} - {chosen.starts_at:%H:%M} - Математика"
    )
    assert conference.lesson_id == chosen.id
    qtbot.waitUntil(lambda: conference.id in {c.id for c in tab.model.records()})
    assert _cell(tab, conference.id, "Предмет") == "Математика"
    assert _cell(tab, conference.id, "Тип") == "Онлайн-урок"


def test_a_call_is_saved_with_the_parents_and_edited(
    qtbot: Any, gui_backend: LocalBackend, registry_for: Callable[[str], ConferencesTab]
) -> None:
    tab = registry_for("klass")
    window = _open_editor(qtbot, tab)
    with qtbot.waitSignal(window.save_failed):
        window.save_button.click()
    assert window.field_error("chat_id") == "Выберите чат."
    assert window.field_error("title") == "Укажите наименование видеоконференции."

    window.kind_combo.setCurrentIndex(1)
    _choose_chat(qtbot, window, "Родительский чат 5А")
    window.title_edit.setText("Родительское собрание")
    window.starts_edit.setTime(QTime(18, 0))
    window.ends_edit.setTime(QTime(19, 0))
    parents = window.pages[ParticipantKind.PARENT]
    excluded = parents.model.participant(0)
    parents.table.selectRow(0)
    parents.exclude_action.trigger()
    everyone = len(window.members())
    with qtbot.waitSignal(window.saved, timeout=10000) as saved:
        window.save_button.click()
    conference = saved.args[0]
    assert conference.participant_count == everyone
    assert {m.kind for m in conference.members} == set(ParticipantKind) - {ParticipantKind.STUDENT}
    assert excluded.person_id not in {m.person_id for m in conference.members}
    qtbot.waitUntil(lambda: tab.edit_window is None)
    qtbot.waitUntil(lambda: tab.selected_record() is not None)
    assert tab.selected_record().id == conference.id  # type: ignore[union-attr]

    # «Изменить»: the fields show it; the excluded parent can be added back from the chat.
    window = _open_editor(qtbot, tab, edit=True)
    assert window.windowTitle() == "[*]Видеоконференция сферума: Редактирование"
    assert window.title_edit.text() == "Родительское собрание"
    assert window.kind_combo.currentText() == "Видеозвонок"
    assert window.chat_field.line.text() == "Родительский чат 5А"
    assert window.starts_edit.time().toString("HH:mm") == "18:00"
    assert window.tabs.isTabVisible(window.tabs.indexOf(window.pages[ParticipantKind.PARENT]))
    assert not window.has_changes()
    parents = window.pages[ParticipantKind.PARENT]
    parents.add_action.trigger()
    qtbot.waitUntil(lambda: window.picker is not None)
    picker = window.picker
    qtbot.waitUntil(lambda: picker.model.rowCount() > 0)
    assert [picker.model.candidate(r).person_id for r in range(picker.model.rowCount())] == [
        excluded.person_id
    ], "only the chat's parents who are not in the conference"
    picker.model.check_all()
    picker.choose_button.click()
    qtbot.waitUntil(lambda: excluded.person_id in parents.model.person_ids())
    window.title_edit.setText("Родительское собрание 5А")
    with qtbot.waitSignal(window.saved, timeout=10000):
        window.save_button.click()
    qtbot.waitUntil(lambda: _cell(tab, conference.id, "Наименование") == "Родительское собрание 5А")
    assert _cell(tab, conference.id, "Количество участников") == str(everyone + 1)


def test_an_overlap_refused_by_the_backend_is_shown_at_the_field(
    qtbot: Any,
    gui_backend: LocalBackend,
    clock: FixedClock,
    registry_for: Callable[[str], ConferencesTab],
) -> None:
    tab = registry_for("klass")
    _conference(qtbot, gui_backend, "Родительский чат 5А", clock.now() + 2 * 60 * MINUTE)
    window = _open_editor(qtbot, tab)
    window.kind_combo.setCurrentIndex(1)
    _choose_chat(qtbot, window, "Родительский чат 5А")
    window.title_edit.setText("Еще одно собрание")
    window.starts_edit.setTime(QTime(12, 30))
    window.ends_edit.setTime(QTime(13, 30))
    with qtbot.waitSignal(window.save_failed, timeout=10000):
        window.save_button.click()
    assert window.field_error("starts_at") == (
        "В этом чате в это время уже запланирована видеоконференция «Родительское собрание»."
    )
    assert window.isVisible(), "nothing typed is lost"
    assert window.title_edit.text() == "Еще одно собрание"
    assert _total(qtbot, gui_backend, dt.date(2026, 11, 23)) == 1
    _close(qtbot, window)


# --- the lifecycle on screen --------------------------------------------------------------------
def test_a_conference_turns_active_by_itself_and_perejti_opens_its_link(
    qtbot: Any,
    gui_backend: LocalBackend,
    clock: FixedClock,
    browser: BrowserStandIn,
    registry_for: Callable[[str], ConferencesTab],
) -> None:
    tab = registry_for("klass")
    saved = _conference(qtbot, gui_backend, "Родительский чат 5А", clock.now() + 5 * MINUTE)
    with qtbot.waitSignal(tab.loaded):
        tab.refresh_action.trigger()
    _select(tab, saved.id)
    assert _status(tab, saved.id) is CS.NEW

    # Its start time comes: the backend starts it, the tab shows it within 5 s by itself.
    clock.advance(5 * MINUTE)
    qtbot.waitUntil(lambda: _status(tab, saved.id) is CS.ACTIVE, timeout=5000)
    assert tab.selected_record().id == saved.id, "the selection stays"  # type: ignore[union-attr]
    active = finish(qtbot, gui_backend.conference(saved.id))
    assert active.join_link
    assert _cell(tab, saved.id, "Статус") == "Активная"
    assert _cell(tab, saved.id, "Ссылка") == "Перейти"
    assert _cell(tab, saved.id, "Ссылка", Qt.ItemDataRole.FontRole).underline()
    assert tab.join_action.isEnabled()
    assert tab.end_action.isEnabled()
    assert not tab.edit_action.isEnabled(), "a started conference is not changed"

    # «Перейти» in the «Ссылка» column: the system browser gets the join link.
    index = tab.model.index(_row(tab, saved.id), HEADERS.index("Ссылка"))
    with qtbot.waitSignal(tab.link_opened) as opened:
        qtbot.mouseClick(
            tab.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=tab.table.visualRect(index).center(),
        )
    assert opened.args == [active.join_link]
    assert browser.opened == [active.join_link]
    tab.join_action.trigger()
    assert browser.opened == [active.join_link, active.join_link]

    # «QR-код»: the same link for a phone.
    tab.qr_action.trigger()
    dialog = tab.link_dialog
    assert isinstance(dialog, ConferenceLinkDialog)
    assert not dialog.qr_label.pixmap().isNull()
    assert dialog.address_label.text() == active.join_link
    dialog.reject()
    qtbot.waitUntil(lambda: tab.link_dialog is None)

    # Its end time comes: «Завершена», no link any more.
    clock.advance(45 * MINUTE)
    qtbot.waitUntil(lambda: _status(tab, saved.id) is CS.FINISHED, timeout=5000)
    assert _cell(tab, saved.id, "Ссылка") == ""
    assert not tab.join_action.isEnabled()


def test_ending_a_conference_asks_first(
    qtbot: Any,
    gui_backend: LocalBackend,
    clock: FixedClock,
    registry_for: Callable[[str], ConferencesTab],
) -> None:
    tab = registry_for("klass")
    saved = _conference(qtbot, gui_backend, "Родительский чат 5А", clock.now())
    qtbot.waitUntil(
        lambda: finish(qtbot, gui_backend.conference(saved.id)).status is CS.ACTIVE,
        timeout=10000,
    )
    with qtbot.waitSignal(tab.loaded):
        tab.refresh_action.trigger()
    _select(tab, saved.id)
    assert tab.end_action.isEnabled()

    asked = click_message_box(qtbot, "Нет")
    tab.end_action.trigger()
    qtbot.waitUntil(lambda: asked != [])
    assert asked == [
        "Закончить видеоконференцию «Родительское собрание»? Звонок будет завершен для всех "
        "участников."
    ]
    assert _status(tab, saved.id) is CS.ACTIVE

    click_message_box(qtbot, "Да")
    tab.end_action.trigger()
    qtbot.waitUntil(lambda: _status(tab, saved.id) is CS.FINISHED, timeout=10000)
    assert finish(qtbot, gui_backend.conference(saved.id)).status is CS.FINISHED
    assert not tab.end_action.isEnabled()
    assert not tab.edit_action.isEnabled()


def test_deleting_asks_first_and_says_an_active_call_is_finished(
    qtbot: Any,
    gui_backend: LocalBackend,
    clock: FixedClock,
    registry_for: Callable[[str], ConferencesTab],
) -> None:
    tab = registry_for("klass")
    planned = _conference(
        qtbot, gui_backend, "Классный чат 5А", clock.now() + 3 * 60 * MINUTE, title="Классный час"
    )
    running = _conference(qtbot, gui_backend, "Родительский чат 5А", clock.now())
    qtbot.waitUntil(
        lambda: finish(qtbot, gui_backend.conference(running.id)).status is CS.ACTIVE,
        timeout=10000,
    )
    with qtbot.waitSignal(tab.loaded):
        tab.refresh_action.trigger()

    _select(tab, planned.id)
    asked = click_message_box(qtbot, "Да")
    with qtbot.waitSignal(tab.conference_deleted, timeout=10000):
        tab.delete_action.trigger()
    assert asked == ["Удалить видеоконференцию «Классный час»?"]
    qtbot.waitUntil(lambda: _status(tab, planned.id) is None)

    _select(tab, running.id)
    asked = click_message_box(qtbot, "Да")
    with qtbot.waitSignal(tab.conference_deleted, timeout=10000):
        tab.delete_action.trigger()
    assert asked == [
        "Видеоконференция «Родительское собрание» сейчас идет. Звонок будет завершен для всех "
        "участников, а видеоконференция удалена. Удалить?"
    ]
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert _total(qtbot, gui_backend, dt.date(2026, 11, 23)) == 0


def test_a_refusal_by_max_shows_why_and_povtorit_starts_it_again(
    qtbot: Any,
    gui_backend: LocalBackend,
    clock: FixedClock,
    registry_for: Callable[[str], ConferencesTab],
) -> None:
    tab = registry_for("klass")
    finish(qtbot, gui_backend.run_max_jobs())  # the simulated MAX is open
    simulator = gui_backend.max_simulator
    assert simulator is not None
    simulator.faults = FaultPlan()
    saved = _conference(qtbot, gui_backend, "Родительский чат 5А", clock.now() + MINUTE)
    with qtbot.waitSignal(tab.loaded):
        tab.refresh_action.trigger()
    _select(tab, saved.id)
    simulator.faults.inject(FaultKind.REFUSED, count=1000)  # whatever MAX is asked meanwhile
    clock.advance(MINUTE)
    qtbot.waitUntil(lambda: _status(tab, saved.id) is CS.ERROR, timeout=5000)
    simulator.faults.clear()
    reason = _cell(tab, saved.id, "Статус", Qt.ItemDataRole.ToolTipRole)
    assert _cell(tab, saved.id, "Статус") == "Ошибка"
    assert "Недостаточно прав" in reason
    assert tab.retry_action.isEnabled()
    assert tab.edit_action.isEnabled(), "a conference that did not start can be changed"
    assert not tab.end_action.isEnabled()

    window = _open_editor(qtbot, tab, edit=True)
    assert reason in window.message_label.text()
    _close(qtbot, window)

    asked = click_message_box(qtbot, "Да")
    tab.retry_action.trigger()
    qtbot.waitUntil(lambda: _status(tab, saved.id) is CS.ACTIVE, timeout=10000)
    assert asked == [
        f"Видеоконференция «Родительское собрание» не началась: {reason}\n\nПовторить запуск?"
    ]
