"""The Windows installer script writes what the desktop reads (it is built on Windows only)."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.machine_config import APP_NAME, FILE_NAME, load_machine_config
from tests.packaging.conftest import ROOT

SCRIPT = ROOT / "packaging" / "windows" / "esh-desktop.iss"


def _section(name: str) -> list[str]:
    text = SCRIPT.read_text(encoding="utf-8-sig")
    body = text.split(f"[{name}]", 1)[1]
    lines = []
    for line in body.splitlines()[1:]:
        if line.startswith("["):
            break
        if line.strip() and not line.startswith(";"):
            lines.append(line)
    return lines


def _fields(line: str) -> dict[str, str]:
    return {k: v for k, v in re.findall(r'(\w+): "?([^";]*)"?', line)}


def test_the_silent_install_writes_the_per_machine_file_the_desktop_reads(tmp_path: Path) -> None:
    entries = [_fields(line) for line in _section("INI")]
    assert {entry["Key"] for entry in entries} == {"server_url", "locked"}
    for entry in entries:
        assert entry["Filename"] == rf"{{commonappdata}}\{APP_NAME}\{FILE_NAME}"
        assert entry["Section"] == "connection"
        assert entry["Check"] == "ServerGiven"
    # What Inno Setup writes for /SERVER=https://esh.school.ru (and /LOCK left at its default).
    values = {"{param:SERVER}": "https://esh.school.ru", "{code:LockedValue}": "true"}
    ini = tmp_path / FILE_NAME
    ini.write_text(
        "[connection]\n" + "".join(f"{e['Key']}={values[e['String']]}\n" for e in entries),
        encoding="utf-8",
    )
    config = load_machine_config([ini], environ={})
    assert config.server_url == "https://esh.school.ru"
    assert config.locked


def test_the_script_is_read_as_unicode_by_the_inno_setup_it_needs() -> None:
    assert SCRIPT.read_bytes().startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM: Cyrillic names"
    text = SCRIPT.read_text(encoding="utf-8-sig")
    assert "#if Ver < EncodeVer(6, 3, 0)" in text, "x64compatible needs Inno Setup 6.3"
    assert "ArchitecturesAllowed=x64compatible" in text


def test_the_per_machine_file_is_always_the_administrators(tmp_path: Path) -> None:
    files = [_fields(line) for line in _section("Files")]
    template = next(f for f in files if f["Source"].endswith(FILE_NAME))
    assert template["DestDir"] == rf"{{commonappdata}}\{APP_NAME}"
    assert "onlyifdoesntexist" in template["Flags"], "an upgrade keeps the settings"
    assert "uninsneveruninstall" in template["Flags"]
    source = ROOT / template["Source"].removeprefix("{#Project}\\").replace("\\", "/")
    data = source.read_bytes()
    assert data.isascii(), "the Windows profile functions rewrite it in the ANSI code page"
    assert not load_machine_config([source], environ={}).given, "nothing set until /SERVER="


def test_the_installer_takes_the_bundle_and_icon_that_make_package_builds() -> None:
    text = SCRIPT.read_text(encoding="utf-8-sig")
    assert r'Source: "{#Project}\dist\esh-desktop\*"' in text
    assert r"SetupIconFile={#Project}\build\icons\esh-desktop.ico" in text
    assert "PrivilegesRequired=admin" in text, "a per-machine installation"
    spec = (ROOT / "packaging" / "esh-desktop.spec").read_text(encoding="utf-8")
    assert 'name="esh-desktop"' in spec
    assert '"build" / "icons" / "esh-desktop.ico"' in spec


def test_shortcuts_go_to_the_start_menu_and_the_desktop() -> None:
    icons = [_fields(line) for line in _section("Icons")]
    assert [entry["Name"].split("\\")[0] for entry in icons] == ["{autoprograms}", "{autodesktop}"]
    assert all(entry["Filename"] == r"{app}\{#AppExe}" for entry in icons)
