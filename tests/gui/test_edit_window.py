"""The edit-window base, through «Настройки организации»."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from backend.contract import CurrentUser, OrganisationSettingsUpdate
from backend.local import LocalBackend
from desktop.main_window import DesktopWindow
from registries.organisation.settings_window import OrganisationSettingsWindow
from tests.gui.conftest import click_message_box, finish, type_text


def _settings_window(qtbot: Any, desktop: DesktopWindow) -> OrganisationSettingsWindow:
    window = desktop.open_registry("organisation_settings")
    assert isinstance(window, OrganisationSettingsWindow)
    with qtbot.waitSignal(window.loaded):
        pass
    return window


def test_the_title_gets_an_asterisk_while_changed(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    window = _settings_window(qtbot, desktop_for("admin"))
    assert window.windowTitle() == "[*]Настройки организации: Редактирование"
    assert not window.isWindowModified()
    original = window.short_name_edit.text()
    type_text(window.short_name_edit, "!")
    assert window.isWindowModified()
    window.short_name_edit.setText(original)
    assert not window.isWindowModified(), "typing back the old value is not a change"
    window.close()


def test_closing_with_changes_asks_and_no_keeps_what_was_typed(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    window = _settings_window(qtbot, desktop_for("admin"))
    type_text(window.short_name_edit, " (тест)")
    typed = window.short_name_edit.text()
    asked = click_message_box(qtbot, "Нет")
    window.close()
    assert asked == ["Данные были изменены. Закрыть окно без сохранения изменений?"]
    assert window.isVisible()
    assert window.short_name_edit.text() == typed
    asked = click_message_box(qtbot, "Да")
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert asked == ["Данные были изменены. Закрыть окно без сохранения изменений?"]
    qtbot.waitUntil(lambda: not window.isVisible())


def test_closing_without_changes_does_not_ask(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow]
) -> None:
    window = _settings_window(qtbot, desktop_for("admin"))
    window.close()
    assert not window.isVisible()


def test_saving_sends_the_values_and_closes(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow], gui_backend: LocalBackend
) -> None:
    window = _settings_window(qtbot, desktop_for("admin"))
    window.short_name_edit.setText("Школа № 7")
    index = window.chat_admin_combo.findText("Не назначен")
    window.chat_admin_combo.setCurrentIndex(index)
    with qtbot.waitSignal(window.saved) as saved:
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].short_name == "Школа № 7"
    assert saved.args[0].chat_admin_employee_id is None
    qtbot.waitUntil(lambda: not window.isVisible())
    stored = finish(qtbot, gui_backend.organisation_settings())
    assert stored.short_name == "Школа № 7"


def test_nothing_is_sent_while_a_field_is_invalid(
    qtbot: Any, desktop_for: Callable[[str], DesktopWindow], gui_backend: LocalBackend
) -> None:
    window = _settings_window(qtbot, desktop_for("admin"))
    version = finish(qtbot, gui_backend.organisation_settings()).version
    window.name_edit.clear()
    with qtbot.waitSignal(window.save_failed):
        window.save_button.click()
    assert window.field_error("name") == "Укажите наименование организации."
    assert window.isVisible()
    assert finish(qtbot, gui_backend.organisation_settings()).version == version
    window.name_edit.setText("Новое имя")
    click_message_box(qtbot, "Да")
    window.close()


def test_a_conflicting_save_is_explained_and_keeps_the_values(
    qtbot: Any,
    desktop_for: Callable[[str], DesktopWindow],
    gui_backend: LocalBackend,
    demo_db_path: Any,
    clock: Any,
) -> None:
    window = _settings_window(qtbot, desktop_for("admin"))
    # Someone else saves the settings from another PC in the meantime.
    other = LocalBackend(demo_db_path, clock=clock)
    try:
        organisations = finish(qtbot, other.list_organisations())
        school = next(o.id for o in organisations if o.short_name == "МБОУ СОШ № 7")
        finish(qtbot, other.log_in(school, "admin", "demo"))
        current = finish(qtbot, other.organisation_settings())
        finish(
            qtbot,
            other.update_organisation_settings(
                OrganisationSettingsUpdate(
                    name=current.name,
                    short_name="Изменено другим",
                    chat_admin_employee_id=None,
                    version=current.version,
                )
            ),
        )
    finally:
        finish(qtbot, other.close())
    window.short_name_edit.setText("Мой вариант")
    shown = click_message_box(qtbot, "Ок")
    with qtbot.waitSignal(window.save_failed) as failed:
        window.save_button.click()
    qtbot.waitUntil(lambda: bool(shown))
    assert "другой пользователь" in failed.args[0]
    assert window.isVisible()
    assert window.short_name_edit.text() == "Мой вариант"
    click_message_box(qtbot, "Да")
    window.close()


def test_the_settings_are_only_for_the_organisation_administrator(
    desktop_for: Callable[[str], DesktopWindow], log_in: Callable[[str], CurrentUser]
) -> None:
    desktop = desktop_for("chatadmin")
    assert desktop.open_registry("organisation_settings") is None
