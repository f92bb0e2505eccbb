"""The desktop's log file: every module's warnings, rotation, and native crashes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.logs import LOG_FILE_NAME


def _run(script: str, log_dir: Path) -> subprocess.CompletedProcess[str]:
    """`script` in a fresh interpreter, after the desktop's logging is set up in `log_dir`."""
    code = textwrap.dedent(
        f"""
        import logging, os, signal, sys
        from pathlib import Path
        from desktop.logs import set_up_logging
        path = set_up_logging(Path({str(log_dir)!r}))
        """
    ) + textwrap.dedent(script)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def test_warnings_of_every_module_and_our_own_notes_reach_the_file(tmp_path: Path) -> None:
    done = _run(
        """
        logging.getLogger("sqlalchemy.pool").warning("a library warns")
        logging.getLogger("sqlalchemy.pool").info("a library chatters")
        logging.getLogger("backend.services.outbox").info("our own note")
        logging.getLogger("registries.sferum").error("our own error")
        import warnings; warnings.warn("a deprecation", DeprecationWarning, stacklevel=1)
        print(path)
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(tmp_path / LOG_FILE_NAME)
    text = (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "WARNING" in text
    assert "sqlalchemy.pool: a library warns" in text
    assert "a library chatters" not in text, "other libraries' INFO stays out"
    assert "backend.services.outbox: our own note" in text
    assert "registries.sferum: our own error" in text
    assert "a deprecation" in text
    assert "a library warns" in done.stderr, "a terminal still shows warnings"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_native_crash_leaves_its_traceback_in_the_log(tmp_path: Path) -> None:
    done = _run(
        """
        def deep_in_the_desktop():
            os.kill(os.getpid(), signal.SIGSEGV)
        deep_in_the_desktop()
        """,
        tmp_path,
    )
    assert done.returncode == -signal.SIGSEGV
    text = (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
    assert "in deep_in_the_desktop" in text


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_after_rotation_crashes_go_to_the_new_file(tmp_path: Path) -> None:
    done = _run(
        """
        from desktop.logs import MAX_BYTES
        log = logging.getLogger("desktop.test")
        line = "x" * 1000
        for _ in range(MAX_BYTES // 1000 + 10):
            log.warning(line)
        log.warning("after the rotation")
        os.kill(os.getpid(), signal.SIGSEGV)
        """,
        tmp_path,
    )
    assert done.returncode == -signal.SIGSEGV
    current = (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "after the rotation" in current
    assert "Fatal Python error: Segmentation fault" in current
    rotated = tmp_path / f"{LOG_FILE_NAME}.1"
    assert rotated.exists()
    assert "Fatal Python error" not in rotated.read_text(encoding="utf-8")
    assert os.path.getsize(rotated) <= 2 * 1024 * 1024 + 2000


def test_without_a_writable_folder_the_desktop_still_starts(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    done = _run("print(path)", blocked / "log")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "None"
    assert "no log file" in done.stderr
