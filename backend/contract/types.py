"""Plain data types that cross the Backend contract.

Every type here is a frozen dataclass of simple values (str, int, bool, date, time, datetime,
enums, tuples and other contract types), so it can be sent as JSON unchanged (see `codec`).
No ORM object or database session ever leaves the backend.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Role(StrEnum):
    """What a logged-in person may do; one account can hold several roles."""

    EMPLOYEE = "employee"
    ADMINISTRATION = "administration"
    TEACHER = "teacher"
    CLASS_TEACHER = "class_teacher"
    CHAT_ADMIN = "chat_admin"
    ORG_ADMIN = "org_admin"
    STUDENT = "student"
    PARENT = "parent"


class PositionType(StrEnum):
    ADMINISTRATION = "administration"  # «Администрация»
    TEACHING = "teaching"  # «Педагогический состав»
    OTHER = "other"  # «Прочий персонал»


class StudentStatus(StrEnum):
    ENROLLED = "enrolled"
    GRADUATED = "graduated"
    EXPELLED = "expelled"


class GroupKind(StrEnum):
    CLASS = "class"  # the whole class studies the subject together
    SUBGROUP = "subgroup"  # a part of the class, e.g. one half for a foreign language


@dataclass(frozen=True, slots=True)
class OrganisationSummary:
    id: int
    name: str
    short_name: str


@dataclass(frozen=True, slots=True)
class CurrentUser:
    account_id: int
    person_id: int
    organisation_id: int
    organisation_name: str
    login: str
    full_name: str
    roles: frozenset[Role]
    employee_id: int | None = None
    student_id: int | None = None
    parent_id: int | None = None

    def has(self, *roles: Role) -> bool:
        """True when the user holds at least one of `roles`."""
        return any(role in self.roles for role in roles)


@dataclass(frozen=True, slots=True)
class LoginResult:
    user: CurrentUser
    # A token that resumes this session later («Остаться в системе»); None when not asked for.
    remember_token: str | None = None


@dataclass(frozen=True, slots=True)
class PageRequest:
    """Which slice of a list to return, searched and sorted on the backend."""

    offset: int = 0
    limit: int = 50
    search: str = ""
    sort_key: str | None = None
    descending: bool = False


MAX_PAGE_SIZE = 1000


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    total: int
    offset: int = 0


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    person_id: int
    full_name: str
    position: str
    position_type: PositionType
    hired_on: dt.date
    dismissed_on: dt.date | None
    login: str | None
    blocked: bool
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class SchoolClass:
    id: int
    name: str
    grade: int
    letter: str
    class_teacher_id: int | None
    class_teacher_name: str | None
    student_count: int


@dataclass(frozen=True, slots=True)
class Subject:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Group:
    id: int
    name: str
    kind: GroupKind
    class_id: int
    class_name: str
    subject_id: int
    subject_name: str
    teacher_id: int | None
    teacher_name: str | None
    student_count: int


@dataclass(frozen=True, slots=True)
class ParentRef:
    parent_id: int
    full_name: str
    relation: str


@dataclass(frozen=True, slots=True)
class Student:
    id: int
    person_id: int
    full_name: str
    birth_date: dt.date | None
    class_id: int | None
    class_name: str | None
    status: StudentStatus
    login: str | None
    blocked: bool
    parents: tuple[ParentRef, ...] = ()


@dataclass(frozen=True, slots=True)
class ChildRef:
    student_id: int
    full_name: str
    class_name: str | None
    relation: str


@dataclass(frozen=True, slots=True)
class Parent:
    id: int
    person_id: int
    full_name: str
    phone: str | None
    login: str | None
    blocked: bool
    children: tuple[ChildRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Lesson:
    id: int
    date: dt.date
    number: int
    starts_at: dt.time
    ends_at: dt.time
    group_id: int
    group_name: str
    class_id: int
    class_name: str
    subject_id: int
    subject_name: str
    teacher_id: int | None
    teacher_name: str | None


@dataclass(frozen=True, slots=True)
class KtpTopic:
    id: int
    group_id: int
    subject_id: int
    number: int
    title: str
    hours: int = 1


@dataclass(frozen=True, slots=True)
class OrganisationSettings:
    organisation_id: int
    name: str
    short_name: str
    chat_admin_employee_id: int | None
    chat_admin_name: str | None
    version: int
    # The MAX platform: its API address (empty: MAX is simulated) and whether an access token
    # is stored — the token itself never leaves the backend.
    max_api_url: str = ""
    max_token_set: bool = False
    sferum_web_url: str = ""  # opened by «Перейти в Сферум»


@dataclass(frozen=True, slots=True)
class OrganisationSettingsUpdate:
    """The editable part of the settings; `version` is the one the editor started from."""

    name: str
    short_name: str
    chat_admin_employee_id: int | None
    version: int
    # None keeps what is stored; for the token, "" removes it.
    max_api_url: str | None = None
    max_token: str | None = None
    sferum_web_url: str | None = None


class SferumLinkStatus(StrEnum):
    NOT_LINKED = "not_linked"  # never asked, or unlinked, cancelled
    SENDING = "sending"  # written; on its way to MAX (retried while MAX is unavailable)
    PENDING = "pending"  # in the user's «Сферум» chat in MAX, waiting for «Подключить»
    LINKED = "linked"
    REJECTED = "rejected"  # «Не подключать»
    FAILED = "failed"  # MAX refused: no MAX account with that phone, or another reason


@dataclass(frozen=True, slots=True)
class SferumLink:
    """The state of the logged-in account's link to its Sferum education profile."""

    status: SferumLinkStatus
    phone: str | None = None  # +7XXXXXXXXXX
    # Why it failed, or what is happening while MAX cannot be reached; empty otherwise.
    message: str = ""
    web_url: str = ""  # the Sferum web messenger, for «Перейти в Сферум»
    # Which request this is about: a new request gets a new number.
    request_number: int | None = None


@dataclass(frozen=True, slots=True)
class DemoMaxMessage:
    """A message in the simulated MAX, shown by the «МАХ (демо)» window."""

    id: int
    sender: str
    text: str
    request_id: str | None
    awaiting_answer: bool  # a link request still waiting for «Подключить» / «Не подключать»
    phone: str


@dataclass(frozen=True, slots=True)
class MaxDelivery:
    """A change for MAX that MAX has not accepted yet (waiting for a retry) or has refused."""

    id: int
    action: str  # what it does, in words: «Запрос на привязку к Сферум», …
    failed: bool  # refused by MAX (kept, not retried); otherwise still waiting
    attempts: int
    reason: str  # MAX's explanation or why it waits; empty before the first attempt
    created_at: dt.datetime  # UTC
