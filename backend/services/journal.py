"""«Журнал на урок»: a lesson's КТП topic, main work type and «Урок проведен».

The lesson's teacher keeps the record; the organisation's administrators and the
administration may too. Others (other teachers included) do not read or change it; its topic
and whether the lesson was conducted show in the timetable, as in a diary.
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import Subquery

from backend.clock import Clock
from backend.contract import types as t
from backend.contract.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from backend.operations import Http, Topic, declare
from backend.schema import models as m
from backend.services import timetable
from backend.services.access import require_staff
from backend.services.auth import utc_naive

STALE = (
    "Запись об уроке изменил другой пользователь. Обновите окно и внесите изменения заново — "
    "ваши изменения остались в окне."
)


def _keeps_journal(user: t.CurrentUser, lesson: m.Lesson) -> bool:
    return lesson.teacher_id == user.employee_id or user.has(
        t.Role.ORG_ADMIN, t.Role.ADMINISTRATION
    )


def _lesson(session: Session, user: t.CurrentUser, lesson_id: int) -> m.Lesson:
    require_staff(user)
    lesson = session.get(m.Lesson, lesson_id)
    if lesson is None or lesson.organisation_id != user.organisation_id:
        raise NotFound("Урок не найден в расписании.")
    if not _keeps_journal(user, lesson):
        raise PermissionDenied("Журнал урока ведет его учитель.")
    return lesson


def _topic(row: m.KtpTopic) -> t.KtpTopic:
    return t.KtpTopic(
        id=row.id,
        group_id=row.group_id,
        subject_id=row.subject_id,
        number=row.number,
        title=row.title,
        hours=row.hours,
    )


def _bound_elsewhere(lesson: m.Lesson) -> Subquery:
    """How many other lessons each КТП topic is bound to."""
    return (
        select(m.LessonRecord.ktp_topic_id, func.count().label("lessons"))
        .where(m.LessonRecord.ktp_topic_id.is_not(None), m.LessonRecord.lesson_id != lesson.id)
        .group_by(m.LessonRecord.ktp_topic_id)
        .subquery()
    )


def _suggested_topic(session: Session, lesson: m.Lesson) -> int | None:
    """The first topic of the group's КТП in this subject that still has hours left: a topic
    of N hours is taught in N lessons."""
    bound = _bound_elsewhere(lesson)
    return session.scalar(
        select(m.KtpTopic.id)
        .outerjoin(bound, bound.c.ktp_topic_id == m.KtpTopic.id)
        .where(
            m.KtpTopic.group_id == lesson.group_id,
            m.KtpTopic.subject_id == lesson.subject_id,
            func.coalesce(bound.c.lessons, 0) < m.KtpTopic.hours,
        )
        .order_by(m.KtpTopic.number)
        .limit(1)
    )


def _topic_taken_by(session: Session, lesson: m.Lesson, topic: m.KtpTopic) -> str | None:
    """Why `topic` cannot be bound to `lesson`: its hours are taken by other lessons."""
    others = session.execute(
        select(m.Lesson.date, m.Lesson.number)
        .join(m.LessonRecord, m.LessonRecord.lesson_id == m.Lesson.id)
        .where(m.LessonRecord.ktp_topic_id == topic.id, m.Lesson.id != lesson.id)
        .order_by(m.Lesson.date, m.Lesson.number)
    ).all()
    if len(others) < topic.hours:
        return None
    lessons = ", ".join(f"{day:%d.%m.%Y} ({number} урок)" for day, number in others)
    where = "уроку" if len(others) == 1 else "урокам"
    return f"Тема уже привязана к {where} {lessons}. Выберите другую тему."


def _view(session: Session, user: t.CurrentUser, lesson: m.Lesson) -> t.LessonRecord:
    record = session.get(m.LessonRecord, lesson.id)
    (as_listed,) = [
        item
        for item in timetable.timetable(
            session,
            user,
            lesson.date,
            lesson.date,
            teacher_id=None,
            class_id=None,
            group_id=lesson.group_id,
        )
        if item.id == lesson.id
    ]
    topic = (
        session.get(m.KtpTopic, record.ktp_topic_id)
        if record is not None and record.ktp_topic_id is not None
        else None
    )
    return t.LessonRecord(
        lesson=as_listed,
        topic=_topic(topic) if topic is not None else None,
        work_type=record.work_type if record is not None else None,
        conducted=record.conducted if record is not None else False,
        version=record.version if record is not None else 0,
        suggested_topic_id=_suggested_topic(session, lesson),
        can_edit=_keeps_journal(user, lesson),
    )


@declare(Http("GET", "/lessons/{lesson_id}/record"))
def lesson_record(session: Session, user: t.CurrentUser, lesson_id: int) -> t.LessonRecord:
    return _view(session, user, _lesson(session, user, lesson_id))


@declare(
    Http("PUT", "/lessons/{change.lesson_id}/record", body="change", limits={"work_type": 100}),
    changes={Topic.LESSON_RECORDS},
)
def save_lesson_record(
    session: Session, user: t.CurrentUser, clock: Clock, change: t.LessonRecordUpdate
) -> t.LessonRecord:
    lesson = _lesson(session, user, change.lesson_id)
    record = session.get(m.LessonRecord, lesson.id)
    errors: dict[str, str] = {}
    # Rules apply to what this save changes: an old record keeps saving its other fields.
    topic_changes = change.topic_id != (record.ktp_topic_id if record is not None else None)
    if change.topic_id is not None and topic_changes:
        topic = session.get(m.KtpTopic, change.topic_id)
        if (
            topic is None
            or topic.group_id != lesson.group_id
            or topic.subject_id != lesson.subject_id
        ):
            errors["topic_id"] = "Выберите тему из КТП группы по этому предмету."
        elif (taken := _topic_taken_by(session, lesson, topic)) is not None:
            errors["topic_id"] = taken
    if change.work_type is not None and change.work_type not in t.WORK_TYPES:
        errors["work_type"] = "Выберите вид работы из списка."
    newly_conducted = change.conducted and not (record is not None and record.conducted)
    if newly_conducted and lesson.date > clock.now().date():
        errors["conducted"] = "Урок еще не наступил: отметить его проведенным можно в день урока."
    if errors:
        raise ValidationFailed(next(iter(errors.values())), errors)
    now = utc_naive(clock.now())
    if record is None:
        if change.version != 0:
            raise Conflict(STALE)
        record = m.LessonRecord(
            lesson_id=lesson.id,
            organisation_id=lesson.organisation_id,
            ktp_topic_id=change.topic_id,
            work_type=change.work_type,
            conducted=change.conducted,
            version=1,
            updated_at=now,
        )
        session.add(record)
        try:
            session.flush()
        except IntegrityError as error:  # saved on another PC at the same moment
            raise Conflict(STALE) from error
    else:
        # The version check and the write are one statement: two saves cannot both pass it.
        claimed = session.execute(
            update(m.LessonRecord)
            .where(m.LessonRecord.lesson_id == lesson.id, m.LessonRecord.version == change.version)
            .values(
                ktp_topic_id=change.topic_id,
                work_type=change.work_type,
                conducted=change.conducted,
                version=m.LessonRecord.version + 1,
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:
            raise Conflict(STALE)
        session.expire(record)
    session.flush()
    return _view(session, user, lesson)
