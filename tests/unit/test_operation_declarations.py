"""The Backend protocol, the desktop's one type, states exactly the declared operations."""

from __future__ import annotations

import inspect
import typing

import pytest

from backend.contract.backend import Backend
from backend.local import LocalBackend
from backend.operations.catalogue import operations
from backend.operations.methods import operation_names
from backend.remote import RemoteBackend


def test_the_protocol_names_exactly_the_declared_operations() -> None:
    assert set(operation_names()) == set(operations())


@pytest.mark.parametrize("name", operation_names())
def test_the_protocol_states_the_declared_signature(name: str) -> None:
    stated = inspect.signature(getattr(Backend, name))
    hints = typing.get_type_hints(getattr(Backend, name))
    declared = operations()[name].signature
    stated_parameters = [p for p in stated.parameters.values() if p.name != "self"]
    assert [(p.name, p.kind, p.default) for p in stated_parameters] == [
        (p.name, p.kind, p.default) for p in declared.parameters.values()
    ]
    for parameter in declared.parameters.values():
        assert hints[parameter.name] == parameter.annotation, parameter.name
    assert hints["return"] == (
        type(None) if declared.return_annotation is None else declared.return_annotation
    )


@pytest.mark.parametrize("backend", [LocalBackend, RemoteBackend])
def test_both_backends_have_every_operation_with_its_signature(backend: type) -> None:
    for name in operation_names():
        method = getattr(backend, name)
        assert inspect.iscoroutinefunction(method), name
        assert inspect.signature(method) == inspect.signature(getattr(Backend, name)), name


def test_a_wrong_call_is_refused_before_it_reaches_a_backend() -> None:
    backend = RemoteBackend("http://esh.invalid")
    call = backend.expel_student(1, 2)
    with pytest.raises(TypeError, match="too many positional arguments"):
        call.send(None)  # its first step binds the arguments, before any request
