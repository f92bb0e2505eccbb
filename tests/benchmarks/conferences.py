"""Video conferences on the large demo school (154 classes), embedded backend on SQLite:

- 1,000 conferences starting in the same minute, MAX answering each call after 50 ms (the
  simulator's latency fault): time from their start until all are «Активная» — target ≤ 10 s;
- the «Видеоконференции» tab over a month holding 20,000 conferences: the first page as the
  chat administrator — target ≤ 300 ms.

Run: `python -m tests.benchmarks.conferences`; writes its section of docs/BENCHMARKS.md.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, insert, select

from backend.clock import FixedClock
from backend.contract import ConferenceKind, ConferenceStatus, PageRequest
from backend.database import Database, sqlite_url
from backend.local import LocalBackend
from backend.max.simulator.faults import FaultKind, FaultPlan
from backend.max.simulator.state import SimulatedMax
from backend.schema import models as m
from backend.services.auth import utc_naive
from backend.services.conference_scheduler import PARALLEL_CALLS, ConferenceScheduler
from tests.benchmarks.chats import NOW, build_school
from tests.benchmarks.report import write_section

BEGIN, END = "<!-- conferences:begin -->", "<!-- conferences:end -->"
STARTING = 1000
IN_THE_MONTH = 20_000
LATENCY_MS = 50
ROUNDS = 5
START = NOW + dt.timedelta(hours=1)


def plan(path: Path) -> None:
    """1,000 conferences at START; the rest of the 20,000 spread over the month, all «Новая»
    or «Завершена» (written straight into the database: the benchmark is about the scheduler
    and the list, not about saving)."""
    database = Database(sqlite_url(path))
    with database.session() as session:
        chat_ids = session.scalars(select(m.SferumChat.id).order_by(m.SferumChat.id)).all()
        start = utc_naive(START)
        rows = []
        for number in range(IN_THE_MONTH):
            if number < STARTING:
                begins, status = start, ConferenceStatus.NEW
            else:
                begins = utc_naive(NOW) - dt.timedelta(days=20) + dt.timedelta(minutes=2 * number)
                status = ConferenceStatus.FINISHED
            rows.append(
                {
                    "organisation_id": 1,
                    "title": f"Видеоконференция {number}",
                    "kind": ConferenceKind.CALL,
                    "chat_id": chat_ids[number % len(chat_ids)],
                    "starts_at": begins,
                    "ends_at": begins + dt.timedelta(minutes=45),
                    "status": status,
                    "status_message": "",
                    "version": 1,
                    "end_requested": False,
                }
            )
        session.execute(insert(m.SferumConference), rows)
    database.dispose()


def time_starting(path: Path, folder: Path) -> tuple[float, int]:
    database = Database(sqlite_url(path))
    faults = FaultPlan()
    simulator = SimulatedMax(sqlite_url(folder / "max.sqlite3"), faults=faults)
    faults.inject(FaultKind.LATENCY, count=10 * STARTING, delay_ms=LATENCY_MS)
    clock = FixedClock(START)
    scheduler = ConferenceScheduler(database.session, lambda _school: simulator, clock)
    started = time.perf_counter()
    rounds = 0
    while True:
        rounds += 1
        scheduler.run_once()
        with database.session() as session:
            active = session.scalar(
                select(func.count()).where(m.SferumConference.status == ConferenceStatus.ACTIVE)
            )
        if active == STARTING:
            break
    seconds = time.perf_counter() - started
    simulator.close()
    database.dispose()
    return seconds, rounds


async def time_tab(path: Path) -> list[float]:
    backend = LocalBackend(path, clock=FixedClock(NOW), max_interval=None)
    try:
        await backend.log_in(1, "chatadmin", "demo")
        times = []
        month_start = NOW.date().replace(day=1)
        for _ in range(ROUNDS):
            began = time.perf_counter()
            page = await backend.list_conferences(
                PageRequest(limit=50),
                date_from=month_start - dt.timedelta(days=31),
                date_to=NOW.date() + dt.timedelta(days=31),
            )
            times.append(time.perf_counter() - began)
        assert page.total == IN_THE_MONTH, page.total
        return times
    finally:
        await backend.close()


def time_tab_in_desktop(path: Path, config: Path) -> list[float]:
    """«Сферум» → «Видеоконференции», the month of 20,000 chosen: until the first page shows."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop.main_window import DesktopWindow
    from desktop.settings import Settings
    from registries import catalog
    from tests.benchmarks.chats import _signalled

    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    settings = Settings(config)

    async def measure() -> list[float]:
        backend = LocalBackend(path, clock=FixedClock(NOW), max_interval=None)
        result = await backend.log_in(1, "chatadmin", "demo")
        desktop = DesktopWindow(
            backend,
            result.user,
            catalog.all_registries(),
            catalog.MENU_ORDER,
            lambda: settings.window_state,
        )
        desktop.show()
        window = desktop.open_registry("sferum")
        await _signalled(window.loaded)  # type: ignore[union-attr]
        tab = window.conferences  # type: ignore[union-attr]
        window.tabs.setCurrentWidget(tab)  # type: ignore[union-attr]
        times = []
        for round_ in range(ROUNDS):
            # Alternate the last day so that every round really asks the backend again.
            last = NOW.date() + dt.timedelta(days=31 + round_ % 2)
            began = time.perf_counter()
            tab.set_dates(NOW.date() - dt.timedelta(days=31), last)
            await _signalled(tab.loaded)
            times.append(time.perf_counter() - began)
        assert tab.model.rowCount() == 50
        desktop.windows.close_all()
        await backend.close()
        return times

    with loop:
        return loop.run_until_complete(measure())


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = build_school(Path(folder))
        plan(path)
        seconds, rounds = time_starting(path, Path(folder))
        tab = asyncio.run(time_tab(path))
        desktop = time_tab_in_desktop(path, Path(folder) / "config")
    median, worst = statistics.median(tab) * 1000, max(tab) * 1000
    passes = "one round" if rounds == 1 else f"{rounds} rounds"
    section = (
        f"{BEGIN}\n## Video conferences (large school)\n\n"
        "Command: `python -m tests.benchmarks.conferences` (part of `make bench`). Embedded "
        "backend on SQLite, large demo school; the MAX simulator answering every call after "
        f"{LATENCY_MS} ms; the scheduler asks MAX up to {PARALLEL_CALLS} calls at a time.\n\n"
        "| What | Result | Target |\n|---|---|---|\n"
        f"| {STARTING:,} conferences starting in the same minute: from their start time until "
        f"all are «Активная» (the scheduler's work: {passes}) | "
        f"{seconds:.2f} s, plus up to one pause between rounds (2 s) | ≤ 10 s |\n"
        f"| «Видеоконференции» tab, first page of {IN_THE_MONTH:,} conferences in the period "
        f"(chat administrator, {ROUNDS} times) | median {median:.0f} ms, worst {worst:.0f} ms "
        "| ≤ 300 ms |\n"
        "| The same in the desktop: period of the month chosen until the first page shows "
        f"| median {statistics.median(desktop) * 1000:.0f} ms, worst {max(desktop) * 1000:.0f} ms "
        "| ≤ 300 ms |\n"
        f"{END}"
    )
    write_section(section, BEGIN, END)
    print(section)


if __name__ == "__main__":
    main()
