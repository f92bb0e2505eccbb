"""docs/BENCHMARKS.md: each benchmark owns a section between its own markers."""

from __future__ import annotations

from pathlib import Path

REPORT = Path(__file__).resolve().parents[2] / "docs" / "BENCHMARKS.md"


def write_section(section: str, begin: str, end: str) -> None:
    """Replace the section between `begin` and `end` (inclusive), or append it."""
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Benchmarks\n"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
