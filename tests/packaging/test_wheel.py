"""`pip install .` from a clean checkout carries the compiled translations."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT


def _clean_checkout(target: Path) -> None:
    """The files git knows, as a fresh clone has them (no .qm, nothing built)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, listed):
        source = ROOT / name.decode()
        if source.is_file():
            (target / name.decode()).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name.decode())


def test_the_wheel_carries_the_compiled_translations(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    checkout = tmp_path / "checkout"
    _clean_checkout(checkout)
    assert not list((checkout / "translations").glob("*.qm"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), "."],
        cwd=checkout,
        check=True,
        capture_output=True,
        timeout=600,
    )
    wheel = next(tmp_path.glob("esh_desktop-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "translations/esh_en.qm" in names
        assert "resources/style.qss" in names
        assert "backend/migrations/script.py.mako" in names
        (tmp_path / "esh_en.qm").write_bytes(archive.read("translations/esh_en.qm"))
    translator = QTranslator()
    assert translator.load(str(tmp_path / "esh_en.qm"))
    assert translator.translate("LoginWindow", "Войти") == "Log in"
