"""The per-machine configuration: the school's server for every user of a PC, and its lock."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from desktop.app import parse_args, startup_connection
from desktop.connection import Connection
from desktop.machine_config import MachineConfig, load_machine_config, machine_config_paths


def _write(folder: Path, text: str) -> Path:
    path = folder / "esh-desktop.ini"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_gives_the_server_and_the_lock(tmp_path: Path) -> None:
    path = _write(tmp_path, "[connection]\nserver_url = esh.school.ru:8443/\nlocked = true\n")
    config = load_machine_config([path], environ={})
    assert config == MachineConfig(
        server_url="http://esh.school.ru:8443", locked=True, source=str(path)
    )


def test_comments_may_follow_a_value(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "; for every user of this PC\n[connection]\n"
        "server_url = https://esh.school.ru   ; the school's server\n"
        "locked = true        ; no other connection\n",
    )
    config = load_machine_config([path], environ={})
    assert config.server_url == "https://esh.school.ru"
    assert config.locked
    assert config.problem == ""


def test_a_file_written_by_notepad_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "esh-desktop.ini"
    path.write_bytes("\ufeff[connection]\r\nserver_url=https://esh.school.ru\r\n".encode())
    config = load_machine_config([path], environ={})
    assert config.server_url == "https://esh.school.ru"
    assert config.locked is False


def test_a_file_rewritten_in_the_windows_code_page_is_read(tmp_path: Path) -> None:
    path = tmp_path / "esh-desktop.ini"
    path.write_bytes(
        "; Школа № 7\r\n[connection]\r\nserver_url=https://esh.school.ru\r\n".encode("cp1251")
    )
    assert load_machine_config([path], environ={}).server_url == "https://esh.school.ru"


def test_no_file_and_no_variables_leave_the_choice_to_the_user(tmp_path: Path) -> None:
    config = load_machine_config([tmp_path / "absent.ini"], environ={})
    assert not config.given
    assert not config.locked


def test_the_environment_wins_over_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "[connection]\nserver_url = https://old.school.ru\nlocked = yes\n")
    config = load_machine_config(
        [path], environ={"ESH_SERVER_URL": "https://new.school.ru", "ESH_CONNECTION_LOCKED": "0"}
    )
    assert config.server_url == "https://new.school.ru"
    assert config.locked is False
    assert config.source == "$ESH_SERVER_URL"


def test_the_first_folder_of_the_search_path_wins(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    _write(second, "[connection]\nserver_url = https://second.school.ru\n")
    chosen = _write(first, "[connection]\nserver_url = https://first.school.ru\n")
    config = load_machine_config([chosen, second / "esh-desktop.ini"], environ={})
    assert config.server_url == "https://first.school.ru"


def test_a_lock_without_a_server_locks_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path, "[connection]\nlocked = true\n")
    assert load_machine_config([path], environ={}).locked is False
    assert load_machine_config([], environ={"ESH_CONNECTION_LOCKED": "1"}).locked is False


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[connection]\nserver_url = ftp://x\n", "Адрес сервера указан неверно"),
        ("[connection]\nserver_url = https://esh.ru\nlocked = maybe\n", "true или false"),
        ("not an ini file", "не удалось прочитать"),
    ],
)
def test_what_cannot_be_used_is_said_and_nothing_is_locked_by_mistake(
    tmp_path: Path, text: str, problem: str
) -> None:
    config = load_machine_config([_write(tmp_path, text)], environ={})
    assert problem in config.problem
    assert str(tmp_path) in config.problem
    assert not config.locked


def test_linux_reads_the_folders_of_xdg_config_dirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{tmp_path / 'one'}:{tmp_path / 'two'}")
    assert machine_config_paths() == [
        tmp_path / "one" / "esh-desktop" / "esh-desktop.ini",
        tmp_path / "two" / "esh-desktop" / "esh-desktop.ini",
    ]
    monkeypatch.delenv("XDG_CONFIG_DIRS")
    assert machine_config_paths() == [Path("/etc/xdg/esh-desktop/esh-desktop.ini")]


def _args(*argv: str) -> argparse.Namespace:
    return parse_args(list(argv))[0]


SCHOOL = MachineConfig(server_url="https://esh.school.ru", locked=False, source="file")
LOCKED = MachineConfig(server_url="https://esh.school.ru", locked=True, source="file")


def test_the_command_line_comes_first_then_the_machine_then_the_user() -> None:
    assert startup_connection(_args("--server", "10.0.0.5:8000"), SCHOOL) == (
        Connection("http://10.0.0.5:8000"),
        None,
    )
    assert startup_connection(_args("--demo"), SCHOOL) == (Connection(), None)
    assert startup_connection(_args(), SCHOOL) == (Connection("https://esh.school.ru"), None)
    assert startup_connection(_args(), MachineConfig()) == (None, None), "the user's choice"


def test_a_locked_machine_refuses_another_connection_on_the_command_line() -> None:
    assert startup_connection(_args(), LOCKED) == (Connection("https://esh.school.ru"), None)
    assert startup_connection(_args("--server", "https://esh.school.ru/"), LOCKED)[1] is None
    for argv in (["--demo"], ["--db", "x.sqlite3"], ["--server", "other.ru"]):
        connection, refusal = startup_connection(_args(*argv), LOCKED)
        assert connection is None
        assert refusal is not None
        assert "задано администратором (file)" in refusal
        assert "https://esh.school.ru" in refusal


def test_qt_options_are_left_for_qt() -> None:
    args, qt_args = parse_args(["--demo", "-platform", "offscreen", "-style", "Fusion"])
    assert args.demo
    assert qt_args == ["-platform", "offscreen", "-style", "Fusion"]
