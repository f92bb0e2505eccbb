"""`esh-server` as a school's administrator types it: migrate, demo, and a refusal to serve
an out-of-date schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from backend.database import Database, sqlite_url
from backend.migrations import HEAD_REVISION
from backend.server import cli
from backend.version import current_version


def test_migrate_accepts_the_database_before_or_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_url(tmp_path / "school.sqlite3")
    assert cli.main(["migrate", "--database", url]) == 0
    assert "schema upgraded" in capsys.readouterr().out
    assert cli.main(["--database", url, "migrate"]) == 0
    assert "schema already current" in capsys.readouterr().out
    assert Database(url).current_revision() == HEAD_REVISION


def test_demo_loads_once_and_later_only_carries_the_timetable_forward(
    demo_db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_url(demo_db_path)
    engine = create_engine(url)
    with engine.connect() as connection:
        before = connection.execute(text("SELECT count(*) FROM organisations")).scalar()
    assert cli.main(["demo", "--database", url, "--date", "2026-12-14"]) == 0
    output = capsys.readouterr().out
    assert "the demo school was not added" in output
    assert "carried forward" in output
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM organisations")).scalar() == before
        last = connection.execute(text("SELECT max(date) FROM lessons")).scalar()
    engine.dispose()
    assert str(last) >= "2026-12-21"


def test_serving_an_unmigrated_database_is_refused_with_the_remedy(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "empty.sqlite3")
    with pytest.raises(SystemExit) as refused:
        cli.main(["serve", "--database", url])
    assert "esh-server migrate" in str(refused.value)


def test_without_a_database_the_command_says_how_to_give_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ESH_DATABASE_URL", raising=False)
    with pytest.raises(SystemExit) as refused:
        cli.main(["migrate"])
    assert "--database" in str(refused.value)


def test_demo_can_give_a_simulated_max_the_schools_people(
    demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from backend.max.simulator.state import SimulatedMax

    max_url = sqlite_url(tmp_path / "max.sqlite3")
    args = ["demo", "--database", sqlite_url(demo_db_path), "--max-sim-database", max_url]
    assert cli.main(args) == 0
    assert "simulated MAX knows" in capsys.readouterr().out
    simulator = SimulatedMax(max_url)
    try:
        assert simulator.user_id_for("+79037850930") is not None, "the demo class teacher"
    finally:
        simulator.close()
    assert cli.main(args) == 0
    assert "simulated MAX already has users" in capsys.readouterr().out


def test_version_is_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"esh-server {current_version()}"
