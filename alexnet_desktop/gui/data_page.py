"""The Data page: choose a dataset folder (or the demo), its loader, and check it."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHeaderView, QLabel, QLineEdit, QProgressBar,
    QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from alexnet_desktop.core.events import Message, Progress
from alexnet_desktop.core.wording import shown
from alexnet_desktop.core.data.loading import DEMO_LOADER, write_generated
from alexnet_desktop.core.data.predict_input import is_predict_input
from alexnet_desktop.core.data.scan_job import ScannedWithSamples, scan_with_samples
from alexnet_desktop.gui.i18n import core_text, plugin_text
from alexnet_desktop.gui.image_grid import ImageGrid
from alexnet_desktop.gui.plots import ClassBalanceChart
from alexnet_desktop.gui.split_panel import SplitAugmentPanel
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.widgets import OptionsForm, button, heading, hrow, scrolled, titled
from alexnet_desktop.gui.worker import JobRunner


class DataPage(QWidget):
    """Pick a folder (or file) and a loader; the scan runs in a worker and reports classes,
    a class-balance chart, sample images, problem files, and the split and augmentation."""

    scan_finished = Signal(object)
    prediction_input = Signal(object)  # a folder of unlabelled images was chosen: the Predict page's input

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = JobRunner(self, event=self._on_event, succeeded=self._on_scanned, failed=self._on_failed,
                                cancelled=self._on_cancelled, finished=self._scan_ended)
        self.demo_runner = JobRunner(self, event=self._on_event, succeeded=self._demo_written, failed=self._demo_failed,
                                     finished=self._update_buttons)
        self._rescan = False
        self._closing = False

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("No dataset chosen: choose a folder, or type or paste its path"))
        self.path_edit.setToolTip(self.tr("The dataset folder the next run trains on (type or paste a path and "
                                          "press Enter)"))
        self.path_edit.returnPressed.connect(self._typed_path)
        self.browse_button = button(
            self.tr("Choose folder…"),
            self.tr("Choose a folder of labelled images (for example one sub-folder per class)"),
            self.ask_folder,
        )
        self.file_button = button(
            self.tr("Choose file…"),
            self.tr("Choose a CSV list of images, or a dataset archive (CIFAR-10 .tar.gz)"),
            self._browse_file,
        )
        self.demo_button = button(
            self.tr("Use demo data"),
            self.tr("The built-in demo: generated images of four kinds of shapes"),
            self.use_demo,
        )

        self.loader_combo = QComboBox()
        self.loader_combo.setToolTip(self.tr("How the folder is laid out; the best match is chosen for you"))
        for loader in state.host.loaders.values():
            self.loader_combo.addItem(plugin_text(loader.name), loader.id)
        self.loader_combo.activated.connect(self._loader_chosen)
        self.loader_help = QLabel()
        self.loader_help.setWordWrap(True)
        self.options_form = OptionsForm()

        self.scan_button = button(
            self.tr("Scan"),
            self.tr("Check every image: which classes, how many, which files cannot be used"),
            self.start_scan,
        )
        self.cancel_button = button(self.tr("Cancel"), self.tr("Stop the scan"), self.runner.request_stop)
        self.check_button = button(self.tr("Check labels…"), self.tr("Find the images whose label is probably wrong, "
                                   "near-duplicates across classes and outliers, and review them"), self.check_labels)
        self.check_dialog = None  # the last Check labels window opened
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v / %m images checked"))
        self.status = QLabel()
        self.status.setWordWrap(True)

        overview = self._overview()
        self.problem_table = self._problem_table()
        self.split_panel = SplitAugmentPanel(state)

        self.tabs = QTabWidget()
        self.tabs.addTab(overview, self.tr("Overview"))
        self.tabs.addTab(self.problem_table, self.tr("Files to check"))
        self.tabs.addTab(scrolled(self.split_panel), self.tr("Split && augmentation"))

        row = hrow(self.tr("Folder:"), (self.path_edit, 1), self.browse_button, self.file_button, self.demo_button)
        loader_row = hrow(self.tr("Layout:"), self.loader_combo, (self.loader_help, 1))
        scan_row = hrow(self.scan_button, self.cancel_button, self.check_button, (self.progress, 1))

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Dataset")))
        layout.addLayout(row)
        layout.addLayout(loader_row)
        layout.addWidget(self.options_form)
        layout.addLayout(scan_row)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self._show_empty()
        self._update_buttons()

    def _overview(self) -> QSplitter:
        """The class balance chart beside the sample images."""
        self.chart = ClassBalanceChart()
        self.chart.setMinimumWidth(280)
        self.samples = ImageGrid(tile=96)
        overview = QSplitter(Qt.Horizontal)
        overview.addWidget(self.chart)
        overview.addWidget(titled(heading(self.tr("Sample images")), self.samples))
        overview.setSizes([380, 620])
        return overview

    def _problem_table(self) -> QTableWidget:
        """The files the scan could not use or warns about: file, status, why."""
        table = QTableWidget(0, 3)
        table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Status"), self.tr("Why")])
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        table.setSortingEnabled(True)
        table.setWordWrap(False)
        return table

    # -- choosing --------------------------------------------------------------------

    def ask_folder(self) -> None:
        """Ask for a dataset folder and scan it."""
        start = str(self.state.data_path or Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a dataset folder"), start)
        if folder:
            self.choose_folder(Path(folder))

    def _typed_path(self) -> None:
        """A folder or dataset file typed or pasted into the path field, then Enter."""
        text = self.path_edit.text().strip()
        path = Path(text).expanduser() if text else None
        if path is not None and path.exists():
            self.choose_folder(path)
            return
        self.status.setTextFormat(Qt.PlainText)
        self.status.setText(self.tr("{0}: no such folder or file").format(text) if text else
                            self.tr("Type or paste the path of a dataset folder, then press Enter"))

    def _browse_file(self) -> None:
        start = str(self.state.data_path or Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a dataset file"), start,
            self.tr("Datasets (*.csv *.tar.gz *.tgz *.gz);;All files (*)"))
        if path:
            self.choose_folder(Path(path))

    def choose_folder(self, folder: Path, loader_id: str | None = None) -> None:
        """Use `folder` as the dataset (with the given loader, or the one that recognises it) and scan it."""
        if loader_id is None:
            scored = self.state.host.detect_loaders(folder)
            if not scored or scored[0][0] <= 0:
                # Read as a folder per class, whose message says what is missing; the layout
                # chosen for the last dataset (the demo, say) would be wrong for this one.
                loader_id = "folder" if "folder" in self.state.host.loaders else self.loader_combo.currentData()
            else:
                loader_id = scored[0][1].id
        self._set_loader(loader_id)
        self.state.set_dataset(folder, loader_id, self.options_form.values())
        self.path_edit.setText(str(folder))
        self.start_scan()

    def shutdown(self) -> None:
        """Stop the split preview's worker, and start no scan from now on (the window is closing:
        a demo written just before would otherwise start one on a window being destroyed)."""
        self._closing = True
        self.split_panel.shutdown()

    def use_demo(self) -> None:
        """Write the demo dataset into the workspace (once, in a worker) and choose it."""
        loader = self.state.host.loaders.get(DEMO_LOADER)
        if loader is None or loader.prepare is None:
            self.status.setText(self.tr("The demo dataset plugin is not installed or failed to load (see Plugins)."))
            return
        if self.runner.is_running() or self.demo_runner.is_running():
            return
        host, datasets = self.state.host, self.state.workspace.datasets_dir
        self.progress.setRange(0, 0)
        self.demo_runner.start(lambda emit, stop: write_generated(host, DEMO_LOADER, datasets, emit, stop))
        self._update_buttons()

    def _demo_written(self, root: Path) -> None:
        if not self._closing:
            self.choose_folder(root, DEMO_LOADER)

    def _demo_failed(self, message: str, _tb: str) -> None:
        self.progress.setRange(0, 1)
        self.status.setTextFormat(Qt.PlainText)
        self.status.setText(self.tr("Could not write the demo dataset: {0}").format(message))

    def _set_loader(self, loader_id: str) -> None:
        index = self.loader_combo.findData(loader_id)
        if index >= 0:
            self.loader_combo.setCurrentIndex(index)
        loader = self.state.host.loaders.get(loader_id)
        self.loader_help.setText(plugin_text(loader.description) if loader else "")
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
        if self.state.data_path is None or self._closing:
            return
        if self.runner.is_running():
            # Another dataset was chosen mid-scan: stop that scan, then scan this one.
            self._rescan = True
            self.runner.request_stop()
            return
        host, path, loader_id = self.state.host, self.state.data_path, self.state.loader_id
        options = self.options_form.values()
        self.state.loader_options = options
        self._show_empty(self.tr("Scanning…"))
        self.status.setTextFormat(Qt.PlainText)
        self.status.setText(self.tr("Reading {0}…").format(path))
        self.progress.setRange(0, 0)
        self.state.set_scanning(True)

        self.runner.start(lambda emit, stop: scan_with_samples(host, path, loader_id, options, emit, stop))
        self._update_buttons()

    def _on_event(self, event) -> None:
        if isinstance(event, Progress) and event.total:
            self.progress.setRange(0, event.total)
            self.progress.setValue(event.done)
        elif isinstance(event, Message):
            self.status.setText(event.shown(core_text))

    def _show_empty(self, text: str | None = None) -> None:
        self.chart.set_counts({})
        self.samples.set_images(
            [], text or self.tr("Choose a dataset folder, or use the demo data, to see its classes and images."))
        self.problem_table.setRowCount(0)
        self.tabs.setTabText(1, self.tr("Files to check"))

    def _on_scanned(self, result: ScannedWithSamples) -> None:
        if self._rescan:
            return  # a scan of a dataset no longer chosen
        report = result.report
        counts = report.counts()
        test_counts = report.counts("test") if result.has_test else None
        self.chart.set_counts(counts, test_counts)
        self.samples.set_images(
            [(t.pixels, t.label, self.tr("{0}\n(as training sees it: resized to a square)").format(t.path))
             for t in result.samples],
            self.tr("No usable images."),
        )
        rows = [(p, self.tr("not used"), r) for p, r in report.rejected]
        rows += [(p, self.tr("passed over"), r) for p, r in report.passed_over]
        rows += [(p, self.tr("used; check"), r) for p, r in report.flagged]
        self.problem_table.setSortingEnabled(False)
        self.problem_table.setRowCount(len(rows))
        for i, (p, status, reason) in enumerate(rows):
            for j, text in enumerate((str(p), status, shown(reason, core_text))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.problem_table.setItem(i, j, item)
        self.problem_table.setSortingEnabled(True)
        self.tabs.setTabText(1, self.tr("Files to check ({0:,})").format(len(rows)))
        total = sum(counts.values())
        text = self.tr("<b>{0:,}</b> usable training images in <b>{1}</b> classes").format(total, len(counts))
        if test_counts:
            text += self.tr(", <b>{0:,}</b> test images").format(sum(test_counts.values()))
        if report.rejected:
            text += self.tr("; <b>{0:,}</b> files cannot be used (see Files to check)").format(len(report.rejected))
        for n in report.notes:
            text += f"<br>ℹ {html.escape(shown(n, core_text), quote=False)}"
        for w in report.warnings:
            text += f"<br>⚠ {html.escape(shown(w, core_text), quote=False)}"
        self.status.setTextFormat(Qt.RichText)
        self.status.setText(text)
        self.split_panel.set_source_images(result.samples, result.has_test)
        self.state.set_scan(report)
        self.scan_finished.emit(report)

    def _on_failed(self, message: str, _tb: str) -> None:
        if self._rescan:
            return
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        # Plain text: a message such as "expected <folder>/<class>/<image>" is not markup.
        self.status.setTextFormat(Qt.PlainText)
        self.status.setText(self.tr("Could not read the dataset: {0}").format(message) + "\n\n" + self.layouts_text())
        self._show_empty(self.tr("No images to show: the dataset could not be read."))
        self.state.set_scanning(False, message)
        if self.state.data_path is not None and is_predict_input(self.state.data_path):
            self.prediction_input.emit(self.state.data_path)

    def _on_cancelled(self) -> None:
        if self._rescan:
            return
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setTextFormat(Qt.PlainText)
        self.status.setText(self.tr("Scan cancelled. Scan reads the dataset again; training checks it anyway."))
        self._show_empty(self.tr("Scan cancelled."))

    def layouts_text(self) -> str:
        """The dataset layouts the loaders understand, in words, one a line."""
        lines = [f"• {plugin_text(loader.name)}: {plugin_text(loader.description)}"
                 for loader in self.state.host.loaders.values()]
        return self.tr("Layouts understood:") + "\n" + "\n".join(lines)

    def _scan_ended(self) -> None:
        if self._rescan:
            self._rescan = False
            self.start_scan()
        elif self.state.scanning:  # cancelled
            self.state.set_scanning(False)
        self._update_buttons()

    def check_labels(self) -> None:
        """Open the Check labels window on the chosen dataset and start the check."""
        from alexnet_desktop.gui.label_check import CheckLabelsDialog

        self.check_dialog = CheckLabelsDialog(self.state.host, self.state.data_path, self.state.loader_id,
                                              self.state.loader_options, parent=self)
        self.check_dialog.open()
        self.check_dialog.start()

    def _update_buttons(self) -> None:
        busy = self.runner.is_running() or self.demo_runner.is_running()
        self.scan_button.setEnabled(not busy and self.state.data_path is not None)
        self.check_button.setEnabled(not busy and self.state.data_path is not None)
        self.cancel_button.setEnabled(self.runner.is_running())  # the demo's writing is short, and whole or absent
        self.browse_button.setEnabled(not busy)
        self.file_button.setEnabled(not busy)
        self.demo_button.setEnabled(not busy)
        self.loader_combo.setEnabled(not busy)
        if not busy and self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
