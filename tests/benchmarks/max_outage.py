"""The registries while MAX is slow or silent, embedded backend on the standard demo school:
the first page of «Ученики» and the list of classes, read while a MAX round is waiting for
MAX — target ≤ 100 ms.

- slow: every MAX call answers after 3 s (the simulator behind a delay);
- silent: MAX accepts connections and never answers (the HTTP client's timeout and retries).

Run: `python -m tests.benchmarks.max_outage`; writes its section of docs/BENCHMARKS.md.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from backend.contract import PageRequest
from backend.database import sqlite_url
from backend.local import LocalBackend
from backend.max.gateway import MaxGateway
from backend.max.http_client import MaxHttpGateway
from backend.max.simulator.state import SimulatedMax
from tests.benchmarks.report import write_section

BEGIN, END = "<!-- max-outage:begin -->", "<!-- max-outage:end -->"
MAX_DELAY = 3.0
READS = 10
TARGET_MS = 100


class SlowMax:
    """The simulator, answering every call after MAX_DELAY seconds."""

    def __init__(self, simulator: SimulatedMax) -> None:
        self._simulator = simulator

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._simulator, name)
        if not callable(attribute) or name == "close":
            return attribute

        def slowly(*args: Any, **kwargs: Any) -> Any:
            time.sleep(MAX_DELAY)
            return attribute(*args, **kwargs)

        return slowly


class SilentServer:
    """Accepts connections on loopback and never answers."""

    def __init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        self._held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            self._held.append(connection)

    def close(self) -> None:
        self._socket.close()
        for connection in self._held:
            connection.close()


async def timed(call: Callable[[], Awaitable[Any]]) -> float:
    started = time.perf_counter()
    await call()
    return (time.perf_counter() - started) * 1000


async def reads_during_a_max_round(path: Path, gateway: MaxGateway | None) -> dict[str, Any]:
    backend = LocalBackend(path, demo=True, max_gateway=gateway, max_interval=None)
    try:
        await backend.log_in(1, "admin", "demo")
        await backend.list_classes()  # warm: the services imported, the caches filled
        alone = [await timed(backend.list_classes) for _ in range(READS)]
        # Something for MAX to carry out: the link request of the logged-in administrator.
        await backend.request_sferum_link("+7 912 345-67-89")
        max_round = asyncio.ensure_future(backend.run_max_jobs())
        await asyncio.sleep(0.5)  # the round is now waiting for MAX
        assert not max_round.done(), "the MAX round ended before the reads"
        classes = [await timed(backend.list_classes) for _ in range(READS)]
        students = [
            await timed(lambda: backend.list_students(PageRequest(limit=50))) for _ in range(READS)
        ]
        still_waiting = not max_round.done()
        max_round.cancel()
        return {
            "alone": alone,
            "classes": classes,
            "students": students,
            "still_waiting": still_waiting,
        }
    finally:
        await backend.close()


def summary(times: list[float]) -> str:
    return f"{statistics.median(times):.1f} ms median, {max(times):.1f} ms worst"


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite3"
        LocalBackend(path, demo=True, max_interval=None)._opened.result()
        simulator = SimulatedMax(sqlite_url(Path(folder) / "slow.max.sqlite3"))
        slow = await reads_during_a_max_round(path, SlowMax(simulator))  # type: ignore[arg-type]
        simulator.close()
        server = SilentServer()
        silent_gateway = MaxHttpGateway(server.url, "token")
        silent = await reads_during_a_max_round(path, silent_gateway)
        server.close()
        # The rounds left waiting for MAX end with the folder gone: nothing worth reading.
        logging.disable(logging.CRITICAL)

    worst = max(max(run["classes"] + run["students"]) for run in (slow, silent))
    rows = [
        ("Классы, MAX не занят", summary(slow["alone"])),
        ("Классы, MAX отвечает через 3 с", summary(slow["classes"])),
        ("Ученики, 1-я страница, MAX отвечает через 3 с", summary(slow["students"])),
        ("Классы, MAX молчит", summary(silent["classes"])),
        ("Ученики, 1-я страница, MAX молчит", summary(silent["students"])),
    ]
    table = "\n".join(f"| {name} | {value} |" for name, value in rows)
    verdict = "met" if worst <= TARGET_MS else "NOT met"
    section = f"""{BEGIN}
## Registries while MAX is slow or silent

`python -m tests.benchmarks.max_outage` — the standard demo school, embedded backend; each
figure is {READS} reads made while a MAX round waits for MAX (the round was still waiting
after them: slow {slow["still_waiting"]}, silent {silent["still_waiting"]}).

| Read | Time |
|---|---|
{table}

Target ≤ {TARGET_MS} ms while MAX waits: **{verdict}** (worst {worst:.1f} ms). Measured the same
way before MAX had a thread of its own (commit adb2ebf), the worst read waited for the MAX
call in progress: 2,523 ms while MAX answered after 3 s, 43,062 ms while it was silent.
{END}"""
    write_section(section, BEGIN, END)
    print(section)


if __name__ == "__main__":
    asyncio.run(main())
