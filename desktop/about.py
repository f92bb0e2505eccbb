"""«Пуск / О программе»: the version, what the desktop is connected to, and where the log is —
what IT staff ask for first when a teacher calls."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, Signal, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backend.contract import Backend, BackendError, BackendInfo
from backend.version import current_version
from registries.base.icons import icon
from registries.base.tasks import TaskRunner


def breakable(text: str) -> str:
    """Long paths may wrap after a folder separator (a zero-width space marks the place)."""
    return text.replace("/", "/\u200b").replace("\\", "\\\u200b")


class AboutDialog(QDialog):
    described = Signal()  # the backend's part is filled in (or said to be unavailable)

    def __init__(self, parent: QWidget | None, backend: Backend, log_file: Path | None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("О программе"))
        self.setWindowIcon(icon("esh"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.log_file = log_file
        self.tasks = TaskRunner(self)

        logo = QLabel(self)
        logo.setPixmap(icon("esh").pixmap(48, 48))
        product = QLabel(self.tr("Электронная школа"), self)
        product.setObjectName("aboutProduct")
        subtitle = QLabel(self.tr("Рабочий стол с реестром «Сферум»"), self)
        self.version_label = QLabel(
            self.tr("Версия {version}").format(version=current_version()), self
        )
        self.version_label.setObjectName("aboutVersion")
        self.connection_label = QLabel(self.tr("Определяется…"), self)
        self.connection_label.setWordWrap(True)
        self.connection_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._texts = {
            "connection": self.tr("Определяется…"),
            "log": str(log_file) if log_file else self.tr("не ведется"),
        }
        self.log_label = QLabel(breakable(self._texts["log"]), self)
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.platform_label = QLabel(
            f"Qt {qVersion()}, PySide6 {pyside_version}, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}",
            self,
        )
        self.platform_label.setWordWrap(True)

        header = QHBoxLayout()
        header.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(product)
        titles.addWidget(subtitle)
        titles.addWidget(self.version_label)
        header.addLayout(titles, 1)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Подключение:"), self.connection_label)
        form.addRow(self.tr("Журнал работы:"), self.log_label)
        form.addRow(self.tr("Среда:"), self.platform_label)

        self.open_log_button = QPushButton(self.tr("Открыть папку журнала"), self)
        self.open_log_button.setEnabled(log_file is not None)
        self.open_log_button.clicked.connect(self.open_log_folder)
        self.copy_button = QPushButton(self.tr("Скопировать сведения"), self)
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button = QPushButton(self.tr("Закрыть"), self)
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_log_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(600)
        self.tasks.start(self._describe(backend), on_error=self._not_described)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_wrapped_lines()

    @classmethod
    def show_for(cls, parent: QWidget, backend: Backend, log_file: Path | None) -> AboutDialog:
        dialog = cls(parent, backend, log_file)
        dialog.open()
        return dialog

    async def _describe(self, backend: Backend) -> None:
        self.show_backend(await backend.describe())

    def show_backend(self, info: BackendInfo) -> None:
        if info.embedded:
            text = self.tr("встроенная база данных, файл {path}").format(path=info.location)
        else:
            text = self.tr("сервер {address}, версия сервера {version}").format(
                address=info.location, version=info.version
            )
        self._show_connection(text)

    def _not_described(self, error: BackendError) -> None:
        self._show_connection(error.message)

    def _show_connection(self, text: str) -> None:
        self._texts["connection"] = text
        self.connection_label.setText(breakable(text))
        self._fit_wrapped_lines()
        self.described.emit()

    def _fit_wrapped_lines(self) -> None:
        """Tall enough for every wrapped line at the dialog's width (a form layout does not
        grow its window for them by itself)."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > 0:
            self.setMinimumHeight(needed)
            if self.height() < needed:
                self.resize(self.width(), needed)

    def connection_text(self) -> str:
        return self._texts["connection"]

    def log_text(self) -> str:
        return self._texts["log"]

    def details(self) -> str:
        return "\n".join(
            [
                f"esh-desktop {current_version()}",
                f"{self.tr('Подключение:')} {self.connection_text()}",
                f"{self.tr('Журнал работы:')} {self.log_text()}",
                f"{self.tr('Среда:')} {self.platform_label.text()}",
            ]
        )

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

    def open_log_folder(self) -> None:
        if self.log_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))
