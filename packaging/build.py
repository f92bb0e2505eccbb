"""`make package`: the desktop as a PyInstaller bundle, and its installer for this system.

    python packaging/build.py [--skip-bundle] [--skip-installer]

- build/icons/: the application icon rendered from resources/icons/esh.svg (PNG sizes for the
  Linux icon theme, a multi-size .ico for Windows);
- dist/esh-desktop/: the one-folder bundle (packaging/esh-desktop.spec);
- Linux: dist/esh-desktop_<version>_<arch>.deb;
- Windows: dist/esh-desktop-<version>-setup.exe, when Inno Setup's iscc is on the PATH or in
  its usual folder (packaging/windows/esh-desktop.iss).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shutil
import struct
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
ICONS = BUILD / "icons"
APP_ID = "ru.esh.Desktop"
PACKAGE = "esh-desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
INSTALL_DIR = f"opt/{PACKAGE}"

# Libraries Qt's X11 and Wayland plugins load that a build machine may lack, by the Debian
# package that has them.
KNOWN_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def version() -> str:
    return metadata.version(PACKAGE)


# --- icons -----------------------------------------------------------------------------------
def render_icons() -> None:
    """PNGs of every size and a Windows .ico, from the SVG the desktop itself shows."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "esh.svg"))
    if not renderer.isValid():
        raise SystemExit("packaging: resources/icons/esh.svg cannot be read")
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs: dict[int, bytes] = {}
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        pngs[size] = bytes(data.data())
        (ICONS / f"{size}.png").write_bytes(pngs[size])
    (ICONS / f"{PACKAGE}.ico").write_bytes(ico_of(pngs))
    del app


def ico_of(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon holding each PNG as one of its sizes (PNG entries: Vista and later)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


# --- the bundle ------------------------------------------------------------------------------
def build_bundle() -> Path:
    if not list((ROOT / "translations").glob("*.qm")):
        raise SystemExit("packaging: no compiled translations; run `make translations` first")
    BUILD.mkdir(exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "pyinstaller"),
            str(ROOT / "packaging" / "esh-desktop.spec"),
        ],
        check=True,
        # Not from the project's folder: there setuptools leaves an esh_desktop.egg-info that
        # would be taken for the installed package's metadata.
        cwd=BUILD,
    )
    bundle = DIST / PACKAGE
    for path in bundle.rglob("*"):  # links to what the spec left out
        if path.is_symlink() and not path.exists():
            path.unlink()
    return bundle


# --- Debian package --------------------------------------------------------------------------
def debian_architecture() -> str:
    done = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def needed_libraries(bundle: Path) -> set[str]:
    """The shared libraries the bundle's programs and libraries need from the system."""
    inside = {path.name for path in bundle.rglob("*.so*")}
    needed: set[str] = set()
    for path in [bundle / PACKAGE, *bundle.rglob("*.so*")]:
        if path.is_symlink() or not path.is_file():
            continue
        done = subprocess.run(
            ["objdump", "-p", str(path)], capture_output=True, text=True, check=False
        )
        for line in done.stdout.splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0] == "NEEDED" and parts[1] not in inside:
                needed.add(parts[1])
    return needed


def debian_dependencies(bundle: Path) -> list[str]:
    """Debian packages of the system libraries the bundle needs, found with dpkg -S."""
    libraries = needed_libraries(bundle)
    located: dict[str, str] = {}
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"  # not on a user's PATH in Debian
    cache = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=True)
    for line in cache.stdout.splitlines()[1:]:
        # "\tlibdbus-1.so.3 (libc6,x86-64) => /lib/x86_64-linux-gnu/libdbus-1.so.3"
        described, _, path = line.strip().partition(" => ")
        name = described.split(" (", 1)[0]
        if name in libraries and name not in located and path:
            located[name] = path
    packages: set[str] = set()
    for name, path in located.items():
        owner = _owner_of(path)
        if owner:
            packages.add(owner)
        elif name in KNOWN_LIBRARIES:
            packages.add(KNOWN_LIBRARIES[name])
        else:
            print(f"packaging: warning: no package owns {path}", file=sys.stderr)
    for name in sorted(libraries - set(located)):
        if name in KNOWN_LIBRARIES:
            packages.add(KNOWN_LIBRARIES[name])
        else:
            print(f"packaging: warning: no package known for {name}", file=sys.stderr)
    # What Qt's X11 plugin loads at run time, wherever the bundle was built.
    packages |= {KNOWN_LIBRARIES["libxcb-cursor.so.0"], KNOWN_LIBRARIES["libxkbcommon-x11.so.0"]}
    return [_at_least_as_built(package) for package in sorted(packages)]


# The C and C++ runtimes the bundle was linked against: a PC needs these versions or newer.
RUNTIMES = ("libc6", "libstdc++6", "libgcc-s1")


def _at_least_as_built(package: str) -> str:
    if package not in RUNTIMES:
        return package
    done = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", package],
        capture_output=True,
        text=True,
        check=False,
    )
    version = done.stdout.strip().split("-", 1)[0] if done.returncode == 0 else ""
    return f"{package} (>= {version})" if version else package


def _owner_of(path: str) -> str | None:
    """The Debian package that installed `path` (with or without the merged /usr)."""
    real = os.path.realpath(path)
    candidates = {path, real}
    for candidate in list(candidates):
        candidates.add(
            candidate.removeprefix("/usr") if candidate.startswith("/usr/") else "/usr" + candidate
        )
    for candidate in sorted(candidates):
        done = subprocess.run(
            ["dpkg", "-S", candidate], capture_output=True, text=True, check=False
        )
        if done.returncode == 0:
            owner = done.stdout.split(":", 1)[0].strip()
            if owner and " " not in owner and "," not in owner:
                return owner
    return None


def build_deb(bundle: Path) -> Path:
    release = version()
    architecture = debian_architecture()
    stage = BUILD / "deb" / f"{PACKAGE}_{release}_{architecture}"
    if stage.exists():
        shutil.rmtree(stage)
    linux = ROOT / "packaging" / "linux"
    shutil.copytree(bundle, stage / INSTALL_DIR, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / PACKAGE).symlink_to(f"/{INSTALL_DIR}/{PACKAGE}")
    _copy(linux / f"{APP_ID}.desktop", stage / "usr/share/applications" / f"{APP_ID}.desktop")
    metainfo = (linux / f"{APP_ID}.metainfo.xml.in").read_text(encoding="utf-8")
    metainfo = metainfo.replace("@VERSION@", release).replace("@DATE@", _release_date())
    _write(stage / "usr/share/metainfo" / f"{APP_ID}.metainfo.xml", metainfo)
    hicolor = stage / "usr/share/icons/hicolor"
    _copy(ROOT / "resources/icons/esh.svg", hicolor / "scalable/apps" / f"{APP_ID}.svg")
    for size in ICON_SIZES:
        _copy(ICONS / f"{size}.png", hicolor / f"{size}x{size}/apps" / f"{APP_ID}.png")
    _copy(linux / "esh-desktop.ini", stage / "etc/xdg/esh-desktop/esh-desktop.ini")
    _write(stage / f"usr/share/doc/{PACKAGE}/copyright", _copyright())
    files = [p for p in stage.rglob("*") if p.is_file() and not p.is_symlink()]
    installed_kib = sum(p.stat().st_size for p in files) // 1024
    control = "\n".join(
        [
            f"Package: {PACKAGE}",
            f"Version: {release}",
            f"Architecture: {architecture}",
            "Maintainer: Электронная школа <esh@localhost>",
            f"Installed-Size: {installed_kib}",
            f"Depends: {', '.join(debian_dependencies(bundle))}",
            "Recommends: fonts-dejavu-core, xdg-utils",
            "Section: education",
            "Priority: optional",
            "Description: Электронная школа — рабочий стол с реестром «Сферум»",
            " Рабочий стол школьной информационной системы «Электронная школа» для",
            " компьютеров школы: чаты Сферума, онлайн-уроки, журнал на урок.",
            " Работает со встроенной базой данных или с сервером школы; адрес сервера",
            " для всех пользователей задается в /etc/xdg/esh-desktop/esh-desktop.ini.",
            "",
        ]
    )
    _write(stage / "DEBIAN/control", control)
    _write(stage / "DEBIAN/conffiles", "/etc/xdg/esh-desktop/esh-desktop.ini\n")
    _write(stage / "DEBIAN/md5sums", _md5sums(stage))
    # Menus and icon caches learn of the new entry; users' own files are never touched.
    _write(stage / "DEBIAN/postinst", _trigger_script(), executable=True)
    _write(stage / "DEBIAN/postrm", _trigger_script(), executable=True)
    DIST.mkdir(exist_ok=True)
    package = DIST / f"{PACKAGE}_{release}_{architecture}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(package)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return package


def _trigger_script() -> str:
    return (
        "#!/bin/sh\nset -e\n"
        "if command -v update-desktop-database >/dev/null 2>&1; then\n"
        "    update-desktop-database -q /usr/share/applications || true\n"
        "fi\n"
        "if command -v gtk-update-icon-cache >/dev/null 2>&1; then\n"
        "    gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true\n"
        "fi\n"
    )


def _release_date() -> str:
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(stamp), dt.UTC) if stamp else dt.datetime.now(dt.UTC)
    return moment.date().isoformat()


def _copyright() -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: esh-desktop\n\n"
        "Files: *\nCopyright: Электронная школа\nLicense: MIT\n\n"
        "Files: opt/esh-desktop/_internal/*\n"
        "Comment: Python, Qt (PySide6, LGPL-3.0), SQLAlchemy, httpx and the other libraries\n"
        " the desktop is built on, each under its own license.\n"
    )


def _md5sums(stage: Path) -> str:
    lines = []
    for path in sorted(stage.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.parts:
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            lines.append(f"{digest}  {path.relative_to(stage).as_posix()}")
    return "\n".join(lines) + "\n"


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _write(target: Path, text: str, *, executable: bool = False) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    target.chmod(0o755 if executable else 0o644)


# --- Windows installer -----------------------------------------------------------------------
def inno_setup_compiler() -> Path | None:
    found = shutil.which("iscc")
    if found:
        return Path(found)
    for folder in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if folder and (Path(folder) / "Inno Setup 6" / "ISCC.exe").exists():
            return Path(folder) / "Inno Setup 6" / "ISCC.exe"
    return None


def build_windows_installer() -> Path | None:
    compiler = inno_setup_compiler()
    if compiler is None:
        print("packaging: Inno Setup 6.3+ (iscc) not found: the installer was not built")
        return None
    script = ROOT / "packaging" / "windows" / "esh-desktop.iss"
    subprocess.run([str(compiler), f"/DAppVersion={version()}", str(script)], check=True)
    return DIST / f"{PACKAGE}-{version()}-setup.exe"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-bundle", action="store_true", help="use dist/esh-desktop as is")
    parser.add_argument("--skip-installer", action="store_true", help="the bundle only")
    args = parser.parse_args()
    render_icons()
    bundle = DIST / PACKAGE if args.skip_bundle else build_bundle()
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle: {bundle} ({size / 1024**2:.0f} MB)")
    if args.skip_installer:
        return 0
    if sys.platform == "win32":
        installer = build_windows_installer()
        if installer is not None:
            print(f"installer: {installer}")
    elif shutil.which("dpkg-deb"):
        print(f"package: {build_deb(bundle)}")
    else:
        print("packaging: dpkg-deb not found: no .deb was built (the bundle is ready)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
