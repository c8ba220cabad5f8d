"""The Export dialog of the Runs page: a format and a destination for a run's model."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget,
)

from alexnet_desktop.core.descriptors import Exporter
from alexnet_desktop.core.model.export import export_paths
from alexnet_desktop.gui.widgets import hrow


class ExportDialog(QDialog):
    """Choose an export format (from the exporter plugins) and where to write it."""

    def __init__(self, run_name: str, exporters: dict[str, Exporter], start_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export model"))
        self.format_combo = QComboBox()
        for exporter in exporters.values():
            self.format_combo.addItem(exporter.name, exporter.id)
        self.format_combo.setToolTip(self.tr("The file format to write; the class names and preprocessing "
                                             "are written beside it"))
        self.exporters = exporters
        self.dest = QLineEdit(str(start_dir / run_name))
        self.dest.setToolTip(self.tr("Where to write it; an existing file is never overwritten"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setToolTip(self.tr("Choose the folder and name"))
        browse.clicked.connect(self._browse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.format_combo.currentIndexChanged.connect(self._update_note)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Export"))
        buttons.button(QDialogButtonBox.Ok).setToolTip(self.tr("Write the export (in the background)"))
        buttons.button(QDialogButtonBox.Cancel).setToolTip(self.tr("Close without exporting"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Model of <b>{0}</b>").format(run_name)))
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Save as:"), hrow((self.dest, 1), browse))
        form.addRow(self.note)
        form.addRow(buttons)
        self.dest.textChanged.connect(self._update_note)
        self._update_note()  # before sizing: the note's wrapped lines count in the height
        self.resize(640, self.sizeHint().height())

    def format_id(self) -> str:
        """The chosen exporter's id."""
        return self.format_combo.currentData()

    def destination(self) -> Path:
        """The chosen path (the format's suffix is added if it is missing)."""
        return Path(self.dest.text().strip()).expanduser()

    def _update_note(self) -> None:
        exporter = self.exporters.get(self.format_id())
        if exporter is None or not self.dest.text().strip():
            self.note.setText("")
            return
        model, labels, preprocessing = export_paths(exporter, self.destination())
        self.note.setText(self.tr("Writes, in {0}:\n  {1}{2}\n  {3}\n  {4}").format(
            model.parent, model.name, "" if exporter.suffix else self.tr(" (a folder)"), labels.name,
            preprocessing.name))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export model as"), str(self.destination()))
        if path:
            self.dest.setText(path)
            self._update_note()
