"""Split and augmentation settings of the next run, with a live preview of the augmentation."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QVBoxLayout, QWidget,
)

from alexnet_desktop.core.data.augment import PRESETS, Augmentation
from alexnet_desktop.core.data.thumbnails import Thumbnail
from PySide6.QtCore import QT_TRANSLATE_NOOP

from alexnet_desktop.gui.image_grid import ImageGrid
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.widgets import button
from alexnet_desktop.gui.worker import JobRunner

# Texts of these tables are marked for the translators and translated where they are shown.
PRESET_TITLES = {
    "none": QT_TRANSLATE_NOOP("SplitAugmentPanel", "None"),
    "paper": QT_TRANSLATE_NOOP("SplitAugmentPanel", "Paper: random crops + horizontal flips"),
    "seed001": QT_TRANSLATE_NOOP("SplitAugmentPanel", "Seed 001: rotate, shift, shear, zoom, flips"),
    "seed003": QT_TRANSLATE_NOOP("SplitAugmentPanel", "Seed 003: shifts, horizontal flip"),
}
CUSTOM = "custom"
PREVIEW_COUNT = 8
# (field, label, maximum, step, suffix, help)
_NUMBERS = (
    ("rotation", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Rotation"), 180.0, 5.0, " °", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Rotate by up to this many degrees either way")),
    ("width_shift", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Width shift"), 0.9, 0.05, "", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Shift sideways by up to this fraction of the width")),
    ("height_shift", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Height shift"), 0.9, 0.05, "", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Shift up or down by up to this fraction of the height")),
    ("shear", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Shear"), 0.9, 0.05, "", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Slant by up to this fraction of the side")),
    ("zoom", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Zoom"), 0.9, 0.05, "", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Zoom in or out by up to this fraction")),
    ("brightness", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Brightness"), 0.9, 0.05, "", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Darken or brighten by up to this fraction")),
)
# (field, label, help)
_CHECKS = (
    ("random_crop", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Random crop (the paper's 227 of 256)"),
     QT_TRANSLATE_NOOP("SplitAugmentPanel", "Train on a random 227x227 part of each image enlarged to 256, as the AlexNet paper did")),
    ("horizontal_flip", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Flip left-right"), QT_TRANSLATE_NOOP("SplitAugmentPanel", "Mirror half the images: right for scenes, animals and most photos")),
    ("vertical_flip", QT_TRANSLATE_NOOP("SplitAugmentPanel", "Flip upside down"),
     QT_TRANSLATE_NOOP("SplitAugmentPanel", "Turn half the images upside down: only where up has no meaning (microscopy, satellite images)")),
)


class SplitAugmentPanel(QWidget):
    """Edits the split and augmentation fields of `state.settings`; previews the augmentation."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._loading = False
        self._source: list[Thumbnail] = []
        self._source_index = 0
        self._pending = False
        self._closing = False
        self._make_split_widgets()
        self._make_augmentation_widgets()
        self._make_preview()
        self._lay_out()
        self.load_settings()
        self._connect_edits()

    def _make_split_widgets(self) -> None:
        self.val_source = QComboBox()
        self.val_source.addItem(self.tr("A share of the training images"), "split")
        self.val_source.addItem(self.tr("The dataset's test part"), "test")
        self.val_source.setToolTip(self.tr("What the model is validated on after every epoch"))
        self.val_split = QDoubleSpinBox()
        self.val_split.setRange(0.0, 0.9)
        self.val_split.setSingleStep(0.05)
        self.val_split.setToolTip(self.tr("Share of the images held out to validate on (seed 001 used 0.25)"))
        self.stratified = QCheckBox(self.tr("Stratified: every class keeps its share"))
        self.stratified.setToolTip(self.tr("Split class by class; off: split over all images at once (scikit-learn's default)"))
        self.split_note = QLabel(self.tr("The split is reproducible from the seed on the Model page; exact copies of an image stay "
                                       "on one side."))
        self.split_note.setWordWrap(True)

    def _make_augmentation_widgets(self) -> None:
        self.preset = QComboBox()
        for key, title in PRESET_TITLES.items():
            self.preset.addItem(self.tr(title), key)
        self.preset.addItem(self.tr("Custom"), CUSTOM)
        self.preset.setToolTip(self.tr("Ready-made settings from the paper and the seed tutorials"))
        self.checks: dict[str, QCheckBox] = {}
        for name, label, tip in _CHECKS:
            self.checks[name] = QCheckBox(self.tr(label))
            self.checks[name].setToolTip(self.tr(tip))
        self.numbers: dict[str, QDoubleSpinBox] = {}
        for name, _label, top, step, suffix, tip in _NUMBERS:
            w = QDoubleSpinBox()
            w.setRange(0.0, top)
            w.setSingleStep(step)
            w.setDecimals(2)
            w.setSuffix(suffix)
            w.setToolTip(self.tr(tip))
            self.numbers[name] = w

    def _make_preview(self) -> None:
        self.preview = ImageGrid(tile=96)
        self.preview.setMinimumHeight(230)
        self.another = button(
            self.tr("Another image"),
            self.tr("Preview the augmentation on another image of the dataset"),
            self._next_image,
        )
        self.preview_status = QLabel()
        self.preview_status.setWordWrap(True)
        self.runner = JobRunner(
            self,
            succeeded=self._show_preview,
            failed=lambda message, _tb: self.preview_status.setText(self.tr("Preview failed: {0}").format(message)),
            finished=self._preview_done,
        )
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh_preview)

    def _lay_out(self) -> None:
        split_box = QGroupBox(self.tr("Validation split"))
        sf = QFormLayout(split_box)
        sf.addRow(self.tr("Validate on:"), self.val_source)
        sf.addRow(self.tr("Validation share:"), self.val_split)
        sf.addRow("", self.stratified)
        sf.addRow(self.split_note)
        aug_box = QGroupBox(self.tr("Augmentation (training images only)"))
        af = QFormLayout(aug_box)
        af.addRow(self.tr("Preset:"), self.preset)
        for name, _, _ in _CHECKS:
            af.addRow("", self.checks[name])
        for name, label, *_ in _NUMBERS:
            af.addRow(self.tr("{0}:").format(self.tr(label)), self.numbers[name])
        left = QVBoxLayout()
        left.addWidget(split_box)
        left.addWidget(aug_box)
        left.addStretch(1)
        right = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("<b>Preview</b>: what training may see of one image")), 1)
        head.addWidget(self.another)
        right.addLayout(head)
        right.addWidget(self.preview, 1)
        right.addWidget(self.preview_status)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)

    def _connect_edits(self) -> None:
        self.val_source.currentIndexChanged.connect(self._store)
        self.val_split.valueChanged.connect(self._store)
        self.stratified.toggled.connect(self._store)
        self.preset.activated.connect(self._preset_chosen)
        for w in self.checks.values():
            w.toggled.connect(self._edited)
        for w in self.numbers.values():
            w.valueChanged.connect(self._edited)

    # -- settings ---------------------------------------------------------------------

    def load_settings(self) -> None:
        """Show the split and augmentation of `state.settings`."""
        s = self.state.settings
        self._loading = True
        self.val_source.setCurrentIndex(max(0, self.val_source.findData(s.val_source)))
        self.val_split.setValue(s.val_split)
        self.stratified.setChecked(s.stratified)
        self._show_augmentation(Augmentation.from_dict(s.augmentation))
        self._loading = False
        self._update_enabled()

    def augmentation(self) -> Augmentation:
        """The augmentation the controls describe."""
        values = {name: w.isChecked() for name, w in self.checks.items()}
        values.update({name: w.value() for name, w in self.numbers.items()})
        return Augmentation(**values)

    def _show_augmentation(self, aug: Augmentation) -> None:
        for f in fields(aug):
            value = getattr(aug, f.name)
            if f.name in self.checks:
                self.checks[f.name].setChecked(bool(value))
            else:
                self.numbers[f.name].setValue(float(value))
        key = next((k for k, p in PRESETS.items() if p == aug), CUSTOM)
        self.preset.setCurrentIndex(self.preset.findData(key))

    def _preset_chosen(self) -> None:
        key = self.preset.currentData()
        if key == CUSTOM:
            return
        self._loading = True
        self._show_augmentation(PRESETS[key])
        self._loading = False
        self._store()

    def _edited(self) -> None:
        if self._loading:
            return
        aug = self.augmentation()
        key = next((k for k, p in PRESETS.items() if p == aug), CUSTOM)
        self.preset.setCurrentIndex(self.preset.findData(key))
        self._store()

    def _store(self) -> None:
        if self._loading:
            return
        s = self.state.settings
        s.val_source = self.val_source.currentData()
        s.val_split = self.val_split.value()
        s.stratified = self.stratified.isChecked()
        s.augmentation = self.augmentation().to_dict()
        self._update_enabled()
        self._debounce.start()

    def _update_enabled(self) -> None:
        by_share = self.val_source.currentData() == "split"
        self.val_split.setEnabled(by_share)
        self.stratified.setEnabled(by_share)

    # -- preview ----------------------------------------------------------------------

    def set_source_images(self, thumbs: list[Thumbnail], has_test: bool) -> None:
        """The dataset's sample images, to preview the augmentation on; whether it has a test part."""
        self._source = list(thumbs)
        self._source_index = 0
        index = self.val_source.findData("test")
        self.val_source.model().item(index).setEnabled(has_test)
        if not has_test and self.val_source.currentData() == "test":
            self.val_source.setCurrentIndex(0)
        self.refresh_preview()

    def _next_image(self) -> None:
        if self._source:
            self._source_index = (self._source_index + 1) % len(self._source)
            self.refresh_preview()

    def refresh_preview(self) -> None:
        """Recompute the preview in a worker (TensorFlow applies the augmentation)."""
        self.another.setEnabled(len(self._source) > 1)
        if self._closing:
            return
        if not self._source:
            self.preview.set_images([], self.tr("Scan a dataset to preview the augmentation on its images."))
            return
        if self.runner.is_running():
            self._pending = True
            return
        thumb = self._source[self._source_index]
        aug = self.augmentation()
        seed = self._source_index

        def job(emit, stop):
            from alexnet_desktop.core.data.augment import preview

            return thumb, aug, preview(aug, thumb.pixels, PREVIEW_COUNT, seed)

        self.preview_status.setText(self.tr("Computing the preview…"))
        self.runner.start(job)

    def _show_preview(self, result) -> None:
        thumb, aug, images = result
        caption = self.tr("original {0}") if not aug.active else self.tr("augmented {0}")
        items = [(thumb.pixels, self.tr("original"), str(thumb.path))]
        items += [(img, caption.format(i + 1), str(thumb.path)) for i, img in enumerate(images[: PREVIEW_COUNT - 1])]
        self.preview.set_images(items)
        self.preview_status.setText(
            f"{thumb.label}: {thumb.path.name}"
            + ("" if aug.active else self.tr(" — no augmentation: training sees the image as is"))
        )

    def shutdown(self) -> None:
        """Start no further previews (the window is closing); one running ends on its own."""
        self._closing = True
        self._debounce.stop()
        self._pending = False

    def _preview_done(self) -> None:
        if self._pending and not self._closing:
            self._pending = False
            self.refresh_preview()
