"""«Не доставлено на платформу МАХ»: what MAX has not accepted yet, or refused, and why.

Shown under the linked account's window and, folded to one line that opens, under the «Сферум»
registry; hidden while everything has been delivered.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QTableView, QToolButton, QVBoxLayout, QWidget

from backend.contract import Backend, MaxDelivery
from registries.base.table_model import Column, RecordTableModel

translate = QCoreApplication.translate


class DeliveriesPanel(QWidget):
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None, *, folded: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("deliveriesPanel")
        self._folded = folded
        # The strings came from «Сферум» for students and parents and keep its context.
        self.label = QLabel(translate("SferumWindow", "Не доставлено на платформу МАХ"), self)
        self.label.setObjectName("deliveriesTitle")
        self.model: RecordTableModel[MaxDelivery] = RecordTableModel(
            [
                Column(translate("SferumWindow", "Действие"), lambda d: d.action, width=220),
                Column(
                    translate("SferumWindow", "Состояние"),
                    lambda d: (
                        translate("SferumWindow", "Отклонено")
                        if d.failed
                        else translate("SferumWindow", "Ожидает отправки")
                    ),
                    width=130,
                ),
                Column(
                    translate("SferumWindow", "Попыток"),
                    lambda d: d.attempts,
                    width=70,
                    align_right=True,
                ),
                Column(translate("SferumWindow", "Причина"), lambda d: d.reason, width=360),
            ],
            parent=self,
        )
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        for index, column in enumerate(self.model.columns()):
            self.view.horizontalHeader().resizeSection(index, column.width)
        # Folded: one line, «Не доставлено на платформу МАХ: 3», that opens the table.
        self.fold_button = QToolButton(self)
        self.fold_button.setObjectName("deliveriesFold")
        self.fold_button.setCheckable(True)
        self.fold_button.setAutoRaise(True)
        self.fold_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.fold_button.setArrowType(Qt.ArrowType.RightArrow)
        self.fold_button.toggled.connect(self._unfold)
        self.fold_button.setVisible(folded)
        self.label.setVisible(not folded)
        self.view.setVisible(not folded)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.fold_button)
        layout.addWidget(self.view, 1)
        self.hide()

    def _unfold(self, unfolded: bool) -> None:
        self.fold_button.setArrowType(
            Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow
        )
        self.view.setVisible(unfolded)

    async def load(self, backend: Backend) -> None:
        deliveries = await backend.max_deliveries()
        self.model.set_records(deliveries)
        refused = sum(d.failed for d in deliveries)
        summary = translate("DeliveriesPanel", "{title}: {count}").format(
            title=self.label.text(), count=len(deliveries)
        )
        if refused:
            summary += translate("DeliveriesPanel", ", из них отклонено: {count}").format(
                count=refused
            )
        self.fold_button.setText(summary)
        self.setVisible(bool(deliveries))
        self.loaded.emit()
