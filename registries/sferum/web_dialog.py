"""«Перейти в Сферум»: the Sferum web messenger opens in the system browser, and a QR code of
the same address is offered for opening it on a phone."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from backend.contract import BackendError, SferumLinkStatus
from registries.base.context import RegistryContext
from registries.base.tasks import TaskRunner
from registries.sferum.qr import qr_image


class SferumWebDialog(QDialog):
    opened = Signal(str)  # the address given to the system browser

    def __init__(self, context: RegistryContext) -> None:
        super().__init__(context.desktop)
        self._context = context
        self._tasks = TaskRunner(self)
        self.setObjectName("sferumWebDialog")
        self.setWindowTitle(self.tr("Перейти в Сферум"))
        self.message_label = QLabel(self.tr("Открываем Сферум…"))
        self.message_label.setWordWrap(True)
        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address_label = QLabel()
        self.address_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Закрыть"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.qr_label)
        layout.addWidget(self.address_label)
        layout.addWidget(buttons)
        self.resize(420, 460)
        self._tasks.start(self._open(), on_error=self._failed)

    async def _open(self) -> None:
        link = await self._context.backend.sferum_link()
        if link.status is not SferumLinkStatus.LINKED:
            self.message_label.setText(self.tr("Учетная запись не привязана к Сферум."))
            self._context.states_may_have_changed()
            return
        QDesktopServices.openUrl(QUrl(link.web_url))
        self.opened.emit(link.web_url)
        self.message_label.setText(
            self.tr(
                "Сферум открыт в браузере. Чтобы открыть его на телефоне, наведите камеру "
                "телефона на код."
            )
        )
        self.qr_label.setPixmap(QPixmap.fromImage(qr_image(link.web_url)))
        self.address_label.setText(link.web_url)

    def _failed(self, error: BackendError) -> None:
        self.message_label.setText(error.message)


def create(context: RegistryContext) -> QWidget:
    return SferumWebDialog(context)
