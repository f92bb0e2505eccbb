"""The ЭШ look: Fusion with a light-blue palette and the style sheet in `resources/`."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop.style import DesktopStyle
from registries.base.icons import icon
from resources import style_sheet_path


def apply_theme(app: QApplication) -> None:
    app.setStyle(DesktopStyle())
    palette = app.palette()
    colours = {
        QPalette.ColorRole.Window: "#dfe8f6",
        QPalette.ColorRole.WindowText: "#15212f",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f6f9fd",
        QPalette.ColorRole.Text: "#15212f",
        QPalette.ColorRole.Button: "#eef2f8",
        QPalette.ColorRole.ButtonText: "#15212f",
        # Fusion paints the active sub-window's title bar with Highlight.
        QPalette.ColorRole.Highlight: "#cddcf1",
        QPalette.ColorRole.HighlightedText: "#15428b",
        QPalette.ColorRole.ToolTipBase: "#fffbe6",
        QPalette.ColorRole.ToolTipText: "#15212f",
        QPalette.ColorRole.Link: "#15428b",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#8a94a3"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#8a94a3"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#8a94a3"))
    app.setPalette(palette)
    app.setStyleSheet(style_sheet_path().read_text(encoding="utf-8"))
    app.setWindowIcon(icon("esh"))
