"""Roster events: enrolment, expulsion, transfer, restoration and its cancellation, hiring,
dismissal, parents linked to children, class and group teachers replaced.

Each runs in one transaction with the changes of the Sferum chats it affects (and the outbox
entries telling MAX), so the chats never disagree with the roster.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from backend.clock import Clock
from backend.contract import types as t
from backend.contract.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from backend.contract.phones import PHONE_FORMAT_MESSAGE, normalize_mobile
from backend.operations import Http, Topic, declare
from backend.schema import models as m
from backend.services import chats, roster
from backend.services.paging import MAX_SEARCH_LENGTH
from backend.services.text import search_key

ENROLLED = t.StudentStatus.ENROLLED
NAME_LENGTH = 100
LOGIN_BASE_LENGTH = 90  # accounts.login holds 100 characters; room for a numeric suffix
RELATIONS = ("Мать", "Отец", "Опекун")
# What each kind of roster event changes: the people, the classes' counts and teachers, and
# the default chats' membership.
STUDENT_CHANGES = {Topic.STUDENTS, Topic.PARENTS, Topic.CLASSES, Topic.CHATS}
PARENT_CHANGES = {Topic.PARENTS, Topic.STUDENTS, Topic.CHATS}
STAFF_CHANGES = {Topic.STAFF, Topic.CLASSES, Topic.CHATS}
TEACHER_CHANGES = {Topic.CLASSES, Topic.CHATS}


def _require_roster_editor(user: t.CurrentUser) -> None:
    if not user.has(t.Role.ORG_ADMIN, t.Role.ADMINISTRATION):
        raise PermissionDenied(
            "Изменять состав организации могут администрация и администратор организации."
        )


def _today(clock: Clock) -> dt.date:
    return clock.now().date()


def _class_chats(
    session: Session, organisation_id: int, class_ids: Iterable[int]
) -> list[m.SferumChat]:
    """Every chat whose members depend on these classes: class, parents' and subject chats."""
    ids = [class_id for class_id in class_ids if class_id is not None]
    if not ids:
        return []
    return list(
        session.scalars(
            select(m.SferumChat).where(
                m.SferumChat.organisation_id == organisation_id,
                m.SferumChat.class_id.in_(ids),
            )
        )
    )


def _chats_with(
    session: Session, organisation_id: int, person_ids: Iterable[int]
) -> list[m.SferumChat]:
    return list(
        session.scalars(
            select(m.SferumChat)
            .join(m.SferumChatMember, m.SferumChatMember.chat_id == m.SferumChat.id)
            .where(
                m.SferumChat.organisation_id == organisation_id,
                m.SferumChatMember.person_id.in_(list(person_ids)),
            )
            .distinct()
        )
    )


def _teachers_chat(session: Session, organisation_id: int) -> list[m.SferumChat]:
    return list(
        session.scalars(
            select(m.SferumChat).where(
                m.SferumChat.organisation_id == organisation_id,
                m.SferumChat.kind == t.ChatKind.TEACHERS,
            )
        )
    )


def _update(
    session: Session,
    clock: Clock,
    user: t.CurrentUser,
    chat_rows: Iterable[m.SferumChat],
    forget: Iterable[tuple[int, t.ParticipantKind]] = (),
) -> None:
    unique = {chat.id: chat for chat in chat_rows}
    chats.update_chats(
        session,
        clock,
        sorted(unique.values(), key=lambda c: c.id),
        chat_admin=chats.chat_admin_person(session, user.organisation_id),
        forget=forget,
    )


def _student(session: Session, user: t.CurrentUser, student_id: int) -> m.Student:
    student = session.get(m.Student, student_id)
    if student is None or student.organisation_id != user.organisation_id:
        raise NotFound("Ученик не найден.")
    return student


def _school_class(session: Session, user: t.CurrentUser, class_id: int | None) -> m.SchoolClass:
    school_class = session.get(m.SchoolClass, class_id) if class_id is not None else None
    if school_class is None or school_class.organisation_id != user.organisation_id:
        raise ValidationFailed("Выберите класс.", {"class_id": "Выберите класс организации."})
    return school_class


def _search_for(person: m.Person) -> str:
    """A search that finds the person: their search key, cut to what a list accepts."""
    return person.search_key[:MAX_SEARCH_LENGTH]


def _student_view(session: Session, user: t.CurrentUser, student_id: int) -> t.Student:
    session.flush()
    student = session.get_one(m.Student, student_id)
    statuses = (t.StudentStatus.ENROLLED, t.StudentStatus.EXPELLED, t.StudentStatus.GRADUATED)
    page = roster.list_students(
        session,
        user,
        t.PageRequest(limit=1000, search=_search_for(student.person)),
        class_id=None,
        statuses=statuses,
    )
    for item in page.items:
        if item.id == student_id:
            return item
    raise NotFound("Ученик не найден.")


def _parents_persons(session: Session, student_ids: Iterable[int]) -> list[int]:
    return list(
        session.scalars(
            select(m.Parent.person_id)
            .join(m.ParentChild, m.ParentChild.parent_id == m.Parent.id)
            .where(m.ParentChild.student_id.in_(list(student_ids)))
        )
    )


def _check_name(
    errors: dict[str, str], field: str, value: str, label: str, *, required: bool = True
) -> str:
    text = " ".join(value.split())
    if not text and required:
        errors[field] = f"Укажите {label}."
    elif len(text) > NAME_LENGTH:
        errors[field] = f"Не длиннее {NAME_LENGTH} символов."
    return text


def _new_person(
    session: Session,
    organisation_id: int,
    last: str,
    first: str,
    middle: str,
    *,
    birth_date: dt.date | None = None,
    phone: str | None = None,
) -> m.Person:
    person = m.Person(
        organisation_id=organisation_id,
        last_name=last,
        first_name=first,
        middle_name=middle,
        birth_date=birth_date,
        phone=phone,
        search_key=search_key(last, first, middle),
    )
    session.add(person)
    session.flush()
    return person


# --- students -------------------------------------------------------------------------------
@declare(Http("POST", "/students", body="new_student", status=201), changes=STUDENT_CHANGES)
def enrol_student(
    session: Session, user: t.CurrentUser, clock: Clock, new_student: t.NewStudent
) -> t.Student:
    _require_roster_editor(user)
    errors: dict[str, str] = {}
    last = _check_name(errors, "last_name", new_student.last_name, "фамилию")
    first = _check_name(errors, "first_name", new_student.first_name, "имя")
    middle = _check_name(errors, "middle_name", new_student.middle_name, "отчество", required=False)
    if new_student.birth_date is not None and new_student.birth_date > _today(clock):
        errors["birth_date"] = "Дата рождения не может быть в будущем."
    try:
        school_class = _school_class(session, user, new_student.class_id)
    except ValidationFailed as error:
        errors.update(error.field_errors)
    if errors:
        raise ValidationFailed("Проверьте правильность заполнения полей.", errors)
    person = _new_person(
        session, user.organisation_id, last, first, middle, birth_date=new_student.birth_date
    )
    student = m.Student(
        organisation_id=user.organisation_id,
        person_id=person.id,
        class_id=school_class.id,
        status=ENROLLED,
        enrolled_on=new_student.enrolled_on or _today(clock),
    )
    session.add(student)
    session.flush()
    _update(session, clock, user, _class_chats(session, user.organisation_id, [school_class.id]))
    return _student_view(session, user, student.id)


@declare(Http("POST", "/students/{student_id}/expel"), changes=STUDENT_CHANGES)
def expel_student(
    session: Session, user: t.CurrentUser, clock: Clock, student_id: int
) -> t.Student:
    _require_roster_editor(user)
    student = _student(session, user, student_id)
    if student.status is not ENROLLED:
        raise Conflict("Ученик уже отчислен или выпущен.")
    student.status = t.StudentStatus.EXPELLED
    student.left_on = _today(clock)
    student.restored_from_status, student.restored_left_on = None, None
    student.restored_from_class_id = None
    session.execute(delete(m.GroupStudent).where(m.GroupStudent.student_id == student.id))
    session.flush()
    # Out of every chat as a student, those they were added to by hand included.
    affected = _class_chats(session, user.organisation_id, [student.class_id])
    affected += _chats_with(session, user.organisation_id, [student.person_id])
    _update(
        session,
        clock,
        user,
        affected,
        forget=[(student.person_id, t.ParticipantKind.STUDENT)],
    )
    return _student_view(session, user, student.id)


@declare(
    Http("POST", "/students/transfer", body=("student_ids", "class_id")),
    changes=STUDENT_CHANGES,
)
def transfer_students(
    session: Session,
    user: t.CurrentUser,
    clock: Clock,
    student_ids: Sequence[int],
    class_id: int,
) -> list[t.Student]:
    """Move students to another class; they leave the old class's sub-groups."""
    _require_roster_editor(user)
    target = _school_class(session, user, class_id)
    if not student_ids:
        raise ValidationFailed("Не выбран ни один ученик.", {"student_ids": "Пусто."})
    students = [_student(session, user, student_id) for student_id in dict.fromkeys(student_ids)]
    if any(student.status is not ENROLLED for student in students):
        raise Conflict("Перевести можно только обучающихся учеников.")
    former = {student.class_id for student in students}
    moving = [student.id for student in students if student.class_id != target.id]
    for student in students:
        if student.class_id != target.id:
            student.class_id = target.id
            student.restored_from_status, student.restored_left_on = None, None
            student.restored_from_class_id = None
    if moving:
        session.execute(delete(m.GroupStudent).where(m.GroupStudent.student_id.in_(moving)))
    session.flush()
    _update(
        session,
        clock,
        user,
        _class_chats(session, user.organisation_id, former | {target.id}),
    )
    session.flush()
    in_class = roster.list_students(
        session,
        user,
        t.PageRequest(limit=t.MAX_PAGE_SIZE),
        class_id=target.id,
        statuses=(ENROLLED,),
    )
    by_id = {item.id: item for item in in_class.items}
    return [by_id.get(s.id) or _student_view(session, user, s.id) for s in students]


@declare(
    Http("POST", "/students/{student_id}/restore", body=("class_id",)),
    changes=STUDENT_CHANGES,
)
def restore_student(
    session: Session,
    user: t.CurrentUser,
    clock: Clock,
    student_id: int,
    class_id: int | None = None,
) -> t.Student:
    """Back from «Выпускники и отчисленные» into a class (by default the last one)."""
    _require_roster_editor(user)
    student = _student(session, user, student_id)
    if student.status is ENROLLED:
        raise Conflict("Ученик уже обучается.")
    target = _school_class(session, user, class_id if class_id is not None else student.class_id)
    former_class = student.class_id
    student.restored_from_status = student.status.value
    student.restored_left_on = student.left_on
    student.restored_from_class_id = student.class_id
    student.status, student.left_on = ENROLLED, None
    student.class_id = target.id
    session.flush()
    _update(
        session,
        clock,
        user,
        _class_chats(session, user.organisation_id, {target.id, former_class}),
    )
    return _student_view(session, user, student.id)


@declare(
    Http("POST", "/students/{student_id}/cancel-restoration"),
    changes=STUDENT_CHANGES,
)
def cancel_restoration(
    session: Session, user: t.CurrentUser, clock: Clock, student_id: int
) -> t.Student:
    _require_roster_editor(user)
    student = _student(session, user, student_id)
    if student.status is not ENROLLED or student.restored_from_status is None:
        raise Conflict("Восстановление этого ученика нельзя отменить.")
    student.status = t.StudentStatus(student.restored_from_status)
    student.left_on = student.restored_left_on
    restored_into = student.class_id
    student.class_id = student.restored_from_class_id
    student.restored_from_status, student.restored_left_on = None, None
    student.restored_from_class_id = None
    session.execute(delete(m.GroupStudent).where(m.GroupStudent.student_id == student.id))
    session.flush()
    # The student and their parents leave every chat they were put in; a parent who is in a
    # chat through another child comes back by the rules.
    people = [(student.person_id, t.ParticipantKind.STUDENT)] + [
        (parent, t.ParticipantKind.PARENT) for parent in _parents_persons(session, [student.id])
    ]
    affected = _chats_with(session, user.organisation_id, [person for person, _ in people])
    affected += _class_chats(session, user.organisation_id, [restored_into])
    _update(session, clock, user, affected, forget=people)
    return _student_view(session, user, student.id)


# --- parents ------------------------------------------------------------------------------------
def _parent(session: Session, user: t.CurrentUser, parent_id: int) -> m.Parent:
    parent = session.get(m.Parent, parent_id)
    if parent is None or parent.organisation_id != user.organisation_id:
        raise NotFound("Родитель не найден.")
    return parent


def _parent_view(session: Session, user: t.CurrentUser, parent_id: int) -> t.Parent:
    session.flush()
    parent = session.get_one(m.Parent, parent_id)
    page = roster.list_parents(
        session, user, t.PageRequest(limit=1000, search=_search_for(parent.person))
    )
    for item in page.items:
        if item.id == parent_id:
            return item
    raise NotFound("Родитель не найден.")


@declare(
    Http("PUT", "/parents/{parent_id}/children/{student_id}", body=("relation",)),
    changes=PARENT_CHANGES,
)
def link_parent(
    session: Session,
    user: t.CurrentUser,
    clock: Clock,
    parent_id: int,
    student_id: int,
    relation: str,
) -> t.Parent:
    _require_roster_editor(user)
    parent = _parent(session, user, parent_id)
    student = _student(session, user, student_id)
    relation = relation.strip()
    if relation not in RELATIONS:
        raise ValidationFailed(
            "Выберите, кем родитель приходится ученику.",
            {"relation": "Выберите: " + ", ".join(RELATIONS) + "."},
        )
    if session.get(m.ParentChild, (parent.id, student.id)) is not None:
        raise Conflict("Родитель уже связан с этим учеником.")
    session.add(m.ParentChild(parent_id=parent.id, student_id=student.id, relation=relation))
    session.flush()
    _update(session, clock, user, _class_chats(session, user.organisation_id, [student.class_id]))
    return _parent_view(session, user, parent.id)


@declare(
    Http("DELETE", "/parents/{parent_id}/children/{student_id}"),
    changes=PARENT_CHANGES,
)
def unlink_parent(
    session: Session, user: t.CurrentUser, clock: Clock, parent_id: int, student_id: int
) -> t.Parent:
    _require_roster_editor(user)
    parent = _parent(session, user, parent_id)
    student = _student(session, user, student_id)
    link = session.get(m.ParentChild, (parent.id, student.id))
    if link is None:
        raise NotFound("Родитель не связан с этим учеником.")
    session.delete(link)
    session.flush()
    _update(session, clock, user, _class_chats(session, user.organisation_id, [student.class_id]))
    return _parent_view(session, user, parent.id)


# --- staff --------------------------------------------------------------------------------
def _staff_view(session: Session, user: t.CurrentUser, employee_id: int) -> t.StaffMember:
    session.flush()
    employee = session.get_one(m.Employee, employee_id)
    page = roster.list_staff(
        session,
        user,
        t.PageRequest(limit=1000, search=_search_for(employee.person)),
        include_dismissed=True,
    )
    for item in page.items:
        if item.id == employee_id:
            return item
    raise NotFound("Сотрудник не найден.")


def _login_for(session: Session, organisation_id: int, last: str, first: str) -> str:
    from backend.demo.names import transliterate

    base = transliterate(f"{last}.{first[:1]}").lower()[:LOGIN_BASE_LENGTH] or "user"
    taken = set(
        session.scalars(
            select(m.Account.login).where(
                m.Account.organisation_id == organisation_id, m.Account.login.startswith(base)
            )
        )
    )
    login, suffix = base, 1
    while login in taken:
        suffix += 1
        login = f"{base}{suffix}"
    return login


@declare(
    Http("POST", "/staff", body="new_employee", status=201, limits={"position": 500}),
    changes=STAFF_CHANGES,
)
def hire_employee(
    session: Session, user: t.CurrentUser, clock: Clock, new_employee: t.NewEmployee
) -> t.StaffMember:
    _require_roster_editor(user)
    errors: dict[str, str] = {}
    last = _check_name(errors, "last_name", new_employee.last_name, "фамилию")
    first = _check_name(errors, "first_name", new_employee.first_name, "имя")
    middle = _check_name(
        errors, "middle_name", new_employee.middle_name, "отчество", required=False
    )
    position = " ".join(new_employee.position.split())
    if not position:
        errors["position"] = "Укажите должность."
    elif len(position) > 200:
        errors["position"] = "Не длиннее 200 символов."
    phone = None
    if new_employee.phone:
        phone = normalize_mobile(new_employee.phone)
        if phone is None:
            errors["phone"] = PHONE_FORMAT_MESSAGE
    if errors:
        raise ValidationFailed("Проверьте правильность заполнения полей.", errors)
    person = _new_person(session, user.organisation_id, last, first, middle, phone=phone)
    employee = m.Employee(
        organisation_id=user.organisation_id,
        person_id=person.id,
        position=position,
        position_type=new_employee.position_type,
        hired_on=new_employee.hired_on or _today(clock),
    )
    session.add(employee)
    session.add(
        m.Account(
            organisation_id=user.organisation_id,
            person_id=person.id,
            login=_login_for(session, user.organisation_id, last, first),
            password_hash=None,
            blocked=False,
            is_org_admin=False,
        )
    )
    session.flush()
    _update(session, clock, user, _teachers_chat(session, user.organisation_id))
    return _staff_view(session, user, employee.id)


@declare(Http("POST", "/staff/{employee_id}/dismiss"), changes=STAFF_CHANGES)
def dismiss_employee(
    session: Session, user: t.CurrentUser, clock: Clock, employee_id: int
) -> t.StaffMember:
    _require_roster_editor(user)
    employee = session.get(m.Employee, employee_id)
    if employee is None or employee.organisation_id != user.organisation_id:
        raise NotFound("Сотрудник не найден.")
    if employee.dismissed_on is not None:
        raise Conflict("Сотрудник уже уволен.")
    if employee.id == user.employee_id:
        raise ValidationFailed("Нельзя уволить самого себя.", {"employee_id": "Это вы."})
    employee.dismissed_on = _today(clock)
    session.flush()
    # Still working elsewhere in the organisation (another position)? Then only this
    # position's chats follow the rules; otherwise the person leaves every chat.
    still_working = session.scalar(
        select(m.Employee.id).where(
            m.Employee.person_id == employee.person_id, m.Employee.dismissed_on.is_(None)
        )
    )
    affected = _teachers_chat(session, user.organisation_id)
    affected += _chats_with(session, user.organisation_id, [employee.person_id])
    gone = [] if still_working is not None else [(employee.person_id, t.ParticipantKind.EMPLOYEE)]
    _update(session, clock, user, affected, forget=gone)
    return _staff_view(session, user, employee.id)


@declare(
    Http("PUT", "/classes/{class_id}/class-teacher", body=("employee_id",)),
    changes=TEACHER_CHANGES,
)
def set_class_teacher(
    session: Session, user: t.CurrentUser, clock: Clock, class_id: int, employee_id: int | None
) -> t.SchoolClass:
    _require_roster_editor(user)
    school_class = _school_class(session, user, class_id)
    _check_employee(session, user, employee_id)
    school_class.class_teacher_id = employee_id
    session.flush()
    _update(session, clock, user, _class_chats(session, user.organisation_id, [class_id]))
    return next(c for c in roster.list_classes(session, user) if c.id == class_id)


@declare(
    Http("PUT", "/groups/{group_id}/teacher", body=("employee_id",)),
    changes=TEACHER_CHANGES,
)
def set_group_teacher(
    session: Session, user: t.CurrentUser, clock: Clock, group_id: int, employee_id: int | None
) -> t.Group:
    _require_roster_editor(user)
    group = session.get(m.Group, group_id)
    if group is None or group.organisation_id != user.organisation_id:
        raise NotFound("Группа не найдена.")
    _check_employee(session, user, employee_id)
    group.teacher_id = employee_id
    session.flush()
    affected = session.scalars(select(m.SferumChat).where(m.SferumChat.group_id == group.id))
    _update(session, clock, user, affected)
    return next(
        g for g in roster.list_groups(session, user, class_id=group.class_id) if g.id == group_id
    )


def _check_employee(session: Session, user: t.CurrentUser, employee_id: int | None) -> None:
    if employee_id is None:
        return
    employee = session.get(m.Employee, employee_id)
    if (
        employee is None
        or employee.organisation_id != user.organisation_id
        or employee.dismissed_on is not None
    ):
        raise ValidationFailed(
            "Выберите работающего сотрудника организации.",
            {"employee_id": "Выберите работающего сотрудника организации."},
        )
