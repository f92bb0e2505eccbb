"""How a registry is declared: what it is called, where it appears, who sees it, what opens.

The desktop builds its shortcuts and the «Пуск» menu from these declarations and keeps one
window per registry; a registry module only says what it is.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from backend.contract import CurrentUser, Role

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from registries.base.context import RegistryContext

TRANSLATION_CONTEXT = "Registries"


def tr_registry(text: str) -> str:
    """Translate a title, menu folder or hint declared with QT_TRANSLATE_NOOP("Registries")."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


@dataclass(frozen=True)
class WindowFactory:
    """What opens a registry: `name` in `module`, imported when it is first opened, so that
    start-up loads only the windows it shows. (A packaged build must carry `module`.)"""

    module: str
    name: str

    def __call__(self, context: RegistryContext) -> QWidget:
        make: Callable[[RegistryContext], QWidget] = getattr(
            importlib.import_module(self.module), self.name
        )
        return make(context)


def made_by(module: str, name: str) -> WindowFactory:
    return WindowFactory(module, name)


@dataclass(frozen=True)
class RegistryDeclaration:
    key: str
    title: str  # source text, marked with QT_TRANSLATE_NOOP("Registries", ...)
    icon: str
    # Where it sits in «Пуск», e.g. ("Реестры",) or ("Классный журнал", "Журнал").
    menu_path: tuple[str, ...]
    # Who sees it: users holding at least one of these roles.
    roles: frozenset[Role]
    create: Callable[[RegistryContext], QWidget]
    on_desktop: bool = False  # also a shortcut on the desktop
    dialog: bool = False  # a modal dialog rather than a window on the desktop
    order: int = 100  # position among its siblings
    # Shown only while the desktop holds this state, e.g. SFERUM_NOT_LINKED; None: always.
    shown_when: str | None = None
    # The desktop shortcut only while the desktop holds this state (the «Пуск» entry follows
    # `shown_when`): staff open «Сферум» from «Пуск» to link there, its shortcut comes with
    # the link.
    shortcut_when: str | None = None
    # Users holding one of these roles do not see it, e.g. an employee who is also a parent
    # gets the staff version of a registry.
    hidden_from: frozenset[Role] = frozenset()
    # The window's first size (width, height) where the desktop's default is too small for
    # its toolbar; the size the user gives it is remembered after that.
    size: tuple[int, int] | None = None

    def visible_to(self, user: CurrentUser, states: frozenset[str] = frozenset()) -> bool:
        return (
            user.has(*self.roles)
            and not user.has(*self.hidden_from)
            and (self.shown_when is None or self.shown_when in states)
        )

    def on_desktop_in(self, states: frozenset[str]) -> bool:
        """Whether its shortcut is on the desktop now (for a user who sees it)."""
        return self.on_desktop and (self.shortcut_when is None or self.shortcut_when in states)


# Desktop states that declarations can depend on.
SFERUM_NOT_LINKED = "sferum:not-linked"
SFERUM_LINKED = "sferum:linked"
MAX_DEMO = "max:demo"  # the backend simulates MAX: its users' side can be shown
