"""Linking to Sferum on the desktop, by what the user sees: the shortcut, «Авторизация в
Сферум», the MAX side in «МАХ (демо)», the desktop changing by itself, «Перейти в Сферум»
in the system browser with a QR code, and unlinking."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop import sferum_watch
from desktop.application import DesktopApplication
from desktop.main_window import DesktopWindow
from registries.sferum.link_dialog import SferumLinkDialog
from registries.sferum.max_demo_window import MaxDemoWindow
from registries.sferum.registry import SferumRegistryWindow
from registries.sferum.sferum_window import SferumWindow
from registries.sferum.web_dialog import SferumWebDialog
from tests.gui.conftest import BrowserStandIn, click_message_box, finish, type_text

LINK = "Привязать аккаунт к Сферум"


@pytest.fixture(autouse=True)
def quick_watcher(monkeypatch: pytest.MonkeyPatch) -> None:
    """The desktop looks at the link every 2 s; in tests every 0.1 s."""
    monkeypatch.setattr(sferum_watch, "WAITING_INTERVAL_MS", 100)
    monkeypatch.setattr(sferum_watch, "SETTLED_INTERVAL_MS", 100)


def _shortcuts(desktop: DesktopWindow) -> list[str]:
    model = desktop.shortcut_model
    return [model.index(row).data() for row in range(model.rowCount())]


def _desktop_of(qtbot: Any, application: DesktopApplication, login: str) -> DesktopWindow:
    window = application.show_login()
    qtbot.waitUntil(lambda: window.organisation_combo.count() > 0)
    window.login_edit.setText(login)
    window.password_edit.setText("demo")
    window.submit()
    qtbot.waitUntil(lambda: application.desktop is not None, timeout=10000)
    desktop = application.desktop
    assert desktop is not None
    qtbot.waitUntil(lambda: LINK in _shortcuts(desktop), timeout=10000)
    return desktop


def _send_request(qtbot: Any, desktop: DesktopWindow, typed: str) -> list[str]:
    dialog = desktop.open_registry("sferum_link")
    assert isinstance(dialog, SferumLinkDialog)
    assert dialog.windowTitle() == "Авторизация в Сферум"
    type_text(dialog.phone_edit, typed)
    shown = click_message_box(qtbot, "Ок")
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown != [], timeout=10000)
    return shown


def test_a_wrong_number_gets_the_system_message_and_nothing_is_sent(
    qtbot: Any, application: DesktopApplication
) -> None:
    desktop = _desktop_of(qtbot, application, "klass")
    assert "МАХ (демо)" in _shortcuts(desktop)
    assert "Сферум" not in _shortcuts(desktop)
    shown = _send_request(qtbot, desktop, "+7 (495) 123-45-67")
    assert shown == ["Номер телефона должен соответствовать формату +7 (9XX) XXX-XX-XX."]
    dialog = desktop.windows.dialog("sferum_link")
    assert dialog is not None, "the dialog stays open for a correction"
    assert dialog.cancel_button.text() == "Отмена"
    dialog.reject()
    maxside = desktop.open_registry("max_demo")
    assert isinstance(maxside, MaxDemoWindow)
    qtbot.waitUntil(lambda: maxside.message_label.text() == "Сообщений пока нет.")


def test_linking_end_to_end_then_going_to_sferum_then_unlinking(
    qtbot: Any, application: DesktopApplication, browser: BrowserStandIn
) -> None:
    desktop = _desktop_of(qtbot, application, "klass")
    (told,) = _send_request(qtbot, desktop, "8 903 785 09 30")
    assert told.startswith("Запрос на привязку отправлен на платформу МАХ.")
    assert "«Подключить»" in told
    qtbot.waitUntil(lambda: desktop.windows.dialog("sferum_link") is None)

    maxside = desktop.open_registry("max_demo")
    assert isinstance(maxside, MaxDemoWindow)
    qtbot.waitUntil(maxside.connect_button.isEnabled, timeout=10000)
    assert "МБОУ СОШ № 7" in maxside.message_label.text()
    assert maxside.phone_label.text() == "Пользователь МАХ: +7 (903) 785-09-30"
    qtbot.mouseClick(maxside.connect_button, Qt.MouseButton.LeftButton)

    # The desktop notices by itself: no restart, no «Обновить».
    qtbot.waitUntil(lambda: "Сферум" in _shortcuts(desktop), timeout=10000)
    assert "Перейти в Сферум" in _shortcuts(desktop)
    assert LINK not in _shortcuts(desktop)

    web = desktop.open_registry("sferum_web")
    assert isinstance(web, SferumWebDialog)
    qtbot.waitUntil(lambda: browser.opened != [], timeout=10000)
    assert browser.opened == ["https://web.sferum.ru/"]
    assert not web.qr_label.pixmap().isNull()
    assert web.address_label.text() == "https://web.sferum.ru/"
    web.reject()

    # Staff get the registry; «Отвязать учетную запись» is on its toolbar, by the phone.
    window = desktop.open_registry("sferum")
    assert isinstance(window, SferumRegistryWindow)
    tab = window.chats
    qtbot.waitUntil(lambda: tab.link_action.text() == "Отвязать учетную запись")
    assert tab.phone_edit.text() == "+7 (903) 785-09-30"
    shown = click_message_box(qtbot, "Да")
    tab.link_action.trigger()
    qtbot.waitUntil(lambda: LINK in _shortcuts(desktop), timeout=10000)
    assert shown == ["Отвязать учетную запись ЭШ от учебного аккаунта Сферум?"]
    assert "Сферум" not in _shortcuts(desktop)
    qtbot.waitUntil(lambda: tab.link_action.text() == "Привязать учетную запись")
    assert tab.phone_edit.text() == ""


def test_a_parent_links_and_unlinks_in_the_account_window(
    qtbot: Any, application: DesktopApplication
) -> None:
    desktop = _desktop_of(qtbot, application, "roditel")
    _send_request(qtbot, desktop, "+79401051214")
    maxside = desktop.open_registry("max_demo")
    assert isinstance(maxside, MaxDemoWindow)
    qtbot.waitUntil(maxside.connect_button.isEnabled, timeout=10000)
    qtbot.mouseClick(maxside.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Сферум" in _shortcuts(desktop), timeout=10000)
    assert desktop.open_registry("sferum") is None, "students and parents have no chats"

    window = desktop.open_registry("sferum_account")
    assert isinstance(window, SferumWindow)
    qtbot.waitUntil(window.unlink_button.isEnabled)
    assert "+7 (940) 105-12-14" in window.status_label.text()
    shown = click_message_box(qtbot, "Да")
    qtbot.mouseClick(window.unlink_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: LINK in _shortcuts(desktop), timeout=10000)
    assert shown == ["Отвязать учетную запись ЭШ от учебного аккаунта Сферум?"]
    assert "Сферум" not in _shortcuts(desktop)


def test_a_second_request_while_one_waits_is_told_to_go_to_max(
    qtbot: Any, application: DesktopApplication
) -> None:
    desktop = _desktop_of(qtbot, application, "uchitel")
    _send_request(qtbot, desktop, "+79350930998")
    qtbot.waitUntil(lambda: desktop.windows.dialog("sferum_link") is None)
    shown = _send_request(qtbot, desktop, "+79350930998")
    assert shown == [
        "Запрос на привязку уже отправлен. Перейдите на платформу МАХ и подтвердите привязку"
    ]


def test_a_rejection_in_max_leaves_the_link_shortcut(
    qtbot: Any, application: DesktopApplication
) -> None:
    desktop = _desktop_of(qtbot, application, "roditel")
    _send_request(qtbot, desktop, "+79401051214")
    maxside = desktop.open_registry("max_demo")
    assert isinstance(maxside, MaxDemoWindow)
    qtbot.waitUntil(maxside.decline_button.isEnabled, timeout=10000)
    told = click_message_box(qtbot, "Ок")
    qtbot.mouseClick(maxside.decline_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: told != [], timeout=10000)
    assert told == ["Привязка отклонена на платформе МАХ («Не подключать»)."]
    assert not maxside.decline_button.isEnabled()
    assert LINK in _shortcuts(desktop)
    assert "Сферум" not in _shortcuts(desktop)


def test_a_number_without_max_is_announced_and_shown_when_the_dialog_opens_again(
    qtbot: Any, application: DesktopApplication
) -> None:
    desktop = _desktop_of(qtbot, application, "klass")
    first = _send_request(qtbot, desktop, "+7 999 000-00-01")
    second = click_message_box(qtbot, "Ок")  # finds the next box even if already open
    qtbot.waitUntil(lambda: second != [], timeout=10000)
    # «sent», then MAX's refusal — the refusal may even come before «sent» is answered.
    (announced,) = [t for t in first + second if t.startswith("Номер телефона не")]
    assert announced.startswith("Номер телефона не зарегистрирован на платформе МАХ.")

    qtbot.waitUntil(lambda: desktop.windows.dialog("sferum_link") is None)
    dialog = desktop.open_registry("sferum_link")
    assert isinstance(dialog, SferumLinkDialog)
    qtbot.waitUntil(dialog.state_label.isVisible)
    assert dialog.state_label.text() == announced
    assert dialog.phone_edit.text() == "+7 (999) 000-00-01"
    dialog.reject()


def test_the_chat_administrator_sees_what_max_refused(
    qtbot: Any, application: DesktopApplication, gui_backend: Any, qtmodeltester: Any
) -> None:
    school = finish(qtbot, gui_backend.list_organisations())[0].id
    finish(qtbot, gui_backend.log_in(school, "klass", "demo"))
    finish(qtbot, gui_backend.request_sferum_link("+7 999 000-00-01"))  # no MAX account
    finish(qtbot, gui_backend.log_in(school, "chatadmin", "demo"))
    finish(qtbot, gui_backend.request_sferum_link("+79874028796"))
    finish(qtbot, gui_backend.run_max_jobs())
    (message,) = gui_backend.max_simulator.messages_for("+79874028796")
    finish(qtbot, gui_backend.answer_demo_link(message.request_id, accept=True))

    window = application.show_login()
    qtbot.waitUntil(lambda: window.organisation_combo.count() > 0)
    window.login_edit.setText("chatadmin")
    window.password_edit.setText("demo")
    window.submit()
    qtbot.waitUntil(lambda: application.desktop is not None, timeout=10000)
    desktop = application.desktop
    qtbot.waitUntil(lambda: "Сферум" in _shortcuts(desktop), timeout=10000)
    sferum = desktop.open_registry("sferum")
    assert isinstance(sferum, SferumRegistryWindow)
    with qtbot.waitSignal(sferum.deliveries_panel.loaded, timeout=10000):
        pass
    qtmodeltester.check(sferum.deliveries)
    assert sferum.deliveries_label.text() == "Не доставлено на платформу МАХ"
    # Under the registry the list is folded to one line that opens it.
    fold = sferum.deliveries_panel.fold_button
    assert fold.text().startswith("Не доставлено на платформу МАХ: ")
    assert fold.text().endswith(", из них отклонено: 1")
    fold.click()
    assert sferum.deliveries_panel.view.isVisibleTo(sferum)
    row = [sferum.deliveries.index(0, c).data() for c in range(4)]
    assert row[:3] == ["Запрос на привязку к Сферум", "Отклонено", "1"]
    assert "user.not.found" in row[3]
