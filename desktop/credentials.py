"""Where «Остаться в системе» keeps its token: the operating system's credential store.

School PCs are shared, so the token (revocable, never a password, but good for 30 days) goes
to Windows Credential Manager or the Secret Service of the Linux desktop, through `keyring`.
Where there is none, it falls back to the user's settings file and says so in the log. The
store may be slow or ask the user to unlock it, so it is only ever called off the GUI thread.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from desktop.settings import Settings

SERVICE = "esh-desktop"
# A store that hangs (or waits for an unlock prompt nobody answers) must not keep the login
# window away: after this long the desktop goes on as if the store had nothing.
STORE_PATIENCE = 15.0
R = TypeVar("R")
log = logging.getLogger(__name__)


def system_credential_store() -> Any | None:
    """The operating system's store as a keyring backend, or None where there is none."""
    try:
        import keyring
        from keyring.backends import fail, null

        store = keyring.get_keyring()
    except Exception as error:  # noqa: BLE001 - a store that fails to start means none
        log.warning("the credential store cannot be used: %s", error)
        return None
    if isinstance(store, fail.Keyring | null.Keyring):
        return None
    return store


class RememberedLogins:
    """The token of «Остаться в системе» for one backend at a time.

    `store` is a keyring backend; by default the system's, looked up on first use. Pass None
    for a computer without one.
    """

    _SYSTEM: Any = object()

    def __init__(self, settings: Settings, store: Any = _SYSTEM) -> None:
        self.settings = settings
        self._store = store
        self._store_known = store is not self._SYSTEM
        self._worker: ThreadPoolExecutor | None = None

    async def _off_thread(self, work: Callable[[], R], *, otherwise: R) -> R:
        """`work` on the store's own thread, or `otherwise` when the store does not answer."""
        if self._worker is None:
            self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="esh-credentials")
        try:
            return await asyncio.wait_for(
                asyncio.wrap_future(self._worker.submit(work)), STORE_PATIENCE
            )
        except TimeoutError:
            log.warning("the credential store did not answer within %s s", STORE_PATIENCE)
            return otherwise

    def close(self) -> None:
        if self._worker is not None:
            self._worker.shutdown(wait=False)  # what is under way finishes by itself
            self._worker = None

    def _the_store(self) -> Any | None:
        if not self._store_known:
            self._store = system_credential_store()
            self._store_known = True
            if self._store is not None:
                log.info("remembered logins are kept in %s", type(self._store).__name__)
        return self._store

    async def token(self, backend_key: str) -> str | None:
        if self.settings.remembered_backend != backend_key:
            return None
        in_file = self.settings.remembered_file_token
        if in_file is not None:
            # Kept in the file (an older version did so, or there was no store): move it.
            if await self._save(backend_key, in_file):
                self.settings.remember_session(backend_key, file_token=None)
            return in_file
        return await self._off_thread(lambda: self._read(backend_key), otherwise=None)

    async def remember(self, backend_key: str, token: str | None) -> None:
        """Keep `token` for `backend_key`; None forgets the remembered login."""
        previous = self.settings.remembered_backend
        if token is None:
            self.settings.forget_session()
            if previous:
                await self._off_thread(lambda: self._delete(previous), otherwise=None)
            return
        if previous and previous != backend_key:
            await self._off_thread(lambda: self._delete(previous), otherwise=None)
        if await self._save(backend_key, token):
            self.settings.remember_session(backend_key, file_token=None)
        else:
            log.warning(
                "no credential store on this computer: the remembered login is kept in %s",
                self.settings.preferences_file,
            )
            self.settings.remember_session(backend_key, file_token=token)

    async def _save(self, backend_key: str, token: str) -> bool:
        return await self._off_thread(lambda: self._write(backend_key, token), otherwise=False)

    # --- on a worker thread -------------------------------------------------------------------
    def _write(self, backend_key: str, token: str) -> bool:
        store = self._the_store()
        if store is None:
            return False
        try:
            store.set_password(SERVICE, backend_key, token)
        except Exception as error:  # noqa: BLE001 - locked or broken: use the file
            log.warning("the credential store refused the remembered login: %s", error)
            return False
        return True

    def _read(self, backend_key: str) -> str | None:
        store = self._the_store()
        if store is None:
            return None
        try:
            return store.get_password(SERVICE, backend_key) or None
        except Exception as error:  # noqa: BLE001 - unreadable: log in again
            log.warning("the credential store could not be read: %s", error)
            return None

    def _delete(self, backend_key: str) -> None:
        store = self._the_store()
        if store is None:
            return
        try:
            store.delete_password(SERVICE, backend_key)
        except Exception as error:  # noqa: BLE001 - nothing kept there, or no store
            log.info("nothing removed from the credential store: %s", error)
