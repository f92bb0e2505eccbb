"""The «Чаты» tab on every backend: default chats of the demo school, who sees and edits what,
admin flags, deletion, concurrent edits, joining MAX on linking, and the roll-out report."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from backend.contract import (
    Backend,
    ChatDraft,
    ChatKind,
    ChatMemberChoice,
    ChatSyncState,
    Conflict,
    MemberSferumState,
    NotFound,
    PageRequest,
    ParticipantKind,
    PermissionDenied,
    PositionType,
    ValidationFailed,
)
from backend.max.simulator.state import SimulatedMax
from tests.contract.chat_helpers import (
    all_chats,
    chat_titled,
    choices,
    link_to_sferum,
    max_chat,
    names,
    students_of,
)
from tests.contract.conftest import log_in
from tests.helpers import AsyncRunner

KLASS_PHONE = "+79037850930"
E, ST, P = ParticipantKind.EMPLOYEE, ParticipantKind.STUDENT, ParticipantKind.PARENT


def _staff(run: AsyncRunner, backend: Backend) -> list:
    return list(run(backend.list_staff(PageRequest(limit=1000))).items)


def _chat_admin_name(run: AsyncRunner, backend: Backend) -> str:
    name = run(backend.organisation_settings()).chat_admin_name
    assert name
    return name


def _group(run: AsyncRunner, backend: Backend, class_name: str, subject: str):
    return next(
        g
        for g in run(backend.list_groups())
        if g.class_name == class_name and g.subject_name == subject
    )


def test_every_class_has_its_default_chats_and_the_school_one_teachers_chat(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "chatadmin")
    chats = all_chats(run, backend)
    classes = run(backend.list_classes())
    kinds = [c.kind for c in chats]
    assert kinds.count(ChatKind.TEACHERS) == 1
    assert kinds.count(ChatKind.CLASS) == len(classes)
    assert kinds.count(ChatKind.PARENTS) == len(classes)
    assert chats[0].title == "Учительский чат", "the teachers' chat comes first"
    assert all(not c.can_delete for c in chats if c.kind.is_default)


def test_default_chats_hold_exactly_the_people_the_rules_name(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "chatadmin")
    chat_admin = _chat_admin_name(run, backend)
    staff = _staff(run, backend)
    teaching = {
        s.full_name
        for s in staff
        if s.position_type in (PositionType.ADMINISTRATION, PositionType.TEACHING)
    }
    teachers_chat = chat_titled(run, backend, "Учительский чат")
    assert names(teachers_chat) == teaching | {chat_admin}
    assert {m.full_name for m in teachers_chat.members if m.is_admin} == {chat_admin}

    five_a = next(c for c in run(backend.list_classes()) if c.name == "5А")
    students = students_of(run, backend, "5А")
    class_chat = chat_titled(run, backend, "Классный чат 5А")
    assert names(class_chat, ST) == {s.full_name for s in students}
    assert names(class_chat, E) == {five_a.class_teacher_name, chat_admin}
    admins = {m.full_name: m.admin_locked for m in class_chat.members if m.is_admin}
    assert admins == {five_a.class_teacher_name: False, chat_admin: True}

    parents_chat = chat_titled(run, backend, "Родительский чат 5А")
    assert names(parents_chat, P) == {p.full_name for s in students for p in s.parents}
    assert names(parents_chat, E) == {five_a.class_teacher_name, chat_admin}
    assert names(parents_chat, ST) == set()


def test_a_subject_chat_gets_the_groups_students_and_its_teacher_as_admin(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "chatadmin")
    group = _group(run, backend, "5А", "Математика")
    pupils = run(backend.chat_candidates(ST, group_id=group.id))
    saved = run(
        backend.save_chat(
            ChatDraft(
                title="Математика 5А",
                kind=ChatKind.SUBJECT,
                members=tuple(ChatMemberChoice(p.person_id, ST) for p in pupils),
                group_id=group.id,
            )
        )
    )
    assert names(saved, ST) == {s.full_name for s in students_of(run, backend, "5А")}
    assert {m.full_name for m in saved.members if m.is_admin} == {
        group.teacher_name,
        _chat_admin_name(run, backend),
    }
    assert saved.can_delete
    (listed,) = [c for c in all_chats(run, backend) if c.title == "Математика 5А"]
    assert listed.can_delete
    assert listed.group_id == group.id
    assert {c.group_id for c in all_chats(run, backend) if c.kind is not ChatKind.SUBJECT} == {None}


def test_a_subject_chat_needs_a_group_and_a_name(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "chatadmin")
    with pytest.raises(ValidationFailed) as error:
        run(backend.save_chat(ChatDraft(title="  ", kind=ChatKind.SUBJECT, members=())))
    assert set(error.value.field_errors) == {"title", "group_id"}


def test_default_chats_cannot_be_deleted_but_can_be_edited(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "chatadmin")
    chat = chat_titled(run, backend, "Классный чат 5А")
    with pytest.raises(PermissionDenied):
        run(backend.delete_chat(chat.id, chat.version))
    renamed = run(
        backend.save_chat(
            ChatDraft(
                title="5А — класс",
                kind=chat.kind,
                members=choices(chat),
                id=chat.id,
                version=chat.version,
            )
        )
    )
    assert renamed.title == "5А — класс"
    assert renamed.version == chat.version + 1
    assert names(renamed) == names(chat)


def test_a_chat_reaches_max_with_its_first_linked_participant_and_leaves_it_when_deleted(
    run: AsyncRunner,
    backend: Backend,
    make_backend: Callable[[], Backend],
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
) -> None:
    log_in(run, backend, "chatadmin")
    five_a = next(c for c in run(backend.list_classes()) if c.name == "5А")
    group = next(
        g
        for g in run(backend.list_groups(class_id=five_a.id))
        if g.teacher_name == five_a.class_teacher_name
    )
    chat = run(
        backend.save_chat(
            ChatDraft(title="Кружок 5А", kind=ChatKind.SUBJECT, members=(), group_id=group.id)
        )
    )
    run_max_jobs()
    assert all(c.title != "Кружок 5А" for c in max_simulator.chats()), "nobody to put in it"

    user_id = link_to_sferum(run, make_backend, max_simulator, run_max_jobs, "klass", KLASS_PHONE)
    on_max = max_chat(max_simulator, "Кружок 5А")
    assert [(m.user_id, m.is_admin) for m in max_simulator.members(on_max)] == [(user_id, True)]

    chat = run(backend.chat(chat.id))
    run(backend.delete_chat(chat.id, chat.version))
    assert all(c.title != "Кружок 5А" for c in all_chats(run, backend))
    run_max_jobs()
    assert all(c.title != "Кружок 5А" for c in max_simulator.chats())


def test_the_chat_administrator_stays_an_admin_and_cannot_be_removed(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "chatadmin")
    chat_admin = _chat_admin_name(run, backend)
    chat = chat_titled(run, backend, "Классный чат 5А")
    without_admins = tuple(
        ChatMemberChoice(m.person_id, m.kind, False)
        for m in chat.members
        if m.full_name != chat_admin
    )
    saved = run(
        backend.save_chat(
            ChatDraft(
                title=chat.title,
                kind=chat.kind,
                members=without_admins,
                id=chat.id,
                version=chat.version,
            )
        )
    )
    flags = {m.full_name: m.is_admin for m in saved.members}
    assert flags[chat_admin] is True
    assert sum(flags.values()) == 1, "the class teacher's flag was unchecked"


def test_a_teacher_sees_only_their_chats_and_edits_only_those_they_administer(
    run: AsyncRunner, backend: Backend, other_backend: Backend
) -> None:
    log_in(run, other_backend, "chatadmin")
    math = _group(run, other_backend, "5Б", "Математика")
    theirs = run(
        other_backend.save_chat(ChatDraft(title="Чужой чат", kind=ChatKind.OTHER, members=()))
    )
    user = log_in(run, backend, "uchitel")
    chats = all_chats(run, backend)
    assert chats, "the teachers' chat at least"
    assert all(user.full_name in names(run(backend.chat(c.id))) for c in chats)
    assert "Чужой чат" not in {c.title for c in chats}
    with pytest.raises(NotFound):
        run(backend.chat(theirs.id))

    teachers_chat = chat_titled(run, backend, "Учительский чат")
    assert not teachers_chat.can_edit
    with pytest.raises(PermissionDenied):
        run(
            backend.save_chat(
                ChatDraft(
                    title="Наш чат",
                    kind=teachers_chat.kind,
                    members=choices(teachers_chat),
                    id=teachers_chat.id,
                    version=teachers_chat.version,
                )
            )
        )
    if math.teacher_name != user.full_name:
        with pytest.raises(ValidationFailed) as error:
            run(
                backend.save_chat(
                    ChatDraft(title="5Б", kind=ChatKind.SUBJECT, members=(), group_id=math.id)
                )
            )
        assert "group_id" in error.value.field_errors


def test_a_teacher_creates_a_chat_for_their_own_group_and_administers_it(
    run: AsyncRunner, backend: Backend
) -> None:
    user = log_in(run, backend, "uchitel")
    own = next(g for g in run(backend.list_groups()) if g.teacher_id == user.employee_id)
    saved = run(
        backend.save_chat(
            ChatDraft(title="Мой предмет", kind=ChatKind.SUBJECT, members=(), group_id=own.id)
        )
    )
    me = next(m for m in saved.members if m.full_name == user.full_name)
    assert me.is_admin
    assert saved.can_edit
    assert saved.can_delete


@pytest.mark.parametrize("login", ["uchenik", "roditel"])
def test_students_and_parents_cannot_open_the_registry(
    run: AsyncRunner, backend: Backend, login: str
) -> None:
    log_in(run, backend, login)
    with pytest.raises(PermissionDenied):
        run(backend.list_chats(PageRequest()))


def test_two_people_saving_the_same_chat_the_second_is_told(
    run: AsyncRunner, backend: Backend, other_backend: Backend
) -> None:
    log_in(run, backend, "chatadmin")
    log_in(run, other_backend, "admin")
    mine = chat_titled(run, backend, "Классный чат 6А")
    theirs = run(other_backend.chat(mine.id))
    run(
        other_backend.save_chat(
            ChatDraft(
                title="6А (их)",
                kind=theirs.kind,
                members=choices(theirs),
                id=theirs.id,
                version=theirs.version,
            )
        )
    )
    with pytest.raises(Conflict) as error:
        run(
            backend.save_chat(
                ChatDraft(
                    title="6А (мой)",
                    kind=mine.kind,
                    members=choices(mine),
                    id=mine.id,
                    version=mine.version,
                )
            )
        )
    assert "другой пользователь" in error.value.message
    assert run(backend.chat(mine.id)).title == "6А (их)"


def test_manual_participants_stay_and_removed_automatic_ones_do_not_come_back(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "chatadmin")
    chat = chat_titled(run, backend, "Классный чат 5А")
    outsider = students_of(run, backend, "6А")[0]
    leaving = next(m for m in chat.members if m.kind is ST)
    members = [c for c in choices(chat) if c.person_id != leaving.person_id]
    members.append(ChatMemberChoice(outsider.person_id, ST))
    saved = run(
        backend.save_chat(
            ChatDraft(
                title=chat.title,
                kind=chat.kind,
                members=tuple(members),
                id=chat.id,
                version=chat.version,
            )
        )
    )
    assert outsider.full_name in names(saved)
    assert leaving.person_id not in {m.person_id for m in saved.members}
    # A roster event in the class re-applies the rules: the choices above survive it.
    newcomer = students_of(run, backend, "5Б")[0]
    five_a = next(c.id for c in run(backend.list_classes()) if c.name == "5А")
    run(backend.transfer_students([newcomer.id], five_a))
    after = run(backend.chat(chat.id))
    assert {outsider.full_name, newcomer.full_name} <= names(after)
    assert leaving.person_id not in {m.person_id for m in after.members}


def test_parents_only_in_other_chats(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "chatadmin")
    parent = run(backend.chat_candidates(P, search=""))[0]
    group = _group(run, backend, "5А", "Математика")
    with pytest.raises(ValidationFailed):
        run(
            backend.save_chat(
                ChatDraft(
                    title="Математика",
                    kind=ChatKind.SUBJECT,
                    members=(ChatMemberChoice(parent.person_id, P),),
                    group_id=group.id,
                )
            )
        )
    other = run(
        backend.save_chat(
            ChatDraft(
                title="Совет родителей",
                kind=ChatKind.OTHER,
                members=(ChatMemberChoice(parent.person_id, P),),
            )
        )
    )
    assert parent.full_name in names(other, P)


def test_candidates_are_searched_by_name(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "chatadmin")
    everyone = run(backend.chat_candidates(E))
    assert len(everyone) == len(_staff(run, backend))
    surname = everyone[3].full_name.split()[0]
    found = run(backend.chat_candidates(E, search=surname.lower()))
    assert found
    assert all(surname in c.full_name for c in found)
    assert len(found) < len(everyone)


def test_linking_puts_a_participant_into_the_sferum_chats_with_their_admin_rights(
    run: AsyncRunner,
    backend: Backend,
    make_backend: Callable[[], Backend],
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
) -> None:
    log_in(run, backend, "chatadmin")
    run_max_jobs()  # MAX creates the default chats
    before = chat_titled(run, backend, "Классный чат 5А")
    klass = next(m for m in before.members if m.is_admin and not m.admin_locked)
    assert klass.sferum is MemberSferumState.NOT_LINKED
    gaps = run(backend.chat_gaps())
    assert any(
        g.person_id == klass.person_id and g.reason == "Учетная запись не привязана к Сферум"
        for g in gaps
    )

    user_id = link_to_sferum(run, make_backend, max_simulator, run_max_jobs, "klass", KLASS_PHONE)

    after = chat_titled(run, backend, "Классный чат 5А")
    assert next(m for m in after.members if m.person_id == klass.person_id).sferum is (
        MemberSferumState.IN_CHAT
    )
    members = max_simulator.members(max_chat(max_simulator, "Классный чат 5А"))
    assert [(m.user_id, m.is_admin) for m in members] == [(user_id, True)]
    assert all(g.person_id != klass.person_id for g in run(backend.chat_gaps()))
    summary = next(c for c in all_chats(run, backend) if c.title == "Классный чат 5А")
    assert summary.in_sferum_count == 1
    assert summary.sync is ChatSyncState.SYNCED


def test_admin_flags_changed_in_the_window_reach_max(
    run: AsyncRunner,
    backend: Backend,
    make_backend: Callable[[], Backend],
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
) -> None:
    log_in(run, backend, "chatadmin")
    user_id = link_to_sferum(run, make_backend, max_simulator, run_max_jobs, "klass", KLASS_PHONE)
    chat = chat_titled(run, backend, "Учительский чат")
    klass = next(m for m in chat.members if m.sferum is MemberSferumState.IN_CHAT)
    assert not klass.is_admin
    promoted = tuple(
        ChatMemberChoice(m.person_id, m.kind, m.is_admin or m.person_id == klass.person_id)
        for m in chat.members
    )
    run(
        backend.save_chat(
            ChatDraft(
                title=chat.title,
                kind=chat.kind,
                members=promoted,
                id=chat.id,
                version=chat.version,
            )
        )
    )
    run_max_jobs()
    on_max = {
        m.user_id: m.is_admin for m in max_simulator.members(max_chat(max_simulator, chat.title))
    }
    assert on_max == {user_id: True}

    chat = run(backend.chat(chat.id))
    demoted = tuple(
        ChatMemberChoice(m.person_id, m.kind, m.is_admin and m.person_id != klass.person_id)
        for m in chat.members
    )
    run(
        backend.save_chat(
            ChatDraft(
                title=chat.title, kind=chat.kind, members=demoted, id=chat.id, version=chat.version
            )
        )
    )
    run_max_jobs()
    on_max = {
        m.user_id: m.is_admin for m in max_simulator.members(max_chat(max_simulator, chat.title))
    }
    assert on_max == {user_id: False}


def test_a_new_chat_administrator_joins_every_chat_and_the_former_one_leaves(
    run: AsyncRunner, backend: Backend
) -> None:
    from backend.contract import OrganisationSettingsUpdate

    log_in(run, backend, "admin")
    settings = run(backend.organisation_settings())
    former = settings.chat_admin_name
    newcomer = next(
        s
        for s in _staff(run, backend)
        if s.position_type is PositionType.OTHER and s.full_name != former
    )
    run(
        backend.update_organisation_settings(
            OrganisationSettingsUpdate(
                name=settings.name,
                short_name=settings.short_name,
                chat_admin_employee_id=newcomer.id,
                version=settings.version,
            )
        )
    )
    for summary in all_chats(run, backend):
        chat = run(backend.chat(summary.id))
        flags = {m.full_name: (m.is_admin, m.admin_locked) for m in chat.members}
        assert flags[newcomer.full_name] == (True, True), chat.title
        if chat.kind is ChatKind.CLASS:
            assert former not in flags, chat.title
    teachers = chat_titled(run, backend, "Учительский чат")
    assert {m.full_name: m.is_admin for m in teachers.members}[former] is False


def test_an_admin_flag_unchecked_by_hand_survives_roster_events(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "admin")
    chat = chat_titled(run, backend, "Классный чат 7А")
    teacher = next(m for m in chat.members if m.is_admin and not m.admin_locked)
    unchecked = tuple(
        ChatMemberChoice(m.person_id, m.kind, m.is_admin and m.person_id != teacher.person_id)
        for m in chat.members
    )
    run(
        backend.save_chat(
            ChatDraft(
                title=chat.title,
                kind=chat.kind,
                members=unchecked,
                id=chat.id,
                version=chat.version,
            )
        )
    )
    newcomer = students_of(run, backend, "7Б")[0]
    seven_a = next(c.id for c in run(backend.list_classes()) if c.name == "7А")
    run(backend.transfer_students([newcomer.id], seven_a))
    after = run(backend.chat(chat.id))
    assert newcomer.full_name in names(after)
    assert {m.person_id: m.is_admin for m in after.members}[teacher.person_id] is False


def test_a_co_admin_of_a_subject_chat_may_save_it(
    run: AsyncRunner, backend: Backend, other_backend: Backend
) -> None:
    owner = log_in(run, other_backend, "uchitel")
    group = next(g for g in run(other_backend.list_groups()) if g.teacher_id == owner.employee_id)
    co_admin = log_in(run, backend, "klass")
    candidate = next(
        c for c in run(other_backend.chat_candidates(E)) if c.employee_id == co_admin.employee_id
    )
    chat = run(
        other_backend.save_chat(
            ChatDraft(
                title="Общий предмет",
                kind=ChatKind.SUBJECT,
                members=(ChatMemberChoice(candidate.person_id, E, True),),
                group_id=group.id,
            )
        )
    )
    mine = run(backend.chat(chat.id))
    assert mine.can_edit
    renamed = run(
        backend.save_chat(
            ChatDraft(
                title="Общий предмет (5)",
                kind=mine.kind,
                members=choices(mine),
                group_id=mine.group_id,
                id=mine.id,
                version=mine.version,
            )
        )
    )
    assert renamed.title == "Общий предмет (5)"


def test_unlinking_takes_a_participant_out_of_the_sferum_chats(
    run: AsyncRunner,
    backend: Backend,
    make_backend: Callable[[], Backend],
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
) -> None:
    log_in(run, backend, "klass")
    user_id = link_to_sferum(run, make_backend, max_simulator, run_max_jobs, "klass", KLASS_PHONE)
    chat_id = max_chat(max_simulator, "Классный чат 5А")
    assert [m.user_id for m in max_simulator.members(chat_id)] == [user_id]
    run(backend.unlink_sferum())
    run_max_jobs()
    assert [m.user_id for m in max_simulator.members(chat_id)] == []
