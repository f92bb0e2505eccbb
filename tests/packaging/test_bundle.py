"""The PyInstaller bundle (`make package`) as a school PC runs it: every data file is there,
nothing only the server needs, and it reaches the login window offscreen."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from backend.version import current_version
from tests.packaging.conftest import ROOT, need_bundle

EXECUTABLE = "esh-desktop.exe" if sys.platform == "win32" else "esh-desktop"


@pytest.fixture
def fresh_user(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("ESH_", "XDG_"))}
    environment.update(
        HOME=str(home),
        XDG_CONFIG_DIRS=str(tmp_path / "etc"),
        QT_QPA_PLATFORM="offscreen",
    )
    return environment


def _log(env: dict[str, str]) -> Path:
    return Path(env["HOME"]) / ".local" / "state" / "esh-desktop" / "log" / "esh-desktop.log"


def test_every_data_file_the_desktop_reads_is_in_the_bundle() -> None:
    inside = need_bundle() / "_internal"
    wanted = [
        *(ROOT / "resources").rglob("*.svg"),
        *(ROOT / "resources").glob("*.qss"),
        *(ROOT / "translations").glob("*.qm"),
        *(ROOT / "backend" / "migrations").rglob("*.py"),
        ROOT / "backend" / "migrations" / "script.py.mako",
    ]
    assert any(path.suffix == ".qm" for path in wanted)
    missing = [
        str(path.relative_to(ROOT))
        for path in wanted
        if "__pycache__" not in path.parts and not (inside / path.relative_to(ROOT)).is_file()
    ]
    assert missing == []
    assert (inside / f"esh_desktop-{current_version()}.dist-info" / "METADATA").is_file()
    assert (inside / "PySide6" / "Qt" / "translations" / "qtbase_ru.qm").is_file()


def _bundled_modules() -> set[str]:
    from PyInstaller.archive.readers import CArchiveReader

    executable = need_bundle() / EXECUTABLE
    return set(CArchiveReader(str(executable)).open_embedded_archive("PYZ.pyz").toc)


def test_every_registry_window_is_in_the_bundle() -> None:
    """Windows are imported by name when first opened: PyInstaller cannot see those imports."""
    from registries import catalog

    modules = _bundled_modules()
    declared = {declaration.create.module for declaration in catalog.all_registries()}
    assert len(declared) > 10
    assert sorted(declared - modules) == []
    assert "qrcode" in modules, "«Перейти в Сферум» draws a QR code"
    assert "desktop.about" in modules


def test_what_only_the_server_needs_is_left_out() -> None:
    bundle = need_bundle()
    modules = _bundled_modules()
    assert "desktop.app" in modules
    assert "backend.local" in modules
    assert "keyring.backends.SecretService" in modules
    server_only = ("fastapi", "starlette", "uvicorn", "uvloop", "psycopg", "pydantic")
    left_in = sorted(m for m in modules if m.split(".")[0] in server_only)
    assert left_in == []
    assert not any(m.startswith(("backend.server", "tests", "pytest")) for m in modules)
    assert not list((bundle / "_internal").glob("psycopg*"))


def test_the_bundle_starts_to_the_login_window_offscreen(fresh_user: dict[str, str]) -> None:
    bundle = need_bundle()
    done = subprocess.run(
        [str(bundle / EXECUTABLE), "--demo", "--check", "--lang", "en"],
        env=fresh_user,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "окно входа открыто" in done.stdout
    assert "организаций: 2" in done.stdout, "migrations ran and the demo school was made"
    log = _log(fresh_user).read_text(encoding="utf-8")
    assert f"esh-desktop {current_version()} starting on" in log
    assert "(bundle)" in log
    assert "language en" in log
    assert "no translation" not in log, "the compiled translation is in the bundle"
    version = subprocess.run(
        [str(bundle / EXECUTABLE), "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.strip() == f"esh-desktop {current_version()}"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_native_crash_of_the_bundle_is_in_its_log(fresh_user: dict[str, str]) -> None:
    bundle = need_bundle()
    process = subprocess.Popen(
        [str(bundle / EXECUTABLE), "--demo"],
        env=fresh_user,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    log = _log(fresh_user)
    try:
        deadline = time.monotonic() + 60
        while "login window ready" not in (log.read_text("utf-8") if log.exists() else ""):
            assert process.poll() is None, "the bundle ended before its login window"
            assert time.monotonic() < deadline, "no login window within a minute"
            time.sleep(0.1)  # another process: nothing to wait on but its log
        process.send_signal(signal.SIGSEGV)
        assert process.wait(timeout=30) == -signal.SIGSEGV
    finally:
        if process.poll() is None:
            process.kill()
    text = log.read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
    assert "Current thread" in text
