"""The Model page's "More to learn from" box: an unlabelled folder (FixMatch) and a backbone's weights.

Edits `settings.unlabelled`, `unlabelled_threshold`, `unlabelled_ratio`, `backbone_weights`,
`backbone_frozen_epochs` and `fine_tune_factor` (see core/training/fixmatch.py and
core/model/backbones.py); the backbone's rows show only for an architecture with a pretrained
backbone.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget,
)

from alexnet_desktop.core.model.backbones import IMAGENET, RANDOM
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.widgets import button

FILE = "file"


class MoreDataBox(QGroupBox):
    """Also learn from the unlabelled images of a folder; where an ImageNet backbone starts from."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("More to learn from"), parent)
        self.state = state
        self._loading = False
        self._weights_file = ""
        self._folder = ""
        self._counted: tuple[str, int] = ("", 0)  # the folder whose images were counted, and how many
        self.use_unlabelled = QCheckBox(self.tr("Also learn from the unlabelled images in a folder"))
        self.use_unlabelled.setToolTip(self.tr(
            "FixMatch: where the model is confident about an unlabelled image (lightly changed), that answer "
            "becomes the target for a strongly changed copy of it. The images are read where they are, never copied"))
        self.folder_button = button(self.tr("Choose the unlabelled folder…"), self.tr("A folder of images without labels"),
                                    self.choose_folder)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.5, 1.0)
        self.threshold.setDecimals(2)
        self.threshold.setSingleStep(0.01)
        self.threshold.setToolTip(self.tr("How confident a prediction must be to become a target"))
        self.ratio = QSpinBox()
        self.ratio.setRange(1, 16)
        self.ratio.setToolTip(self.tr("Unlabelled images per labelled one in each training step"))
        self.weights = QComboBox()
        for value, text in ((IMAGENET, self.tr("ImageNet (Keras's file on this machine)")),
                            (FILE, self.tr("a weights file I choose")), (RANDOM, self.tr("random weights"))):
            self.weights.addItem(text, value)
        self.weights.setToolTip(self.tr("Never downloaded: Keras's file in ~/.keras/models, or a file you choose"))
        self.weights_label = QLabel()
        self.weights_label.setWordWrap(True)
        self._backbone_start()

        self.form = form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        form.addRow(self.use_unlabelled)
        form.addRow(self.tr("Unlabelled folder:"), self.folder_button)
        form.addRow(self.folder_label)  # the whole width: a long path or note wraps into fewer lines
        form.addRow(self.tr("Confidence threshold:"), self.threshold)
        form.addRow(self.tr("Unlabelled per labelled:"), self.ratio)
        form.addRow(self.tr("Backbone weights:"), self.weights)
        form.addRow(self.weights_label)
        form.addRow(self.tr("Backbone frozen for:"), self.frozen)
        form.addRow(self.tr("Then fine-tuned at:"), self.factor)
        self.load()
        self.use_unlabelled.toggled.connect(self._toggled)
        self.threshold.valueChanged.connect(self._store)
        self.ratio.valueChanged.connect(self._store)
        self.weights.currentIndexChanged.connect(self._weights_changed)
        self.frozen.valueChanged.connect(self._store)
        self.factor.valueChanged.connect(self._store)
        state.settings_changed.connect(self.load)

    def _backbone_start(self) -> None:
        """The two controls of a pretrained backbone's start; their lowest value means "the
        architecture's own" (None in the settings)."""
        self.frozen = QSpinBox()
        self.frozen.setRange(-1, 1000)
        self.frozen.setSuffix(self.tr(" epochs"))
        self.frozen.setToolTip(self.tr("The first epochs train only the new classifier, the ImageNet backbone frozen"))
        self.factor = QDoubleSpinBox()
        self.factor.setRange(0.0, 1.0)
        self.factor.setDecimals(3)
        self.factor.setSingleStep(0.01)
        self.factor.setSuffix(self.tr(" × the learning rate"))
        self.factor.setToolTip(self.tr("After the frozen epochs the whole network trains, at this fraction of the "
                                       "learning rate so the ImageNet features are not lost"))

    def load(self) -> None:
        """Show the settings' unlabelled folder and backbone weights."""
        s = self.state.settings
        self._loading = True
        try:
            self._folder = s.unlabelled or self._folder
            self.use_unlabelled.setChecked(bool(s.unlabelled))
            self.threshold.setValue(s.unlabelled_threshold)
            self.ratio.setValue(s.unlabelled_ratio)
            choice = s.backbone_weights if s.backbone_weights in (IMAGENET, RANDOM) else FILE
            if choice == FILE:
                self._weights_file = s.backbone_weights
            self.weights.setCurrentIndex(self.weights.findData(choice))
            self.frozen.setValue(-1 if s.backbone_frozen_epochs is None else s.backbone_frozen_epochs)
            self.factor.setValue(0.0 if s.fine_tune_factor is None else s.fine_tune_factor)
        finally:
            self._loading = False
        self.show_state()

    def choose_folder(self) -> None:
        """Ask for the folder of unlabelled images."""
        path = QFileDialog.getExistingDirectory(self, self.tr("Which folder of unlabelled images?"), str(Path.home()))
        if path:
            self._folder = path
            self.use_unlabelled.setChecked(True)
            self._store()

    def _folder_text(self) -> str:
        """The chosen folder and how many images it holds (counted once per folder: a large one
        takes a moment), or that it holds none."""
        if not self._folder:
            return self.tr("none chosen")
        if self._counted[0] != self._folder:
            from alexnet_desktop.core.data.image_files import list_image_files

            try:
                self._counted = (self._folder, len(list_image_files(Path(self._folder)).files))
            except OSError:
                self._counted = (self._folder, 0)
        found = self._counted[1]
        if not found:
            return self.tr("{0}: <b>no images in this folder</b> (choose another)").format(html.escape(self._folder))
        return self.tr("{0} ({1:,} image files)").format(html.escape(self._folder), found)

    def choose_weights(self) -> None:
        """Ask for the backbone's weights file."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Which weights file?"), str(Path.home()),
                                              self.tr("Keras weights (*.h5)"))
        if path:
            self._weights_file = path
        self._store()

    def _toggled(self, on: bool) -> None:
        if on and not self._folder and not self._loading:
            self.choose_folder()
        self._store()

    def _weights_changed(self) -> None:
        if not self._loading and self.weights.currentData() == FILE:
            self.choose_weights()
        self._store()

    def _store(self) -> None:
        if self._loading:
            return
        s = self.state.settings
        s.unlabelled = self._folder if self.use_unlabelled.isChecked() and self._folder else None
        s.unlabelled_threshold = self.threshold.value()
        s.unlabelled_ratio = self.ratio.value()
        choice = self.weights.currentData()
        s.backbone_weights = (self._weights_file or IMAGENET) if choice == FILE else choice
        s.backbone_frozen_epochs = None if self.frozen.value() < 0 else self.frozen.value()
        s.fine_tune_factor = None if self.factor.value() <= 0 else self.factor.value()
        self.show_state()

    def show_state(self) -> None:
        """Show the rows that apply: the folder's when on, the weights' for a pretrained backbone."""
        s = self.state.settings
        on = self.use_unlabelled.isChecked()
        for row in (self.folder_button, self.folder_label, self.threshold, self.ratio):
            self.form.setRowVisible(row, on)
        self.folder_label.setText(self._folder_text())
        arch = self.state.host.architectures.get(s.arch)
        pretrained = getattr(arch, "pretrained", None)
        for row in (self.weights, self.weights_label, self.frozen, self.factor):
            self.form.setRowVisible(row, pretrained is not None)
        if pretrained is not None:
            self.frozen.setSpecialValueText(self.tr("the architecture's ({0} epochs)").format(pretrained.frozen_epochs))
            self.factor.setSpecialValueText(self.tr("the architecture's ({0:g} × the rate)").format(
                pretrained.fine_tune_factor))
            for box in (self.frozen, self.factor):  # wide enough for its default's words, not only a number
                box.setMinimumWidth(box.fontMetrics().horizontalAdvance(box.specialValueText()) + 48)
            self.weights_label.setText(
                self._weights_file if self.weights.currentData() == FILE else self._cached_weights(pretrained)
                if self.weights.currentData() == IMAGENET else self.tr("the backbone learns from scratch"))

    def _cached_weights(self, pretrained) -> str:
        """Whether Keras's file is where training will look, said before Start rather than after."""
        from alexnet_desktop.core.model.backbones import cached_file

        path = cached_file(pretrained)
        folder = path.parent
        if path.is_file():
            return self.tr("found {0} in {1}").format(pretrained.file_name, folder)
        return self.tr("<b>not on this machine:</b> {0} is not in {1}. Copy it there from a machine that has it "
                       "(see README), choose a file, or train from random weights").format(pretrained.file_name, folder)
