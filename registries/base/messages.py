"""Every message box of the application comes from here, in the ЭШ wording.

Synchronous helpers (`ask`, `inform`, ...) run a modal loop and suit plain slots such as
`closeEvent`; inside coroutines use the `*_async` forms, which never nest an event loop.
"""

from __future__ import annotations

import asyncio

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

translate = QCoreApplication.translate


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: list[tuple[str, QMessageBox.ButtonRole]],
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("messageBox")
    for index, (label, role) in enumerate(buttons):
        button = box.addButton(label, role)
        if index == 0:
            box.setDefaultButton(button)
    return box


def _question_box(parent: QWidget | None, text: str, title: str | None) -> QMessageBox:
    return _box(
        parent,
        QMessageBox.Icon.Question,
        title or translate("Messages", "Подтверждение"),
        text,
        [
            (translate("Messages", "Да"), QMessageBox.ButtonRole.YesRole),
            (translate("Messages", "Нет"), QMessageBox.ButtonRole.NoRole),
        ],
    )


def _message_box(
    parent: QWidget | None, kind: QMessageBox.Icon, text: str, title: str | None
) -> QMessageBox:
    default_titles = {
        QMessageBox.Icon.Critical: translate("Messages", "Ошибка"),
        QMessageBox.Icon.Warning: translate("Messages", "Внимание"),
        QMessageBox.Icon.Information: translate("Messages", "Информация"),
    }
    return _box(
        parent,
        kind,
        title or default_titles[kind],
        text,
        [(translate("Messages", "Ок"), QMessageBox.ButtonRole.AcceptRole)],
    )


def ask(parent: QWidget | None, text: str, title: str | None = None) -> bool:
    """A yes/no question; True for «Да»."""
    box = _question_box(parent, text, title)
    box.exec()
    return box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.YesRole


def error(parent: QWidget | None, text: str, title: str | None = None) -> None:
    _message_box(parent, QMessageBox.Icon.Critical, text, title).exec()


async def _shown(box: QMessageBox) -> QMessageBox.ButtonRole:
    future: asyncio.Future[QMessageBox.ButtonRole] = asyncio.get_running_loop().create_future()

    def finished() -> None:
        if not future.done():
            clicked = box.clickedButton()  # None: closed without a button (Esc)
            role = (
                box.buttonRole(clicked)
                if clicked is not None
                else QMessageBox.ButtonRole.RejectRole
            )
            future.set_result(role)

    box.finished.connect(finished)
    box.open()
    try:
        return await future
    finally:
        if shiboken6.isValid(box):  # its parent may have been destroyed meanwhile
            box.deleteLater()


async def choose_async(
    parent: QWidget | None,
    text: str,
    buttons: list[tuple[str, QMessageBox.ButtonRole]],
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    title: str | None = None,
) -> QMessageBox.ButtonRole:
    """A question with buttons of its own (the first is the default): the role of the one
    pressed, RejectRole when closed without one."""
    box = _box(parent, icon, title or translate("Messages", "Подтверждение"), text, buttons)
    return await _shown(box)


async def ask_async(parent: QWidget | None, text: str, title: str | None = None) -> bool:
    return await _shown(_question_box(parent, text, title)) == QMessageBox.ButtonRole.YesRole


async def error_async(parent: QWidget | None, text: str, title: str | None = None) -> None:
    await _shown(_message_box(parent, QMessageBox.Icon.Critical, text, title))


async def warn_async(parent: QWidget | None, text: str, title: str | None = None) -> None:
    await _shown(_message_box(parent, QMessageBox.Icon.Warning, text, title))


def _confirm_box(parent: QWidget | None, text: str, title: str | None) -> QMessageBox:
    return _box(
        parent,
        QMessageBox.Icon.Warning,
        title or translate("Messages", "Внимание"),
        text,
        [
            (translate("Messages", "Ок"), QMessageBox.ButtonRole.AcceptRole),
            (translate("Messages", "Отмена"), QMessageBox.ButtonRole.RejectRole),
        ],
    )


async def confirm_async(parent: QWidget | None, text: str, title: str | None = None) -> bool:
    """A warning with «Ок» / «Отмена»; True for «Ок»."""
    return await _shown(_confirm_box(parent, text, title)) == QMessageBox.ButtonRole.AcceptRole


async def inform_async(parent: QWidget | None, text: str, title: str | None = None) -> None:
    await _shown(_message_box(parent, QMessageBox.Icon.Information, text, title))
