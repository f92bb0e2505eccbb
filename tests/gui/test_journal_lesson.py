"""«Журнал на урок», tab «Урок» and «Классный журнал», by what the teacher sees: binding a
lesson to its КТП topic, «Урок проведен» with «Добавить в журнал» (bold goes away), the
online-lesson buttons for an unlinked teacher and joining an active online lesson."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QDate, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from backend.clock import FixedClock
from backend.contract import (
    MAX_PAGE_SIZE,
    ChatDraft,
    ChatKind,
    ChatMemberChoice,
    ConferenceDraft,
    ConferenceKind,
    ConferenceStatus,
    PageRequest,
    ParticipantKind,
)
from backend.local import LocalBackend
from desktop.main_window import DesktopWindow
from registries.base.declaration import SFERUM_NOT_LINKED
from registries.base.record_picker import RecordPicker
from registries.journal.window import JournalWindow
from registries.sferum.link_dialog import SferumLinkDialog
from tests.conftest import TODAY
from tests.gui.conftest import click_message_box, finish

MINUTE = dt.timedelta(minutes=1)


class BrowserStandIn(QObject):
    """Takes the place of the system browser: records the addresses it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser() -> Iterator[BrowserStandIn]:
    stand_in = BrowserStandIn()
    for scheme in ("https", "http"):
        QDesktopServices.setUrlHandler(scheme, stand_in, "open")
    yield stand_in
    for scheme in ("https", "http"):
        QDesktopServices.unsetUrlHandler(scheme)


def _journal(qtbot: Any, desktop: DesktopWindow) -> JournalWindow:
    window = desktop.open_registry("lesson_journal")
    assert isinstance(window, JournalWindow)
    with qtbot.waitSignal(window.loaded):
        pass
    if window.date != TODAY:
        with qtbot.waitSignal(window.loaded):
            window.date_edit.setDate(QDate(TODAY))
    qtbot.waitUntil(lambda: window.record is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.journal_model.rowCount() > 0, timeout=10000)
    return window


def _bold(model: Any, row: int) -> bool:
    font = model.index(row, 0).data(Qt.ItemDataRole.FontRole)
    return font is not None and font.bold()


def _row_of(model: Any, lesson_id: int) -> int:
    return next(r for r, x in enumerate(model.records()) if x.id == lesson_id)


def test_binding_to_the_suggested_ktp_topic_and_unbinding(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    window = _journal(qtbot, desktop_for("uchitel"))
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
    with qtbot.waitSignal(picker.loaded, timeout=10000):
        pass
    rows = picker.table.selectionModel().selectedRows()
    suggested = picker.model.record(rows[0].row())
    assert suggested.id == record.suggested_topic_id, "the suggested topic is preselected"
    picker.choose_button.click()
    qtbot.waitUntil(lambda: window.topic is not None)
    assert window.topic_label.text() == f"{suggested.number}. {suggested.title}"
    assert window.unbind_button.isVisible()
    assert window.unbind_button.text() == "Отвязать КТП"
    assert not window.bind_button.isVisible()
    assert window.has_changes()

    window.unbind_button.click()
    assert window.topic_label.text() == "Урок не привязан к КТП"
    assert window.bind_button.isVisible()
    assert not window.has_changes()


def test_a_conducted_lesson_saved_is_no_longer_bold(
    qtbot: Any, gui_backend: LocalBackend, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    window = _journal(qtbot, desktop_for("uchitel"))
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
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    window = _journal(qtbot, desktop_for("uchitel"))
    if window.model.rowCount() < 2:
        pytest.skip("one lesson only")
    first = window.current
    assert first is not None
    window.conducted_check.setChecked(True)
    shown = click_message_box(qtbot, "Отмена")
    window.table.selectRow(1)
    qtbot.waitUntil(lambda: shown != [])
    assert shown == ["Сохранить изменения?"]
    qtbot.waitUntil(lambda: window.selected_lesson() == first)
    assert window.conducted_check.isChecked(), "the change is kept"

    shown = click_message_box(qtbot, "Нет")
    window.table.selectRow(1)
    qtbot.waitUntil(lambda: window.current is not None and window.current.id != first.id)
    assert shown == ["Сохранить изменения?"]


def test_an_unlinked_teacher_is_told_to_link_the_account(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    desktop = desktop_for("uchitel")
    desktop.set_state(SFERUM_NOT_LINKED, True)  # what the link watcher finds for «uchitel»
    window = _journal(qtbot, desktop)
    with qtbot.waitSignal(window.conference_checked, timeout=10000):
        pass
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
    desktop_for: Callable[[str], DesktopWindow],
) -> None:
    window = _journal(qtbot, desktop_for("uchitel"))
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
