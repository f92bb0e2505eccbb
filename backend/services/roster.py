"""Read queries over the school roster: staff, classes, subjects, groups, students, parents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from backend.contract import types as t
from backend.contract.errors import NotFound, ValidationFailed
from backend.operations import Http, declare
from backend.schema import models as m
from backend.services.access import require_staff
from backend.services.paging import SortColumns, fetch_page, search_condition
from backend.services.text import full_name

_TEACHER = aliased(m.Person, name="teacher_person")


# The columns each list can be sorted by, under the names clients use.
STAFF_SORT: dict[str, SortColumns] = {
    "full_name": m.Person.search_key,
    "position": m.Employee.position,
    "position_type": m.Employee.position_type,
    "hired_on": m.Employee.hired_on,
    "login": m.Account.login,
    "blocked": m.Account.blocked,
}
STUDENT_SORT: dict[str, SortColumns] = {
    "full_name": m.Person.search_key,
    "class_name": (m.SchoolClass.grade, m.SchoolClass.letter),
    "birth_date": m.Person.birth_date,
    "status": m.Student.status,
    "left_on": m.Student.left_on,
    "login": m.Account.login,
    "blocked": m.Account.blocked,
}
PARENT_SORT: dict[str, SortColumns] = {
    "full_name": m.Person.search_key,
    "phone": m.Person.phone,
    "login": m.Account.login,
    "blocked": m.Account.blocked,
}


def _name(person: m.Person | None) -> str | None:
    if person is None:
        return None
    return full_name(person.last_name, person.first_name, person.middle_name)


@declare(Http("GET", "/staff", sort=tuple(STAFF_SORT)))
def list_staff(
    session: Session,
    user: t.CurrentUser,
    page: t.PageRequest,
    *,
    include_dismissed: bool = False,
) -> t.Page[t.StaffMember]:
    require_staff(user)
    stmt = (
        select(m.Employee, m.Person, m.Account.login, m.Account.blocked)
        .join(m.Person, m.Person.id == m.Employee.person_id)
        .outerjoin(m.Account, m.Account.person_id == m.Person.id)
        .where(m.Employee.organisation_id == user.organisation_id)
    )
    if not include_dismissed:
        stmt = stmt.where(m.Employee.dismissed_on.is_(None))
    if (condition := search_condition(page, m.Person.search_key)) is not None:
        stmt = stmt.where(condition)
    rows, total = fetch_page(
        session,
        stmt,
        page,
        sort_keys=STAFF_SORT,
        default_sort=[m.Person.search_key],
        tiebreaker=m.Employee.id,
    )
    items = tuple(
        t.StaffMember(
            id=employee.id,
            person_id=person.id,
            full_name=_name(person) or "",
            position=employee.position,
            position_type=employee.position_type,
            hired_on=employee.hired_on,
            dismissed_on=employee.dismissed_on,
            login=login,
            blocked=bool(blocked),
            phone=person.phone,
        )
        for employee, person, login, blocked in rows
    )
    return t.Page(items=items, total=total, offset=page.offset)


def _enrolled_counts(session: Session, organisation_id: int) -> dict[int, int]:
    rows = session.execute(
        select(m.Student.class_id, func.count())
        .where(
            m.Student.organisation_id == organisation_id,
            m.Student.status == t.StudentStatus.ENROLLED,
        )
        .group_by(m.Student.class_id)
    ).all()
    return {class_id: count for class_id, count in rows if class_id is not None}


@declare(Http("GET", "/classes"))
def list_classes(session: Session, user: t.CurrentUser) -> list[t.SchoolClass]:
    require_staff(user)
    counts = _enrolled_counts(session, user.organisation_id)
    rows = session.execute(
        select(m.SchoolClass, _TEACHER)
        .outerjoin(m.Employee, m.Employee.id == m.SchoolClass.class_teacher_id)
        .outerjoin(_TEACHER, _TEACHER.id == m.Employee.person_id)
        .where(m.SchoolClass.organisation_id == user.organisation_id)
        .order_by(m.SchoolClass.grade, m.SchoolClass.letter)
    ).all()
    return [
        t.SchoolClass(
            id=school_class.id,
            name=school_class.name,
            grade=school_class.grade,
            letter=school_class.letter,
            class_teacher_id=school_class.class_teacher_id,
            class_teacher_name=_name(teacher),
            student_count=counts.get(school_class.id, 0),
        )
        for school_class, teacher in rows
    ]


@declare(Http("GET", "/subjects"))
def list_subjects(session: Session, user: t.CurrentUser) -> list[t.Subject]:
    require_staff(user)
    rows = session.execute(
        select(m.Subject.id, m.Subject.name)
        .where(m.Subject.organisation_id == user.organisation_id)
        .order_by(m.Subject.name)
    ).all()
    return [t.Subject(id=r.id, name=r.name) for r in rows]


@declare(Http("GET", "/groups"))
def list_groups(
    session: Session, user: t.CurrentUser, *, class_id: int | None = None
) -> list[t.Group]:
    require_staff(user)
    class_counts = _enrolled_counts(session, user.organisation_id)
    subgroup_counts = dict(
        session.execute(
            select(m.GroupStudent.group_id, func.count())
            .join(m.Student, m.Student.id == m.GroupStudent.student_id)
            .where(
                m.Student.organisation_id == user.organisation_id,
                m.Student.status == t.StudentStatus.ENROLLED,
            )
            .group_by(m.GroupStudent.group_id)
        ).all()
    )
    stmt = (
        select(m.Group, m.SchoolClass.name, m.Subject.name, _TEACHER)
        .join(m.SchoolClass, m.SchoolClass.id == m.Group.class_id)
        .join(m.Subject, m.Subject.id == m.Group.subject_id)
        .outerjoin(m.Employee, m.Employee.id == m.Group.teacher_id)
        .outerjoin(_TEACHER, _TEACHER.id == m.Employee.person_id)
        .where(m.Group.organisation_id == user.organisation_id)
        .order_by(m.SchoolClass.grade, m.SchoolClass.letter, m.Subject.name, m.Group.name)
    )
    if class_id is not None:
        stmt = stmt.where(m.Group.class_id == class_id)
    return [
        t.Group(
            id=group.id,
            name=group.name,
            kind=group.kind,
            class_id=group.class_id,
            class_name=class_name,
            subject_id=group.subject_id,
            subject_name=subject_name,
            teacher_id=group.teacher_id,
            teacher_name=_name(teacher),
            student_count=(
                class_counts.get(group.class_id, 0)
                if group.kind is t.GroupKind.CLASS
                else subgroup_counts.get(group.id, 0)
            ),
        )
        for group, class_name, subject_name, teacher in session.execute(stmt).all()
    ]


def _parents_of(session: Session, student_ids: Iterable[int]) -> dict[int, list[t.ParentRef]]:
    result: dict[int, list[t.ParentRef]] = defaultdict(list)
    ids = list(student_ids)
    if not ids:
        return result
    rows = session.execute(
        select(m.ParentChild.student_id, m.ParentChild.relation, m.Parent.id, m.Person)
        .join(m.Parent, m.Parent.id == m.ParentChild.parent_id)
        .join(m.Person, m.Person.id == m.Parent.person_id)
        .where(m.ParentChild.student_id.in_(ids))
        .order_by(m.ParentChild.student_id, m.Person.search_key)
    ).all()
    for student_id, relation, parent_id, person in rows:
        result[student_id].append(
            t.ParentRef(parent_id=parent_id, full_name=_name(person) or "", relation=relation)
        )
    return result


@declare(Http("GET", "/students", sort=tuple(STUDENT_SORT), query_names={"statuses": "status"}))
def list_students(
    session: Session,
    user: t.CurrentUser,
    page: t.PageRequest,
    *,
    class_id: int | None = None,
    statuses: Sequence[t.StudentStatus] = (t.StudentStatus.ENROLLED,),
    include_restored: bool = False,
) -> t.Page[t.Student]:
    require_staff(user)
    if not statuses:
        raise ValidationFailed("Не выбран ни один статус ученика.", {"statuses": "Пустой список."})
    if class_id is not None and _class_of_organisation(session, class_id) != user.organisation_id:
        raise NotFound("Класс не найден.")
    wanted = m.Student.status.in_(list(statuses))
    if include_restored:
        wanted = or_(wanted, m.Student.restored_from_status.is_not(None))
    stmt = (
        select(m.Student, m.Person, m.SchoolClass.name, m.Account.login, m.Account.blocked)
        .join(m.Person, m.Person.id == m.Student.person_id)
        .outerjoin(m.SchoolClass, m.SchoolClass.id == m.Student.class_id)
        .outerjoin(m.Account, m.Account.person_id == m.Person.id)
        .where(m.Student.organisation_id == user.organisation_id, wanted)
    )
    # Without a search, the students alone tell how many there are.
    count_stmt = select(m.Student.id).where(
        m.Student.organisation_id == user.organisation_id, wanted
    )
    if class_id is not None:
        stmt = stmt.where(m.Student.class_id == class_id)
        count_stmt = count_stmt.where(m.Student.class_id == class_id)
    if (condition := search_condition(page, m.Person.search_key)) is not None:
        stmt = stmt.where(condition)
    rows, total = fetch_page(
        session,
        stmt,
        page,
        sort_keys=STUDENT_SORT,
        default_sort=[m.Person.search_key],
        tiebreaker=m.Student.id,
        count_stmt=count_stmt if condition is None else None,
    )
    parents = _parents_of(session, (student.id for student, *_ in rows))
    items = tuple(
        t.Student(
            id=student.id,
            person_id=person.id,
            full_name=_name(person) or "",
            birth_date=person.birth_date,
            class_id=student.class_id,
            class_name=class_name,
            status=student.status,
            login=login,
            blocked=bool(blocked),
            parents=tuple(parents.get(student.id, ())),
            left_on=student.left_on,
            restored=student.restored_from_status is not None,
        )
        for student, person, class_name, login, blocked in rows
    )
    return t.Page(items=items, total=total, offset=page.offset)


def _class_of_organisation(session: Session, class_id: int) -> int | None:
    return session.scalar(select(m.SchoolClass.organisation_id).where(m.SchoolClass.id == class_id))


@declare(Http("GET", "/parents", sort=tuple(PARENT_SORT)))
def list_parents(session: Session, user: t.CurrentUser, page: t.PageRequest) -> t.Page[t.Parent]:
    require_staff(user)
    stmt = (
        select(m.Parent, m.Person, m.Account.login, m.Account.blocked)
        .join(m.Person, m.Person.id == m.Parent.person_id)
        .outerjoin(m.Account, m.Account.person_id == m.Person.id)
        .where(m.Parent.organisation_id == user.organisation_id)
    )
    if (condition := search_condition(page, m.Person.search_key)) is not None:
        stmt = stmt.where(condition)
    rows, total = fetch_page(
        session,
        stmt,
        page,
        sort_keys=PARENT_SORT,
        default_sort=[m.Person.search_key],
        tiebreaker=m.Parent.id,
        count_stmt=(
            select(m.Parent.id).where(m.Parent.organisation_id == user.organisation_id)
            if condition is None
            else None
        ),
    )
    children: dict[int, list[t.ChildRef]] = defaultdict(list)
    parent_ids = [parent.id for parent, *_ in rows]
    if parent_ids:
        child_rows = session.execute(
            select(
                m.ParentChild.parent_id,
                m.ParentChild.relation,
                m.Student.id,
                m.Person,
                m.SchoolClass.name,
            )
            .join(m.Student, m.Student.id == m.ParentChild.student_id)
            .join(m.Person, m.Person.id == m.Student.person_id)
            .outerjoin(m.SchoolClass, m.SchoolClass.id == m.Student.class_id)
            .where(m.ParentChild.parent_id.in_(parent_ids))
            .order_by(m.ParentChild.parent_id, m.Person.search_key)
        ).all()
        for parent_id, relation, student_id, person, class_name in child_rows:
            children[parent_id].append(
                t.ChildRef(
                    student_id=student_id,
                    full_name=_name(person) or "",
                    class_name=class_name,
                    relation=relation,
                )
            )
    items = tuple(
        t.Parent(
            id=parent.id,
            person_id=person.id,
            full_name=_name(person) or "",
            phone=person.phone,
            login=login,
            blocked=bool(blocked),
            children=tuple(children.get(parent.id, ())),
        )
        for parent, person, login, blocked in rows
    )
    return t.Page(items=items, total=total, offset=page.offset)
