"""Sferum chats on the large demo school (154 classes), embedded backend on SQLite:

- building every default chat from scratch (teachers', class and parents' chats with their
  participants and the outbox entries for MAX) — target ≤ 3 s;
- transferring a whole class of 30 students (one contract call, every affected chat updated in
  the same transaction) — target ≤ 150 ms;
- the first page of the «Чаты» tab as the chat administrator — target ≤ 300 ms;
- the «Учительский чат» with every participant, as the edit window loads it — target ≤ 300 ms;
- the same two in the desktop (Qt offscreen): from «open» to the data on screen.

Run: `python -m tests.benchmarks.chats`; writes its section of docs/BENCHMARKS.md.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select

from backend.clock import FixedClock
from backend.contract import PageRequest, StudentStatus
from backend.database import Database, sqlite_url
from backend.demo.generator import DemoSize, create_demo_school
from backend.local import LocalBackend
from backend.schema import models as m
from backend.services.chats import ensure_default_chats
from tests.benchmarks.report import write_section

BEGIN, END = "<!-- chats:begin -->", "<!-- chats:end -->"
ROUNDS = 5
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def build_school(folder: Path) -> Path:
    path = folder / "large.sqlite3"
    database = Database(sqlite_url(path))
    database.upgrade()
    with database.session() as session:
        create_demo_school(session, NOW.date(), size=DemoSize.LARGE)
    database.dispose()
    return path


def time_building(path: Path) -> tuple[list[float], int, int]:
    """Drop every chat and build the defaults again, ROUNDS times; returns the times."""
    database = Database(sqlite_url(path))
    times, chats, members = [], 0, 0
    for _ in range(ROUNDS):
        with database.session() as session:
            session.execute(delete(m.SferumChatMember))
            session.execute(delete(m.SferumChat))
            session.execute(delete(m.MaxOutboxEntry))
        with database.session() as session:
            started = time.perf_counter()
            chats = ensure_default_chats(session, FixedClock(NOW), 1)
            session.flush()
            times.append(time.perf_counter() - started)
        with database.session() as session:
            members = session.scalar(select(func.count()).select_from(m.SferumChatMember)) or 0
    database.dispose()
    return times, chats, members


async def timed(work: Callable[[], Awaitable[Any]]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = await work()
    return time.perf_counter() - started, result


async def time_contract(path: Path) -> dict[str, Any]:
    backend = LocalBackend(path, clock=FixedClock(NOW), max_interval=None)
    try:
        organisations = await backend.list_organisations()
        school = organisations[0].id
        await backend.log_in(school, "admin", "demo")
        classes = await backend.list_classes()
        thirty = min(classes, key=lambda c: abs(c.student_count - 30))
        partner = next(c for c in classes if c.grade == thirty.grade and c.id != thirty.id)
        page = await backend.list_students(
            PageRequest(limit=1000), class_id=thirty.id, statuses=(StudentStatus.ENROLLED,)
        )
        ids = [s.id for s in page.items]
        transfers = []
        for round_ in range(ROUNDS * 2):
            target = partner.id if round_ % 2 == 0 else thirty.id
            seconds, _ = await timed(lambda t=target: backend.transfer_students(ids, t))
            transfers.append(seconds)
        await backend.log_out()
        await backend.log_in(school, "chatadmin", "demo")
        registry = []
        for _ in range(ROUNDS):
            seconds, first_page = await timed(lambda: backend.list_chats(PageRequest(limit=50)))
            registry.append(seconds)
        teachers = first_page.items[0]
        window = []
        for _ in range(ROUNDS):
            seconds, chat = await timed(lambda: backend.chat(teachers.id))
            window.append(seconds)
        return {
            "class": thirty.name,
            "moved": len(ids),
            "transfer": transfers,
            "registry": registry,
            "chats_total": first_page.total,
            "window": window,
            "teachers_members": len(chat.members),
        }
    finally:
        await backend.close()


async def _signalled(signal: Any) -> None:
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def fire(*_args: object) -> None:
        if not done.done():
            done.set_result(None)

    signal.connect(fire)
    await asyncio.wait_for(done, 30)


def time_windows(path: Path, config: Path) -> dict[str, list[float]]:
    """Open «Сферум» and the «Учительский чат» edit window in the desktop, ROUNDS times."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop.main_window import DesktopWindow
    from desktop.settings import Settings
    from registries import catalog

    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    settings = Settings(config)

    async def measure() -> dict[str, list[float]]:
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
        times: dict[str, list[float]] = {"registry": [], "editor": []}
        for _ in range(ROUNDS):
            started = time.perf_counter()
            window = desktop.open_registry("sferum")
            await _signalled(window.loaded)  # type: ignore[union-attr]
            times["registry"].append(time.perf_counter() - started)
            tab = window.chats  # type: ignore[union-attr]
            tab.table.selectRow(0)  # «Учительский чат» comes first
            started = time.perf_counter()
            tab.edit_action.trigger()
            editor = tab.edit_window
            await _signalled(editor.loaded)
            times["editor"].append(time.perf_counter() - started)
            editor.reject()
            closed = asyncio.ensure_future(_signalled(desktop.windows.window_closed))
            await asyncio.sleep(0)  # let it connect before the window goes
            desktop.windows.close_all()
            await closed
        desktop.close()
        await backend.close()
        return times

    with loop:
        return loop.run_until_complete(measure())


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.0f} ms, worst {max(values) * 1000:.0f} ms"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = build_school(Path(folder))
        build, chats, members = time_building(path)
        contract = asyncio.run(time_contract(path))
        windows = time_windows(path, Path(folder) / "config")
    rows = [
        (
            f"Build all default chats from scratch ({chats} chats, {members} participants)",
            f"median {statistics.median(build):.2f} s, worst {max(build):.2f} s",
            "≤ 3 s",
        ),
        (
            f"Transfer a whole class ({contract['moved']} students of {contract['class']}) "
            "with its chats",
            ms(contract["transfer"]),
            "≤ 150 ms",
        ),
        (
            f"«Чаты» tab, first page of {contract['chats_total']} chats (chat administrator)",
            ms(contract["registry"]),
            "≤ 300 ms",
        ),
        (
            f"«Учительский чат» for the edit window ({contract['teachers_members']} participants)",
            ms(contract["window"]),
            "≤ 300 ms",
        ),
        (
            "Desktop: open «Сферум» until the «Чаты» tab shows its first page",
            ms(windows["registry"]) + f" (first opening {windows['registry'][0] * 1000:.0f} ms)",
            "≤ 300 ms",
        ),
        (
            "Desktop: «Изменить» on «Учительский чат» until the edit window shows everyone",
            ms(windows["editor"]) + f" (first opening {windows['editor'][0] * 1000:.0f} ms)",
            "≤ 300 ms",
        ),
    ]
    table = "\n".join(f"| {what} | {result} | {target} |" for what, result, target in rows)
    section = (
        f"{BEGIN}\n## Sferum chats (large school)\n\n"
        "Command: `python -m tests.benchmarks.chats` (part of `make bench`). Embedded backend "
        "on SQLite, large demo school (154 classes, over 4,000 students); contract calls "
        f"through `LocalBackend` (worker thread included); {ROUNDS} rounds each "
        f"(transfers: {ROUNDS * 2}, back and forth).\n\n"
        "| What | Result | Target |\n|---|---|---|\n"
        f"{table}\n{END}"
    )
    write_section(section, BEGIN, END)
    print(section)


if __name__ == "__main__":
    main()
