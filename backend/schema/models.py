"""SQLAlchemy models of the school database.

Every change to these models comes with an Alembic migration in `backend/migrations/versions`;
a test compares the migrated database with these models.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from backend.contract.types import (
    ChatKind,
    ConferenceKind,
    ConferenceStatus,
    GroupKind,
    ParticipantKind,
    PositionType,
    StudentStatus,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


SEARCH_KEY_TYPE = String(320).with_variant(String(320, collation="C"), "postgresql")


SFERUM_WEB_URL = "https://web.sferum.ru/"  # the Sferum web messenger


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _enum(enum_cls: type, name: str) -> Enum:
    # Stored as the enum's value ("teaching"), checked by a constraint rather than a PG type,
    # so that adding a member later is a plain migration on both SQLite and PostgreSQL.
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
    )


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(120))

    settings: Mapped[OrganisationSettings] = relationship(
        back_populates="organisation", uselist=False
    )


class OrganisationSettings(Base):
    """«Настройки организации»; `version` grows with every save to detect concurrent edits."""

    __tablename__ = "organisation_settings"

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    # «Администратор чатов Сферум»
    chat_admin_employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The MAX platform for this organisation; an empty address means it is simulated.
    max_api_url: Mapped[str] = mapped_column(String(300), default="", server_default="")
    max_token: Mapped[str | None] = mapped_column(String(300))
    sferum_web_url: Mapped[str] = mapped_column(
        String(300), default=SFERUM_WEB_URL, server_default=SFERUM_WEB_URL
    )

    organisation: Mapped[Organisation] = relationship(back_populates="settings")


class Person(Base):
    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    middle_name: Mapped[str] = mapped_column(String(100), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    # E.164, e.g. "+79123456789"
    phone: Mapped[str | None] = mapped_column(String(20))
    # casefolded "фамилия имя отчество" with ё → е: searched and sorted on both SQLite and PG.
    # Compared by code point everywhere ("C" on PostgreSQL), so «Иванов Иван» comes before
    # «Иванова Анна» whatever the server's locale.
    search_key: Mapped[str] = mapped_column(SEARCH_KEY_TYPE, index=True)

    account: Mapped[Account | None] = relationship(back_populates="person", uselist=False)


class Account(Base):
    """An ЭШ account of a person."""

    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("organisation_id", "login"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), unique=True
    )
    login: Mapped[str] = mapped_column(String(100))
    # None: no password set yet, the account cannot log in
    password_hash: Mapped[str | None] = mapped_column(String(200))
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    is_org_admin: Mapped[bool] = mapped_column(Boolean, default=False)

    person: Mapped[Person] = relationship(back_populates="account")


class AuthToken(Base):
    """A session or remembered-login token; only its SHA-256 hash is stored."""

    __tablename__ = "auth_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    remember: Mapped[bool] = mapped_column(Boolean, default=False)


class Employee(Base):
    __tablename__ = "employees"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    position: Mapped[str] = mapped_column(String(200))
    position_type: Mapped[PositionType] = mapped_column(_enum(PositionType, "position_type"))
    hired_on: Mapped[dt.date] = mapped_column(Date)
    dismissed_on: Mapped[dt.date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship()


class Subject(Base):
    __tablename__ = "subjects"
    __table_args__ = (UniqueConstraint("organisation_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))


class SchoolClass(Base):
    __tablename__ = "classes"
    __table_args__ = (
        UniqueConstraint("organisation_id", "name"),
        CheckConstraint("grade BETWEEN 1 AND 11", name="grade_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    grade: Mapped[int] = mapped_column(Integer)
    letter: Mapped[str] = mapped_column(String(4))
    name: Mapped[str] = mapped_column(String(20))
    class_teacher_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="SET NULL"), index=True
    )


class Group(Base):
    """Who learns a subject together: a whole class or a sub-group of it."""

    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="RESTRICT"))
    teacher_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[GroupKind] = mapped_column(_enum(GroupKind, "group_kind"))
    name: Mapped[str] = mapped_column(String(200))


class GroupStudent(Base):
    """Members of a sub-group; a whole-class group's members are its class's students."""

    __tablename__ = "group_students"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True
    )
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Student(Base):
    __tablename__ = "students"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    class_id: Mapped[int | None] = mapped_column(
        ForeignKey("classes.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[StudentStatus] = mapped_column(_enum(StudentStatus, "student_status"))
    enrolled_on: Mapped[dt.date] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    # Set by a restoration from «Выпускники и отчисленные» while it can still be cancelled:
    # the status and date to go back to.
    restored_from_status: Mapped[str | None] = mapped_column(String(20))
    restored_left_on: Mapped[dt.date | None] = mapped_column(Date)
    restored_from_class_id: Mapped[int | None] = mapped_column(Integer)

    person: Mapped[Person] = relationship()


class Parent(Base):
    __tablename__ = "parents"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)

    person: Mapped[Person] = relationship()


class ParentChild(Base):
    __tablename__ = "parent_children"

    parent_id: Mapped[int] = mapped_column(
        ForeignKey("parents.id", ondelete="CASCADE"), primary_key=True
    )
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    relation: Mapped[str] = mapped_column(String(40))  # «Мать», «Отец», «Опекун»


class Lesson(Base):
    """One lesson of the timetable; date and times are the school's local time."""

    __tablename__ = "lessons"
    __table_args__ = (
        Index("ix_lessons_org_date", "organisation_id", "date"),
        Index("ix_lessons_teacher_date", "teacher_id", "date"),
        Index("ix_lessons_group_date", "group_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    number: Mapped[int] = mapped_column(Integer)
    starts_at: Mapped[dt.time] = mapped_column(Time)
    ends_at: Mapped[dt.time] = mapped_column(Time)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="RESTRICT"))
    teacher_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id", ondelete="SET NULL"))


class KtpTopic(Base):
    """A topic of the КТП (calendar-thematic plan) of a group in a subject."""

    __tablename__ = "ktp_topics"
    __table_args__ = (Index("ix_ktp_topics_group_subject", "group_id", "subject_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    hours: Mapped[int] = mapped_column(Integer, default=1)


class DemoInfo(Base):
    """Present only in databases holding a generated demo school: what was generated."""

    __tablename__ = "demo_info"

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    seed: Mapped[int] = mapped_column(Integer)
    size: Mapped[str] = mapped_column(String(20))
    # The Monday of the last timetable week generated so far.
    timetable_until: Mapped[dt.date] = mapped_column(Date)


class LoginThrottle(Base):
    """Failed logins in a row for a login name (existing or not), and a lock after too many."""

    __tablename__ = "login_throttles"

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    login: Mapped[str] = mapped_column(String(100), primary_key=True)  # casefolded
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)  # UTC


class MaxOutboxEntry(Base):
    """A change for the MAX platform, written with the ЭШ change it belongs to and delivered
    later by the outbox worker; entries with one `ordering_key` are delivered in id order."""

    __tablename__ = "max_outbox"
    __table_args__ = (
        Index("ix_max_outbox_due", "state", "next_attempt_at"),
        Index("ix_max_outbox_ordering", "ordering_key", "state", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    operation: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)  # JSON
    ordering_key: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(20))  # pending, delivered, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    claimed_until: Mapped[dt.datetime | None] = mapped_column(DateTime)  # UTC; a worker's lease
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_code: Mapped[str | None] = mapped_column(String(60))  # MAX's error key
    result: Mapped[str | None] = mapped_column(Text)  # JSON of MAX's answer
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    delivered_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # UTC


ACTIVE_LINK = "status IN ('sending', 'pending', 'linked')"


class SferumLink(Base):
    """An account's request to link to its Sferum profile, and what became of it; the newest
    row of an account is its current state."""

    __tablename__ = "sferum_links"
    # At most one request on its way, waiting or linked: per account, and per phone and role.
    __table_args__ = (
        Index(
            "uq_sferum_links_active_account",
            "account_id",
            unique=True,
            sqlite_where=text(ACTIVE_LINK),
            postgresql_where=text(ACTIVE_LINK),
        ),
        Index(
            "uq_sferum_links_active_phone_role",
            "phone",
            "role",
            unique=True,
            sqlite_where=text(ACTIVE_LINK),
            postgresql_where=text(ACTIVE_LINK),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    phone: Mapped[str] = mapped_column(String(20), index=True)
    role: Mapped[str] = mapped_column(String(40))  # «Педагог», «Ученик», «Родитель»
    status: Mapped[str] = mapped_column(String(20))  # SferumLinkStatus values
    request_id: Mapped[str | None] = mapped_column(String(64))  # MAX's, once delivered
    max_user_id: Mapped[int | None] = mapped_column(BigInteger)  # MAX's user, once linked
    outbox_id: Mapped[int | None] = mapped_column(Integer)
    message: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC


class SferumChat(Base):
    """A chat of the «Сферум» registry; `version` grows with every save to detect concurrent
    edits. Default chats (teachers', class, parents') are kept by the roster's rules."""

    __tablename__ = "sferum_chats"
    __table_args__ = (
        Index("ix_sferum_chats_org_kind", "organisation_id", "kind", "class_id"),
        # One default chat of each kind per class (and one teachers' chat per organisation).
        Index(
            "uq_sferum_chats_default",
            "organisation_id",
            "kind",
            "class_id",
            unique=True,
            sqlite_where=text("kind IN ('class', 'parents')"),
            postgresql_where=text("kind IN ('class', 'parents')"),
        ),
        Index(
            "uq_sferum_chats_teachers",
            "organisation_id",
            unique=True,
            sqlite_where=text("kind = 'teachers'"),
            postgresql_where=text("kind = 'teachers'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    kind: Mapped[ChatKind] = mapped_column(_enum(ChatKind, "chat_kind"))
    title: Mapped[str] = mapped_column(String(200))
    search_key: Mapped[str] = mapped_column(SEARCH_KEY_TYPE)  # the title, casefolded
    class_id: Mapped[int | None] = mapped_column(
        ForeignKey("classes.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("groups.id", ondelete="SET NULL"), index=True
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    # MAX's chat: its id once created there, and the outbox entry that creates it.
    max_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    create_outbox_id: Mapped[int | None] = mapped_column(Integer)


class SferumChatMember(Base):
    """A participant of a chat, or someone the roster's rules name for it.

    In the chat means `manual` (added by hand) or `automatic` (named by the rules) and not
    `excluded` (an automatic participant removed by hand: the rules do not bring them back while
    the roster still names them)."""

    __tablename__ = "sferum_chat_members"

    chat_id: Mapped[int] = mapped_column(
        ForeignKey("sferum_chats.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    kind: Mapped[ParticipantKind] = mapped_column(_enum(ParticipantKind, "participant_kind"))
    automatic: Mapped[bool] = mapped_column(Boolean, default=False)
    manual: Mapped[bool] = mapped_column(Boolean, default=False)
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    # The admin flag set by hand where it differs from the rules; None: the rules decide.
    admin_override: Mapped[bool | None] = mapped_column(Boolean)
    # On MAX: "" (not sent: not linked or blocked), "sending", "in_chat", "refused".
    max_state: Mapped[str] = mapped_column(String(20), default="")
    max_reason: Mapped[str] = mapped_column(Text, default="")


class SferumConference(Base):
    """A video conference of the «Сферум» registry. The scheduler starts it at `starts_at` and
    finishes it at `ends_at` (both UTC); `claimed_until` is a scheduler's lease on it, so that
    with several server processes each is started and finished exactly once."""

    __tablename__ = "sferum_conferences"
    __table_args__ = (
        Index("ix_sferum_conferences_org_start", "organisation_id", "starts_at"),
        Index("ix_sferum_conferences_due", "status", "starts_at"),
        Index("ix_sferum_conferences_ending", "status", "ends_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[ConferenceKind] = mapped_column(_enum(ConferenceKind, "conference_kind"))
    chat_id: Mapped[int | None] = mapped_column(
        ForeignKey("sferum_chats.id", ondelete="SET NULL"), index=True
    )
    lesson_id: Mapped[int | None] = mapped_column(
        ForeignKey("lessons.id", ondelete="SET NULL"), index=True
    )
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    status: Mapped[ConferenceStatus] = mapped_column(_enum(ConferenceStatus, "conference_status"))
    status_message: Mapped[str] = mapped_column(Text, default="")
    max_call_id: Mapped[str | None] = mapped_column(String(64))
    join_link: Mapped[str | None] = mapped_column(String(500))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    claimed_until: Mapped[dt.datetime | None] = mapped_column(DateTime)  # UTC
    # Set by «Закончить видеоконференцию»: the scheduler finishes it at once.
    end_requested: Mapped[bool] = mapped_column(Boolean, default=False)


class SferumConferenceMember(Base):
    __tablename__ = "sferum_conference_members"

    conference_id: Mapped[int] = mapped_column(
        ForeignKey("sferum_conferences.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    kind: Mapped[ParticipantKind] = mapped_column(_enum(ParticipantKind, "participant_kind"))


class LessonRecord(Base):
    """The journal's record of a lesson: its КТП topic, main work type, «Урок проведен»."""

    __tablename__ = "lesson_records"

    lesson_id: Mapped[int] = mapped_column(
        ForeignKey("lessons.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    ktp_topic_id: Mapped[int | None] = mapped_column(
        ForeignKey("ktp_topics.id", ondelete="SET NULL"), index=True
    )
    work_type: Mapped[str | None] = mapped_column(String(100))
    conducted: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
