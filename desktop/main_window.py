"""The ЭШ desktop: a blue surface with shortcuts, registry windows on it, and the taskbar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QKeySequence, QLinearGradient, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMdiArea,
    QMdiSubWindow,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backend.contract import Backend, CurrentUser
from desktop.shortcuts import ShortcutModel, ShortcutView
from desktop.start_menu import build_start_menu, visible_declarations
from desktop.window_manager import WindowManager
from registries.base.changes import ChangeBus
from registries.base.context import RegistryContext, local_now
from registries.base.declaration import RegistryDeclaration
from registries.base.icons import icon


class DesktopArea(QMdiArea):
    """The desktop surface: registry windows float over a column of shortcuts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desktopArea")
        self.shortcuts = ShortcutView(self.viewport())
        self.shortcuts.lower()
        self.viewport().installEventFilter(self)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self._paint_background()
            self.shortcuts.setGeometry(8, 8, 240, max(self.viewport().height() - 16, 100))
            self.shortcuts.lower()
        return super().eventFilter(watched, event)

    def _paint_background(self) -> None:
        gradient = QLinearGradient(0, 0, 0, max(self.viewport().height(), 1))
        gradient.setColorAt(0.0, QColor("#5a8fd0"))
        gradient.setColorAt(1.0, QColor("#1f5597"))
        self.setBackground(QBrush(gradient))


class Taskbar(QFrame):
    """«Пуск», a button per open window, the user and «Выход»."""

    window_button_clicked = Signal(str)
    log_out_requested = Signal()

    def __init__(self, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskbar")
        self.start_button = QToolButton(self)
        self.start_button.setObjectName("startButton")
        self.start_button.setText(self.tr("Пуск"))
        self.start_button.setIcon(icon("start"))
        self.start_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.start_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._window_buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._windows_layout = QHBoxLayout()
        self._windows_layout.setSpacing(3)
        self.user_label = QLabel(self)
        self.user_label.setObjectName("taskbarUser")
        self.user_label.setText(f"{user.full_name} · {user.organisation_name}")
        user_icon = QLabel(self)
        user_icon.setPixmap(icon("user").pixmap(16, 16))
        self.log_out_button = QToolButton(self)
        self.log_out_button.setObjectName("logOutButton")
        self.log_out_button.setText(self.tr("Выход"))
        self.log_out_button.setIcon(icon("logout"))
        self.log_out_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.log_out_button.clicked.connect(self.log_out_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 3, 6, 3)
        layout.setSpacing(6)
        layout.addWidget(self.start_button)
        separator = QFrame(self)
        separator.setFrameShape(QFrame.Shape.VLine)
        layout.addWidget(separator)
        layout.addLayout(self._windows_layout)
        layout.addStretch(1)
        layout.addWidget(user_icon)
        layout.addWidget(self.user_label)
        layout.addWidget(self.log_out_button)

    def add_window(self, key: str, title: str, window_icon: object) -> None:
        button = QToolButton(self)
        button.setObjectName(f"taskbarButton:{key}")
        button.setText(title)
        button.setIcon(window_icon)  # type: ignore[arg-type]
        button.setIconSize(QSize(16, 16))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setCheckable(True)
        button.setMaximumWidth(220)
        button.clicked.connect(lambda _checked=False: self.window_button_clicked.emit(key))
        self._group.addButton(button)
        self._window_buttons[key] = button
        self._windows_layout.addWidget(button)

    def remove_window(self, key: str) -> None:
        button = self._window_buttons.pop(key, None)
        if button is not None:
            self._group.removeButton(button)
            button.deleteLater()

    def mark_active(self, key: str | None) -> None:
        self._group.setExclusive(False)
        for button_key, button in self._window_buttons.items():
            button.setChecked(button_key == key)
        self._group.setExclusive(True)

    def window_titles(self) -> list[str]:
        return [button.text() for button in self._window_buttons.values()]


class DesktopWindow(QMainWindow):
    log_out_requested = Signal()
    about_requested = Signal()
    closed = Signal()
    states_may_have_changed = Signal()

    def __init__(
        self,
        backend: Backend,
        user: CurrentUser,
        declarations: Sequence[RegistryDeclaration],
        folder_order: Sequence[str],
        make_state: Callable[[], object],
        states: frozenset[str] = frozenset(),
        now: Callable[[], dt.datetime] = local_now,
    ) -> None:
        """`now` is the school's "now" for the registries (the backend's clock in tests)."""
        super().__init__()
        self.setObjectName("desktop")
        self._now = now
        self.backend = backend
        self.user = user
        self._state = make_state()
        self.changes = ChangeBus(self)
        self.setWindowIcon(icon("esh"))
        self.setWindowTitle(
            self.tr("Электронная школа — {organisation}").format(
                organisation=user.organisation_name
            )
        )
        self._all_declarations = list(declarations)
        self._folder_order = tuple(folder_order)
        self.states = frozenset(states)
        self.declarations = visible_declarations(declarations, user, self.states)
        self._by_key = {d.key: d for d in self.declarations}

        self.area = DesktopArea(self)
        self.shortcut_model = ShortcutModel(self)
        self.shortcut_model.set_shortcuts(self._shortcuts())
        self.area.shortcuts.setModel(self.shortcut_model)
        self.area.shortcuts.open_requested.connect(self.open_registry)
        self.taskbar = Taskbar(user, self)
        self.start_menu = self._build_start_menu()
        self.taskbar.log_out_requested.connect(self.log_out_requested)
        QShortcut(QKeySequence("Ctrl+Esc"), self, self.taskbar.start_button.showMenu)

        self.windows = WindowManager(self.area, self._declaration, self.registry_context)
        self.windows.window_opened.connect(self._window_opened)
        self.windows.window_closed.connect(self.taskbar.remove_window)
        self.taskbar.window_button_clicked.connect(self.windows.toggle)
        self.area.subWindowActivated.connect(self._window_activated)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.taskbar)
        self.setCentralWidget(central)
        self.resize(1280, 800)

    def _build_start_menu(self) -> QMenu:
        menu = build_start_menu(self, self.declarations, self._folder_order, self.open_registry)
        menu.addSeparator()
        about = menu.addAction(icon("esh"), self.tr("О программе"))
        about.setObjectName("about")
        about.triggered.connect(self.about_requested)
        log_out = menu.addAction(icon("logout"), self.tr("Выход"))
        log_out.triggered.connect(self.log_out_requested)
        self.taskbar.start_button.setMenu(menu)
        return menu

    def set_state(self, state: str, on: bool) -> None:
        """Turn a desktop state on or off; shortcuts and «Пуск» follow at once."""
        states = self.states | {state} if on else self.states - {state}
        if states == self.states:
            return
        self.states = frozenset(states)
        self.declarations = visible_declarations(self._all_declarations, self.user, self.states)
        self._by_key = {d.key: d for d in self.declarations}
        self.shortcut_model.set_shortcuts(self._shortcuts())
        old_menu, self.start_menu = self.start_menu, self._build_start_menu()
        old_menu.deleteLater()

    def _shortcuts(self) -> list[RegistryDeclaration]:
        return [d for d in self.declarations if d.on_desktop_in(self.states)]

    def _declaration(self, key: str) -> RegistryDeclaration:
        return self._by_key[key]

    def registry_context(self) -> RegistryContext:
        return RegistryContext(
            backend=self.backend,
            user=self.user,
            state=self._state,  # type: ignore[arg-type]
            desktop=self,
            open_registry=self.open_registry,
            states_may_have_changed=self.states_may_have_changed.emit,
            changes=self.changes,
            now=self._now,
        )

    def open_registry(self, key: str) -> QWidget | None:
        """Open a registry the user may see; others are not there to open."""
        if key not in self._by_key:
            return None
        return self.windows.open(key)

    def _window_opened(self, key: str, window: QMdiSubWindow) -> None:
        self.taskbar.add_window(key, window.windowTitle(), window.windowIcon())
        self.taskbar.mark_active(key)

    def _window_activated(self, window: QMdiSubWindow | None) -> None:
        key = None
        for open_key in self.windows.open_keys:
            if self.windows.window(open_key) is window:
                key = open_key
        self.taskbar.mark_active(key)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.windows.close_all():
            event.accept()
            self.closed.emit()
        else:
            event.ignore()
