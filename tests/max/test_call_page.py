"""The page behind a simulated call's join link: served by `esh-max-sim` without a token, and
by the embedded backend on loopback, on the same port after a restart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from backend.clock import FixedClock
from backend.local import LocalBackend
from backend.max.gateway import CallStatus
from backend.max.simulator.call_page import CallPageServer
from backend.max.simulator.server import create_sim_app, own_call_base_url
from backend.max.simulator.state import SimulatedMax
from tests.helpers import AsyncRunner
from tests.max.conftest import TOKEN


def _call_in_a_chat(simulator: SimulatedMax, title: str) -> str:
    chat = simulator.create_chat("1А Родительский чат", organisation_key="school-7")
    users = [
        simulator.add_user("+79031112233", "Полина", "Абрамова"),
        simulator.add_user("+79031112244", "Данила", "Борисов"),
    ]
    simulator.add_members(chat.chat_id, users)
    starts = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    return simulator.schedule_call(title, starts, chat_id=chat.chat_id).call_id


class _Browser:
    """GETs from the simulator's app in-process, without a token, as a browser would."""

    def __init__(self, simulator: SimulatedMax) -> None:
        self.run = AsyncRunner()
        self.client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=create_sim_app(simulator, token=TOKEN)),
            base_url="http://max.test",
        )

    def get(self, path: str) -> httpx.Response:
        return self.run(self.client.get(path))

    def close(self) -> None:
        self.run(self.client.aclose())
        self.run.close()


@pytest.fixture
def browser(simulator: SimulatedMax) -> Iterator[_Browser]:
    browser = _Browser(simulator)
    yield browser
    browser.close()


def test_esh_max_sim_serves_a_call_page_to_a_browser(
    simulator: SimulatedMax, browser: _Browser
) -> None:
    call_id = _call_in_a_chat(simulator, "Собрание <1А> & родители")
    client = browser

    scheduled = client.get(f"/call/{call_id}")
    assert scheduled.status_code == 200, scheduled.text
    assert scheduled.headers["content-type"].startswith("text/html")
    assert "запланирован" in scheduled.text

    simulator.start_call(call_id)
    page = client.get(f"/call/{call_id}").text
    assert "<h1>Собрание &lt;1А&gt; &amp; родители</h1>" in page
    assert "идет" in page
    assert "Звонок идет с" in page
    assert "Участники: 2" in page
    assert "Полина Абрамова" in page
    assert "Данила Борисов" in page

    simulator.finish_call(call_id)
    assert "завершен" in client.get(f"/call/{call_id}").text

    missing = client.get("/call/<script>")
    assert missing.status_code == 404
    assert "Звонок не найден" in missing.text
    assert "<script>" not in missing.text
    # The Bot API itself still wants the token.
    assert client.get(f"/sferum/calls/{call_id}").status_code == 401


def test_the_server_links_calls_to_its_own_pages() -> None:
    assert own_call_base_url("0.0.0.0", 8100) == "http://127.0.0.1:8100/call/"
    assert own_call_base_url("::1", 8100) == "http://[::1]:8100/call/"


def test_the_call_page_server_keeps_its_port(simulator: SimulatedMax, tmp_path: Path) -> None:
    port_file = tmp_path / "calls.port"
    call_id = _call_in_a_chat(simulator, "Урок физики")
    first = CallPageServer(simulator, port_file=port_file)
    try:
        simulator.call_base_url = first.base_url
        link = simulator.start_call(call_id).join_link
        with httpx.Client(trust_env=False, timeout=5) as browser:
            assert "Урок физики" in browser.get(link).text
    finally:
        first.close()
    again = CallPageServer(simulator, port_file=port_file)
    try:
        assert again.port == first.port
        with httpx.Client(trust_env=False, timeout=5) as browser:
            assert browser.get(link).status_code == 200
            assert browser.get(again.base_url + "nope").status_code == 404
        # While the remembered port is taken, another one serves.
        taken = CallPageServer(simulator, port_file=port_file)
        try:
            assert taken.port != again.port
        finally:
            taken.close()
    finally:
        again.close()


def test_the_embedded_backend_serves_its_calls_on_loopback(
    demo_db_path: Path, clock: FixedClock
) -> None:
    run = AsyncRunner()
    backend = LocalBackend(demo_db_path, clock=clock, demo=True, max_interval=None)
    try:
        run(backend.run_max_jobs())  # opens the simulated MAX beside the database
        simulator = backend.max_simulator
        assert simulator is not None
        assert simulator.call_base_url.startswith("http://127.0.0.1:")
        chat = simulator.create_chat("5Б Классный чат", organisation_key="school-7")
        call = simulator.schedule_call(
            "Классный час 5Б", clock.now() - dt.timedelta(minutes=3), chat_id=chat.chat_id
        )
        started = simulator.start_call(call.call_id)
        assert started.status is CallStatus.STARTED
        assert started.join_link.startswith(simulator.call_base_url)
        with httpx.Client(trust_env=False, timeout=5) as browser:
            page = browser.get(started.join_link)
        assert page.status_code == 200, page.text
        assert "Классный час 5Б" in page.text
        assert "Звонок идет с 09:57" in page.text  # the school's clock and time zone
        assert "Участники: 0" in page.text
    finally:
        run(backend.close())
        run.close()
    with httpx.Client(trust_env=False, timeout=5) as browser:
        try:
            browser.get(started.join_link)
            stopped = False
        except httpx.TransportError:
            stopped = True
    assert stopped, "the page server stops with the backend"
