"""What the roster registries share: who may change the roster, whole lists for choosers."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from backend.contract import MAX_PAGE_SIZE, Backend, CurrentUser, PageRequest, Role, StaffMember

# How a parent is related to a child, as the backend stores it (and the user reads it).
RELATIONS = (
    QT_TRANSLATE_NOOP("Roster", "Мать"),
    QT_TRANSLATE_NOOP("Roster", "Отец"),
    QT_TRANSLATE_NOOP("Roster", "Опекун"),
)


def relation_label(relation: str) -> str:
    return QCoreApplication.translate("Roster", relation)


def may_change_roster(user: CurrentUser) -> bool:
    """Roster events (enrolment, dismissal, …) are for the administration and the org admin."""
    return user.has(Role.ORG_ADMIN, Role.ADMINISTRATION)


async def all_staff(backend: Backend) -> list[StaffMember]:
    """Every working employee, page by page."""
    staff: list[StaffMember] = []
    while True:
        page = await backend.list_staff(PageRequest(offset=len(staff), limit=MAX_PAGE_SIZE))
        staff.extend(page.items)
        if not page.items or len(staff) >= page.total:
            return staff
