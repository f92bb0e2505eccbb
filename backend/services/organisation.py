"""«Настройки организации»."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from backend.clock import Clock
from backend.contract import types as t
from backend.contract.errors import Conflict, ValidationFailed
from backend.operations import Http, Topic, declare
from backend.schema import models as m
from backend.services import chats
from backend.services.access import require, require_staff
from backend.services.text import full_name


@declare(Http("GET", "/organisation/settings"))
def organisation_settings(session: Session, user: t.CurrentUser) -> t.OrganisationSettings:
    require_staff(user)
    return _settings(session, user.organisation_id)


def _settings(session: Session, organisation_id: int) -> t.OrganisationSettings:
    organisation = session.get_one(m.Organisation, organisation_id)
    settings = organisation.settings
    chat_admin_name = None
    if settings.chat_admin_employee_id is not None:
        person = session.scalar(
            select(m.Person)
            .join(m.Employee, m.Employee.person_id == m.Person.id)
            .where(m.Employee.id == settings.chat_admin_employee_id)
        )
        if person is not None:
            chat_admin_name = full_name(person.last_name, person.first_name, person.middle_name)
    return t.OrganisationSettings(
        organisation_id=organisation.id,
        name=organisation.name,
        short_name=organisation.short_name,
        chat_admin_employee_id=settings.chat_admin_employee_id,
        chat_admin_name=chat_admin_name,
        version=settings.version,
        max_api_url=settings.max_api_url,
        max_token_set=bool(settings.max_token),
        sferum_web_url=settings.sferum_web_url,
    )


@declare(
    Http("PUT", "/organisation/settings", body="update", limits={"short_name": 120}),
    changes={Topic.ORGANISATION, Topic.CHATS},
)
def update_organisation_settings(
    session: Session, user: t.CurrentUser, clock: Clock, update: t.OrganisationSettingsUpdate
) -> t.OrganisationSettings:
    require(user, t.Role.ORG_ADMIN)
    former_chat_admin = session.scalar(
        select(m.OrganisationSettings.chat_admin_employee_id).where(
            m.OrganisationSettings.organisation_id == user.organisation_id
        )
    )
    errors = {}
    name, short_name = update.name.strip(), update.short_name.strip()
    if not name:
        errors["name"] = "Укажите наименование организации."
    elif len(name) > 300:
        errors["name"] = "Наименование длиннее 300 символов."
    if not short_name:
        errors["short_name"] = "Укажите краткое наименование."
    elif len(short_name) > 120:
        errors["short_name"] = "Краткое наименование длиннее 120 символов."
    if update.chat_admin_employee_id is not None:
        employee = session.get(m.Employee, update.chat_admin_employee_id)
        if (
            employee is None
            or employee.organisation_id != user.organisation_id
            or employee.dismissed_on is not None
        ):
            errors["chat_admin_employee_id"] = "Выберите работающего сотрудника организации."
    web_addresses = {}
    for field, value in (
        ("max_api_url", update.max_api_url),
        ("sferum_web_url", update.sferum_web_url),
    ):
        if value is None:
            continue
        address = value.strip()
        if address and not _is_web_address(address):
            errors[field] = "Укажите адрес, начинающийся с https:// или http://."
        elif field == "sferum_web_url" and not address:
            errors[field] = "Укажите адрес веб-версии Сферум."
        web_addresses[field] = address
    if update.max_token is not None and len(update.max_token.strip()) > 300:
        errors["max_token"] = "Токен длиннее 300 символов."
    if errors:
        raise ValidationFailed(None, errors)
    changes: dict[str, object] = {"chat_admin_employee_id": update.chat_admin_employee_id}
    changes.update(web_addresses)
    if update.max_token is not None:
        changes["max_token"] = update.max_token.strip() or None
    # The version check and the write are one statement, so two saves cannot both pass it.
    claimed = session.execute(
        sql_update(m.OrganisationSettings)
        .where(
            m.OrganisationSettings.organisation_id == user.organisation_id,
            m.OrganisationSettings.version == update.version,
        )
        .values(version=m.OrganisationSettings.version + 1, **changes)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        raise Conflict(
            "Настройки организации изменил другой пользователь. "
            "Обновите окно и внесите изменения заново."
        )
    session.execute(
        sql_update(m.Organisation)
        .where(m.Organisation.id == user.organisation_id)
        .values(name=name, short_name=short_name)
        .execution_options(synchronize_session=False)
    )
    session.expire_all()
    if update.chat_admin_employee_id != former_chat_admin:
        chats.on_chat_admin_changed(session, clock, user.organisation_id)
    return _settings(session, user.organisation_id)


def _is_web_address(text: str) -> bool:
    scheme, _, rest = text.partition("://")
    return scheme in ("http", "https") and bool(rest) and " " not in text and len(text) <= 300
