"""«Кто не в Сферуме»: for the chat administrator, every participant of an ЭШ chat who is not in
its Sferum chat yet, and why; filtered by chat or class, and «Выгрузить в CSV» for Excel."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backend.contract import Backend, BackendError, ChatGap
from registries.base import messages
from registries.base.icons import icon
from registries.base.table_model import Column, RecordTableModel
from registries.base.tasks import TaskRunner
from registries.sferum.labels import chat_kind_label, participant_label

translate = QCoreApplication.translate


def gap_columns() -> list[Column[ChatGap]]:
    """Класс, Чат, Тип чата, Участник, Роль, Причина — on screen and in the CSV file."""
    return [
        Column(translate("GapsWindow", "Класс"), lambda g: g.class_name or "", width=60),
        Column(translate("GapsWindow", "Чат"), lambda g: g.chat_title, width=170),
        Column(
            translate("GapsWindow", "Тип чата"), lambda g: chat_kind_label(g.chat_kind), width=120
        ),
        Column(translate("GapsWindow", "Участник"), lambda g: g.full_name, width=240),
        Column(translate("GapsWindow", "Роль"), lambda g: participant_label(g.kind), width=85),
        Column(translate("GapsWindow", "Причина"), lambda g: g.reason, width=300),
    ]


def write_gaps_csv(path: Path | str, gaps: Iterable[ChatGap]) -> None:
    """The report as Excel opens it: UTF-8 with a BOM, «;» between the fields."""
    columns = gap_columns()
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow([column.title for column in columns])
        for gap in gaps:
            writer.writerow([column.value(gap) for column in columns])


def matches(gap: ChatGap, words: Sequence[str]) -> bool:
    """The filter «Чат или класс»: every word in the chat's name or the class."""
    text = f"{gap.chat_title} {gap.class_name or ''}".casefold().replace("ё", "е")
    return all(word in text for word in words)


class GapsWindow(QDialog):
    loaded = Signal()
    exported = Signal(str)  # the file written

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gapsWindow")
        self.setWindowTitle(translate("GapsWindow", "Кто не в Сферуме"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._backend = backend
        self._gaps: list[ChatGap] = []
        self.tasks = TaskRunner(self)

        intro = QLabel(
            translate(
                "GapsWindow",
                "Участники чатов ЭШ, которых еще нет в чатах на стороне Сферума, и причина.",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("gapsFilter")
        self.filter_edit.setPlaceholderText(translate("GapsWindow", "Чат или класс"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._show)
        self.model: RecordTableModel[ChatGap] = RecordTableModel(gap_columns(), parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("registryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for index, column in enumerate(self.model.columns()):
            header.resizeSection(index, column.width)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("pagingStatus")

        self.export_button = QPushButton(icon("export"), translate("GapsWindow", "Выгрузить в CSV"))
        self.export_button.clicked.connect(self.export)
        self.refresh_button = QPushButton(icon("refresh"), translate("GapsWindow", "Обновить"))
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button = QPushButton(translate("GapsWindow", "Закрыть"), self)
        self.close_button.clicked.connect(self.close)

        panel = QFrame(self)
        panel.setObjectName("registryPanel")
        bar = QFrame(panel)
        bar.setObjectName("pagingBar")
        filters = QHBoxLayout(bar)
        filters.setContentsMargins(6, 4, 6, 4)
        filters.addWidget(QLabel(translate("GapsWindow", "Чат или класс:"), bar))
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.refresh_button)
        filters.addWidget(self.export_button)
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.setSpacing(0)
        panel_layout.addWidget(bar)
        panel_layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(panel, 1)
        layout.addLayout(bottom)
        self.resize(1000, 560)
        self.refresh()

    def refresh(self) -> None:
        self.tasks.start(self._load(), on_error=self._failed)

    async def _load(self) -> None:
        self.status_label.setText(translate("GapsWindow", "Загрузка…"))
        self._gaps = await self._backend.chat_gaps()
        self._show()
        self.loaded.emit()

    def _failed(self, error: BackendError) -> None:
        self.status_label.setText(error.message)
        self.tasks.report(error)

    def shown_gaps(self) -> list[ChatGap]:
        words = self.filter_edit.text().casefold().replace("ё", "е").split()
        return [gap for gap in self._gaps if matches(gap, words)]

    def _show(self, *_args: object) -> None:
        shown = self.shown_gaps()
        self.model.set_records(shown)
        self.export_button.setEnabled(bool(shown))
        chats = len({gap.chat_id for gap in shown})
        self.status_label.setText(
            translate("GapsWindow", "Участников не в Сферуме: {count}, в чатах: {chats}").format(
                count=len(shown), chats=chats
            )
        )

    def export(self) -> None:
        """«Выгрузить в CSV»: what the filter shows, into a file the user names."""
        default = Path(QDir.homePath()) / translate("GapsWindow", "Кто не в Сферуме.csv")
        path, _filter = QFileDialog.getSaveFileName(
            self,
            translate("GapsWindow", "Выгрузить в CSV"),
            str(default),
            translate("GapsWindow", "Файлы CSV (*.csv)"),
        )
        if not path:
            return
        if not path.lower().endswith(".csv"):
            path += ".csv"
        try:
            write_gaps_csv(path, self.shown_gaps())
        except OSError as error:
            text = translate("GapsWindow", "Не удалось записать файл {path}: {reason}").format(
                path=path, reason=error.strerror or error
            )
            self.tasks.start(messages.error_async(self, text))
            return
        self.exported.emit(path)
