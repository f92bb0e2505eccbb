"""«Журнал на урок» on the large demo school (154 classes), embedded backend on SQLite, with
20,000 conferences in the month around today (as in the conferences benchmark):

- opening the window as the mathematics teacher until the chosen lesson's tab «Урок» shows
  its record, «Классный журнал» its dates and the online-lesson buttons know the lesson's
  conference — target ≤ 300 ms;
- choosing another lesson of the day until the same three are shown — target ≤ 300 ms.

Run: `python -m tests.benchmarks.journal`; writes its section of docs/BENCHMARKS.md.
"""

from __future__ import annotations

import asyncio
import functools
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from backend.clock import FixedClock
from backend.local import LocalBackend
from tests.benchmarks.chats import NOW, _signalled, build_school
from tests.benchmarks.conferences import IN_THE_MONTH, plan
from tests.benchmarks.report import write_section

BEGIN, END = "<!-- journal:begin -->", "<!-- journal:end -->"
ROUNDS = 7
TEACHER = "uchitel"


async def _shown(window: Any, action: Any) -> float:
    """Seconds from `action` until the lesson's record, journal and conference are shown."""
    signals = (window.record_loaded, window.journal_loaded, window.conference_checked)
    waits = [asyncio.ensure_future(_signalled(signal)) for signal in signals]
    began = time.perf_counter()
    action()
    await asyncio.gather(*waits)
    return time.perf_counter() - began


def measure(path: Path, config: Path) -> tuple[list[float], list[float], int]:
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
    clock = FixedClock(NOW)

    async def run() -> tuple[list[float], list[float], int]:
        backend = LocalBackend(path, clock=clock, max_interval=None)
        result = await backend.log_in(1, TEACHER, "demo")
        desktop = DesktopWindow(
            backend,
            result.user,
            catalog.all_registries(),
            catalog.MENU_ORDER,
            lambda: settings.window_state,
            now=clock.now,
        )
        desktop.show()
        opening, switching = [], []
        lessons = 0
        for _ in range(ROUNDS):
            holder: list[Any] = []
            opening.append(await _shown_after_open(desktop, holder))
            window = holder[0]
            lessons = window.model.rowCount()
            assert lessons > 1, "the teacher has lessons today"
            current = window.table.selectionModel().selectedRows()[0].row()
            other = 0 if current != 0 else 1
            switching.append(await _shown(window, functools.partial(window.table.selectRow, other)))
            desktop.windows.close_all()
            while desktop.windows.window("lesson_journal") is not None:
                await asyncio.sleep(0.01)  # gone once Qt has deleted it
        desktop.close()
        await backend.close()
        return opening, switching, lessons

    with loop:
        return loop.run_until_complete(run())


async def _shown_after_open(desktop: Any, holder: list[Any]) -> float:
    """Opening «Журнал на урок»: the window is made inside the action, so the waits are
    attached to it as soon as it exists (its loads start on the loop, after this returns)."""
    began = time.perf_counter()
    window = desktop.open_registry("lesson_journal")
    holder.append(window)
    signals = (window.record_loaded, window.journal_loaded, window.conference_checked)
    await asyncio.gather(*(_signalled(signal) for signal in signals))
    return time.perf_counter() - began


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = build_school(Path(folder))
        plan(path)
        opening, switching, lessons = measure(path, Path(folder) / "config")

    def ms(times: list[float]) -> str:
        return (
            f"median {statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms "
            f"(first {times[0] * 1000:.0f} ms)"
        )

    section = (
        f"{BEGIN}\n## «Журнал на урок» (large school)\n\n"
        "Command: `python -m tests.benchmarks.journal` (part of `make bench`). Embedded backend "
        f"on SQLite, large demo school with {IN_THE_MONTH:,} conferences in the month; the "
        f"desktop offscreen, logged in as `{TEACHER}` ({lessons} lessons that day); "
        f"{ROUNDS} rounds. «Shown» means the lesson's record on tab «Урок», its group's dates on "
        "tab «Классный журнал» and the online-lesson buttons following its conference.\n\n"
        "| What | Result | Target |\n|---|---|---|\n"
        f"| Open «Журнал на урок» until the chosen lesson is shown | {ms(opening)} | ≤ 300 ms |\n"
        f"| Choose another lesson of the day until it is shown | {ms(switching)} | ≤ 300 ms |\n"
        f"{END}"
    )
    write_section(section, BEGIN, END)
    print(section)


if __name__ == "__main__":
    main()
