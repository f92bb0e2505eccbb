"""Running coroutines on behalf of a widget.

A task started here is cancelled when its owner is destroyed, so a late answer from the backend
never touches a deleted widget. A `BackendError` is an expected failure: its sentence is shown
to the user — except NotAuthenticated, which the application answers by bringing back the
login window. Anything else is a bug and goes to `sys.excepthook`.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from backend.contract import BackendError, NotAuthenticated
from registries.base import messages

ErrorHandler = Callable[[BackendError], None]


class TaskRunner:
    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._tasks: set[asyncio.Task[Any]] = set()
        owner.destroyed.connect(self.cancel_all)

    def start(
        self,
        coroutine: Coroutine[Any, Any, Any],
        *,
        on_error: ErrorHandler | None = None,
    ) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(lambda done: self._finished(done, on_error))
        return task

    @property
    def busy(self) -> bool:
        return any(not task.done() for task in self._tasks)

    def cancel_all(self, *_args: object) -> None:
        for task in list(self._tasks):
            task.cancel()
        self._tasks.clear()

    def report(self, error: BackendError) -> None:
        """Show the error's sentence in a message box over the owner."""
        if isinstance(error, NotAuthenticated):
            return  # the login window comes back and says it
        parent = self._owner if isinstance(self._owner, QWidget) else None
        # Shown without nesting an event loop inside the caller.
        self.start(messages.error_async(parent, error.message))

    def _finished(self, task: asyncio.Task[Any], on_error: ErrorHandler | None) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is None:
            return
        if isinstance(error, BackendError):
            if on_error is not None:
                on_error(error)
            else:
                self.report(error)
            return
        sys.excepthook(type(error), error, error.__traceback__)
