"""Backend operations, each declared once beside its service function (see `declaration`)."""

from backend.contract.changes import Topic
from backend.operations.declaration import Http, Operation, declare

__all__ = ["Http", "Operation", "Topic", "declare"]
