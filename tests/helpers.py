"""Small helpers for tests: a private event loop, a real server on loopback."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

import uvicorn

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


class LoopbackServer:
    def __init__(self, app: Any, port: int = 0) -> None:
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LoopbackServer:
        self.thread.start()
        ready = threading.Event()
        while not self.server.started and self.thread.is_alive():
            ready.wait(0.01)
        assert self.server.started, "uvicorn did not start"
        return self

    @property
    def port(self) -> int:
        return self.server.servers[0].sockets[0].getsockname()[1]

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
