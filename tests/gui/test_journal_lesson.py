"""«Журнал на урок», tab «Урок» and «Классный журнал», by what the teacher sees: binding a
lesson to its КТП topic, «Урок проведен» with «Добавить в журнал» (bold goes away), creating
the lesson's online lesson from the journal, joining and ending it, and the unlinked teacher.

Every test runs twice: on the embedded backend and on a server (in-process HTTP). Set-ups go
through `gui_backend`, the embedded backend on the same database, logged in as the same
teacher; it also plays MAX's background rounds every 0.2 s for both."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from backend.clock import FixedClock
from backend.contract import (
    MAX_PAGE_SIZE,
    WORK_TYPES,
    Backend,
    ChatDraft,
    ChatKind,
    ChatMemberChoice,
    ConferenceDraft,
    ConferenceKind,
    ConferenceStatus,
    CurrentUser,
    Lesson,
    LessonRecordUpdate,
    PageRequest,
    ParticipantKind,
    SferumLinkStatus,
)
from backend.database import Database, sqlite_url
from backend.local import LocalBackend
from backend.remote import RemoteBackend
from backend.server.app import create_app
from desktop.main_window import DesktopWindow
from desktop.settings import Settings
from registries import catalog
from registries.base.declaration import SFERUM_NOT_LINKED
from registries.base.record_picker import RecordPicker
from registries.journal.window import JournalWindow
from registries.sferum.conference_edit import ConferenceEditWindow
from registries.sferum.link_dialog import SferumLinkDialog
from tests.conftest import TODAY
from tests.gui.conftest import BrowserStandIn, click_message_box, finish

MINUTE = dt.timedelta(minutes=1)


@pytest.fixture(params=["embedded", "server"])
def teacher_desktop(
    request: pytest.FixtureRequest,
    qtbot: Any,
    gui_backend: LocalBackend,
    demo_db_path: Any,
    clock: FixedClock,
    settings: Settings,
    log_in: Callable[[str], CurrentUser],
) -> Iterator[Callable[[str], DesktopWindow]]:
    """The desktop of a demo account on the embedded backend or on the server."""
    made: list[tuple[DesktopWindow, RemoteBackend | None]] = []
    database: Database | None = None

    def make(login: str) -> DesktopWindow:
        nonlocal database
        user = log_in(login)
        backend: Backend = gui_backend
        remote = None
        if request.param == "server":
            finish(qtbot, gui_backend.run_max_jobs())  # opens the simulated MAX both share
            database = database or Database(sqlite_url(demo_db_path))
            app = create_app(database, clock=clock, max_gateway=gui_backend.max_simulator)
            remote = RemoteBackend("http://esh.school.test", transport=httpx.ASGITransport(app=app))
            user = finish(qtbot, remote.log_in(user.organisation_id, login, "demo")).user
            backend = remote
        desktop = DesktopWindow(
            backend,
            user,
            catalog.all_registries(),
            catalog.MENU_ORDER,
            lambda: settings.window_state,
            now=clock.now,
        )
        qtbot.addWidget(desktop)
        desktop.show()
        made.append((desktop, remote))
        return desktop

    yield make
    for desktop, remote in made:
        desktop.close()
        if remote is not None:
            finish(qtbot, remote.close())
    if database is not None:
        database.dispose()


def _journal(qtbot: Any, desktop: DesktopWindow) -> JournalWindow:
    window = desktop.open_registry("lesson_journal")
    assert isinstance(window, JournalWindow)
    assert window.date == TODAY, "the journal opens on today"
    qtbot.waitUntil(lambda: window.record is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.journal_model.rowCount() > 0, timeout=10000)
    return window


def _choose_lesson(qtbot: Any, window: JournalWindow, lesson: Lesson) -> None:
    window.table.selectRow(_row_of(window.model, lesson.id))
    qtbot.waitUntil(lambda: window.record is not None and window.record.lesson.id == lesson.id)
    qtbot.waitUntil(lambda: window.conference_lesson_id == lesson.id, timeout=10000)


def _link_to_sferum(qtbot: Any, backend: LocalBackend, login: str) -> None:
    """What the teacher does in «Авторизация в Сферум» and then in MAX, through the backend
    (logged in as that teacher)."""
    staff = finish(qtbot, backend.list_staff(PageRequest(limit=MAX_PAGE_SIZE))).items
    phone = next(member.phone for member in staff if member.login == login)
    assert phone is not None
    finish(qtbot, backend.request_sferum_link(phone))
    finish(qtbot, backend.run_max_jobs())
    assert backend.max_simulator is not None
    (message,) = backend.max_simulator.messages_for(phone)
    finish(qtbot, backend.answer_demo_link(message.request_id, accept=True))
    finish(qtbot, backend.run_max_jobs())
    assert finish(qtbot, backend.sferum_link()).status is SferumLinkStatus.LINKED


def _bold(model: Any, row: int) -> bool:
    font = model.index(row, 0).data(Qt.ItemDataRole.FontRole)
    return font is not None and font.bold()


def _row_of(model: Any, lesson_id: int) -> int:
    return next(r for r, x in enumerate(model.records()) if x.id == lesson_id)


def test_binding_to_the_suggested_ktp_topic_and_unbinding(
    qtbot: Any, teacher_desktop: Callable[[str], DesktopWindow]
) -> None:
    window = _journal(qtbot, teacher_desktop("uchitel"))
    record = window.record
    assert record is not None
    assert record.topic is None
    assert window.topic_label.text() == "Урок не привязан к КТП"
    assert window.bind_button.text() == "Привязать к КТП"
    assert window.bind_button.isVisible()
    assert not window.unbind_button.isVisible()
    assert record.suggested_topic_id is not None

    window.bind_button.click()
    qtbot.waitUntil(lambda: isinstance(window.picker, RecordPicker))
    picker = window.picker
    assert picker is not None
    qtbot.waitUntil(lambda: picker.model.rowCount() > 0, timeout=10000)
    rows = picker.table.selectionModel().selectedRows()
    suggested = picker.model.record(rows[0].row())
    assert suggested.id == record.suggested_topic_id, "the suggested topic is preselected"
    picker.choose_button.click()
    qtbot.waitUntil(lambda: window.topic is not None)
    assert window.topic_label.text() == f"{suggested.number}. {suggested.title}"
    assert window.save_button.isEnabled(), "the binding can be saved at once"
    assert window.unbind_button.isVisible()
    assert window.unbind_button.text() == "Отвязать КТП"
    assert not window.bind_button.isVisible()
    assert window.has_changes()

    window.unbind_button.click()
    assert window.topic_label.text() == "Урок не привязан к КТП"
    assert window.bind_button.isVisible()
    assert not window.has_changes()


def test_a_conducted_lesson_saved_is_no_longer_bold(
    qtbot: Any, gui_backend: LocalBackend, teacher_desktop: Callable[[str], DesktopWindow]
) -> None:
    window = _journal(qtbot, teacher_desktop("uchitel"))
    lesson = window.current
    assert lesson is not None
    assert not lesson.conducted
    assert _bold(window.model, _row_of(window.model, lesson.id))
    assert _bold(window.journal_model, _row_of(window.journal_model, lesson.id))
    headers = [
        window.journal_model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(window.journal_model.columnCount())
    ]
    assert headers[0] == "Дата"
    assert "Проведен" in headers
    assert window.tabs.tabText(1) == "Классный журнал"

    window.work_type_combo.setCurrentIndex(1)
    window.conducted_check.setChecked(True)
    assert window.save_button.text() == "Добавить в журнал"
    with qtbot.waitSignal(window.record_saved, timeout=10000):
        window.save_button.click()
    qtbot.waitUntil(
        lambda: not _bold(window.model, _row_of(window.model, lesson.id)), timeout=10000
    )
    qtbot.waitUntil(
        lambda: not _bold(window.journal_model, _row_of(window.journal_model, lesson.id)),
        timeout=10000,
    )
    column = headers.index("Проведен")
    row = _row_of(window.journal_model, lesson.id)
    assert window.journal_model.index(row, column).data() == "Да"
    saved = finish(qtbot, gui_backend.lesson_record(lesson.id))
    assert saved.conducted
    assert saved.version > 0
    assert not window.has_changes()


def test_switching_lessons_with_unsaved_changes_asks(
    qtbot: Any, teacher_desktop: Callable[[str], DesktopWindow]
) -> None:
    window = _journal(qtbot, teacher_desktop("uchitel"))
    if window.model.rowCount() < 2:
        pytest.skip("one lesson only")
    first = window.current
    assert first is not None
    other_row = 1 if _row_of(window.model, first.id) == 0 else 0
    window.conducted_check.setChecked(True)
    shown = click_message_box(qtbot, "Отмена")
    window.table.selectRow(other_row)
    qtbot.waitUntil(lambda: shown != [])
    assert shown == ["Сохранить изменения?"]
    qtbot.waitUntil(lambda: window.selected_lesson() == first)
    assert window.conducted_check.isChecked(), "the change is kept"

    shown = click_message_box(qtbot, "Нет")
    window.table.selectRow(other_row)
    qtbot.waitUntil(lambda: window.current is not None and window.current.id != first.id)
    assert shown == ["Сохранить изменения?"]


def test_an_unlinked_teacher_is_told_to_link_the_account(
    qtbot: Any, teacher_desktop: Callable[[str], DesktopWindow]
) -> None:
    desktop = teacher_desktop("uchitel")
    desktop.set_state(SFERUM_NOT_LINKED, True)  # what the link watcher finds for «uchitel»
    window = _journal(qtbot, desktop)
    qtbot.waitUntil(lambda: window.conference_lesson_id == window.record.lesson.id, timeout=10000)
    assert window.create_online_button.isVisible()
    assert window.create_online_button.text() == "Создать онлайн-урок"
    assert not window.join_online_button.isVisible()
    shown = click_message_box(qtbot, "Привязать аккаунт к Сферум")
    window.create_online_button.click()
    qtbot.waitUntil(lambda: shown != [], timeout=10000)
    assert "привязана к учебному аккаунту Сферум" in shown[0]

    def link_dialogs() -> list[SferumLinkDialog]:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, SferumLinkDialog)]
        return [w for w in found + desktop.findChildren(SferumLinkDialog) if w.isVisible()]

    qtbot.waitUntil(lambda: link_dialogs() != [], timeout=10000)
    dialog = link_dialogs()[0]
    assert dialog.windowTitle() == "Авторизация в Сферум"
    dialog.reject()
    qtbot.waitUntil(lambda: link_dialogs() == [], timeout=10000)


def test_joining_an_active_online_lesson_opens_its_link(
    qtbot: Any,
    gui_backend: LocalBackend,
    clock: FixedClock,
    browser: BrowserStandIn,
    teacher_desktop: Callable[[str], DesktopWindow],
) -> None:
    window = _journal(qtbot, teacher_desktop("uchitel"))
    now = clock.now()
    lessons = [x for x in window.model.records() if x.ends_at > now.time()]
    assert lessons
    lesson = lessons[0]
    window.table.selectRow(_row_of(window.model, lesson.id))
    qtbot.waitUntil(lambda: window.current == lesson)

    chats = finish(qtbot, gui_backend.list_chats(PageRequest(limit=MAX_PAGE_SIZE))).items
    chat_id = None
    for summary in chats:
        if summary.kind is ChatKind.SUBJECT:
            chat = finish(qtbot, gui_backend.chat(summary.id))
            if chat.group_id == lesson.group_id:
                chat_id = chat.id
    if chat_id is None:
        students = finish(
            qtbot, gui_backend.chat_candidates(ParticipantKind.STUDENT, group_id=lesson.group_id)
        )
        chat_id = finish(
            qtbot,
            gui_backend.save_chat(
                ChatDraft(
                    title=f"{lesson.subject_name} {lesson.group_name}",
                    kind=ChatKind.SUBJECT,
                    group_id=lesson.group_id,
                    members=tuple(ChatMemberChoice(s.person_id, s.kind) for s in students),
                )
            ),
        ).id
    chat = finish(qtbot, gui_backend.chat(chat_id))
    starts = max(dt.datetime.combine(lesson.date, lesson.starts_at, now.tzinfo), now)
    ends = dt.datetime.combine(lesson.date, lesson.ends_at, now.tzinfo)
    saved = finish(
        qtbot,
        gui_backend.save_conference(
            ConferenceDraft(
                title="",
                kind=ConferenceKind.LESSON,
                chat_id=chat.id,
                starts_at=starts,
                ends_at=ends,
                members=tuple(ChatMemberChoice(m.person_id, m.kind) for m in chat.members),
                lesson_id=lesson.id,
            )
        ),
    )
    # The buttons follow the conference by themselves.
    qtbot.waitUntil(lambda: window.join_online_button.isVisible(), timeout=10000)
    assert window.join_online_button.text() == "Подключиться к онлайн-уроку"
    assert not window.create_online_button.isVisible()

    clock.set(starts)
    finish(qtbot, gui_backend.run_max_jobs())
    qtbot.waitUntil(
        lambda: finish(qtbot, gui_backend.conference(saved.id)).status is ConferenceStatus.ACTIVE,
        timeout=10000,
    )
    qtbot.waitUntil(lambda: window.end_online_button.isVisible(), timeout=10000)
    active = finish(qtbot, gui_backend.conference(saved.id))
    assert active.join_link
    window.join_online_button.click()
    qtbot.waitUntil(lambda: browser.opened == [active.join_link], timeout=10000)

    # «Завершить онлайн-урок» asks, then ends it.
    click_message_box(qtbot, "Ок")
    window.end_online_button.click()
    qtbot.waitUntil(lambda: not window.end_online_button.isVisible(), timeout=10000)
    ended = finish(qtbot, gui_backend.conference(saved.id))
    assert ended.status is ConferenceStatus.FINISHED


def test_the_first_lesson_goes_through_the_day_of_a_linked_teacher(
    qtbot: Any,
    gui_backend: LocalBackend,
    clock: FixedClock,
    browser: BrowserStandIn,
    teacher_desktop: Callable[[str], DesktopWindow],
) -> None:
    """Bind the lesson to its КТП topic, create its online lesson from the journal (filled in,
    with the group's subject chat made on the way), join it before and after it starts, end
    it, mark the lesson conducted."""
    desktop = teacher_desktop("uchitel")
    _link_to_sferum(qtbot, gui_backend, "uchitel")
    window = _journal(qtbot, desktop)
    now = clock.now()
    lesson = next(x for x in window.model.records() if x.starts_at > now.time())
    _choose_lesson(qtbot, window, lesson)
    assert window.create_online_button.isVisible()
    assert window.online_label.text() == "Не создан"

    # «Привязать к КТП»: the suggested topic.
    window.bind_button.click()
    qtbot.waitUntil(lambda: isinstance(window.picker, RecordPicker))
    picker = window.picker
    assert picker is not None
    qtbot.waitUntil(lambda: picker.model.rowCount() > 0, timeout=10000)
    picker.choose_button.click()
    qtbot.waitUntil(lambda: window.topic is not None)
    topic = window.topic
    assert topic is not None
    assert window.topic_label.text() == f"{topic.number}. {topic.title}"

    # «Создать онлайн-урок»: the group has no subject chat yet, so the teacher is asked.
    asked = click_message_box(qtbot, "Да")
    with qtbot.waitSignal(window.editor_prefilled, timeout=15000):
        window.create_online_button.click()
    assert asked == ["Для группы нет предметного чата. Создать его?"]
    editor = window.edit_window
    assert isinstance(editor, ConferenceEditWindow)
    assert editor.windowTitle().replace("[*]", "") == "Видеоконференция сферума: Добавление"
    assert editor.kind_combo.currentText() == "Онлайн-урок"
    assert editor.chat_field.line.text() == f"{lesson.subject_name} {lesson.group_name}"
    assert editor.lesson_field.line.text() == (
        f"{lesson.number} урок, 23.11.2026, {lesson.starts_at:%H:%M}–{lesson.ends_at:%H:%M}, "
        f"{lesson.subject_name} ({lesson.group_name})"
    )
    assert editor.date_edit.date().toPython() == TODAY
    assert editor.starts_edit.time().toPython() == lesson.starts_at
    assert editor.ends_edit.time().toPython() == lesson.ends_at
    title = f"{lesson.number} - 23.11.2026 - {lesson.starts_at:%H:%M} - {lesson.subject_name}"
    assert editor.title_edit.text() == title
    students = finish(
        qtbot, gui_backend.chat_candidates(ParticipantKind.STUDENT, group_id=lesson.group_id)
    )
    offered = {p.person_id for p in editor.members() if p.kind is ParticipantKind.STUDENT}
    assert offered == {s.person_id for s in students}
    assert not editor.has_changes(), "filled in for the teacher: closing it would ask nothing"
    with qtbot.waitSignal(editor.saved, timeout=10000) as saved:
        editor.save_button.click()
    conference = saved.args[0]
    assert conference.kind is ConferenceKind.LESSON
    assert conference.lesson_id == lesson.id
    assert conference.title == title
    qtbot.waitUntil(lambda: window.edit_window is None)

    # Before it starts: «Подключиться» says when it opens.
    qtbot.waitUntil(lambda: window.join_online_button.isVisible(), timeout=10000)
    assert not window.create_online_button.isVisible()
    assert not window.end_online_button.isVisible()
    assert window.online_label.text() == f"Начнется в {lesson.starts_at:%H:%M}"
    told = click_message_box(qtbot, "Ок")
    window.join_online_button.click()
    qtbot.waitUntil(lambda: told != [], timeout=10000)
    assert told == [f"Онлайн-урок начнется в {lesson.starts_at:%H:%M}."]
    assert browser.opened == []

    # Its start time comes: the buttons follow by themselves; joining opens the call.
    clock.set(dt.datetime.combine(lesson.date, lesson.starts_at, now.tzinfo))
    finish(qtbot, gui_backend.run_max_jobs())
    qtbot.waitUntil(lambda: window.end_online_button.isVisible(), timeout=10000)
    assert window.online_label.text() == "Идет"
    active = finish(qtbot, gui_backend.conference(conference.id))
    assert active.status is ConferenceStatus.ACTIVE
    assert active.join_link
    window.join_online_button.click()
    qtbot.waitUntil(lambda: browser.opened == [active.join_link], timeout=10000)

    click_message_box(qtbot, "Ок")
    window.end_online_button.click()
    qtbot.waitUntil(lambda: not window.end_online_button.isVisible(), timeout=10000)
    assert window.online_label.text() == "Завершен"
    ended = finish(qtbot, gui_backend.conference(conference.id))
    assert ended.status is ConferenceStatus.FINISHED

    # «Урок проведен», «Добавить в журнал»: the topic and «Да» in «Классный журнал».
    window.conducted_check.setChecked(True)
    with qtbot.waitSignal(window.record_saved, timeout=10000):
        window.save_button.click()
    qtbot.waitUntil(
        lambda: not _bold(window.journal_model, _row_of(window.journal_model, lesson.id)),
        timeout=10000,
    )
    row = _row_of(window.journal_model, lesson.id)
    cells = {
        window.journal_model.headerData(c, Qt.Orientation.Horizontal): window.journal_model.index(
            row, c
        ).data()
        for c in range(window.journal_model.columnCount())
    }
    assert cells["Проведен"] == "Да"
    assert cells["Тема"] == f"{topic.number}. {topic.title}"
    assert not _bold(window.model, _row_of(window.model, lesson.id))


def test_a_teacher_sees_only_their_own_lessons(
    qtbot: Any, teacher_desktop: Callable[[str], DesktopWindow]
) -> None:
    seen: dict[str, set[int]] = {}
    for login in ("uchitel", "klass"):
        desktop = teacher_desktop(login)
        window = _journal(qtbot, desktop)
        lessons = window.model.records()
        assert {x.teacher_id for x in lessons} == {desktop.user.employee_id}
        journal = window.journal_model.records()
        shown = window.current
        assert shown is not None
        assert {(x.group_id, x.subject_id) for x in journal} == {(shown.group_id, shown.subject_id)}
        seen[login] = {x.id for x in lessons}
        desktop.close()
    assert seen["uchitel"].isdisjoint(seen["klass"])


def test_the_journal_opens_on_the_lesson_under_way_and_refreshing_stays_there(
    qtbot: Any,
    gui_backend: LocalBackend,
    clock: FixedClock,
    teacher_desktop: Callable[[str], DesktopWindow],
) -> None:
    window = _journal(qtbot, teacher_desktop("uchitel"))
    now = clock.now().time()
    lessons = window.model.records()
    expected = next(x for x in lessons if x.ends_at > now)
    assert window.current == expected, "at 10:00 the lesson under way or the next one"
    other = next(x for x in lessons if x.id != expected.id)
    _choose_lesson(qtbot, window, other)

    # Saved on another PC meanwhile: «Обновить» stays on the lesson and shows it.
    record = finish(qtbot, gui_backend.lesson_record(other.id))
    change = LessonRecordUpdate(
        lesson_id=other.id,
        topic_id=None,
        work_type=WORK_TYPES[2],
        conducted=False,
        version=record.version,
    )
    finish(qtbot, gui_backend.save_lesson_record(change))
    with qtbot.waitSignal(window.record_loaded, timeout=10000):
        window.reload()  # «Обновить» / F5
    assert window.current is not None
    assert window.current.id == other.id
    assert window.selected_lesson() == window.current
    assert window.work_type_combo.currentText() == WORK_TYPES[2]

    # A change of the teacher's own stays on screen, and nothing is asked.
    window.conducted_check.setChecked(True)
    assert window.has_changes()
    with qtbot.waitSignal(window.loaded, timeout=10000):
        window.reload()
    assert window.current.id == other.id
    assert window.conducted_check.isChecked()
    assert window.has_changes()
    assert not window.actions.busy, "no question is on its way"
    assert QApplication.activeModalWidget() is None
    window.conducted_check.setChecked(False)
    assert not window.has_changes()


def test_closing_with_unsaved_changes_asks_before_dropping_them(
    qtbot: Any, gui_backend: LocalBackend, teacher_desktop: Callable[[str], DesktopWindow]
) -> None:
    desktop = teacher_desktop("uchitel")
    window = _journal(qtbot, desktop)
    lesson = window.current
    assert lesson is not None
    window.conducted_check.setChecked(True)
    close_button = next(b for b in window.findChildren(QPushButton) if b.text() == "Закрыть")

    shown = click_message_box(qtbot, "Нет")
    close_button.click()
    assert shown == ["Данные были изменены. Закрыть окно без сохранения изменений?"]
    assert desktop.windows.window("lesson_journal") is not None, "«Нет» keeps it open"
    assert window.conducted_check.isChecked()

    shown = click_message_box(qtbot, "Да")
    close_button.click()
    assert shown == ["Данные были изменены. Закрыть окно без сохранения изменений?"]
    qtbot.waitUntil(lambda: desktop.windows.window("lesson_journal") is None, timeout=10000)
    assert not finish(qtbot, gui_backend.lesson_record(lesson.id)).conducted


def test_a_lesson_that_is_over_offers_no_online_lesson_and_one_to_come_is_not_conducted_yet(
    qtbot: Any, clock: FixedClock, teacher_desktop: Callable[[str], DesktopWindow]
) -> None:
    clock.set(clock.now().replace(hour=18))  # every lesson of the day is over
    window = _journal(qtbot, teacher_desktop("uchitel"))
    lesson = window.current
    assert lesson is not None
    qtbot.waitUntil(lambda: window.conference_lesson_id == lesson.id, timeout=10000)
    assert window.create_online_button.isVisible()
    assert not window.create_online_button.isEnabled()
    assert window.online_label.text() == "Урок закончился, онлайн-урок не создан"
    assert window.conducted_check.isEnabled()

    with qtbot.waitSignal(window.loaded, timeout=10000):
        window.date_edit.setDate(QDate(TODAY + dt.timedelta(days=1)))
    qtbot.waitUntil(lambda: window.record is not None, timeout=10000)
    assert window.current is not None
    assert window.current.date > TODAY
    assert not window.conducted_check.isEnabled(), "a lesson of tomorrow is not conducted yet"
    assert window.conducted_check.toolTip() == "Урок еще не наступил."
    assert window.create_online_button.isEnabled()


def test_closing_the_desktop_with_unsaved_changes_asks_too(
    qtbot: Any, teacher_desktop: Callable[[str], DesktopWindow]
) -> None:
    desktop = teacher_desktop("uchitel")
    window = _journal(qtbot, desktop)
    window.conducted_check.setChecked(True)
    question = "Данные были изменены. Закрыть окно без сохранения изменений?"
    shown = click_message_box(qtbot, "Нет")
    assert not desktop.close(), "«Нет»: the desktop stays, the change too"
    assert shown == [question]
    assert window.conducted_check.isChecked()

    shown = click_message_box(qtbot, "Да")
    assert desktop.close()
    assert shown == [question]
