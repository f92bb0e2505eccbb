"""The «Чаты» tab of the «Сферум» registry: default chats, listing, editing, deleting, and the
report of who is not in the Sferum chats yet.

Who may do what:
- the organisation's chat administrator and its administrators see and edit every chat;
- other employees see the chats they take part in and edit those they are an admin of;
  they create «Предмет» chats for their own groups, and «Другое» chats;
- students and parents do not see the registry.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import and_, exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backend.clock import Clock
from backend.contract import types as t
from backend.contract.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from backend.operations import Http, Topic, declare
from backend.schema import models as m
from backend.services import chat_membership as cm
from backend.services import outbox
from backend.services.paging import fetch_page, search_condition
from backend.services.text import full_name, normalize_search, search_key

K = t.ChatKind
S = t.MemberSferumState
TITLE_LENGTH = 200
# The most participants one can pick into a chat (or a conference) at once.
CANDIDATE_LIMIT = 20000
CHAT_SORT = {
    "title": m.SferumChat.title,
    "kind": m.SferumChat.kind,
    "class_name": (m.SchoolClass.grade, m.SchoolClass.letter),
}
STALE = (
    "Чат изменил другой пользователь. Обновите окно и внесите изменения заново — "
    "ваши изменения остались в окне."
)


def default_title(kind: t.ChatKind, class_name: str | None = None) -> str:
    if kind is K.TEACHERS:
        return "Учительский чат"
    return f"{cm.KIND_NAMES[kind]} {class_name}"


# --- permissions ------------------------------------------------------------------------------
def sees_everything(user: t.CurrentUser) -> bool:
    return user.has(t.Role.CHAT_ADMIN, t.Role.ORG_ADMIN)


def require_registry(user: t.CurrentUser) -> None:
    if not user.has(t.Role.EMPLOYEE):
        raise PermissionDenied("Реестр «Сферум» доступен только сотрудникам организации.")


def _own_row(session: Session, chat_id: int, user: t.CurrentUser) -> m.SferumChatMember | None:
    return session.get(m.SferumChatMember, (chat_id, user.person_id))


def _may_edit(session: Session, chat: m.SferumChat, user: t.CurrentUser) -> bool:
    if sees_everything(user):
        return True
    row = _own_row(session, chat.id, user)
    return row is not None and cm.is_present(row) and row.is_admin


def _load_chat(session: Session, user: t.CurrentUser, chat_id: int) -> m.SferumChat:
    require_registry(user)
    chat = session.get(m.SferumChat, chat_id)
    if chat is None or chat.organisation_id != user.organisation_id:
        raise NotFound("Чат не найден. Возможно, его удалили.")
    if not sees_everything(user):
        row = _own_row(session, chat.id, user)
        if row is None or not cm.is_present(row):
            raise NotFound("Чат не найден. Возможно, его удалили.")
    return chat


# --- default chats --------------------------------------------------------------------------
def _missing_defaults(session: Session, organisation_id: int) -> bool:
    teachers = session.scalar(
        select(m.SferumChat.id).where(
            m.SferumChat.organisation_id == organisation_id, m.SferumChat.kind == K.TEACHERS
        )
    )
    if teachers is None:
        return True
    chat = m.SferumChat
    lacking = session.scalar(
        select(m.SchoolClass.id)
        .where(
            m.SchoolClass.organisation_id == organisation_id,
            ~exists().where(
                and_(
                    chat.class_id == m.SchoolClass.id,
                    chat.kind == K.PARENTS,
                )
            ),
        )
        .limit(1)
    )
    return lacking is not None


def ensure_default_chats(session: Session, clock: Clock, organisation_id: int) -> int:
    """Create the default chats the organisation lacks, with their participants, and ask MAX to
    create them; returns how many were made. Safe to call often and from several processes."""
    if not _missing_defaults(session, organisation_id):
        return 0
    try:
        with session.begin_nested():
            return _create_default_chats(session, clock, organisation_id)
    except IntegrityError:
        return 0  # another process made them at the same moment


def _create_default_chats(session: Session, clock: Clock, organisation_id: int) -> int:
    existing = {
        (kind, class_id)
        for kind, class_id in session.execute(
            select(m.SferumChat.kind, m.SferumChat.class_id).where(
                m.SferumChat.organisation_id == organisation_id
            )
        )
    }
    wanted: list[tuple[t.ChatKind, int | None, str | None]] = [(K.TEACHERS, None, None)]
    for class_id, name in session.execute(
        select(m.SchoolClass.id, m.SchoolClass.name)
        .where(m.SchoolClass.organisation_id == organisation_id)
        .order_by(m.SchoolClass.grade, m.SchoolClass.letter)
    ):
        wanted += [(K.CLASS, class_id, name), (K.PARENTS, class_id, name)]
    chat_admin = cm.chat_admin_person(session, organisation_id)
    made = 0
    for kind, class_id, class_name in wanted:
        if (kind, class_id) in existing:
            continue
        chat = m.SferumChat(
            organisation_id=organisation_id,
            kind=kind,
            title=default_title(kind, class_name),
            search_key=search_key(default_title(kind, class_name)),
            class_id=class_id,
            version=1,
        )
        session.add(chat)
        session.flush()
        cm.reconcile(session, chat, chat_admin)
        cm.send_changes(session, clock, chat, {}, cm.present(session, chat.id))
        made += 1
    return made


def update_chats(
    session: Session,
    clock: Clock,
    chats: Iterable[m.SferumChat],
    *,
    chat_admin: int | None,
    forget: Iterable[tuple[int, t.ParticipantKind]] = (),
) -> None:
    """Bring `chats` in line with the roster after a roster event, and tell MAX. For the people
    in `forget` (as that kind of participant), hand-made choices are undone first: they stay
    only where the rules put them."""
    forgotten = list(forget)
    for chat in chats:
        before = cm.present(session, chat.id)
        if forgotten:
            cm.forget_choices(session, forgotten, [chat.id])
        cm.reconcile(session, chat, chat_admin)
        after = cm.present(session, chat.id)
        if after != before:
            bump_version(chat)
            cm.send_changes(session, clock, chat, before, after)


def bump_version(chat: m.SferumChat) -> None:
    """+1 in the database itself, so that concurrent writers cannot both land on one number."""
    chat.version = m.SferumChat.version + 1  # type: ignore[assignment]


def on_chat_admin_changed(session: Session, clock: Clock, organisation_id: int) -> None:
    """«Администратор чатов Сферум» changed: the new one joins every chat as an admin; the
    former one stays only where the rules (or a person) put them, and is an admin only there."""
    update_chats(
        session,
        clock,
        session.scalars(
            select(m.SferumChat).where(m.SferumChat.organisation_id == organisation_id)
        ).all(),
        chat_admin=cm.chat_admin_person(session, organisation_id),
    )


# --- reading ------------------------------------------------------------------------------
def _sync_states(session: Session, chat_ids: list[int]) -> dict[int, tuple[t.ChatSyncState, str]]:
    """Waiting while anything of the chat is on its way to MAX; failed while MAX's latest
    answer about it was a refusal (the refusal itself stays listed in the deliveries)."""
    keys = {cm.ordering_key(chat_id): chat_id for chat_id in chat_ids}
    entry = m.MaxOutboxEntry
    last_delivered = dict(
        session.execute(
            select(entry.ordering_key, func.max(entry.id))
            .where(entry.ordering_key.in_(list(keys)), entry.state == outbox.DELIVERED)
            .group_by(entry.ordering_key)
        ).all()
    )
    states: dict[int, tuple[t.ChatSyncState, str]] = {}
    for key, entry_id, state, error in session.execute(
        select(entry.ordering_key, entry.id, entry.state, entry.last_error)
        .where(entry.ordering_key.in_(list(keys)), entry.state != outbox.DELIVERED)
        .order_by(entry.id)
    ).all():
        chat_id = keys[key]
        if state == outbox.PENDING:
            waiting = "Изменения ожидают отправки на платформу МАХ."
            if error:
                waiting = f"Изменения ожидают отправки на платформу МАХ: {error}"
            states[chat_id] = (t.ChatSyncState.SENDING, waiting)
        elif entry_id > last_delivered.get(key, 0) and chat_id not in states:
            refused = f"Платформа МАХ отклонила изменение: {error}"
            states[chat_id] = (t.ChatSyncState.FAILED, refused)
    return states


def _counts(session: Session, chat_ids: list[int]) -> dict[int, tuple[int, int]]:
    member = m.SferumChatMember
    in_chat = cm.IN_CHAT_ROW
    rows = session.execute(
        select(
            member.chat_id,
            func.count(),
            func.sum((member.max_state == cm.IN_CHAT).cast(m.Integer)),
        )
        .where(member.chat_id.in_(chat_ids), in_chat)
        .group_by(member.chat_id)
    ).all()
    return {chat_id: (count, int(joined or 0)) for chat_id, count, joined in rows}


def _admins(session: Session, chat_ids: list[int]) -> dict[int, list[str]]:
    member = m.SferumChatMember
    admins: dict[int, list[str]] = defaultdict(list)
    for chat_id, person in session.execute(
        select(member.chat_id, m.Person)
        .join(m.Person, m.Person.id == member.person_id)
        .where(member.chat_id.in_(chat_ids), member.is_admin.is_(True))
        .where(cm.IN_CHAT_ROW)
        .order_by(member.chat_id, m.Person.search_key)
    ):
        admins[chat_id].append(full_name(person.last_name, person.first_name, person.middle_name))
    return admins


@declare(Http("GET", "/sferum/chats", sort=tuple(CHAT_SORT)))
def list_chats(
    session: Session, user: t.CurrentUser, clock: Clock, page: t.PageRequest
) -> t.Page[t.ChatSummary]:
    require_registry(user)
    ensure_default_chats(session, clock, user.organisation_id)
    chat = m.SferumChat
    group_class = m.SchoolClass
    stmt = (
        select(chat, group_class.name, m.Group.name)
        .outerjoin(group_class, group_class.id == chat.class_id)
        .outerjoin(m.Group, m.Group.id == chat.group_id)
        .where(chat.organisation_id == user.organisation_id)
    )
    count_stmt = select(chat.id).where(chat.organisation_id == user.organisation_id)
    if not sees_everything(user):
        mine = select(m.SferumChatMember.chat_id).where(
            m.SferumChatMember.person_id == user.person_id,
            cm.IN_CHAT_ROW,
        )
        stmt = stmt.where(chat.id.in_(mine))
        count_stmt = count_stmt.where(chat.id.in_(mine))
    words = normalize_search(page.search)
    if words:
        condition = search_condition(page, chat.search_key)
        stmt = stmt.where(condition)
        count_stmt = count_stmt.where(condition)
    # Teachers' chat first, then each class's chats, then the others.
    default_sort = [
        (chat.kind != K.TEACHERS),
        group_class.grade,
        group_class.letter,
        chat.kind,
        chat.title,
    ]
    rows, total = fetch_page(
        session,
        stmt,
        page,
        sort_keys=CHAT_SORT,
        default_sort=default_sort,
        tiebreaker=chat.id,
        count_stmt=count_stmt,
    )
    ids = [row[0].id for row in rows]
    counts, admins, syncs = _counts(session, ids), _admins(session, ids), _sync_states(session, ids)
    editable = _editable(session, user, ids)
    group_titles = _group_titles(session, (row[0].group_id for row in rows))
    items = []
    for row_chat, class_name, _group_name in rows:
        member_count, joined = counts.get(row_chat.id, (0, 0))
        sync, message = syncs.get(row_chat.id, (t.ChatSyncState.SYNCED, ""))
        may_edit = row_chat.id in editable
        items.append(
            t.ChatSummary(
                id=row_chat.id,
                title=row_chat.title,
                kind=row_chat.kind,
                class_name=class_name,
                group_name=group_titles.get(row_chat.group_id) if row_chat.group_id else None,
                member_count=member_count,
                in_sferum_count=joined,
                admin_names=tuple(admins.get(row_chat.id, ())),
                sync=sync,
                sync_message=message,
                version=row_chat.version,
                can_edit=may_edit,
                can_delete=may_edit and not row_chat.kind.is_default,
                group_id=row_chat.group_id,
            )
        )
    return t.Page(items=tuple(items), total=total, offset=page.offset)


def _editable(session: Session, user: t.CurrentUser, chat_ids: list[int]) -> set[int]:
    if sees_everything(user):
        return set(chat_ids)
    member = m.SferumChatMember
    return set(
        session.scalars(
            select(member.chat_id).where(
                member.chat_id.in_(chat_ids),
                member.person_id == user.person_id,
                member.is_admin.is_(True),
                cm.IN_CHAT_ROW,
            )
        )
    )


def _people(
    session: Session, person_ids: list[int]
) -> dict[int, tuple[m.Person, bool | None, bool]]:
    """Person → (person, account blocked or None without an account, linked)."""
    if not person_ids:
        return {}
    linked = set(
        session.scalars(
            select(m.Account.person_id)
            .join(m.SferumLink, m.SferumLink.account_id == m.Account.id)
            .where(m.Account.person_id.in_(person_ids), m.SferumLink.status == "linked")
        )
    )
    return {
        person.id: (person, blocked, person.id in linked)
        for person, blocked in session.execute(
            select(m.Person, m.Account.blocked)
            .outerjoin(m.Account, m.Account.person_id == m.Person.id)
            .where(m.Person.id.in_(person_ids))
        )
    }


def _details(session: Session, person_ids: list[int]) -> dict[int, str]:
    """Position of an employee, class of a student, children of a parent."""
    details: dict[int, str] = {}
    if not person_ids:
        return details
    for person_id, position in session.execute(
        select(m.Employee.person_id, m.Employee.position).where(
            m.Employee.person_id.in_(person_ids), m.Employee.dismissed_on.is_(None)
        )
    ):
        details.setdefault(person_id, position)
    for person_id, class_name in session.execute(
        select(m.Student.person_id, m.SchoolClass.name)
        .join(m.SchoolClass, m.SchoolClass.id == m.Student.class_id)
        .where(m.Student.person_id.in_(person_ids))
    ):
        details.setdefault(person_id, class_name)
    child = m.Person.__table__.alias("child")
    children: dict[int, list[str]] = defaultdict(list)
    for person_id, last, first, class_name in session.execute(
        select(m.Parent.person_id, child.c.last_name, child.c.first_name, m.SchoolClass.name)
        .join(m.ParentChild, m.ParentChild.parent_id == m.Parent.id)
        .join(m.Student, m.Student.id == m.ParentChild.student_id)
        .join(child, child.c.id == m.Student.person_id)
        .outerjoin(m.SchoolClass, m.SchoolClass.id == m.Student.class_id)
        .where(m.Parent.person_id.in_(person_ids), m.Student.status == t.StudentStatus.ENROLLED)
    ):
        children[person_id].append(f"{last} {first}" + (f" ({class_name})" if class_name else ""))
    for person_id, names in children.items():
        details.setdefault(person_id, ", ".join(names))
    return details


def member_state(
    row: m.SferumChatMember, blocked: bool | None, linked: bool
) -> t.MemberSferumState:
    if blocked is None:
        return S.NO_ACCOUNT
    if blocked:
        return S.BLOCKED
    if row.max_state == cm.IN_CHAT:
        return S.IN_CHAT
    if row.max_state == cm.REFUSED:
        return S.REFUSED
    if not linked:
        return S.NOT_LINKED
    return S.SENDING


@declare(Http("GET", "/sferum/chats/{chat_id}"))
def chat(session: Session, user: t.CurrentUser, chat_id: int) -> t.Chat:
    row = _load_chat(session, user, chat_id)
    return _chat_view(session, user, row)


def _chat_view(session: Session, user: t.CurrentUser, chat: m.SferumChat) -> t.Chat:
    rows = [r for r in cm.rows_of(session, chat.id).values() if cm.is_present(r)]
    ids = [r.person_id for r in rows]
    people, details = _people(session, ids), _details(session, ids)
    chat_admin = cm.chat_admin_person(session, chat.organisation_id)
    members = []
    for r in rows:
        person, blocked, linked = people[r.person_id]
        members.append(
            t.ChatMember(
                person_id=r.person_id,
                kind=r.kind,
                full_name=full_name(person.last_name, person.first_name, person.middle_name),
                detail=details.get(r.person_id, ""),
                is_admin=r.is_admin,
                admin_locked=r.person_id == chat_admin,
                blocked=bool(blocked),
                linked=linked,
                automatic=r.automatic and not r.excluded,
                sferum=member_state(r, blocked, linked),
                reason=r.max_reason,
            )
        )
    members.sort(key=lambda x: (x.kind != t.ParticipantKind.EMPLOYEE, x.full_name))
    class_name = group_name = None
    if chat.class_id is not None:
        class_name = session.scalar(
            select(m.SchoolClass.name).where(m.SchoolClass.id == chat.class_id)
        )
    if chat.group_id is not None:
        group_name = _group_titles(session, [chat.group_id]).get(chat.group_id)
    may_edit = _may_edit(session, chat, user)
    return t.Chat(
        id=chat.id,
        title=chat.title,
        kind=chat.kind,
        group_id=chat.group_id,
        group_name=group_name,
        class_id=chat.class_id,
        class_name=class_name,
        version=chat.version,
        members=tuple(members),
        can_edit=may_edit,
        can_delete=may_edit and not chat.kind.is_default,
    )


def _group_titles(session: Session, group_ids: Iterable[int | None]) -> dict[int, str]:
    """«Предмет/Группа (Класс)» of each group: «Математика (5А)», «Английский язык — 5А-1 (5А)»."""
    ids = [group_id for group_id in group_ids if group_id is not None]
    if not ids:
        return {}
    titles = {}
    for group_id, subject, group, class_name in session.execute(
        select(m.Group.id, m.Subject.name, m.Group.name, m.SchoolClass.name)
        .join(m.Subject, m.Subject.id == m.Group.subject_id)
        .join(m.SchoolClass, m.SchoolClass.id == m.Group.class_id)
        .where(m.Group.id.in_(ids))
    ):
        middle = f" — {group}" if group != class_name else ""
        titles[group_id] = f"{subject}{middle} ({class_name})"
    return titles


# --- saving -------------------------------------------------------------------------------
def _validate(session: Session, user: t.CurrentUser, draft: t.ChatDraft) -> m.Group | None:
    errors: dict[str, str] = {}
    title = draft.title.strip()
    if not title:
        errors["title"] = "Укажите наименование чата."
    elif len(title) > TITLE_LENGTH:
        errors["title"] = f"Наименование длиннее {TITLE_LENGTH} символов."
    group = None
    if draft.kind is K.SUBJECT:
        group = session.get(m.Group, draft.group_id) if draft.group_id is not None else None
        if group is None or group.organisation_id != user.organisation_id:
            errors["group_id"] = "Выберите группу: для чата «Предмет» она обязательна."
        elif (
            not sees_everything(user)
            and group.teacher_id != user.employee_id
            and (draft.id is None or _group_of(session, draft.id) != group.id)
        ):
            errors["group_id"] = "Можно выбрать только группу, в которой вы преподаете."
    if any(c.kind is t.ParticipantKind.PARENT for c in draft.members) and draft.kind not in (
        K.OTHER,
        K.PARENTS,
    ):
        errors["members"] = "Родителей можно добавить только в чат с типом «Другое»."
    if errors:
        raise ValidationFailed("Проверьте правильность заполнения полей.", errors)
    _check_people(session, user, draft.members)
    return group


def _group_of(session: Session, chat_id: int) -> int | None:
    return session.scalar(select(m.SferumChat.group_id).where(m.SferumChat.id == chat_id))


def _check_people(
    session: Session, user: t.CurrentUser, choices: Iterable[t.ChatMemberChoice]
) -> None:
    by_kind: dict[t.ParticipantKind, set[int]] = defaultdict(set)
    for choice in choices:
        by_kind[choice.kind].add(choice.person_id)
    active = {
        t.ParticipantKind.EMPLOYEE: (m.Employee, m.Employee.dismissed_on.is_(None)),
        t.ParticipantKind.STUDENT: (m.Student, m.Student.status == t.StudentStatus.ENROLLED),
        t.ParticipantKind.PARENT: (m.Parent, m.Parent.id.is_not(None)),
    }
    for kind, ids in by_kind.items():
        table, condition = active[kind]
        found = set(
            session.scalars(
                select(table.person_id).where(
                    table.person_id.in_(list(ids)),
                    table.organisation_id == user.organisation_id,
                    condition,
                )
            )
        )
        if ids - found:
            raise ValidationFailed(
                "Некоторые выбранные участники не найдены среди работающих сотрудников, "
                "обучающихся учеников и родителей организации. Обновите список.",
                {"members": "Участник не найден."},
            )


@declare(
    Http(
        "POST",
        "/sferum/chats",
        body="draft",
        saves="chat_id",
        limits={"title": 1000, "members": CANDIDATE_LIMIT},
    ),
    changes={Topic.CHATS, Topic.MAX_DELIVERIES},
)
def save_chat(session: Session, user: t.CurrentUser, clock: Clock, draft: t.ChatDraft) -> t.Chat:
    require_registry(user)
    group = _validate(session, user, draft)
    chat_admin = cm.chat_admin_person(session, user.organisation_id)
    if draft.id is None:
        if draft.kind.is_default:
            raise ValidationFailed(
                "Чаты по умолчанию создаются автоматически.",
                {"kind": "Выберите тип «Предмет» или «Другое»."},
            )
        chat = m.SferumChat(
            organisation_id=user.organisation_id,
            kind=draft.kind,
            title=draft.title.strip(),
            search_key=search_key(draft.title),
            class_id=group.class_id if group is not None else None,
            group_id=group.id if group is not None else None,
            version=1,
        )
        session.add(chat)
        session.flush()
        before: cm.Snapshot = {}
    else:
        chat = _load_chat(session, user, draft.id)
        if not _may_edit(session, chat, user):
            raise PermissionDenied("Изменять этот чат могут только его администраторы.")
        if draft.version != chat.version:
            raise Conflict(STALE)
        if draft.kind is not chat.kind:
            raise ValidationFailed(
                "Тип чата нельзя изменить.", {"kind": "Тип чата нельзя изменить."}
            )
        before = cm.present(session, chat.id)
        if chat.title != draft.title.strip():
            chat.title = draft.title.strip()
            chat.search_key = search_key(chat.title)
            if cm.on_max(chat):
                outbox.enqueue(
                    session,
                    clock,
                    organisation_id=chat.organisation_id,
                    operation="rename_chat",
                    payload={"chat_id": cm.chat_ref(chat), "title": chat.title},
                    ordering_key=cm.ordering_key(chat.id),
                )
        if group is not None and chat.group_id != group.id:
            chat.group_id, chat.class_id = group.id, group.class_id
        # A version check that is also the write: two saves cannot both pass it.
        claimed = session.execute(
            m.SferumChat.__table__.update()
            .where(m.SferumChat.id == chat.id, m.SferumChat.version == draft.version)
            .values(version=draft.version + 1)
        )
        if claimed.rowcount != 1:
            raise Conflict(STALE)
        session.refresh(chat)
    cm.reconcile(session, chat, chat_admin)
    _apply_choices(session, user, chat, draft.members, chat_admin, creating=draft.id is None)
    after = cm.present(session, chat.id)
    cm.send_changes(session, clock, chat, before, after)
    return _chat_view(session, user, chat)


def _apply_choices(
    session: Session,
    user: t.CurrentUser,
    chat: m.SferumChat,
    choices: Iterable[t.ChatMemberChoice],
    chat_admin: int | None,
    *,
    creating: bool,
) -> None:
    wanted = {c.person_id: c for c in choices}
    rows = cm.rows_of(session, chat.id)
    rules = cm.rule_members(session, chat, chat_admin)
    # The chat administrator stays, as an admin; so does an admin editing their own chat,
    # and whoever creates a chat (unless they see every chat anyway).
    keep_admin = {p for p in (chat_admin,) if p is not None}
    if creating and chat.kind is K.SUBJECT:
        # «Преподающий в выбранной группе учитель добавляется в чат в качестве администратора».
        keep_admin |= {person_id for person_id, rule in rules.items() if rule.is_admin}
    own = rows.get(user.person_id)
    if (own is not None and cm.is_present(own) and own.is_admin) or (
        creating and not sees_everything(user)
    ):
        keep_admin.add(user.person_id)
    for person_id in keep_admin:
        kind = wanted[person_id].kind if person_id in wanted else t.ParticipantKind.EMPLOYEE
        wanted[person_id] = t.ChatMemberChoice(person_id, kind, True)
    for person_id, row in rows.items():
        if person_id in wanted or not cm.is_present(row):
            continue
        if row.automatic:
            row.excluded, row.manual = True, False
        else:
            session.delete(row)
    for person_id, choice in wanted.items():
        row = rows.get(person_id)
        if row is None:
            row = m.SferumChatMember(
                chat_id=chat.id,
                person_id=person_id,
                kind=choice.kind,
                automatic=False,
                manual=True,
                excluded=False,
                is_admin=False,
                admin_override=None,
                max_state="",
                max_reason="",
            )
            session.add(row)
        elif not cm.is_present(row):
            row.excluded = False
            if not row.automatic:
                row.manual = True
        if choice.kind is not t.ParticipantKind.EMPLOYEE and choice.is_admin:
            raise ValidationFailed(
                "Администраторами чата могут быть только сотрудники.",
                {"members": "Администраторами чата могут быть только сотрудники."},
            )
        row.is_admin = choice.is_admin
        # Where the choice differs from the rules it is kept through later roster events.
        rule = rules.get(person_id)
        rule_admin = rule is not None and rule.is_admin and row.automatic
        row.admin_override = None if choice.is_admin == rule_admin else choice.is_admin
    session.flush()


@declare(Http("DELETE", "/sferum/chats/{chat_id}"), changes={Topic.CHATS, Topic.MAX_DELIVERIES})
def delete_chat(
    session: Session, user: t.CurrentUser, clock: Clock, chat_id: int, version: int
) -> None:
    chat = _load_chat(session, user, chat_id)
    if chat.kind.is_default:
        raise PermissionDenied(
            "Чаты по умолчанию нельзя удалить, они доступны только для редактирования."
        )
    if not _may_edit(session, chat, user):
        raise PermissionDenied("Удалять этот чат могут только его администраторы.")
    if chat.version != version:
        raise Conflict(STALE)
    gone = session.execute(
        m.SferumChat.__table__.delete().where(
            m.SferumChat.id == chat.id, m.SferumChat.version == version
        )
    )
    if gone.rowcount != 1:
        raise Conflict(STALE)
    if cm.on_max(chat):
        outbox.enqueue(
            session,
            clock,
            organisation_id=chat.organisation_id,
            operation="delete_chat",
            payload={"chat_id": cm.chat_ref(chat)},
            ordering_key=cm.ordering_key(chat.id),
        )
    session.expunge(chat)


# --- picking participants -------------------------------------------------------------------


@declare(Http("GET", "/sferum/chat-candidates"))
def chat_candidates(
    session: Session,
    user: t.CurrentUser,
    kind: t.ParticipantKind,
    *,
    search: str = "",
    class_id: int | None = None,
    group_id: int | None = None,
) -> list[t.ChatCandidate]:
    """`group_id` narrows students to the group's (a sub-group's, or its whole class)."""
    require_registry(user)
    words = normalize_search(search).split()
    if kind is t.ParticipantKind.EMPLOYEE:
        stmt = (
            select(m.Person.id)
            .join(m.Employee, m.Employee.person_id == m.Person.id)
            .where(
                m.Employee.organisation_id == user.organisation_id,
                m.Employee.dismissed_on.is_(None),
            )
        )
    elif kind is t.ParticipantKind.STUDENT:
        stmt = (
            select(m.Person.id)
            .join(m.Student, m.Student.person_id == m.Person.id)
            .where(
                m.Student.organisation_id == user.organisation_id,
                m.Student.status == t.StudentStatus.ENROLLED,
            )
        )
        if class_id is not None:
            stmt = stmt.where(m.Student.class_id == class_id)
        if group_id is not None:
            group = session.get(m.Group, group_id)
            if group is None or group.organisation_id != user.organisation_id:
                raise NotFound("Группа не найдена.")
            stmt = stmt.where(m.Person.id.in_(cm.group_students(session, group)))
    else:
        stmt = (
            select(m.Person.id)
            .join(m.Parent, m.Parent.person_id == m.Person.id)
            .where(m.Parent.organisation_id == user.organisation_id)
        )
        if class_id is not None:
            stmt = stmt.where(
                m.Parent.id.in_(
                    select(m.ParentChild.parent_id)
                    .join(m.Student, m.Student.id == m.ParentChild.student_id)
                    .where(m.Student.class_id == class_id)
                )
            )
    for word in words:
        stmt = stmt.where(m.Person.search_key.contains(word, autoescape=True))
    ids = list(
        dict.fromkeys(session.scalars(stmt.order_by(m.Person.search_key).limit(CANDIDATE_LIMIT)))
    )
    people, details = _people(session, ids), _details(session, ids)
    employees: dict[int, int] = {}
    if kind is t.ParticipantKind.EMPLOYEE and ids:
        employees = dict(
            session.execute(
                select(m.Employee.person_id, m.Employee.id).where(
                    m.Employee.person_id.in_(ids), m.Employee.dismissed_on.is_(None)
                )
            ).all()
        )
    return [
        t.ChatCandidate(
            person_id=person_id,
            kind=kind,
            full_name=full_name(
                people[person_id][0].last_name,
                people[person_id][0].first_name,
                people[person_id][0].middle_name,
            ),
            detail=details.get(person_id, ""),
            blocked=bool(people[person_id][1]),
            linked=people[person_id][2],
            has_account=people[person_id][1] is not None,
            employee_id=employees.get(person_id),
        )
        for person_id in ids
    ]


# --- who is not in the Sferum chats yet ------------------------------------------------------
GAP_REASONS = {
    S.NOT_LINKED: "Учетная запись не привязана к Сферум",
    S.NO_ACCOUNT: "Нет учетной записи ЭШ",
    S.BLOCKED: "Учетная запись заблокирована",
    S.SENDING: "Ожидает отправки на платформу МАХ",
}


@declare(Http("GET", "/sferum/chat-gaps"))
def chat_gaps(session: Session, user: t.CurrentUser, clock: Clock) -> list[t.ChatGap]:
    require_registry(user)
    if not sees_everything(user):
        raise PermissionDenied(
            "Отчет доступен администратору чатов Сферум и администратору организации."
        )
    ensure_default_chats(session, clock, user.organisation_id)
    member = m.SferumChatMember
    rows = session.execute(
        select(member, m.SferumChat, m.SchoolClass.name)
        .join(m.SferumChat, m.SferumChat.id == member.chat_id)
        .outerjoin(m.SchoolClass, m.SchoolClass.id == m.SferumChat.class_id)
        .where(
            m.SferumChat.organisation_id == user.organisation_id,
            member.max_state != cm.IN_CHAT,
            cm.IN_CHAT_ROW,
        )
    ).all()
    people = _people(session, list({row[0].person_id for row in rows}))
    gaps = []
    for row, chat_row, class_name in rows:
        person, blocked, linked = people[row.person_id]
        state = member_state(row, blocked, linked)
        if state is S.IN_CHAT:
            continue
        reason = (
            f"Платформа МАХ отказала: {row.max_reason}"
            if state is S.REFUSED
            else GAP_REASONS[state]
        )
        gaps.append(
            t.ChatGap(
                chat_id=chat_row.id,
                chat_title=chat_row.title,
                chat_kind=chat_row.kind,
                class_name=class_name,
                person_id=row.person_id,
                full_name=full_name(person.last_name, person.first_name, person.middle_name),
                kind=row.kind,
                sferum=state,
                reason=reason,
            )
        )
    gaps.sort(key=lambda g: (g.class_name or "", g.chat_title, g.kind.value, g.full_name))
    return gaps
