"""«Авторизация в Сферум»: the phone number, «Привязать учебный аккаунт Сферум», «Отмена»."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backend.contract import (
    AlreadyLinked,
    BackendError,
    LinkAlreadyRequested,
    ValidationFailed,
)
from backend.contract.phones import PHONE_FORMAT_MESSAGE, format_phone, normalize_mobile
from registries.base import messages
from registries.base.context import RegistryContext
from registries.base.tasks import TaskRunner

# What the user can type or paste: digits and the usual punctuation of phone numbers.
PHONE_CHARACTERS = QRegularExpression(r"[0-9+()\-. ]{0,24}")


def sent_instructions() -> str:
    return QCoreApplication.translate(
        "SferumLinkDialog",
        "Запрос на привязку отправлен на платформу МАХ. Перейдите на платформу МАХ, откройте "
        "вкладку «Сферум» и выберите чат от сообщества Сферум. В полученном сообщении проверьте "
        "свои данные и нажмите «Подключить» (или «Не подключать», если данные не ваши).",
    )


class SferumLinkDialog(QDialog):
    request_sent = Signal()

    def __init__(self, context: RegistryContext) -> None:
        super().__init__(context.desktop)
        self._context = context
        self._tasks = TaskRunner(self)
        self._sending = False
        self.setObjectName("sferumLinkDialog")
        self.setWindowTitle(self.tr("Авторизация в Сферум"))
        self.setModal(True)

        intro = QLabel(
            self.tr(
                "Укажите номер мобильного телефона, с которым вы зарегистрированы на платформе "
                "МАХ. На него придет запрос на привязку учебного аккаунта Сферум."
            )
        )
        intro.setWordWrap(True)
        # What became of the last request, when it did not work out.
        self.state_label = QLabel()
        self.state_label.setObjectName("linkState")
        self.state_label.setWordWrap(True)
        self.state_label.hide()
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phone")
        self.phone_edit.setPlaceholderText("+7 (9XX) XXX-XX-XX")
        self.phone_edit.setValidator(QRegularExpressionValidator(PHONE_CHARACTERS, self))
        self.phone_edit.editingFinished.connect(self._tidy_phone)
        form = QFormLayout()
        form.addRow(self.tr("Номер телефона"), self.phone_edit)

        self.link_button = QPushButton(self.tr("Привязать учебный аккаунт Сферум"))
        self.link_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Отмена"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.link_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.link_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.state_label)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())
        self._tasks.start(self._show_last_request(), on_error=lambda _error: None)

    async def _show_last_request(self) -> None:
        link = await self._context.backend.sferum_link()
        if link.message:
            self.state_label.setText(link.message)
            self.state_label.show()
        if link.phone and not self.phone_edit.text():
            self.phone_edit.setText(format_phone(link.phone))

    def _tidy_phone(self) -> None:
        """Show an understood number the ЭШ way: +7 (9XX) XXX-XX-XX."""
        number = normalize_mobile(self.phone_edit.text())
        if number is not None:
            self.phone_edit.setText(format_phone(number))

    def submit(self) -> None:
        if self._sending:
            return
        number = normalize_mobile(self.phone_edit.text())
        if number is None:
            # The manual's system message; nothing is sent.
            self._tasks.start(messages.warn_async(self, PHONE_FORMAT_MESSAGE))
            self.phone_edit.setFocus()
            return
        self.phone_edit.setText(format_phone(number))
        self._sending = True  # a second click before the answer sends nothing
        self.link_button.setEnabled(False)
        self._tasks.start(self._send(number), on_error=self._refused)

    async def _send(self, number: str) -> None:
        try:
            await self._context.backend.request_sferum_link(number)
        finally:
            self._sending = False
            self.link_button.setEnabled(True)
        self._context.states_may_have_changed()
        self.request_sent.emit()
        await messages.inform_async(self, sent_instructions())
        self.accept()

    def _refused(self, error: BackendError) -> None:
        if isinstance(error, (LinkAlreadyRequested, AlreadyLinked)):
            # Not a failure: the manual's information message, and the dialog has done its job.
            self._context.states_may_have_changed()
            self._tasks.start(self._inform_and_close(error.message))
        elif isinstance(error, ValidationFailed):
            self._tasks.start(messages.warn_async(self, error.message))
        else:
            self._tasks.report(error)

    async def _inform_and_close(self, text: str) -> None:
        await messages.inform_async(self, text)
        self.accept()


def create(context: RegistryContext) -> QWidget:
    return SferumLinkDialog(context)
