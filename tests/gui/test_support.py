"""What support needs in the desktop: «О программе», the crash report, a fixed connection."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from backend.contract import Backend, BackendInfo
from backend.database import Database, sqlite_url
from backend.remote import RemoteBackend
from backend.server.app import create_app
from backend.version import current_version
from desktop.about import AboutDialog
from desktop.application import DesktopApplication
from desktop.connection import Connection
from desktop.crash_report import CrashReporter
from desktop.settings import Settings
from desktop.single_instance import DatabaseInUse
from tests.gui.conftest import finish


def _raise_here(reporter: CrashReporter) -> None:
    try:
        raise RuntimeError("a bug in a slot")
    except RuntimeError as error:
        reporter.excepthook(type(error), error, error.__traceback__)


@pytest.fixture
def reporter(qloop: Any, tmp_path: Path) -> Iterator[CrashReporter]:
    reporter = CrashReporter(tmp_path / "log" / "esh-desktop.log")
    yield reporter
    if reporter._box is not None:
        reporter._box.close()


def test_an_unexpected_error_is_logged_and_shown_once_with_its_details(
    qtbot: Any, reporter: CrashReporter, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[QMessageBox] = []
    reporter.shown.connect(shown.append)
    with caplog.at_level(logging.ERROR, logger="desktop.crash_report"):
        _raise_here(reporter)
        qtbot.waitUntil(lambda: len(shown) == 1)
        _raise_here(reporter)  # the same bug again, while the first box is open
        _raise_here(reporter)
    box = shown[0]
    assert box.text() == (
        "Произошла непредвиденная ошибка, последнее действие могло не выполниться; "
        f"подробности записаны в журнал {reporter.log_file}."
    )
    tracebacks = [r for r in caplog.records if "RuntimeError: a bug in a slot" in r.getMessage()]
    assert len(tracebacks) == 3, "every time in the log"
    assert "Traceback (most recent call last)" in tracebacks[0].getMessage()
    copy = next(b for b in box.buttons() if b.text() == "Скопировать подробности")
    copy.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"esh-desktop {current_version()};")
    assert "RuntimeError: a bug in a slot" in copied
    qtbot.waitUntil(lambda: reporter._box is None)
    _raise_here(reporter)  # on the GUI thread the report is shown (or not) at once
    assert len(shown) == 1, "the same bug is not shown twice"


def test_an_error_in_an_asyncio_callback_reaches_the_report(
    qtbot: Any, reporter: CrashReporter
) -> None:
    shown: list[QMessageBox] = []
    reporter.shown.connect(shown.append)
    try:
        raise ValueError("in a callback")
    except ValueError as error:
        reporter.asyncio_exception(None, {"message": "callback failed", "exception": error})
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert "непредвиденная ошибка" in shown[0].text()


def test_about_tells_the_version_the_connection_and_the_log(
    qtbot: Any, desktop_for: Any, tmp_path: Path
) -> None:
    desktop = desktop_for("klass")
    about_action = desktop.start_menu.findChild(object, "about")
    assert about_action is not None
    assert about_action.text() == "О программе"
    opened: list[bool] = []
    desktop.about_requested.connect(lambda: opened.append(True))
    about_action.trigger()
    assert opened == [True]
    dialog = AboutDialog(desktop, desktop.backend, tmp_path / "log" / "esh-desktop.log")
    with qtbot.waitSignal(dialog.described):
        dialog.open()
    assert dialog.windowTitle() == "О программе"
    assert dialog.version_label.text() == f"Версия {current_version()}"
    assert dialog.connection_text().startswith("встроенная база данных, файл ")
    assert dialog.connection_text().endswith("demo.sqlite3")
    assert dialog.log_text() == str(tmp_path / "log" / "esh-desktop.log")
    assert dialog.connection_label.text().replace("\u200b", "") == dialog.connection_text()
    label = dialog.connection_label
    # No wrapped line is cut once the dialog has laid itself out.
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    dialog.copy_details()
    assert f"esh-desktop {current_version()}" in QGuiApplication.clipboard().text()
    dialog.close()


def test_about_a_server_names_its_version(qtbot: Any, qloop: Any) -> None:
    dialog = AboutDialog(None, _DescribedServer(), None)  # type: ignore[arg-type]
    with qtbot.waitSignal(dialog.described):
        dialog.open()
    assert dialog.connection_text() == "сервер https://esh.school.ru, версия сервера 0.3.1"
    assert dialog.log_text() == "не ведется"
    assert not dialog.open_log_button.isEnabled()
    dialog.close()


class _DescribedServer:
    async def describe(self) -> BackendInfo:
        return BackendInfo(embedded=False, location="https://esh.school.ru", version="0.3.1")


def test_a_locked_connection_cannot_be_changed_in_the_login_window(
    qtbot: Any, qloop: Any, gui_backend: Backend, settings: Settings, logins: Any
) -> None:
    controller = DesktopApplication(
        lambda _connection: (gui_backend, "test"),
        settings,
        connection=Connection(),
        connection_locked=True,
        logins=logins,
    )
    window = controller.show_login()
    try:
        qtbot.waitUntil(lambda: window.organisation_combo.count() > 0)
        assert not window.connection_combo.isEnabled()
        assert not window.server_row.isEnabled()
        finish(qtbot, controller.switch_connection(Connection("https://elsewhere.ru")))
        assert controller.connection == Connection()
    finally:
        window.close()


def test_an_embedded_database_open_elsewhere_is_said_in_the_login_window(
    qtbot: Any, qloop: Any, gui_backend: Backend, settings: Settings, logins: Any, tmp_path: Path
) -> None:
    def factory(connection: Connection) -> tuple[Backend, str]:
        if connection.is_server:
            return gui_backend, "server"
        raise DatabaseInUse.for_database(tmp_path / "esh.sqlite3")

    controller = DesktopApplication(
        factory, settings, connection=Connection("https://esh.test"), logins=logins
    )
    window = controller.show_login()
    try:
        qtbot.waitUntil(lambda: window.organisation_combo.count() > 0)
        finish(qtbot, controller.switch_connection(Connection()))
        qtbot.waitUntil(lambda: "уже открыта" in window.message_label.text())
        assert str(tmp_path / "esh.sqlite3") in window.message_label.text()
        assert controller.connection == Connection("https://esh.test"), "stays where it was"
        assert window.connection_combo.currentText() == "Сервер"
    finally:
        window.close()


def test_an_outdated_desktop_is_told_in_the_login_window_to_update(
    qtbot: Any, qloop: Any, demo_db_path: Path, settings: Settings, logins: Any, clock: Any
) -> None:
    database = Database(sqlite_url(demo_db_path))
    app = create_app(database, clock=clock, min_desktop_version="9.0")
    made: list[RemoteBackend] = []

    def factory(_connection: Connection) -> tuple[Backend, str]:
        backend = RemoteBackend(
            "http://esh.test", transport=httpx.ASGITransport(app=app), client_version="0.2.0"
        )
        made.append(backend)
        return backend, "server"

    controller = DesktopApplication(
        factory, settings, connection=Connection("http://esh.test"), logins=logins
    )
    window = controller.show_login()
    try:
        with qtbot.waitSignal(window.login_failed, timeout=10000) as failed:
            pass
        text = failed.args[0]
        assert text.startswith("Программу «Электронная школа» на этом компьютере нужно обновить")
        assert "от 9.0" in text
        assert window.message_label.text() == text
        assert window.message_label.isVisible()
        assert "Traceback" not in text
    finally:
        window.close()
        for backend in made:
            finish(qtbot, backend.close())
        database.dispose()
