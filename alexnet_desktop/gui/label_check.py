"""The Check labels window: runs the check-labels core job with progress and Cancel, then shows
what it found in the prediction viewer's grid and side panel, reviewed by keyboard. Each decision
(keep, relabel, leave out of training) is written at once to the dataset's corrections file in
the workspace (`core.checking.decisions`); the user's images are never moved. Opened again, the
window shows the decisions already made."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QLabel, QListWidget, QListWidgetItem, QProgressBar, QSplitter,
                               QVBoxLayout, QWidget)

from alexnet_desktop.core.checking.decisions import corrections_path, decide, forget, read_decisions
from alexnet_desktop.core.checking.job import CheckRequest, LabelCheck, check_labels
from alexnet_desktop.core.events import Message, Progress
from alexnet_desktop.core.labelling.predict import Prediction
from alexnet_desktop.core.labelling.session import LabelSession
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.training import events as t
from alexnet_desktop.core.wording import shown
from alexnet_desktop.gui.detail_panel import DetailPanel
from alexnet_desktop.gui.i18n import core_text
from alexnet_desktop.gui.viewer import GridModel, LabelGrid, ThumbnailLoader
from alexnet_desktop.gui.widgets import button, hrow, titled
from alexnet_desktop.gui.worker import JobRunner


def fill_session(session: LabelSession, result: LabelCheck) -> None:
    """Put the images worth a look (label issues, near-duplicates, outliers) in `session` as viewer
    rows: the given label as the row's label, the out-of-sample probabilities as its bars."""
    wanted = [x.index for x in result.label_issues]
    wanted += [i for pair in result.near_duplicates for i in pair[:2]] + [i for i, _ in result.outliers]
    session.reset(list(result.class_names))
    names = {c: k for k, c in enumerate(result.class_names)}
    for i in dict.fromkeys(wanted):
        s, probs = result.samples[i], tuple(float(p) for p in result.probabilities[i])
        session.add([Prediction(Path(s.path), s.label, probs[names[s.label]], probs)])


class CheckLabelsDialog(QDialog):
    """Check a dataset's labels and review what was found (see the module's docstring)."""

    def __init__(self, host: PluginHost, data: Path, loader_id: str | None = None, options: dict | None = None,
                 run: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check labels: {0}").format(Path(data).name))
        self.setObjectName("check_labels_dialog")
        self.resize(1200, 800)
        self.host, self.data, self.loader_id, self.options, self.run = host, Path(data), loader_id, options or {}, run
        self.result: LabelCheck | None = None
        self.corrections = corrections_path(self.data)
        self.runner = JobRunner(self, event=self._on_event, succeeded=self._found, failed=self._failed,
                                finished=self._update_buttons)
        self.thorough = QCheckBox(self.tr("Thorough (also retrain the network on each fold; slower, more of what it lists is right)"))
        self.check_button = button(self.tr("Check"), self.tr("Find the images whose label is probably wrong"), self.start)
        self.cancel_button = button(self.tr("Cancel"), self.tr("Stop the check"), self.runner.request_stop)
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.how = QLabel()
        self.how.setWordWrap(True)
        self.session = LabelSession()
        self.loader = ThumbnailLoader(parent=self)
        self.grid_model = GridModel(self.session, self.loader, self)
        self.grid = LabelGrid(self.session, self.grid_model)
        self.grid.empty_text = self.tr("Nothing checked yet")
        self.grid.labelled.connect(self._decided)
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.detail = DetailPanel()
        self.others = QListWidget()
        self.others.setToolTip(self.tr("Near-duplicates across classes and outliers; click one to select it"))
        self.others.currentItemChanged.connect(self._other_chosen)
        self._build_layout()
        self._update_buttons()

    def _build_layout(self) -> None:
        keys = QLabel(self.tr("Enter: keep the given label · 1-9, 0, letters: relabel · U: leave out of training "
                              "(shown as ?) · Backspace: forget the decision. Decisions are saved as you make them, "
                              "to {0}; a retrain can use that file (train --corrections).").format(self.corrections))
        keys.setWordWrap(True)
        keys.setTextInteractionFlags(Qt.TextSelectableByMouse)
        side = QSplitter(Qt.Vertical)
        side.addWidget(self.detail)
        side.addWidget(titled(QLabel(self.tr("Near-duplicates and outliers")), self.others))
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.grid)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(hrow(self.thorough, self.check_button, self.cancel_button, (self.progress, 1)))
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        layout.addWidget(self.how)
        layout.addWidget(keys)

    def start(self) -> None:
        """Start the check with the chosen path."""
        request = CheckRequest(str(self.data), run=str(self.run) if self.run else None, thorough=self.thorough.isChecked(),
                               loader=self.loader_id, options=dict(self.options))
        host = self.host
        self.status.setText(self.tr("Checking…"))
        self.progress.setRange(0, 0)
        self.runner.start(lambda emit, stop: check_labels(host, request, emit, stop))
        self._update_buttons()

    def _on_event(self, event: Any) -> None:
        if isinstance(event, Progress) and event.total:
            self.progress.setRange(0, event.total)
            self.progress.setValue(event.done)
            self.progress.setFormat(f"%v / %m {shown(event.what, core_text)}")
        elif isinstance(event, Message):
            self.status.setText(event.shown(core_text))
        elif isinstance(event, t.RunStarted):
            self.progress.setRange(0, event.epochs)
            self.progress.setFormat(self.tr("quick model: epoch %v of %m"))
        elif isinstance(event, t.EpochEnded):
            self.progress.setValue(event.epoch + 1)

    def _failed(self, message: str, _tb: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        stopped = self.runner.stop_event.is_set()
        self.status.setText(self.tr("Stopped: nothing was checked.") if stopped else
                            self.tr("<b>Could not check the labels:</b> {0}").format(message))

    def _found(self, result: LabelCheck) -> None:
        self.result = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setFormat("%p%")  # not the last step's "1 / 1 images measured"
        fill_session(self.session, result)
        self.grid.empty_text = self.tr("No image's label looks wrong")  # checked, not "nothing checked yet"
        self._apply_saved_decisions()
        self.grid_model.set_view("all", "confidence-low")  # the given label's probability, lowest first: cleanlab's rank
        self.detail.offer_model(result.run, result.class_names)
        self._fill_others(result)
        self.status.setText(self.tr("{0} image(s) whose label is probably wrong, {1} near-duplicate pair(s) across "
                                    "classes, {2} outlier(s)").format(len(result.label_issues), len(result.near_duplicates),
                                                                       len(result.outliers)))
        how = result.to_dict()["how"]
        self.how.setText(self.tr("{0} path, {1} folds, run {2} ({3}); {4} image(s) not judged (too few of their class); "
                                 "{5:.0f} s").format(how["path"], how["folds"], result.run.name, how["run_source"],
                                                     how["too_few_to_judge"], how["seconds"]))
        if self.grid_model.rowCount():
            self.grid.setCurrentIndex(self.grid_model.index(0))
            self.grid.setFocus()

    def _apply_saved_decisions(self) -> None:
        saved = read_decisions(self.corrections)
        for i, r in enumerate(self.session.rows):
            d = saved.get(Path(r.path))
            if d is not None and (d.label == "" or d.label in self.session.class_names):
                self.session.manual[i] = d.label or None

    def _fill_others(self, result: LabelCheck) -> None:
        self.others.clear()
        row_of = {str(r.path): i for i, r in enumerate(self.session.rows)}
        for i, j, _d in result.near_duplicates:
            a, b = result.samples[i], result.samples[j]
            item = QListWidgetItem(self.tr("near-duplicate: {0} ({1}) and {2} ({3})").format(
                a.path.name, a.label, b.path.name, b.label))
            item.setData(Qt.UserRole, row_of[str(a.path)])
            self.others.addItem(item)
        for i, score in result.outliers:
            s = result.samples[i]
            item = QListWidgetItem(self.tr("outlier: {0} ({1}), score {2:.3f}").format(s.path.name, s.label, score))
            item.setData(Qt.UserRole, row_of[str(s.path)])
            self.others.addItem(item)

    def _other_chosen(self, item: QListWidgetItem | None, _previous) -> None:
        if item is not None and (p := self.grid_model.position(item.data(Qt.UserRole))) is not None:
            self.grid.setCurrentIndex(self.grid_model.index(p))

    def _decided(self, i: int) -> None:
        path = Path(self.session.rows[i].path)
        if i not in self.session.manual:
            forget(self.corrections, path)
        else:
            decide(self.corrections, path, self.session.manual[i] or "")
        self.grid_model.row_changed(i)
        self._current_changed(self.grid.currentIndex(), None)

    def _current_changed(self, current, _previous) -> None:
        i = current.data(GridModel.RowRole) if current.isValid() else None
        self.detail.show_row(self.session if i is not None else None, i)
        if i is not None and self.result is not None:
            r = self.session.rows[i]
            suggested = r.top_k(self.session.class_names, 1)[0][0]
            decided = self.session.manual.get(i, ...)
            said = (self.tr("not decided") if decided is ... else self.tr("left out of training") if decided is None
                    else self.tr("train as {0}").format(decided))
            self.detail.title.setText(self.tr("given <b>{0}</b> ({1:.1%}) · suggested <b>{2}</b> · {3}").format(
                r.label, r.confidence, suggested, said))

    def _update_buttons(self) -> None:
        busy = self.runner.is_running()
        self.check_button.setEnabled(not busy)
        self.thorough.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def done(self, code: int) -> None:
        """Closing stops a running check and the thumbnail thread first (no thread outlives the window)."""
        self.runner.request_stop()
        self.runner.wait()
        self.detail.runner.request_stop()
        self.detail.runner.wait()
        self.loader.close()
        super().done(code)
