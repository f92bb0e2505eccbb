"""Time as a dependency: everything that depends on "now" takes a Clock."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current moment, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone()


class FixedClock:
    """A clock that only moves when told to; for tests and benchmarks."""

    def __init__(self, moment: dt.datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware moment")
        self._moment = moment

    def now(self) -> dt.datetime:
        return self._moment

    def advance(self, delta: dt.timedelta) -> None:
        self._moment += delta

    def set(self, moment: dt.datetime) -> None:
        self._moment = moment
