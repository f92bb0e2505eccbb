"""Permission checks shared by the services; the server relies on them, not on the desktop."""

from __future__ import annotations

from backend.contract.errors import PermissionDenied
from backend.contract.types import CurrentUser, Role


def require(user: CurrentUser, *roles: Role) -> None:
    """Refuse unless the user holds at least one of `roles`."""
    if not user.has(*roles):
        raise PermissionDenied()


def require_staff(user: CurrentUser) -> None:
    require(user, Role.EMPLOYEE)
