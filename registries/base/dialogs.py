"""Small modal choices opened from coroutines: «Перевести в класс», «Сменить учителя», …

A coroutine awaits `ChoiceDialog.choose()`; the dialog opens with `open()`, never `exec()`, so
no event loop is nested inside the running task (see PLATFORM-NOTES: qasync).
"""

from __future__ import annotations

import asyncio

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


async def shown(dialog: QDialog) -> bool:
    """Open `dialog` window-modally and wait for it; True when accepted. It is deleted after."""
    future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def finished(result: int) -> None:
        if not future.done():
            future.set_result(result == QDialog.DialogCode.Accepted)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await future
    finally:
        if shiboken6.isValid(dialog):  # its parent may have been destroyed meanwhile
            dialog.hide()
            dialog.deleteLater()


class ChoiceDialog(QDialog):
    """A sentence, a form of choices, and «<what it does>» / «Отмена»."""

    def __init__(self, parent: QWidget | None, *, title: str, text: str, ok_text: str) -> None:
        super().__init__(parent)
        self.setObjectName("choiceDialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.text_label = QLabel(text, self)
        self.text_label.setObjectName("choiceText")
        self.text_label.setWordWrap(True)
        self.text_label.setVisible(bool(text))
        self.text_label.setMinimumWidth(400)  # the dialog grows with its choices, never less
        self.form = self._form()
        self.body = QVBoxLayout()  # e.g. a table of candidates
        self.lower_form = self._form()  # choices that follow the body
        self.ok_button = QPushButton(ok_text, self)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(translate("ChoiceDialog", "Отмена"), self)
        self.cancel_button.setAutoDefault(False)  # Enter never cancels
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addLayout(self.form)
        layout.addLayout(self.body, 1)
        layout.addLayout(self.lower_form)
        layout.addLayout(buttons)

    @staticmethod
    def _form() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setHorizontalSpacing(12)
        return form

    def add_row(self, label: str, widget: QWidget, *, below: bool = False) -> QWidget:
        """A labelled choice above the body, or `below` it."""
        caption = QLabel(label + ":", self)
        caption.setBuddy(widget)
        (self.lower_form if below else self.form).addRow(caption, widget)
        return widget

    async def choose(self) -> bool:
        """Show the dialog and wait; True for the OK button."""
        return await shown(self)
