"""Qt Linguist translations: sources (.ts) and their compiled form (.qm, built by make)."""

from __future__ import annotations

from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent
