"""The «Видеоконференции» tab of the «Сферум» registry: scheduling, ending, retrying, deleting.

Times cross the contract as aware datetimes and are stored in UTC; dates of the list's period
and lessons of the timetable are the school's local time — the clock's time zone.
Starting and finishing on MAX is the scheduler's work (`conference_scheduler`).

Who may do what: the chat administrator and the organisation's administrators — everything;
other employees — conferences of the chats they see, and they change, end and delete those they
created or of chats they administer.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from backend.clock import Clock
from backend.contract import types as t
from backend.contract.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from backend.operations import Http, Topic, declare
from backend.schema import models as m
from backend.services import chats
from backend.services.auth import utc_naive
from backend.services.paging import fetch_page
from backend.services.text import full_name

CS = t.ConferenceStatus
TITLE_LENGTH = 300
LONGEST = dt.timedelta(hours=12)
GRACE = dt.timedelta(minutes=1)  # «now» typed a moment ago is not «in the past»
STALE = (
    "Видеоконференцию изменил другой пользователь. Обновите окно и внесите изменения заново — "
    "ваши изменения остались в окне."
)
SORT = {
    "starts_at": m.SferumConference.starts_at,
    "title": m.SferumConference.title,
    "status": m.SferumConference.status,
}


def lesson_title(number: int, date: dt.date, starts: dt.time, subject: str) -> str:
    """«<№ урока> - <дата> - <время> - <предмет>», the seed's default name of an online lesson."""
    return f"{number} - {date:%d.%m.%Y} - {starts:%H:%M} - {subject}"


def school_zone(clock: Clock) -> dt.tzinfo:
    zone = clock.now().tzinfo
    assert zone is not None
    return zone


def aware(moment: dt.datetime) -> dt.datetime:
    """A stored UTC moment as an aware datetime."""
    return moment.replace(tzinfo=dt.UTC)


# --- permissions ------------------------------------------------------------------------------
def _may_manage(user: t.CurrentUser, row: m.SferumConference, administered: set[int]) -> bool:
    return (
        chats.sees_every_chat(user)
        or row.created_by == user.account_id
        or (row.chat_id is not None and row.chat_id in administered)
    )


def _load(session: Session, user: t.CurrentUser, conference_id: int) -> m.SferumConference:
    chats.require_registry(user)
    row = session.get(m.SferumConference, conference_id)
    missing = NotFound("Видеоконференция не найдена. Возможно, ее удалили.")
    if row is None or row.organisation_id != user.organisation_id:
        raise missing
    visible = chats.visible_chats(user)
    if (
        visible is not None
        and row.created_by != user.account_id
        and (row.chat_id is None or row.chat_id not in set(session.scalars(visible)))
    ):
        raise missing
    return row


# --- reading ------------------------------------------------------------------------------
def _views(
    session: Session,
    user: t.CurrentUser,
    rows: Sequence[m.SferumConference],
    *,
    with_members: bool = False,
) -> list[t.Conference]:
    ids = [row.id for row in rows]
    counts = dict(
        session.execute(
            select(m.SferumConferenceMember.conference_id, func.count())
            .where(m.SferumConferenceMember.conference_id.in_(ids))
            .group_by(m.SferumConferenceMember.conference_id)
        ).all()
    )
    chat_rows = {
        chat.id: chat
        for chat in session.scalars(
            select(m.SferumChat).where(
                m.SferumChat.id.in_([row.chat_id for row in rows if row.chat_id is not None])
            )
        )
    }
    lessons = {
        lesson_id: (subject, class_name)
        for lesson_id, subject, class_name in session.execute(
            select(m.Lesson.id, m.Subject.name, m.SchoolClass.name)
            .join(m.Subject, m.Subject.id == m.Lesson.subject_id)
            .join(m.Group, m.Group.id == m.Lesson.group_id)
            .join(m.SchoolClass, m.SchoolClass.id == m.Group.class_id)
            .where(m.Lesson.id.in_([row.lesson_id for row in rows if row.lesson_id is not None]))
        )
    }
    class_names = dict(
        session.execute(
            select(m.SchoolClass.id, m.SchoolClass.name).where(
                m.SchoolClass.id.in_(
                    [c.class_id for c in chat_rows.values() if c.class_id is not None]
                )
            )
        ).all()
    )
    subjects = dict(
        session.execute(
            select(m.Group.id, m.Subject.name)
            .join(m.Subject, m.Subject.id == m.Group.subject_id)
            .where(m.Group.id.in_([c.group_id for c in chat_rows.values() if c.group_id]))
        ).all()
    )
    administered = chats.administered_chats(session, user, chat_rows)
    members: dict[int, list[t.ConferenceMember]] = defaultdict(list)
    if with_members and ids:
        for conference_id, kind, person, blocked in session.execute(
            select(
                m.SferumConferenceMember.conference_id,
                m.SferumConferenceMember.kind,
                m.Person,
                m.Account.blocked,
            )
            .join(m.Person, m.Person.id == m.SferumConferenceMember.person_id)
            .outerjoin(m.Account, m.Account.person_id == m.Person.id)
            .where(m.SferumConferenceMember.conference_id.in_(ids))
            .order_by(m.Person.search_key)
        ):
            members[conference_id].append(
                t.ConferenceMember(
                    person_id=person.id,
                    kind=kind,
                    full_name=full_name(person.last_name, person.first_name, person.middle_name),
                    blocked=bool(blocked),
                )
            )
    views = []
    for row in rows:
        chat = chat_rows.get(row.chat_id) if row.chat_id is not None else None
        subject, class_name = lessons.get(row.lesson_id, (None, None))
        if chat is not None:
            class_name = class_name or class_names.get(chat.class_id)
            subject = subject or subjects.get(chat.group_id)
        may = _may_manage(user, row, administered)
        views.append(
            t.Conference(
                id=row.id,
                title=row.title,
                kind=row.kind,
                chat_id=row.chat_id,
                chat_title=chat.title if chat is not None else None,
                chat_kind=chat.kind if chat is not None else None,
                lesson_id=row.lesson_id,
                subject_name=subject,
                class_name=class_name,
                starts_at=aware(row.starts_at),
                ends_at=aware(row.ends_at),
                status=row.status,
                status_message=row.status_message,
                join_link=row.join_link if row.status is CS.ACTIVE else None,
                participant_count=counts.get(row.id, 0),
                version=row.version,
                can_edit=may and row.status in (CS.NEW, CS.ERROR),
                can_end=may and row.status is CS.ACTIVE,
                can_delete=may,
                members=tuple(members.get(row.id, ())),
            )
        )
    return views


@declare(Http("GET", "/sferum/conferences", sort=tuple(SORT), query_names={"statuses": "status"}))
def list_conferences(
    session: Session,
    user: t.CurrentUser,
    clock: Clock,
    page: t.PageRequest,
    *,
    date_from: dt.date,
    date_to: dt.date,
    statuses: Sequence[t.ConferenceStatus] = (),
    lesson_id: int | None = None,
) -> t.Page[t.Conference]:
    chats.require_registry(user)
    if date_to < date_from:
        raise ValidationFailed(
            "Конец периода раньше его начала.", {"date_to": "Конец периода раньше его начала."}
        )
    zone = school_zone(clock)
    start = utc_naive(dt.datetime.combine(date_from, dt.time(0), tzinfo=zone))
    end = utc_naive(dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(0), tzinfo=zone))
    conference = m.SferumConference
    where = [
        conference.organisation_id == user.organisation_id,
        conference.starts_at >= start,
        conference.starts_at < end,
    ]
    if statuses:
        where.append(conference.status.in_(list(statuses)))
    if lesson_id is not None:
        where.append(conference.lesson_id == lesson_id)
    visible = chats.visible_chats(user)
    if visible is not None:
        where.append((conference.chat_id.in_(visible)) | (conference.created_by == user.account_id))
    stmt = select(conference).where(*where)  # the tab has no search box
    rows, total = fetch_page(
        session,
        stmt,
        page,
        sort_keys=SORT,
        default_sort=[conference.starts_at],
        tiebreaker=conference.id,
        count_stmt=select(conference.id).where(*where),
    )
    items = _views(session, user, [row[0] for row in rows])
    return t.Page(items=tuple(items), total=total, offset=page.offset)


@declare(Http("GET", "/sferum/conferences/{conference_id}"))
def conference(session: Session, user: t.CurrentUser, conference_id: int) -> t.Conference:
    row = _load(session, user, conference_id)
    return _views(session, user, [row], with_members=True)[0]


# --- saving -------------------------------------------------------------------------------
def _validate(
    session: Session,
    user: t.CurrentUser,
    clock: Clock,
    draft: t.ConferenceDraft,
    row: m.SferumConference | None,
) -> tuple[m.SferumChat, m.Lesson | None, str]:
    errors: dict[str, str] = {}
    title = draft.title.strip()
    chat = None
    if draft.chat_id is not None:
        chat = session.get(m.SferumChat, draft.chat_id)
        visible = chats.visible_chats(user)
        if (
            chat is None
            or chat.organisation_id != user.organisation_id
            or (visible is not None and chat.id not in set(session.scalars(visible)))
        ):
            errors["chat_id"] = "Выберите чат из доступных вам."
            chat = None
    else:
        errors["chat_id"] = "Выберите чат."
    lesson = None
    if draft.kind is t.ConferenceKind.CALL:
        if draft.lesson_id is not None:
            errors["lesson_id"] = "Для видеозвонка урок не указывается."
    elif draft.lesson_id is not None:
        lesson = session.get(m.Lesson, draft.lesson_id)
        if lesson is None or lesson.organisation_id != user.organisation_id:
            errors["lesson_id"] = "Урок не найден в расписании."
            lesson = None
        elif chat is not None and chat.group_id is not None and lesson.group_id != chat.group_id:
            errors["lesson_id"] = "Выберите урок группы выбранного чата."
        elif chat is not None and chat.class_id is not None and chat.group_id is None:
            lesson_class = session.scalar(
                select(m.Group.class_id).where(m.Group.id == lesson.group_id)
            )
            if lesson_class != chat.class_id:
                errors["lesson_id"] = "Выберите урок класса выбранного чата."
    elif chat is not None and chat.kind is t.ChatKind.SUBJECT:
        errors["lesson_id"] = "Для онлайн-урока в предметном чате выберите урок."
    if not title and lesson is not None:
        subject = session.scalar(select(m.Subject.name).where(m.Subject.id == lesson.subject_id))
        title = lesson_title(lesson.number, lesson.date, lesson.starts_at, subject or "")
    if not title:
        errors["title"] = "Укажите наименование видеоконференции."
    elif len(title) > TITLE_LENGTH:
        errors["title"] = f"Наименование длиннее {TITLE_LENGTH} символов."
    if draft.starts_at.tzinfo is None or draft.ends_at.tzinfo is None:
        errors["starts_at"] = "Время без часового пояса."
    else:
        unchanged = row is not None and aware(row.starts_at) == draft.starts_at
        if draft.starts_at < clock.now() - GRACE and not unchanged:
            errors["starts_at"] = "Время начала уже прошло."
        if draft.ends_at <= clock.now():
            errors["ends_at"] = "Время окончания уже прошло."
        elif draft.ends_at <= draft.starts_at:
            errors["ends_at"] = "Время окончания должно быть позже времени начала."
        elif draft.ends_at - draft.starts_at > LONGEST:
            errors["ends_at"] = "Видеоконференция не может длиться дольше 12 часов."
        elif chat is not None and "starts_at" not in errors:
            overlap = _overlapping(session, chat.id, draft, row)
            if overlap is not None:
                errors["starts_at"] = (
                    f"В этом чате в это время уже запланирована видеоконференция «{overlap}»."
                )
    if errors or chat is None:
        raise ValidationFailed("Проверьте правильность заполнения полей.", errors)
    return chat, lesson, title


def _overlapping(
    session: Session, chat_id: int, draft: t.ConferenceDraft, row: m.SferumConference | None
) -> str | None:
    """A not finished conference of the same chat whose time overlaps the draft's."""
    conference = m.SferumConference
    stmt = select(conference.title).where(
        conference.chat_id == chat_id,
        conference.status.in_([CS.NEW, CS.ACTIVE, CS.ERROR]),
        and_(
            conference.starts_at < utc_naive(draft.ends_at),
            conference.ends_at > utc_naive(draft.starts_at),
        ),
    )
    if row is not None:
        stmt = stmt.where(conference.id != row.id)
    return session.scalar(stmt.limit(1))


def _members(
    session: Session, chat: m.SferumChat, draft: t.ConferenceDraft
) -> dict[int, t.ParticipantKind]:
    """The draft's participants, limited to the chat's; the chat administrator always in."""
    in_chat = {
        row.person_id: row.kind
        for row in chats.rows_of(session, chat.id).values()
        if chats.is_present(row)
    }
    parents = draft.kind is t.ConferenceKind.CALL and chat.kind is t.ChatKind.PARENTS
    wanted = {
        choice.person_id: in_chat[choice.person_id]
        for choice in draft.members
        if choice.person_id in in_chat
        and (parents or in_chat[choice.person_id] is not t.ParticipantKind.PARENT)
    }
    chat_admin = chats.chat_admin_person(session, chat.organisation_id)
    if chat_admin is not None:
        wanted[chat_admin] = t.ParticipantKind.EMPLOYEE
    return wanted


@declare(
    Http(
        "POST",
        "/sferum/conferences",
        body="draft",
        saves="conference_id",
        limits={"title": 1000, "members": chats.CANDIDATE_LIMIT},
    ),
    changes={Topic.CONFERENCES},
)
def save_conference(
    session: Session, user: t.CurrentUser, clock: Clock, draft: t.ConferenceDraft
) -> t.Conference:
    chats.require_registry(user)
    row = None
    if draft.id is not None:
        row = _load(session, user, draft.id)
        if not _may_manage(user, row, chats.administered_chats(session, user, [row.chat_id])):
            raise PermissionDenied(
                "Изменять видеоконференцию могут ее автор и администраторы чата."
            )
        if draft.version != row.version:
            raise Conflict(STALE)
        if row.status not in (CS.NEW, CS.ERROR):
            raise Conflict("Начавшуюся или завершенную видеоконференцию изменить нельзя.")
        _not_starting(row, clock)
    chat, lesson, title = _validate(session, user, clock, draft, row)
    if row is None:
        row = m.SferumConference(
            organisation_id=user.organisation_id,
            created_by=user.account_id,
            version=1,
            status=CS.NEW,
            status_message="",
            end_requested=False,
        )
        session.add(row)
    else:
        claimed = session.execute(
            m.SferumConference.__table__.update()
            .where(
                m.SferumConference.id == row.id,
                m.SferumConference.version == draft.version,
                m.SferumConference.status.in_([CS.NEW, CS.ERROR]),
            )
            .values(version=m.SferumConference.version + 1)
        )
        if claimed.rowcount != 1:
            raise Conflict(STALE)
        session.refresh(row)
    row.title = title
    row.kind = draft.kind
    row.chat_id = chat.id
    row.lesson_id = lesson.id if lesson is not None else None
    row.starts_at = utc_naive(draft.starts_at)
    row.ends_at = utc_naive(draft.ends_at)
    if row.status is CS.ERROR:
        row.status, row.status_message = CS.NEW, ""
    session.flush()
    session.execute(
        m.SferumConferenceMember.__table__.delete().where(
            m.SferumConferenceMember.conference_id == row.id
        )
    )
    session.add_all(
        m.SferumConferenceMember(conference_id=row.id, person_id=person_id, kind=kind)
        for person_id, kind in _members(session, chat, draft).items()
    )
    session.flush()
    return conference(session, user, row.id)


def _not_starting(row: m.SferumConference, clock: Clock) -> None:
    if row.claimed_until is not None and aware(row.claimed_until) > clock.now():
        raise Conflict(
            "Видеоконференция как раз начинается или завершается. Повторите через несколько секунд."
        )


def _managed(session: Session, user: t.CurrentUser, conference_id: int) -> m.SferumConference:
    row = _load(session, user, conference_id)
    if not _may_manage(user, row, chats.administered_chats(session, user, [row.chat_id])):
        raise PermissionDenied(
            "Это могут сделать автор видеоконференции, администраторы чата и администратор "
            "чатов Сферум."
        )
    return row


@declare(
    Http("POST", "/sferum/conferences/{conference_id}/end"),
    changes={Topic.CONFERENCES},
    answer_after_max="conference",
)
def end_conference(
    session: Session, user: t.CurrentUser, clock: Clock, conference_id: int
) -> t.Conference:
    """Asks the scheduler to finish it on its next round (at once in the embedded backend)."""
    row = _managed(session, user, conference_id)
    if row.status is not CS.ACTIVE:
        raise Conflict("Закончить можно только активную видеоконференцию.")
    row.end_requested = True
    row.version += 1
    session.flush()
    return conference(session, user, row.id)


@declare(Http("POST", "/sferum/conferences/{conference_id}/retry"), changes={Topic.CONFERENCES})
def retry_conference(
    session: Session, user: t.CurrentUser, clock: Clock, conference_id: int
) -> t.Conference:
    row = _managed(session, user, conference_id)
    if row.status is not CS.ERROR:
        raise Conflict("Повторить можно только видеоконференцию с ошибкой.")
    if aware(row.ends_at) <= clock.now():
        raise Conflict("Время видеоконференции уже прошло; запланируйте новую.")
    row.status, row.status_message, row.claimed_until = CS.NEW, "", None
    row.version += 1
    session.flush()
    return conference(session, user, row.id)


@declare(Http("DELETE", "/sferum/conferences/{conference_id}"), changes={Topic.CONFERENCES})
def delete_conference(
    session: Session, user: t.CurrentUser, clock: Clock, conference_id: int, version: int
) -> None:
    from backend.services.conference_scheduler import finish_later

    row = _managed(session, user, conference_id)
    if row.version != version:
        raise Conflict(STALE)
    _not_starting(row, clock)
    if row.status is CS.ACTIVE and row.max_call_id is not None:
        finish_later(session, clock, row)  # the call on MAX ends too
    session.delete(row)
    session.flush()
