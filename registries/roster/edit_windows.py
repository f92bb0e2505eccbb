"""«Ученик: Добавление» (зачисление) and «Сотрудник: Добавление» (трудоустройство)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from backend.contract import (
    Backend,
    NewEmployee,
    NewStudent,
    PositionType,
    SchoolClass,
    StaffMember,
    Student,
)
from backend.contract.phones import format_phone, normalize_mobile
from registries.base.edit_window import EditMode, EditWindow
from registries.base.labels import position_type_label

translate = QCoreApplication.translate

NAME_LENGTH = 100
DATE_FORMAT = "%d.%m.%Y"
# What may be typed into a date: digits and dots («01.09.2015»).
DATE_CHARACTERS = QRegularExpression(r"[0-9.]{0,10}")
# What may be typed or pasted into a phone number.
PHONE_CHARACTERS = QRegularExpression(r"[0-9+()\-. ]{0,24}")


def _name_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMaxLength(NAME_LENGTH)
    return edit


def _clean(text: str) -> str:
    return " ".join(text.split())


def parse_date(text: str) -> dt.date | None:
    """«01.09.2015» → a date; None for anything else."""
    try:
        return dt.datetime.strptime(text.strip(), DATE_FORMAT).date()
    except ValueError:
        return None


class _PersonEditWindow(EditWindow):
    """Фамилия, Имя, Отчество: the start of every person's form."""

    def __init__(self, parent: QWidget | None, *, entity: str) -> None:
        super().__init__(parent, entity=entity, mode=EditMode.ADD)
        self.setMinimumWidth(520)
        self.last_name_edit = _name_edit(self)
        self.last_name_edit.setObjectName("lastName")
        self.first_name_edit = _name_edit(self)
        self.first_name_edit.setObjectName("firstName")
        self.middle_name_edit = _name_edit(self)
        self.middle_name_edit.setObjectName("middleName")
        self.add_field(
            "last_name",
            translate("PersonEditWindow", "Фамилия"),
            self.last_name_edit,
            required=True,
        )
        self.add_field(
            "first_name", translate("PersonEditWindow", "Имя"), self.first_name_edit, required=True
        )
        self.add_field(
            "middle_name", translate("PersonEditWindow", "Отчество"), self.middle_name_edit
        )

    def name_values(self) -> dict[str, Any]:
        return {
            "last_name": _clean(self.last_name_edit.text()),
            "first_name": _clean(self.first_name_edit.text()),
            "middle_name": _clean(self.middle_name_edit.text()),
        }

    def name_errors(self) -> dict[str, str]:
        errors = {}
        if not _clean(self.last_name_edit.text()):
            errors["last_name"] = translate("PersonEditWindow", "Укажите фамилию.")
        if not _clean(self.first_name_edit.text()):
            errors["first_name"] = translate("PersonEditWindow", "Укажите имя.")
        return errors


class StudentEditWindow(_PersonEditWindow):
    """«Ученик: Добавление»: saving enrols the student into the class."""

    def __init__(
        self,
        parent: QWidget | None,
        backend: Backend,
        classes: Sequence[SchoolClass],
        *,
        class_id: int | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent, entity=translate("StudentEditWindow", "Ученик"))
        self.backend = backend
        self._today = today or dt.date.today()
        self.birth_date_edit = QLineEdit(self)
        self.birth_date_edit.setObjectName("birthDate")
        self.birth_date_edit.setPlaceholderText(translate("StudentEditWindow", "ДД.ММ.ГГГГ"))
        self.birth_date_edit.setValidator(QRegularExpressionValidator(DATE_CHARACTERS, self))
        self.add_field(
            "birth_date", translate("StudentEditWindow", "Дата рождения"), self.birth_date_edit
        )
        self.class_combo = QComboBox(self)
        self.class_combo.setObjectName("classCombo")
        self.class_combo.setPlaceholderText(translate("StudentEditWindow", "Выберите класс"))
        for school_class in classes:
            self.class_combo.addItem(school_class.name, school_class.id)
        self.class_combo.setCurrentIndex(self.class_combo.findData(class_id))
        self.add_field(
            "class_id", translate("StudentEditWindow", "Класс"), self.class_combo, required=True
        )
        self.enrolled_on_edit = QDateEdit(self)
        self.enrolled_on_edit.setObjectName("enrolledOn")
        self.enrolled_on_edit.setCalendarPopup(True)
        self.enrolled_on_edit.setDisplayFormat("dd.MM.yyyy")
        self.enrolled_on_edit.setDate(QDate(self._today))
        self.add_field(
            "enrolled_on",
            translate("StudentEditWindow", "Дата зачисления"),
            self.enrolled_on_edit,
            required=True,
        )
        self.mark_loaded()

    def values(self) -> dict[str, Any]:
        return {
            **self.name_values(),
            "birth_date": self.birth_date_edit.text().strip(),
            "class_id": self.class_combo.currentData(),
            "enrolled_on": self.enrolled_on_edit.date().toPython(),
        }

    def validate(self) -> dict[str, str]:
        errors = self.name_errors()
        birth_date = self.birth_date_edit.text().strip()
        if birth_date:
            parsed = parse_date(birth_date)
            if parsed is None:
                errors["birth_date"] = translate(
                    "StudentEditWindow", "Введите дату в виде ДД.ММ.ГГГГ."
                )
            elif parsed > self._today:
                errors["birth_date"] = translate(
                    "StudentEditWindow", "Дата рождения не может быть в будущем."
                )
        if self.class_combo.currentData() is None:
            errors["class_id"] = translate("StudentEditWindow", "Выберите класс.")
        return errors

    async def save(self) -> Student:
        values = self.values()
        return await self.backend.enrol_student(
            NewStudent(
                last_name=values["last_name"],
                first_name=values["first_name"],
                middle_name=values["middle_name"],
                class_id=values["class_id"],
                birth_date=parse_date(values["birth_date"]) if values["birth_date"] else None,
                # Left at today: the backend's today (its clock and the school's time zone).
                enrolled_on=None if values["enrolled_on"] == self._today else values["enrolled_on"],
            )
        )


class StaffEditWindow(_PersonEditWindow):
    """«Сотрудник: Добавление»: saving hires the employee."""

    def __init__(self, parent: QWidget | None, backend: Backend) -> None:
        super().__init__(parent, entity=translate("StaffEditWindow", "Сотрудник"))
        self.backend = backend
        self.position_edit = QLineEdit(self)
        self.position_edit.setObjectName("position")
        self.position_edit.setMaxLength(200)
        self.position_edit.setPlaceholderText(
            translate("StaffEditWindow", "Например: Учитель математики")
        )
        self.add_field(
            "position", translate("StaffEditWindow", "Должность"), self.position_edit, required=True
        )
        self.position_type_combo = QComboBox(self)
        self.position_type_combo.setObjectName("positionType")
        for position_type in (
            PositionType.ADMINISTRATION,
            PositionType.TEACHING,
            PositionType.OTHER,
        ):
            self.position_type_combo.addItem(position_type_label(position_type), position_type)
        self.position_type_combo.setCurrentIndex(
            self.position_type_combo.findData(PositionType.TEACHING)
        )
        self.add_field(
            "position_type",
            translate("StaffEditWindow", "Тип должности"),
            self.position_type_combo,
            required=True,
        )
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setObjectName("phone")
        self.phone_edit.setPlaceholderText("+7 (9XX) XXX-XX-XX")
        self.phone_edit.setValidator(QRegularExpressionValidator(PHONE_CHARACTERS, self))
        self.phone_edit.editingFinished.connect(self._tidy_phone)
        self.add_field("phone", translate("StaffEditWindow", "Телефон"), self.phone_edit)
        self.mark_loaded()

    def _tidy_phone(self) -> None:
        """Once a complete number is typed, show it the ЭШ way."""
        number = normalize_mobile(self.phone_edit.text())
        if number is not None:
            self.phone_edit.setText(format_phone(number))

    def values(self) -> dict[str, Any]:
        return {
            **self.name_values(),
            "position": _clean(self.position_edit.text()),
            "position_type": self.position_type_combo.currentData(),
            "phone": self.phone_edit.text().strip(),
        }

    def validate(self) -> dict[str, str]:
        errors = self.name_errors()
        if not _clean(self.position_edit.text()):
            errors["position"] = translate("StaffEditWindow", "Укажите должность.")
        phone = self.phone_edit.text().strip()
        if phone and normalize_mobile(phone) is None:
            errors["phone"] = translate(
                "StaffEditWindow",
                "Номер телефона должен соответствовать формату +7 (9XX) XXX-XX-XX.",
            )
        return errors

    async def save(self) -> StaffMember:
        values = self.values()
        return await self.backend.hire_employee(
            NewEmployee(
                last_name=values["last_name"],
                first_name=values["first_name"],
                middle_name=values["middle_name"],
                position=values["position"],
                position_type=values["position_type"],
                phone=normalize_mobile(values["phone"]) if values["phone"] else None,
            )
        )
