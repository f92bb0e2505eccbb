"""What an operation changed, told to every open registry window.

After a roster event the window that made it names what changed (students, parents, …); every
other open window that shows one of those refreshes itself, so «Выпускники и отчисленные» is
true the moment a student is expelled in «Ученики» (Anki's operation changes, made small).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class Topic(StrEnum):
    STUDENTS = "students"  # enrolled, former and restored students
    PARENTS = "parents"  # parents and their children
    STAFF = "staff"
    CLASSES = "classes"  # classes, their teachers and counts; groups and their teachers
    CHATS = "chats"  # membership of the Sferum chats
    SFERUM_LINK = "sferum_link"  # the logged-in account's link to Sferum
    CONFERENCES = "conferences"  # the Sferum video conferences


class ChangeBus(QObject):
    """One per desktop; registry windows announce and listen through it."""

    # The topics (frozenset[Topic]) and the object that made the change, or None.
    changed = Signal(object, object)

    def announce(self, topics: Iterable[Topic], source: object | None = None) -> None:
        self.changed.emit(frozenset(topics), source)
