"""One measured start of the desktop: `python -m tests.benchmarks.drive_startup DB LOGIN`.

Starts exactly as `esh-desktop --db DB` does, logs in through the login
window, opens «Ученики», waits until its first page is on screen and quits. Prints the peak
memory of the process in KiB; the caller measures the wall time of the whole process.
"""

from __future__ import annotations

import asyncio
import gc
import resource
import sys
import tempfile
from pathlib import Path

from desktop.app import BackendFactory
from desktop.connection import Connection


async def drive(controller, login: str) -> int:
    """Play the user: log in, open a registry, quit."""
    session = asyncio.ensure_future(controller.run())
    while controller.login_window is None:
        await asyncio.sleep(0.005)
    window = controller.login_window
    loaded = asyncio.get_running_loop().create_future()
    window.organisations_loaded.connect(lambda: loaded.done() or loaded.set_result(None))
    if window.organisation_combo.count() == 0:
        await loaded
    window.login_edit.setText(login)
    window.password_edit.setText("demo")
    window.submit()
    while controller.desktop is None:
        await asyncio.sleep(0.005)
    registry = controller.desktop.open_registry("students")
    shown = asyncio.get_running_loop().create_future()
    registry.loaded.connect(lambda: shown.done() or shown.set_result(None))
    await shown
    if registry.model.rowCount() == 0:
        raise SystemExit("the registry showed no students")
    controller.desktop.close()
    return await session


def main() -> int:
    database, login = Path(sys.argv[1]), sys.argv[2]
    factory = BackendFactory(database)

    import qasync

    from desktop.application import create_application

    with tempfile.TemporaryDirectory() as config:
        controller = create_application(
            factory, connection=Connection(), language="ru", config_dir=Path(config)
        )
        code = qasync.run(drive(controller, login))
    gc.freeze()  # as desktop.app.main does before exiting
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return code


if __name__ == "__main__":
    sys.exit(main())
