"""Icons and the style sheet, as files next to this module."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
ICONS_DIR = RESOURCES_DIR / "icons"


def icon_path(name: str) -> Path:
    """Path of the SVG icon `name` (without extension)."""
    return ICONS_DIR / f"{name}.svg"


def style_sheet_path() -> Path:
    return RESOURCES_DIR / "style.qss"
