"""Keeping the desktop in step with the account's link to Sferum.

The watcher asks the backend for the link's state every few seconds (more often while a
request waits for the user's answer in MAX), so the shortcuts change by themselves soon after
the user presses «Подключить» — no restart, no «Обновить».
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from backend.contract import (
    Backend,
    BackendError,
    NotAuthenticated,
    SferumLink,
    SferumLinkStatus,
)
from registries.base.tasks import TaskRunner

log = logging.getLogger(__name__)

WAITING_INTERVAL_MS = 2000  # while a request is on its way or waits for «Подключить»
SETTLED_INTERVAL_MS = 30000
WAITING = (SferumLinkStatus.SENDING, SferumLinkStatus.PENDING)


class SferumLinkWatcher(QObject):
    link_changed = Signal(object)  # SferumLink

    def __init__(self, backend: Backend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._tasks = TaskRunner(self)
        self.link: SferumLink | None = None
        self._look_again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh_now)

    def start(self) -> None:
        self.refresh_now()

    def stop(self) -> None:
        self._timer.stop()
        self._tasks.cancel_all()

    def refresh_now(self) -> None:
        if self._tasks.busy:
            # The look under way may have started before the change: look once more after it.
            self._look_again = True
            return
        self._look_again = False
        self._tasks.start(self._refresh(), on_error=self._failed)

    async def _refresh(self) -> None:
        link = await self._backend.sferum_link()
        if link != self.link:
            self.link = link
            self.link_changed.emit(link)
        self._next()

    def _failed(self, error: BackendError) -> None:
        if isinstance(error, NotAuthenticated):
            return  # the login window is back; looking resumes after logging in again
        # Shown nowhere: the next look may succeed, and windows report their own failures.
        log.info("Sferum link state unavailable: %s", error.message)
        self._next()

    def _next(self) -> None:
        if self._look_again:
            QTimer.singleShot(0, self.refresh_now)
        else:
            self._schedule()

    def _schedule(self) -> None:
        waiting = self.link is None or self.link.status in WAITING
        self._timer.start(WAITING_INTERVAL_MS if waiting else SETTLED_INTERVAL_MS)
