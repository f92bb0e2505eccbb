"""Roster events on every backend, and what each does to every chat it touches."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from backend.contract import (
    Backend,
    ChatDraft,
    ChatKind,
    ChatMemberChoice,
    Conflict,
    NewEmployee,
    NewStudent,
    PageRequest,
    ParticipantKind,
    PermissionDenied,
    PositionType,
    StudentStatus,
    ValidationFailed,
)
from backend.max.simulator.state import SimulatedMax
from tests.contract.chat_helpers import (
    chat_titled,
    class_id,
    link_to_sferum,
    max_chat,
    names,
    students_of,
)
from tests.contract.conftest import log_in
from tests.helpers import AsyncRunner

ST = ParticipantKind.STUDENT


def _subject_chat(run: AsyncRunner, backend: Backend, class_name: str, title: str):
    group = next(
        g
        for g in run(backend.list_groups())
        if g.class_name == class_name and g.kind.value == "class"
    )
    pupils = run(backend.chat_candidates(ST, group_id=group.id))
    return run(
        backend.save_chat(
            ChatDraft(
                title=title,
                kind=ChatKind.SUBJECT,
                members=tuple(ChatMemberChoice(p.person_id, ST) for p in pupils),
                group_id=group.id,
            )
        )
    )


def test_an_enrolled_student_joins_the_class_and_subject_chats(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "admin")
    subject = _subject_chat(run, backend, "5А", "Предмет 5А")
    student = run(
        backend.enrol_student(
            NewStudent(
                last_name="Новиков", first_name="Пётр", class_id=class_id(run, backend, "5А")
            )
        )
    )
    assert student.class_name == "5А"
    assert student.status is StudentStatus.ENROLLED
    assert student.full_name in names(chat_titled(run, backend, "Классный чат 5А"))
    assert student.full_name in names(run(backend.chat(subject.id)))


def test_enrolment_checks_the_fields(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "admin")
    with pytest.raises(ValidationFailed) as error:
        run(backend.enrol_student(NewStudent(last_name=" ", first_name="", class_id=999999)))
    assert set(error.value.field_errors) == {"last_name", "first_name", "class_id"}


def test_an_expelled_student_and_their_parents_leave_the_class_chats(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "admin")
    subject = _subject_chat(run, backend, "5А", "Предмет 5А")
    student = next(s for s in students_of(run, backend, "5А") if s.parents)
    parent_names = {p.full_name for p in student.parents}
    expelled = run(backend.expel_student(student.id))
    assert expelled.status is StudentStatus.EXPELLED
    assert expelled.left_on is not None
    assert student.full_name not in names(chat_titled(run, backend, "Классный чат 5А"))
    assert student.full_name not in names(run(backend.chat(subject.id)))
    others = {p.full_name for s in students_of(run, backend, "5А") for p in s.parents}
    parents_chat = names(chat_titled(run, backend, "Родительский чат 5А"))
    assert parents_chat & parent_names == parent_names & others


def test_a_transferred_class_moves_between_the_chats(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "admin")
    moving = students_of(run, backend, "7А")
    run(backend.transfer_students([s.id for s in moving], class_id(run, backend, "7Б")))
    moved = {s.full_name for s in moving}
    assert moved.isdisjoint(names(chat_titled(run, backend, "Классный чат 7А")))
    assert moved <= names(chat_titled(run, backend, "Классный чат 7Б"))
    parents = {p.full_name for s in moving for p in s.parents}
    assert parents <= names(chat_titled(run, backend, "Родительский чат 7Б"))
    assert parents.isdisjoint(names(chat_titled(run, backend, "Родительский чат 7А")))


def test_restoration_brings_back_and_its_cancellation_removes_from_every_chat(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "chatadmin")
    student = next(s for s in students_of(run, backend, "6Б") if s.parents)
    parent = student.parents[0]
    parent_person = next(
        c.person_id
        for c in run(backend.chat_candidates(ParticipantKind.PARENT, search=parent.full_name))
        if c.full_name == parent.full_name
    )
    club = run(
        backend.save_chat(
            ChatDraft(
                title="Кружок",
                kind=ChatKind.OTHER,
                members=(
                    ChatMemberChoice(student.person_id, ST),
                    ChatMemberChoice(parent_person, ParticipantKind.PARENT),
                ),
            )
        )
    )
    log_in(run, backend, "admin")
    run(backend.expel_student(student.id))
    restored = run(backend.restore_student(student.id))
    assert restored.status is StudentStatus.ENROLLED
    assert restored.restored
    assert student.full_name in names(chat_titled(run, backend, "Классный чат 6Б"))
    assert parent.full_name in names(chat_titled(run, backend, "Родительский чат 6Б"))
    former = run(
        backend.list_students(
            PageRequest(search=student.full_name, sort_key="left_on"),
            statuses=(StudentStatus.EXPELLED, StudentStatus.GRADUATED),
            include_restored=True,
        )
    )
    assert [s.id for s in former.items if s.restored] == [student.id]

    cancelled = run(backend.cancel_restoration(student.id))
    assert cancelled.status is StudentStatus.EXPELLED
    assert not cancelled.restored
    assert student.full_name not in names(chat_titled(run, backend, "Классный чат 6Б"))
    assert names(run(backend.chat(club.id))).isdisjoint({student.full_name, parent.full_name})
    with pytest.raises(Conflict):
        run(backend.cancel_restoration(student.id))


def test_hiring_and_dismissal_move_a_teacher_in_and_out_of_the_teachers_chat(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "admin")
    hired = run(
        backend.hire_employee(
            NewEmployee(
                last_name="Орлова",
                first_name="Вера",
                middle_name="Игоревна",
                position="Учитель географии",
                position_type=PositionType.TEACHING,
            )
        )
    )
    assert hired.login
    assert hired.dismissed_on is None
    assert hired.full_name in names(chat_titled(run, backend, "Учительский чат"))
    cleaner = run(
        backend.hire_employee(
            NewEmployee(
                last_name="Петрова",
                first_name="Анна",
                position="Уборщица",
                position_type=PositionType.OTHER,
            )
        )
    )
    assert cleaner.full_name not in names(chat_titled(run, backend, "Учительский чат"))

    dismissed = run(backend.dismiss_employee(hired.id))
    assert dismissed.dismissed_on is not None
    assert hired.full_name not in names(chat_titled(run, backend, "Учительский чат"))


def test_a_parent_linked_to_a_child_joins_and_unlinked_leaves_the_parents_chat(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "admin")
    student = students_of(run, backend, "8А")[0]
    parents = run(backend.list_parents(PageRequest(limit=200))).items
    outsider = next(
        p for p in parents if all(c.class_name != "8А" for c in p.children) and p.children
    )
    linked = run(backend.link_parent(outsider.id, student.id, "Опекун"))
    assert any(c.student_id == student.id for c in linked.children)
    assert outsider.full_name in names(chat_titled(run, backend, "Родительский чат 8А"))
    run(backend.unlink_parent(outsider.id, student.id))
    assert outsider.full_name not in names(chat_titled(run, backend, "Родительский чат 8А"))


def test_a_new_class_teacher_becomes_admin_of_both_class_chats(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "admin")
    school_class = next(c for c in run(backend.list_classes()) if c.name == "9А")
    staff = run(backend.list_staff(PageRequest(limit=1000))).items
    newcomer = next(
        s
        for s in staff
        if s.position_type is PositionType.TEACHING
        and s.full_name != school_class.class_teacher_name
    )
    changed = run(backend.set_class_teacher(school_class.id, newcomer.id))
    assert changed.class_teacher_name == newcomer.full_name
    for title in ("Классный чат 9А", "Родительский чат 9А"):
        chat = chat_titled(run, backend, title)
        admins = {m.full_name for m in chat.members if m.is_admin}
        assert newcomer.full_name in admins, title
        assert school_class.class_teacher_name not in names(chat), title


def test_a_groups_new_teacher_becomes_admin_of_its_subject_chat(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "admin")
    chat = _subject_chat(run, backend, "10А", "Предмет 10А")
    staff = run(backend.list_staff(PageRequest(limit=1000))).items
    former = {m.full_name for m in chat.members if m.is_admin and not m.admin_locked}
    newcomer = next(
        s for s in staff if s.position_type is PositionType.TEACHING and s.full_name not in former
    )
    run(backend.set_group_teacher(chat.group_id, newcomer.id))
    after = run(backend.chat(chat.id))
    assert {m.full_name for m in after.members if m.is_admin and not m.admin_locked} == {
        newcomer.full_name
    }


def test_only_the_administration_changes_the_roster(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "uchitel")
    student = students_of(run, backend, "5А")[0]
    with pytest.raises(PermissionDenied):
        run(backend.expel_student(student.id))
    assert student.full_name in {s.full_name for s in students_of(run, backend, "5А")}


def test_an_expelled_linked_student_is_removed_from_the_sferum_chat_too(
    run: AsyncRunner,
    backend: Backend,
    make_backend: Callable[[], Backend],
    max_simulator: SimulatedMax,
    run_max_jobs: Callable[[], None],
) -> None:
    """The class teacher stands in for a linked participant: replaced, they leave on MAX."""
    log_in(run, backend, "admin")
    run_max_jobs()
    user_id = link_to_sferum(
        run, make_backend, max_simulator, run_max_jobs, "klass", "+79037850930"
    )
    chat_id = max_chat(max_simulator, "Классный чат 5А")
    assert [m.user_id for m in max_simulator.members(chat_id)] == [user_id]
    five_a = next(c for c in run(backend.list_classes()) if c.name == "5А")
    run(backend.set_class_teacher(five_a.id, None))
    run_max_jobs()
    assert [m.user_id for m in max_simulator.members(chat_id)] == []


def test_a_cancelled_restoration_puts_the_student_back_where_they_were(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "admin")
    student = students_of(run, backend, "5А")[0]
    run(backend.expel_student(student.id))
    run(backend.restore_student(student.id, class_id(run, backend, "6А")))
    assert student.full_name in names(chat_titled(run, backend, "Классный чат 6А"))
    cancelled = run(backend.cancel_restoration(student.id))
    assert cancelled.class_name == "5А"
    assert cancelled.status is StudentStatus.EXPELLED
    assert student.full_name not in names(chat_titled(run, backend, "Классный чат 6А"))


def test_an_expelled_student_leaves_chats_they_were_added_to_by_hand(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "admin")
    student = students_of(run, backend, "8Б")[0]
    club = run(
        backend.save_chat(
            ChatDraft(
                title="Шахматы",
                kind=ChatKind.OTHER,
                members=(ChatMemberChoice(student.person_id, ST),),
            )
        )
    )
    run(backend.expel_student(student.id))
    assert student.full_name not in names(run(backend.chat(club.id)))
    with pytest.raises(ValidationFailed):
        run(
            backend.save_chat(
                ChatDraft(
                    title="Шахматы",
                    kind=ChatKind.OTHER,
                    members=(ChatMemberChoice(student.person_id, ST),),
                    id=club.id,
                    version=run(backend.chat(club.id)).version,
                )
            )
        )
