"""A demo school as planned, before any row is written: people, classes and groups are
numbered by their place in these lists, which the writer turns into ids."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from backend.contract.types import GroupKind, PositionType
from backend.demo.names import FullName
from backend.demo.shapes import SchoolShape


@dataclass(frozen=True)
class StaffPlan:
    name: FullName
    position: str
    position_type: PositionType
    hired_on: dt.date
    birth_date: dt.date
    phone: str | None


@dataclass(frozen=True)
class StudentPlan:
    name: FullName
    birth_date: dt.date
    class_index: int
    enrolled_on: dt.date
    phone: str | None


@dataclass(frozen=True)
class ParentPlan:
    name: FullName
    phone: str | None


@dataclass
class GroupPlan:
    class_index: int
    subject: str
    kind: GroupKind
    name: str
    hours: int
    part: int = 0  # sub-group number; 0 for a whole-class group
    teacher: int | None = None  # staff index
    members: list[int] = field(default_factory=list)  # student indexes (sub-groups only)


@dataclass(frozen=True)
class LessonPlan:
    date: dt.date
    number: int
    group: int  # group index
    subject: str


@dataclass(frozen=True)
class TopicPlan:
    group: int  # group index
    number: int
    title: str


@dataclass(frozen=True)
class ConductedLesson:
    """A lesson before today, marked «Урок проведен», with its КТП topic."""

    lesson: int  # lesson index
    topic: int | None  # topic index


@dataclass(frozen=True)
class AccountPlan:
    login: str
    demo: bool  # has the demo password
    blocked: bool
    org_admin: bool


@dataclass(frozen=True)
class SchoolPlan:
    shape: SchoolShape
    staff: list[StaffPlan]
    classes: list[tuple[int, str]]  # (grade, letter)
    class_teacher: dict[int, int]  # class index → staff index
    students: list[StudentPlan]
    parents: list[ParentPlan]
    parent_links: list[tuple[int, int, str]]  # parent index, student index, relation
    groups: list[GroupPlan]
    lessons: list[LessonPlan]
    topics: list[TopicPlan]
    conducted: list[ConductedLesson]
    accounts: list[AccountPlan]  # staff first, then students, then parents
    chat_admin: int  # staff index
    timetable_until: dt.date  # Monday of the timetable's last week
