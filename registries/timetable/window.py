"""Registry «Расписание уроков»: a week of lessons, for staff, students and parents."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QToolButton

from backend.contract import Lesson, PageRequest, Role
from registries.base.context import RegistryContext
from registries.base.icons import icon
from registries.base.local_paging import page_locally
from registries.base.registry_window import RegistryWindow
from registries.base.table_model import Column

translate = QCoreApplication.translate

WEEKDAYS = (
    QT_TRANSLATE_NOOP("TimetableRegistry", "Пн"),
    QT_TRANSLATE_NOOP("TimetableRegistry", "Вт"),
    QT_TRANSLATE_NOOP("TimetableRegistry", "Ср"),
    QT_TRANSLATE_NOOP("TimetableRegistry", "Чт"),
    QT_TRANSLATE_NOOP("TimetableRegistry", "Пт"),
    QT_TRANSLATE_NOOP("TimetableRegistry", "Сб"),
    QT_TRANSLATE_NOOP("TimetableRegistry", "Вс"),
)


def lesson_columns() -> list[Column[Lesson]]:
    return [
        Column(translate("TimetableRegistry", "Дата"), lambda x: x.date, "date", 90),
        Column(
            translate("TimetableRegistry", "День"),
            lambda x: translate("TimetableRegistry", WEEKDAYS[x.date.weekday()]),
            None,
            50,
        ),
        Column(
            translate("TimetableRegistry", "№"), lambda x: x.number, "number", 40, align_right=True
        ),
        Column(
            translate("TimetableRegistry", "Время"),
            lambda x: f"{x.starts_at:%H:%M}–{x.ends_at:%H:%M}",
            None,
            100,
        ),
        Column(translate("TimetableRegistry", "Класс"), lambda x: x.class_name, "class_name", 70),
        Column(translate("TimetableRegistry", "Группа"), lambda x: x.group_name, "group_name", 120),
        Column(
            translate("TimetableRegistry", "Предмет"), lambda x: x.subject_name, "subject_name", 200
        ),
        Column(
            translate("TimetableRegistry", "Учитель"), lambda x: x.teacher_name, "teacher_name", 240
        ),
    ]


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class TimetableRegistry(RegistryWindow[Lesson]):
    def __init__(self, context: RegistryContext, *, today: dt.date | None = None) -> None:
        super().__init__(
            context,
            key="timetable",
            title=translate("TimetableRegistry", "Расписание уроков"),
            columns=lesson_columns(),
            fetch=self._fetch_lessons,
            page_size=100,
        )
        self._week: list[Lesson] = []
        self._week_loaded_for: tuple[dt.date, object] | None = None
        self.week_edit = QDateEdit(self)
        self.week_edit.setObjectName("weekEdit")
        self.week_edit.setCalendarPopup(True)
        self.week_edit.setDisplayFormat("dd.MM.yyyy")
        self.week_edit.setDate(QDate(today or context.now().date()))
        self.week_edit.dateChanged.connect(lambda _d: self.reload_from_first_page())
        previous_week = QToolButton(self)
        previous_week.setIcon(icon("page-prev"))
        previous_week.setToolTip(translate("TimetableRegistry", "Предыдущая неделя"))
        previous_week.clicked.connect(lambda: self._shift_week(-7))
        next_week = QToolButton(self)
        next_week.setIcon(icon("page-next"))
        next_week.setToolTip(translate("TimetableRegistry", "Следующая неделя"))
        next_week.clicked.connect(lambda: self._shift_week(7))
        self.add_filter(translate("TimetableRegistry", "Неделя:"), previous_week)
        self.toolbar.insertWidget(self._filters_anchor, self.week_edit)
        self.toolbar.insertWidget(self._filters_anchor, next_week)
        self.class_filter = QComboBox(self)
        self.class_filter.setObjectName("classFilter")
        if context.user.has(Role.EMPLOYEE):
            self.class_filter.addItem(translate("TimetableRegistry", "Мои уроки"), "mine")
            self.class_filter.addItem(translate("TimetableRegistry", "Все классы"), None)
            self.add_filter(translate("TimetableRegistry", "Класс:"), self.class_filter)
            self.class_filter.currentIndexChanged.connect(lambda _i: self.reload_from_first_page())
            self.tasks.start(self._load_classes())

    async def _load_classes(self) -> None:
        for school_class in await self.context.backend.list_classes():
            self.class_filter.addItem(school_class.name, school_class.id)

    def _shift_week(self, days: int) -> None:
        self.week_edit.setDate(self.week_edit.date().addDays(days))

    async def _fetch_lessons(self, request: PageRequest):
        monday = monday_of(self.week_edit.date().toPython())
        choice = self.class_filter.currentData()
        if self._week_loaded_for != (monday, choice):
            teacher_id = class_id = None
            if choice == "mine":
                teacher_id = self.context.user.employee_id
            elif isinstance(choice, int):
                class_id = choice
            self._week = await self.context.backend.timetable(
                monday, monday + dt.timedelta(days=6), teacher_id=teacher_id, class_id=class_id
            )
            self._week_loaded_for = (monday, choice)
        return page_locally(
            self._week,
            request,
            search_text=lambda x: f"{x.class_name} {x.subject_name} {x.teacher_name or ''}",
            sort_values={
                "date": lambda x: (x.date, x.number),
                "number": lambda x: (x.number, x.date),
                "class_name": lambda x: x.class_name,
                "group_name": lambda x: x.group_name,
                "subject_name": lambda x: x.subject_name,
                "teacher_name": lambda x: x.teacher_name,
            },
        )

    def refresh(self) -> None:
        # Paging and searching reuse the week in hand; «Обновить» fetches it again.
        self._week_loaded_for = None
        super().refresh()
