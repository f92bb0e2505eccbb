"""GUI test fixtures: one qasync loop for the session, the demo school, helpers by text."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import qasync
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from backend.clock import FixedClock
from backend.contract import Backend, CurrentUser
from backend.local import LocalBackend
from desktop.application import DesktopApplication
from desktop.connection import Connection
from desktop.credentials import RememberedLogins
from desktop.i18n import install_language
from desktop.main_window import DesktopWindow
from desktop.settings import Settings
from desktop.theme import apply_theme
from registries import catalog

T = TypeVar("T")


@pytest.fixture(scope="session")
def qloop(qapp: QApplication) -> qasync.QEventLoop:
    """The session's asyncio loop, run by Qt's own event loop (pytest-qt's waits drive it)."""
    qapp.setQuitOnLastWindowClosed(False)
    install_language("ru")
    apply_theme(qapp)
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    return loop


@pytest.fixture(autouse=True)
def no_leaked_windows(request: pytest.FixtureRequest) -> Iterator[None]:
    """A GUI test must not leave a visible top-level window behind."""
    yield
    app = QApplication.instance()
    if app is None or "qloop" not in request.fixturenames:
        return
    leaked = [w for w in app.topLevelWidgets() if w.isVisible()]
    for widget in leaked:
        widget.close()
        widget.deleteLater()
    assert not leaked, f"windows left open: {[w.windowTitle() or w.objectName() for w in leaked]}"


def finish(qtbot: Any, coroutine: Coroutine[Any, Any, T], timeout: int = 15000) -> T:
    """Run a coroutine on the session loop and wait for it while Qt keeps running."""
    task = asyncio.ensure_future(coroutine)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "config")


@pytest.fixture
def gui_backend(
    qloop: qasync.QEventLoop, qtbot: Any, demo_db_path: Path, clock: FixedClock
) -> Iterator[LocalBackend]:
    backend = LocalBackend(demo_db_path, clock=clock, max_interval=0.2)
    # Let the worker finish opening the database before the test builds windows: twice in
    # many hundred runs, pytest-qt's Python message handler hung while the two overlapped.
    finish(qtbot, backend.is_empty())
    yield backend
    finish(qtbot, backend.close())


@pytest.fixture
def log_in(qtbot: Any, gui_backend: LocalBackend) -> Callable[[str], CurrentUser]:
    def do(login: str) -> CurrentUser:
        organisations = finish(qtbot, gui_backend.list_organisations())
        school = next(o.id for o in organisations if o.short_name == "МБОУ СОШ № 7")
        return finish(qtbot, gui_backend.log_in(school, login, "demo")).user

    return do


@pytest.fixture
def desktop_for(
    qtbot: Any,
    gui_backend: LocalBackend,
    settings: Settings,
    clock: FixedClock,
    log_in: Callable[[str], CurrentUser],
) -> Callable[[str], DesktopWindow]:
    """The desktop of a logged-in demo account, living on the backend's clock."""

    def make(login: str) -> DesktopWindow:
        user = log_in(login)
        window = DesktopWindow(
            gui_backend,
            user,
            catalog.all_registries(),
            catalog.MENU_ORDER,
            lambda: settings.window_state,
            now=clock.now,
        )
        qtbot.addWidget(window)
        window.show()
        return window

    return make


@pytest.fixture
def backend_factory(gui_backend: LocalBackend) -> Callable[[Connection], tuple[Backend, str]]:
    """Every connection leads to the test's backend (servers get their own fixtures)."""
    return lambda _connection: (gui_backend, "test")


class CredentialStoreStandIn:
    """The operating system's credential store, in memory (the methods of a keyring backend)."""

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, user: str, secret: str) -> None:
        self.secrets[service, user] = secret

    def get_password(self, service: str, user: str) -> str | None:
        return self.secrets.get((service, user))

    def delete_password(self, service: str, user: str) -> None:
        if self.secrets.pop((service, user), None) is None:
            raise KeyError(user)


@pytest.fixture
def credential_store() -> CredentialStoreStandIn:
    return CredentialStoreStandIn()


@pytest.fixture
def logins(settings: Settings, credential_store: CredentialStoreStandIn) -> Iterator[Any]:
    remembered = RememberedLogins(settings, credential_store)
    yield remembered
    remembered.close()


@pytest.fixture
def application(
    qloop: qasync.QEventLoop,
    qtbot: Any,
    backend_factory: Callable[[Connection], tuple[Backend, str]],
    settings: Settings,
    logins: RememberedLogins,
) -> Iterator[DesktopApplication]:
    controller = DesktopApplication(
        backend_factory, settings, connection=Connection(), demo=True, logins=logins
    )
    yield controller
    for window in (controller.login_window, controller.desktop):
        if window is not None:
            window.close()


class BrowserStandIn(QObject):
    """Takes the place of the system browser: records the addresses it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser() -> Iterator[BrowserStandIn]:
    """The system browser, stood in for (the simulated MAX serves its calls on loopback)."""
    stand_in = BrowserStandIn()
    for scheme in ("https", "http"):
        QDesktopServices.setUrlHandler(scheme, stand_in, "open")
    yield stand_in
    for scheme in ("https", "http"):
        QDesktopServices.unsetUrlHandler(scheme)


def click_message_box(qtbot: Any, button_text: str, *, expect: str | None = None) -> list[str]:
    """Answer the next message box by its button's text; returns the texts it showed.

    Call before the action that opens the box: works for modal `exec()` and `open()` alike.
    """
    seen: list[str] = []
    attempts = iter(range(500))  # about ten seconds of looking

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if next(attempts, None) is not None:
                QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        for button in box.findChildren(QAbstractButton):
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {box.text()!r}")

    QTimer.singleShot(0, answer)
    return seen


def texts(widget: QWidget) -> list[str]:
    """Every visible text of buttons and labels inside `widget`."""
    from PySide6.QtWidgets import QLabel

    found = []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        if isinstance(child, QLabel | QAbstractButton) and child.text():
            found.append(child.text())
    return found


def double_click(widget: QWidget, position: QPoint) -> None:
    """Press, release, double-click, release — what a real double click delivers.

    QTest's mouseDClick in this Qt version sends no release after the first press, so item
    views never see a click complete.
    """
    point = QPointF(position)
    for kind in (
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseButtonRelease,
    ):
        held = (
            Qt.MouseButton.NoButton
            if kind == QEvent.Type.MouseButtonRelease
            else Qt.MouseButton.LeftButton
        )
        event = QMouseEvent(
            kind,
            point,
            widget.mapToGlobal(point),
            Qt.MouseButton.LeftButton,
            held,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Cyrillic included, key by key (QTest.keyClicks knows only ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
