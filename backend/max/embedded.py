"""MAX's side of the embedded backend, on a thread of its own.

The outbox delivery, the following of link requests and the conference scheduler all wait for
MAX, which may answer after seconds or not at all. They run here, on the «esh-max» thread, so
the database thread that serves the desktop's reads and writes never waits for MAX (SQLite in
WAL mode lets both threads work on the file). By default MAX is a simulator in a file beside
the database, whose calls' join links lead to pages served on loopback.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from backend.clock import Clock

if TYPE_CHECKING:
    from backend.database import Database
    from backend.max.gateway import MaxGateway
    from backend.max.jobs import MaxJobs
    from backend.max.routing import GatewayForOrganisation
    from backend.max.simulator.call_page import CallPageServer
    from backend.max.simulator.state import SimulatedMax

R = TypeVar("R")
log = logging.getLogger(__name__)


class EmbeddedMax:
    def __init__(
        self,
        database_path: Path,
        database: Callable[[], Database],
        clock: Clock,
        gateway: MaxGateway | None = None,
    ) -> None:
        """`database` gives the open database (or raises why it is not). Without `gateway`,
        MAX is simulated beside `database_path`."""
        self._path = database_path
        self._database = database
        self._clock = clock
        self._gateway = gateway
        self.simulator: SimulatedMax | None = None
        self._call_pages: CallPageServer | None = None
        self._jobs: MaxJobs | None = None
        self._gateways: GatewayForOrganisation | None = None
        self._open_tried = False
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="esh-max")
        self._ticker: threading.Thread | None = None
        self._stop_ticking = threading.Event()
        self._closed = False

    @property
    def simulated(self) -> bool:
        return self._gateway is None

    # --- running on the MAX thread ------------------------------------------------------------
    async def run(self, fn: Callable[..., R], *args: Any) -> R:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args))

    def run_jobs(self) -> None:
        """One round: conferences started and finished, the outbox delivered, link requests
        followed. On the MAX thread."""
        if self._closed or not self.ensure_open():
            return
        assert self._jobs is not None
        self._jobs.run_once()

    def start_ticking(self, interval: float, guard: Callable[..., None]) -> None:
        """A round every `interval` seconds, each run through `guard`; a round still going
        is not queued behind."""
        self._ticker = threading.Thread(
            target=self._tick, args=(interval, guard), name="esh-max-ticker", daemon=True
        )
        self._ticker.start()

    def _tick(self, interval: float, guard: Callable[..., None]) -> None:
        round_: Future[None] | None = None
        while not self._stop_ticking.wait(interval):
            if self._closed:
                return
            if round_ is not None and not round_.done():
                continue
            try:
                round_ = self._executor.submit(self._run_quietly, guard)
            except RuntimeError:
                return  # the executor has shut down

    def _run_quietly(self, guard: Callable[..., None]) -> None:
        try:
            guard(self.run_jobs)
        except Exception:
            log.exception("MAX jobs failed")

    # --- opening ------------------------------------------------------------------------------
    def ensure_open(self) -> bool:
        """Open MAX's side on first use, off the start-up path; False when it cannot be."""
        if self._jobs is None and not self._open_tried:
            self._open_tried = True
            try:
                self._open()
            except Exception:
                # The ЭШ works without MAX; what is meant for MAX waits in the outbox.
                log.exception("cannot open the MAX simulator beside %s", self._path)
        return self._jobs is not None

    def _open(self) -> None:
        from backend.database import sqlite_url
        from backend.max.jobs import MaxJobs
        from backend.max.routing import GatewayForOrganisation

        gateway = self._gateway
        if gateway is None:
            from backend.max.simulator.state import SimulatedMax

            self.simulator = SimulatedMax(
                sqlite_url(self._path.with_name(self._path.stem + ".max.sqlite3"))
            )
            gateway = self.simulator
            self._serve_call_pages()
            self._seed_simulator()
        sessions = self._database().session
        self._gateways = GatewayForOrganisation(sessions, gateway)
        self._jobs = MaxJobs(sessions, self._gateways, self._clock)

    def _serve_call_pages(self) -> None:
        """Join links of the simulated calls lead to pages on loopback, so that «Перейти»
        opens something real in the browser."""
        from backend.max.simulator.call_page import CallPageServer

        assert self.simulator is not None
        try:
            self._call_pages = CallPageServer(
                self.simulator,
                port_file=self._path.with_name(self._path.stem + ".max-calls.port"),
                now=self._clock.now,
            )
        except OSError:
            log.exception("cannot serve the simulated calls' pages on loopback")
            return
        self.simulator.call_base_url = self._call_pages.base_url

    def _seed_simulator(self) -> None:
        """The simulated MAX knows the school's people by phone — most of them: every tenth
        person has no MAX account, as in life."""
        from backend.demo.max_users import seed_max_users

        assert self.simulator is not None
        with self._database().session() as session:
            seed_max_users(session, self.simulator)

    # --- lifetime -----------------------------------------------------------------------------
    async def close(self) -> None:
        """Stop the rounds and close MAX's side. A round waiting for MAX is not waited for:
        the MAX thread is left to end on its own."""
        if self._closed:
            return
        self._closed = True
        self._stop_ticking.set()

        def dispose() -> None:
            if self._gateways is not None:
                self._gateways.close()
            if self._call_pages is not None:
                self._call_pages.close()
            if self.simulator is not None:
                self.simulator.close()

        try:
            await asyncio.wait_for(self.run(dispose), timeout=5)
        except TimeoutError:
            log.warning("MAX did not finish its round in time; closing without it")
        finally:
            self._executor.shutdown(wait=False)
