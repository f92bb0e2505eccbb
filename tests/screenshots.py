"""Render the main windows offscreen into PNG files: `python -m tests.screenshots docs`.

Uses a fresh demo school, logs in as the demo accounts and grabs what a user would see.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import tempfile
from pathlib import Path

import qasync
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QWidget

from backend.contract import (
    Backend,
    ChatDraft,
    ChatKind,
    ChatMemberChoice,
    ConferenceDraft,
    ConferenceKind,
    ConferenceStatus,
    PageRequest,
    ParticipantKind,
)
from backend.database import Database, sqlite_url
from backend.demo.generator import create_demo_school
from desktop.about import AboutDialog
from desktop.app import BackendFactory
from desktop.application import DesktopApplication, create_application
from desktop.connection import Connection


async def _signal(signal) -> None:
    future = asyncio.get_running_loop().create_future()
    signal.connect(lambda *_: future.done() or future.set_result(None))
    await future


async def _settle() -> None:
    await asyncio.sleep(0.3)


async def _log_in(controller: DesktopApplication, login: str) -> None:
    window = controller.show_login()
    if window.organisation_combo.count() == 0:
        await _signal(window.organisations_loaded)
    window.login_edit.setText(login)
    window.password_edit.setText("demo")
    window.submit()
    while controller.desktop is None:
        await asyncio.sleep(0.01)
    controller.desktop.resize(1280, 800)
    await _settle()


def _with_menus(desktop: QWidget, menus: list[QMenu]) -> QPixmap:
    """The desktop with its open popup menus painted where they are on screen."""
    picture = desktop.grab()
    painter = QPainter(picture)
    for menu in menus:
        painter.drawPixmap(desktop.mapFromGlobal(menu.pos()), menu.grab())
    painter.end()
    return picture


def _with_dialog(desktop: QWidget, dialog: QWidget) -> QPixmap:
    """The desktop with a dialog drawn where it stands over it."""
    picture = desktop.grab()
    painter = QPainter(picture)
    painter.drawPixmap(desktop.mapFromGlobal(dialog.mapToGlobal(QPoint(0, 0))), dialog.grab())
    painter.end()
    return picture


async def shoot(controller: DesktopApplication, out: Path) -> None:
    window = controller.show_login()
    if window.organisation_combo.count() == 0:
        await _signal(window.organisations_loaded)
    window.resize(720, 520)
    await _settle()
    window.grab().save(str(out / "login.png"))
    window.close()
    controller.login_window = None

    await _log_in(controller, "klass")
    desktop = controller.desktop
    students = desktop.open_registry("students")
    await _signal(students.loaded)
    await _settle()
    students.grab().save(str(out / "registry-students.png"))
    desktop.windows.window("students").close()
    await _settle()
    menu = desktop.start_menu
    menu.popup(desktop.taskbar.mapToGlobal(QPoint(0, 0)) - QPoint(0, menu.sizeHint().height()))
    folder = next(a for a in menu.actions() if a.text() == "Классный журнал")
    menu.setActiveAction(folder)
    submenu = folder.menu()
    submenu.popup(menu.pos() + QPoint(menu.width() - 4, menu.actionGeometry(folder).top()))
    inner = submenu.actions()[0]
    submenu.setActiveAction(inner)
    inner.menu().popup(
        submenu.pos() + QPoint(submenu.width() - 4, submenu.actionGeometry(inner).top())
    )
    await _settle()
    _with_menus(desktop, [menu, submenu, inner.menu()]).save(str(out / "desktop-start-menu.png"))
    for open_menu in (inner.menu(), submenu, menu):
        open_menu.hide()

    # «Привязать аккаунт к Сферум», then the MAX side in «МАХ (демо)».
    while "sferum_link" not in {d.key for d in desktop.declarations}:
        await asyncio.sleep(0.1)
    dialog = desktop.open_registry("sferum_link")
    dialog.phone_edit.setText("+7 (903) 785-09-30")
    await _settle()
    _with_dialog(desktop, dialog).save(str(out / "sferum-link.png"))
    await controller.backend.request_sferum_link("+79037850930")
    dialog.close()
    maxside = desktop.open_registry("max_demo")
    while not maxside.connect_button.isEnabled():
        await asyncio.sleep(0.1)
    await _settle()
    desktop.grab().save(str(out / "max-demo.png"))
    desktop.windows.window("max_demo").close()
    await _settle()
    about = AboutDialog.show_for(
        desktop, controller.backend, Path.home() / ".local/state/esh-desktop/log/esh-desktop.log"
    )
    await _signal(about.described)
    await _settle()
    _with_dialog(desktop, about).save(str(out / "about.png"))
    about.close()
    desktop.close()
    controller.desktop = None

    await shoot_sferum_chats(controller, out)
    await shoot_sferum_conferences(controller, out)
    await shoot_journal(controller, out)

    await _log_in(controller, "admin")
    desktop = controller.desktop
    settings = desktop.open_registry("organisation_settings")
    await _signal(settings.loaded)
    settings.short_name_edit.setText(settings.short_name_edit.text() + " (изменено)")
    await _settle()
    settings.grab().save(str(out / "organisation-settings.png"))
    settings.short_name_edit.setText(settings.short_name_edit.text().removesuffix(" (изменено)"))
    settings.close()
    desktop.close()


async def _subject_chat(backend: Backend, subject: str, group_name: str) -> int:
    """A «Предмет» chat of a group with its students and teacher, as the add window makes it."""
    group = next(
        g for g in await backend.list_groups() if g.subject_name == subject and g.name == group_name
    )
    students = await backend.chat_candidates(ParticipantKind.STUDENT, group_id=group.id)
    staff = await backend.chat_candidates(ParticipantKind.EMPLOYEE)
    teacher = next(c for c in staff if c.full_name == group.teacher_name)
    chat = await backend.save_chat(
        ChatDraft(
            title=f"{subject} {group_name}",
            kind=ChatKind.SUBJECT,
            group_id=group.id,
            members=(
                ChatMemberChoice(teacher.person_id, ParticipantKind.EMPLOYEE, True),
                *(ChatMemberChoice(c.person_id, ParticipantKind.STUDENT) for c in students),
            ),
        )
    )
    return chat.id


async def shoot_sferum_chats(controller: DesktopApplication, out: Path) -> None:
    """«Сферум», tab «Чаты», as the chat administrator; a subject chat's edit window."""
    await _log_in(controller, "chatadmin")
    desktop = controller.desktop
    backend = controller.backend
    # Linked, so that the toolbar shows the phone and «Отвязать учетную запись».
    await backend.request_sferum_link("+79874028796")
    while not (waiting := [m for m in await backend.demo_max_messages() if m.awaiting_answer]):
        await asyncio.sleep(0.1)
    await backend.answer_demo_link(waiting[0].request_id, accept=True)
    chat_id = await _subject_chat(backend, "Математика", "5А")
    await asyncio.sleep(2)  # MAX (simulated) takes the new chats meanwhile
    registry = desktop.open_registry("sferum")
    await _signal(registry.loaded)
    tab = registry.chats
    while tab.link is None or not tab.phone_edit.text():
        await asyncio.sleep(0.1)
    row = next(r for r, c in enumerate(tab.model.records()) if c.id == chat_id)
    tab.table.selectRow(row)
    tab.table.scrollTo(tab.model.index(row, 0))
    await _settle()
    registry.grab().save(str(out / "sferum-chats.png"))
    tab.edit_action.trigger()
    editor = tab.edit_window
    await _signal(editor.loaded)
    await _settle()
    editor.grab().save(str(out / "sferum-chat-edit.png"))
    editor.close()
    registry.close()
    desktop.close()
    controller.desktop = None


async def _demo_conferences(backend: Backend) -> int:
    """The class teacher's conferences: one under way, one ended, an online lesson and a
    parents' meeting to come. Returns the one under way."""
    chats = (await backend.list_chats(PageRequest(limit=100))).items
    class_chat = await backend.chat(next(c.id for c in chats if c.kind is ChatKind.CLASS))
    parents_chat = await backend.chat(next(c.id for c in chats if c.kind is ChatKind.PARENTS))
    now = dt.datetime.now().astimezone().replace(second=0, microsecond=0)

    async def save(title, kind, chat, starts, minutes, lesson_id=None):
        return await backend.save_conference(
            ConferenceDraft(
                title=title,
                kind=kind,
                chat_id=chat.id,
                starts_at=starts,
                ends_at=starts + dt.timedelta(minutes=minutes),
                members=tuple(ChatMemberChoice(m.person_id, m.kind) for m in chat.members),
                lesson_id=lesson_id,
            )
        )

    active = await save("Консультация для родителей 5А", ConferenceKind.CALL, parents_chat, now, 40)
    ended = await save("Классный час", ConferenceKind.CALL, class_chat, now, 30)
    lessons = await backend.timetable(
        now.date(), now.date() + dt.timedelta(days=7), class_id=class_chat.class_id
    )
    lesson = next(
        x
        for x in lessons
        if dt.datetime.combine(x.date, x.starts_at, now.tzinfo) > now + dt.timedelta(hours=1)
    )
    starts = dt.datetime.combine(lesson.date, lesson.starts_at, now.tzinfo)
    ends = dt.datetime.combine(lesson.date, lesson.ends_at, now.tzinfo)
    minutes = int((ends - starts).total_seconds() // 60)
    await save("", ConferenceKind.LESSON, class_chat, starts, minutes, lesson.id)
    meeting = (now + dt.timedelta(days=1)).replace(hour=18, minute=0)
    await save("Родительское собрание", ConferenceKind.CALL, parents_chat, meeting, 60)
    while (await backend.conference(ended.id)).status is not ConferenceStatus.ACTIVE:
        await asyncio.sleep(0.2)  # started by the scheduler
    await backend.end_conference(ended.id)
    while (await backend.conference(active.id)).status is not ConferenceStatus.ACTIVE:
        await asyncio.sleep(0.2)
    return active.id


async def shoot_sferum_conferences(controller: DesktopApplication, out: Path) -> None:
    """«Сферум», tab «Видеоконференции», as the class teacher; the add window of an online
    lesson."""
    await _log_in(controller, "klass")
    desktop = controller.desktop
    backend = controller.backend
    active_id = await _demo_conferences(backend)
    registry = desktop.open_registry("sferum")
    await _signal(registry.loaded)
    tab = registry.conferences
    registry.tabs.setCurrentWidget(tab)
    today = dt.date.today()
    tab.set_dates(today, today + dt.timedelta(days=7))
    await _signal(tab.loaded)
    assert any(c.id == active_id for c in tab.model.records())
    # The online lesson selected: the active one shows its colours and its «Перейти» link.
    row = next(r for r, c in enumerate(tab.model.records()) if c.kind is ConferenceKind.LESSON)
    tab.table.selectRow(row)
    await _settle()
    registry.grab().save(str(out / "sferum-conferences.png"))

    tab.add_action.trigger()
    editor = tab.edit_window
    await _signal(editor.loaded)
    chats = (await backend.list_chats(PageRequest(limit=100))).items
    await editor.set_chat(next(c.id for c in chats if c.kind is ChatKind.CLASS))
    lessons = await backend.timetable(
        today + dt.timedelta(days=1), today + dt.timedelta(days=7), class_id=editor.chat.class_id
    )
    editor.set_lesson(lessons[0])
    editor.tabs.setCurrentIndex(1)  # «Ученики»
    await _settle()
    editor.grab().save(str(out / "sferum-conference-edit.png"))
    editor._initial = None  # closes without asking
    editor.close()
    registry.close()
    desktop.close()
    controller.desktop = None


async def shoot_journal(controller: DesktopApplication, out: Path) -> None:
    """«Журнал на урок» as the mathematics teacher: the day's first lesson bound to its КТП
    topic with its online lesson created; the tab «Классный журнал»."""
    await _log_in(controller, "uchitel")
    desktop = controller.desktop
    backend = controller.backend
    await backend.request_sferum_link("+79350930998")
    while not (waiting := [m for m in await backend.demo_max_messages() if m.awaiting_answer]):
        await asyncio.sleep(0.1)
    await backend.answer_demo_link(waiting[0].request_id, accept=True)
    window = desktop.open_registry("lesson_journal")
    await _signal(window.loaded)
    while window.model.rowCount() == 0:  # a weekend: the next school day
        window.date_edit.setDate(window.date_edit.date().addDays(1))
        await _signal(window.loaded)
    # A lesson whose group had this subject earlier in the week: «Классный журнал» then shows
    # conducted dates next to the bold ones.
    day = window.date
    week = await backend.timetable(
        day - dt.timedelta(days=day.weekday()), day, teacher_id=desktop.user.employee_id
    )
    earlier = {(x.group_id, x.subject_id) for x in week if x.date < day}
    todays = window.model.records()
    lesson = next((x for x in todays if (x.group_id, x.subject_id) in earlier), todays[0])
    window.table.selectRow(todays.index(lesson))
    group = next(g for g in await backend.list_groups() if g.id == lesson.group_id)
    chat_id = await _subject_chat(backend, lesson.subject_name, group.name)
    chat = await backend.chat(chat_id)
    now = dt.datetime.now().astimezone()
    starts = dt.datetime.combine(lesson.date, lesson.starts_at, now.tzinfo)
    ends = dt.datetime.combine(lesson.date, lesson.ends_at, now.tzinfo)
    planned = starts > now  # an online lesson cannot be planned in the past
    if planned:
        await backend.save_conference(
            ConferenceDraft(
                title="",
                kind=ConferenceKind.LESSON,
                chat_id=chat.id,
                starts_at=starts,
                ends_at=ends,
                members=tuple(ChatMemberChoice(m.person_id, m.kind) for m in chat.members),
                lesson_id=lesson.id,
            )
        )
    while window.record is None:
        await asyncio.sleep(0.05)
    window.bind_button.click()
    while window.picker is None:
        await asyncio.sleep(0.05)
    picker = window.picker
    while picker.model.rowCount() == 0:
        await asyncio.sleep(0.05)
    picker.choose_button.click()
    window.work_type_combo.setCurrentIndex(1)
    while planned and not window.join_online_button.isVisible():
        await asyncio.sleep(0.1)
    await _settle()
    window.grab().save(str(out / "journal.png"))
    window.tabs.setCurrentIndex(1)
    await _settle()
    window.grab().save(str(out / "journal-class-journal.png"))
    window.unbind_button.click()
    window.work_type_combo.setCurrentIndex(0)
    window.close()
    desktop.close()
    controller.desktop = None


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite3"
        database = Database(sqlite_url(path))
        database.upgrade()
        with database.session() as session:
            create_demo_school(session, dt.date.today())
        database.dispose()
        controller = create_application(
            BackendFactory(path),
            connection=Connection(),
            language="ru",
            config_dir=Path(folder),
            demo=True,
        )

        async def run() -> None:
            try:
                await shoot(controller, out)
            finally:
                await controller.backend.close()

        qasync.run(run())
    print(f"screenshots written to {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
