"""The desktop against a server: choosing it in the login window, unreachable servers,
and a session that ends while the desktop is open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import qasync
from PySide6.QtWidgets import QApplication, QMessageBox

from backend.clock import FixedClock
from backend.contract import Backend
from backend.database import Database, sqlite_url
from backend.remote import RemoteBackend
from backend.server.app import create_app
from desktop.application import DesktopApplication
from desktop.connection import Connection
from desktop.login_window import LoginWindow
from desktop.main_window import DesktopWindow
from desktop.settings import Settings
from registries.base.registry_window import RegistryWindow
from tests.gui.conftest import click_message_box, finish, type_text
from tests.helpers import LoopbackServer

SERVER = "http://esh.school.test"


@pytest.fixture
def server_app(demo_db_path: Path, clock: FixedClock) -> Iterator[Any]:
    database = Database(sqlite_url(demo_db_path))
    yield create_app(database, clock=clock)
    database.dispose()


@pytest.fixture
def remote_application(
    qloop: qasync.QEventLoop, qtbot: Any, server_app: Any, settings: Settings, gui_backend: Any
) -> Iterator[DesktopApplication]:
    transport = httpx.ASGITransport(app=server_app)
    made: list[Backend] = []

    def factory(connection: Connection) -> tuple[Backend, str]:
        if connection.server_url == SERVER:
            backend = RemoteBackend(SERVER, transport=transport)
        elif connection.server_url is not None:
            backend = RemoteBackend(connection.server_url, deadline=3)  # a real, absent server
        else:
            return gui_backend, "local"
        made.append(backend)
        return backend, f"server:{connection.server_url}"

    controller = DesktopApplication(factory, settings, connection=Connection())
    yield controller
    for window in (controller.login_window, controller.desktop):
        if window is not None:
            window.close()
    for backend in made:
        finish(qtbot, backend.close())


def _choose_server(qtbot: Any, controller: DesktopApplication, address: str) -> LoginWindow:
    window = controller.show_login()
    qtbot.waitUntil(lambda: window.organisation_combo.count() > 0)
    window.connection_combo.setCurrentIndex(window.connection_combo.findText("Сервер"))
    assert window.server_edit.isVisible()
    window.server_edit.clear()
    type_text(window.server_edit, address)
    window.connect_button.click()
    return window


def _log_in_to_server(
    qtbot: Any, controller: DesktopApplication, login: str = "klass", address: str = SERVER
) -> DesktopWindow:
    window = _choose_server(qtbot, controller, address)
    qtbot.waitUntil(lambda: controller.connection == Connection(address))
    qtbot.waitUntil(lambda: window.organisation_combo.count() == 2 and not window._busy)
    window.login_edit.setText(login)
    window.password_edit.setText("demo")
    window.submit()
    qtbot.waitUntil(lambda: controller.desktop is not None, timeout=10000)
    assert controller.desktop is not None
    return controller.desktop


def test_the_desktop_works_against_a_server(
    qtbot: Any, remote_application: DesktopApplication, settings: Settings
) -> None:
    window = _choose_server(qtbot, remote_application, "esh.school.test/")
    qtbot.waitUntil(lambda: remote_application.connection == Connection(SERVER))
    qtbot.waitUntil(lambda: window.organisation_combo.count() == 2)
    assert window.server_edit.text() == SERVER
    window.login_edit.setText("klass")
    window.password_edit.setText("demo")
    window.submit()
    qtbot.waitUntil(lambda: remote_application.desktop is not None)
    students = remote_application.desktop.open_registry("students")
    with qtbot.waitSignal(students.loaded, timeout=10000):
        pass
    assert students.status_label.text() == "Показано записей 1 - 50 из 542"
    assert settings.connection == Connection(SERVER), "the choice is remembered"


def test_a_wrong_address_is_explained(qtbot: Any, remote_application: DesktopApplication) -> None:
    window = remote_application.show_login()
    qtbot.waitUntil(lambda: window.organisation_combo.count() > 0)
    window.connection_combo.setCurrentIndex(window.connection_combo.findText("Сервер"))
    window.server_edit.setText("ftp://esh")
    with qtbot.waitSignal(window.login_failed) as failed:
        window.connect_button.click()
    assert failed.args[0].startswith("Адрес сервера указан неверно.")
    assert remote_application.connection == Connection()


def test_an_unreachable_server_gets_a_sentence_and_a_retry(
    qtbot: Any, remote_application: DesktopApplication
) -> None:
    window = _choose_server(qtbot, remote_application, "127.0.0.1:9")
    with qtbot.waitSignal(window.login_failed, timeout=10000) as failed:
        pass
    assert failed.args[0].startswith("Не удалось подключиться к серверу http://127.0.0.1:9.")
    assert window.message_label.text() == failed.args[0]
    assert window.retry_button.isVisible()
    assert window.organisation_combo.count() == 0


def test_an_ended_session_brings_the_login_window_back_over_the_desktop(
    qtbot: Any, remote_application: DesktopApplication, clock: FixedClock
) -> None:
    import datetime as dt

    _log_in_to_server(qtbot, remote_application)
    desktop = remote_application.desktop
    assert desktop is not None
    students: RegistryWindow = desktop.open_registry("students")
    with qtbot.waitSignal(students.loaded, timeout=10000):
        pass

    clock.advance(dt.timedelta(hours=13))  # the session has expired on the server
    students.refresh()
    qtbot.waitUntil(lambda: remote_application.login_window is not None, timeout=10000)
    again = remote_application.login_window
    qtbot.waitUntil(lambda: again.message_label.text() != "" and not again._busy)
    assert again.message_label.text() == "Сеанс работы завершен. Войдите в систему заново."
    assert not desktop.isEnabled()
    assert not again.connection_combo.isEnabled()

    again.login_edit.setText("klass")
    again.password_edit.setText("demo")
    again.submit()
    qtbot.waitUntil(desktop.isEnabled, timeout=10000)
    assert remote_application.desktop is desktop
    assert remote_application.login_window is None
    with qtbot.waitSignal(students.loaded, timeout=10000):
        students.refresh()
    assert students.model.rowCount() == 50


def test_logging_in_as_someone_else_after_the_session_ended_starts_afresh(
    qtbot: Any, remote_application: DesktopApplication, clock: FixedClock
) -> None:
    import datetime as dt

    _log_in_to_server(qtbot, remote_application)
    first = remote_application.desktop
    clock.advance(dt.timedelta(hours=13))
    staff = first.open_registry("staff")
    qtbot.waitUntil(lambda: remote_application.login_window is not None, timeout=10000)
    del staff
    again = remote_application.login_window
    qtbot.waitUntil(lambda: not again._busy)
    again.login_edit.setText("uchitel")
    again.password_edit.setText("demo")
    again.submit()
    qtbot.waitUntil(
        lambda: remote_application.desktop is not None and remote_application.desktop is not first,
        timeout=10000,
    )
    assert remote_application.user.login == "uchitel"
    assert remote_application.desktop.isEnabled()


def test_the_remembered_server_is_used_at_the_next_start(
    qtbot: Any, remote_application: DesktopApplication, settings: Settings
) -> None:
    settings.connection = Connection(SERVER)
    assert Settings(settings.config_dir).connection == Connection(SERVER)
    settings.connection = Connection()
    assert Settings(settings.config_dir).connection == Connection()
    assert Settings(settings.config_dir).last_server_url == SERVER


def test_a_message_box_is_not_shown_for_an_ended_session(
    qtbot: Any, remote_application: DesktopApplication, clock: FixedClock
) -> None:
    import datetime as dt

    _log_in_to_server(qtbot, remote_application)
    clock.advance(dt.timedelta(hours=13))
    remote_application.desktop.open_registry("parents")
    qtbot.waitUntil(lambda: remote_application.login_window is not None, timeout=10000)
    qtbot.wait(200)  # a message box, if one were coming, would be open by now
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert [box.text() for box in boxes if box.isVisible()] == []


def test_a_stopped_server_is_explained_and_work_goes_on_when_it_is_back(
    qtbot: Any, remote_application: DesktopApplication, server_app: Any
) -> None:
    with LoopbackServer(server_app) as server:
        port = server.port
        address = f"http://127.0.0.1:{port}"
        desktop = _log_in_to_server(qtbot, remote_application, address=address)
        students: RegistryWindow = desktop.open_registry("students")
        with qtbot.waitSignal(students.loaded, timeout=10000):
            pass

    shown = click_message_box(qtbot, "Ок")
    with qtbot.waitSignal(students.load_failed, timeout=10000) as failed:
        students.refresh()
    assert failed.args[0].startswith(f"Не удалось подключиться к серверу {address}.")
    qtbot.waitUntil(lambda: shown == [failed.args[0]])
    assert remote_application.desktop is desktop
    assert desktop.isEnabled()
    assert students.model.rowCount() == 50, "what was on screen stays there"

    with LoopbackServer(server_app, port), qtbot.waitSignal(students.loaded, timeout=10000):
        students.refresh()
    assert students.status_label.text() == "Показано записей 1 - 50 из 542"
