"""`esh-desktop` as IT staff start it on a school PC: its version, the installation check, Qt's
own options, the per-machine configuration, and one desktop per database."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backend.clock import FixedClock
from backend.database import Database, sqlite_url
from backend.server.app import create_app
from backend.version import current_version
from desktop.single_instance import DatabaseLock
from tests.helpers import LoopbackServer

DESKTOP = [sys.executable, "-m", "desktop.app"]


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """A user of a fresh PC: their own folders, no per-machine configuration."""
    folders = {
        "HOME": tmp_path / "home",
        "XDG_CONFIG_HOME": tmp_path / "home" / ".config",
        "XDG_DATA_HOME": tmp_path / "home" / ".local" / "share",
        "XDG_STATE_HOME": tmp_path / "home" / ".local" / "state",
        "XDG_CONFIG_DIRS": tmp_path / "etc" / "xdg",
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("ESH_")}
    environment.update({k: str(v) for k, v in folders.items()})
    environment["QT_QPA_PLATFORM"] = "offscreen"
    return environment


def _desktop(env: dict[str, str], *argv: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*DESKTOP, *argv], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def _log(env: dict[str, str]) -> str:
    path = Path(env["XDG_STATE_HOME"]) / "esh-desktop" / "log" / "esh-desktop.log"
    return path.read_text(encoding="utf-8")


def test_the_version_is_printed(home: dict[str, str]) -> None:
    done = _desktop(home, "--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"esh-desktop {current_version()}"


def test_the_installation_check_reaches_the_login_window_with_qt_options(
    home: dict[str, str], demo_db_path: Path
) -> None:
    done = _desktop(
        home, "--db", str(demo_db_path), "--check", "-platform", "offscreen", "-style", "Fusion"
    )
    assert done.returncode == 0, done.stderr
    assert f"esh-desktop {current_version()}: окно входа открыто" in done.stdout
    assert f"встроенная база данных {demo_db_path}" in done.stdout
    assert "организаций: 2" in done.stdout
    log = _log(home)
    assert f"esh-desktop {current_version()} starting on" in log
    assert f"connection: embedded database {demo_db_path}" in log
    assert "Qt 6." in log
    assert "login window ready: 2 organisations" in log


def test_an_option_neither_qt_nor_the_desktop_knows_is_refused(home: dict[str, str]) -> None:
    done = _desktop(home, "--check", "-platform", "offscreen", "-no-such-option")
    assert done.returncode == 2
    assert "неизвестные параметры: -no-such-option" in done.stderr


@pytest.fixture
def school_server(demo_db_path: Path, clock: FixedClock) -> Iterator[str]:
    database = Database(sqlite_url(demo_db_path))
    with LoopbackServer(create_app(database, clock=clock)) as server:
        yield f"http://127.0.0.1:{server.port}"
    database.dispose()


def test_the_school_server_comes_from_the_environment(
    home: dict[str, str], school_server: str
) -> None:
    done = _desktop({**home, "ESH_SERVER_URL": school_server}, "--check")
    assert done.returncode == 0, done.stderr
    assert f"сервер {school_server} (версия {current_version()})" in done.stdout
    assert "организаций: 2" in done.stdout
    database_folder = Path(home["XDG_DATA_HOME"]) / "esh-desktop"
    assert not list(database_folder.glob("*.sqlite3")), "no empty embedded database was made"


def test_a_locked_machine_configuration_fixes_the_server(
    home: dict[str, str], school_server: str
) -> None:
    folder = Path(home["XDG_CONFIG_DIRS"]) / "esh-desktop"
    folder.mkdir(parents=True)
    (folder / "esh-desktop.ini").write_text(
        f"[connection]\nserver_url = {school_server}\nlocked = true\n", encoding="utf-8"
    )
    done = _desktop(home, "--check")
    assert done.returncode == 0, done.stderr
    assert f"сервер {school_server}" in done.stdout
    refused = _desktop(home, "--demo", "--check")
    assert refused.returncode != 0
    assert "Подключение на этом компьютере задано администратором" in refused.stderr
    assert str(folder / "esh-desktop.ini") in refused.stderr
    assert f"per-machine configuration: {folder / 'esh-desktop.ini'}" in _log(home)


def _second_start(qtbot: Any, env: dict[str, str], *argv: str) -> tuple[int, str]:
    """Another `esh-desktop` while this process holds the database: its exit code and stderr.
    Qt keeps running meanwhile, so that this side can answer it."""
    second = subprocess.Popen(
        [*DESKTOP, *argv], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
    _out, errors = second.communicate()
    return second.returncode, errors


def test_a_second_start_on_the_same_database_brings_the_first_forward(
    qtbot: Any, qloop: Any, home: dict[str, str], demo_db_path: Path
) -> None:
    first = DatabaseLock(demo_db_path)
    asked: list[bool] = []
    assert first.acquire()
    try:
        first.answer_second_starts(lambda: asked.append(True))
        code, errors = _second_start(qtbot, home, "--db", str(demo_db_path))
    finally:
        first.release()
    assert asked == [True]
    assert code == 0
    assert "уже открыта с базой данных" in errors
    assert "the open desktop came forward" in _log(home)
    assert DatabaseLock(demo_db_path).acquire(), "released, the database can be opened again"


def test_the_installation_check_does_not_disturb_an_open_desktop(
    qtbot: Any, qloop: Any, home: dict[str, str], demo_db_path: Path
) -> None:
    first = DatabaseLock(demo_db_path)
    asked: list[bool] = []
    assert first.acquire()
    first.answer_second_starts(lambda: asked.append(True))
    try:
        code, errors = _second_start(qtbot, home, "--db", str(demo_db_path), "--check")
    finally:
        first.release()
    assert code == 1
    assert "уже открыта с базой данных" in errors
    assert asked == [], "the teacher's window stays where it is"


def test_switching_away_and_back_keeps_answering_second_starts(
    qtbot: Any, qloop: Any, home: dict[str, str], demo_db_path: Path
) -> None:
    """Embedded, then a server, then embedded again in the login window: the lock is taken
    again, and a second start still brings this desktop forward."""
    lock = DatabaseLock(demo_db_path)
    asked: list[bool] = []
    lock.answer_second_starts(lambda: asked.append(True))
    assert lock.acquire()
    lock.release()
    assert DatabaseLock(demo_db_path).acquire(), "released while on the server"
    assert lock.acquire()
    try:
        code, _errors = _second_start(qtbot, home, "--db", str(demo_db_path))
    finally:
        lock.release()
    assert code == 0
    assert asked == [True]


def test_the_lock_is_taken_once_and_freed_by_a_crashed_desktop(tmp_path: Path) -> None:
    database = tmp_path / "school.sqlite3"
    held = DatabaseLock(database)
    assert held.acquire()
    assert not DatabaseLock(database).acquire()
    held.release()
    # A desktop that died leaves its lock file: it is taken over, not obeyed.
    crashed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; from pathlib import Path; from desktop.single_instance import "
            "DatabaseLock; lock = DatabaseLock(Path(sys.argv[1])); assert lock.acquire(); "
            "os._exit(0)",
            str(database),
        ],
        check=True,
    )
    assert crashed.returncode == 0
    assert (tmp_path / "school.sqlite3.lock").exists()
    assert DatabaseLock(database).acquire()


def test_the_embedded_database_is_locked_until_its_backend_is_closed(
    qtbot: Any, qloop: Any, demo_db_path: Path
) -> None:
    from desktop.app import BackendFactory
    from desktop.connection import Connection
    from tests.gui.conftest import finish

    factory = BackendFactory(demo_db_path)
    backend, _key = factory(Connection())
    server, _ = factory(Connection("http://esh.test"))  # chosen in the login window
    try:
        assert not DatabaseLock(demo_db_path).acquire(), "still open while it closes"
    finally:
        finish(qtbot, server.close())
        finish(qtbot, backend.close())
    assert DatabaseLock(demo_db_path).acquire()
