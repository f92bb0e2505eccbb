"""Bundle benchmark: `make bench` (python -m tests.benchmarks.bundle [--runs N]).

Measures, in one run and on the same machine state:
- the size of the PyInstaller bundle dist/esh-desktop on disk (built first when missing) and
  of its .deb;
- a bare PySide6 window process (show, quit), run by Python and frozen by PyInstaller the same
  way as the desktop — the yardsticks;
- the bundled desktop started on the demo school with `--check`: to the login window's first
  paint, and to the login window with its organisations listed and the process ended.
Each time is the median of N runs of a fresh process. The results replace the bundle section
of docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.report import write_section

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "esh-desktop"
BEGIN, END = "<!-- bundle:begin -->", "<!-- bundle:end -->"
TARGET_MB = 150
TARGET_RATIO = 1.5


def size_on_disk(folder: Path) -> int:
    """Bytes allocated to the files under `folder` (links counted once, as `du` does)."""
    return sum(path.lstat().st_blocks * 512 for path in folder.rglob("*") if not path.is_dir())


def ensure_bundle() -> None:
    if not (BUNDLE / "esh-desktop").exists():
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True, cwd=ROOT)


def frozen_bare_window(folder: Path) -> Path:
    """tests/benchmarks/bare_window.py as a one-folder PyInstaller bundle."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--onedir",
            "--name",
            "bare-window",
            "--distpath",
            str(folder / "dist"),
            "--workpath",
            str(folder / "work"),
            "--specpath",
            str(folder),
            str(ROOT / "tests" / "benchmarks" / "bare_window.py"),
        ],
        check=True,
        capture_output=True,
    )
    return folder / "dist" / "bare-window" / "bare-window"


def timed(command: list[str], env: dict[str, str], runs: int) -> tuple[list[float], list[str]]:
    subprocess.run(command, env=env, check=True, capture_output=True)  # warm the file cache
    seconds, outputs = [], []
    for _ in range(runs):
        started = time.monotonic()
        done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
        seconds.append(time.monotonic() - started)
        outputs.append(f"{started:.6f}\n{done.stdout}")
    return seconds, outputs


def painted_after(outputs: list[str]) -> list[float]:
    """From `--check` output: seconds from the spawn to the login window's first paint."""
    delays = []
    for output in outputs:
        started, rest = output.split("\n", 1)
        painted = float(rest.split("painted at monotonic ", 1)[1].split()[0])
        delays.append(painted - float(started))
    return delays


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    ensure_bundle()
    bundle_bytes = size_on_disk(BUNDLE)
    packages = sorted((ROOT / "dist").glob("esh-desktop_*.deb"))
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        home.mkdir()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("ESH_")},
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            "XDG_CONFIG_DIRS": str(Path(folder) / "etc"),
            "QT_QPA_PLATFORM": "offscreen",
        }
        school = Path(folder) / "demo.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "backend.demo.cli", "--db", str(school)],
            check=True,
            capture_output=True,
        )
        bare_python, _ = timed(
            [sys.executable, "-m", "tests.benchmarks.bare_window"], env, args.runs
        )
        bare_frozen, _ = timed([str(frozen_bare_window(Path(folder)))], env, args.runs)
        desktop, outputs = timed(
            [str(BUNDLE / "esh-desktop"), "--db", str(school), "--check"], env, args.runs
        )
    painted = painted_after(outputs)
    section = report(args.runs, bundle_bytes, packages, bare_python, bare_frozen, painted, desktop)
    write_section(section, BEGIN, END)
    print(section)
    return 0


def report(
    runs: int,
    bundle_bytes: int,
    packages: list[Path],
    bare_python: list[float],
    bare_frozen: list[float],
    painted: list[float],
    checked: list[float],
) -> str:
    median = statistics.median
    yardstick = median(bare_python)
    megabytes = bundle_bytes / 1024**2
    rows = [
        ("bare PySide6 window (Python)", bare_python),
        ("bare PySide6 window (PyInstaller bundle)", bare_frozen),
        ("esh-desktop bundle: login window painted", painted),
        ("esh-desktop bundle: login window with the organisations, process ended", checked),
    ]
    lines = [
        BEGIN,
        "## The desktop bundle: size and start",
        "",
        f"Command: `make bench` (`python -m tests.benchmarks.bundle`) — "
        f"{dt.date.today():%d.%m.%Y}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, offscreen Qt, median of {runs} runs of a fresh "
        "process each. The desktop runs `esh-desktop --db <demo school> --check`: it opens "
        "the login window, lists the organisations and quits; the first paint is read from "
        "its output (the system's monotonic clock).",
        "",
        f"Bundle `dist/esh-desktop` on disk: **{megabytes:.0f} MB**"
        + "".join(f"; `{p.name}`: {p.stat().st_size / 1024**2:.0f} MB" for p in packages)
        + ".",
        "",
        "| Process | Wall time, s (median) | × bare window (Python) |",
        "|---|---:|---:|",
    ]
    for name, seconds in rows:
        lines.append(f"| {name} | {median(seconds):.3f} | {median(seconds) / yardstick:.2f} |")
    ratio = median(painted) / yardstick
    frozen_ratio = median(painted) / median(bare_frozen)
    lines += [
        "",
        "Before its first paint the desktop loads, beyond what the bare window does: the log "
        "file, the per-machine configuration, the database lock, the style sheet, the "
        "translations and the login window itself. asyncio, qasync, the contract's data "
        "types, the backend and the desktop's other modules load after it, while the window "
        "is on screen; the organisations then wait for the embedded database (SQLAlchemy and "
        "the schema check), which is most of the time between the first paint and the end.",
        "",
        f"Targets: bundle ≤ {TARGET_MB} MB — "
        f"{'met' if megabytes <= TARGET_MB else 'NOT met'} ({megabytes:.0f} MB); "
        f"start to the login window ≤ {TARGET_RATIO}× the bare window — against the bare "
        f"window frozen the same way {'met' if frozen_ratio <= TARGET_RATIO else 'NOT met'} "
        f"({frozen_ratio:.2f}×), against the bare window run by Python "
        f"{'met' if ratio <= TARGET_RATIO else 'NOT met'} ({ratio:.2f}×).",
        END,
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
