"""«Чат Сферума: Добавление» / «Чат Сферума: Редактирование».

«Наименование чата»; «Тип чата» («Предмет» or «Другое» for a new chat; a chat's type never
changes); «Предмет/Группа (Класс)» for «Предмет»: choosing a group puts its students on the
«Ученики» tab and its teacher on «Сотрудники» as an admin, and offers «<предмет> <группа>» as the
name. Participants on the tabs «Сотрудники», «Ученики» and — for «Другое» and a parents' chat —
«Родители». Saving with participants who have not linked their account to Sferum warns first.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTabWidget

from backend.contract import (
    BackendError,
    Chat,
    ChatCandidate,
    ChatDraft,
    ChatKind,
    ChatMemberChoice,
    Group,
    ParticipantKind,
    Role,
)
from registries.base import messages
from registries.base.context import RegistryContext
from registries.base.edit_window import EditMode, EditWindow
from registries.sferum.labels import chat_kind_label, participants_title
from registries.sferum.participants import Participant, ParticipantsPage
from registries.sferum.picker import ParticipantPicker

translate = QCoreApplication.translate
TITLE_LENGTH = 200  # as the backend keeps it
NAMES_SHOWN = 10  # in the warning about participants not linked to Sferum
NEW_CHAT_KINDS = (ChatKind.SUBJECT, ChatKind.OTHER)


def group_label(group: Group) -> str:
    """«Предмет/Группа (Класс)», as the «Чаты» tab shows it."""
    if group.name != group.class_name:
        return f"{group.subject_name} — {group.name} ({group.class_name})"
    return f"{group.subject_name} ({group.class_name})"


def offered_title(group: Group) -> str:
    """The name offered for a group's chat: «<предмет> <группа>»."""
    return f"{group.subject_name} {group.name}"


def sees_every_chat(context: RegistryContext) -> bool:
    return context.user.has(Role.CHAT_ADMIN, Role.ORG_ADMIN)


class ChatEditWindow(EditWindow):
    loaded = Signal()  # the fields show the chat (or a new one's defaults)
    load_failed = Signal(str)
    group_filled = Signal()  # a chosen group's students and teacher are on the tabs

    def __init__(self, context: RegistryContext, chat_id: int | None = None) -> None:
        super().__init__(
            context.desktop,
            entity=translate("ChatEditWindow", "Чат Сферума"),
            mode=EditMode.ADD if chat_id is None else EditMode.EDIT,
        )
        self.context = context
        self._chat_id = chat_id
        self.chat: Chat | None = None
        self._employees: dict[int, ChatCandidate] = {}
        self._initial_ids: set[int] = set()
        self._loading = True
        self._group_generation = 0
        # What the chosen group put in, so that choosing another group takes it out again.
        self._group_students: set[int] = set()
        self._group_teacher: int | None = None
        self._offered_title = ""
        self.picker: ParticipantPicker | None = None  # while «Добавить» is choosing
        self.resize(860, 620)

        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(TITLE_LENGTH)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("chatKindCombo")
        self.group_combo = QComboBox(self)
        self.group_combo.setObjectName("chatGroupCombo")
        self.group_combo.setMaxVisibleItems(20)
        self.add_field(
            "title",
            translate("ChatEditWindow", "Наименование чата"),
            self.title_edit,
            required=True,
        )
        self.add_field(
            "kind", translate("ChatEditWindow", "Тип чата"), self.kind_combo, required=True
        )
        self.add_field(
            "group_id", translate("ChatEditWindow", "Предмет/Группа (Класс)"), self.group_combo
        )

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("participantsTabs")
        self.pages: dict[ParticipantKind, ParticipantsPage] = {}
        for kind in ParticipantKind:
            page = ParticipantsPage(kind, self.tabs)
            page.add_requested.connect(self.pick)
            page.model.changed.connect(self.refresh_modified)
            self.pages[kind] = page
            self.tabs.addTab(page, participants_title(kind))
        self._untabbed: list[Participant] = []
        self.members_error = QLabel(self)
        self.members_error.setObjectName("fieldError")
        self.members_error.setWordWrap(True)
        self.members_error.hide()
        self._error_labels["members"] = self.members_error  # the backend's key for participants
        self.body.addWidget(self.tabs, 1)
        self.body.addWidget(self.members_error)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.group_combo.currentIndexChanged.connect(self._group_changed)
        self._set_busy(True)
        self.tasks.start(self._load(), on_error=self._load_failed_with)

    # --- loading ------------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        for widget in (self.title_edit, self.tabs, self.save_button):
            widget.setEnabled(not busy)
        # A chat's type never changes; the group is chosen for «Предмет» only.
        self.kind_combo.setEnabled(not busy and self.chat is None and self._chat_id is None)
        self.group_combo.setEnabled(not busy and self.kind() is ChatKind.SUBJECT)

    async def _load(self) -> None:
        backend = self.context.backend
        groups = await backend.list_groups()
        self._employees = {
            c.person_id: c for c in await backend.chat_candidates(ParticipantKind.EMPLOYEE)
        }
        if self._chat_id is not None:
            self.chat = await backend.chat(self._chat_id)
        self._show(groups, await self._chat_admin() if self.chat is None else None)
        self._loading = False
        self._set_busy(False)
        self.mark_loaded()
        self.title_edit.setFocus()
        self.loaded.emit()

    def _load_failed_with(self, error: BackendError) -> None:
        self.show_message(error.message)
        self.load_failed.emit(error.message)
        self.tasks.report(error)

    async def _chat_admin(self) -> int | None:
        """The organisation's chat administrator (person), added to every new chat."""
        user = self.context.user
        if user.has(Role.CHAT_ADMIN):
            return user.person_id
        try:
            settings = await self.context.backend.organisation_settings()
        except BackendError:
            return None  # the backend adds them anyway; the window just cannot show them
        return self._person_of_employee(settings.chat_admin_employee_id)

    def _person_of_employee(self, employee_id: int | None) -> int | None:
        found = [c.person_id for c in self._employees.values() if c.employee_id == employee_id]
        return found[0] if employee_id is not None and found else None

    def _offered_groups(self, groups: list[Group]) -> list[Group]:
        """Every group for those who see every chat; a teacher's own groups otherwise."""
        if sees_every_chat(self.context):
            return groups
        own = self.context.user.employee_id
        chat_group = self.chat.group_id if self.chat is not None else None
        return [g for g in groups if g.teacher_id == own or g.id == chat_group]

    def _show(self, groups: list[Group], chat_admin: int | None) -> None:
        chat, user = self.chat, self.context.user
        kinds = (chat.kind,) if chat is not None else NEW_CHAT_KINDS
        for kind in kinds:
            self.kind_combo.addItem(chat_kind_label(kind), kind)
        self.group_combo.addItem("", None)
        for group in self._offered_groups(groups):
            self.group_combo.addItem(group_label(group), group)
        if chat is None:
            participants = []
            if chat_admin is not None and chat_admin in self._employees:
                participants.append(
                    Participant.of_candidate(self._employees[chat_admin], chat_admin=True)
                )
            if not sees_every_chat(self.context) and user.person_id in self._employees:
                # Whoever creates a chat is its admin, and stays one.
                participants.append(
                    Participant.of_candidate(self._employees[user.person_id], own_admin=True)
                )
            self._set_participants(participants)
        else:
            self.title_edit.setText(chat.title)
            self._set_participants(
                Participant.of_member(m, own=m.person_id == user.person_id) for m in chat.members
            )
            self._initial_ids = {m.person_id for m in chat.members}
            if chat.group_id is not None:
                index = next(
                    (
                        i
                        for i in range(self.group_combo.count())
                        if getattr(self.group_combo.itemData(i), "id", None) == chat.group_id
                    ),
                    0,
                )
                self.group_combo.setCurrentIndex(index)
                group = self.group_combo.itemData(index)
                automatic = {m.person_id for m in chat.members if m.automatic}
                self._group_students = {
                    m.person_id
                    for m in chat.members
                    if m.automatic and m.kind is ParticipantKind.STUDENT
                }
                teacher = self._teacher_of(group) if group is not None else None
                if teacher is not None and teacher.person_id in automatic:
                    self._group_teacher = teacher.person_id
        self._kind_changed()

    def _set_participants(self, participants: Iterable[Participant]) -> None:
        by_kind: dict[ParticipantKind, list[Participant]] = {kind: [] for kind in self.pages}
        # Participants of a kind a newer server added have no tab here; they are kept as they
        # are, so that saving from this window does not take them out.
        self._untabbed = []
        for participant in participants:
            by_kind.get(participant.kind, self._untabbed).append(participant)
        for kind, page in self.pages.items():
            page.model.set_participants(by_kind[kind])

    # --- the fields -------------------------------------------------------------------------
    def kind(self) -> ChatKind | None:
        data = self.kind_combo.currentData()  # Qt hands a StrEnum back as a plain str
        return ChatKind(data) if data is not None else None

    def group(self) -> Group | None:
        return self.group_combo.currentData() if self.kind() is ChatKind.SUBJECT else None

    def parents_allowed(self) -> bool:
        """«Родители» is a tab of «Другое» chats (and of a class's parents' chat)."""
        return self.kind() in (ChatKind.OTHER, ChatKind.PARENTS)

    def _kind_changed(self, *_args: object) -> None:
        subject = self.kind() is ChatKind.SUBJECT
        self.group_combo.setEnabled(subject and not self._loading)
        if not subject and self.group_combo.currentIndex() != 0:
            self.group_combo.setCurrentIndex(0)
        parents = self.tabs.indexOf(self.pages[ParticipantKind.PARENT])
        self.tabs.setTabVisible(parents, self.parents_allowed())
        self.refresh_modified()

    def _group_changed(self, *_args: object) -> None:
        group = self.group_combo.currentData()
        if self._loading or group is None:
            return
        self._group_generation += 1
        self.tasks.start(self._fill_from_group(group, self._group_generation))

    async def _fill_from_group(self, group: Group, generation: int) -> None:
        students = await self.context.backend.chat_candidates(
            ParticipantKind.STUDENT, group_id=group.id
        )
        if generation != self._group_generation:
            return  # another group was chosen meanwhile
        student_page = self.pages[ParticipantKind.STUDENT].model
        staff_page = self.pages[ParticipantKind.EMPLOYEE].model
        student_page.remove(self._group_students)
        added = student_page.add(Participant.of_candidate(c) for c in students)
        self._group_students = {p.person_id for p in added}
        if self._group_teacher is not None:
            staff_page.remove([self._group_teacher])
            self._group_teacher = None
        teacher = self._teacher_of(group)
        if teacher is not None:
            if staff_page.add([teacher]):
                self._group_teacher = teacher.person_id
            else:
                staff_page.set_admin(teacher.person_id, True)
        title = self.title_edit.text().strip()
        if not title or title == self._offered_title:
            self._offered_title = offered_title(group)
            self.title_edit.setText(self._offered_title)
        self.group_filled.emit()

    def _teacher_of(self, group: Group) -> Participant | None:
        """The group's teacher, an admin of its chat."""
        user = self.context.user
        if group.teacher_id is None:
            return None
        if group.teacher_id == user.employee_id:
            person_id: int | None = user.person_id
        else:
            person_id = self._person_of_employee(group.teacher_id)
        candidate = self._employees.get(person_id) if person_id is not None else None
        if candidate is None:
            return None
        return Participant.of_candidate(candidate, is_admin=True)

    # --- participants -----------------------------------------------------------------------
    def members(self) -> list[Participant]:
        """Everyone who will be in the chat when it is saved."""
        kinds = [ParticipantKind.EMPLOYEE, ParticipantKind.STUDENT]
        if self.parents_allowed():
            kinds.append(ParticipantKind.PARENT)
        shown = [p for kind in kinds for p in self.pages[kind].model.participants()]
        return shown + self._untabbed

    def pick(self, kind: ParticipantKind) -> None:
        """«Добавить» on a tab: the picker, then the chosen people join the tab."""
        self.tasks.start(self._pick(kind))

    async def _pick(self, kind: ParticipantKind) -> None:
        present = {p.person_id for page in self.pages.values() for p in page.model.participants()}
        group = self.group()
        class_id = group.class_id if group is not None and kind is ParticipantKind.STUDENT else None
        self.picker = ParticipantPicker(
            self, self.context.backend, kind, present, class_id=class_id
        )
        chosen = await self.picker.choose()
        self.picker = None
        self.pages[kind].model.add(Participant.of_candidate(c) for c in chosen)

    def not_linked(self) -> list[Participant]:
        """Participants added in this window whose ЭШ account is not linked to Sferum."""
        return [p for p in self.members() if p.person_id not in self._initial_ids and not p.linked]

    # --- saving -----------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        group = self.group()
        return {
            "title": self.title_edit.text().strip(),
            "kind": self.kind(),
            "group_id": group.id if group is not None else None,
            "members": tuple(
                sorted((p.person_id, p.kind.value, p.is_admin) for p in self.members())
            ),
        }

    def validate(self) -> dict[str, str]:
        errors = {}
        if not self.title_edit.text().strip():
            errors["title"] = translate("ChatEditWindow", "Укажите наименование чата.")
        if self.kind() is ChatKind.SUBJECT and self.group() is None:
            errors["group_id"] = translate(
                "ChatEditWindow", "Выберите группу: для чата «Предмет» она обязательна."
            )
        return errors

    async def confirm(self) -> bool:
        missing = self.not_linked()
        if not missing:
            return True
        return await messages.confirm_async(
            self, not_linked_warning(missing), translate("ChatEditWindow", "Предупреждение")
        )

    async def save(self) -> Chat:
        kind = self.kind()
        assert kind is not None
        group = self.group()
        draft = ChatDraft(
            title=self.title_edit.text().strip(),
            kind=kind,
            members=tuple(
                ChatMemberChoice(
                    p.person_id, p.kind, p.is_admin and p.kind is ParticipantKind.EMPLOYEE
                )
                for p in self.members()
            ),
            group_id=group.id if group is not None else None,
            id=self.chat.id if self.chat is not None else None,
            version=self.chat.version if self.chat is not None else None,
        )
        return await self.context.backend.save_chat(draft)


def not_linked_warning(missing: list[Participant]) -> str:
    """Who and how many are not linked, worded after the ЭШ manual."""
    counts = ", ".join(
        f"{participants_title(kind).lower()}: {count}"
        for kind in ParticipantKind
        if (count := sum(p.kind is kind for p in missing))
    )
    names = ", ".join(p.full_name for p in missing[:NAMES_SHOWN])
    if len(missing) > NAMES_SHOWN:
        names += translate("ChatEditWindow", " и еще {count}").format(
            count=len(missing) - NAMES_SHOWN
        )
    return translate(
        "ChatEditWindow",
        "Не связали свою учетную запись ЭШ с учебным профилем Сферума — {count} ({counts}): "
        "{names}.\n\nТакие участники будут добавлены в чат реестра Сферум в ЭШ, но в чат на "
        "стороне Сферума будут добавлены только после привязки аккаунта ЭШ к учебному профилю "
        "Сферума.\n\nДля продолжения нажмите «Ок», для возврата в окно — «Отмена».",
    ).format(count=len(missing), counts=counts, names=names)
