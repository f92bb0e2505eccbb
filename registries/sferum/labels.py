"""Names of the Sferum chats' enumerations as the user reads them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from backend.contract import (
    ChatKind,
    ChatSyncState,
    ConferenceKind,
    ConferenceStatus,
    MemberSferumState,
    ParticipantKind,
)
from registries.base.labels import label_of

translate = QCoreApplication.translate

_CHAT_KINDS = {
    ChatKind.TEACHERS: QT_TRANSLATE_NOOP("SferumLabels", "Учительский чат"),
    ChatKind.CLASS: QT_TRANSLATE_NOOP("SferumLabels", "Классный чат"),
    ChatKind.PARENTS: QT_TRANSLATE_NOOP("SferumLabels", "Родительский чат"),
    ChatKind.SUBJECT: QT_TRANSLATE_NOOP("SferumLabels", "Предмет"),
    ChatKind.OTHER: QT_TRANSLATE_NOOP("SferumLabels", "Другое"),
}
_SYNC_STATES = {
    ChatSyncState.SYNCED: QT_TRANSLATE_NOOP("SferumLabels", "Синхронизирован"),
    ChatSyncState.SENDING: QT_TRANSLATE_NOOP("SferumLabels", "Ожидает отправки"),
    ChatSyncState.FAILED: QT_TRANSLATE_NOOP("SferumLabels", "Ошибка"),
}
_PARTICIPANT_KINDS = {
    ParticipantKind.EMPLOYEE: QT_TRANSLATE_NOOP("SferumLabels", "Сотрудник"),
    ParticipantKind.STUDENT: QT_TRANSLATE_NOOP("SferumLabels", "Ученик"),
    ParticipantKind.PARENT: QT_TRANSLATE_NOOP("SferumLabels", "Родитель"),
}
# The participants' tabs and pickers: «Сотрудники», «Ученики», «Родители».
_PARTICIPANT_TABS = {
    ParticipantKind.EMPLOYEE: QT_TRANSLATE_NOOP("SferumLabels", "Сотрудники"),
    ParticipantKind.STUDENT: QT_TRANSLATE_NOOP("SferumLabels", "Ученики"),
    ParticipantKind.PARENT: QT_TRANSLATE_NOOP("SferumLabels", "Родители"),
}
_MEMBER_STATES = {
    MemberSferumState.IN_CHAT: QT_TRANSLATE_NOOP("SferumLabels", "В чате"),
    MemberSferumState.SENDING: QT_TRANSLATE_NOOP("SferumLabels", "Добавляется"),
    MemberSferumState.NOT_LINKED: QT_TRANSLATE_NOOP("SferumLabels", "Не привязан к Сферум"),
    MemberSferumState.NO_ACCOUNT: QT_TRANSLATE_NOOP("SferumLabels", "Нет учетной записи"),
    MemberSferumState.BLOCKED: QT_TRANSLATE_NOOP("SferumLabels", "Заблокирован"),
    MemberSferumState.REFUSED: QT_TRANSLATE_NOOP("SferumLabels", "Отказ платформы МАХ"),
}

_CONFERENCE_KINDS = {
    ConferenceKind.LESSON: QT_TRANSLATE_NOOP("SferumLabels", "Онлайн-урок"),
    ConferenceKind.CALL: QT_TRANSLATE_NOOP("SferumLabels", "Видеозвонок"),
}
_CONFERENCE_STATUSES = {
    ConferenceStatus.NEW: QT_TRANSLATE_NOOP("SferumLabels", "Новая"),
    ConferenceStatus.ACTIVE: QT_TRANSLATE_NOOP("SferumLabels", "Активная"),
    ConferenceStatus.FINISHED: QT_TRANSLATE_NOOP("SferumLabels", "Завершена"),
    ConferenceStatus.ERROR: QT_TRANSLATE_NOOP("SferumLabels", "Ошибка"),
}


def chat_kind_label(kind: ChatKind) -> str:
    return label_of("SferumLabels", _CHAT_KINDS, kind)


def sync_label(state: ChatSyncState) -> str:
    return label_of("SferumLabels", _SYNC_STATES, state)


def participant_label(kind: ParticipantKind) -> str:
    """«Сотрудник», «Ученик», «Родитель»: the role of a participant."""
    return label_of("SferumLabels", _PARTICIPANT_KINDS, kind)


def participants_title(kind: ParticipantKind) -> str:
    """«Сотрудники», «Ученики», «Родители»: a participants' tab and its picker."""
    return label_of("SferumLabels", _PARTICIPANT_TABS, kind)


def member_state_label(state: MemberSferumState) -> str:
    return label_of("SferumLabels", _MEMBER_STATES, state)


def conference_kind_label(kind: ConferenceKind) -> str:
    """«Онлайн-урок», «Видеозвонок»."""
    return label_of("SferumLabels", _CONFERENCE_KINDS, kind)


def conference_status_label(status: ConferenceStatus) -> str:
    """«Новая», «Активная», «Завершена», «Ошибка»."""
    return label_of("SferumLabels", _CONFERENCE_STATUSES, status)
