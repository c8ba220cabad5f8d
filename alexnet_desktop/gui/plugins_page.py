"""The Plugins page: every plugin, where it came from, what it provides, and why it failed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QPlainTextEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.widgets import heading


class PluginsPage(QWidget):
    """A table of plugins; selecting a failed one shows its traceback."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Plugin", "Status", "Source", "Provides"])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.currentCellChanged.connect(self._show_error)
        self.error = QPlainTextEdit()
        self.error.setReadOnly(True)
        self.error.setPlaceholderText("Select a failed plugin to see what went wrong.")
        folder = QLabel(f"User plugin folder: <code>{state.workspace.plugins_dir}</code> (restart to load new plugins)")
        folder.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Plugins"))
        layout.addWidget(folder)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.error, 1)
        self.refresh()

    def refresh(self) -> None:
        """Fill the table from the plugin host's records."""
        records = list(self.state.host.records.values())
        self.table.setRowCount(len(records))
        for i, r in enumerate(records):
            status = QTableWidgetItem("ok" if r.ok else "FAILED")
            if not r.ok:
                status.setForeground(QColor(200, 0, 0))
            for j, item in enumerate((QTableWidgetItem(r.name), status, QTableWidgetItem(f"{r.source}: {r.module}"),
                                      QTableWidgetItem(", ".join(r.provides)))):
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()

    def _show_error(self, row: int, *_):
        records = list(self.state.host.records.values())
        if 0 <= row < len(records):
            r = records[row]
            self.error.setPlainText(r.error or f"{r.name} loaded and answered every hook.")
