"""The declaration of a backend operation, written once beside its service function.

    @declare(Http("POST", "/students/{student_id}/expel"), changes={Topic.STUDENTS})
    def expel_student(session, user, clock, student_id: int) -> t.Student: ...

The function's signature after `session`, `user` (and `clock`, when it takes one) is the
operation's: its parameters, their types and defaults, and its result. From the declarations
come the embedded backend's methods, the remote client's requests and the server's routes;
`Backend` (the protocol the desktop sees) must match them, which a test checks.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from backend.contract.changes import Topic

F = TypeVar("F", bound=Callable[..., Any])
# The service function's own parameters, before the operation's.
CONTEXT_PARAMETERS = ("session", "user", "clock")
# Where no limit is declared: a text of this many characters, a list of this many items.
TEXT_LIMIT = 300
LIST_LIMIT = 1000


@dataclass(frozen=True)
class Http:
    """How the operation is reached over HTTP, under /api/v1.

    `path` names parameters in braces; `{change.lesson_id}` takes a field of a parameter.
    `body` is a parameter sent whole as the JSON body, or a tuple of parameters sent as the
    fields of one object. Other parameters go in the query (a `PageRequest` as offset, limit,
    search, sort_key and descending); `query_names` renames them there. `sort` lists the sort
    keys of a page; `limits` caps texts and lists of the body by field name.
    """

    method: str
    path: str
    body: str | tuple[str, ...] = ()
    status: int = 200
    query_names: Mapping[str, str] = field(default_factory=dict)
    sort: tuple[str, ...] = ()
    limits: Mapping[str, int] = field(default_factory=dict)
    # A save, naming the record's id in the path: POST to `path` when the body's `id` is
    # None (without id and version), else PUT to `path/{<saves>}`.
    saves: str | None = None

    def path_names(self) -> list[str]:
        """The placeholders of the path, as written: "student_id", "change.lesson_id"."""
        return [part[1:-1] for part in self.path.split("/") if part.startswith("{")]

    def limit(self, name: str, default: int) -> int:
        return self.limits.get(name, default)


@dataclass(frozen=True)
class Operation:
    name: str
    function: Callable[..., Any]
    http: Http
    writes: bool
    changes: frozenset[Topic]
    # After a write that MAX should carry out at once, the backend runs a MAX round and
    # answers with this reading operation, called with the same arguments.
    answer_after_max: str | None = None

    @cached_property
    def needs_clock(self) -> bool:
        return "clock" in inspect.signature(self.function).parameters

    @cached_property
    def signature(self) -> inspect.Signature:
        """The operation's own signature, as the Backend protocol states it (annotations
        resolved to types)."""
        full = inspect.signature(self.function)
        hints = _resolved_hints(self.function)
        parameters = [
            parameter.replace(annotation=hints[parameter.name])
            for parameter in full.parameters.values()
            if parameter.name not in CONTEXT_PARAMETERS
        ]
        return inspect.Signature(parameters, return_annotation=hints["return"])

    @property
    def parameters(self) -> list[inspect.Parameter]:
        return list(self.signature.parameters.values())

    @property
    def result(self) -> Any:
        return self.signature.return_annotation

    def bind(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The arguments by name, defaults filled in; TypeError for a wrong call."""
        bound = self.signature.bind(*args, **kwargs)
        bound.apply_defaults()
        return dict(bound.arguments)

    def run(self, session: Any, user: Any, clock: Any, arguments: Mapping[str, Any]) -> Any:
        """Call the service function with arguments by name (from `bind`)."""
        positional, keywords = [], {}
        for parameter in self.parameters:
            value = arguments[parameter.name]
            if isinstance(value, list | set | frozenset):
                value = tuple(value)  # the services take sequences as tuples
            if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
                keywords[parameter.name] = value
            else:
                positional.append(value)
        if self.needs_clock:
            return self.function(session, user, clock, *positional, **keywords)
        return self.function(session, user, *positional, **keywords)


_DECLARED: dict[str, Operation] = {}


def declare(
    http: Http,
    *,
    changes: set[Topic] | frozenset[Topic] = frozenset(),
    writes: bool | None = None,
    name: str | None = None,
    answer_after_max: str | None = None,
) -> Callable[[F], F]:
    """Declare the decorated service function as the operation `name` (its own name by
    default). An operation writes when it says so or when its HTTP method is not GET."""

    def register(function: F) -> F:
        operation = Operation(
            name=name or function.__name__,
            function=function,
            http=http,
            writes=http.method != "GET" if writes is None else writes,
            changes=frozenset(changes),
            answer_after_max=answer_after_max,
        )
        if operation.name in _DECLARED and _DECLARED[operation.name].function is not function:
            raise ValueError(f"the operation {operation.name!r} is declared twice")
        _DECLARED[operation.name] = operation
        return function

    return register


def declared() -> dict[str, Operation]:
    """Every operation declared by the modules imported so far (see `catalogue`)."""
    return dict(_DECLARED)


def _resolved_hints(function: Callable[..., Any]) -> dict[str, Any]:
    """The annotations of the operation's parameters and result as types; the context
    parameters' annotations are left alone (they may be imported for type checking only)."""
    namespace = dict(function.__globals__)
    hints: dict[str, Any] = {}
    for name, annotation in function.__annotations__.items():
        if name in CONTEXT_PARAMETERS:
            continue
        if isinstance(annotation, str):
            annotation = eval(annotation, namespace)
        hints[name] = annotation
    return hints
