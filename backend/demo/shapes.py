"""What the demo schools are: their sizes and shapes, and their demo accounts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

DEMO_SEED = 2026
DEMO_PASSWORD = "demo"


class DemoSize(StrEnum):
    STANDARD = "standard"  # 22 classes, about 550 students
    LARGE = "large"  # 154 classes, over 4,000 students: for benchmarks


@dataclass(frozen=True)
class SchoolShape:
    name: str
    short_name: str
    grades: range
    letters: str
    students_per_class: tuple[int, int]
    max_teacher_load: int  # lessons a week


SHAPES = {
    DemoSize.STANDARD: SchoolShape(
        "Муниципальное бюджетное общеобразовательное учреждение "
        "«Средняя общеобразовательная школа № 7»",
        "МБОУ СОШ № 7",
        range(1, 12),
        "АБ",
        (22, 28),
        24,
    ),
    DemoSize.LARGE: SchoolShape(
        "Государственное бюджетное общеобразовательное учреждение «Школа № 1520»",
        "ГБОУ Школа № 1520",
        range(1, 12),
        "АБВГДЕЖЗИКЛМНП",
        (25, 30),
        17,
    ),
}
SECOND_SCHOOL = SchoolShape(
    "Муниципальное бюджетное общеобразовательное учреждение «Школа № 12»",
    "МБОУ Школа № 12",
    range(5, 12),
    "А",
    (18, 24),
    26,
)


@dataclass(frozen=True)
class DemoAccount:
    login: str
    description: str


# The demo accounts of the main school; the password of each is DEMO_PASSWORD.
DEMO_ACCOUNTS = (
    DemoAccount("klass", "классный руководитель 5А, учитель русского языка и литературы"),
    DemoAccount("uchitel", "учитель математики"),
    DemoAccount("chatadmin", "администратор чатов Сферум, заместитель директора"),
    DemoAccount("admin", "администратор организации, директор"),
    DemoAccount("uchenik", "ученик 5А"),
    DemoAccount("roditel", "родитель ученика 5А"),
    DemoAccount("zablokirovan", "заблокированная учетная запись учителя"),
)
SECOND_SCHOOL_ADMIN_LOGIN = "shkola12.admin"

# Demo role → login, for each school.
MAIN_DEMO_LOGINS = {
    "class_teacher": "klass",
    "subject_teacher": "uchitel",
    "chat_admin": "chatadmin",
    "org_admin": "admin",
    "student": "uchenik",
    "parent": "roditel",
    "blocked": "zablokirovan",
}
SECOND_SCHOOL_DEMO_LOGINS = {"org_admin": SECOND_SCHOOL_ADMIN_LOGIN, "chat_admin": "shkola12.chat"}
