"""Roster queries: staff, classes, groups, students, parents — searched, sorted, paged."""

from __future__ import annotations

import pytest

from backend.contract import (
    MAX_PAGE_SIZE,
    Backend,
    GroupKind,
    NotFound,
    PageRequest,
    PermissionDenied,
    PositionType,
    StudentStatus,
    ValidationFailed,
)
from tests.contract.conftest import log_in
from tests.helpers import AsyncRunner


def test_staff_lists_every_working_employee(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "klass")
    page = run(backend.list_staff(PageRequest(limit=MAX_PAGE_SIZE)))
    assert page.total == len(page.items) == 46
    types = {member.position_type for member in page.items}
    assert types == {PositionType.ADMINISTRATION, PositionType.TEACHING, PositionType.OTHER}
    director = next(m for m in page.items if m.position == "Директор")
    assert director.login == "admin"
    assert not director.blocked
    blocked = next(m for m in page.items if m.login == "zablokirovan")
    assert blocked.blocked


def test_staff_pages_are_consecutive_and_complete(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "klass")
    first = run(backend.list_staff(PageRequest(offset=0, limit=20)))
    second = run(backend.list_staff(PageRequest(offset=20, limit=20)))
    third = run(backend.list_staff(PageRequest(offset=40, limit=20)))
    ids = [m.id for page in (first, second, third) for m in page.items]
    assert [len(p.items) for p in (first, second, third)] == [20, 20, 6]
    assert first.total == second.total == 46
    assert len(set(ids)) == 46
    names = [m.full_name for page in (first, second, third) for m in page.items]
    assert names == sorted(names, key=lambda n: n.casefold().replace("ё", "е"))


def test_staff_sorts_by_a_column_both_ways(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "klass")
    ascending = run(backend.list_staff(PageRequest(limit=100, sort_key="hired_on")))
    descending = run(
        backend.list_staff(PageRequest(limit=100, sort_key="hired_on", descending=True))
    )
    dates = [m.hired_on for m in ascending.items]
    assert dates == sorted(dates)
    assert [m.hired_on for m in descending.items] == sorted(dates, reverse=True)


def test_search_matches_every_word_in_any_case_and_with_yo(
    run: AsyncRunner, backend: Backend
) -> None:
    log_in(run, backend, "klass")
    everyone = run(backend.list_students(PageRequest(limit=MAX_PAGE_SIZE))).items
    target = everyone[17]
    last, first, _middle = target.full_name.split()
    found = run(backend.list_students(PageRequest(search=f"  {first.upper()} {last.lower()} ")))
    assert target.id in [s.id for s in found.items]
    assert all(last in s.full_name and first in s.full_name for s in found.items)
    yo_names = [s for s in everyone if "е" in s.full_name.split()[0]]
    sample = yo_names[0].full_name.split()[0]
    with_yo = sample.replace("е", "ё", 1)
    found_yo = run(backend.list_students(PageRequest(search=with_yo, limit=MAX_PAGE_SIZE)))
    assert yo_names[0].id in [s.id for s in found_yo.items]


@pytest.mark.parametrize("text", ["%", "_", "' OR 1=1 --", "Robert'); DROP TABLE students;--"])
def test_search_text_is_taken_literally(run: AsyncRunner, backend: Backend, text: str) -> None:
    log_in(run, backend, "klass")
    page = run(backend.list_students(PageRequest(search=text)))
    assert page.total == 0
    assert run(backend.list_students(PageRequest())).total > 500


def test_students_filter_by_class(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "klass")
    classes = run(backend.list_classes())
    fifth_a = next(c for c in classes if c.name == "5А")
    page = run(backend.list_students(PageRequest(limit=100), class_id=fifth_a.id))
    assert page.total == fifth_a.student_count > 0
    assert {s.class_name for s in page.items} == {"5А"}
    assert all(s.status is StudentStatus.ENROLLED for s in page.items)
    assert all(1 <= len(s.parents) <= 2 for s in page.items)


def test_students_sort_by_class_in_grade_order(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "klass")
    page = run(backend.list_students(PageRequest(limit=MAX_PAGE_SIZE, sort_key="class_name")))
    grades = [int(s.class_name[:-1]) for s in page.items if s.class_name]
    assert grades == sorted(grades)
    assert (grades[0], grades[-1]) == (1, 11)


def test_classes_have_class_teachers_and_students(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "klass")
    classes = run(backend.list_classes())
    assert [c.name for c in classes][:4] == ["1А", "1Б", "2А", "2Б"]
    assert len(classes) == 22
    assert all(c.class_teacher_name for c in classes)
    assert len({c.class_teacher_id for c in classes}) == 22
    assert all(22 <= c.student_count <= 28 for c in classes)
    me = run(backend.current_user())
    assert next(c for c in classes if c.name == "5А").class_teacher_id == me.employee_id


def test_groups_split_some_classes_for_english(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "klass")
    groups = run(backend.list_groups())
    english = [g for g in groups if g.subject_name == "Английский язык"]
    subgroups = [g for g in english if g.kind is GroupKind.SUBGROUP]
    assert subgroups, "some classes learn English in two sub-groups"
    assert any(g.kind is GroupKind.CLASS for g in english)
    classes = {c.id: c for c in run(backend.list_classes())}
    for class_id in {g.class_id for g in subgroups}:
        halves = [g for g in subgroups if g.class_id == class_id]
        assert len(halves) == 2
        assert halves[0].teacher_id != halves[1].teacher_id
        assert sum(g.student_count for g in halves) == classes[class_id].student_count
    one_class = run(backend.list_groups(class_id=subgroups[0].class_id))
    assert {g.class_id for g in one_class} == {subgroups[0].class_id}


def test_parents_list_their_children(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "klass")
    page = run(backend.list_parents(PageRequest(limit=MAX_PAGE_SIZE)))
    assert page.total > 500
    assert all(parent.children for parent in page.items)
    assert any(len(parent.children) > 1 for parent in page.items), "some families have siblings"
    roditel = next(p for p in page.items if p.login == "roditel")
    assert [child.class_name for child in roditel.children] == ["5А"]


def test_a_page_larger_than_allowed_is_refused(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "klass")
    with pytest.raises(ValidationFailed) as refused:
        run(backend.list_students(PageRequest(limit=MAX_PAGE_SIZE + 1)))
    assert "limit" in refused.value.field_errors
    with pytest.raises(ValidationFailed):
        run(backend.list_staff(PageRequest(offset=-1)))
    with pytest.raises(ValidationFailed):
        run(backend.list_staff(PageRequest(sort_key="password_hash")))


def test_another_organisations_class_is_not_found(run: AsyncRunner, backend: Backend) -> None:
    log_in(run, backend, "shkola12.admin", school="МБОУ Школа № 12")
    their_classes = {c.id for c in run(backend.list_classes())}
    run(backend.log_out())
    log_in(run, backend, "klass")
    ours = {c.id for c in run(backend.list_classes())}
    assert not ours & their_classes
    with pytest.raises(NotFound):
        run(backend.list_students(PageRequest(), class_id=min(their_classes)))


@pytest.mark.parametrize("login", ["uchenik", "roditel"])
def test_students_and_parents_cannot_read_the_roster(
    run: AsyncRunner, backend: Backend, login: str
) -> None:
    log_in(run, backend, login)
    with pytest.raises(PermissionDenied):
        run(backend.list_staff(PageRequest()))
    with pytest.raises(PermissionDenied):
        run(backend.list_students(PageRequest()))
    with pytest.raises(PermissionDenied):
        run(backend.list_parents(PageRequest()))
