"""Build step of the distribution: the Qt Linguist translations are compiled into it.

Everything else about the package is in pyproject.toml. `pyside6-lrelease` comes from
PySide6-Essentials, which the build requires for that reason: an installed desktop or server
then speaks English too, without `make`.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def lrelease() -> Path:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("PySide6-Essentials is needed to compile the translations")
    folder = Path(next(iter(spec.submodule_search_locations)))
    tool = folder / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if not tool.exists():
        raise RuntimeError(f"no lrelease in {folder}")
    return tool


def compile_translations(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    tool = lrelease()
    for source in sorted((HERE / "translations").glob("*.ts")):
        compiled = target / source.with_suffix(".qm").name
        subprocess.run([str(tool), "-silent", str(source), "-qm", str(compiled)], check=True)


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the source folder
            compile_translations(HERE / "translations")
        else:
            compile_translations(Path(self.build_lib) / "translations")


setup(cmdclass={"build_py": BuildPyWithTranslations})
