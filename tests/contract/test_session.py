"""Logging in and out, remembered sessions and roles, on every backend."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.clock import FixedClock
from backend.contract import (
    AccountBlocked,
    Backend,
    InvalidCredentials,
    NotAuthenticated,
    Role,
    TooManyAttempts,
)
from tests.contract.conftest import log_in, organisation_id
from tests.helpers import AsyncRunner


def test_organisations_are_listed_without_logging_in(run: AsyncRunner, backend: Backend) -> None:
    names = [o.short_name for o in run(backend.list_organisations())]
    assert names == ["МБОУ СОШ № 7", "МБОУ Школа № 12"]


def test_log_in_returns_the_user_with_roles(run: AsyncRunner, backend: Backend) -> None:
    user = log_in(run, backend, "klass")
    assert user.login == "klass"
    assert user.organisation_name == "МБОУ СОШ № 7"
    assert {Role.EMPLOYEE, Role.TEACHER, Role.CLASS_TEACHER} <= user.roles
    assert Role.ORG_ADMIN not in user.roles
    assert run(backend.current_user()) == user


@pytest.mark.parametrize(
    ("login", "expected", "absent"),
    [
        ("uchitel", {Role.EMPLOYEE, Role.TEACHER}, {Role.CLASS_TEACHER, Role.CHAT_ADMIN}),
        ("chatadmin", {Role.EMPLOYEE, Role.ADMINISTRATION, Role.CHAT_ADMIN}, {Role.TEACHER}),
        ("admin", {Role.EMPLOYEE, Role.ADMINISTRATION, Role.ORG_ADMIN}, {Role.STUDENT}),
        ("uchenik", {Role.STUDENT}, {Role.EMPLOYEE, Role.PARENT}),
        ("roditel", {Role.PARENT}, {Role.EMPLOYEE, Role.STUDENT}),
    ],
)
def test_each_demo_account_has_its_roles(
    run: AsyncRunner, backend: Backend, login: str, expected: set[Role], absent: set[Role]
) -> None:
    user = log_in(run, backend, login)
    assert expected <= user.roles
    assert not absent & user.roles


def test_wrong_password_and_unknown_login_get_the_same_message(
    run: AsyncRunner, backend: Backend
) -> None:
    school = organisation_id(run, backend)
    with pytest.raises(InvalidCredentials) as wrong_password:
        run(backend.log_in(school, "klass", "not-the-password"))
    with pytest.raises(InvalidCredentials) as unknown_login:
        run(backend.log_in(school, "nobody-here", "demo"))
    assert (
        wrong_password.value.message == unknown_login.value.message == "Неверный логин или пароль."
    )
    with pytest.raises(NotAuthenticated):
        run(backend.current_user())


def test_an_account_without_a_password_cannot_log_in(run: AsyncRunner, backend: Backend) -> None:
    # Demo accounts other than the published ones have no password set.
    with pytest.raises(InvalidCredentials):
        run(backend.log_in(organisation_id(run, backend), "abramov.mi", ""))


def test_a_login_belongs_to_its_organisation(run: AsyncRunner, backend: Backend) -> None:
    with pytest.raises(InvalidCredentials):
        run(backend.log_in(organisation_id(run, backend, "МБОУ Школа № 12"), "klass", "demo"))


def test_a_blocked_account_is_told_so_after_the_right_password(
    run: AsyncRunner, backend: Backend
) -> None:
    school = organisation_id(run, backend)
    with pytest.raises(AccountBlocked) as blocked:
        run(backend.log_in(school, "zablokirovan", "demo"))
    assert "заблокирована" in blocked.value.message
    with pytest.raises(InvalidCredentials):
        run(backend.log_in(school, "zablokirovan", "wrong"))


def test_log_out_ends_the_session(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "klass")
    run(backend.log_out())
    with pytest.raises(NotAuthenticated):
        run(backend.list_classes())


def test_a_remembered_token_resumes_the_session_elsewhere(
    run: AsyncRunner, backend: Backend, other_backend: Backend
) -> None:
    result = run(backend.log_in(organisation_id(run, backend), "klass", "demo", remember=True))
    assert result.remember_token
    user = run(other_backend.resume_session(result.remember_token))
    assert user.login == "klass"
    assert run(other_backend.list_classes())


def test_no_token_is_handed_out_unless_asked(run: AsyncRunner, backend: Backend) -> None:
    result = run(backend.log_in(organisation_id(run, backend), "klass", "demo"))
    assert result.remember_token is None


def test_logging_out_revokes_the_remembered_token(
    run: AsyncRunner, backend: Backend, other_backend: Backend
) -> None:
    token = run(
        backend.log_in(organisation_id(run, backend), "klass", "demo", remember=True)
    ).remember_token
    assert token
    run(backend.log_out(forget=True))
    with pytest.raises(NotAuthenticated):
        run(other_backend.resume_session(token))


def test_closing_without_forgetting_keeps_the_remembered_token(
    run: AsyncRunner, backend: Backend, other_backend: Backend
) -> None:
    token = run(
        backend.log_in(organisation_id(run, backend), "klass", "demo", remember=True)
    ).remember_token
    assert token
    run(backend.log_out(forget=False))
    assert run(other_backend.resume_session(token)).login == "klass"


def test_a_session_expires(run: AsyncRunner, backend: Backend, clock: FixedClock) -> None:
    log_in(run, backend, "klass")
    clock.advance(dt.timedelta(hours=13))
    with pytest.raises(NotAuthenticated):
        run(backend.list_classes())


def test_a_remembered_session_lasts_a_month(
    run: AsyncRunner, backend: Backend, other_backend: Backend, clock: FixedClock
) -> None:
    token = run(
        backend.log_in(organisation_id(run, backend), "klass", "demo", remember=True)
    ).remember_token
    assert token
    clock.advance(dt.timedelta(days=29))
    assert run(other_backend.resume_session(token)).login == "klass"
    clock.advance(dt.timedelta(days=2))
    with pytest.raises(NotAuthenticated):
        run(other_backend.resume_session("x" + token[1:]))
    with pytest.raises(NotAuthenticated):
        run(other_backend.resume_session(token))


def test_a_made_up_token_is_refused(run: AsyncRunner, backend: Backend) -> None:
    with pytest.raises(NotAuthenticated):
        run(backend.resume_session("made-up-token"))


def test_repeated_failures_lock_the_login_for_a_while(
    run: AsyncRunner, backend: Backend, clock: FixedClock
) -> None:
    school = organisation_id(run, backend)
    for _ in range(5):
        with pytest.raises(InvalidCredentials):
            run(backend.log_in(school, "klass", "guess"))
    with pytest.raises(TooManyAttempts) as locked:
        run(backend.log_in(school, "klass", "demo"))
    assert "Повторите попытку через 5 мин." in locked.value.message
    clock.advance(dt.timedelta(minutes=5, seconds=1))
    assert run(backend.log_in(school, "klass", "demo")).user.login == "klass"


def test_an_unknown_login_is_locked_just_like_a_real_one(
    run: AsyncRunner, backend: Backend
) -> None:
    school = organisation_id(run, backend)
    for login in ("klass", "no-such-login"):
        for _ in range(5):
            with pytest.raises(InvalidCredentials):
                run(backend.log_in(school, login, "guess"))
        with pytest.raises(TooManyAttempts):
            run(backend.log_in(school, login, "guess"))


def test_a_successful_login_starts_the_count_again(run: AsyncRunner, backend: Backend) -> None:
    school = organisation_id(run, backend)
    for _ in range(4):
        with pytest.raises(InvalidCredentials):
            run(backend.log_in(school, "klass", "guess"))
    run(backend.log_in(school, "klass", "demo"))
    for _ in range(4):
        with pytest.raises(InvalidCredentials):
            run(backend.log_in(school, "klass", "guess"))
    assert run(backend.log_in(school, "klass", "demo")).user.login == "klass"
