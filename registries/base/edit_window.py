"""The edit-window base: «<Сущность>: Добавление» / «…: Редактирование».

Fields sit in a form with room for a message under each one. The title gets an asterisk while
what is on screen differs from what was loaded; closing then asks first. «Сохранить» runs the
subclass's `save()`; a refusal from the backend is shown at the fields or as a sentence, and
nothing typed is lost.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from backend.contract import BackendError, NotAuthenticated, ValidationFailed
from registries.base import messages
from registries.base.tasks import TaskRunner

translate = QCoreApplication.translate


class EditMode(Enum):
    ADD = "add"
    EDIT = "edit"

    def title_suffix(self) -> str:
        if self is EditMode.ADD:
            return translate("EditWindow", "Добавление")
        return translate("EditWindow", "Редактирование")


class EditWindow(QDialog):
    """Subclasses add fields with `add_field`, implement `values()` and `save()`."""

    saved = Signal(object)  # what the backend returned
    save_failed = Signal(str)

    def __init__(self, parent: QWidget | None, *, entity: str, mode: EditMode) -> None:
        super().__init__(parent)
        self.setObjectName("editWindow")
        self.mode = mode
        self.entity = entity
        # "[*]" is where Qt puts the asterisk while the window is modified.
        self.setWindowTitle(f"[*]{entity}: {mode.title_suffix()}")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.tasks = TaskRunner(self)
        self._initial: dict[str, Any] | None = None
        self._error_labels: dict[str, QLabel] = {}
        self._saving = False

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setHorizontalSpacing(12)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("formMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.save_button = QPushButton(translate("EditWindow", "Сохранить"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.start_save)
        self.cancel_button = QPushButton(translate("EditWindow", "Отмена"), self)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, self.start_save)

        panel = QFrame(self)
        panel.setObjectName("editPanel")
        panel.setLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(panel)
        layout.addWidget(self.message_label)
        self.body = QVBoxLayout()
        layout.addLayout(self.body, 1)
        layout.addLayout(buttons)

    # --- fields -----------------------------------------------------------------------------
    def add_field(
        self, key: str, label: str, widget: QWidget, *, required: bool = False
    ) -> QWidget:
        """Add a labelled field; `key` names it in the backend's field errors."""
        caption = QLabel(label + ":", self)
        if required:
            caption.setProperty("required", True)
        error = QLabel(self)
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        if not isinstance(widget, QAbstractButton):
            # Fields take the whole width of the form, as in ЭШ.
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, widget.sizePolicy().verticalPolicy())
        column.addWidget(widget)
        column.addWidget(error)
        self.form.addRow(caption, holder)
        caption.setBuddy(widget)
        self._error_labels[key] = error
        self._track(widget)
        return widget

    def _track(self, widget: QWidget) -> None:
        signal: Any = None
        if isinstance(widget, QLineEdit):
            signal = widget.textChanged
        elif isinstance(widget, QComboBox):
            signal = widget.currentIndexChanged
        elif isinstance(widget, QAbstractButton):
            signal = widget.toggled
        elif isinstance(widget, QDateEdit | QTimeEdit):
            signal = widget.dateTimeChanged
        elif isinstance(widget, QTextEdit):
            signal = widget.textChanged
        if signal is not None:
            signal.connect(self.refresh_modified)

    def values(self) -> dict[str, Any]:
        """What is on screen now; compared with the loaded values to tell unsaved changes."""
        raise NotImplementedError

    def mark_loaded(self) -> None:
        """Call once the fields show the record (or the defaults of a new one)."""
        self._initial = self.values()
        self.refresh_modified()

    def refresh_modified(self, *_args: object) -> None:
        self.setWindowModified(self.has_changes())

    def has_changes(self) -> bool:
        return self._initial is not None and self.values() != self._initial

    def set_field_errors(self, errors: dict[str, str]) -> None:
        for key, label in self._error_labels.items():
            text = errors.get(key, "")
            label.setText(text)
            label.setVisible(bool(text))

    def field_error(self, key: str) -> str:
        label = self._error_labels.get(key)
        return label.text() if label is not None and label.isVisible() else ""

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # --- saving -----------------------------------------------------------------------------
    def validate(self) -> dict[str, str]:
        """Checks done before anything is sent; field key → message."""
        return {}

    async def save(self) -> Any:
        """Send the values to the backend and return what it saved."""
        raise NotImplementedError

    async def confirm(self) -> bool:
        """Asked once the checks pass, before `save()` (e.g. a warning with «Ок» / «Отмена»);
        False returns to the window with everything kept."""
        return True

    def start_save(self) -> None:
        if self._saving:
            return
        errors = self.validate()
        self.set_field_errors(errors)
        if errors:
            self.show_message(translate("EditWindow", "Проверьте правильность заполнения полей."))
            self.save_failed.emit(self.message_label.text())
            return
        self.tasks.start(self._save())

    async def _save(self) -> None:
        self._saving = True
        self.save_button.setEnabled(False)
        self.show_message("")
        try:
            if not await self.confirm():
                return
            result = await self.save()
        except ValidationFailed as error:
            self.set_field_errors(error.field_errors)
            self.show_message(error.message)
            self.save_failed.emit(error.message)
            return
        except BackendError as error:
            self.show_message(error.message)
            self.save_failed.emit(error.message)
            if not isinstance(error, NotAuthenticated):  # the login window says that one
                await messages.error_async(self, error.message)
            return
        finally:
            self._saving = False
            self.save_button.setEnabled(True)
        self._initial = self.values()
        self.refresh_modified()
        self.saved.emit(result)
        self.accept()

    # --- closing ----------------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        if not self.has_changes():
            return True
        return messages.ask(
            self,
            translate("EditWindow", "Данные были изменены. Закрыть окно без сохранения изменений?"),
        )

    def reject(self) -> None:
        # Also reached from the title bar's close button and Esc (QDialog.closeEvent → reject).
        if self.confirm_discard():
            self._initial = None  # the question was answered; closeEvent need not ask again
            super().reject()
