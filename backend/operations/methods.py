"""The backends' operation methods, made from the `Backend` protocol's signatures.

Each method binds its arguments as the protocol states them and hands them, by name, to the
backend's `_call_operation(name, arguments)`, which runs the declared operation. Making them
needs only the protocol: the service modules (and SQLAlchemy) are imported when an operation
first runs, off the GUI thread.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine
from typing import Any

from backend.contract.backend import Backend

# Protocol methods each backend writes itself: the session, the change feed, the lifetime.
OWN_METHODS = frozenset(
    {
        "describe",
        "list_organisations",
        "log_in",
        "resume_session",
        "log_out",
        "current_user",
        "changes",
        "close",
    }
)


def operation_names() -> list[str]:
    """The protocol's operations, in the order it states them."""
    return [
        name
        for name, member in vars(Backend).items()
        if inspect.isfunction(member) and not name.startswith("_") and name not in OWN_METHODS
    ]


def add_operation_methods(cls: type) -> type:
    """Class decorator: every protocol operation the class does not define itself."""
    for name in operation_names():
        if name not in vars(cls):
            setattr(cls, name, _operation_method(cls, name))
    return cls


def _operation_method(cls: type, name: str) -> Callable[..., Coroutine[Any, Any, Any]]:
    stated = getattr(Backend, name)
    signature = inspect.signature(stated)

    async def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(self, *args, **kwargs)
        bound.apply_defaults()
        arguments = dict(bound.arguments)
        del arguments["self"]
        return await self._call_operation(name, arguments)

    method.__name__ = name
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    method.__doc__ = stated.__doc__
    method.__signature__ = signature  # type: ignore[attr-defined]
    return method
