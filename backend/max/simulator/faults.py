"""Failures on demand, so that retries and outages can be tested: the next N calls to the
simulator are slow, time out, fail with a 5xx, or are throttled with a 429."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass
from enum import StrEnum


class FaultKind(StrEnum):
    LATENCY = "latency"  # answer, but only after `delay_ms`
    TIMEOUT = "timeout"  # no answer within any sensible timeout
    SERVER_ERROR = "5xx"  # 503 Service Unavailable
    TOO_MANY_REQUESTS = "429"  # throttled, with Retry-After
    REFUSED = "refused"  # a refusal that retrying does not change (403)


@dataclass(frozen=True, slots=True)
class Fault:
    kind: FaultKind
    delay_ms: int = 0
    retry_after_s: int = 1


TIMEOUT_DELAY_MS = 30_000


class FaultPlan:
    """Faults queued for the calls to come, first in first out; thread-safe."""

    def __init__(self) -> None:
        self._queue: deque[Fault] = deque()
        self._lock = threading.Lock()

    def inject(
        self,
        kind: FaultKind,
        *,
        count: int = 1,
        delay_ms: int | None = None,
        retry_after_s: int = 1,
    ) -> None:
        if delay_ms is None:
            delay_ms = TIMEOUT_DELAY_MS if kind is FaultKind.TIMEOUT else 0
        with self._lock:
            self._queue.extend(
                Fault(kind, delay_ms=delay_ms, retry_after_s=retry_after_s) for _ in range(count)
            )

    def next(self) -> Fault | None:
        with self._lock:
            return self._queue.popleft() if self._queue else None

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._queue)
