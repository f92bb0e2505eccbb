"""«Сферум» for students and parents: the linked education account, «Перейти в Сферум» and
«Отвязать учетную запись». Staff get the registry with its tabs (`registry.py`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backend.contract import BackendError, SferumLink, SferumLinkStatus
from backend.contract.phones import format_phone
from registries.base import messages
from registries.base.context import RegistryContext
from registries.base.icons import icon
from registries.base.tasks import TaskRunner
from registries.sferum.deliveries import DeliveriesPanel


async def unlink(parent: QWidget, context: RegistryContext) -> SferumLink | None:
    """«Отвязать аккаунт от Сферума», confirmed with «Да»; None when the user said no."""
    if not await messages.ask_async(
        parent,
        QCoreApplication.translate(
            "SferumWindow", "Отвязать учетную запись ЭШ от учебного аккаунта Сферум?"
        ),
        QCoreApplication.translate("SferumWindow", "Отвязать аккаунт от Сферума"),
    ):
        return None
    link = await context.backend.unlink_sferum()
    context.states_may_have_changed()
    return link


class SferumWindow(QWidget):
    unlinked = Signal()
    loaded = Signal()

    def __init__(self, context: RegistryContext) -> None:
        super().__init__()
        self._context = context
        self.tasks = TaskRunner(self)
        self.setObjectName("sferumWindow")
        self.setWindowTitle(self.tr("Сферум"))

        self.status_label = QLabel(self.tr("Загрузка…"))
        self.status_label.setObjectName("sferumStatus")
        self.status_label.setWordWrap(True)
        self.web_button = QPushButton(icon("sferum-web"), self.tr("Перейти в Сферум"))
        self.web_button.clicked.connect(lambda: context.open_registry("sferum_web"))
        self.unlink_button = QPushButton(self.tr("Отвязать учетную запись"))
        self.unlink_button.clicked.connect(self.ask_to_unlink)
        self.close_button = QPushButton(self.tr("Закрыть"))
        self.close_button.clicked.connect(self._close_window)

        # What MAX has not accepted yet, and why.
        self.deliveries_panel = DeliveriesPanel(self)
        self.deliveries = self.deliveries_panel.model
        self.deliveries_label = self.deliveries_panel.label
        self.deliveries_view = self.deliveries_panel.view

        card = QFrame()
        card.setObjectName("sferumCard")
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(self.status_label)
        actions = QHBoxLayout()
        actions.addWidget(self.web_button)
        actions.addWidget(self.unlink_button)
        actions.addStretch(1)
        card_layout.addLayout(actions)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(card)
        layout.addWidget(self.deliveries_panel, 1)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.resize(640, 300)
        self.web_button.setEnabled(False)  # until the link's state is known
        self.unlink_button.setEnabled(False)
        self.tasks.start(self._load(), on_error=self._failed)

    async def _load(self) -> None:
        self.show_link(await self._context.backend.sferum_link())
        await self.deliveries_panel.load(self._context.backend)
        self.loaded.emit()

    def show_link(self, link: SferumLink) -> None:
        linked = link.status is SferumLinkStatus.LINKED
        self.web_button.setEnabled(linked)
        self.unlink_button.setEnabled(linked)
        if linked:
            self.status_label.setText(
                self.tr("Учебный аккаунт Сферум привязан. Телефон: {phone}").format(
                    phone=format_phone(link.phone)
                )
            )
        else:
            self.status_label.setText(self.tr("Учетная запись не привязана к Сферум."))

    def _failed(self, error: BackendError) -> None:
        self.status_label.setText(error.message)
        self.tasks.report(error)

    def ask_to_unlink(self) -> None:
        self.tasks.start(self._unlink(), on_error=self._failed)

    async def _unlink(self) -> None:
        link = await unlink(self, self._context)
        if link is None:
            return
        self.show_link(link)
        self.unlinked.emit()
        self._close_window()

    def _close_window(self) -> None:
        window = self.parentWidget()
        (window or self).close()


def create(context: RegistryContext) -> QWidget:
    return SferumWindow(context)
