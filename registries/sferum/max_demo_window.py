"""«МАХ (демо)»: what the logged-in person would see in MAX, while MAX is simulated — the
message from the «Сферум» community and its buttons «Подключить» / «Не подключать», and the
calls going on, each a link to its page in the browser."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backend.contract import BackendError
from backend.contract.phones import format_phone
from registries.base.context import RegistryContext
from registries.base.tasks import TaskRunner

REFRESH_MS = 2000


class MaxDemoWindow(QWidget):
    def __init__(self, context: RegistryContext) -> None:
        super().__init__()
        self._context = context
        self._backend: Any = context.backend  # the simulator's extra operations
        self.tasks = TaskRunner(self)
        self._request_id: str | None = None
        self.setObjectName("maxDemoWindow")
        self.setWindowTitle(self.tr("МАХ (демо)"))

        self.phone_label = QLabel()
        self.chat_label = QLabel(self.tr("Вкладка «Сферум» — чат сообщества Сферум"))
        self.chat_label.setObjectName("maxChatTitle")
        self.message_label = QLabel(self.tr("Сообщений пока нет."))
        self.message_label.setObjectName("maxMessage")
        self.message_label.setWordWrap(True)
        self.connect_button = QPushButton(self.tr("Подключить"))
        self.decline_button = QPushButton(self.tr("Не подключать"))
        self.connect_button.clicked.connect(lambda: self.answer(accept=True))
        self.decline_button.clicked.connect(lambda: self.answer(accept=False))
        self.calls_title = QLabel(self.tr("Звонки в МАХ"))
        self.calls_title.setObjectName("maxCallsTitle")
        self.calls_label = QLabel(self.tr("Сейчас звонков нет."))
        self.calls_label.setObjectName("maxCalls")
        self.calls_label.setWordWrap(True)
        self.calls_label.setTextFormat(Qt.TextFormat.RichText)
        # A call's page opens in the system browser.
        self.calls_label.linkActivated.connect(lambda link: QDesktopServices.openUrl(QUrl(link)))
        self.close_button = QPushButton(self.tr("Закрыть"))
        self.close_button.clicked.connect(lambda: (self.parentWidget() or self).close())

        bubble = QFrame()
        bubble.setObjectName("maxBubble")
        bubble_layout = QVBoxLayout(bubble)
        bubble_layout.addWidget(self.message_label)
        answers = QHBoxLayout()
        answers.addWidget(self.connect_button)
        answers.addWidget(self.decline_button)
        answers.addStretch(1)
        bubble_layout.addLayout(answers)
        bottom = QHBoxLayout()
        bottom.addWidget(
            QLabel(self.tr("Демонстрация: так выглядит платформа МАХ на телефоне пользователя."))
        )
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.phone_label)
        layout.addWidget(self.chat_label)
        layout.addWidget(bubble)
        layout.addWidget(self.calls_title)
        layout.addWidget(self.calls_label)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self._show_buttons(False)
        self.resize(620, 480)

        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self.refresh()

    def _show_buttons(self, awaiting: bool) -> None:
        self.connect_button.setEnabled(awaiting)
        self.decline_button.setEnabled(awaiting)

    def refresh(self) -> None:
        if not self.tasks.busy:
            self.tasks.start(self._load(), on_error=self._failed)

    async def _load(self) -> None:
        await self._load_messages()
        await self._load_calls()

    async def _load_calls(self) -> None:
        load = getattr(self._backend, "demo_max_calls", None)
        if load is None:
            return
        try:
            calls = await load()
        except BackendError as error:
            self.calls_label.setText(html.escape(error.message))
            return
        if not calls:
            self.calls_label.setText(self.tr("Сейчас звонков нет."))
            return
        lines = [
            self.tr("{title} — идет с {time}").format(
                title=f'<a href="{html.escape(call.join_link, quote=True)}">'
                f"{html.escape(call.title)}</a>",
                time=call.starts_at.astimezone().strftime("%H:%M"),
            )
            for call in calls
        ]
        self.calls_label.setText("<br>".join(lines))

    async def _load_messages(self) -> None:
        found = await self._backend.demo_max_messages()
        if not found:
            self.message_label.setText(self.tr("Сообщений пока нет."))
            self._show_buttons(False)
            return
        newest = found[0]
        self.phone_label.setText(
            self.tr("Пользователь МАХ: {phone}").format(phone=format_phone(newest.phone))
        )
        self.message_label.setText(f"{newest.sender}:\n{newest.text}")
        self._request_id = newest.request_id if newest.awaiting_answer else None
        self._show_buttons(self._request_id is not None)

    def answer(self, *, accept: bool) -> None:
        if self._request_id is not None:
            self.tasks.start(self._answer(self._request_id, accept), on_error=self._failed)

    async def _answer(self, request_id: str, accept: bool) -> None:
        self._show_buttons(False)
        await self._backend.answer_demo_link(request_id, accept=accept)
        self._context.states_may_have_changed()
        await self._load()

    def _failed(self, error: BackendError) -> None:
        self.message_label.setText(error.message)


def create(context: RegistryContext) -> QWidget:
    return MaxDemoWindow(context)
