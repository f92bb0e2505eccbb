"""The English translation is complete and compiled."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from translations import TRANSLATIONS_DIR


def test_every_string_has_an_english_translation() -> None:
    tree = ET.parse(TRANSLATIONS_DIR / "esh_en.ts")
    messages = list(tree.getroot().iter("message"))
    assert len(messages) > 100
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
        or not (m.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_the_compiled_translation_is_present() -> None:
    assert (TRANSLATIONS_DIR / "esh_en.qm").stat().st_size > 1000
