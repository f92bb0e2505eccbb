"""Noticing that the session has ended (expired, revoked on the server) wherever it happens.

The desktop wraps its backend in a `GuardedBackend`: any call that fails with
NotAuthenticated also reports it once through `on_expired`, so the application can return to
the login window instead of leaving every window to fail on its own.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from backend.contract import Backend, NotAuthenticated

# Calls that are about starting or ending a session: their NotAuthenticated is an answer.
UNGUARDED = frozenset({"list_organisations", "log_in", "resume_session", "log_out", "close"})


class GuardedBackend:
    def __init__(self, inner: Backend, on_expired: Callable[[NotAuthenticated], None]) -> None:
        self.inner = inner
        self._on_expired = on_expired

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self.inner, name)
        if name in UNGUARDED or not inspect.iscoroutinefunction(attribute):
            return attribute

        @functools.wraps(attribute)
        async def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                return await attribute(*args, **kwargs)
            except NotAuthenticated as error:
                self._on_expired(error)
                raise

        return guarded
