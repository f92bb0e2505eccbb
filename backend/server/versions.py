"""An ASGI middleware that turns away desktops older than the server serves.

Desktops name themselves in the User-Agent header («esh-desktop/0.2.0»); one older than the
oldest version served gets 426 and one sentence to show, which every desktop version shows as
it is. Other clients (scripts, monitoring, a browser on /docs) are not checked.
"""

from __future__ import annotations

from backend.contract.errors import DesktopOutdated
from backend.server.limits import ASGIApp, Receive, Scope, Send, send_json
from backend.version import desktop_version_of, is_older

HEALTH_PATH_SUFFIX = "/health"


class DesktopVersionGate:
    def __init__(self, app: ASGIApp, oldest_served: str) -> None:
        self.app = app
        self.oldest_served = oldest_served

    def _outdated(self, scope: Scope) -> str | None:
        """The desktop's version when it is too old to be served; None otherwise."""
        if scope.get("path", "").endswith(HEALTH_PATH_SUFFIX):
            return None  # the health answer is how a desktop learns the window
        headers = dict(scope.get("headers") or [])
        version = desktop_version_of(headers.get(b"user-agent", b"").decode("latin-1"))
        if version is None:
            return None
        try:
            return version if is_older(version, self.oldest_served) else None
        except ValueError:
            return None  # a version we cannot read: let it try

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        version = self._outdated(scope) if scope["type"] == "http" else None
        if version is None:
            await self.app(scope, receive, send)
            return
        error = DesktopOutdated.for_versions(version, self.oldest_served)
        await send_json(send, 426, error.to_dict())
