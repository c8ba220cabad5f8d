"""The Plugins page: every plugin, where it came from, what it provides, and why it failed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QPlainTextEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.widgets import heading


# Where a plugin came from, as the core records it, in words for the table.
SOURCES = {"entry point": QT_TRANSLATE_NOOP("PluginsPage", "entry point"),
           "user folder": QT_TRANSLATE_NOOP("PluginsPage", "user folder"),
           "registered": QT_TRANSLATE_NOOP("PluginsPage", "registered")}


class PluginsPage(QWidget):
    """A table of plugins; selecting a failed one shows its traceback."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Plugin"), self.tr("Status"), self.tr("Source"), self.tr("Provides")])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.currentCellChanged.connect(self._show_error)
        self.error = QPlainTextEdit()
        self.error.setReadOnly(True)
        self.error.setPlaceholderText(self.tr("Select a failed plugin to see what went wrong."))
        folder = QLabel(self.tr("User plugin folder: {0} (restart to load new plugins)").format(
            f"<code>{state.workspace.plugins_dir}</code>"))
        folder.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Plugins")))
        layout.addWidget(folder)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.error, 1)
        self.refresh()

    def refresh(self) -> None:
        """Fill the table from the plugin host's records."""
        records = list(self.state.host.records.values())
        self.table.setRowCount(len(records))
        for i, r in enumerate(records):
            status = QTableWidgetItem(self.tr("ok") if r.ok else self.tr("FAILED"))
            if not r.ok:
                status.setForeground(QColor(200, 0, 0))
            for j, item in enumerate((QTableWidgetItem(r.name), status, QTableWidgetItem(f"{self.tr(SOURCES.get(r.source, r.source))}: {r.module}"),
                                      QTableWidgetItem(", ".join(r.provides)))):
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()

    def _show_error(self, row: int, *_):
        records = list(self.state.host.records.values())
        if 0 <= row < len(records):
            r = records[row]
            self.error.setPlainText(r.error or self.tr("{0} loaded and answered every hook.").format(r.name))
