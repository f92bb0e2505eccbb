"""The desktop: «Пуск» per role, shortcuts, windows, the taskbar, logging out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.application import DesktopApplication
from desktop.main_window import DesktopWindow
from desktop.start_menu import menu_tree
from tests.gui.conftest import click_message_box, double_click

ROSTER = {
    "Сотрудники": None,
    "Ученики": None,
    "Выпускники и отчисленные": None,
    "Родители": None,
    "Классы": None,
    "Расписание уроков": None,
}
# Staff open «Сферум» from «Пуск» even before linking (they can link there); its desktop
# shortcut comes with the link.
STAFF = {**ROSTER, "Сферум": None}


@pytest.mark.parametrize(
    ("login", "expected"),
    [
        (
            "klass",
            {
                "Реестры": STAFF,
                "Классный журнал": {"Журнал": {"Журнал на урок": None}},
                "О программе": None,
                "Выход": None,
            },
        ),
        (
            "uchitel",
            {
                "Реестры": STAFF,
                "Классный журнал": {"Журнал": {"Журнал на урок": None}},
                "О программе": None,
                "Выход": None,
            },
        ),
        ("chatadmin", {"Реестры": STAFF, "О программе": None, "Выход": None}),
        (
            "admin",
            {
                "Реестры": STAFF,
                "Администрирование": {"Настройки организации": None},
                "О программе": None,
                "Выход": None,
            },
        ),
        ("uchenik", {"Реестры": {"Расписание уроков": None}, "О программе": None, "Выход": None}),
        ("roditel", {"Реестры": {"Расписание уроков": None}, "О программе": None, "Выход": None}),
    ],
)
def test_the_start_menu_shows_what_the_role_may_open(
    desktop_for: Callable[[str], DesktopWindow], login: str, expected: dict
) -> None:
    desktop = desktop_for(login)
    assert desktop.taskbar.start_button.text() == "Пуск"
    assert menu_tree(desktop.start_menu) == expected


def _shortcut_titles(desktop: DesktopWindow) -> list[str]:
    model = desktop.shortcut_model
    return [model.index(row).data() for row in range(model.rowCount())]


def test_shortcuts_follow_the_role(desktop_for: Callable[[str], DesktopWindow]) -> None:
    teacher = desktop_for("uchitel")
    assert _shortcut_titles(teacher) == [
        "Сотрудники",
        "Ученики",
        "Родители",
        "Расписание уроков",
        "Журнал на урок",
    ]
    teacher.close()
    student = desktop_for("uchenik")
    assert _shortcut_titles(student) == ["Расписание уроков"]


def test_a_shortcut_opens_its_registry_with_enter(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    desktop = desktop_for("klass")
    view = desktop.area.shortcuts
    row = _shortcut_titles(desktop).index("Ученики")
    view.setCurrentIndex(desktop.shortcut_model.index(row))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    window = desktop.windows.window("students")
    assert window is not None
    assert window.windowTitle() == "Ученики"
    assert desktop.taskbar.window_titles() == ["Ученики"]


def test_a_shortcut_opens_its_registry_with_a_double_click(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    desktop = desktop_for("klass")
    view = desktop.area.shortcuts
    index = desktop.shortcut_model.index(_shortcut_titles(desktop).index("Сотрудники"))
    rect = view.visualRect(index)
    double_click(view.viewport(), rect.center())
    assert desktop.windows.window("staff") is not None


def test_the_start_menu_opens_a_registry_once(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    desktop = desktop_for("klass")
    registries_menu = next(a.menu() for a in desktop.start_menu.actions() if a.text() == "Реестры")
    open_parents = next(a for a in registries_menu.actions() if a.text() == "Родители")
    open_parents.trigger()
    open_parents.trigger()
    assert len(desktop.area.subWindowList()) == 1
    assert desktop.taskbar.window_titles() == ["Родители"]


def test_windows_minimise_to_the_taskbar_and_come_back(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    desktop = desktop_for("klass")
    desktop.open_registry("staff")
    desktop.open_registry("parents")
    staff = desktop.windows.window("staff")
    staff.showMinimized()
    qtbot.waitUntil(lambda: not staff.isVisible())
    button = desktop.taskbar.findChild(object, "taskbarButton:staff")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(staff.isVisible)
    assert not staff.isMinimized()
    assert desktop.area.activeSubWindow() is staff
    assert button.isChecked()


def test_closing_a_window_removes_it_from_the_taskbar(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    desktop = desktop_for("klass")
    widget = desktop.open_registry("parents")
    with qtbot.waitSignal(widget.loaded):
        pass
    qtbot.mouseClick(widget.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desktop.taskbar.window_titles() == [])
    assert desktop.windows.window("parents") is None
    again = desktop.open_registry("parents")
    assert again is not widget
    assert desktop.taskbar.window_titles() == ["Родители"]


def test_a_window_remembers_its_size(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    desktop = desktop_for("klass")
    desktop.resize(1400, 900)
    desktop.open_registry("staff")
    window = desktop.windows.window("staff")
    window.setGeometry(50, 40, 700, 420)
    window.close()
    qtbot.waitUntil(lambda: desktop.windows.window("staff") is None)
    desktop.open_registry("staff")
    assert desktop.windows.window("staff").geometry().size().toTuple() == (700, 420)


def test_a_role_cannot_open_what_it_does_not_see(
    desktop_for: Callable[[str], DesktopWindow],
) -> None:
    desktop = desktop_for("uchenik")
    assert desktop.open_registry("staff") is None
    assert desktop.area.subWindowList() == []


def test_logging_out_returns_to_the_login_window(
    qtbot: Any, application: DesktopApplication
) -> None:
    window = application.show_login()
    qtbot.waitUntil(lambda: window.organisation_combo.count() > 0)
    qtbot.keyClicks(window.login_edit, "klass")
    qtbot.keyClicks(window.password_edit, "demo")
    window.submit()
    qtbot.waitUntil(lambda: application.desktop is not None)
    application.desktop.open_registry("staff")
    questions = click_message_box(qtbot, "Да")
    application.desktop.taskbar.log_out_button.click()
    qtbot.waitUntil(lambda: application.login_window is not None)
    assert questions == ["Завершить работу и выйти из системы?"]
    assert application.desktop is None
    assert application.login_window.isVisible()
    assert application.login_window.login_edit.text() == "klass"


def test_answering_no_keeps_the_desktop(qtbot: Any, application: DesktopApplication) -> None:
    window = application.show_login()
    qtbot.waitUntil(lambda: window.organisation_combo.count() > 0)
    qtbot.keyClicks(window.login_edit, "klass")
    qtbot.keyClicks(window.password_edit, "demo")
    window.submit()
    qtbot.waitUntil(lambda: application.desktop is not None)
    desktop = application.desktop
    click_message_box(qtbot, "Нет")
    with qtbot.waitSignal(desktop.log_out_requested):
        desktop.taskbar.log_out_button.click()
    qtbot.wait(0)  # let the question run
    qtbot.waitUntil(lambda: application.tasks.busy is False)
    assert application.desktop is desktop
    assert desktop.isVisible()
