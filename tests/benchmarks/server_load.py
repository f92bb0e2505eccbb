"""Server benchmark: `make bench` (python -m tests.benchmarks.server_load [--seconds N]).

On PostgreSQL, with the large demo school, `esh-server` with one worker process per core:
- 200 clients log in once each (Argon2 password check), concurrently;
- the same 200 clients then each open registries and timetables — pages of 50 students,
  staff and parents (with and without a search or a class filter), a week of a class's or a
  teacher's timetable, classes, groups, «me» — for N seconds (30 by default) at each of two
  paces: 2–8 s between one client's actions (someone working steadily: open, page, search,
  look), and 0.5–1.5 s (every client clicking about once a second, a stress test);
- beside them, in the same run, the same 200 clients on the health endpoint at the faster
  pace: no database work, the floor that the framework and the machine set.
Each of the three loads runs 3 times, taking turns, and the median run is reported.
The load comes from wrk (Debian package `wrk`) on the same machine. The results replace the
server section of docs/BENCHMARKS.md.

PostgreSQL: the URL of a database whose role may create databases, from
ESH_BENCH_POSTGRES_URL or ESH_TEST_POSTGRES_URL (see tests/postgres.py).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.benchmarks.report import write_section

HERE = Path(__file__).resolve().parent
BEGIN, END = "<!-- server:begin -->", "<!-- server:end -->"
CLIENTS = 200
TARGET_P99_MS = 100
DATABASE = "esh_bench"
WARM_UP_SECONDS = 10
LOGINS = ("klass", "uchitel", "chatadmin", "admin")
SURNAMES = ("Иван", "Смирн", "Кузн", "Попов", "Сокол", "Лебед", "Козл", "Новик", "Мороз", "Волк")


@dataclass(frozen=True)
class Pace:
    name: str
    min_ms: int
    max_ms: int


STEADY = Pace("2–8 s", 2000, 8000)
FAST = Pace("0.5–1.5 s", 500, 1500)


@dataclass
class WrkResult:
    name: str
    pace: str
    requests: int
    per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def _milliseconds(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    if match is None:
        raise RuntimeError(f"wrk printed a latency this script cannot read: {value!r}")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def parse_wrk(name: str, pace: Pace, output: str) -> WrkResult:
    def find(pattern: str) -> str:
        match = re.search(pattern, output)
        if match is None:
            raise RuntimeError(f"wrk printed no {pattern!r}:\n{output}")
        return match.group(1)

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return WrkResult(
        name=name,
        pace=pace.name,
        requests=int(find(r"(\d+) requests in")),
        per_second=float(find(r"Requests/sec:\s+([\d.]+)")),
        p50_ms=_milliseconds(find(r"(?m)^\s+50%\s+(\S+)")),
        p99_ms=_milliseconds(find(r"(?m)^\s+99%\s+(\S+)")),
        errors=errors,
    )


@dataclass
class Row:
    """One load, measured in several rounds: a single 30-second tail is noisy."""

    name: str
    pace: Pace
    mode: str
    runs: list[WrkResult]

    @property
    def requests(self) -> int:
        return sum(run.requests for run in self.runs)

    @property
    def errors(self) -> int:
        return sum(run.errors for run in self.runs)

    def median(self, field: str) -> float:
        return statistics.median(getattr(run, field) for run in self.runs)


def fresh_database(admin_url: str) -> str:
    url = make_url(admin_url)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{DATABASE}"'))
    admin.dispose()
    return url.set(database=DATABASE).render_as_string(hide_password=False)


def esh_server(*args: str) -> list[str]:
    return [sys.executable, "-m", "backend.server.cli", *args]


def wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("esh-server exited at start")
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("esh-server did not answer within a minute")


async def log_in_clients(base: str) -> tuple[list[str], list[float], dict[str, list[str]]]:
    """Log CLIENTS clients in at once; returns tokens, login times (s) and query material."""
    limits = httpx.Limits(max_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        school = (await client.get("/api/v1/organisations")).json()[0]["id"]

        async def log_in(number: int) -> tuple[str, float]:
            started = time.perf_counter()
            response = await client.post(
                "/api/v1/session",
                json={
                    "organisation_id": school,
                    "login": LOGINS[number % len(LOGINS)],
                    "password": "demo",
                },
            )
            response.raise_for_status()
            return response.json()["token"], time.perf_counter() - started

        done = await asyncio.gather(*(log_in(n) for n in range(CLIENTS)))
        headers = {"Authorization": f"Bearer {done[0][0]}"}
        classes = (await client.get("/api/v1/classes", headers=headers)).json()
        staff = (await client.get("/api/v1/staff?limit=500", headers=headers)).json()["items"]
    material = {
        "class": [str(c["id"]) for c in classes],
        "teacher": [str(s["id"]) for s in staff],
        "surname": [urllib.parse.quote(s) for s in SURNAMES],
    }
    return [token for token, _ in done], [seconds for _, seconds in done], material


def write_clients_file(path: Path, tokens: list[str], material: dict[str, list[str]]) -> None:
    monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
    weeks = [
        (monday + dt.timedelta(weeks=w), monday + dt.timedelta(weeks=w, days=6)) for w in (0, 1)
    ]
    lines = [f"token {token}" for token in tokens]
    for kind, values in material.items():
        lines += [f"{kind} {value}" for value in values]
    lines += [f"week {start} {end}" for start, end in weeks]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_wrk(
    name: str, base: str, clients_file: Path, mode: str, pace: Pace, seconds: int
) -> WrkResult:
    command = [
        "wrk",
        "-t1",
        f"-c{CLIENTS}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        "-s",
        str(HERE / "server_mix.lua"),
        base,
        "--",
        str(clients_file),
        mode,
        str(pace.min_ms),
        str(pace.max_ms),
    ]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return parse_wrk(name, pace, done.stdout)


def report(rows: list[Row], login_seconds: list[float], workers: int, seconds: int) -> str:
    login_sorted = sorted(login_seconds)
    rounds = len(rows[0].runs)
    lines = [
        BEGIN,
        "## Server under 200 clients",
        "",
        f"Command: `make bench` (`python -m tests.benchmarks.server_load`) — "
        f"{dt.date.today():%d.%m.%Y}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; `esh-server` with {workers} worker processes on "
        f"PostgreSQL (same machine), large demo school (4,240 students, 154 classes); load "
        f"from `wrk` on the same machine: {CLIENTS} connections (one per client, each logged "
        f"in once). Each load ran {rounds} times for {seconds} s, the loads taking turns, "
        f"after a {WARM_UP_SECONDS} s warm-up of the working mix that is not counted; the "
        "table gives the median run and every run's p99. The pause is the time each client "
        "waits between its actions; the working mix is pages of students, staff and parents "
        "(with and without search or class filter), a week of a class's or teacher's "
        "timetable, classes, groups and «me» — the requests the desktop makes.",
        "",
        "| Load | Pause | Requests | Throughput, req/s | p50, ms | p99, ms | p99 of each run, ms "
        "| Errors |",
        "|---|---|---:|---:|---:|---:|---|---:|",
    ]
    for row in rows:
        each = ", ".join(f"{run.p99_ms:.0f}" for run in row.runs)
        lines.append(
            f"| {row.name} | {row.pace.name} | {row.requests} | {row.median('per_second'):.0f} "
            f"| {row.median('p50_ms'):.1f} | {row.median('p99_ms'):.1f} | {each} "
            f"| {row.errors} |"
        )
    steady = next(r for r in rows if r.mode == "mix" and r.pace == STEADY)
    fast = next(r for r in rows if r.mode == "mix" and r.pace == FAST)
    p99 = steady.median("p99_ms")
    met = p99 <= TARGET_P99_MS and steady.errors == 0
    lines += [
        "",
        f"Logging in: {CLIENTS} clients at once took "
        f"{statistics.median(login_sorted):.2f} s median and {login_sorted[-1]:.2f} s for the "
        "last one (Argon2 checks are deliberately slow and compete for the two cores).",
        "",
        f"Target for the working mix at the steady pace: p99 ≤ {TARGET_P99_MS} ms with no "
        f"errors — {'met' if met else 'NOT met'} (median p99 {p99:.1f} ms, {steady.errors} "
        f"errors). At the stress pace the server answered {fast.median('per_second'):.0f} "
        f"requests a second with p99 {fast.median('p99_ms'):.0f} ms and {fast.errors} errors: "
        "that is its capacity on this machine.",
        END,
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    admin_url = os.environ.get("ESH_BENCH_POSTGRES_URL") or os.environ.get("ESH_TEST_POSTGRES_URL")
    if not admin_url:
        sys.exit("server benchmark: set ESH_BENCH_POSTGRES_URL to a PostgreSQL database URL")
    if shutil.which("wrk") is None:
        sys.exit("server benchmark: wrk is missing (apt-get install wrk)")

    url = fresh_database(admin_url)
    subprocess.run(esh_server("demo", "--database", url, "--size", "large"), check=True)
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        esh_server(
            "serve",
            "--database",
            url,
            "--port",
            str(args.port),
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        )
    )
    try:
        wait_until_up(base, server)
        tokens, login_seconds, material = asyncio.run(log_in_clients(base))
        with tempfile.TemporaryDirectory() as folder:
            clients_file = Path(folder) / "clients.txt"
            write_clients_file(clients_file, tokens, material)
            # Warm-up, not counted: a running server has its connections open and its
            # statements prepared; a fresh one opens and prepares them in the first seconds.
            run_wrk("warm-up", base, clients_file, "mix", FAST, WARM_UP_SECONDS)
            rows = [
                Row("health endpoint", FAST, "health", []),
                Row("working mix", STEADY, "mix", []),
                Row("working mix", FAST, "mix", []),
            ]
            for _ in range(args.rounds):
                for row in rows:
                    row.runs.append(
                        run_wrk(row.name, base, clients_file, row.mode, row.pace, args.seconds)
                    )
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    section = report(rows, login_seconds, args.workers, args.seconds)
    write_section(section, BEGIN, END)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
