"""The MAX simulator on its own database, served on loopback, and the HTTP client talking to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backend.database import sqlite_url
from backend.max.http_client import MaxHttpGateway
from backend.max.simulator.faults import FaultPlan
from backend.max.simulator.server import create_sim_app
from backend.max.simulator.state import SimulatedMax
from tests.helpers import LoopbackServer

TOKEN = "test-token"


@pytest.fixture
def simulator(tmp_path: Path) -> Iterator[SimulatedMax]:
    simulator = SimulatedMax(sqlite_url(tmp_path / "max.sqlite3"), faults=FaultPlan())
    yield simulator
    simulator.close()


@pytest.fixture
def http_faults() -> FaultPlan:
    return FaultPlan()


@pytest.fixture
def sim_url(simulator: SimulatedMax, http_faults: FaultPlan) -> Iterator[str]:
    app = create_sim_app(simulator, token=TOKEN, faults=http_faults)
    with LoopbackServer(app) as server:
        yield f"http://127.0.0.1:{server.port}"


@pytest.fixture
def waits() -> list[float]:
    """The pauses the client chose between attempts (recorded instead of slept)."""
    return []


@pytest.fixture
def max_client(sim_url: str, waits: list[float]) -> Iterator[MaxHttpGateway]:
    client = MaxHttpGateway(sim_url, TOKEN, timeout=5, attempts=4, sleep=waits.append)
    yield client
    client.close()
