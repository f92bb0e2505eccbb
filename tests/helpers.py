"""Small helpers for tests."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class AsyncRunner:
    """Runs coroutines to completion on a private event loop.

    GUI tests keep a qasync loop registered as "running" for the whole session; it is put
    aside while a coroutine of a non-GUI test runs, and put back afterwards.
    """

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()

    def __call__(self, coroutine: Coroutine[Any, Any, T]) -> T:
        outer = asyncio.events._get_running_loop()
        asyncio.events._set_running_loop(None)
        try:
            return self.loop.run_until_complete(coroutine)
        finally:
            asyncio.events._set_running_loop(outer)

    def close(self) -> None:
        outer = asyncio.events._get_running_loop()
        asyncio.events._set_running_loop(None)
        try:
            self.loop.run_until_complete(self.loop.shutdown_asyncgens())
            self.loop.close()
        finally:
            asyncio.events._set_running_loop(outer)
