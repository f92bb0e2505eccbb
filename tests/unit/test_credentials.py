"""The remembered login in the system's credential store — a real Secret Service where the
machine has GNOME Keyring — and the fallback where there is none."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    from desktop.credentials import RememberedLogins, system_credential_store
    from desktop.settings import Settings

    settings = Settings(Path(sys.argv[1]))
    logins = RememberedLogins(settings)

    async def main():
        await logins.remember("server:https://esh.test", "token-of-a-teacher")
        print("ini", settings.preferences_file.read_text(encoding="utf-8").replace("\\n", " "))
        again = RememberedLogins(Settings(Path(sys.argv[1])))
        store = system_credential_store()
        print("store", f"{type(store).__module__}.{type(store).__name__}")
        print("read", await again.token("server:https://esh.test"))
        await again.remember("server:https://esh.test", None)
        print("after", await RememberedLogins(settings).token("server:https://esh.test"))
        if store is not None:
            print("kept", store.get_password("esh-desktop", "server:https://esh.test"))
        again.close()

    asyncio.run(main())
    logins.close()
    """
)


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _environment(**changes: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env.update(changes)
    return env


def test_without_a_store_the_token_is_kept_in_the_settings_file(tmp_path: Path) -> None:
    out = _run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        _environment(PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"),
    )
    assert "store builtins.NoneType" in out
    ini = next(line for line in out.splitlines() if line.startswith("ini "))
    assert "token=token-of-a-teacher" in ini
    assert "read token-of-a-teacher" in out
    assert "after None" in out


def test_a_real_secret_service_keeps_the_token_out_of_the_settings_file(tmp_path: Path) -> None:
    daemon, session = shutil.which("gnome-keyring-daemon"), shutil.which("dbus-run-session")
    if daemon is None or session is None:
        if os.environ.get("ESH_REQUIRE_PACKAGING") == "1":
            pytest.fail("gnome-keyring and dbus are needed (ESH_REQUIRE_PACKAGING=1)")
        pytest.skip("no GNOME Keyring on this machine")
    script = tmp_path / "remember.py"
    script.write_text(SCRIPT, encoding="utf-8")
    # A throwaway keyring, unlocked with a password typed into the daemon as at a log-in.
    wrapper = (
        f"echo throwaway | {daemon} --unlock --components=secrets >/dev/null && "
        f"{sys.executable} {script} {tmp_path / 'config'}"
    )
    home = tmp_path / "home"
    home.mkdir()
    out = _run(
        [session, "--", "sh", "-c", wrapper],
        _environment(HOME=str(home), XDG_DATA_HOME=str(home / "data")),
    )
    assert "store keyring.backends.SecretService.Keyring" in out
    ini = next(line for line in out.splitlines() if line.startswith("ini "))
    assert "backend=server:https://esh.test" in ini
    assert "token-of-a-teacher" not in ini, "the file names the backend, not the token"
    assert "read token-of-a-teacher" in out
    assert "after None" in out
    assert "kept None" in out, "logging out removed it from the Secret Service"
