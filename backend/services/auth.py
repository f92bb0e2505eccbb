"""Logging in and out, tokens, and who the current user is."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Row, Select, and_, bindparam, delete, exists, select, update
from sqlalchemy.orm import Session, aliased

from backend.clock import Clock
from backend.contract.errors import (
    AccountBlocked,
    InvalidCredentials,
    NotAuthenticated,
    TooManyAttempts,
)
from backend.contract.types import (
    CurrentUser,
    OrganisationSummary,
    PositionType,
    Role,
    StudentStatus,
)
from backend.schema import models as m
from backend.security import new_token, token_hash, verify_password
from backend.services.text import full_name

SESSION_LIFETIME = dt.timedelta(hours=12)
REMEMBERED_LIFETIME = dt.timedelta(days=30)
MAX_LOGIN_LENGTH = 100
MAX_PASSWORD_LENGTH = 200
# After this many failed logins in a row a login name is locked for a while.
MAX_FAILURES = 5
LOCK_DURATION = dt.timedelta(minutes=5)


def utc_naive(moment: dt.datetime) -> dt.datetime:
    """Timestamps are stored as naive UTC on every database."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def list_organisations(session: Session) -> list[OrganisationSummary]:
    rows = session.execute(
        select(m.Organisation.id, m.Organisation.name, m.Organisation.short_name).order_by(
            m.Organisation.short_name, m.Organisation.id
        )
    ).all()
    return [OrganisationSummary(id=r.id, name=r.name, short_name=r.short_name) for r in rows]


def log_in(
    unit_of_work: Callable[[], AbstractContextManager[Session]],
    clock: Clock,
    organisation_id: int,
    login: str,
    password: str,
    *,
    remember: bool,
) -> tuple[CurrentUser, str]:
    """Check the credentials and open a session; returns the user and the session token.

    Takes a unit-of-work factory rather than a session: a failed attempt must be recorded
    and committed even though the login itself is refused.
    """
    name = login.strip()
    key = name.casefold()[:MAX_LOGIN_LENGTH]
    with unit_of_work() as session:
        _refuse_if_locked(session, clock, organisation_id, key)
    try:
        with unit_of_work() as session:
            user, token = _check_and_open(
                session, clock, organisation_id, name, password, remember=remember
            )
            session.execute(
                delete(m.LoginThrottle).where(
                    m.LoginThrottle.organisation_id == organisation_id,
                    m.LoginThrottle.login == key,
                )
            )
            return user, token
    except InvalidCredentials:
        with unit_of_work() as session:
            _record_failure(session, clock, organisation_id, key)
        raise


def _refuse_if_locked(session: Session, clock: Clock, organisation_id: int, key: str) -> None:
    locked_until = session.scalar(
        select(m.LoginThrottle.locked_until).where(
            m.LoginThrottle.organisation_id == organisation_id, m.LoginThrottle.login == key
        )
    )
    now = utc_naive(clock.now())
    if locked_until is not None and locked_until > now:
        minutes = max(1, -(-int((locked_until - now).total_seconds()) // 60))
        raise TooManyAttempts(
            "Слишком много неудачных попыток входа. "
            f"Повторите попытку через {minutes} мин. или обратитесь к администратору."
        )


def _record_failure(session: Session, clock: Clock, organisation_id: int, key: str) -> None:
    if not key or session.get(m.Organisation, organisation_id) is None:
        return
    now = utc_naive(clock.now())
    row = session.get(m.LoginThrottle, (organisation_id, key), with_for_update=True)
    if row is None:
        row = m.LoginThrottle(organisation_id=organisation_id, login=key, failures=0)
        session.add(row)
    elif row.locked_until is not None and row.locked_until <= now:
        row.failures = 0  # the lock has run out: a fresh series of attempts
    row.failures += 1
    row.last_failure_at = now
    row.locked_until = now + LOCK_DURATION if row.failures >= MAX_FAILURES else None


def _check_and_open(
    session: Session,
    clock: Clock,
    organisation_id: int,
    login: str,
    password: str,
    *,
    remember: bool,
) -> tuple[CurrentUser, str]:
    account = None
    if 0 < len(login) <= MAX_LOGIN_LENGTH and len(password) <= MAX_PASSWORD_LENGTH:
        account = session.scalar(
            select(m.Account).where(
                m.Account.organisation_id == organisation_id, m.Account.login == login
            )
        )
    # verify_password spends the same time whether or not the account exists.
    if not verify_password(account.password_hash if account else None, password) or not account:
        raise InvalidCredentials()
    if account.blocked:
        raise AccountBlocked()
    user = current_user(session, account)
    token = new_token()
    now = utc_naive(clock.now())
    session.add(
        m.AuthToken(
            account_id=account.id,
            token_hash=token_hash(token),
            created_at=now,
            expires_at=now + (REMEMBERED_LIFETIME if remember else SESSION_LIFETIME),
            remember=remember,
        )
    )
    return user, token


def user_for_token(session: Session, clock: Clock, token: str) -> CurrentUser:
    """The user a token belongs to; NotAuthenticated when it is unknown, expired or revoked.

    Every request of the server starts here, so it is one round trip to the database.
    """
    found = session.execute(
        _user_by_token(), {"token_hash": token_hash(token), "now": utc_naive(clock.now())}
    ).first()
    if found is None:
        raise NotAuthenticated()
    if found.Account.blocked:
        raise AccountBlocked()
    return _user_from_row(found)


def revoke_token(session: Session, clock: Clock, token: str) -> bool:
    """End the session of `token`; False when there was no such live session."""
    result = session.execute(
        update(m.AuthToken)
        .where(m.AuthToken.token_hash == token_hash(token), m.AuthToken.revoked_at.is_(None))
        .values(revoked_at=utc_naive(clock.now()))
    )
    return bool(result.rowcount)


def current_user(session: Session, account: m.Account) -> CurrentUser:
    """Everything the desktop needs to know about the logged-in person, roles included."""
    found = session.execute(_user_query().where(m.Account.id == account.id)).one()
    return _user_from_row(found)


@functools.cache
def _user_by_token() -> Select[Any]:
    # Built once: composing this statement costs more than running it.
    return (
        _user_query()
        .join(m.AuthToken, m.AuthToken.account_id == m.Account.id)
        .where(
            m.AuthToken.token_hash == bindparam("token_hash"),
            m.AuthToken.revoked_at.is_(None),
            m.AuthToken.expires_at > bindparam("now"),
        )
    )


def _user_query() -> Select[Any]:
    """The account with its person, organisation and what makes up its roles, in one row."""
    class_teacher = exists().where(m.SchoolClass.class_teacher_id == m.Employee.id)
    chat_admin = (
        select(m.OrganisationSettings.chat_admin_employee_id)
        .where(m.OrganisationSettings.organisation_id == m.Account.organisation_id)
        .scalar_subquery()
    )
    student_id = (
        select(m.Student.id)
        .where(m.Student.person_id == m.Account.person_id)
        .where(m.Student.status == StudentStatus.ENROLLED)
        .limit(1)
        .scalar_subquery()
    )
    child = aliased(m.Student)
    parent_id = (
        select(m.Parent.id)
        .where(
            m.Parent.person_id == m.Account.person_id,
            exists().where(
                m.ParentChild.parent_id == m.Parent.id,
                m.ParentChild.student_id == child.id,
                child.status == StudentStatus.ENROLLED,
            ),
        )
        .limit(1)
        .scalar_subquery()
    )
    return (
        select(
            m.Account,
            m.Person,
            m.Organisation.short_name.label("organisation_name"),
            m.Employee.id.label("employee_id"),
            m.Employee.position_type,
            class_teacher.label("is_class_teacher"),
            chat_admin.label("chat_admin_employee_id"),
            student_id.label("student_id"),
            parent_id.label("parent_id"),
        )
        .join(m.Person, m.Person.id == m.Account.person_id)
        .join(m.Organisation, m.Organisation.id == m.Account.organisation_id)
        .outerjoin(
            m.Employee,
            and_(m.Employee.person_id == m.Person.id, m.Employee.dismissed_on.is_(None)),
        )
        .order_by(m.Employee.id)
        .limit(1)
    )


def _user_from_row(row: Row[Any]) -> CurrentUser:
    account: m.Account = row.Account
    person: m.Person = row.Person
    roles: set[Role] = set()
    if row.employee_id is not None:
        roles.add(Role.EMPLOYEE)
        if row.position_type is PositionType.ADMINISTRATION:
            roles.add(Role.ADMINISTRATION)
        elif row.position_type is PositionType.TEACHING:
            roles.add(Role.TEACHER)
        if row.is_class_teacher:
            roles.add(Role.CLASS_TEACHER)
        if row.chat_admin_employee_id == row.employee_id:
            roles.add(Role.CHAT_ADMIN)
        if account.is_org_admin:
            roles.add(Role.ORG_ADMIN)
    if row.student_id is not None:
        roles.add(Role.STUDENT)
    if row.parent_id is not None:
        roles.add(Role.PARENT)
    if not roles:
        raise AccountBlocked(
            "У учетной записи нет доступа к организации. Обратитесь к администратору организации."
        )
    return CurrentUser(
        account_id=account.id,
        person_id=person.id,
        organisation_id=account.organisation_id,
        organisation_name=row.organisation_name,
        login=account.login,
        full_name=full_name(person.last_name, person.first_name, person.middle_name),
        roles=frozenset(roles),
        employee_id=row.employee_id,
        student_id=row.student_id,
        parent_id=row.parent_id,
    )
