"""The «Сферум» registry for staff, tab «Чаты», by what the user sees: the chats, «Чат Сферума:
Добавление» / «Редактирование» with the participants' tabs and pickers, the warning about
participants not linked to Sferum, deleting, linking from the toolbar, and «Кто не в Сферуме»
with its CSV file."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from backend.contract import (
    ChatDraft,
    ChatGap,
    ChatKind,
    ChatMemberChoice,
    CurrentUser,
    MemberSferumState,
    PageRequest,
    ParticipantKind,
)
from backend.database import Database, sqlite_url
from backend.local import LocalBackend
from backend.remote import RemoteBackend
from backend.server.app import create_app
from desktop.main_window import DesktopWindow
from desktop.settings import Settings
from desktop.start_menu import menu_tree
from registries import catalog
from registries.base.declaration import SFERUM_LINKED, SFERUM_NOT_LINKED
from registries.sferum.chat_edit import ChatEditWindow
from registries.sferum.gaps import GapsWindow, write_gaps_csv
from registries.sferum.link_dialog import SferumLinkDialog
from registries.sferum.registry import ChatsTab, SferumRegistryWindow
from tests.gui.conftest import click_message_box, finish, type_text

CHAT_ADMIN = "Романова Любовь Алексеевна"  # «Администратор чатов Сферум» of the demo school
TEACHER = "Бондаренко Юлия Егоровна"  # «uchitel»: mathematics in 5А, 5Б, 6А, 6Б
HEADER = ["Класс", "Чат", "Тип чата", "Участник", "Роль", "Причина"]


@pytest.fixture
def registry_for(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> Callable[[str], SferumRegistryWindow]:
    def open_registry(login: str) -> SferumRegistryWindow:
        desktop = desktop_for(login)
        window = desktop.open_registry("sferum")
        assert isinstance(window, SferumRegistryWindow)
        with qtbot.waitSignal(window.loaded, timeout=10000):
            pass
        qtbot.waitUntil(window.chats.link_action.isEnabled)
        return window

    return open_registry


def _shortcuts(desktop: DesktopWindow) -> list[str]:
    model = desktop.shortcut_model
    return [model.index(row).data() for row in range(model.rowCount())]


def _titles(tab: ChatsTab) -> list[str]:
    return [tab.model.record(row).title for row in range(tab.model.rowCount())]


def _select(tab: ChatsTab, title: str) -> None:
    tab.table.selectRow(_titles(tab).index(title))


def _cell(tab: ChatsTab, title: str, column: str) -> str:
    row = _titles(tab).index(title)
    headers = [
        tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())
    ]
    return tab.model.index(row, headers.index(column)).data()


def _open_editor(qtbot: Any, tab: ChatsTab, title: str | None = None) -> ChatEditWindow:
    if title is None:
        tab.add_action.trigger()
    else:
        _select(tab, title)
        tab.edit_action.trigger()
    window = tab.edit_window
    assert isinstance(window, ChatEditWindow)
    with qtbot.waitSignal(window.loaded, timeout=10000):
        pass
    return window


def _names(window: ChatEditWindow, kind: ParticipantKind) -> list[str]:
    return [p.full_name for p in window.pages[kind].model.participants()]


def _choose_group(qtbot: Any, window: ChatEditWindow, text: str) -> None:
    index = window.group_combo.findText(text)
    assert index > 0, text
    with qtbot.waitSignal(window.group_filled, timeout=10000):
        window.group_combo.setCurrentIndex(index)


def _discard(qtbot: Any, window: ChatEditWindow) -> None:
    if window.has_changes():
        click_message_box(qtbot, "Да")
    window.reject()
    qtbot.waitUntil(lambda: not window.isVisible())


# --- the registry ---------------------------------------------------------------------------
def test_the_chat_administrator_sees_every_default_chat(
    qtbot: Any, qtmodeltester: Any, registry_for: Callable[[str], SferumRegistryWindow]
) -> None:
    window = registry_for("chatadmin")
    tab = window.chats
    assert window.windowTitle() == "Сферум"
    assert window.tabs.tabText(0) == "Чаты"
    qtmodeltester.check(tab.model)
    headers = [
        tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())
    ]
    assert headers == [
        "Наименование чата",
        "Тип чата",
        "Класс",
        "Предмет/Группа (Класс)",
        "Участников",
        "В Сферуме",
        "Администраторы",
        "Синхронизация",
    ]
    titles = _titles(tab)
    assert titles[0] == "Учительский чат"
    assert {"Классный чат 5А", "Родительский чат 5А"} <= set(titles)
    assert _cell(tab, "Классный чат 5А", "Тип чата") == "Классный чат"
    assert _cell(tab, "Родительский чат 5А", "Тип чата") == "Родительский чат"
    assert _cell(tab, "Классный чат 5А", "Класс") == "5А"
    assert CHAT_ADMIN in _cell(tab, "Классный чат 5А", "Администраторы")
    assert _cell(tab, "Классный чат 5А", "Синхронизация") in (
        "Синхронизирован",
        "Ожидает отправки",
    )
    toolbar = [a.text() for a in tab.toolbar.actions() if a.text()]
    assert toolbar[:6] == [
        "Добавить",
        "Изменить",
        "Удалить",
        "Обновить",
        "Привязать учетную запись",
        "Не в Сферуме",
    ]
    assert tab.phone_edit.isReadOnly()
    assert tab.phone_edit.text() == ""
    window.close()


def test_a_default_chat_can_be_edited_but_not_deleted(
    registry_for: Callable[[str], SferumRegistryWindow],
) -> None:
    tab = registry_for("chatadmin").chats
    _select(tab, "Классный чат 5А")
    assert tab.edit_action.isEnabled()
    assert not tab.delete_action.isEnabled()
    _select(tab, "Учительский чат")
    assert not tab.delete_action.isEnabled()


def test_a_subject_teacher_sees_only_their_chats(
    registry_for: Callable[[str], SferumRegistryWindow],
) -> None:
    tab = registry_for("uchitel").chats
    assert _titles(tab) == ["Учительский чат"]
    _select(tab, "Учительский чат")
    assert not tab.edit_action.isEnabled(), "only its admins edit the teachers' chat"
    assert tab.gaps_action is None, "the report is for the chat administrator"
    assert tab.add_action.isEnabled()


def test_the_class_teacher_edits_the_chats_of_the_class(
    registry_for: Callable[[str], SferumRegistryWindow],
) -> None:
    tab = registry_for("klass").chats
    assert _titles(tab) == ["Учительский чат", "Классный чат 5А", "Родительский чат 5А"]
    _select(tab, "Классный чат 5А")
    assert tab.edit_action.isEnabled()
    assert not tab.delete_action.isEnabled()


# --- staff, students and parents on the desktop ---------------------------------------------
def test_staff_find_the_registry_in_the_start_menu_before_linking(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    desktop = desktop_for("uchitel")
    desktop.set_state(SFERUM_NOT_LINKED, True)
    menu = menu_tree(desktop.start_menu)["Реестры"]
    assert "Сферум" in menu
    assert "Привязать аккаунт к Сферум" in menu
    shortcuts = [
        desktop.shortcut_model.index(r).data() for r in range(desktop.shortcut_model.rowCount())
    ]
    assert "Привязать аккаунт к Сферум" in shortcuts
    assert "Сферум" not in shortcuts, "the shortcut comes with the link"

    window = desktop.open_registry("sferum")
    assert isinstance(window, SferumRegistryWindow)
    qtbot.waitUntil(window.chats.link_action.isEnabled)
    assert window.chats.link_action.text() == "Привязать учетную запись"
    window.chats.link_action.trigger()
    dialog = desktop.windows.dialog("sferum_link")
    assert isinstance(dialog, SferumLinkDialog)
    assert dialog.windowTitle() == "Авторизация в Сферум"
    dialog.reject()

    desktop.set_state(SFERUM_NOT_LINKED, False)
    desktop.set_state(SFERUM_LINKED, True)
    shortcuts = [
        desktop.shortcut_model.index(r).data() for r in range(desktop.shortcut_model.rowCount())
    ]
    assert "Сферум" in shortcuts
    assert "Привязать аккаунт к Сферум" not in shortcuts


@pytest.mark.parametrize("login", ["uchenik", "roditel"])
def test_students_and_parents_keep_the_account_window(
    log_in: Callable[[str], CurrentUser], login: str
) -> None:
    user = log_in(login)
    linked = frozenset({SFERUM_LINKED})
    visible = {d.key for d in catalog.all_registries() if d.visible_to(user, linked)}
    assert "sferum_account" in visible
    assert "sferum" not in visible
    unlinked = frozenset({SFERUM_NOT_LINKED})
    visible = {d.key for d in catalog.all_registries() if d.visible_to(user, unlinked)}
    assert not {"sferum", "sferum_account"} & visible


def test_the_toolbar_shows_the_linked_phone_and_unlinks(
    qtbot: Any, gui_backend: LocalBackend, registry_for: Callable[[str], SferumRegistryWindow]
) -> None:
    school = finish(qtbot, gui_backend.list_organisations())[0].id
    finish(qtbot, gui_backend.log_in(school, "chatadmin", "demo"))
    finish(qtbot, gui_backend.request_sferum_link("+79874028796"))
    finish(qtbot, gui_backend.run_max_jobs())
    (message,) = gui_backend.max_simulator.messages_for("+79874028796")
    finish(qtbot, gui_backend.answer_demo_link(message.request_id, accept=True))

    tab = registry_for("chatadmin").chats
    assert tab.phone_edit.text() == "+7 (987) 402-87-96"
    assert tab.link_action.text() == "Отвязать учетную запись"
    asked = click_message_box(qtbot, "Да")
    tab.link_action.trigger()
    qtbot.waitUntil(lambda: tab.link_action.text() == "Привязать учетную запись")
    assert asked == ["Отвязать учетную запись ЭШ от учебного аккаунта Сферум?"]
    assert tab.phone_edit.text() == ""


# --- «Чат Сферума: Добавление» ---------------------------------------------------------------
def test_the_group_field_is_for_subject_chats_and_parents_for_other_chats(
    qtbot: Any, registry_for: Callable[[str], SferumRegistryWindow]
) -> None:
    window = _open_editor(qtbot, registry_for("chatadmin").chats)
    assert window.windowTitle() == "[*]Чат Сферума: Добавление"
    kinds = [window.kind_combo.itemText(i) for i in range(window.kind_combo.count())]
    assert kinds == ["Предмет", "Другое"]
    tabs = window.tabs
    visible_tabs = [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]
    assert window.kind_combo.currentText() == "Предмет"
    assert window.group_combo.isEnabled()
    assert visible_tabs == ["Сотрудники", "Ученики"]

    window.kind_combo.setCurrentIndex(kinds.index("Другое"))
    assert not window.group_combo.isEnabled()
    visible_tabs = [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]
    assert visible_tabs == ["Сотрудники", "Ученики", "Родители"]
    _discard(qtbot, window)


def test_choosing_a_group_fills_its_students_and_makes_its_teacher_admin(
    qtbot: Any, qtmodeltester: Any, registry_for: Callable[[str], SferumRegistryWindow]
) -> None:
    window = _open_editor(qtbot, registry_for("chatadmin").chats)
    staff = window.pages[ParticipantKind.EMPLOYEE].model
    assert _names(window, ParticipantKind.EMPLOYEE) == [CHAT_ADMIN]
    _choose_group(qtbot, window, "Математика (5А)")
    group = window.group()
    assert group is not None
    assert len(_names(window, ParticipantKind.STUDENT)) == group.student_count == 26
    assert window.title_edit.text() == "Математика 5А"
    teacher = staff.participant(
        staff.row_of(next(p.person_id for p in staff.participants() if p.full_name == TEACHER))
    )
    assert teacher.is_admin
    qtmodeltester.check(staff)
    qtmodeltester.check(window.pages[ParticipantKind.STUDENT].model)

    # Another group: its students and teacher instead, and the name offered follows.
    _choose_group(qtbot, window, "Математика (5Б)")
    assert all(p.detail == "5Б" for p in window.pages[ParticipantKind.STUDENT].model.participants())
    assert window.title_edit.text() == "Математика 5Б"
    # A name typed by the user stays.
    window.title_edit.setText("Олимпиадная математика")
    _choose_group(qtbot, window, "Математика (6А)")
    assert window.title_edit.text() == "Олимпиадная математика"
    _discard(qtbot, window)


def test_the_chat_administrators_flag_cannot_be_changed(
    qtbot: Any, registry_for: Callable[[str], SferumRegistryWindow]
) -> None:
    window = _open_editor(qtbot, registry_for("chatadmin").chats, "Классный чат 5А")
    assert window.windowTitle() == "[*]Чат Сферума: Редактирование"
    assert window.kind_combo.currentText() == "Классный чат"
    assert not window.kind_combo.isEnabled()
    assert not window.group_combo.isEnabled()
    staff = window.pages[ParticipantKind.EMPLOYEE].model
    row = next(r for r, p in enumerate(staff.participants()) if p.full_name == CHAT_ADMIN)
    admin_cell = staff.index(row, staff.column_of("admin"))
    assert admin_cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert not staff.flags(admin_cell) & Qt.ItemFlag.ItemIsUserCheckable
    assert not staff.setData(admin_cell, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    blocked = staff.index(row, staff.column_of("blocked")).data()
    assert blocked == "Нет"
    # «Исключить» leaves the chat administrator in.
    page = window.pages[ParticipantKind.EMPLOYEE]
    page.table.selectRow(row)
    assert not page.exclude_action.isEnabled()
    page.exclude_selected()
    assert CHAT_ADMIN in _names(window, ParticipantKind.EMPLOYEE)
    assert len(_names(window, ParticipantKind.STUDENT)) == 26
    # Another employee's flag can be changed.
    other = next(r for r, p in enumerate(staff.participants()) if not p.locked)
    other_cell = staff.index(other, staff.column_of("admin"))
    assert staff.flags(other_cell) & Qt.ItemFlag.ItemIsUserCheckable
    _discard(qtbot, window)


def test_an_admin_flag_is_set_by_a_click_and_saved_without_a_warning(
    qtbot: Any, gui_backend: LocalBackend, registry_for: Callable[[str], SferumRegistryWindow]
) -> None:
    tab = registry_for("chatadmin").chats
    window = _open_editor(qtbot, tab, "Учительский чат")
    page = window.pages[ParticipantKind.EMPLOYEE]
    staff = page.model
    row = next(r for r, p in enumerate(staff.participants()) if p.full_name == TEACHER)
    cell = staff.index(row, staff.column_of("admin"))
    assert cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    page.table.scrollTo(cell)
    qtbot.mouseClick(
        page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(cell).center()
    )
    assert cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert window.isWindowModified()
    # Nobody joins the chat: nothing to warn about.
    with qtbot.waitSignal(window.saved, timeout=10000) as saved:
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert any(m.full_name == TEACHER and m.is_admin for m in saved.args[0].members)
    qtbot.waitUntil(lambda: not window.isVisible())
    qtbot.waitUntil(lambda: TEACHER in _cell(tab, "Учительский чат", "Администраторы"))


def test_a_chat_saved_meanwhile_by_someone_else_is_not_overwritten(
    qtbot: Any, gui_backend: LocalBackend, registry_for: Callable[[str], SferumRegistryWindow]
) -> None:
    tab = registry_for("chatadmin").chats
    window = _open_editor(qtbot, tab, "Классный чат 5А")
    chat = window.chat
    assert chat is not None
    finish(
        qtbot,
        gui_backend.save_chat(
            ChatDraft(
                title="Классный чат 5А (изменен)",
                kind=chat.kind,
                members=tuple(
                    ChatMemberChoice(m.person_id, m.kind, m.is_admin) for m in chat.members
                ),
                id=chat.id,
                version=chat.version,
            )
        ),
    )
    window.title_edit.setText("Наш 5А")
    shown = click_message_box(qtbot, "Ок")
    with qtbot.waitSignal(window.save_failed, timeout=10000):
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown != [])
    assert shown[0].startswith("Чат изменил другой пользователь.")
    assert window.isVisible()
    assert window.title_edit.text() == "Наш 5А", "what was typed stays"
    _discard(qtbot, window)


def test_a_teacher_creates_a_chat_for_their_own_groups_as_its_admin(
    qtbot: Any, registry_for: Callable[[str], SferumRegistryWindow]
) -> None:
    window = _open_editor(qtbot, registry_for("uchitel").chats)
    groups = [window.group_combo.itemText(i) for i in range(1, window.group_combo.count())]
    assert groups == [
        "Математика (5А)",
        "Математика (5Б)",
        "Математика (6А)",
        "Математика (6Б)",
    ]
    staff = window.pages[ParticipantKind.EMPLOYEE].model
    assert sorted(_names(window, ParticipantKind.EMPLOYEE)) == sorted([CHAT_ADMIN, TEACHER])
    assert all(p.is_admin and p.locked for p in staff.participants())
    _choose_group(qtbot, window, "Математика (6Б)")
    assert _names(window, ParticipantKind.EMPLOYEE).count(TEACHER) == 1
    _discard(qtbot, window)


def test_the_pickers_search_and_select_all(
    qtbot: Any, qtmodeltester: Any, registry_for: Callable[[str], SferumRegistryWindow]
) -> None:
    window = _open_editor(qtbot, registry_for("chatadmin").chats)
    window.kind_combo.setCurrentIndex(window.kind_combo.findText("Другое"))

    window.pages[ParticipantKind.EMPLOYEE].add_action.trigger()
    qtbot.waitUntil(lambda: window.picker is not None)
    picker = window.picker
    with qtbot.waitSignal(picker.loaded, timeout=10000):
        pass
    assert picker.windowTitle() == "Сотрудники"
    qtmodeltester.check(picker.model)
    # Who is in the chat already is checked and cannot be unchecked.
    row = next(
        r
        for r in range(picker.model.rowCount())
        if picker.model.candidate(r).full_name == CHAT_ADMIN
    )
    cell = picker.model.index(row, 0)
    assert cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert not picker.model.flags(cell) & Qt.ItemFlag.ItemIsEnabled
    picker.reject()
    qtbot.waitUntil(lambda: window.picker is None)
    assert _names(window, ParticipantKind.EMPLOYEE) == [CHAT_ADMIN]

    window.tabs.setCurrentWidget(window.pages[ParticipantKind.PARENT])
    window.pages[ParticipantKind.PARENT].add_action.trigger()
    qtbot.waitUntil(lambda: window.picker is not None)
    picker = window.picker
    assert picker.windowTitle() == "Родители"
    with qtbot.waitSignal(picker.loaded, timeout=10000):
        pass
    everyone = picker.model.rowCount()
    with qtbot.waitSignal(picker.loaded, timeout=10000):
        type_text(picker.search_box, "абрамов")
    found = [picker.model.candidate(r).full_name for r in range(picker.model.rowCount())]
    assert 0 < len(found) < everyone
    assert all(name.startswith("Абрамов") for name in found)
    qtbot.mouseClick(picker.select_all_button, Qt.MouseButton.LeftButton)
    assert picker.status_label.text() == f"Найдено: {len(found)}. Выбрано: {len(found)}."
    qtbot.mouseClick(picker.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_names(window, ParticipantKind.PARENT)) == len(found))
    assert sorted(_names(window, ParticipantKind.PARENT)) == sorted(found)

    # «Исключить» takes the selected ones out again.
    page = window.pages[ParticipantKind.PARENT]
    page.table.selectAll()
    qtbot.mouseClick(page.toolbar.widgetForAction(page.exclude_action), Qt.MouseButton.LeftButton)
    assert _names(window, ParticipantKind.PARENT) == []
    _discard(qtbot, window)


def test_saving_with_unlinked_participants_warns_and_cancel_keeps_everything(
    qtbot: Any, gui_backend: LocalBackend, registry_for: Callable[[str], SferumRegistryWindow]
) -> None:
    tab = registry_for("chatadmin").chats
    window = _open_editor(qtbot, tab)
    _choose_group(qtbot, window, "Математика (5А)")
    students = _names(window, ParticipantKind.STUDENT)

    shown = click_message_box(qtbot, "Отмена")
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown != [])
    (warning,) = shown
    # Nobody in the demo school has linked their account yet: the teacher, the chat
    # administrator and the 26 students.
    assert warning.startswith(
        "Не связали свою учетную запись ЭШ с учебным профилем Сферума — 28 "
        "(сотрудники: 2, ученики: 26): "
    )
    assert TEACHER in warning
    assert "и еще 18" in warning
    assert (
        "будут добавлены в чат реестра Сферум в ЭШ, но в чат на стороне Сферума будут "
        "добавлены только после привязки аккаунта ЭШ к учебному профилю Сферума"
    ) in warning
    qtbot.waitUntil(lambda: window.save_button.isEnabled())
    assert window.isVisible()
    assert window.title_edit.text() == "Математика 5А"
    assert _names(window, ParticipantKind.STUDENT) == students
    assert "Математика 5А" not in _titles(tab)

    shown = click_message_box(qtbot, "Ок")
    with qtbot.waitSignal(window.saved, timeout=10000) as saved:
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert shown == [warning]
    chat = saved.args[0]
    assert chat.kind is ChatKind.SUBJECT
    assert len([m for m in chat.members if m.kind is ParticipantKind.STUDENT]) == 26
    assert any(m.full_name == TEACHER and m.is_admin for m in chat.members)
    qtbot.waitUntil(lambda: not window.isVisible())
    qtbot.waitUntil(lambda: "Математика 5А" in _titles(tab), timeout=10000)
    assert tab.selected_record().title == "Математика 5А"
    assert _cell(tab, "Математика 5А", "Тип чата") == "Предмет"
    # The list names the group only; «Чат Сферума: Редактирование» names subject and class.
    assert "5А" in _cell(tab, "Математика 5А", "Предмет/Группа (Класс)")
    assert _cell(tab, "Математика 5А", "Участников") == "28"


def test_nothing_is_sent_without_a_name_or_a_group(
    qtbot: Any, registry_for: Callable[[str], SferumRegistryWindow]
) -> None:
    window = _open_editor(qtbot, registry_for("chatadmin").chats)
    with qtbot.waitSignal(window.save_failed):
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert window.field_error("title") == "Укажите наименование чата."
    assert window.field_error("group_id") == "Выберите группу: для чата «Предмет» она обязательна."
    assert window.isVisible()
    window.reject()


def test_deleting_a_subject_chat_asks_first(
    qtbot: Any, gui_backend: LocalBackend, registry_for: Callable[[str], SferumRegistryWindow]
) -> None:
    window = registry_for("chatadmin")
    tab = window.chats
    finish(
        qtbot,
        gui_backend.save_chat(ChatDraft(title="Кружок шахмат", kind=ChatKind.OTHER, members=())),
    )
    with qtbot.waitSignal(tab.loaded):
        tab.refresh_action.trigger()
    _select(tab, "Кружок шахмат")
    assert tab.delete_action.isEnabled()

    asked = click_message_box(qtbot, "Нет")
    tab.delete_action.trigger()
    qtbot.waitUntil(lambda: asked != [])
    assert asked == ["Удалить чат «Кружок шахмат»? Чат будет удален и на стороне Сферума."]
    assert "Кружок шахмат" in _titles(tab)

    click_message_box(qtbot, "Да")
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.delete_action.trigger()
    assert "Кружок шахмат" not in _titles(tab)
    page = finish(qtbot, gui_backend.list_chats(PageRequest(search="шахмат")))
    assert page.total == 0


# --- «Кто не в Сферуме» ---------------------------------------------------------------------
def test_the_report_lists_who_is_not_in_sferum_and_exports_it(
    qtbot: Any,
    qtmodeltester: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    registry_for: Callable[[str], SferumRegistryWindow],
) -> None:
    tab = registry_for("chatadmin").chats
    assert tab.gaps_action is not None
    tab.gaps_action.trigger()
    report = tab.gaps_window
    assert isinstance(report, GapsWindow)
    with qtbot.waitSignal(report.loaded, timeout=10000):
        pass
    assert report.windowTitle() == "Кто не в Сферуме"
    qtmodeltester.check(report.model)
    headers = [
        report.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(report.model.columnCount())
    ]
    assert headers == HEADER
    everyone = report.model.rowCount()
    assert everyone > 500

    type_text(report.filter_edit, "5А")
    rows = [report.model.record(r) for r in range(report.model.rowCount())]
    assert 0 < len(rows) < everyone
    assert {gap.chat_title for gap in rows} == {"Классный чат 5А", "Родительский чат 5А"}
    assert "Учетная запись не привязана к Сферум" in {gap.reason for gap in rows}

    target = tmp_path / "отчет"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(target), ""))
    with qtbot.waitSignal(report.exported) as exported:
        qtbot.mouseClick(report.export_button, Qt.MouseButton.LeftButton)
    written = Path(exported.args[0])
    assert written == tmp_path / "отчет.csv"
    raw = written.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with written.open(encoding="utf-8-sig", newline="") as file:
        table = list(csv.reader(file, delimiter=";"))
    assert table[0] == HEADER
    assert len(table) == len(rows) + 1
    first = rows[0]
    assert table[1] == [
        "5А",
        first.chat_title,
        "Классный чат" if first.chat_kind is ChatKind.CLASS else "Родительский чат",
        first.full_name,
        {"employee": "Сотрудник", "student": "Ученик", "parent": "Родитель"}[first.kind.value],
        first.reason,
    ]
    report.close()
    qtbot.waitUntil(lambda: tab.gaps_window is None)


def test_the_csv_file_is_what_excel_opens(tmp_path: Path) -> None:
    gaps = [
        ChatGap(
            chat_id=1,
            chat_title="Учительский чат",
            chat_kind=ChatKind.TEACHERS,
            class_name=None,
            person_id=7,
            full_name="Иванова Анна Петровна",
            kind=ParticipantKind.EMPLOYEE,
            sferum=MemberSferumState.REFUSED,
            reason="Платформа МАХ отказала: user.not.found; повторите позже",
        )
    ]
    path = tmp_path / "gaps.csv"
    write_gaps_csv(path, gaps)
    text = path.read_bytes().decode("utf-8")
    assert text == (
        "\ufeffКласс;Чат;Тип чата;Участник;Роль;Причина\r\n"
        ";Учительский чат;Учительский чат;Иванова Анна Петровна;Сотрудник;"
        '"Платформа МАХ отказала: user.not.found; повторите позже"\r\n'
    )


# --- through the server ---------------------------------------------------------------------
@pytest.fixture
def remote_desktop(
    qloop: Any, qtbot: Any, demo_db_path: Path, clock: Any, settings: Settings
) -> Iterator[DesktopWindow]:
    """The chat administrator's desktop on a server (over an in-process HTTP transport)."""
    database = Database(sqlite_url(demo_db_path))
    backend = RemoteBackend(
        "http://esh.school.test",
        transport=httpx.ASGITransport(app=create_app(database, clock=clock)),
    )
    school = finish(qtbot, backend.list_organisations())[0].id
    user = finish(qtbot, backend.log_in(school, "chatadmin", "demo")).user
    desktop = DesktopWindow(
        backend, user, catalog.all_registries(), catalog.MENU_ORDER, lambda: settings.window_state
    )
    qtbot.addWidget(desktop)
    desktop.show()
    yield desktop
    desktop.close()
    finish(qtbot, backend.close())
    database.dispose()


def test_a_subject_chat_is_made_through_the_server(
    qtbot: Any, remote_desktop: DesktopWindow
) -> None:
    registry = remote_desktop.open_registry("sferum")
    assert isinstance(registry, SferumRegistryWindow)
    with qtbot.waitSignal(registry.loaded, timeout=10000):
        pass
    tab = registry.chats
    window = _open_editor(qtbot, tab)
    _choose_group(qtbot, window, "Математика (6Б)")
    assert len(_names(window, ParticipantKind.STUDENT)) == 27
    click_message_box(qtbot, "Ок")
    with qtbot.waitSignal(window.saved, timeout=10000):
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Математика 6Б" in _titles(tab), timeout=10000)
    assert _cell(tab, "Математика 6Б", "Участников") == "29"
