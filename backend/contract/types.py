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
class BackendInfo:
    """What the desktop is talking to, for «О программе» and the log."""

    embedded: bool  # the database on this PC; otherwise a server
    location: str  # the database file, or the server's address
    version: str  # the backend's version: the desktop's own when embedded
    min_desktop_version: str | None = None  # the oldest desktop a server serves


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
    left_on: dt.date | None = None  # graduation or expulsion
    # Restored from «Выпускники и отчисленные»; the restoration can still be cancelled.
    restored: bool = False


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
    conducted: bool = False  # «Урок проведен»: dates of lessons not conducted are shown bold
    topic: str | None = None  # the КТП topic the lesson is bound to, «<№>. <тема>»


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
class DemoMaxCall:
    """A call going on in the simulated MAX, shown by the «МАХ (демо)» window."""

    call_id: str
    title: str
    starts_at: dt.datetime  # aware
    join_link: str  # the simulator's page of the call, on loopback


@dataclass(frozen=True, slots=True)
class MaxDelivery:
    """A change for MAX that MAX has not accepted yet (waiting for a retry) or has refused."""

    id: int
    action: str  # what it does, in words: «Запрос на привязку к Сферум», …
    failed: bool  # refused by MAX (kept, not retried); otherwise still waiting
    attempts: int
    reason: str  # MAX's explanation or why it waits; empty before the first attempt
    created_at: dt.datetime  # UTC


# --- Sferum chats ---------------------------------------------------------------------------
class ChatKind(StrEnum):
    TEACHERS = "teachers"  # «Учительский чат»: one per organisation
    CLASS = "class"  # «Классный чат»: one per class, its students
    PARENTS = "parents"  # «Родительский чат»: one per class, its students' parents
    SUBJECT = "subject"  # «Предмет»: a group's chat
    OTHER = "other"  # «Другое»

    @property
    def is_default(self) -> bool:
        """Default chats are made and kept by the ЭШ itself and cannot be deleted."""
        return self in (ChatKind.TEACHERS, ChatKind.CLASS, ChatKind.PARENTS)


class ParticipantKind(StrEnum):
    EMPLOYEE = "employee"  # tab «Сотрудники»
    STUDENT = "student"  # tab «Ученики»
    PARENT = "parent"  # tab «Родители»


class MemberSferumState(StrEnum):
    """Where a participant of an ЭШ chat stands with the chat on MAX."""

    IN_CHAT = "in_chat"  # in the Sferum chat
    SENDING = "sending"  # linked; the addition is on its way to MAX
    NOT_LINKED = "not_linked"  # joins when the account is linked to Sferum
    NO_ACCOUNT = "no_account"  # has no ЭШ account
    BLOCKED = "blocked"  # the ЭШ account is blocked
    REFUSED = "refused"  # MAX refused to add them; `reason` says why


class ChatSyncState(StrEnum):
    SYNCED = "synced"  # MAX has every change
    SENDING = "sending"  # changes wait in the outbox (MAX unreachable, or just written)
    FAILED = "failed"  # MAX refused a change of this chat


@dataclass(frozen=True, slots=True)
class ChatSummary:
    """A row of the «Чаты» tab."""

    id: int
    title: str
    kind: ChatKind
    class_name: str | None  # the class of a class, parents' or subject chat
    group_name: str | None  # «Предмет/Группа (Класс)» of a subject chat
    member_count: int
    in_sferum_count: int  # participants who are in the chat on MAX
    admin_names: tuple[str, ...]
    sync: ChatSyncState
    sync_message: str  # why it is not synced; empty when it is
    version: int
    can_edit: bool  # for the logged-in user
    can_delete: bool  # for the logged-in user; never for default chats
    group_id: int | None = None  # the group of a subject chat


@dataclass(frozen=True, slots=True)
class ChatMember:
    person_id: int
    kind: ParticipantKind
    full_name: str
    detail: str  # position of an employee, class of a student, children of a parent
    is_admin: bool
    admin_locked: bool  # the chat administrator of the organisation: always admin
    blocked: bool  # the ЭШ account is blocked («Заблокирован»)
    linked: bool  # the ЭШ account is linked to Sferum
    automatic: bool  # in the chat by the roster's rules rather than added by hand
    sferum: MemberSferumState
    reason: str = ""  # MAX's refusal, when `sferum` is REFUSED


@dataclass(frozen=True, slots=True)
class Chat:
    """A chat with its participants, for «Чат Сферума: Редактирование»."""

    id: int
    title: str
    kind: ChatKind
    group_id: int | None
    group_name: str | None
    class_id: int | None
    class_name: str | None
    version: int
    members: tuple[ChatMember, ...]
    can_edit: bool
    can_delete: bool


@dataclass(frozen=True, slots=True)
class ChatMemberChoice:
    person_id: int
    kind: ParticipantKind
    is_admin: bool = False


@dataclass(frozen=True, slots=True)
class ChatDraft:
    """What the add / edit window saves. `id` and `version` are None for a new chat; the kind
    of an existing chat cannot change. Participants missing from `members` leave the chat."""

    title: str
    kind: ChatKind
    members: tuple[ChatMemberChoice, ...]
    group_id: int | None = None
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True)
class ChatCandidate:
    """Someone who can be picked into a chat."""

    person_id: int
    kind: ParticipantKind
    full_name: str
    detail: str  # position, class, or children
    blocked: bool
    linked: bool
    has_account: bool
    employee_id: int | None = None  # for employees: who they are in the roster


@dataclass(frozen=True, slots=True)
class ChatGap:
    """A participant of an ЭШ chat who is not in its Sferum chat yet, and why."""

    chat_id: int
    chat_title: str
    chat_kind: ChatKind
    class_name: str | None
    person_id: int
    full_name: str
    kind: ParticipantKind
    sferum: MemberSferumState
    reason: str  # in words, for the report


# --- roster events --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class NewStudent:
    """«Зачисление»: a new student of a class."""

    last_name: str
    first_name: str
    class_id: int
    middle_name: str = ""
    birth_date: dt.date | None = None
    enrolled_on: dt.date | None = None  # today when None


@dataclass(frozen=True, slots=True)
class NewEmployee:
    """«Трудоустройство»."""

    last_name: str
    first_name: str
    position: str
    position_type: PositionType
    middle_name: str = ""
    phone: str | None = None
    hired_on: dt.date | None = None  # today when None


# --- Sferum video conferences ----------------------------------------------------------------
class ConferenceKind(StrEnum):
    LESSON = "lesson"  # «Онлайн-урок»
    CALL = "call"  # «Видеозвонок»


class ConferenceStatus(StrEnum):
    NEW = "new"  # «Новая»: waits for its start time
    ACTIVE = "active"  # «Активная»: the call is on; `join_link` leads to it
    FINISHED = "finished"  # «Завершена»
    ERROR = "error"  # «Ошибка»: MAX refused; `status_message` says why, «Повторить» retries


@dataclass(frozen=True, slots=True)
class ConferenceMember:
    person_id: int
    kind: ParticipantKind
    full_name: str
    blocked: bool


@dataclass(frozen=True, slots=True)
class Conference:
    """A row of the «Видеоконференции» tab; `members` only when asked for one conference."""

    id: int
    title: str
    kind: ConferenceKind
    chat_id: int | None
    chat_title: str | None
    chat_kind: ChatKind | None
    lesson_id: int | None
    subject_name: str | None
    class_name: str | None
    starts_at: dt.datetime  # aware
    ends_at: dt.datetime  # aware
    status: ConferenceStatus
    status_message: str  # why «Ошибка», or what happened; empty otherwise
    join_link: str | None  # while «Активная»
    participant_count: int
    version: int
    can_edit: bool
    can_end: bool
    can_delete: bool
    members: tuple[ConferenceMember, ...] = ()


@dataclass(frozen=True, slots=True)
class ConferenceDraft:
    """What «Видеоконференция сферума: Добавление / Редактирование» saves."""

    title: str
    kind: ConferenceKind
    chat_id: int | None
    starts_at: dt.datetime  # aware
    ends_at: dt.datetime  # aware
    members: tuple[ChatMemberChoice, ...]
    lesson_id: int | None = None
    id: int | None = None
    version: int | None = None


# --- «Журнал на урок» -----------------------------------------------------------------------
# «Основной вид работы на уроке»
WORK_TYPES: tuple[str, ...] = (
    "Изучение нового материала",
    "Закрепление изученного материала",
    "Повторение",
    "Обобщение и систематизация знаний",
    "Самостоятельная работа",
    "Практическая работа",
    "Лабораторная работа",
    "Контрольная работа",
    "Проверочная работа",
)


@dataclass(frozen=True, slots=True)
class LessonRecord:
    """What the journal holds about a lesson: its КТП topic, work type, whether conducted."""

    lesson: Lesson
    topic: KtpTopic | None  # None: «Урок не привязан к КТП»
    work_type: str | None
    conducted: bool
    version: int  # 0 while nothing was saved for the lesson
    suggested_topic_id: int | None  # the next topic of the КТП not bound to another lesson
    can_edit: bool  # the lesson's teacher (and the organisation's administrators)


@dataclass(frozen=True, slots=True)
class LessonRecordUpdate:
    """«Добавить в журнал»: `version` is the one the window started from."""

    lesson_id: int
    topic_id: int | None
    work_type: str | None
    conducted: bool
    version: int
