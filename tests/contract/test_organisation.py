"""«Настройки организации»: reading, saving, concurrent edits, permissions."""

from __future__ import annotations

import pytest

from backend.contract import (
    Backend,
    Conflict,
    OrganisationSettingsUpdate,
    PageRequest,
    PermissionDenied,
    Role,
    ValidationFailed,
)
from tests.contract.conftest import log_in
from tests.helpers import AsyncRunner


def _update(settings, **changes) -> OrganisationSettingsUpdate:
    values = {
        "name": settings.name,
        "short_name": settings.short_name,
        "chat_admin_employee_id": settings.chat_admin_employee_id,
        "version": settings.version,
    }
    values.update(changes)
    return OrganisationSettingsUpdate(**values)


def test_settings_name_the_chat_administrator(run: AsyncRunner, backend: Backend) -> None:
    chat_admin = log_in(run, backend, "chatadmin")
    settings = run(backend.organisation_settings())
    assert settings.short_name == "МБОУ СОШ № 7"
    assert settings.chat_admin_employee_id == chat_admin.employee_id
    assert settings.chat_admin_name == chat_admin.full_name


def test_the_administrator_changes_the_chat_administrator(
    run: AsyncRunner, backend: Backend, other_backend: Backend
) -> None:
    log_in(run, backend, "admin")
    settings = run(backend.organisation_settings())
    teacher = log_in(run, other_backend, "uchitel")
    saved = run(
        backend.update_organisation_settings(
            _update(settings, chat_admin_employee_id=teacher.employee_id)
        )
    )
    assert saved.chat_admin_employee_id == teacher.employee_id
    assert saved.version == settings.version + 1
    # The new chat administrator holds the role from the next request on.
    assert Role.CHAT_ADMIN in run(other_backend.current_user()).roles


def test_a_second_save_from_an_old_copy_is_a_conflict(
    run: AsyncRunner, backend: Backend, other_backend: Backend
) -> None:
    log_in(run, backend, "admin")
    log_in(run, other_backend, "admin")
    mine = run(backend.organisation_settings())
    theirs = run(other_backend.organisation_settings())
    run(other_backend.update_organisation_settings(_update(theirs, short_name="СОШ № 7")))
    with pytest.raises(Conflict) as conflict:
        run(backend.update_organisation_settings(_update(mine, short_name="Школа семь")))
    assert "другой пользователь" in conflict.value.message
    assert run(backend.organisation_settings()).short_name == "СОШ № 7"


def test_invalid_settings_are_refused_field_by_field(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "admin")
    settings = run(backend.organisation_settings())
    with pytest.raises(ValidationFailed) as refused:
        run(
            backend.update_organisation_settings(
                _update(settings, name="  ", chat_admin_employee_id=10**9)
            )
        )
    assert set(refused.value.field_errors) == {"name", "chat_admin_employee_id"}
    assert run(backend.organisation_settings()).version == settings.version


def test_another_organisations_employee_cannot_be_chat_administrator(
    run: AsyncRunner, backend: Backend, other_backend: Backend
) -> None:
    log_in(run, other_backend, "shkola12.admin", school="МБОУ Школа № 12")
    foreign = run(other_backend.list_staff(PageRequest())).items[0]
    log_in(run, backend, "admin")
    settings = run(backend.organisation_settings())
    with pytest.raises(ValidationFailed):
        run(
            backend.update_organisation_settings(
                _update(settings, chat_admin_employee_id=foreign.id)
            )
        )


@pytest.mark.parametrize("login", ["klass", "chatadmin"])
def test_only_the_organisation_administrator_saves_settings(
    run: AsyncRunner, backend: Backend, login: str
) -> None:
    log_in(run, backend, login)
    settings = run(backend.organisation_settings())
    with pytest.raises(PermissionDenied):
        run(backend.update_organisation_settings(_update(settings, short_name="x")))


def test_max_address_and_token_are_kept_and_the_token_never_read_back(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "admin")
    settings = run(backend.organisation_settings())
    assert settings.max_api_url == ""
    assert not settings.max_token_set
    assert settings.sferum_web_url == "https://web.sferum.ru/"
    saved = run(
        backend.update_organisation_settings(
            _update(
                settings,
                max_api_url=" https://max.example.ru/api ",
                max_token="secret-token",
                sferum_web_url="https://sferum.example.ru/",
            )
        )
    )
    assert saved.max_api_url == "https://max.example.ru/api"
    assert saved.max_token_set
    assert "secret-token" not in repr(saved)
    kept = run(backend.update_organisation_settings(_update(saved, name=saved.name + " ")))
    assert kept.max_token_set, "leaving the token out keeps it"
    assert kept.sferum_web_url == "https://sferum.example.ru/"


@pytest.mark.parametrize("field", ["max_api_url", "sferum_web_url"])
def test_addresses_must_be_web_addresses(run: AsyncRunner, backend: Backend, field: str) -> None:
    log_in(run, backend, "admin")
    settings = run(backend.organisation_settings())
    with pytest.raises(ValidationFailed) as refused:
        run(backend.update_organisation_settings(_update(settings, **{field: "ftp://max"})))
    assert refused.value.field_errors == {
        field: "Укажите адрес, начинающийся с https:// или http://."
    }
