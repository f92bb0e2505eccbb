"""A QR code as a Qt image, drawn from the `qrcode` package's module matrix."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter


def qr_image(text: str, *, module_size: int = 6, border: int = 3) -> QImage:
    import qrcode  # only when a code is shown

    code = qrcode.QRCode(border=border, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    side = len(matrix) * module_size
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for row, cells in enumerate(matrix):
        for column, dark in enumerate(cells):
            if dark:
                painter.drawRect(
                    QRect(column * module_size, row * module_size, module_size, module_size)
                )
    painter.end()
    return image
