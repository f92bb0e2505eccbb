"""«Журнал на урок»: the teacher's lessons of a day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate

from desktop.main_window import DesktopWindow
from registries.journal.window import JournalWindow
from tests.conftest import TODAY


def _journal(qtbot: Any, desktop: DesktopWindow) -> JournalWindow:
    window = desktop.open_registry("lesson_journal")
    assert isinstance(window, JournalWindow)
    with qtbot.waitSignal(window.loaded):
        pass
    return window


def test_the_journal_shows_the_teachers_lessons_of_the_day(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    desktop = desktop_for("uchitel")
    window = _journal(qtbot, desktop)
    if window.date != TODAY:  # the journal opens on the real today
        with qtbot.waitSignal(window.loaded):
            window.date_edit.setDate(QDate(TODAY))
    lessons = window.model.records()
    assert lessons
    assert {lesson.date for lesson in lessons} == {TODAY}
    assert {lesson.teacher_id for lesson in lessons} == {desktop.user.employee_id}
    assert [lesson.number for lesson in lessons] == sorted(lesson.number for lesson in lessons)
    first = window.current
    assert first is not None
    assert window.class_label.text() == first.group_name
    assert window.subject_label.text() == first.subject_name
    assert window.topic_label.text() == "Урок не привязан к КТП"
    assert window.tabs.tabText(0) == "Урок"


def test_a_day_without_lessons_says_so(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    window = _journal(qtbot, desktop_for("uchitel"))
    saturday = TODAY + dt.timedelta(days=5)
    with qtbot.waitSignal(window.loaded):
        window.date_edit.setDate(QDate(saturday))
    assert window.model.rowCount() == 0
    assert window.empty_label.isVisible()
    assert window.empty_label.text() == "На выбранную дату уроков нет."
    assert not window.tabs.isEnabled()
