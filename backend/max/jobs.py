"""The background work for MAX: deliver the outbox, follow link requests waiting for an answer.

`MaxJobs.run_once` is one round; `MaxJobThread` repeats it every few seconds until stopped
(the server runs one per process; the claims in the outbox keep them from doing a job twice).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from backend.clock import Clock
from backend.max.gateway import MaxGateway
from backend.services import outbox, sferum
from backend.services.conference_scheduler import ConferenceScheduler

log = logging.getLogger(__name__)


class MaxJobs:
    def __init__(
        self,
        unit_of_work: outbox.UnitOfWork,
        gateway_for: Callable[[int], MaxGateway],
        clock: Clock,
    ) -> None:
        self._unit_of_work = unit_of_work
        self._gateway_for = gateway_for
        self._clock = clock
        self.worker = outbox.OutboxWorker(
            unit_of_work, gateway_for, clock, on_attempt=sferum.on_outbox_attempt
        )
        self.conferences = ConferenceScheduler(unit_of_work, gateway_for, clock)

    def run_once(self) -> None:
        self.conferences.run_once()
        self.worker.deliver_all_due()
        sferum.refresh_pending_links(self._unit_of_work, self._gateway_for, self._clock)
        sferum.fill_missing_max_users(self._unit_of_work, self._gateway_for, self._clock)


class MaxJobThread:
    def __init__(self, jobs: MaxJobs, *, interval: float = 2.0) -> None:
        self._jobs = jobs
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="esh-max-jobs", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)

    def _loop(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self._jobs.run_once()
            except Exception:  # a broken round must not end the thread; the next one retries
                log.exception("MAX jobs failed")
