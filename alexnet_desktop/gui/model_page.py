"""The Model page: which architecture, at which input size, trained with which settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget,
)

from alexnet_desktop.core.models import OPTIMIZERS
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.widgets import heading


class ModelPage(QWidget):
    """Edits `state.settings`; every control writes through as soon as it changes."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state

        self.arch_combo = QComboBox()
        self.arch_combo.setToolTip("The network to train")
        for arch in state.host.architectures.values():
            self.arch_combo.addItem(arch.name, arch.id)
        self.arch_combo.currentIndexChanged.connect(self._arch_changed)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.reference = QLabel()
        self.reference.setWordWrap(True)
        self.size_note = QLabel()
        self.size_note.setWordWrap(True)

        self.image_size = QSpinBox()
        self.image_size.setRange(16, 1024)
        self.image_size.setSuffix(" px")
        self.image_size.setToolTip("Images are resized to this square size; smaller trains much faster on a CPU")
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 10000)
        self.epochs.setToolTip("How many passes over the training images")
        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, 4096)
        self.batch_size.setToolTip("Images per training step; lower it if memory runs out")
        self.optimizer = QComboBox()
        self.optimizer.addItems(list(OPTIMIZERS))
        self.optimizer.setToolTip("Adam: a safe default. SGD (momentum 0.9): the paper's choice. RMSprop: seed 003's")
        self.learning_rate = QDoubleSpinBox()
        self.learning_rate.setDecimals(6)
        self.learning_rate.setRange(1e-6, 1.0)
        self.learning_rate.setSingleStep(1e-4)
        self.learning_rate.setToolTip("Step size of the optimizer (1e-4 suits Adam; 1e-2 suits SGD)")
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip("Fixes the split, the shuffling and the initial weights, so a run can be repeated")

        self.load_settings()
        for w in (self.image_size, self.epochs, self.batch_size, self.seed):
            w.valueChanged.connect(self._store)
        self.learning_rate.valueChanged.connect(self._store)
        self.optimizer.currentIndexChanged.connect(self._store)

        arch_box = QGroupBox("Architecture")
        av = QVBoxLayout(arch_box)
        row = QHBoxLayout()
        row.addWidget(self.arch_combo, 1)
        av.addLayout(row)
        av.addWidget(self.description)
        av.addWidget(self.reference)

        train_box = QGroupBox("Training settings")
        form = QFormLayout(train_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        form.addRow("Input size:", self.image_size)
        form.addRow("", self.size_note)
        form.addRow("Epochs:", self.epochs)
        form.addRow("Batch size:", self.batch_size)
        form.addRow("Optimizer:", self.optimizer)
        form.addRow("Learning rate:", self.learning_rate)
        form.addRow("Seed:", self.seed)

        layout = QVBoxLayout(self)
        layout.addWidget(heading("Model"))
        layout.addWidget(arch_box)
        layout.addWidget(train_box)
        layout.addStretch(1)

    def load_settings(self) -> None:
        """Show `state.settings` in the controls."""
        s = self.state.settings
        index = self.arch_combo.findData(s.arch)
        if index >= 0:
            self.arch_combo.setCurrentIndex(index)
        self._arch_changed()
        self.image_size.setValue(s.image_size)
        self.epochs.setValue(s.epochs)
        self.batch_size.setValue(s.batch_size)
        self.optimizer.setCurrentText(s.optimizer)
        self.learning_rate.setValue(s.learning_rate)
        self.seed.setValue(s.seed)

    def _arch_changed(self) -> None:
        arch = self.state.host.architectures.get(self.arch_combo.currentData())
        if arch is None:
            self.description.setText("No architecture plugin is loaded (see Plugins).")
            return
        self.state.settings.arch = arch.id
        self.description.setText(arch.description)
        self.reference.setText(f"<i>Reference:</i> {arch.reference}")
        self.image_size.setMinimum(arch.min_input_size)
        self.size_note.setText(
            f"{arch.default_input_shape[0]} px as published; at least {arch.min_input_size} px. "
            "A smaller size trains several times faster on a CPU."
        )

    def _store(self) -> None:
        s = self.state.settings
        s.image_size = self.image_size.value()
        s.epochs = self.epochs.value()
        s.batch_size = self.batch_size.value()
        s.optimizer = self.optimizer.currentText()
        s.learning_rate = self.learning_rate.value()
        s.seed = self.seed.value()
