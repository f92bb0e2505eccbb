"""The ЭШ look: Fusion with a light-blue palette and the style sheet in `resources/`.

It is applied in two steps: `apply_look` before the login window is painted, and
`use_window_style` (the ЭШ title bars of the desktop's windows, a style class whose definition
costs the start-up some 25 ms) once it is on screen. `apply_theme` does both.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from registries.base.icons import icon
from resources import style_sheet_path


def apply_theme(app: QApplication) -> None:
    apply_look(app)
    use_window_style(app)


def apply_look(app: QApplication) -> None:
    """Fusion, the palette, the style sheet and the application's icon."""
    app.setStyle("Fusion")
    _apply_palette(app)
    app.setStyleSheet(style_sheet_path().read_text(encoding="utf-8"))
    app.setWindowIcon(icon("esh"))


def use_window_style(app: QApplication) -> None:
    """Fusion with the ЭШ title bars (a new style brings back its own palette: ours again)."""
    from desktop.style import DesktopStyle

    if not isinstance(app.style(), DesktopStyle):
        app.setStyle(DesktopStyle())
        _apply_palette(app)


def _apply_palette(app: QApplication) -> None:
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
