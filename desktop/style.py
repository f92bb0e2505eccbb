"""Window title bars in the ЭШ manner, painted by a proxy of the Fusion style.

Fusion paints an inner window's title bar with the selection colour and centred text; ЭШ windows
have a light-blue bar with the title in bold dark blue on the left and small framed buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionComplex, QWidget

TITLE_BAR_HEIGHT = 24
BUTTON_SIZE = 17


class DesktopStyle(QProxyStyle):
    def __init__(self) -> None:
        super().__init__("Fusion")

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric == QStyle.PixelMetric.PM_TitleBarHeight:
            return TITLE_BAR_HEIGHT
        return super().pixelMetric(metric, option, widget)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if control != QStyle.ComplexControl.CC_TitleBar:
            super().drawComplexControl(control, option, painter, widget)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        active = bool(option.state & QStyle.StateFlag.State_Active)  # type: ignore[attr-defined]
        rect = option.rect  # type: ignore[attr-defined]
        gradient = QLinearGradient(0, rect.top(), 0, rect.bottom())
        gradient.setColorAt(0.0, QColor("#e3edf9" if active else "#eef2f7"))
        gradient.setColorAt(1.0, QColor("#c6d8ef" if active else "#dbe3ed"))
        painter.fillRect(rect, gradient)
        painter.setPen(QPen(QColor("#99bbe8")))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

        label = self.subControlRect(control, option, QStyle.SubControl.SC_TitleBarLabel, widget)
        icon_rect = QRect(label.left(), rect.top(), 0, rect.height())
        icon = option.icon  # type: ignore[attr-defined]
        if not icon.isNull():
            icon_rect = QRect(rect.left() + 5, rect.center().y() - 8, 16, 16)
            icon.paint(painter, icon_rect)
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#15428b" if active else "#4a6890"))
        text_rect = QRect(label)
        text_rect.setLeft(max(label.left(), icon_rect.right() + 6))
        text = painter.fontMetrics().elidedText(
            option.text,
            Qt.TextElideMode.ElideRight,
            text_rect.width(),  # type: ignore[attr-defined]
        )
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
        )

        for sub_control, glyph in (
            (QStyle.SubControl.SC_TitleBarMinButton, "min"),
            (QStyle.SubControl.SC_TitleBarMaxButton, "max"),
            (QStyle.SubControl.SC_TitleBarNormalButton, "normal"),
            (QStyle.SubControl.SC_TitleBarCloseButton, "close"),
        ):
            if not option.subControls & sub_control:  # type: ignore[attr-defined]
                continue
            button = self.subControlRect(control, option, sub_control, widget)
            if not button.isValid() or button.isEmpty():
                continue
            hovered = bool(option.activeSubControls & sub_control)  # type: ignore[attr-defined]
            self._draw_button(painter, button, glyph, hovered)
        painter.restore()

    @staticmethod
    def _draw_button(painter: QPainter, area: QRect, glyph: str, hovered: bool) -> None:
        size = min(BUTTON_SIZE, area.height() - 2, area.width())
        box = QRectF(
            area.center().x() - size / 2 + 0.5, area.center().y() - size / 2 + 0.5, size, size
        )
        painter.setPen(QPen(QColor("#7a9cc9"), 1))
        painter.setBrush(QColor("#ffffff" if hovered else "#eef4fb"))
        painter.drawRoundedRect(box, 2, 2)
        painter.setPen(QPen(QColor("#2b4f82"), 1.6))
        c = box.center()
        d = size * 0.22
        if glyph == "close":
            painter.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d))
            painter.drawLine(QPointF(c.x() - d, c.y() + d), QPointF(c.x() + d, c.y() - d))
        elif glyph == "min":
            painter.drawLine(QPointF(c.x() - d, c.y() + d), QPointF(c.x() + d, c.y() + d))
        elif glyph == "max":
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(c.x() - d, c.y() - d, 2 * d, 2 * d))
        else:  # normal: two overlapping frames
            painter.setBrush(Qt.BrushStyle.NoBrush)
            small = d * 1.4
            painter.drawRect(QRectF(c.x() - d + 2, c.y() - d - 1, small, small))
            painter.drawRect(QRectF(c.x() - d, c.y() - d + 2, small, small))
