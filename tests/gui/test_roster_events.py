"""Roster events from the registries, by what the user sees: «Ученики» (enrol, transfer,
expel), «Выпускники и отчисленные» (restore, cancel the restoration), «Сотрудники» (hire,
dismiss), «Родители» (link, unlink), «Классы» (class and group teachers) — and the Sferum chats
following each of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from backend.contract import Conflict, PageRequest
from backend.local import LocalBackend
from desktop.main_window import DesktopWindow
from registries.base.registry_window import RegistryWindow
from registries.roster.dialogs import (
    ChildChoiceDialog,
    ClassChoiceDialog,
    EmployeeChoiceDialog,
    StudentChoiceDialog,
)
from registries.roster.edit_windows import StaffEditWindow, StudentEditWindow
from tests.gui.conftest import click_message_box, finish, texts, type_text

W = TypeVar("W", bound=QWidget)


# --- helpers ------------------------------------------------------------------------------
def _open(qtbot: Any, desktop: DesktopWindow, key: str) -> Any:
    window = desktop.open_registry(key)
    assert isinstance(window, RegistryWindow)
    with qtbot.waitSignal(window.loaded, timeout=10000):
        pass
    return window


def _modal(qtbot: Any, kind: type[W]) -> W:
    """The window-modal dialog of `kind` that an action opened."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=10000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, kind)
    return dialog


def _toolbar_texts(window: RegistryWindow) -> list[str]:
    return [a.text() for a in window.toolbar.actions() if a.text() and a.isVisible()]


def _action(window: RegistryWindow, text: str) -> QAction:
    return next(a for a in window.toolbar.actions() if a.text() == text)


def _click(qtbot: Any, window: RegistryWindow, text: str) -> None:
    """Press the toolbar button `text`."""
    action = _action(window, text)
    assert action.isEnabled(), f"«{text}» is disabled"
    qtbot.mouseClick(window.toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)


def _column(window: RegistryWindow, title: str) -> list[str]:
    model = window.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = headers.index(title)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _row(window: RegistryWindow, name: str) -> dict[str, str]:
    """The visible texts of the row whose first column is `name`."""
    model = window.model
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == name:
            return {
                model.headerData(c, Qt.Orientation.Horizontal): model.index(row, c).data()
                for c in range(model.columnCount())
            }
    raise AssertionError(
        f"no row {name!r} in {_column(window, model.headerData(0, Qt.Orientation.Horizontal))}"
    )


def _select(window: RegistryWindow, *names: str) -> None:
    window.table.clearSelection()
    first = _column(window, window.model.headerData(0, Qt.Orientation.Horizontal))
    selection = window.table.selectionModel()
    for name in names:
        index = window.model.index(first.index(name), 0)
        selection.select(
            index,
            selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
        )


def _search(qtbot: Any, window: RegistryWindow, text: str) -> None:
    window.search_box.clear()
    with qtbot.waitSignal(window.loaded):
        type_text(window.search_box, text)
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)


def _chat_members(qtbot: Any, backend: LocalBackend, title: str) -> set[str]:
    chats = finish(qtbot, backend.list_chats(PageRequest(limit=1000)))
    summary = next(c for c in chats.items if c.title == title)
    chat = finish(qtbot, backend.chat(summary.id))
    return {member.full_name for member in chat.members}


def _students_of(qtbot: Any, desktop: DesktopWindow, class_name: str) -> Any:
    students = _open(qtbot, desktop, "students")
    qtbot.waitUntil(lambda: students.class_filter.count() > 1)
    with qtbot.waitSignal(students.loaded):
        assert students.select_class(class_name)
    return students


# --- «Ученики» ------------------------------------------------------------------------------
def test_enrolling_a_student_through_the_add_window(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow], gui_backend: LocalBackend
) -> None:
    desktop = desktop_for("admin")
    students = _open(qtbot, desktop, "students")
    qtbot.waitUntil(students.add_action.isEnabled)
    students.table.setFocus()
    qtbot.keyClick(students.table, Qt.Key.Key_Insert)
    window = _modal(qtbot, StudentEditWindow)
    assert window.windowTitle() == "[*]Ученик: Добавление"
    for caption in ("Фамилия:", "Имя:", "Отчество:", "Дата рождения:", "Класс:"):
        assert caption in texts(window)
    assert "Дата зачисления:" in texts(window)

    with qtbot.waitSignal(window.save_failed):
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert window.field_error("last_name") == "Укажите фамилию."
    assert window.field_error("class_id") == "Выберите класс."

    type_text(window.last_name_edit, "Яхонтов")
    type_text(window.first_name_edit, "Тихон")
    type_text(window.middle_name_edit, "Ильич")
    type_text(window.birth_date_edit, "01.09.2015")
    window.class_combo.setCurrentIndex(window.class_combo.findText("5А"))
    assert window.isWindowModified()
    with qtbot.waitSignal(students.loaded, timeout=10000):
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    _search(qtbot, students, "Яхонтов")
    row = _row(students, "Яхонтов Тихон Ильич")
    assert row["Класс"] == "5А"
    assert row["Дата рождения"] == "01.09.2015"
    assert "Яхонтов Тихон Ильич" in _chat_members(qtbot, gui_backend, "Классный чат 5А")


def test_expelling_asks_and_the_student_moves_to_former_students(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow], gui_backend: LocalBackend
) -> None:
    desktop = desktop_for("admin")
    former = _open(qtbot, desktop, "former_students")
    assert former.windowTitle() == "Выпускники и отчисленные"
    assert former.model.rowCount() == 0
    students = _students_of(qtbot, desktop, "5А")
    name = _column(students, "ФИО")[0]
    _select(students, name)

    asked = click_message_box(qtbot, "Нет")
    _click(qtbot, students, "Отчислить")
    qtbot.waitUntil(lambda: bool(asked))
    assert asked[0].startswith(f"Отчислить ученика {name} (5А)?")
    assert name in _column(students, "ФИО")

    asked = click_message_box(qtbot, "Да")
    with qtbot.waitSignals([students.loaded, former.loaded], timeout=10000):
        _click(qtbot, students, "Отчислить")
    assert name not in _column(students, "ФИО")
    # The open «Выпускники и отчисленные» followed without being asked to.
    row = _row(former, name)
    assert row["Статус"] == "Отчислен"
    assert row["Класс"] == "5А"
    assert row["Дата выбытия"] == "23.11.2026"
    assert name not in _chat_members(qtbot, gui_backend, "Классный чат 5А")


def test_a_refusal_of_the_backend_is_shown_as_a_sentence(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    desktop = desktop_for("admin")
    students = _students_of(qtbot, desktop, "5А")
    names = _column(students, "ФИО")
    _select(students, names[0])

    async def refused(*_args: object) -> None:
        raise Conflict("Ученик уже отчислен или выпущен.")

    monkeypatch.setattr(desktop.backend, "expel_student", refused)
    answers = click_message_box(qtbot, "Да")
    _click(qtbot, students, "Отчислить")
    qtbot.waitUntil(lambda: len(answers) == 1)
    shown = click_message_box(qtbot, "Ок")
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["Ученик уже отчислен или выпущен."]
    assert _column(students, "ФИО") == names


def test_restoring_and_cancelling_the_restoration(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow], gui_backend: LocalBackend
) -> None:
    desktop = desktop_for("admin")
    pupil = finish(qtbot, gui_backend.list_students(PageRequest(limit=1, search="")))
    student = pupil.items[0]
    parents = {p.full_name for p in student.parents}
    finish(qtbot, gui_backend.expel_student(student.id))
    class_chat = f"Классный чат {student.class_name}"
    assert student.full_name not in _chat_members(qtbot, gui_backend, class_chat)

    former = _open(qtbot, desktop, "former_students")
    _select(former, student.full_name)
    assert not _action(former, "Отменить восстановление").isEnabled()
    _click(qtbot, former, "Восстановить")
    dialog = _modal(qtbot, ClassChoiceDialog)
    assert dialog.class_combo.currentText() == student.class_name, "their last class"
    assert dialog.ok_button.text() == "Восстановить"
    with qtbot.waitSignal(former.loaded, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _row(former, student.full_name)["Статус"] == "Восстановлен"
    assert _action(former, "Отменить восстановление").isEnabled()
    assert not _action(former, "Восстановить").isEnabled()
    assert student.full_name in _chat_members(qtbot, gui_backend, class_chat)
    parents_chat = f"Родительский чат {student.class_name}"
    assert parents <= _chat_members(qtbot, gui_backend, parents_chat)

    # Still there after «Обновить», while it can be cancelled.
    with qtbot.waitSignal(former.loaded, timeout=10000):
        former.refresh()
    assert _row(former, student.full_name)["Статус"] == "Восстановлен"

    asked = click_message_box(qtbot, "Да")
    with qtbot.waitSignal(former.loaded, timeout=10000):
        _click(qtbot, former, "Отменить восстановление")
    assert asked == [
        f"Отменить восстановление ученика {student.full_name}? Ученик и его родители будут "
        "исключены из всех чатов организации, в которые они были добавлены."
    ]
    assert _row(former, student.full_name)["Статус"] == "Отчислен"
    assert student.full_name not in _chat_members(qtbot, gui_backend, class_chat)


def test_transferring_selected_students_to_another_class(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow], gui_backend: LocalBackend
) -> None:
    desktop = desktop_for("admin")
    students = _students_of(qtbot, desktop, "5А")
    moving = _column(students, "ФИО")[:2]
    _select(students, *moving)
    _click(qtbot, students, "Перевести в другой класс")
    dialog = _modal(qtbot, ClassChoiceDialog)
    assert dialog.windowTitle() == "Перевод в другой класс"
    assert dialog.text_label.text() == "Перевести выбранных учеников (2) в другой класс."
    classes = [dialog.class_combo.itemText(i) for i in range(dialog.class_combo.count())]
    assert "5А" not in classes
    dialog.class_combo.setCurrentIndex(classes.index("5Б"))
    with qtbot.waitSignal(students.loaded, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not set(moving) & set(_column(students, "ФИО"))
    with qtbot.waitSignal(students.loaded):
        students.select_class("5Б")
    assert set(moving) <= set(_column(students, "ФИО"))
    members = _chat_members(qtbot, gui_backend, "Классный чат 5Б")
    assert set(moving) <= members
    assert not set(moving) & _chat_members(qtbot, gui_backend, "Классный чат 5А")


# --- «Сотрудники» ---------------------------------------------------------------------------
def test_hiring_and_dismissing_an_employee(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow], gui_backend: LocalBackend
) -> None:
    desktop = desktop_for("admin")
    staff = _open(qtbot, desktop, "staff")
    staff.table.setFocus()
    qtbot.keyClick(staff.table, Qt.Key.Key_Insert)
    window = _modal(qtbot, StaffEditWindow)
    assert window.windowTitle() == "[*]Сотрудник: Добавление"
    type_text(window.last_name_edit, "Ершов")
    type_text(window.first_name_edit, "Глеб")
    type_text(window.position_edit, "Учитель информатики")
    assert window.position_type_combo.currentText() == "Педагогический состав"
    type_text(window.phone_edit, "123")
    with qtbot.waitSignal(window.save_failed):
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert window.field_error("phone").startswith("Номер телефона должен соответствовать")
    window.phone_edit.clear()
    type_text(window.phone_edit, "89123456780")
    with qtbot.waitSignal(staff.loaded, timeout=10000):
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    _search(qtbot, staff, "Ершов")
    row = _row(staff, "Ершов Глеб")
    assert row["Должность"] == "Учитель информатики"
    assert row["Тип должности"] == "Педагогический состав"
    assert row["Телефон"] == "+7 (912) 345-67-80"
    assert "Ершов Глеб" in _chat_members(qtbot, gui_backend, "Учительский чат")

    _select(staff, "Ершов Глеб")
    asked = click_message_box(qtbot, "Да")
    with qtbot.waitSignal(staff.loaded, timeout=10000):
        _click(qtbot, staff, "Уволить")
    assert asked[0].startswith("Уволить сотрудника Ершов Глеб (Учитель информатики)?")
    assert staff.model.rowCount() == 0
    assert staff.status_label.text() == "Нет записей для отображения"
    assert "Ершов Глеб" not in _chat_members(qtbot, gui_backend, "Учительский чат")


def test_nobody_dismisses_themselves(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    desktop = desktop_for("admin")
    staff = _open(qtbot, desktop, "staff")
    _search(qtbot, staff, desktop.user.full_name)
    _select(staff, desktop.user.full_name)
    assert not _action(staff, "Уволить").isEnabled()


# --- «Родители» ---------------------------------------------------------------------------
def test_linking_a_parent_to_a_student_and_unlinking(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow], gui_backend: LocalBackend
) -> None:
    desktop = desktop_for("admin")
    parents = _open(qtbot, desktop, "parents")
    parent = parents.model.record(0)
    pupils = finish(qtbot, gui_backend.list_students(PageRequest(limit=1, search="Андреев")))
    child = pupils.items[0]
    assert parent.full_name not in _chat_members(
        qtbot, gui_backend, f"Родительский чат {child.class_name}"
    )
    _select(parents, parent.full_name)

    _click(qtbot, parents, "Связать с учеником")
    dialog = _modal(qtbot, StudentChoiceDialog)
    assert dialog.windowTitle() == "Связать с учеником"
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    with qtbot.waitSignal(dialog.loaded):
        type_text(dialog.search_box, child.full_name)
        qtbot.keyClick(dialog.search_box, Qt.Key.Key_Return)
    assert dialog.isVisible(), "Enter in the search field only searches"
    assert [dialog.model.record(r).full_name for r in range(dialog.model.rowCount())] == [
        child.full_name
    ]
    assert not dialog.ok_button.isEnabled(), "the relation is not chosen yet"
    relations = [dialog.relation_combo.itemText(i) for i in range(dialog.relation_combo.count())]
    assert relations == ["Мать", "Отец", "Опекун"]
    dialog.relation_combo.setCurrentIndex(2)
    with qtbot.waitSignal(parents.loaded, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    shown = f"{child.full_name} ({child.class_name})"
    assert shown in _row(parents, parent.full_name)["Дети"]
    parents_chat = f"Родительский чат {child.class_name}"
    assert parent.full_name in _chat_members(qtbot, gui_backend, parents_chat)

    _select(parents, parent.full_name)
    asked = click_message_box(qtbot, "Да")
    _click(qtbot, parents, "Отвязать от ученика")
    choice = _modal(qtbot, ChildChoiceDialog)
    options = [choice.child_combo.itemText(i) for i in range(choice.child_combo.count())]
    assert shown in options
    assert len(options) == 2
    choice.child_combo.setCurrentIndex(options.index(shown))
    with qtbot.waitSignal(parents.loaded, timeout=10000):
        qtbot.mouseClick(choice.ok_button, Qt.MouseButton.LeftButton)
    assert asked[0].startswith(f"Отвязать родителя {parent.full_name} от ученика {shown}?")
    assert shown not in _row(parents, parent.full_name)["Дети"]
    assert parent.full_name not in _chat_members(qtbot, gui_backend, parents_chat)


# --- «Классы» -------------------------------------------------------------------------------
def test_replacing_the_class_teacher_and_a_group_teacher(
    qtbot: Any,
    qtmodeltester: Any,
    desktop_for: Callable[[str], DesktopWindow],
    gui_backend: LocalBackend,
) -> None:
    desktop = desktop_for("admin")
    classes = _open(qtbot, desktop, "classes")
    assert _column(classes, "Класс")[:3] == ["1А", "1Б", "2А"]
    before = _row(classes, "5А")["Классный руководитель"]
    _select(classes, "5А")
    with qtbot.waitSignal(classes.groups_loaded):
        pass
    assert classes.groups_title.text() == "Группы класса 5А"
    qtmodeltester.check(classes.groups_model)

    _click(qtbot, classes, "Сменить классного руководителя")
    dialog = _modal(qtbot, EmployeeChoiceDialog)
    assert dialog.employee_combo.currentText().startswith(before)
    options = [dialog.employee_combo.itemText(i) for i in range(dialog.employee_combo.count())]
    assert options[0] == "Не назначен"
    new = next(o for o in options[1:] if not o.startswith(before))
    new_name = new.split(" — ")[0]
    dialog.employee_combo.setCurrentIndex(options.index(new))
    with qtbot.waitSignal(classes.loaded, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _row(classes, "5А")["Классный руководитель"] == new_name
    assert new_name in _chat_members(qtbot, gui_backend, "Классный чат 5А")

    qtbot.waitUntil(lambda: classes.groups_model.rowCount() > 0)
    classes.groups_table.selectRow(0)
    group = classes.groups_model.record(0)
    toolbar = classes.groups_toolbar
    action = classes.group_teacher_action
    assert action.text() == "Сменить учителя группы"
    qtbot.mouseClick(toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)
    dialog = _modal(qtbot, EmployeeChoiceDialog)
    dialog.employee_combo.setCurrentIndex(dialog.employee_combo.findData(None))
    with qtbot.waitSignal(classes.groups_loaded, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: classes.groups_model.record(0).teacher_name is None)
    assert classes.groups_model.record(0).id == group.id
    row = [classes.groups_model.index(0, c).data() for c in range(5)]
    assert row[0] == group.subject_name
    assert row[3] == ""


# --- who sees the actions -------------------------------------------------------------------
ROSTER_ACTIONS = {
    "students": {"Добавить", "Перевести в другой класс", "Отчислить"},
    "former_students": {"Восстановить", "Отменить восстановление"},
    "staff": {"Добавить", "Уволить"},
    "parents": {"Связать с учеником", "Отвязать от ученика"},
    "classes": {"Сменить классного руководителя"},
}


@pytest.mark.parametrize(("login", "allowed"), [("uchitel", False), ("chatadmin", True)])
def test_only_the_administration_sees_the_roster_actions(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow], login: str, allowed: bool
) -> None:
    desktop = desktop_for(login)
    for key, actions in ROSTER_ACTIONS.items():
        window = _open(qtbot, desktop, key)
        shown = set(_toolbar_texts(window))
        assert "Обновить" in shown
        if allowed:
            assert actions <= shown, key
        else:
            assert not actions & shown, key
    classes = desktop.windows.window("classes").widget()
    assert (classes.group_teacher_action is not None) is allowed
