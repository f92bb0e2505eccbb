"""Every registry the desktop can open, in the order of the «Пуск» menu."""

from __future__ import annotations

from registries import journal, organisation, roster, sferum, timetable
from registries.base.declaration import RegistryDeclaration

# Top-level folders of «Пуск», in this order.
MENU_ORDER = ("Реестры", "Классный журнал", "Администрирование")


def all_registries() -> tuple[RegistryDeclaration, ...]:
    return (
        *roster.DECLARATIONS,
        *timetable.DECLARATIONS,
        *journal.DECLARATIONS,
        *organisation.DECLARATIONS,
        *sferum.DECLARATIONS,
    )


def registry(key: str) -> RegistryDeclaration:
    for declaration in all_registries():
        if declaration.key == key:
            return declaration
    raise KeyError(key)
