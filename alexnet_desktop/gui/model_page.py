"""The Model page: which architecture, at which input size, trained with which settings."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from alexnet_desktop.core.training.settings import SETTINGS, Setting, recipe_settings
from alexnet_desktop.core.model.summary import ModelSummary, model_summary
from alexnet_desktop.gui.i18n import core_text, plugin_text
from alexnet_desktop.gui.more_data_box import MoreDataBox
from alexnet_desktop.gui.start_from_box import StartFromBox
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.widgets import button, heading
from alexnet_desktop.gui.worker import JobRunner


def _spin(low: int, high: int, tip: str, suffix: str = "") -> QSpinBox:
    w = QSpinBox()
    w.setRange(low, high)
    if tip:
        w.setToolTip(tip)
    if suffix:
        w.setSuffix(suffix)
    return w


# The controls named otherwise than their setting (the page's names from before the settings
# were declared in one place; tests and other pages use them).
_ATTRIBUTE = {"lr_schedule": "schedule", "lr_step_epochs": "step_epochs", "lr_factor": "factor",
              "lr_patience": "patience"}


def _field(setting: Setting) -> QWidget:
    """The control for `setting`, as its declaration says: a list of its choices, or a spin box
    over the row's range; its tooltip is the setting's help (and what each choice is for)."""
    row = setting.row
    tip = core_text(setting.help)
    if setting.choices:
        w = QComboBox()
        for i, value in enumerate(setting.choices):
            w.addItem(core_text(row.texts[i]) if row.texts else value, value)
            if row.tips:
                w.setItemData(i, core_text(row.tips[value]), Qt.ToolTipRole)
        if row.tips:
            shown = row.texts or setting.choices
            tip += "\n" + "\n".join(f"{core_text(t)}: {core_text(row.tips[v])}" for t, v in zip(shown, setting.choices))
    elif setting.kind is float:
        w = QDoubleSpinBox()
        w.setDecimals(row.decimals)
        w.setRange(row.low, row.high)
        w.setSingleStep(row.step)
    else:
        w = _spin(int(row.low), int(row.high), "", core_text(row.suffix))
        if row.special:
            w.setSpecialValueText(core_text(row.special))
    w.setToolTip(tip)
    return w


class LayerTable(QWidget):
    """The `model.summary()` table of the chosen architecture, built off the GUI thread.

    Building AlexNet allocates its 60 million weights (about a second), so the table is
    made in a worker, a moment after the last change, only while the table is on screen,
    and only the latest request is shown.
    """

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = JobRunner(self, succeeded=self._show, failed=self._failed, finished=self._next)
        self._wanted: tuple[str, int, int] | None = None
        self._shown: tuple[str, int, int] | None = None
        self._building: tuple[str, int, int] | None = None
        self.summary: ModelSummary | None = None
        self._timer = QTimer(self, singleShot=True, interval=250, timeout=self._next)

        self.classes = _spin(2, 100000, self.tr("Number of classes the last layer is built for (the dataset's, once it is checked)"))
        self.classes.setValue(10)
        self.classes.valueChanged.connect(self.request)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Type"), self.tr("Output shape"), self.tr("Parameters")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.totals = QLabel("")
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Classes:")))
        top.addWidget(self.classes)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)

    def request(self) -> None:
        """Rebuild the table for the current architecture, size and class count (debounced)."""
        s = self.state.settings
        self._wanted = (s.arch, s.image_size, self.classes.value())
        if self._wanted != self._shown:
            self.totals.setText(self.tr("Building the layer table…"))
            self._timer.start()

    def showEvent(self, event) -> None:  # built only when seen: nobody waits on a hidden table
        super().showEvent(event)
        self._timer.start()

    def _next(self) -> None:
        if not self.isVisible() or self.runner.is_running() or self._wanted is None or self._wanted == self._shown:
            return
        arch = self.state.host.architectures.get(self._wanted[0])
        if arch is None:
            return
        arch_id, size, classes = key = self._wanted
        self._building = key
        self.runner.start(lambda emit, stop: (key, model_summary(arch, classes, size)))

    def _show(self, result) -> None:
        key, summary = result
        if key != self._wanted:
            return  # settings changed while it was built; `finished` starts the wanted one
        self._shown, self.summary = key, summary
        self.table.setRowCount(len(summary.rows))
        for r, (name, kind, shape, params) in enumerate(summary.rows):
            for c, text in enumerate((name, kind, shape, f"{params:,}")):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, c, item)
        megabytes = summary.total * 4 / 2**20
        self.totals.setText(
            self.tr("<b>Total parameters: {0:,}</b> ({1:,.1f} MB as float32) · trainable {2:,} · "
                    "non-trainable {3:,} · for {4} classes at {5}x{5}").format(
                summary.total, megabytes, summary.trainable, summary.total - summary.trainable,
                summary.num_classes, summary.image_size))

    def _failed(self, message: str, tb: str) -> None:
        self._shown = self._building
        self.table.setRowCount(0)
        self.totals.setText(self.tr("<b>The model could not be built:</b> {0}").format(message))

    def shutdown(self) -> None:
        """Stop rebuilding (the window is closing)."""
        self._timer.stop()
        self._wanted = None
        self.runner.wait()


class ModelPage(QWidget):
    """Edits `state.settings`; every control writes through as soon as it changes."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._loading = False

        self.arch_combo = QComboBox()
        self.arch_combo.setToolTip(self.tr("The network to train"))
        for arch in state.host.architectures.values():
            self.arch_combo.addItem(plugin_text(arch.name), arch.id)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.reference = QLabel()
        self.reference.setWordWrap(True)
        self.size_note = QLabel()
        self.size_note.setWordWrap(True)
        self.recipe_note = QLabel()
        self.recipe_note.setWordWrap(True)
        self.recipe_button = button(
            self.tr("Use the reference's settings"),
            self.tr("Set the optimizer, learning rate, schedule, batch size, epochs and input size to those of "
                    "the architecture's reference"),
            self.apply_recipe,
        )

        self.fields = {setting.name: _field(setting) for setting in SETTINGS if setting.row}
        for name, widget in self.fields.items():
            setattr(self, _ATTRIBUTE.get(name, name), widget)
        self.layer_table = LayerTable(state)
        self.start_from = StartFromBox(state)
        self.start_from.run_chosen.connect(self._take_run_shape)

        arch_box = QGroupBox(self.tr("Architecture"))
        av = QVBoxLayout(arch_box)
        av.addWidget(self.arch_combo)
        av.addWidget(self.description)
        av.addWidget(self.reference)
        size_form = QFormLayout()
        size_form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        av.addLayout(size_form)
        av.addWidget(self.size_note)

        train_box = QGroupBox(self.tr("Training settings"))
        tv = QVBoxLayout(train_box)
        recipe_row = QHBoxLayout()
        recipe_row.addWidget(self.recipe_button, 0, Qt.AlignTop)
        recipe_row.addWidget(self.recipe_note, 1)
        tv.addLayout(recipe_row)
        self.form = form = QFormLayout()
        tv.addLayout(form)
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        for setting in SETTINGS:
            if setting.row:
                into = size_form if setting.row.group == "architecture" else form
                into.addRow(core_text(setting.row.label), self.fields[setting.name])

        layers_box = QGroupBox(self.tr("Layers"))
        QVBoxLayout(layers_box).addWidget(self.layer_table)

        left = QVBoxLayout()
        left.addWidget(arch_box)
        left.addWidget(train_box)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self.start_from)  # beside the settings: the left column is full on a 800 px screen
        self.more_data = MoreDataBox(state)
        right.addWidget(self.more_data)
        right.addWidget(layers_box, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Model")))
        layout.addLayout(columns, 1)

        self.load_settings()
        self.arch_combo.currentIndexChanged.connect(self._arch_changed)
        for w in self.fields.values():
            (w.currentIndexChanged if isinstance(w, QComboBox) else w.valueChanged).connect(self._store)
        state.scan_changed.connect(self._classes_from_scan)
        state.settings_changed.connect(self.load_settings)

    def shutdown(self) -> None:
        """Stop rebuilding the layer table (the window is closing)."""
        self.layer_table.shutdown()

    def load_settings(self) -> None:
        """Show `state.settings` in the controls."""
        s = self.state.settings
        self._loading = True
        try:
            index = self.arch_combo.findData(s.arch)
            if index >= 0:
                self.arch_combo.setCurrentIndex(index)
            self._show_arch()
            for name, w in self.fields.items():
                value = getattr(s, name)
                if isinstance(w, QComboBox):
                    w.setCurrentIndex(max(0, w.findData(value)))
                else:
                    w.setValue(value)
            self.start_from.load()
        finally:
            self._loading = False
        self._store()

    def apply_recipe(self) -> None:
        """Apply the chosen architecture's reference settings (and its published input size)."""
        arch = self.state.host.architectures.get(self.state.settings.arch)
        if arch is None or arch.recipe is None:
            return
        for key, value in recipe_settings(arch.recipe).items():
            setattr(self.state.settings, key, value)
        self.state.settings.image_size = arch.default_input_shape[0]
        self.load_settings()

    def _take_run_shape(self, arch_id: str, image_size: int) -> None:
        """A run to start from sets the architecture and input size (another would be refused)."""
        if arch_id in self.state.host.architectures:
            self.state.settings.arch, self.state.settings.image_size = arch_id, image_size
            self.load_settings()

    def _arch_changed(self) -> None:
        if self._loading:
            return
        # The new architecture's own defaults replace the old one's, but not a setting the user changed.
        architectures = self.state.host.architectures
        s = self.state.settings
        s.switch_architecture(architectures.get(s.arch), architectures.get(self.arch_combo.currentData()))
        s.arch = self.arch_combo.currentData()
        self.load_settings()

    def _show_arch(self) -> None:
        arch = self.state.host.architectures.get(self.arch_combo.currentData())
        if arch is None:
            self.description.setText(self.tr("No architecture plugin is loaded (see Plugins)."))
            self.recipe_button.setEnabled(False)
            return
        self.description.setText(plugin_text(arch.description))
        self.reference.setText(self.tr("<i>Reference:</i> {0}").format(arch.reference))
        self.image_size.setMinimum(arch.min_input_size)
        self.size_note.setText(
            self.tr("{0} px as published; the smallest it can take is {1} px. "
                    "A smaller size trains several times faster on a CPU.").format(
                arch.default_input_shape[0], arch.min_input_size))
        self.recipe_button.setEnabled(arch.recipe is not None)
        self.recipe_note.setText(plugin_text(arch.recipe.source) if arch.recipe else
                                 self.tr("Its reference gives no training settings."))

    def _classes_from_scan(self) -> None:
        scan = self.state.scan
        if scan is not None and len(scan.class_names) >= 2:
            self.layer_table.classes.setValue(len(scan.class_names))

    def _store(self) -> None:
        if self._loading:
            return
        s = self.state.settings
        s.arch = self.arch_combo.currentData() or s.arch
        for name, w in self.fields.items():
            setattr(s, name, w.currentData() if isinstance(w, QComboBox) else w.value())
        for setting in SETTINGS:
            if setting.row and setting.row.shown_when and setting.row.group != "architecture":
                on, values = setting.row.shown_when
                self.form.setRowVisible(self.fields[setting.name], getattr(s, on) in values)
        self.more_data.show_state()
        self.layer_table.request()
