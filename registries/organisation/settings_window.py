"""«Настройки организации»: names, the «Администратор чатов Сферум», and where MAX and the
Sferum web messenger are."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit

from backend.contract import (
    OrganisationSettings,
    OrganisationSettingsUpdate,
    PageRequest,
    StaffMember,
)
from backend.contract.types import MAX_PAGE_SIZE
from registries.base.context import RegistryContext
from registries.base.edit_window import EditMode, EditWindow

translate = QCoreApplication.translate


class OrganisationSettingsWindow(EditWindow):
    loaded = Signal()

    def __init__(self, context: RegistryContext) -> None:
        super().__init__(
            context.desktop,
            entity=translate("OrganisationSettingsWindow", "Настройки организации"),
            mode=EditMode.EDIT,
        )
        self.context = context
        self.setMinimumWidth(760)
        self._settings: OrganisationSettings | None = None
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(300)
        self.short_name_edit = QLineEdit(self)
        self.short_name_edit.setMaxLength(120)
        self.chat_admin_combo = QComboBox(self)
        self.chat_admin_combo.setObjectName("chatAdminCombo")
        self.add_field(
            "name",
            translate("OrganisationSettingsWindow", "Наименование"),
            self.name_edit,
            required=True,
        )
        self.add_field(
            "short_name",
            translate("OrganisationSettingsWindow", "Краткое наименование"),
            self.short_name_edit,
            required=True,
        )
        self.add_field(
            "chat_admin_employee_id",
            translate("OrganisationSettingsWindow", "Администратор чатов Сферум"),
            self.chat_admin_combo,
        )
        self.max_url_edit = QLineEdit(self)
        self.max_url_edit.setMaxLength(300)
        self.max_url_edit.setPlaceholderText(
            translate("OrganisationSettingsWindow", "Не указан: платформа МАХ имитируется")
        )
        self.max_token_edit = QLineEdit(self)
        self.max_token_edit.setMaxLength(300)
        self.max_token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.sferum_url_edit = QLineEdit(self)
        self.sferum_url_edit.setMaxLength(300)
        self.add_field(
            "max_api_url",
            translate("OrganisationSettingsWindow", "Адрес API платформы МАХ"),
            self.max_url_edit,
        )
        self.add_field(
            "max_token",
            translate("OrganisationSettingsWindow", "Токен доступа МАХ"),
            self.max_token_edit,
        )
        self.add_field(
            "sferum_web_url",
            translate("OrganisationSettingsWindow", "Адрес веб-версии Сферум"),
            self.sferum_url_edit,
            required=True,
        )
        self.setEnabled(False)
        self.tasks.start(self._load())

    async def _load(self) -> None:
        backend = self.context.backend
        settings = await backend.organisation_settings()
        staff: list[StaffMember] = []
        offset = 0
        while True:
            page = await backend.list_staff(PageRequest(offset=offset, limit=MAX_PAGE_SIZE))
            staff.extend(page.items)
            offset += len(page.items)
            if not page.items or offset >= page.total:
                break
        self.chat_admin_combo.addItem(translate("OrganisationSettingsWindow", "Не назначен"), None)
        for member in staff:
            self.chat_admin_combo.addItem(f"{member.full_name} — {member.position}", member.id)
        self.show_settings(settings)
        self.setEnabled(True)
        self.loaded.emit()

    def show_settings(self, settings: OrganisationSettings) -> None:
        self._settings = settings
        self.name_edit.setText(settings.name)
        self.short_name_edit.setText(settings.short_name)
        index = self.chat_admin_combo.findData(settings.chat_admin_employee_id)
        self.chat_admin_combo.setCurrentIndex(max(index, 0))
        self.max_url_edit.setText(settings.max_api_url)
        self.max_token_edit.clear()  # never shown: typing a new one replaces it
        self.max_token_edit.setPlaceholderText(
            translate("OrganisationSettingsWindow", "Задан; введите новый, чтобы заменить")
            if settings.max_token_set
            else translate("OrganisationSettingsWindow", "Не задан")
        )
        self.sferum_url_edit.setText(settings.sferum_web_url)
        self.mark_loaded()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name_edit.text().strip(),
            "short_name": self.short_name_edit.text().strip(),
            "chat_admin_employee_id": self.chat_admin_combo.currentData(),
            "max_api_url": self.max_url_edit.text().strip(),
            "max_token": self.max_token_edit.text().strip(),
            "sferum_web_url": self.sferum_url_edit.text().strip(),
        }

    def validate(self) -> dict[str, str]:
        errors = {}
        if not self.name_edit.text().strip():
            errors["name"] = translate(
                "OrganisationSettingsWindow", "Укажите наименование организации."
            )
        if not self.short_name_edit.text().strip():
            errors["short_name"] = translate(
                "OrganisationSettingsWindow", "Укажите краткое наименование."
            )
        if not self.sferum_url_edit.text().strip():
            errors["sferum_web_url"] = translate(
                "OrganisationSettingsWindow", "Укажите адрес веб-версии Сферум."
            )
        return errors

    async def save(self) -> OrganisationSettings:
        assert self._settings is not None
        values = self.values()
        return await self.context.backend.update_organisation_settings(
            OrganisationSettingsUpdate(
                name=values["name"],
                short_name=values["short_name"],
                chat_admin_employee_id=values["chat_admin_employee_id"],
                version=self._settings.version,
                max_api_url=values["max_api_url"],
                max_token=values["max_token"] or None,  # empty: keep the stored one
                sferum_web_url=values["sferum_web_url"],
            )
        )
