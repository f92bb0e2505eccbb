"""Start-up benchmark: `make bench` (python -m tests.benchmarks.startup [--runs N]).

Measures, in one run and on the same machine state:
- a bare PySide6 window process (show, quit) — the yardstick;
- `esh-desktop` on the demo school and on the large school, from process start to a usable
  desktop: logged in through the login window, «Ученики» opened with its first page shown,
  then quit.
Each is the median of N runs of a fresh process: wall time, and peak memory (max RSS).
The results replace the start-up section of docs/BENCHMARKS.md.
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
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks.report import write_section

BEGIN, END = "<!-- startup:begin -->", "<!-- startup:end -->"
TARGET_RATIO = 2.0
TARGET_MEMORY_MB = 250


@dataclass
class Result:
    name: str
    seconds: list[float]
    peak_kib: list[int]

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_mb(self) -> float:
        return statistics.median(self.peak_kib) / 1024


def measure(name: str, command: list[str], runs: int) -> Result:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    seconds, peaks = [], []
    subprocess.run(command, env=env, check=True, capture_output=True)  # warm the file cache
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
        seconds.append(time.perf_counter() - started)
        peaks.append(int(done.stdout.strip().splitlines()[-1]))
    return Result(name, seconds, peaks)


def make_school(folder: Path, size: str) -> Path:
    path = folder / f"{size}.sqlite3"
    subprocess.run(
        [sys.executable, "-m", "backend.demo.cli", "--db", str(path), "--size", size],
        check=True,
        capture_output=True,
    )
    return path


def report(results: list[Result], runs: int, command: str) -> str:
    bare = results[0]
    lines = [
        BEGIN,
        "## Start-up to a usable desktop",
        "",
        f"Command: `{command}` — {dt.date.today():%d.%m.%Y}, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, offscreen Qt, "
        f"median of {runs} runs of a fresh process each.",
        "",
        "«Usable» means: logged in through the login window as `klass`, registry «Ученики» "
        "open with its first page on screen; then quit. Peak memory is the process's max RSS.",
        "",
        "| Process | Wall time, s (median) | × bare window | Peak memory, MB (median) |",
        "|---|---:|---:|---:|",
    ]
    for result in results:
        ratio = result.median_seconds / bare.median_seconds
        lines.append(
            f"| {result.name} | {result.median_seconds:.2f} | {ratio:.1f} | "
            f"{result.median_mb:.0f} |"
        )
    desktops = [r for r in results if r.name.startswith("esh-desktop")]
    worst = max(desktops, key=lambda r: r.median_seconds)
    worst_memory = max(r.median_mb for r in desktops)
    ratio = worst.median_seconds / bare.median_seconds
    floor = next(r for r in results if r.name.startswith("stack floor"))
    lines += [
        "",
        f"The stack floor — importing the libraries the desktop is built on and showing a "
        f"window, none of its own code — takes {floor.median_seconds:.2f} s, "
        f"{floor.median_seconds / bare.median_seconds:.1f}× the bare window; the rest of the "
        "desktop's time is opening the database, the login window, logging in (an Argon2 "
        "password check) and loading the first page.",
        "",
        f"Targets: ≤ {TARGET_RATIO:.0f}× the bare window's time — "
        f"{'met' if ratio <= TARGET_RATIO else 'NOT met'} ({ratio:.1f}×); "
        f"≤ {TARGET_MEMORY_MB} MB peak memory — "
        f"{'met' if worst_memory <= TARGET_MEMORY_MB else 'NOT met'} ({worst_memory:.0f} MB).",
        END,
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        standard = make_school(Path(folder), "standard")
        large = make_school(Path(folder), "large")
        drive = [python, "-m", "tests.benchmarks.drive_startup"]
        results = [
            measure(
                "bare PySide6 window", [python, "-m", "tests.benchmarks.bare_window"], args.runs
            ),
            measure(
                "stack floor: PySide6 + qasync + SQLAlchemy ORM + argon2 imported, window",
                [python, "-m", "tests.benchmarks.stack_floor"],
                args.runs,
            ),
            measure(
                "esh-desktop, demo school (22 classes)", [*drive, str(standard), "klass"], args.runs
            ),
            measure(
                "esh-desktop, large school (154 classes)", [*drive, str(large), "klass"], args.runs
            ),
        ]
    section = report(results, args.runs, "make bench")
    write_section(section, BEGIN, END)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
