"""The running application: login, the desktop, log out, quit — on one qasync event loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import PySide6
import qasync
from PySide6.QtCore import QCoreApplication, QObject, Qt, qVersion
from PySide6.QtWidgets import QApplication

from backend.contract import (
    Backend,
    BackendError,
    BackendInfo,
    CurrentUser,
    LoginResult,
    NotAuthenticated,
    SferumLink,
    SferumLinkStatus,
)
from backend.version import current_version
from desktop.connection import Connection
from desktop.credentials import RememberedLogins
from desktop.i18n import install_language
from desktop.login_window import LoginWindow, demo_hint
from desktop.qt_start import prepare
from desktop.session_guard import GuardedBackend
from desktop.settings import Settings
from desktop.theme import use_window_style
from registries.base import messages
from registries.base.changes import Topic
from registries.base.declaration import MAX_DEMO, SFERUM_LINKED, SFERUM_NOT_LINKED
from registries.base.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.main_window import DesktopWindow
    from desktop.sferum_watch import SferumLinkWatcher
    from desktop.single_instance import DatabaseLock

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

# Makes the backend for a connection, with the key its remembered logins are filed under.
BackendFactory = Callable[[Connection], tuple[Backend, str]]


class DesktopApplication(QObject):
    """Owns the windows of one run: the login window, the desktop, or the desktop waiting
    behind the login window after its session ended."""

    def __init__(
        self,
        backend_factory: BackendFactory,
        settings: Settings,
        *,
        connection: Connection | None = None,
        connection_locked: bool = False,
        language: str = "ru",
        demo: bool = False,
        offer_demo: bool = False,
        logins: RememberedLogins | None = None,
        log_file: Path | None = None,
        login_window: LoginWindow | None = None,
    ) -> None:
        """`connection_locked`: the per-machine configuration fixes the connection.
        `logins` keeps «Остаться в системе» (in the system's credential store by default).
        `login_window`, already on screen, is the one the first login uses."""
        super().__init__()
        self.settings = settings
        self.logins = logins or RememberedLogins(settings)
        self.connection_locked = connection_locked
        self.log_file = log_file
        self._waiting_login = login_window
        self.language = language
        self.demo = demo
        self.offer_demo = offer_demo
        self._factory = backend_factory
        self.tasks = TaskRunner(self)
        self.login_window: LoginWindow | None = None
        self.desktop: DesktopWindow | None = None
        self.user: CurrentUser | None = None
        self._remembered = False
        self._logging_out = False
        self._link_seen: SferumLink | None = None  # as last seen on the desktop
        self._watcher: SferumLinkWatcher | None = None
        self._finished = asyncio.Event()
        self.connection = connection or settings.connection
        self._open(self.connection)

    def _open(self, connection: Connection) -> None:
        inner, self.backend_key = self._factory(connection)
        self._inner = inner
        self.backend: Backend = cast(Backend, GuardedBackend(inner, self._session_expired))
        log.info(
            "connection: %s",
            f"server {connection.server_url}"
            if connection.is_server
            else f"embedded database {self.backend_key.removeprefix('local:')}",
        )

    async def run(self) -> int:
        if self.offer_demo and not self.connection.is_server:
            await self._offer_demo_school()
        await self.start_session()
        await self._finished.wait()
        await self._shut_down()
        return 0

    def quit(self) -> None:
        self._finished.set()

    async def check(self) -> int:
        """`esh-desktop --check`: the login window with the organisations, then quit; prints
        what it found (exit code 0) or why it could not (1)."""
        window = self.show_login()
        loaded = asyncio.get_running_loop().create_future()
        window.organisations_loaded.connect(lambda: loaded.done() or loaded.set_result(""))
        window.login_failed.connect(lambda text: loaded.done() or loaded.set_result(text))
        problem = await loaded
        info: BackendInfo | None = None
        if not problem:
            try:
                info = await self.backend.describe()
            except BackendError as error:
                problem = error.message
        window.closed.disconnect(self._login_closed)
        window.close()
        self.login_window = None
        await self.backend.close()
        if problem or info is None:
            print(f"esh-desktop: {problem}", file=sys.stderr or sys.__stderr__)
            return 1
        where = (
            f"встроенная база данных {info.location}"
            if info.embedded
            else f"сервер {info.location} (версия {info.version})"
        )
        print(
            f"esh-desktop {current_version()}: окно входа открыто; {where}; "
            f"организаций: {window.organisation_combo.count()}"
        )
        if window.first_painted_at is not None:  # for the start-up benchmark
            print(f"login window painted at monotonic {window.first_painted_at:.6f}")
        return 0

    def come_forward(self) -> None:
        """Another start on this database asked for our window: bring it to the front."""
        window = self.desktop if self.desktop is not None else self.login_window
        if window is None:
            return
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()

    # --- connection ---------------------------------------------------------------------------
    async def switch_connection(self, connection: Connection) -> None:
        """Talk to another backend from now on (only while nobody is logged in)."""
        if connection == self.connection or self.desktop is not None or self.connection_locked:
            return
        old, old_backend, old_key = self._inner, self.backend, self.backend_key
        try:
            self._open(connection)
        except BackendError as error:  # the embedded database is open in another desktop
            self._inner, self.backend, self.backend_key = old, old_backend, old_key
            if self.login_window is not None:
                self.login_window.set_backend(self.backend, self.connection)
                self.login_window.load_organisations(error.message)
            return
        self.connection = connection
        self.settings.connection = connection
        if self.login_window is not None:
            self.login_window.set_backend(self.backend, connection)
            self.login_window.load_organisations()
        await old.close()

    # --- session ------------------------------------------------------------------------------
    async def start_session(self) -> None:
        token = await self.logins.token(self.backend_key)
        if token:
            try:
                user = await self.backend.resume_session(token)
            except NotAuthenticated:
                await self.logins.remember(self.backend_key, None)
            except BackendError as error:
                log.warning("could not resume the session: %s", error.message)
            else:
                self._remembered = True
                self.show_desktop(user)
                return
        self.show_login()

    def show_login(self, message: str = "") -> LoginWindow:
        window, self._waiting_login = self._waiting_login, None
        if window is None:
            window = LoginWindow(
                self.backend,
                self.settings,
                connection=self.connection,
                hint=demo_hint() if self.demo else "",
            )
        else:
            window.set_backend(self.backend, self.connection)
            window.set_hint(demo_hint() if self.demo else "")
        window.set_language(self.language)
        window.language_chosen.connect(self._change_language)
        window.connection_chosen.connect(
            lambda connection: self.tasks.start(self.switch_connection(connection))
        )
        window.logged_in.connect(self._logged_in)
        window.closed.connect(self._login_closed)
        if self.desktop is not None or self.connection_locked:
            # The desktop waits behind (the connection cannot change under it), or the
            # per-machine configuration fixed it.
            window.lock_connection()
        self.login_window = window
        window.organisations_loaded.connect(
            lambda: log.info(
                "login window ready: %s organisations", window.organisation_combo.count()
            )
        )
        window.show()
        window.load_organisations(message)
        return window

    def _change_language(self, language: str) -> None:
        self.settings.language = language
        self.language = language
        install_language(language)
        if self.login_window is not None:
            self.login_window.set_hint(demo_hint() if self.demo else "")

    def _login_closed(self) -> None:
        self.login_window = None
        if self.desktop is None:
            self.quit()
        elif not self.desktop.isEnabled():
            self.desktop.close()  # gave up logging in again: the program ends

    def _logged_in(self, result: LoginResult) -> None:
        self._remembered = result.remember_token is not None
        if result.remember_token:
            self.tasks.start(self.logins.remember(self.backend_key, result.remember_token))
        window, self.login_window = self.login_window, None
        if window is not None:
            window.closed.disconnect(self._login_closed)
            window.close()
            window.deleteLater()
        desktop = self.desktop
        if desktop is not None and self.user is not None:
            if result.user.account_id == self.user.account_id:
                # The same person again after the session ended: carry on where they were.
                desktop.setEnabled(True)
                if self._watcher is not None:
                    self._watcher.refresh_now()
                return
            self._logging_out = True
            try:
                desktop.close()
            finally:
                self._logging_out = False
            desktop.deleteLater()
            self.desktop = None
        self.show_desktop(result.user)

    def _session_expired(self, error: NotAuthenticated) -> None:
        """A call found the session over: the login window comes back over the desktop."""
        if self.desktop is None or self.login_window is not None or self._logging_out:
            return
        self.desktop.setEnabled(False)
        self.show_login(error.message)

    def show_desktop(self, user: CurrentUser) -> DesktopWindow:
        # The desktop and the registry modules load here, after the login window is already
        # on screen.
        from desktop.main_window import DesktopWindow
        from desktop.sferum_watch import SferumLinkWatcher
        from registries import catalog

        if self._waiting_login is not None:  # the remembered login was good after all
            self._waiting_login.close()
            self._waiting_login = None
        self.user = user
        self._link_seen = None
        states = {MAX_DEMO} if getattr(self._inner, "simulates_max", False) else set()
        desktop = DesktopWindow(
            self.backend,
            user,
            catalog.all_registries(),
            catalog.MENU_ORDER,
            lambda: self.settings.window_state,
            frozenset(states),
        )
        desktop.log_out_requested.connect(self._log_out_requested)
        desktop.about_requested.connect(self._show_about)
        desktop.closed.connect(self._desktop_closed)
        watcher = self._watcher = SferumLinkWatcher(self.backend, desktop)
        watcher.link_changed.connect(lambda link: _show_link_state(desktop, link))
        watcher.link_changed.connect(
            lambda link: self.tasks.start(self._announce_link_outcome(desktop, link))
        )
        desktop.states_may_have_changed.connect(watcher.refresh_now)
        desktop.closed.connect(watcher.stop)
        self.desktop = desktop
        desktop.show()
        watcher.start()
        return desktop

    async def _announce_link_outcome(self, desktop: DesktopWindow, link: SferumLink) -> None:
        """A request that MAX refused, or that the user declined, is told as it happens."""
        previous, self._link_seen = self._link_seen, link
        refused = (SferumLinkStatus.FAILED, SferumLinkStatus.REJECTED)
        if previous is None or link.status not in refused or not link.message:
            return  # the first look after logging in tells nothing new
        if (previous.request_number, previous.status) != (link.request_number, link.status):
            await messages.warn_async(desktop, link.message)

    def _show_about(self) -> None:
        from desktop.about import AboutDialog

        if self.desktop is not None:
            AboutDialog.show_for(self.desktop, self.backend, self.log_file)

    def _log_out_requested(self) -> None:
        self.tasks.start(self.log_out())

    async def log_out(self) -> None:
        desktop = self.desktop
        if desktop is None:
            return
        if not await messages.ask_async(
            desktop, translate("DesktopApplication", "Завершить работу и выйти из системы?")
        ):
            return
        self._logging_out = True
        try:
            if not desktop.close():
                return  # a window with unsaved changes stayed open
        finally:
            self._logging_out = False
        self.desktop = None
        desktop.deleteLater()
        await self.logins.remember(self.backend_key, None)
        self._remembered = False
        self.user = None
        try:
            await self.backend.log_out(forget=True)
        except BackendError as error:
            log.warning("log out failed: %s", error.message)
        self.show_login()

    def _desktop_closed(self) -> None:
        if not self._logging_out:
            if self.login_window is not None:
                self.login_window.closed.disconnect(self._login_closed)
                self.login_window.close()
                self.login_window = None
            self.quit()

    # --- first start --------------------------------------------------------------------------
    async def _offer_demo_school(self) -> None:
        create_demo = getattr(self._inner, "create_demo_school", None)
        is_empty = getattr(self._inner, "is_empty", None)
        if create_demo is None or is_empty is None:
            return
        try:
            if not await is_empty():
                return
        except BackendError:
            return  # the login window will say what is wrong with the database
        if await messages.ask_async(
            None,
            translate(
                "DesktopApplication",
                "База данных пуста. Создать демонстрационную школу, чтобы познакомиться "
                "с программой?",
            ),
        ):
            self.demo = True
            await create_demo()

    async def _shut_down(self) -> None:
        if self.user is not None:
            try:
                await self.backend.log_out(forget=not self._remembered)
            except BackendError as error:
                log.warning("log out at exit failed: %s", error.message)
        await self.backend.close()
        self.logins.close()
        self.settings.sync()


def _show_link_state(desktop: DesktopWindow, link: SferumLink) -> None:
    linked = link.status is SferumLinkStatus.LINKED
    desktop.set_state(SFERUM_LINKED, linked)
    desktop.set_state(SFERUM_NOT_LINKED, not linked)
    # Open windows that show the link (the «Сферум» registry's toolbar) follow it.
    desktop.changes.announce({Topic.SFERUM_LINK})


def _quit_on_signal(controller: DesktopApplication, received: signal.Signals) -> None:
    log.info("quitting on %s", received.name)
    controller.quit()


def create_application(
    backend_factory: BackendFactory,
    *,
    settings: Settings | None = None,
    connection: Connection | None = None,
    connection_locked: bool = False,
    language: str | None = None,
    config_dir: Path | None = None,
    demo: bool = False,
    offer_demo: bool = False,
    log_file: Path | None = None,
    login_window: LoginWindow | None = None,
) -> DesktopApplication:
    """The QApplication with language and look set up, and the controller of this run.
    `login_window` is one already on screen (shown before the rest was loaded)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = settings or Settings(config_dir)
    chosen = prepare(app, language or settings.language)  # type: ignore[arg-type]
    use_window_style(app)  # type: ignore[arg-type]
    return DesktopApplication(
        backend_factory,
        settings,
        connection=connection,
        connection_locked=connection_locked,
        language=chosen,
        demo=demo,
        offer_demo=offer_demo,
        log_file=log_file,
        login_window=login_window,
    )


def run(
    backend_factory: BackendFactory,
    *,
    check: bool = False,
    database_lock: DatabaseLock | None = None,
    **options: Any,
) -> int:
    """Run the desktop until it quits; with `check`, only up to the login window."""
    from desktop.crash_report import CrashReporter

    reporter = CrashReporter(options.get("log_file"))
    reporter.install()
    controller = create_application(backend_factory, **options)
    log.info(
        "Qt %s, PySide6 %s, platform %s, language %s",
        qVersion(),
        PySide6.__version__,
        QApplication.platformName(),
        controller.language,
    )
    if database_lock is not None:
        database_lock.answer_second_starts(controller.come_forward)

    async def main() -> int:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(reporter.asyncio_exception)
        for stop in (signal.SIGTERM, signal.SIGINT):  # the session ends, or Ctrl+C
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(stop, _quit_on_signal, controller, stop)
        if check:
            return await controller.check()
        return await controller.run()

    return qasync.run(main())
