"""The Backend contract suite: every test runs against every implementation.

- local:    the embedded backend on a SQLite copy of the demo school;
- remote:   the HTTP client talking to the server application in-process, on SQLite;
- postgres: the same over a PostgreSQL copy of the demo school (needs ESH_TEST_POSTGRES_URL).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from backend.clock import FixedClock
from backend.contract import Backend, CurrentUser
from backend.database import Database, sqlite_url
from backend.demo.generator import create_demo_school
from backend.demo.max_users import seed_max_users
from backend.local import LocalBackend
from backend.max.simulator.faults import FaultPlan
from backend.max.simulator.state import SimulatedMax
from backend.remote import RemoteBackend
from backend.server.app import create_app
from tests.conftest import TODAY
from tests.helpers import AsyncRunner
from tests.postgres import PostgresDatabases, database_for, skip_without_postgres

BACKENDS = ["local", "remote", "postgres"]


@pytest.fixture
def run() -> Iterator[AsyncRunner]:
    runner = AsyncRunner()
    yield runner
    runner.close()


@pytest.fixture(scope="session")
def postgres() -> Iterator[tuple[PostgresDatabases, str]]:
    """The PostgreSQL server and the name of a template database holding the demo school."""
    databases = PostgresDatabases(skip_without_postgres())
    template = databases.create()
    database = database_for(databases, template)
    database.upgrade()
    with database.session() as session:
        create_demo_school(session, TODAY)
    database.dispose()
    yield databases, template
    databases.close()


@pytest.fixture
def server_database(
    request: pytest.FixtureRequest, backend_kind: str, demo_db_path: Path
) -> Iterator[Database | None]:
    """The database behind the server, for the remote kinds; None for the local backend."""
    if backend_kind == "local":
        yield None
        return
    if backend_kind == "remote":
        database = Database(sqlite_url(demo_db_path))
        yield database
        database.dispose()
        return
    databases, template = request.getfixturevalue("postgres")
    name = databases.create(template=template)
    database = database_for(databases, name)
    yield database
    database.dispose()
    databases.drop(name)


@pytest.fixture(params=BACKENDS)
def backend_kind(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def max_simulator(tmp_path: Path, demo_db_path: Path) -> Iterator[SimulatedMax]:
    """The MAX platform the backends talk to, knowing the demo school's people."""
    simulator = SimulatedMax(sqlite_url(tmp_path / "max-sim.sqlite3"), faults=FaultPlan())
    demo = Database(sqlite_url(demo_db_path))
    with demo.session() as session:
        seed_max_users(session, simulator)
    demo.dispose()
    yield simulator
    simulator.close()


class Clients:
    """The clients made for one test, and the server application behind them if any."""

    def __init__(self) -> None:
        self.made: list[Backend] = []
        self.app: object | None = None


@pytest.fixture
def clients() -> Clients:
    return Clients()


@pytest.fixture
def make_backend(
    backend_kind: str,
    server_database: Database | None,
    demo_db_path: Path,
    clock: FixedClock,
    run: AsyncRunner,
    max_simulator: SimulatedMax,
    clients: Clients,
) -> Iterator[Callable[[], Backend]]:
    """Makes clients of one school database: each is another PC."""
    made = clients.made
    transport = None
    if server_database is not None:
        clients.app = create_app(server_database, clock=clock, max_gateway=max_simulator)
        transport = httpx.ASGITransport(app=clients.app)

    def make() -> Backend:
        if transport is None:
            client: Backend = LocalBackend(
                demo_db_path, clock=clock, max_gateway=max_simulator, max_interval=None
            )
        else:
            client = RemoteBackend("http://esh.test", transport=transport)
        made.append(client)
        return client

    yield make
    for client in made:
        run(client.close())
    if clients.app is not None:  # the lifespan that would close them does not run in-process
        clients.app.state.max_gateways.close()  # type: ignore[attr-defined]


@pytest.fixture
def run_max_jobs(
    make_backend: Callable[[], Backend], clients: Clients, run: AsyncRunner
) -> Callable[[], None]:
    """Deliver the MAX outbox and follow link requests now, as the background job would."""

    def run_now() -> None:
        if clients.app is not None:
            clients.app.state.max_jobs.run_once()  # type: ignore[attr-defined]
            return
        local = clients.made[0] if clients.made else make_backend()
        run(local.run_max_jobs())  # type: ignore[attr-defined]

    return run_now


@pytest.fixture
def backend(make_backend: Callable[[], Backend]) -> Backend:
    return make_backend()


@pytest.fixture
def other_backend(make_backend: Callable[[], Backend]) -> Backend:
    """A second client of the same database (another PC, another user)."""
    return make_backend()


def organisation_id(run: AsyncRunner, backend: Backend, short_name: str = "МБОУ СОШ № 7") -> int:
    organisations = run(backend.list_organisations())
    return next(o.id for o in organisations if o.short_name == short_name)


def log_in(
    run: AsyncRunner,
    backend: Backend,
    login: str,
    *,
    school: str = "МБОУ СОШ № 7",
    remember: bool = False,
) -> CurrentUser:
    result = run(
        backend.log_in(organisation_id(run, backend, school), login, "demo", remember=remember)
    )
    return result.user
