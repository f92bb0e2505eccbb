"""Packaging tests: what `make package` builds and what an installer writes.

The tools they need (desktop-file-validate, appstreamcli, a built bundle) are missing on many
developers' machines: those tests are skipped there, but CI sets ESH_REQUIRE_PACKAGING=1 and
builds the bundle first, so there a missing tool or bundle fails instead.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "esh-desktop"


def required() -> bool:
    return os.environ.get("ESH_REQUIRE_PACKAGING") == "1"


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if required():
            pytest.fail(f"{name} is needed (ESH_REQUIRE_PACKAGING=1)")
        pytest.skip(f"{name} is not installed")
    return path


def need_bundle() -> Path:
    if not (BUNDLE / "esh-desktop").exists() and not (BUNDLE / "esh-desktop.exe").exists():
        if required():
            pytest.fail("dist/esh-desktop is missing: run `make package` first")
        pytest.skip("no bundle: run `make package`")
    return BUNDLE


def build_script() -> ModuleType:
    """packaging/build.py, loaded by path (packaging/ is not a Python package)."""
    spec = importlib.util.spec_from_file_location(
        "esh_packaging_build", ROOT / "packaging/build.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
