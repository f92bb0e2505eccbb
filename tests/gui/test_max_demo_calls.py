"""«МАХ (демо)» shows the calls going on in the simulated MAX; a call's link opens its page,
served on loopback beside the database, in the system browser."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from backend.clock import FixedClock
from backend.local import LocalBackend
from desktop.application import DesktopApplication
from desktop.main_window import DesktopWindow
from registries.sferum.max_demo_window import MaxDemoWindow
from tests.gui.conftest import BrowserStandIn


def _desktop_of(qtbot: Any, application: DesktopApplication, login: str) -> DesktopWindow:
    """The desktop of the demo application, where «МАХ (демо)» is."""
    window = application.show_login()
    qtbot.waitUntil(lambda: window.organisation_combo.count() > 0)
    window.login_edit.setText(login)
    window.password_edit.setText("demo")
    window.submit()
    qtbot.waitUntil(lambda: application.desktop is not None, timeout=10000)
    assert application.desktop is not None
    return application.desktop


def test_a_call_going_on_is_listed_and_its_page_opens(
    qtbot: Any,
    gui_backend: LocalBackend,
    application: DesktopApplication,
    clock: FixedClock,
    browser: BrowserStandIn,
) -> None:
    desktop = _desktop_of(qtbot, application, "klass")
    window = desktop.open_registry("max_demo")
    assert isinstance(window, MaxDemoWindow)
    # The label reads so from the start: wait for the window's first look at MAX instead.
    qtbot.waitUntil(lambda: gui_backend.max_simulator is not None, timeout=10000)
    assert window.calls_label.text() == "Сейчас звонков нет."
    simulator = gui_backend.max_simulator
    assert simulator is not None
    call = simulator.schedule_call("Классный час 5Б", clock.now() - dt.timedelta(minutes=1))
    link = simulator.start_call(call.call_id).join_link
    qtbot.waitUntil(lambda: "Классный час 5Б" in window.calls_label.text(), timeout=10000)
    assert f'href="{link}"' in window.calls_label.text()
    assert "идет с" in window.calls_label.text()

    window.calls_label.linkActivated.emit(link)
    assert browser.opened == [link]
    with httpx.Client(trust_env=False, timeout=5) as real_browser:
        assert "Классный час 5Б" in real_browser.get(link).text

    simulator.finish_call(call.call_id)
    qtbot.waitUntil(lambda: window.calls_label.text() == "Сейчас звонков нет.", timeout=10000)
