"""Names of the contract's enumerations as the user reads them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from backend.contract import GroupKind, PositionType, StudentStatus

translate = QCoreApplication.translate

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
    return translate("Labels", _POSITION_TYPES[value])


def student_status_label(value: StudentStatus) -> str:
    return translate("Labels", _STUDENT_STATUSES[value])


def group_kind_label(value: GroupKind) -> str:
    return translate("Labels", _GROUP_KINDS[value])
