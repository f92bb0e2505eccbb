"""The Backend contract: everything the desktop may ask of a backend.

The desktop holds exactly one object of this protocol and never learns which implementation it
got (the embedded local database or a remote server). Every method is a coroutine; every failure
is a `BackendError` with a sentence for the user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from backend.contract.types import (
    BackendInfo,
    Chat,
    ChatCandidate,
    ChatDraft,
    ChatGap,
    ChatSummary,
    Conference,
    ConferenceDraft,
    ConferenceStatus,
    CurrentUser,
    Group,
    KtpTopic,
    Lesson,
    LessonRecord,
    LessonRecordUpdate,
    LoginResult,
    MaxDelivery,
    NewEmployee,
    NewStudent,
    OrganisationSettings,
    OrganisationSettingsUpdate,
    OrganisationSummary,
    Page,
    PageRequest,
    Parent,
    ParticipantKind,
    SchoolClass,
    SferumLink,
    StaffMember,
    Student,
    StudentStatus,
    Subject,
)


@runtime_checkable
class Backend(Protocol):
    # --- Session -------------------------------------------------------------------------
    async def describe(self) -> BackendInfo:
        """Which backend this is and its version; needs no login. A server whose version
        does not fit this desktop's raises DesktopOutdated or ServerOutdated."""
        ...

    async def list_organisations(self) -> list[OrganisationSummary]:
        """Organisations for the login window's chooser; needs no login."""
        ...

    async def log_in(
        self, organisation_id: int, login: str, password: str, *, remember: bool = False
    ) -> LoginResult:
        """Start a session. Raises InvalidCredentials, AccountBlocked or TooManyAttempts."""
        ...

    async def resume_session(self, token: str) -> CurrentUser:
        """Start a session from a remembered token. Raises NotAuthenticated when it is invalid."""
        ...

    async def log_out(self, *, forget: bool = True) -> None:
        """End the session; with `forget`, a remembered token stops working too."""
        ...

    async def current_user(self) -> CurrentUser: ...

    # --- Roster --------------------------------------------------------------------------
    async def list_staff(
        self, page: PageRequest, *, include_dismissed: bool = False
    ) -> Page[StaffMember]: ...

    async def list_classes(self) -> list[SchoolClass]: ...

    async def list_subjects(self) -> list[Subject]: ...

    async def list_groups(self, *, class_id: int | None = None) -> list[Group]: ...

    async def list_students(
        self,
        page: PageRequest,
        *,
        class_id: int | None = None,
        statuses: Sequence[StudentStatus] = (StudentStatus.ENROLLED,),
        include_restored: bool = False,
    ) -> Page[Student]:
        """Students of `statuses`; with `include_restored`, also those restored from
        «Выпускники и отчисленные» whose restoration can still be cancelled."""
        ...

    async def list_parents(self, page: PageRequest) -> Page[Parent]: ...

    # --- Timetable and КТП ---------------------------------------------------------------
    async def timetable(
        self,
        date_from: dt.date,
        date_to: dt.date,
        *,
        teacher_id: int | None = None,
        class_id: int | None = None,
        group_id: int | None = None,
    ) -> list[Lesson]:
        """Lessons with dates in [date_from, date_to], ordered by date and lesson number."""
        ...

    async def list_ktp_topics(self, group_id: int, subject_id: int) -> list[KtpTopic]: ...

    # --- Organisation --------------------------------------------------------------------
    async def organisation_settings(self) -> OrganisationSettings: ...

    async def update_organisation_settings(
        self, update: OrganisationSettingsUpdate
    ) -> OrganisationSettings:
        """Raises Conflict when someone saved the settings after `update.version`."""
        ...

    # --- Sferum ---------------------------------------------------------------------------
    async def sferum_link(self) -> SferumLink:
        """The logged-in account's link to Sferum, as far as the ЭШ knows now."""
        ...

    async def request_sferum_link(self, phone: str) -> SferumLink:
        """Ask MAX to link the account to the Sferum profile of `phone` (any common way of
        writing a Russian mobile number). ValidationFailed for a wrong number,
        LinkAlreadyRequested while a request waits, AlreadyLinked when linked."""
        ...

    async def unlink_sferum(self) -> SferumLink:
        """Remove the link; NotFound when there is none."""
        ...

    async def max_deliveries(self) -> list[MaxDelivery]:
        """Changes for MAX not accepted yet, or refused, oldest first: all of the
        organisation's for its administrators and the chat administrator, one's own otherwise."""
        ...

    # --- Roster events: each changes the chats' membership in the same transaction ----------
    async def enrol_student(self, new_student: NewStudent) -> Student: ...

    async def expel_student(self, student_id: int) -> Student:
        """«Отчислить»: the student moves to «Выпускники и отчисленные»."""
        ...

    async def transfer_students(self, student_ids: Sequence[int], class_id: int) -> list[Student]:
        """«Перевод» of one or more students to another class; they leave the sub-groups of
        their former class."""
        ...

    async def restore_student(self, student_id: int, class_id: int | None = None) -> Student:
        """Back from «Выпускники и отчисленные» into `class_id` (by default the last class)."""
        ...

    async def cancel_restoration(self, student_id: int) -> Student:
        """Undo `restore_student`: the student and their parents leave every chat of the
        organisation they were put in."""
        ...

    async def hire_employee(self, new_employee: NewEmployee) -> StaffMember: ...

    async def dismiss_employee(self, employee_id: int) -> StaffMember: ...

    async def link_parent(self, parent_id: int, student_id: int, relation: str) -> Parent: ...

    async def unlink_parent(self, parent_id: int, student_id: int) -> Parent: ...

    async def set_class_teacher(self, class_id: int, employee_id: int | None) -> SchoolClass: ...

    async def set_group_teacher(self, group_id: int, employee_id: int | None) -> Group: ...

    # --- Sferum chats ---------------------------------------------------------------------
    async def list_chats(self, page: PageRequest) -> Page[ChatSummary]:
        """The «Чаты» tab: every chat of the organisation for the chat administrator and the
        organisation's administrators, the chats one takes part in for other staff.
        PermissionDenied for students and parents."""
        ...

    async def chat(self, chat_id: int) -> Chat: ...

    async def save_chat(self, draft: ChatDraft) -> Chat:
        """Create (`draft.id` None) or change a chat; `draft.members` is the whole list of
        participants (the chat administrator is always added). Conflict when someone saved it
        after `draft.version`; ValidationFailed with field errors («title», «group_id»)."""
        ...

    async def delete_chat(self, chat_id: int, version: int) -> None:
        """Only «Предмет» and «Другое» chats; the chat is deleted on MAX too."""
        ...

    async def chat_candidates(
        self,
        kind: ParticipantKind,
        *,
        search: str = "",
        class_id: int | None = None,
        group_id: int | None = None,
    ) -> list[ChatCandidate]:
        """Who can be picked into a chat on the tab of `kind`, by name; students of a class or
        of a group (what «Предмет/Группа (Класс)» fills in)."""
        ...

    async def chat_gaps(self) -> list[ChatGap]:
        """Participants of every chat who are not in its Sferum chat yet, and why; for the
        chat administrator and the organisation's administrators."""
        ...

    # --- Sferum video conferences -----------------------------------------------------------
    async def list_conferences(
        self,
        page: PageRequest,
        *,
        date_from: dt.date,
        date_to: dt.date,
        statuses: Sequence[ConferenceStatus] = (),
        lesson_id: int | None = None,
    ) -> Page[Conference]:
        """The «Видеоконференции» tab: conferences starting in [date_from, date_to] (school
        time), of `statuses` (all when empty), of the chats the user sees; with `lesson_id`,
        only the online lessons of that lesson («Журнал на урок»)."""
        ...

    async def conference(self, conference_id: int) -> Conference:
        """One conference with its participants."""
        ...

    async def save_conference(self, draft: ConferenceDraft) -> Conference:
        """Create or change a «Новая» conference. ValidationFailed with field errors («title»,
        «chat_id», «lesson_id», «starts_at», «ends_at»); Conflict on a stale version."""
        ...

    async def end_conference(self, conference_id: int) -> Conference:
        """«Закончить видеоконференцию»: finish it now (the call on MAX too)."""
        ...

    async def retry_conference(self, conference_id: int) -> Conference:
        """«Повторить» after «Ошибка»: start it again (if its time has not passed)."""
        ...

    async def delete_conference(self, conference_id: int, version: int) -> None:
        """Remove a conference, finishing its call first when it is active."""
        ...

    # --- «Журнал на урок» ------------------------------------------------------------------
    async def lesson_record(self, lesson_id: int) -> LessonRecord:
        """The journal's record of one of the teacher's lessons (PermissionDenied for another
        teacher's lesson)."""
        ...

    async def save_lesson_record(self, change: LessonRecordUpdate) -> LessonRecord:
        """«Добавить в журнал». ValidationFailed («topic_id», «work_type»); Conflict when
        someone saved it after `change.version`."""
        ...

    # --- Lifetime ------------------------------------------------------------------------
    async def close(self) -> None:
        """Release connections and threads; the object is unusable afterwards."""
        ...
