"""The operations a logged-in user can ask for, by contract method name.

Each takes (session, current user, *arguments) and returns contract types; the local backend and
the HTTP server both dispatch through this table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from backend.services import organisation, roster, timetable

USER_OPERATIONS: dict[str, Callable[..., Any]] = {
    "list_staff": roster.list_staff,
    "list_classes": roster.list_classes,
    "list_subjects": roster.list_subjects,
    "list_groups": roster.list_groups,
    "list_students": roster.list_students,
    "list_parents": roster.list_parents,
    "timetable": timetable.timetable,
    "list_ktp_topics": timetable.list_ktp_topics,
    "organisation_settings": organisation.organisation_settings,
    "update_organisation_settings": organisation.update_organisation_settings,
}
