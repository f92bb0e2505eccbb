"""Registry «Ученики» (read-only for now), with a class filter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox

from backend.contract import PageRequest, Student
from registries.base.context import RegistryContext
from registries.base.registry_window import RegistryWindow
from registries.base.table_model import Column

translate = QCoreApplication.translate


def student_columns() -> list[Column[Student]]:
    return [
        Column(translate("StudentsRegistry", "ФИО"), lambda s: s.full_name, "full_name", 260),
        Column(translate("StudentsRegistry", "Класс"), lambda s: s.class_name, "class_name", 70),
        Column(
            translate("StudentsRegistry", "Дата рождения"),
            lambda s: s.birth_date,
            "birth_date",
            110,
        ),
        Column(
            translate("StudentsRegistry", "Родители"),
            lambda s: ", ".join(p.full_name for p in s.parents),
            None,
            380,
        ),
        Column(translate("StudentsRegistry", "Логин"), lambda s: s.login, "login", 140),
        Column(translate("StudentsRegistry", "Заблокирован"), lambda s: s.blocked, "blocked", 100),
    ]


class StudentsRegistry(RegistryWindow[Student]):
    classes_loaded = Signal()

    def __init__(self, context: RegistryContext) -> None:
        super().__init__(
            context,
            key="students",
            title=translate("StudentsRegistry", "Ученики"),
            columns=student_columns(),
            fetch=self._fetch_students,
        )
        self.class_filter = QComboBox(self)
        self.class_filter.setObjectName("classFilter")
        self.class_filter.setMinimumWidth(110)
        self.class_filter.addItem(translate("StudentsRegistry", "Все классы"), None)
        self.class_filter.currentIndexChanged.connect(lambda _i: self.reload_from_first_page())
        self.add_filter(translate("StudentsRegistry", "Класс:"), self.class_filter)
        self.tasks.start(self._load_classes())

    async def _load_classes(self) -> None:
        classes = await self.context.backend.list_classes()
        self.class_filter.blockSignals(True)
        for school_class in classes:
            self.class_filter.addItem(school_class.name, school_class.id)
        self.class_filter.blockSignals(False)
        self.classes_loaded.emit()

    def select_class(self, name: str) -> bool:
        index = self.class_filter.findText(name)
        if index >= 0:
            self.class_filter.setCurrentIndex(index)
        return index >= 0

    async def _fetch_students(self, request: PageRequest):
        return await self.context.backend.list_students(
            request, class_id=self.class_filter.currentData()
        )
