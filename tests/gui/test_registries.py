"""Registry windows, by what the user sees: shared checks for every declared registry,
then searching, sorting, paging and filtering in «Ученики»."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from backend.contract import BackendUnavailable, Role
from desktop.main_window import DesktopWindow
from registries import catalog
from registries.base.registry_window import RegistryWindow
from tests.gui.conftest import click_message_box, type_text

# A demo account that sees each role's registries.
ACCOUNT_FOR_ROLE = {
    Role.EMPLOYEE: "klass",
    Role.TEACHER: "uchitel",
    Role.ORG_ADMIN: "admin",
    Role.STUDENT: "uchenik",
    Role.PARENT: "roditel",
}


def _account_for(declaration) -> str:
    return next(ACCOUNT_FOR_ROLE[r] for r in ACCOUNT_FOR_ROLE if r in declaration.roles)


# The registries that are always there; those that follow a state (Sferum) have own tests.
TABLE_REGISTRIES = [d for d in catalog.all_registries() if d.shown_when is None]
# Empty in the demo school: nobody has graduated or been expelled yet.
EMPTY_IN_DEMO = {"former_students"}


@pytest.mark.parametrize("declaration", TABLE_REGISTRIES, ids=lambda d: d.key)
def test_every_registry_opens_and_shows_data(
    qtbot: Any, qtmodeltester: Any, desktop_for: Callable[[str], DesktopWindow], declaration
) -> None:
    desktop = desktop_for(_account_for(declaration))
    with qtbot.waitSignal(
        desktop.windows.dialog_opened if declaration.dialog else desktop.windows.window_opened,
        timeout=5000,
    ):
        widget = desktop.open_registry(declaration.key)
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        pass
    if isinstance(widget, QDialog):
        assert widget.windowTitle().replace("[*]", "").endswith(": Редактирование")
        widget.close()
        return
    assert widget.windowTitle()
    model = widget.model
    qtmodeltester.check(model)
    assert model.rowCount() > 0 or declaration.key in EMPTY_IN_DEMO
    if isinstance(widget, RegistryWindow):
        assert widget.refresh_action.shortcut().toString() == "F5"
        assert widget.close_button.text() == "Закрыть"
        assert widget.status_label.text().startswith("Показано записей 1 - ") or (
            declaration.key in EMPTY_IN_DEMO
            and widget.status_label.text() == "Нет записей для отображения"
        )


@pytest.fixture
def students(qtbot: Any, desktop_for: Callable[[str], DesktopWindow]):
    desktop = desktop_for("klass")
    window = desktop.open_registry("students")
    with qtbot.waitSignal(window.loaded):
        pass
    qtbot.waitUntil(lambda: window.class_filter.count() > 1)
    return window


def _names(window: RegistryWindow) -> list[str]:
    return [window.model.index(row, 0).data() for row in range(window.model.rowCount())]


def test_students_show_the_first_page_and_the_total(students) -> None:
    assert students.status_label.text() == "Показано записей 1 - 50 из 542"
    assert students.page_edit.text() == "1"
    assert students.page_count_label.text() == "из 11"
    headers = [
        students.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(students.model.columnCount())
    ]
    assert headers[:3] == ["ФИО", "Класс", "Дата рождения"]


def test_typing_in_the_search_box_filters(qtbot: Any, students) -> None:
    surname = _names(students)[0].split()[0]
    with qtbot.waitSignal(students.loaded, timeout=5000):
        type_text(students.search_box, surname.lower())
    names = _names(students)
    assert names
    assert all(name.startswith(surname) for name in names)
    assert students.status_label.text().endswith(f"из {len(names)}")
    with qtbot.waitSignal(students.loaded):
        students.search_box.clear_search()
    assert students.status_label.text() == "Показано записей 1 - 50 из 542"


def test_a_search_without_matches_says_so(qtbot: Any, students) -> None:
    with qtbot.waitSignal(students.loaded):
        type_text(students.search_box, "Ъъъъ")
        qtbot.keyClick(students.search_box, Qt.Key.Key_Return)
    assert students.model.rowCount() == 0
    assert students.status_label.text() == "Нет записей для отображения"


def test_clicking_a_header_sorts_and_clicking_again_reverses(qtbot: Any, students) -> None:
    header = students.table.horizontalHeader()
    birth_column = 2
    with qtbot.waitSignal(students.loaded):
        header.sectionClicked.emit(birth_column)
    dates = [students.model.record(r).birth_date for r in range(students.model.rowCount())]
    assert dates == sorted(dates)
    with qtbot.waitSignal(students.loaded):
        header.sectionClicked.emit(birth_column)
    reversed_dates = [students.model.record(r).birth_date for r in range(students.model.rowCount())]
    assert reversed_dates == sorted(reversed_dates, reverse=True)
    assert reversed_dates[0] > dates[0]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_paging_moves_through_all_students(qtbot: Any, students) -> None:
    first_page = _names(students)
    with qtbot.waitSignal(students.loaded):
        qtbot.mouseClick(students.next_page_button, Qt.MouseButton.LeftButton)
    assert students.status_label.text() == "Показано записей 51 - 100 из 542"
    assert not set(_names(students)) & set(first_page)
    with qtbot.waitSignal(students.loaded):
        qtbot.mouseClick(students.last_page_button, Qt.MouseButton.LeftButton)
    assert students.status_label.text() == "Показано записей 501 - 542 из 542"
    assert not students.next_page_button.isEnabled()
    students.page_edit.setText("3")
    with qtbot.waitSignal(students.loaded):
        qtbot.keyClick(students.page_edit, Qt.Key.Key_Return)
    assert students.status_label.text() == "Показано записей 101 - 150 из 542"


def test_the_class_filter_shows_one_class(qtbot: Any, students) -> None:
    with qtbot.waitSignal(students.loaded):
        assert students.select_class("5А")
    classes = {students.model.record(r).class_name for r in range(students.model.rowCount())}
    assert classes == {"5А"}
    assert students.status_label.text().startswith("Показано записей 1 - ")


def test_f5_reloads(qtbot: Any, students) -> None:
    students.table.setFocus()
    with qtbot.waitSignal(students.loaded):
        qtbot.keyClick(students.table, Qt.Key.Key_F5)


def test_a_failing_backend_gets_a_sentence_and_keeps_the_rows(
    qtbot: Any, students, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows_before = students.model.rowCount()

    async def unavailable(*_args: object, **_kwargs: object) -> None:
        raise BackendUnavailable()

    monkeypatch.setattr(students.context.backend, "list_students", unavailable)
    shown = click_message_box(qtbot, "Ок")
    with qtbot.waitSignal(students.load_failed) as failed:
        students.refresh()
    qtbot.waitUntil(lambda: bool(shown))
    assert failed.args == [BackendUnavailable.default_message]
    assert shown == [BackendUnavailable.default_message]
    assert students.model.rowCount() == rows_before
