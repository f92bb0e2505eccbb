"""The Linux menu entry and AppStream metadata pass their validators and fit the package."""

from __future__ import annotations

import configparser
import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT, build_script, need_tool, required

LINUX = ROOT / "packaging" / "linux"
APP_ID = "ru.esh.Desktop"


def test_the_desktop_entry_is_valid(tmp_path: Path) -> None:
    validator = need_tool("desktop-file-validate")
    done = subprocess.run(
        [validator, str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout


def test_the_package_installs_the_command_its_menu_entry_starts() -> None:
    dpkg_deb = need_tool("dpkg-deb")
    build = build_script()
    packages = sorted((ROOT / "dist").glob(f"esh-desktop_{build.version()}_*.deb"))
    if not packages:
        if required():
            pytest.fail("no .deb in dist/: run `make package` first")
        pytest.skip("no .deb: run `make package`")
    listing = subprocess.run(
        [dpkg_deb, "--contents", str(packages[-1])], capture_output=True, text=True, check=True
    ).stdout
    assert "./usr/bin/esh-desktop -> /opt/esh-desktop/esh-desktop" in listing
    assert "./opt/esh-desktop/_internal/" in listing
    for path in (
        f"./usr/share/applications/{APP_ID}.desktop",
        f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"./usr/share/icons/hicolor/48x48/apps/{APP_ID}.png",
        "./etc/xdg/esh-desktop/esh-desktop.ini",
    ):
        assert path in listing, path
    control = subprocess.run(
        [dpkg_deb, "--field", str(packages[-1]), "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "libc6 (>= " in control, "built against this glibc: older ones cannot run it"
    assert "libxcb-cursor0" in control
    conffiles = subprocess.run(
        [dpkg_deb, "--ctrl-tarfile", str(packages[-1])], capture_output=True, check=True
    ).stdout
    assert b"conffiles" in conffiles
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    fields = entry["Desktop Entry"]
    assert fields["Exec"] == "esh-desktop"
    assert fields["Icon"] == APP_ID
    assert fields["Name"] == "Электронная школа"


def test_the_appstream_metadata_is_valid(tmp_path: Path) -> None:
    validator = need_tool("appstreamcli")
    build = build_script()
    text = (LINUX / f"{APP_ID}.metainfo.xml.in").read_text(encoding="utf-8")
    text = text.replace("@VERSION@", build.version()).replace("@DATE@", "2026-12-01")
    metainfo = tmp_path / f"{APP_ID}.metainfo.xml"
    metainfo.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [validator, "validate", "--no-net", str(metainfo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text
    assert f'version="{build.version()}"' in text


def test_the_application_icon_is_rendered_for_every_size(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    build = build_script()
    build.ICONS = tmp_path
    build.render_icons()
    for size in build.ICON_SIZES:
        image = QImage(str(tmp_path / f"{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255, "the icon is drawn"
    ico = (tmp_path / "esh-desktop.ico").read_bytes()
    reserved, kind, count = int.from_bytes(ico[0:2], "little"), ico[2], ico[4]
    assert (reserved, kind, count) == (0, 1, len(build.ICON_SIZES))
    for index in range(count):
        entry = ico[6 + 16 * index : 22 + 16 * index]
        size = int.from_bytes(entry[8:12], "little")
        offset = int.from_bytes(entry[12:16], "little")
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + size <= len(ico)
