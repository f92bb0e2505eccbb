"""Registry windows on the desktop: one window per registry, remembered sizes, minimising.

Opening a registry that is already open brings its window forward. A minimised window leaves
the desktop and waits on the taskbar, as on the ЭШ desktop.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QMdiArea, QMdiSubWindow, QWidget

from registries.base.context import RegistryContext
from registries.base.declaration import RegistryDeclaration, tr_registry
from registries.base.icons import icon

DEFAULT_SIZE = (980, 580)
CASCADE_STEP = 28


class WindowManager(QObject):
    window_opened = Signal(str, QMdiSubWindow)
    window_closed = Signal(str)
    dialog_opened = Signal(str, QDialog)

    def __init__(
        self,
        area: QMdiArea,
        find_declaration: Callable[[str], RegistryDeclaration],
        make_context: Callable[[], RegistryContext],
    ) -> None:
        super().__init__(area)
        self._area = area
        self._find = find_declaration
        self._make_context = make_context
        self._windows: dict[str, QMdiSubWindow] = {}
        self._dialogs: dict[str, QDialog] = {}

    @property
    def open_keys(self) -> list[str]:
        return list(self._windows)

    def window(self, key: str) -> QMdiSubWindow | None:
        return self._windows.get(key)

    def dialog(self, key: str) -> QDialog | None:
        return self._dialogs.get(key)

    def open(self, key: str) -> QWidget:
        """Open the registry `key`, or bring its window forward; returns its content widget."""
        if key in self._windows:
            self.activate(key)
            return self._windows[key].widget()
        if key in self._dialogs:
            self._dialogs[key].raise_()
            self._dialogs[key].activateWindow()
            return self._dialogs[key]
        declaration = self._find(key)
        widget = declaration.create(self._make_context())
        if declaration.dialog and isinstance(widget, QDialog):
            return self._open_dialog(key, widget)
        return self._open_window(key, declaration, widget)

    def _open_dialog(self, key: str, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs[key] = dialog
        dialog.finished.connect(lambda _result: self._dialogs.pop(key, None))
        dialog.open()
        self.dialog_opened.emit(key, dialog)
        return dialog

    def _open_window(self, key: str, declaration: RegistryDeclaration, widget: QWidget) -> QWidget:
        sub = self._area.addSubWindow(widget)
        sub.setObjectName(f"window:{key}")
        sub.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sub.setWindowIcon(icon(declaration.icon))
        if not widget.windowTitle():
            widget.setWindowTitle(tr_registry(declaration.title))
        sub.setGeometry(self._initial_geometry(key, declaration.size or DEFAULT_SIZE))
        sub.installEventFilter(self)
        sub.windowStateChanged.connect(
            lambda _old, new, window=sub: self._state_changed(window, new)
        )
        sub.destroyed.connect(lambda _obj=None, k=key: self._forget(k))
        self._windows[key] = sub
        sub.show()
        self._area.setActiveSubWindow(sub)
        self.window_opened.emit(key, sub)
        return widget

    def _state_key(self, key: str) -> str:
        return f"windows/{key}/geometry"

    def _initial_geometry(self, key: str, size: tuple[int, int] = DEFAULT_SIZE) -> QRect:
        viewport = self._area.viewport().rect()
        saved = self._make_context().state.value(self._state_key(key))
        if isinstance(saved, QRect) and saved.isValid():
            rect = QRect(saved)
        else:
            offset = 40 + CASCADE_STEP * (len(self._windows) % 6)
            width, height = size
            rect = QRect(offset + 90, offset, width, height)
        # Keep the window on the desktop even if the screen got smaller since last time.
        rect.setWidth(min(rect.width(), max(viewport.width() - 20, 320)))
        rect.setHeight(min(rect.height(), max(viewport.height() - 20, 240)))
        rect.moveLeft(min(max(rect.left(), 0), max(viewport.width() - rect.width(), 0)))
        rect.moveTop(min(max(rect.top(), 0), max(viewport.height() - rect.height(), 0)))
        return rect

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and isinstance(watched, QMdiSubWindow):
            key = next((k for k, w in self._windows.items() if w is watched), None)
            if key is not None:
                if not watched.isMinimized() and not watched.isMaximized():
                    self._make_context().state.setValue(self._state_key(key), watched.geometry())
                # The window may still refuse to close; look again once the event is handled.
                QTimer.singleShot(0, self, lambda: self._forget_if_closed(key, watched))
        return super().eventFilter(watched, event)

    def _forget_if_closed(self, key: str, window: QMdiSubWindow) -> None:
        if self._windows.get(key) is window and window not in self._area.subWindowList():
            self._forget(key)

    def _state_changed(self, window: QMdiSubWindow, state: Qt.WindowState) -> None:
        if state & Qt.WindowState.WindowMinimized:
            # It waits on the taskbar. Hidden once Qt has finished minimising, which shows
            # the window again as a small title bar.
            QTimer.singleShot(0, window, lambda: window.isMinimized() and window.hide())

    def activate(self, key: str) -> None:
        window = self._windows[key]
        if window.isMinimized() or not window.isVisible():
            window.showNormal()
        window.show()
        self._area.setActiveSubWindow(window)
        window.widget().setFocus()

    def minimise(self, key: str) -> None:
        self._windows[key].showMinimized()

    def toggle(self, key: str) -> None:
        """A taskbar button: restore a minimised window, minimise the active one."""
        window = self._windows[key]
        if window.isVisible() and self._area.activeSubWindow() is window:
            self.minimise(key)
        else:
            self.activate(key)

    def close_all(self) -> bool:
        """Close every window and dialog; False if one of them refused (unsaved changes)."""
        for dialog in list(self._dialogs.values()):
            if not dialog.close():
                return False
        return all(window.close() for window in list(self._windows.values()))

    def _forget(self, key: str) -> None:
        if self._windows.pop(key, None) is not None:
            self.window_closed.emit(key)
