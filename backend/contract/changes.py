"""What an operation changed, as the backend tells it: topics, and a cursor to ask from.

A desktop asks `Backend.changes(after=cursor)` and gets the topics changed since; every open
window showing one of them refreshes itself. The topics are coarse on purpose: a window reloads
what it shows through the usual operations, which apply the user's permissions.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Topic(StrEnum):
    STUDENTS = "students"  # enrolled, former and restored students
    PARENTS = "parents"  # parents and their children
    STAFF = "staff"
    CLASSES = "classes"  # classes, their teachers and counts; groups and their teachers
    CHATS = "chats"  # the Sferum chats and their membership
    SFERUM_LINK = "sferum_link"  # an account's link to Sferum
    CONFERENCES = "conferences"  # the Sferum video conferences
    ORGANISATION = "organisation"  # «Настройки организации»
    MAX_DELIVERIES = "max_deliveries"  # what waits for MAX or was refused by it
    LESSON_RECORDS = "lesson_records"  # «Журнал на урок»: topics, work types, «Урок проведен»


@dataclass(frozen=True, slots=True)
class Changes:
    """The topics changed after a cursor; `cursor` is where to ask from next time."""

    cursor: int
    topics: frozenset[Topic]
