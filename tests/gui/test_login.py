"""The login window, by what the user sees."""

from __future__ import annotations

import logging
import stat
import sys
from typing import Any

import pytest
from PySide6.QtCore import Qt

from backend.version import current_version
from desktop.application import DesktopApplication
from desktop.connection import Connection
from desktop.credentials import RememberedLogins
from desktop.login_window import LoginWindow
from desktop.settings import Settings
from tests.gui.conftest import CredentialStoreStandIn, click_message_box, finish


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


def _log_in_remembered(qtbot: Any, application: DesktopApplication) -> None:
    window = _login_window(qtbot, application)
    qtbot.keyClicks(window.login_edit, "klass")
    qtbot.keyClicks(window.password_edit, "demo")
    window.remember_check.setChecked(True)
    window.submit()
    qtbot.waitUntil(lambda: application.desktop is not None)


def _starts_on_the_desktop(qtbot: Any, application: DesktopApplication, logins: Any) -> bool:
    again = DesktopApplication(
        lambda _connection: (application.backend, "test"),
        application.settings,
        connection=Connection(),
        logins=logins,
    )
    finish(qtbot, again.start_session())
    on_desktop = again.desktop is not None and again.login_window is None
    for window in (again.desktop, again.login_window):
        if window is not None:
            window.close()
    return on_desktop


def test_staying_logged_in_keeps_the_token_in_the_credential_store(
    qtbot: Any,
    application: DesktopApplication,
    settings: Settings,
    credential_store: CredentialStoreStandIn,
    logins: RememberedLogins,
) -> None:
    _log_in_remembered(qtbot, application)
    qtbot.waitUntil(lambda: settings.remembered_backend == "test")
    token = credential_store.get_password("esh-desktop", "test")
    assert token, "a revocable token is remembered"
    assert "demo" not in token
    settings.sync()
    stored = (settings.config_dir / "settings.ini").read_text(encoding="utf-8")
    assert token not in stored, "school PCs are shared: the token is not in a plain file"
    assert "demo" not in stored
    application.desktop.close()
    application.desktop = None
    assert _starts_on_the_desktop(qtbot, application, logins), "next time: straight in"


def test_without_a_credential_store_the_token_is_kept_in_the_settings_and_logged(
    qtbot: Any,
    application: DesktopApplication,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    application.logins = RememberedLogins(settings, store=None)
    try:
        with caplog.at_level(logging.WARNING, logger="desktop.credentials"):
            _log_in_remembered(qtbot, application)
            qtbot.waitUntil(lambda: settings.remembered_file_token is not None)
        assert any("no credential store" in r.getMessage() for r in caplog.records)
        if sys.platform != "win32":
            mode = stat.S_IMODE(settings.preferences_file.stat().st_mode)
            assert mode == 0o600, "the file with the token is its owner's only"
        application.desktop.close()
        application.desktop = None
        assert _starts_on_the_desktop(qtbot, application, application.logins)
    finally:
        application.logins.close()


def test_a_token_an_older_version_left_in_the_settings_moves_to_the_store(
    qtbot: Any,
    application: DesktopApplication,
    settings: Settings,
    credential_store: CredentialStoreStandIn,
    logins: RememberedLogins,
) -> None:
    plain = RememberedLogins(settings, store=None)
    try:
        _log_in_remembered(qtbot, application)
        qtbot.waitUntil(lambda: settings.remembered_backend == "test")
        token = finish(qtbot, logins.token("test"))
        credential_store.secrets.clear()
        finish(qtbot, plain.remember("test", token))  # as the older version kept it
    finally:
        plain.close()
    assert settings.remembered_file_token == token
    application.desktop.close()
    application.desktop = None
    assert _starts_on_the_desktop(qtbot, application, logins)
    assert settings.remembered_file_token is None
    assert credential_store.get_password("esh-desktop", "test") == token


def test_logging_out_forgets_the_remembered_login_everywhere(
    qtbot: Any,
    application: DesktopApplication,
    settings: Settings,
    credential_store: CredentialStoreStandIn,
) -> None:
    _log_in_remembered(qtbot, application)
    qtbot.waitUntil(lambda: settings.remembered_backend == "test")
    click_message_box(qtbot, "Да")
    finish(qtbot, application.log_out())
    assert credential_store.secrets == {}
    assert settings.remembered_backend == ""
    assert application.login_window is not None


def test_the_login_is_remembered_but_never_the_password(
    qtbot: Any,
    application: DesktopApplication,
    settings: Settings,
    credential_store: CredentialStoreStandIn,
) -> None:
    window = _login_window(qtbot, application)
    qtbot.keyClicks(window.login_edit, "klass")
    qtbot.keyClicks(window.password_edit, "demo")
    window.submit()
    qtbot.waitUntil(lambda: application.desktop is not None)
    assert settings.last_login == "klass"
    assert settings.remembered_backend == ""
    assert credential_store.secrets == {}
    settings.sync()
    stored = (settings.config_dir / "settings.ini").read_text(encoding="utf-8")
    assert "demo" not in stored


def test_the_login_window_shows_the_version(qtbot: Any, application: DesktopApplication) -> None:
    window = _login_window(qtbot, application)
    assert window.version_label.text() == f"Версия {current_version()}"
    assert window.version_label.isVisible()


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


def test_the_login_window_shown_before_the_backend_waits_and_is_taken_over(
    qtbot: Any, qloop: Any, settings: Settings, logins: RememberedLogins, backend_factory: Any
) -> None:
    early = LoginWindow(None, settings, connection=Connection())
    early.show()
    try:
        assert early.message_label.text() == "Подключение к базе данных…"
        assert not early.login_edit.isEnabled(), "nothing can be typed before it can be sent"
        early.load_organisations()  # «Подключиться» pressed too early: asks nothing yet
        controller = DesktopApplication(
            backend_factory, settings, connection=Connection(), logins=logins, login_window=early
        )
        assert controller.show_login() is early
        qtbot.waitUntil(lambda: early.organisation_combo.count() > 0)
        assert early.organisation_combo.currentText() == "МБОУ СОШ № 7"
        assert early.login_edit.isEnabled()
        assert early.message_label.text() == ""
    finally:
        early.close()
