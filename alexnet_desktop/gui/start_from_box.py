"""The Model page's "Start from" box: train from scratch, from a run's model or from a model file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from alexnet_desktop.core.runs.folder import list_runs
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.widgets import button

NOTHING, RUN, MODEL_FILE = "nothing", "run", "model"


class StartFromBox(QGroupBox):
    """Edits `settings.start_from` and `settings.freeze_epochs`.

    A run is picked from the workspace's runs that have a model; a model file with a file
    dialog. Choosing a run emits `run_chosen(arch_id, image_size)`, so the page can take
    its architecture and input size (a run of another one would be refused).
    """

    run_chosen = Signal(str, int)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Start from"), parent)
        self.state = state
        self._loading = False
        self._model_file = ""
        self.kind = QComboBox()
        for value, text in ((NOTHING, self.tr("(nothing): new random weights")), (RUN, self.tr("a run")),
                            (MODEL_FILE, self.tr("a model file"))):
            self.kind.addItem(text, value)
        self.kind.setToolTip(self.tr("Start from the weights of an earlier run or a .keras model of the same "
                                     "architecture and input size: every layer is copied, the classifier only when "
                                     "the classes are the same"))
        self.runs = QComboBox()
        self.runs.setToolTip(self.tr("The workspace's runs that have a model"))
        self.choose = button(self.tr("Choose a model file…"), self.tr("A .keras model, with labels.txt beside it"),
                             self.choose_model_file)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.freeze = QSpinBox()
        self.freeze.setRange(0, 10000)
        self.freeze.setSpecialValueText(self.tr("none"))
        self.freeze.setSuffix(self.tr(" epochs"))
        self.freeze.setToolTip(self.tr("Train only the classifier for the first epochs, then every layer"))

        self.form = form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        form.addRow(self.tr("Start from:"), self.kind)
        form.addRow(self.tr("Run:"), self.runs)
        file_row = QHBoxLayout()
        file_row.addWidget(self.choose)
        file_row.addWidget(self.file_label, 1)
        self.file_row = QWidget()
        self.file_row.setLayout(file_row)
        file_row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Model file:"), self.file_row)
        form.addRow(self.tr("Frozen copied layers:"), self.freeze)

        self.refresh_runs()
        self.load()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.runs.currentIndexChanged.connect(self._run_changed)
        self.freeze.valueChanged.connect(self._store)
        state.runs_changed.connect(self.refresh_runs)

    def refresh_runs(self) -> None:
        """List the workspace's runs that have a model (newest first), keeping the choice."""
        chosen = self.runs.currentData()
        self.runs.blockSignals(True)
        self.runs.clear()
        for run, manifest in list_runs(self.state.workspace.runs_dir):
            if run.model_path.is_file():
                arch = manifest.architecture.id or "?"
                self.runs.addItem(self.tr("{0} ({1}, {2} px)").format(run.path.name, arch, manifest.image_size),
                                  str(run.path))
        index = self.runs.findData(chosen) if chosen else -1
        self.runs.setCurrentIndex(max(index, 0) if self.runs.count() else -1)
        self.runs.blockSignals(False)

    def load(self) -> None:
        """Show `state.settings.start_from` and `freeze_epochs`."""
        s = self.state.settings
        self._loading = True
        try:
            source = s.start_from
            if not source:
                self.kind.setCurrentIndex(self.kind.findData(NOTHING))
            elif Path(source).is_dir():
                self.kind.setCurrentIndex(self.kind.findData(RUN))
                self.refresh_runs()
                if self.runs.findData(source) < 0:
                    self.runs.addItem(Path(source).name, source)
                self.runs.setCurrentIndex(self.runs.findData(source))
            else:
                self.kind.setCurrentIndex(self.kind.findData(MODEL_FILE))
                self._model_file = source
            self.freeze.setValue(s.freeze_epochs)
        finally:
            self._loading = False
        self._show()

    def choose_model_file(self) -> None:
        """Ask for a `.keras` model to start from."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Start from which model?"), str(Path.home()),
                                              self.tr("Keras models (*.keras)"))
        if path:
            self._model_file = path
            self._store()

    def _kind_changed(self) -> None:
        if self._loading:
            return
        self._store()
        if self.kind.currentData() == RUN:
            self._run_changed()
        elif self.kind.currentData() == MODEL_FILE and not self._model_file:
            self.choose_model_file()

    def _run_changed(self) -> None:
        if self._loading:
            return
        self._store()
        run = self.runs.currentData()
        if self.kind.currentData() == RUN and run:
            from alexnet_desktop.core.runs.manifest import RunManifest

            try:
                manifest = RunManifest.read(Path(run))
            except (OSError, ValueError):
                return
            if manifest.architecture.id and manifest.image_size:
                self.run_chosen.emit(manifest.architecture.id, int(manifest.image_size))

    def _store(self) -> None:
        if self._loading:
            return
        s = self.state.settings
        kind = self.kind.currentData()
        s.start_from = (self.runs.currentData() or None) if kind == RUN else (self._model_file or None) \
            if kind == MODEL_FILE else None
        s.freeze_epochs = self.freeze.value() if s.start_from else 0
        self._show()

    def _show(self) -> None:
        kind = self.kind.currentData()
        self.form.setRowVisible(self.runs, kind == RUN)
        self.form.setRowVisible(self.file_row, kind == MODEL_FILE)
        self.form.setRowVisible(self.freeze, kind != NOTHING)
        if kind == RUN and not self.runs.count():
            self.runs.setPlaceholderText(self.tr("no run with a model yet"))
        self.file_label.setText(Path(self._model_file).name if self._model_file else self.tr("none chosen"))
        self.file_label.setToolTip(self._model_file)
