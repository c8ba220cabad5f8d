"""The Data page: choose a dataset folder (or the demo), its loader, and check it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHeaderView, QLabel, QLineEdit, QProgressBar, QPushButton,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from alexnet_desktop.core.events import Progress
from alexnet_desktop.core.scan import ScanReport, scan_dataset
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.widgets import OptionsForm, heading, hrow
from alexnet_desktop.gui.worker import JobRunner

DEMO_LOADER = "demo-shapes"


class DataPage(QWidget):
    """Pick a folder and a loader; the scan runs in a worker and reports classes and problems."""

    scan_finished = Signal(object)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = JobRunner(self)
        self.runner.event.connect(self._on_event)
        self.runner.succeeded.connect(self._on_scanned)
        self.runner.failed.connect(self._on_failed)
        self.runner.finished.connect(self._update_buttons)

        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText("No dataset chosen")
        self.path_edit.setToolTip("The dataset folder the next run trains on")
        self.browse_button = QPushButton("Choose folder…")
        self.browse_button.setToolTip("Choose a folder of labelled images (for example one sub-folder per class)")
        self.browse_button.clicked.connect(self._browse)
        self.demo_button = QPushButton("Use demo data")
        self.demo_button.setToolTip("The built-in demo: generated images of four kinds of shapes")
        self.demo_button.clicked.connect(self.use_demo)

        self.loader_combo = QComboBox()
        self.loader_combo.setToolTip("How the folder is laid out; the best match is chosen for you")
        for loader in state.host.loaders.values():
            self.loader_combo.addItem(loader.name, loader.id)
        self.loader_combo.activated.connect(self._loader_chosen)
        self.loader_help = QLabel()
        self.loader_help.setWordWrap(True)
        self.options_form = OptionsForm()

        self.scan_button = QPushButton("Scan")
        self.scan_button.setToolTip("Check every image: which classes, how many, which files cannot be used")
        self.scan_button.clicked.connect(self.start_scan)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the scan")
        self.cancel_button.clicked.connect(self.runner.request_stop)
        self.progress = QProgressBar()
        self.progress.setFormat("%v / %m images checked")
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.class_table = QTableWidget(0, 2)
        self.class_table.setHorizontalHeaderLabels(["Class", "Images"])
        self.class_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.class_table.verticalHeader().setVisible(False)
        self.class_table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.problem_table = QTableWidget(0, 2)
        self.problem_table.setHorizontalHeaderLabels(["File", "Why it is not used"])
        self.problem_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.problem_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.problem_table.verticalHeader().setVisible(False)
        self.problem_table.setEditTriggers(QTableWidget.NoEditTriggers)

        row = hrow("Folder:", (self.path_edit, 1), self.browse_button, self.demo_button)
        loader_row = hrow("Layout:", self.loader_combo, (self.loader_help, 1))
        scan_row = hrow(self.scan_button, self.cancel_button, (self.progress, 1))

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(heading("Classes"))
        lv.addWidget(self.class_table)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(heading("Files not used"))
        rv.addWidget(self.problem_table)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([300, 600])

        layout = QVBoxLayout(self)
        layout.addWidget(heading("Dataset"))
        layout.addLayout(row)
        layout.addLayout(loader_row)
        layout.addWidget(self.options_form)
        layout.addLayout(scan_row)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        self._update_buttons()

    # -- choosing --------------------------------------------------------------------

    def _browse(self) -> None:
        start = str(self.state.data_path or Path.home())
        folder = QFileDialog.getExistingDirectory(self, "Choose a dataset folder", start)
        if folder:
            self.choose_folder(Path(folder))

    def choose_folder(self, folder: Path, loader_id: str | None = None) -> None:
        """Use `folder` as the dataset (with the given loader, or the one that recognises it) and scan it."""
        if loader_id is None:
            scored = self.state.host.detect_loaders(folder)
            if not scored or scored[0][0] <= 0:
                self.path_edit.setText(str(folder))
                self.status.setText(
                    f"<b>{folder}</b> does not look like a dataset: no layout recognises it. "
                    "Choose the layout by hand, or a folder with one sub-folder of images per class."
                )
                loader_id = self.loader_combo.currentData() or "folder"
            else:
                loader_id = scored[0][1].id
        self._set_loader(loader_id)
        self.state.set_dataset(folder, loader_id, self.options_form.values())
        self.path_edit.setText(str(folder))
        self.start_scan()

    def use_demo(self) -> None:
        """Write the demo dataset into the workspace (once) and choose it."""
        loader = self.state.host.loaders.get(DEMO_LOADER)
        if loader is None or loader.prepare is None:
            self.status.setText("The demo dataset plugin is not installed or failed to load (see Plugins).")
            return
        try:
            root = loader.prepare(self.state.workspace.ensure().datasets_dir)
        except OSError as exc:
            self.status.setText(f"Could not write the demo dataset: {exc}")
            return
        self.choose_folder(root, DEMO_LOADER)

    def _set_loader(self, loader_id: str) -> None:
        index = self.loader_combo.findData(loader_id)
        if index >= 0:
            self.loader_combo.setCurrentIndex(index)
        loader = self.state.host.loaders.get(loader_id)
        self.loader_help.setText(loader.description if loader else "")
        self.options_form.set_options(loader.options if loader else ())

    def _loader_chosen(self, _index: int) -> None:
        loader_id = self.loader_combo.currentData()
        self._set_loader(loader_id)
        if self.state.data_path is not None:
            self.state.set_dataset(self.state.data_path, loader_id, self.options_form.values())
            self.start_scan()

    # -- scanning --------------------------------------------------------------------

    def start_scan(self) -> None:
        """Load and check the chosen dataset in a worker thread."""
        if self.state.data_path is None or self.runner.is_running():
            return
        host, path, loader_id = self.state.host, self.state.data_path, self.state.loader_id
        options = self.options_form.values()
        self.state.loader_options = options
        self.class_table.setRowCount(0)
        self.problem_table.setRowCount(0)
        self.status.setText(f"Scanning {path}…")
        self.progress.setRange(0, 0)

        def job(emit, stop):
            dataset = host.loader(loader_id).load(path, **options)
            return scan_dataset(dataset, emit, stop)

        self.runner.start(job)
        self._update_buttons()

    def _on_event(self, event) -> None:
        if isinstance(event, Progress) and event.total:
            self.progress.setRange(0, event.total)
            self.progress.setValue(event.done)

    def _on_scanned(self, report: ScanReport) -> None:
        counts = report.counts()
        self.class_table.setRowCount(len(counts))
        for i, (name, n) in enumerate(counts.items()):
            self.class_table.setItem(i, 0, QTableWidgetItem(name))
            item = QTableWidgetItem(f"{n:,}")
            item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.class_table.setItem(i, 1, item)
        problems = report.rejected + report.passed_over
        self.problem_table.setRowCount(len(problems))
        for i, (p, reason) in enumerate(problems):
            self.problem_table.setItem(i, 0, QTableWidgetItem(str(p)))
            self.problem_table.setItem(i, 1, QTableWidgetItem(reason))
        total = sum(counts.values())
        text = f"<b>{total:,}</b> usable images in <b>{len(counts)}</b> classes"
        if report.rejected:
            text += f"; <b>{len(report.rejected)}</b> rejected"
        if report.cancelled:
            text = "Scan cancelled: " + text + " so far"
        for w in report.warnings:
            text += f"<br>⚠ {w}"
        self.status.setText(text)
        self.state.set_scan(report)
        self.scan_finished.emit(report)

    def _on_failed(self, message: str, _tb: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(f"<b>Could not read the dataset:</b> {message}")

    def _update_buttons(self) -> None:
        busy = self.runner.is_running()
        self.scan_button.setEnabled(not busy and self.state.data_path is not None)
        self.cancel_button.setEnabled(busy)
        self.browse_button.setEnabled(not busy)
        self.demo_button.setEnabled(not busy)
        self.loader_combo.setEnabled(not busy)
        if not busy and self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
