"""The «Пуск» menu, built from the registry declarations a user may see."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMenu, QWidget

from backend.contract import CurrentUser
from registries.base.declaration import RegistryDeclaration, tr_registry
from registries.base.icons import icon


def visible_declarations(
    declarations: Sequence[RegistryDeclaration],
    user: CurrentUser,
    states: frozenset[str] = frozenset(),
) -> list[RegistryDeclaration]:
    return [d for d in declarations if d.visible_to(user, states)]


def build_start_menu(
    parent: QWidget,
    declarations: Sequence[RegistryDeclaration],
    folder_order: Sequence[str],
    open_registry: Callable[[str], None],
) -> QMenu:
    """A nested menu with a folder per menu path; folders without entries do not appear."""
    menu = QMenu(parent)
    menu.setObjectName("startMenu")
    folders: dict[tuple[str, ...], QMenu] = {(): menu}

    def folder(path: tuple[str, ...]) -> QMenu:
        if path not in folders:
            parent_menu = folder(path[:-1])
            submenu = parent_menu.addMenu(icon("folder"), tr_registry(path[-1]))
            submenu.setObjectName("startMenuFolder")
            folders[path] = submenu
        return folders[path]

    def sort_key(declaration: RegistryDeclaration) -> tuple[int, tuple[str, ...], int]:
        top = declaration.menu_path[0] if declaration.menu_path else ""
        rank = folder_order.index(top) if top in folder_order else len(folder_order)
        return rank, declaration.menu_path, declaration.order

    for declaration in sorted(declarations, key=sort_key):
        action = folder(declaration.menu_path).addAction(
            icon(declaration.icon), tr_registry(declaration.title)
        )
        action.setObjectName(f"open:{declaration.key}")
        action.triggered.connect(lambda _checked=False, key=declaration.key: open_registry(key))
    return menu


def menu_tree(menu: QMenu) -> dict[str, object]:
    """The menu as nested dicts of visible texts (folders → dicts, entries → None)."""
    tree: dict[str, object] = {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        submenu = action.menu()
        tree[action.text()] = menu_tree(submenu) if isinstance(submenu, QMenu) else None
    return tree
