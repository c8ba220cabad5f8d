"""The Predict page: label a folder of images with a trained run, results streaming in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QHeaderView, QLabel, QLineEdit, QProgressBar,
    QTableView, QVBoxLayout, QWidget,
)

from alexnet_desktop.core.events import Progress
from alexnet_desktop.core.predict import Prediction, PredictionWriter, folder_files, load_for_prediction, predict_files
from alexnet_desktop.core.runs import list_runs
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.widgets import button, heading, hrow
from alexnet_desktop.gui.worker import JobRunner


class PredictionModel(QAbstractTableModel):
    """The rows of a prediction, appended a batch at a time (the view only draws what shows)."""

    HEADERS = ("File", "Label", "Confidence", "Problem")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Prediction] = []
        self.class_names: list[str] = []

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            return (r.path.name, r.label, f"{r.confidence:.1%}" if r.label else "", r.error)[col]
        if role == Qt.ToolTipRole:
            return str(r.path) if col == 0 else None
        if role == Qt.TextAlignmentRole and col == 2:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def reset(self, class_names: list[str]) -> None:
        """Empty the table for a new prediction."""
        self.beginResetModel()
        self.rows = []
        self.class_names = class_names
        self.endResetModel()

    def append(self, batch: list[Prediction]) -> None:
        """Add one batch of results."""
        if not batch:
            return
        n = len(self.rows)
        self.beginInsertRows(QModelIndex(), n, n + len(batch) - 1)
        self.rows.extend(batch)
        self.endInsertRows()


class PredictPage(QWidget):
    """Choose a run (or a .keras file) and a folder; Predict streams rows into the table."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = JobRunner(
            self,
            event=self._on_event,
            succeeded=self._on_done,
            failed=self._on_failed,
            finished=self._update_buttons,
        )

        self.model_combo = QComboBox()
        self.model_combo.setToolTip("A finished run of this workspace, or a .keras file you chose")
        self.model_combo.setMinimumContentsLength(40)
        self.model_button = button("Model file…", "Use a .keras model with a labels.txt beside it", self._browse_model)
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText("Folder of images to label")
        self.folder_edit.setToolTip("The folder whose images are predicted")
        self.folder_edit.textChanged.connect(self._update_buttons)
        self.folder_button = button("Choose folder…", "Choose the folder of images to label", self._browse_folder)
        self.recursive = QCheckBox("Include sub-folders")
        self.recursive.setToolTip("Also predict the images in folders inside the chosen one")
        self.predict_button = button("Predict", "Label every image of the folder with the chosen model", self.start)
        self.cancel_button = button(
            "Cancel",
            "Stop after the current batch; rows so far are kept",
            self.runner.request_stop,
        )
        self.export_button = button(
            "Export…",
            "Save the results as CSV or JSON (path, label, confidence, probabilities)",
            self._export,
        )
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table_model = PredictionModel()
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectRows)

        r1 = hrow("Model:", (self.model_combo, 1), self.model_button)
        r2 = hrow("Images:", (self.folder_edit, 1), self.folder_button, self.recursive)
        r3 = hrow(self.predict_button, self.cancel_button, (self.progress, 1), self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Predict a folder"))
        layout.addLayout(r1)
        layout.addLayout(r2)
        layout.addLayout(r3)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        state.runs_changed.connect(self.refresh_runs)
        self.refresh_runs()
        self._update_buttons()

    def refresh_runs(self) -> None:
        """List the workspace's runs that have a model, newest first, keeping the selection."""
        current = self.model_combo.currentData()
        self.model_combo.clear()
        for run, manifest in list_runs(self.state.workspace.runs_dir):
            if not run.model_path.is_file():
                continue
            best = (manifest.get("best") or {}).get("value")
            label = f"{run.path.name} · {manifest.get('status', '?')}" + (f" · best {best:.3f}" if best is not None else "")
            self.model_combo.addItem(label, str(run.path))
        if current:
            index = self.model_combo.findData(current)
            if index < 0:
                self.model_combo.addItem(Path(current).name, current)
                index = self.model_combo.count() - 1
            self.model_combo.setCurrentIndex(index)
        self._update_buttons()

    def _browse_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a Keras model", str(Path.home()), "Keras models (*.keras)")
        if path:
            self.model_combo.addItem(Path(path).name, path)
            self.model_combo.setCurrentIndex(self.model_combo.count() - 1)

    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a folder of images", self.folder_edit.text() or str(Path.home()))
        if folder:
            self.folder_edit.setText(folder)

    def start(self) -> None:
        """Predict the chosen folder with the chosen model in a worker thread."""
        model_ref, folder = self.model_combo.currentData(), self.folder_edit.text().strip()
        if not model_ref or not folder or self.runner.is_running():
            return
        recursive = self.recursive.isChecked()
        self.table_model.reset([])
        self.progress.setRange(0, 0)
        self.status.setText("Loading the model…")

        def job(emit, stop):
            loaded = load_for_prediction(model_ref)
            files = folder_files(folder, recursive=recursive)
            emit(("classes", loaded.class_names))
            for batch in predict_files(loaded, files, emit=emit, stop=stop):
                emit(("rows", batch))
            return stop.is_set()

        self.runner.start(job)
        self._update_buttons()

    def _on_event(self, event) -> None:
        if isinstance(event, Progress) and event.total:
            self.progress.setRange(0, event.total)
            self.progress.setValue(event.done)
            self.status.setText(f"{event.done:,} of {event.total:,} images predicted")
        elif isinstance(event, tuple) and event[0] == "classes":
            self.table_model.class_names = event[1]
        elif isinstance(event, tuple) and event[0] == "rows":
            self.table_model.append(event[1])

    def _on_done(self, cancelled: bool) -> None:
        rows = self.table_model.rows
        counts: dict[str, int] = {}
        for r in rows:
            counts[r.label or "unreadable"] = counts.get(r.label or "unreadable", 0) + 1
        summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
        self.status.setText(f"{'Cancelled after' if cancelled else 'Done:'} {len(rows):,} images · {summary}")
        self._update_buttons()

    def _on_failed(self, message: str, _tb: str) -> None:
        self.progress.setRange(0, 1)
        self.status.setText(f"<b>Prediction failed:</b> {message}")

    def export(self, path: Path) -> Path:
        """Write the current results to `path` (.csv or .json)."""
        writer = PredictionWriter(path, self.table_model.class_names)
        writer.write(self.table_model.rows)
        return writer.close()

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export predictions", str(Path.home() / "predictions.csv"),
                                              "CSV (*.csv);;JSON (*.json)")
        if path:
            try:
                self.status.setText(f"Saved {self.export(Path(path))}")
            except OSError as exc:
                self.status.setText(f"<b>Could not save:</b> {exc}")

    def _update_buttons(self) -> None:
        busy = self.runner.is_running()
        self.predict_button.setEnabled(not busy and self.model_combo.count() > 0 and bool(self.folder_edit.text().strip()))
        self.cancel_button.setEnabled(busy)
        self.export_button.setEnabled(not busy and bool(self.table_model.rows))
        if not busy and self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
