"""The operations a logged-in user can ask for, by contract method name.

Each takes (session, current user, *arguments) and returns contract types; the local backend and
the HTTP server both dispatch through this table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from backend.clock import Clock
from backend.services import (
    chats,
    conferences,
    journal,
    organisation,
    roster,
    roster_events,
    sferum,
    timetable,
)

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
    "sferum_link": sferum.current_link,
    "max_deliveries": sferum.max_deliveries,
    "chat": chats.chat,
    "chat_candidates": chats.chat_candidates,
    "conference": conferences.conference,
    "lesson_record": journal.lesson_record,
}

# Operations that also need the clock: (session, user, clock, *arguments).
CLOCKED_OPERATIONS: dict[str, Callable[..., Any]] = {
    "request_sferum_link": sferum.request_link,
    "unlink_sferum": sferum.unlink,
    "update_organisation_settings": organisation.update_organisation_settings,
    "enrol_student": roster_events.enrol_student,
    "expel_student": roster_events.expel_student,
    "transfer_students": roster_events.transfer_students,
    "restore_student": roster_events.restore_student,
    "cancel_restoration": roster_events.cancel_restoration,
    "hire_employee": roster_events.hire_employee,
    "dismiss_employee": roster_events.dismiss_employee,
    "link_parent": roster_events.link_parent,
    "unlink_parent": roster_events.unlink_parent,
    "set_class_teacher": roster_events.set_class_teacher,
    "set_group_teacher": roster_events.set_group_teacher,
    "list_chats": chats.list_chats,
    "save_chat": chats.save_chat,
    "delete_chat": chats.delete_chat,
    "chat_gaps": chats.chat_gaps,
    "list_conferences": conferences.list_conferences,
    "save_conference": conferences.save_conference,
    "end_conference": conferences.end_conference,
    "retry_conference": conferences.retry_conference,
    "delete_conference": conferences.delete_conference,
    "save_lesson_record": journal.save_lesson_record,
}


def run_operation(
    name: str, session: Any, user: Any, clock: Clock, *args: Any, **kwargs: Any
) -> Any:
    if name in CLOCKED_OPERATIONS:
        return CLOCKED_OPERATIONS[name](session, user, clock, *args, **kwargs)
    return USER_OPERATIONS[name](session, user, *args, **kwargs)
