"""The login window in the ЭШ manner: organisation, «Логин», «Пароль», «Остаться в системе»."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backend.version import current_version
from desktop.connection import Connection, server_address
from registries.base.icons import icon

if TYPE_CHECKING:  # the window is shown before the backend and asyncio are loaded
    from backend.contract import Backend, BackendError, LoginResult, OrganisationSummary
    from desktop.settings import Settings
    from registries.base.tasks import TaskRunner


def demo_hint() -> str:
    return QCoreApplication.translate(
        "DesktopApplication",
        "Демонстрационная школа «МБОУ СОШ № 7». Логины: klass (классный руководитель), "
        "uchitel (учитель), chatadmin (администратор чатов), admin (администратор), "
        "uchenik (ученик), roditel (родитель). Пароль для всех: demo",
    )


class LoginWindow(QWidget):
    logged_in = Signal(object)  # LoginResult
    login_failed = Signal(str)  # the sentence shown
    organisations_loaded = Signal()
    language_chosen = Signal(str)  # "ru" / "en"
    connection_chosen = Signal(object)  # Connection
    closed = Signal()

    def __init__(
        self,
        backend: Backend | None,
        settings: Settings,
        *,
        connection: Connection | None = None,
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginWindow")
        self.setWindowIcon(icon("esh"))
        self.backend = backend
        self.settings = settings
        self.connection = connection or Connection()
        self._pending_message = ""
        self._tasks: TaskRunner | None = None
        self._hint_text = hint
        self._busy = False
        self.first_painted_at: float | None = None  # the system's monotonic clock

        card = QFrame(self)
        card.setObjectName("loginCard")
        self.logo = QLabel(card)
        self.logo.setPixmap(icon("esh").pixmap(56, 56))
        self.product_label = QLabel(card)
        self.product_label.setObjectName("productTitle")
        self.heading_label = QLabel(card)
        self.heading_label.setObjectName("loginHeading")
        self.connection_combo = QComboBox(card)
        self.connection_combo.setObjectName("connectionCombo")
        self.server_edit = QLineEdit(card)
        self.server_edit.setObjectName("serverEdit")
        self.server_edit.setMaxLength(300)
        self.connect_button = QPushButton(card)
        self.connect_button.setObjectName("connectButton")
        self.server_row = QWidget(card)
        server_layout = QHBoxLayout(self.server_row)
        server_layout.setContentsMargins(0, 0, 0, 0)
        server_layout.addWidget(self.server_edit, 1)
        server_layout.addWidget(self.connect_button)
        self.organisation_combo = QComboBox(card)
        self.organisation_combo.setObjectName("organisationCombo")
        self.organisation_combo.setMinimumWidth(320)
        self.login_edit = QLineEdit(card)
        self.login_edit.setObjectName("loginEdit")
        self.login_edit.setMaxLength(100)
        self.password_edit = QLineEdit(card)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(200)
        self.remember_check = QCheckBox(card)
        self.login_button = QPushButton(card)
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.message_label = QLabel(card)
        self.message_label.setObjectName("loginMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.retry_button = QPushButton(card)
        self.retry_button.hide()
        self.hint_label = QLabel(card)
        self.hint_label.setObjectName("loginHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem("Русский", "ru")
        self.language_combo.addItem("English", "en")

        self.form = QFormLayout()
        self.connection_caption = QLabel(card)
        self.server_caption = QLabel(card)
        self.form.addRow(self.connection_caption, self.connection_combo)
        self.form.addRow(self.server_caption, self.server_row)
        self.organisation_caption = QLabel(card)
        self.login_caption = QLabel(card)
        self.password_caption = QLabel(card)
        self.form.addRow(self.organisation_caption, self.organisation_combo)
        self.form.addRow(self.login_caption, self.login_edit)
        self.form.addRow(self.password_caption, self.password_edit)
        self.form.addRow("", self.remember_check)
        header = QHBoxLayout()
        header.addWidget(self.logo)
        titles = QVBoxLayout()
        titles.addWidget(self.product_label)
        titles.addWidget(self.heading_label)
        header.addLayout(titles, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        buttons.addWidget(self.login_button)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(24, 20, 24, 20)
        card_layout.addLayout(header)
        card_layout.addSpacing(8)
        card_layout.addLayout(self.form)
        card_layout.addWidget(self.message_label)
        card_layout.addLayout(buttons)
        card_layout.addWidget(self.hint_label)
        self.version_label = QLabel(self)
        self.version_label.setObjectName("loginVersion")
        footer = QHBoxLayout()
        footer.addWidget(self.version_label)
        footer.addStretch(1)
        footer.addWidget(self.language_combo)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 30, 40, 16)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        outer.addLayout(footer)

        self.login_button.clicked.connect(self.submit)
        self.password_edit.returnPressed.connect(self.submit)
        self.login_edit.returnPressed.connect(self.password_edit.setFocus)
        self.retry_button.clicked.connect(lambda: self.load_organisations())
        self.connection_combo.currentIndexChanged.connect(self._connection_kind_chosen)
        self.connect_button.clicked.connect(self._server_chosen)
        self.server_edit.returnPressed.connect(self._server_chosen)
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language_combo.currentData())
        )
        self.login_edit.setText(settings.last_login)
        self.retranslate_ui()
        self._show_connection(self.connection)
        self.resize(720, 520)
        if backend is None:  # on screen before the rest of the program has loaded
            self._set_busy(True, self._connecting_text())

    @property
    def tasks(self) -> TaskRunner:
        """The window's coroutines (made on first use: asyncio loads after the first paint)."""
        if self._tasks is None:
            from registries.base.tasks import TaskRunner

            self._tasks = TaskRunner(self)
        return self._tasks

    # --- texts ------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Электронная школа — вход в систему"))
        self.product_label.setText(self.tr("Электронная школа"))
        self.heading_label.setText(self.tr("Вход в систему"))
        self.connection_caption.setText(self.tr("Подключение"))
        self.server_caption.setText(self.tr("Адрес сервера"))
        self.server_edit.setPlaceholderText("https://esh.school.ru")
        self.connect_button.setText(self.tr("Подключиться"))
        index = self.connection_combo.currentIndex()
        self.connection_combo.blockSignals(True)
        self.connection_combo.clear()
        self.connection_combo.addItem(self.tr("Встроенная база данных"), "local")
        self.connection_combo.addItem(self.tr("Сервер"), "server")
        self.connection_combo.setCurrentIndex(max(index, 0))
        self.connection_combo.blockSignals(False)
        self.organisation_caption.setText(self.tr("Организация"))
        self.organisation_combo.setPlaceholderText(self.tr("Выберите организацию"))
        self.login_caption.setText(self.tr("Логин"))
        self.password_caption.setText(self.tr("Пароль"))
        self.remember_check.setText(self.tr("Остаться в системе"))
        self.login_button.setText(self.tr("Войти"))
        self.retry_button.setText(self.tr("Повторить"))
        self.version_label.setText(self.tr("Версия {version}").format(version=current_version()))
        self.hint_label.setText(self._hint_text)
        self.hint_label.setVisible(bool(self._hint_text))

    def set_hint(self, text: str) -> None:
        self._hint_text = text
        self.retranslate_ui()

    def set_language(self, language: str) -> None:
        index = self.language_combo.findData(language)
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(max(index, 0))
        self.language_combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- connection -------------------------------------------------------------------------
    def _show_connection(self, connection: Connection) -> None:
        self.connection_combo.blockSignals(True)
        self.connection_combo.setCurrentIndex(1 if connection.is_server else 0)
        self.connection_combo.blockSignals(False)
        self.server_edit.setText(connection.server_url or self.settings.last_server_url)
        self._set_server_row_visible(connection.is_server)

    def _set_server_row_visible(self, visible: bool) -> None:
        self.server_row.setVisible(visible)
        self.server_caption.setVisible(visible)

    def _connection_kind_chosen(self, _index: int) -> None:
        server = self.connection_combo.currentData() == "server"
        self._set_server_row_visible(server)
        if server:
            self.server_edit.setFocus()
            if self.server_edit.text().strip():
                self._server_chosen()
        else:
            self.connection_chosen.emit(Connection())

    def _server_chosen(self) -> None:
        try:
            address = server_address(self.server_edit.text())
        except ValueError as error:
            self._refuse(str(error), self.server_edit)
            return
        self.server_edit.setText(address)
        if Connection(address) == self.connection:
            self.load_organisations()  # «Подключиться» again: try the same server again
        else:
            self.connection_chosen.emit(Connection(address))

    def set_backend(self, backend: Backend, connection: Connection) -> None:
        """Use another backend, chosen by the user or given by the desktop."""
        self.tasks.cancel_all()
        self.backend = backend
        self.connection = connection
        self._show_connection(connection)
        self.organisation_combo.clear()

    def lock_connection(self) -> None:
        """While a desktop waits behind this window, the connection cannot change."""
        self.connection_combo.setEnabled(False)
        self.server_row.setEnabled(False)

    # --- organisations ----------------------------------------------------------------------
    def load_organisations(self, message: str = "") -> None:
        """Fetch the organisations; `message` is shown once they are there (e.g. why the
        user has to log in again)."""
        self._pending_message = message
        if self.backend is None:
            return  # shown before the backend was made: they are fetched once it is given
        self.tasks.start(self._load_organisations(), on_error=self._organisations_failed)

    def _connecting_text(self) -> str:
        if self.connection.is_server:
            return self.tr("Подключение к серверу…")
        return self.tr("Подключение к базе данных…")

    async def _load_organisations(self) -> None:
        self._set_busy(True, self._connecting_text())
        self.retry_button.hide()
        try:
            organisations = await self.backend.list_organisations()
        finally:
            self._set_busy(False)
        self._fill_organisations(organisations)
        self.organisations_loaded.emit()

    def _fill_organisations(self, organisations: list[OrganisationSummary]) -> None:
        self.organisation_combo.clear()
        for organisation in organisations:
            self.organisation_combo.addItem(organisation.short_name, organisation.id)
            self.organisation_combo.setItemData(
                self.organisation_combo.count() - 1, organisation.name, Qt.ItemDataRole.ToolTipRole
            )
        index = self.organisation_combo.findData(self.settings.last_organisation_id)
        self.organisation_combo.setCurrentIndex(
            index if index >= 0 else (0 if organisations else -1)
        )
        if not organisations:
            self.show_message(self.tr("В базе данных нет ни одной организации."))
        else:
            self.show_message(self._pending_message)
        (self.password_edit if self.login_edit.text() else self.login_edit).setFocus()

    def _organisations_failed(self, error: BackendError) -> None:
        self.organisation_combo.clear()
        self.show_message(error.message)
        self.retry_button.show()
        self.login_failed.emit(error.message)

    # --- logging in -------------------------------------------------------------------------
    def submit(self) -> None:
        if self._busy:
            return
        organisation_id = self.organisation_combo.currentData()
        login = self.login_edit.text().strip()
        if organisation_id is None:
            self._refuse(self.tr("Выберите организацию."), self.organisation_combo)
        elif not login:
            self._refuse(self.tr("Введите логин."), self.login_edit)
        elif not self.password_edit.text():
            self._refuse(self.tr("Введите пароль."), self.password_edit)
        else:
            self.tasks.start(
                self._log_in(organisation_id, login, self.password_edit.text()),
                on_error=self._login_refused,
            )

    def _refuse(self, text: str, field: QWidget) -> None:
        self.show_message(text)
        field.setFocus()
        self.login_failed.emit(text)

    async def _log_in(self, organisation_id: int, login: str, password: str) -> None:
        self._set_busy(True, self.tr("Вход в систему…"))
        try:
            result: LoginResult = await self.backend.log_in(
                organisation_id, login, password, remember=self.remember_check.isChecked()
            )
        finally:
            self._set_busy(False)
        self.settings.last_organisation_id = organisation_id
        self.settings.last_login = login
        self.password_edit.clear()
        self.show_message("")
        self.logged_in.emit(result)

    def _login_refused(self, error: BackendError) -> None:
        self.password_edit.clear()
        self._refuse(error.message, self.password_edit)

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        for widget in (
            self.organisation_combo,
            self.login_edit,
            self.password_edit,
            self.remember_check,
            self.login_button,
        ):
            widget.setEnabled(not busy)
        # While busy the message line shows progress, in a calmer colour than an error.
        self.show_message(text if busy else "")
        self.message_label.setProperty("busy", busy)
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.first_painted_at is None:
            self.first_painted_at = time.monotonic()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._tasks is not None:
            self._tasks.cancel_all()
        self.closed.emit()
        super().closeEvent(event)
