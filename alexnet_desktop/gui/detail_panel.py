"""The side panel of the Predict and Evaluate pages: the selected image large, its top-k
probabilities, its path, and a heat map of the model's reasons."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget,
)

from alexnet_desktop.core.events import Progress
from alexnet_desktop.core.model.explain import DEFAULT_METHOD, GRAD_CAM, METHOD_NAMES, METHODS, OCCLUSION
from alexnet_desktop.core.model.explain_image import HeatMap, HeatProgress, ImageDecoded, ModelLoaded, explain_image
from alexnet_desktop.core.labelling.session import UNCERTAIN_LABEL, LabelSession
from alexnet_desktop.core import wording
from alexnet_desktop.gui.i18n import core_text
from alexnet_desktop.gui.viewer import label_text, qimage
from alexnet_desktop.gui.worker import JobRunner


class Picture(QLabel):
    """An image shown whole in the space the panel gives it, at its own aspect ratio: scaled
    down to fit (never cropped) or up from small ones (CIFAR's 32 px, the demo's 128), in an
    area of fixed height so the controls below it stay where they are."""

    def __init__(self, text: str, height: int) -> None:
        super().__init__(text)
        self._source = QPixmap()
        self.setAlignment(Qt.AlignCenter)
        self.setMinimumWidth(160)
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)

    def setPixmap(self, pixmap: QPixmap) -> None:
        """Show `pixmap`, fitted to the label now and whenever the label is resized."""
        self._source = QPixmap(pixmap)
        self._rescale()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._source.isNull():
            super().setPixmap(QPixmap())
            return
        small = max(self._source.width(), self._source.height()) <= 64
        super().setPixmap(self._source.scaled(self.contentsRect().size(), Qt.KeepAspectRatio,
                                              Qt.FastTransformation if small else Qt.SmoothTransformation))


class DetailPanel(QWidget):
    """The selected image large, its top-k probabilities as bars, and its path; with a model
    set (`set_model`), a heat map over the image (occlusion by default, or Grad-CAM) for the
    predicted or a chosen class, made on the image as the model sees it and laid over the
    image at its own aspect ratio.

    The image is decoded in a worker, the heat map after it, so a large photo never freezes
    the window at an arrow key (benchmarks/NOTES.md). While it decodes, the last image stays
    (no blink between quick ones). A heat map still being made when the selection, method or
    class changes is stopped (occlusion takes about a second on a CPU)."""

    TOP_K = 5
    SIZE = 320

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(280)
        self.loaded = None  # core.predict.LoadedModel
        self._model_run: Path | None = None  # a run whose model is offered, not loaded yet (offer_model)
        self._shown: tuple | None = None
        self.runner = JobRunner(self, event=self._image_ready, succeeded=self._heat_ready, failed=self._heat_failed,
                                finished=self._next_image)
        self._wanted: tuple | None = None  # (path, heat map wanted, class to explain), latest only
        self.explain = QCheckBox(self.tr("Heat map for"))
        self.explain.setToolTip(self.tr("A heat map over the parts of the image that are evidence for the class"))
        self.explain.setEnabled(False)
        self.explain.toggled.connect(self._refresh)
        self.method = QComboBox()
        tips = {OCCLUSION: self.tr("Occlusion: how much hiding each part of the image lowers the class's score "
                                   "(64 passes of the model; about a second on a CPU)"),
                GRAD_CAM: self.tr("Grad-CAM: the last convolution's maps weighed by the class score's gradient "
                                  "(one pass; as coarse as that layer's grid)")}
        for m in METHODS:
            self.method.addItem(core_text(METHOD_NAMES[m]), m)
            self.method.setItemData(self.method.count() - 1, tips[m], Qt.ToolTipRole)
        self.method.setCurrentIndex(self.method.findData(DEFAULT_METHOD))
        self.method.setToolTip(self.tr("How the heat map is made"))
        self.method.setEnabled(False)
        self.method.currentIndexChanged.connect(self._refresh)
        self.heat_status = QLabel()
        self.heat_status.setWordWrap(True)
        self.explain_class = QComboBox()
        self.explain_class.setToolTip(self.tr("Explain the predicted class, or another one"))
        self.explain_class.currentIndexChanged.connect(self._refresh)
        self.image = Picture(self.tr("Select an image"), self.SIZE)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.path = QLabel()
        self.path.setWordWrap(True)
        self.path.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.bars: list[tuple[QLabel, QProgressBar]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.image)
        row = QHBoxLayout()
        row.addWidget(self.explain)
        row.addWidget(self.explain_class, 1)
        layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("made by")))
        row.addWidget(self.method, 1)
        layout.addLayout(row)
        layout.addWidget(self.heat_status)
        layout.addWidget(self.title)
        for _ in range(self.TOP_K):
            name, bar = QLabel(), QProgressBar()
            bar.setRange(0, 1000)
            bar.setTextVisible(True)
            layout.addWidget(name)
            layout.addWidget(bar)
            self.bars.append((name, bar))
        layout.addWidget(self.path)
        layout.addStretch(1)
        self.show_row(None, None)

    def _fit(self, pixels: np.ndarray) -> QPixmap:
        """The image as a pixmap (the `Picture` fits it to the panel)."""
        return QPixmap.fromImage(qimage(pixels))

    def set_model(self, loaded) -> None:
        """The model whose reasons the heat map shows (None: no heat map)."""
        self.loaded, self._model_run = loaded, None
        self._offer_classes(loaded.class_names if loaded else None)

    def offer_model(self, run_dir: Path, class_names: list[str]) -> None:
        """Offer the heat map with the model of run `run_dir`, loaded in the worker the first
        time a heat map is asked for: a run that just finished shows its evaluation without
        a second copy of its model in memory until the user wants one."""
        self.loaded, self._model_run = None, Path(run_dir)
        self._offer_classes(class_names)

    def model_run(self) -> Path | None:
        """The run folder whose model the heat map uses (loaded or offered), if known."""
        if self._model_run is not None:
            return self._model_run
        return Path(self.loaded.source).parent if self.loaded is not None else None

    def _offer_classes(self, class_names: list[str] | None) -> None:
        self.explain.setEnabled(class_names is not None)
        self.method.setEnabled(class_names is not None)
        self.explain_class.blockSignals(True)
        self.explain_class.clear()
        self.explain_class.addItem(self.tr("the predicted class"), None)
        for i, name in enumerate(class_names or []):
            self.explain_class.addItem(name, i)
        self.explain_class.blockSignals(False)

    def _refresh(self) -> None:
        if self._shown:
            self.show_row(*self._shown)

    def _request_image(self, path: Path) -> None:
        heat = self.explain.isChecked() and (self.loaded is not None or self._model_run is not None)
        self._wanted = (path, heat, self.explain_class.currentData(), self.method.currentData())
        if self.runner.is_running():
            self.runner.request_stop()  # a heat map nobody will see: the next starts when it has stopped
        self.heat_status.setText("")
        self._next_image()

    def _next_image(self) -> None:
        if self.runner.is_running() or self._wanted is None:
            return
        path, heat, class_index, method = self._wanted
        self._wanted = None
        loaded, size = self.loaded if heat else None, self.SIZE  # the model only when it is needed
        run = self._model_run

        def job(emit, stop):
            return explain_image(path, size, heat=heat, loaded=loaded, run=run, class_index=class_index,
                                 method=method, emit=emit, stop=stop)

        self.runner.start(job)

    def _is_shown(self, path: Path) -> bool:
        if not self._shown:
            return False
        session, i = self._shown
        return i < len(session.rows) and str(session.rows[i].path) == str(path)

    def _image_ready(self, event) -> None:
        if isinstance(event, ModelLoaded):  # an offered model, loaded for its first heat map: kept for the next
            if self.loaded is None and self._model_run == event.run:
                self.loaded = event.loaded
            return
        if isinstance(event, HeatProgress):
            progress = event.progress
            if self._is_shown(event.path) and isinstance(progress, Progress) and progress.done < progress.total:
                self.heat_status.setText(self.tr("Making the heat map: {0} of {1} views").format(progress.done, progress.total))
            return
        if not isinstance(event, ImageDecoded) or not self._is_shown(event.path):
            return  # the user has moved on; the next image is on its way
        if event.pixels is None:
            self.image.setPixmap(QPixmap())
            self.image.setText(wording.shown(event.reason, core_text))
        else:
            self.image.setPixmap(self._fit(event.pixels))
        self.image.setToolTip("")

    def _heat_ready(self, result: HeatMap | None) -> None:
        if result is None:
            return
        if self._is_shown(result.path):
            self.image.setPixmap(self._fit(result.pixels))
            self.image.setToolTip(self.tr("Heat map for {0}").format(result.class_name))
            self.heat_status.setText(self.tr("{0} map for {1} ({2:.1%}): red is where the evidence lies").format(
                core_text(METHOD_NAMES[result.method]), result.class_name, result.probability))

    def _heat_failed(self, message: str, _tb: str) -> None:
        self.image.setToolTip(self.tr("No heat map: {0}").format(message))
        self.heat_status.setText(self.tr("No heat map: {0}").format(message))

    def show_row(self, session: LabelSession | None, i: int | None) -> None:
        """Show session row `i`, or nothing."""
        self._shown = (session, i) if session is not None and i is not None else None
        for name, bar in self.bars:
            name.hide()
            bar.hide()
        if session is None or i is None:
            self.image.setPixmap(QPixmap())
            self.image.setText(self.tr("Select an image"))
            self.heat_status.setText("")
            self.title.setText("")
            self.path.setText("")
            return
        r = session.rows[i]
        self._request_image(r.path)
        label = session.label(i)
        shown = label_text("unreadable") if label == "" else (label_text(UNCERTAIN_LABEL) if label is None else label)
        how = self.tr("set by you") if session.is_manual(i) else self.tr("predicted")
        self.title.setText(f"<b>{shown}</b> ({how})"
                           + (self.tr(" · model: {0} {1:.1%}").format(r.label, r.confidence) if r.label else ""))
        self.path.setText(str(Path(r.path)))
        if r.probabilities:
            for (name, bar), (cls, p) in zip(self.bars, r.top_k(session.class_names, self.TOP_K)):
                name.setText(cls)
                bar.setValue(int(round(p * 1000)))
                bar.setFormat(f"{p:.1%}")
                name.show()
                bar.show()
