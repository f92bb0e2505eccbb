"""Names of the contract's enumerations as the user reads them."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from backend.contract import GroupKind, PositionType, StudentStatus

translate = QCoreApplication.translate


def label_of(context: str, labels: Mapping[Any, str], value: Enum) -> str:
    """The translated label of `value`; a value a newer server added shows as it was sent."""
    text = labels.get(value)
    return translate(context, text) if text is not None else str(value.value)


_POSITION_TYPES = {
    PositionType.ADMINISTRATION: QT_TRANSLATE_NOOP("Labels", "Администрация"),
    PositionType.TEACHING: QT_TRANSLATE_NOOP("Labels", "Педагогический состав"),
    PositionType.OTHER: QT_TRANSLATE_NOOP("Labels", "Прочий персонал"),
}
_STUDENT_STATUSES = {
    StudentStatus.ENROLLED: QT_TRANSLATE_NOOP("Labels", "Обучается"),
    StudentStatus.GRADUATED: QT_TRANSLATE_NOOP("Labels", "Выпускник"),
    StudentStatus.EXPELLED: QT_TRANSLATE_NOOP("Labels", "Отчислен"),
}
_GROUP_KINDS = {
    GroupKind.CLASS: QT_TRANSLATE_NOOP("Labels", "Класс"),
    GroupKind.SUBGROUP: QT_TRANSLATE_NOOP("Labels", "Подгруппа"),
}


def position_type_label(value: PositionType) -> str:
    return label_of("Labels", _POSITION_TYPES, value)


def student_status_label(value: StudentStatus) -> str:
    return label_of("Labels", _STUDENT_STATUSES, value)


def group_kind_label(value: GroupKind) -> str:
    return label_of("Labels", _GROUP_KINDS, value)
