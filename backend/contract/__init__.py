"""The Backend contract: the async interface, its data types and its errors.

The names load on first use (PEP 562), each from the module that has it: the desktop paints its
login window before it needs the contract's data types, and an error class costs only
`errors`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Where the names are, looked through in this order; `errors` is the lightest.
_MODULES = ("backend.contract.errors", "backend.contract.types", "backend.contract.backend")

if TYPE_CHECKING:
    from backend.contract.backend import Backend
    from backend.contract.errors import (
        AccountBlocked,
        AlreadyLinked,
        BackendError,
        BackendUnavailable,
        Conflict,
        DesktopOutdated,
        InvalidCredentials,
        LinkAlreadyRequested,
        NotAuthenticated,
        NotFound,
        PermissionDenied,
        ServerOutdated,
        TooManyAttempts,
        ValidationFailed,
    )
    from backend.contract.types import (
        MAX_PAGE_SIZE,
        WORK_TYPES,
        BackendInfo,
        Chat,
        ChatCandidate,
        ChatDraft,
        ChatGap,
        ChatKind,
        ChatMember,
        ChatMemberChoice,
        ChatSummary,
        ChatSyncState,
        ChildRef,
        Conference,
        ConferenceDraft,
        ConferenceKind,
        ConferenceMember,
        ConferenceStatus,
        CurrentUser,
        Group,
        GroupKind,
        KtpTopic,
        Lesson,
        LessonRecord,
        LessonRecordUpdate,
        LoginResult,
        MaxDelivery,
        MemberSferumState,
        NewEmployee,
        NewStudent,
        OrganisationSettings,
        OrganisationSettingsUpdate,
        OrganisationSummary,
        Page,
        PageRequest,
        Parent,
        ParentRef,
        ParticipantKind,
        PositionType,
        Role,
        SchoolClass,
        SferumLink,
        SferumLinkStatus,
        StaffMember,
        Student,
        StudentStatus,
        Subject,
    )


def __getattr__(name: str) -> Any:
    if name in __all__:
        for module_name in _MODULES:
            module = importlib.import_module(module_name)
            if name in vars(module):
                value = vars(module)[name]
                globals()[name] = value
                return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "MAX_PAGE_SIZE",
    "WORK_TYPES",
    "AccountBlocked",
    "AlreadyLinked",
    "Backend",
    "BackendError",
    "BackendInfo",
    "BackendUnavailable",
    "Chat",
    "ChatCandidate",
    "ChatDraft",
    "ChatGap",
    "ChatKind",
    "ChatMember",
    "ChatMemberChoice",
    "ChatSummary",
    "ChatSyncState",
    "ChildRef",
    "Conference",
    "ConferenceDraft",
    "ConferenceKind",
    "ConferenceMember",
    "ConferenceStatus",
    "Conflict",
    "CurrentUser",
    "DesktopOutdated",
    "Group",
    "GroupKind",
    "InvalidCredentials",
    "KtpTopic",
    "Lesson",
    "LessonRecord",
    "LessonRecordUpdate",
    "LinkAlreadyRequested",
    "LoginResult",
    "MaxDelivery",
    "MemberSferumState",
    "NewEmployee",
    "NewStudent",
    "NotAuthenticated",
    "NotFound",
    "OrganisationSettings",
    "OrganisationSettingsUpdate",
    "OrganisationSummary",
    "Page",
    "PageRequest",
    "Parent",
    "ParentRef",
    "ParticipantKind",
    "PermissionDenied",
    "PositionType",
    "Role",
    "SchoolClass",
    "ServerOutdated",
    "SferumLink",
    "SferumLinkStatus",
    "StaffMember",
    "Student",
    "StudentStatus",
    "Subject",
    "TooManyAttempts",
    "ValidationFailed",
]
