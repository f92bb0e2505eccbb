"""The login window, by what the user sees."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.application import DesktopApplication
from desktop.connection import Connection
from desktop.settings import Settings
from tests.gui.conftest import finish


def _login_window(qtbot: Any, application: DesktopApplication):
    window = application.show_login()
    qtbot.waitUntil(lambda: window.organisation_combo.count() > 0)
    return window


def test_the_login_window_speaks_esh(qtbot: Any, application: DesktopApplication) -> None:
    window = _login_window(qtbot, application)
    assert window.organisation_caption.text() == "Организация"
    assert window.login_caption.text() == "Логин"
    assert window.password_caption.text() == "Пароль"
    assert window.remember_check.text() == "Остаться в системе"
    assert window.login_button.text() == "Войти"
    assert window.organisation_combo.currentText() == "МБОУ СОШ № 7"
    assert "klass" in window.hint_label.text()


def test_logging_in_opens_the_desktop(qtbot: Any, application: DesktopApplication) -> None:
    window = _login_window(qtbot, application)
    qtbot.keyClicks(window.login_edit, "klass")
    qtbot.keyClicks(window.password_edit, "demo")
    qtbot.mouseClick(window.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: application.desktop is not None)
    desktop = application.desktop
    assert desktop.isVisible()
    assert application.login_window is None, "the login window gives way to the desktop"
    assert "Малышев Роман Сергеевич" in desktop.taskbar.user_label.text()


def test_a_wrong_password_gets_one_clear_message(
    qtbot: Any, application: DesktopApplication
) -> None:
    window = _login_window(qtbot, application)
    qtbot.keyClicks(window.login_edit, "klass")
    qtbot.keyClicks(window.password_edit, "wrong")
    with qtbot.waitSignal(window.login_failed) as failed:
        qtbot.keyClick(window.password_edit, Qt.Key.Key_Return)
    assert failed.args == ["Неверный логин или пароль."]
    assert window.message_label.text() == "Неверный логин или пароль."
    assert window.message_label.isVisible()
    assert window.password_edit.text() == ""
    assert window.login_edit.text() == "klass", "the login typed is kept"
    assert application.desktop is None


def test_an_unknown_login_gets_the_same_message(
    qtbot: Any, application: DesktopApplication
) -> None:
    window = _login_window(qtbot, application)
    qtbot.keyClicks(window.login_edit, "nobody")
    qtbot.keyClicks(window.password_edit, "demo")
    with qtbot.waitSignal(window.login_failed) as failed:
        window.submit()
    assert failed.args == ["Неверный логин или пароль."]


def test_a_blocked_account_is_told_so(qtbot: Any, application: DesktopApplication) -> None:
    window = _login_window(qtbot, application)
    qtbot.keyClicks(window.login_edit, "zablokirovan")
    qtbot.keyClicks(window.password_edit, "demo")
    with qtbot.waitSignal(window.login_failed) as failed:
        window.submit()
    assert failed.args[0].startswith("Учетная запись заблокирована")


def test_empty_fields_are_asked_for_before_anything_is_sent(
    qtbot: Any, application: DesktopApplication
) -> None:
    window = _login_window(qtbot, application)
    window.login_edit.clear()
    with qtbot.waitSignal(window.login_failed) as failed:
        window.submit()
    assert failed.args == ["Введите логин."]
    qtbot.keyClicks(window.login_edit, "klass")
    with qtbot.waitSignal(window.login_failed) as failed:
        window.submit()
    assert failed.args == ["Введите пароль."]


def test_staying_logged_in_skips_the_login_window_next_time(
    qtbot: Any, application: DesktopApplication, settings: Settings
) -> None:
    window = _login_window(qtbot, application)
    qtbot.keyClicks(window.login_edit, "klass")
    qtbot.keyClicks(window.password_edit, "demo")
    window.remember_check.setChecked(True)
    window.submit()
    qtbot.waitUntil(lambda: application.desktop is not None)
    token = settings.remembered_token("test")
    assert token, "a revocable token is remembered"
    assert "demo" not in token
    settings.sync()
    assert "demo" not in (settings.config_dir / "settings.ini").read_text(encoding="utf-8")
    application.desktop.close()
    application.desktop = None

    again = DesktopApplication(
        lambda _connection: (application.backend, "test"), settings, connection=Connection()
    )
    finish(qtbot, again.start_session())
    assert again.desktop is not None
    assert again.login_window is None
    again.desktop.close()


def test_the_login_is_remembered_but_never_the_password(
    qtbot: Any, application: DesktopApplication, settings: Settings
) -> None:
    window = _login_window(qtbot, application)
    qtbot.keyClicks(window.login_edit, "klass")
    qtbot.keyClicks(window.password_edit, "demo")
    window.submit()
    qtbot.waitUntil(lambda: application.desktop is not None)
    assert settings.last_login == "klass"
    assert settings.remembered_token("test") is None
    settings.sync()
    stored = (settings.config_dir / "settings.ini").read_text(encoding="utf-8")
    assert "demo" not in stored


def test_the_language_can_be_switched_to_english(
    qtbot: Any, application: DesktopApplication, settings: Settings
) -> None:
    window = _login_window(qtbot, application)
    try:
        window.language_combo.setCurrentIndex(window.language_combo.findData("en"))
        qtbot.waitUntil(lambda: window.login_button.text() == "Log in")
        assert window.login_caption.text() == "Login"
        assert window.remember_check.text() == "Stay logged in"
        assert settings.language == "en"
    finally:
        window.language_combo.setCurrentIndex(window.language_combo.findData("ru"))
    assert window.login_button.text() == "Войти"
