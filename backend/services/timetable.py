"""The timetable and the КТП (calendar-thematic plan)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from backend.contract import types as t
from backend.contract.errors import NotFound, PermissionDenied, ValidationFailed
from backend.operations import Http, declare
from backend.schema import models as m
from backend.services.access import require_staff
from backend.services.text import full_name

MAX_TIMETABLE_DAYS = 62

_TEACHER = aliased(m.Person, name="teacher_person")


def _visible_class_ids(session: Session, user: t.CurrentUser) -> set[int] | None:
    """Classes whose timetable the user may see; None means every class of the organisation."""
    if user.has(t.Role.EMPLOYEE):
        return None
    ids: set[int] = set()
    if user.student_id is not None:
        ids.update(
            session.scalars(
                select(m.Student.class_id).where(
                    m.Student.id == user.student_id, m.Student.class_id.is_not(None)
                )
            )
        )
    if user.parent_id is not None:
        ids.update(
            session.scalars(
                select(m.Student.class_id)
                .join(m.ParentChild, m.ParentChild.student_id == m.Student.id)
                .where(
                    m.ParentChild.parent_id == user.parent_id,
                    m.Student.status == t.StudentStatus.ENROLLED,
                    m.Student.class_id.is_not(None),
                )
            )
        )
    return ids


@declare(Http("GET", "/timetable"))
def timetable(
    session: Session,
    user: t.CurrentUser,
    date_from: dt.date,
    date_to: dt.date,
    *,
    teacher_id: int | None = None,
    class_id: int | None = None,
    group_id: int | None = None,
) -> list[t.Lesson]:
    if date_to < date_from:
        raise ValidationFailed(
            "Дата окончания периода раньше даты начала.",
            {"date_to": "Раньше даты начала."},
        )
    if (date_to - date_from).days >= MAX_TIMETABLE_DAYS:
        raise ValidationFailed(
            f"Период расписания не может быть длиннее {MAX_TIMETABLE_DAYS} дней.",
            {"date_to": "Слишком длинный период."},
        )
    visible = _visible_class_ids(session, user)
    if visible is not None and (class_id is not None and class_id not in visible):
        raise PermissionDenied()
    stmt = (
        select(
            m.Lesson,
            m.Group.name,
            m.SchoolClass.id,
            m.SchoolClass.name,
            m.Subject.name,
            _TEACHER,
            m.LessonRecord.conducted,
            m.KtpTopic.number,
            m.KtpTopic.title,
        )
        .join(m.Group, m.Group.id == m.Lesson.group_id)
        .outerjoin(m.LessonRecord, m.LessonRecord.lesson_id == m.Lesson.id)
        .outerjoin(m.KtpTopic, m.KtpTopic.id == m.LessonRecord.ktp_topic_id)
        .join(m.SchoolClass, m.SchoolClass.id == m.Group.class_id)
        .join(m.Subject, m.Subject.id == m.Lesson.subject_id)
        .outerjoin(m.Employee, m.Employee.id == m.Lesson.teacher_id)
        .outerjoin(_TEACHER, _TEACHER.id == m.Employee.person_id)
        .where(
            m.Lesson.organisation_id == user.organisation_id,
            m.Lesson.date >= date_from,
            m.Lesson.date <= date_to,
        )
        .order_by(
            m.Lesson.date,
            m.Lesson.number,
            m.SchoolClass.grade,
            m.SchoolClass.letter,
            m.Group.name,
        )
    )
    if visible is not None:
        if not visible:
            return []
        stmt = stmt.where(m.SchoolClass.id.in_(visible))
        if user.student_id is not None and not user.has(t.Role.PARENT):
            # A student sees the whole-class lessons and only their own sub-groups.
            stmt = stmt.where(
                or_(
                    m.Group.kind == t.GroupKind.CLASS,
                    m.Group.id.in_(
                        select(m.GroupStudent.group_id).where(
                            m.GroupStudent.student_id == user.student_id
                        )
                    ),
                )
            )
    if teacher_id is not None:
        stmt = stmt.where(m.Lesson.teacher_id == teacher_id)
    if class_id is not None:
        stmt = stmt.where(m.SchoolClass.id == class_id)
    if group_id is not None:
        stmt = stmt.where(m.Lesson.group_id == group_id)
    return [
        t.Lesson(
            id=lesson.id,
            date=lesson.date,
            number=lesson.number,
            starts_at=lesson.starts_at,
            ends_at=lesson.ends_at,
            group_id=lesson.group_id,
            group_name=group_name,
            class_id=class_id_,
            class_name=class_name,
            subject_id=lesson.subject_id,
            subject_name=subject_name,
            teacher_id=lesson.teacher_id,
            teacher_name=(
                full_name(teacher.last_name, teacher.first_name, teacher.middle_name)
                if teacher
                else None
            ),
            conducted=bool(conducted),
            topic=f"{topic_number}. {topic_title}" if topic_title is not None else None,
        )
        for (
            lesson,
            group_name,
            class_id_,
            class_name,
            subject_name,
            teacher,
            conducted,
            topic_number,
            topic_title,
        ) in session.execute(stmt).all()
    ]


@declare(Http("GET", "/ktp-topics"))
def list_ktp_topics(
    session: Session, user: t.CurrentUser, group_id: int, subject_id: int
) -> list[t.KtpTopic]:
    require_staff(user)
    organisation_id = session.scalar(select(m.Group.organisation_id).where(m.Group.id == group_id))
    if organisation_id != user.organisation_id:
        raise NotFound("Группа не найдена.")
    rows = session.scalars(
        select(m.KtpTopic)
        .where(m.KtpTopic.group_id == group_id, m.KtpTopic.subject_id == subject_id)
        .order_by(m.KtpTopic.number)
    ).all()
    return [
        t.KtpTopic(
            id=row.id,
            group_id=row.group_id,
            subject_id=row.subject_id,
            number=row.number,
            title=row.title,
            hours=row.hours,
        )
        for row in rows
    ]
