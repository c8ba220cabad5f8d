"""The Predict page: label a folder with a trained model, review the results in the viewer,
correct them by keyboard, and sort the files into class folders (journalled, undoable).

This module chooses the model and folder and predicts; the review pane is in
`predict_review`, exporting and sorting in `predict_sort`."""

from __future__ import annotations

import html

import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QLabel, QLineEdit, QProgressBar,
    QVBoxLayout, QWidget,
)

from alexnet_desktop.core.events import Progress
from alexnet_desktop.core.labelling.session import SORT_KEYS, UNCERTAIN_LABEL, LabelSession
from alexnet_desktop.core.model.loaded import InputSizeUnknown
from alexnet_desktop.core.labelling.predict_folder import (
    ModelReady, PassedOver, Rows, ScaleWanted, SizeWanted, predict_folder,
)
from alexnet_desktop.core.model.input_range import InputRangeUnknown
from alexnet_desktop.core.runs.folder import effective_status, list_runs
from alexnet_desktop.core.labelling.review_store import ReviewStore
from alexnet_desktop.gui.i18n import status_text
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.predict_labels import LabelKeeper
from alexnet_desktop.gui.predict_questions import ask_input_scale, ask_input_size, ask_model_file
from alexnet_desktop.gui.predict_retrain import Retrainer
from alexnet_desktop.gui.predict_review import ReviewPane
from alexnet_desktop.gui.predict_sort import Sorter, entries_tooltip
from alexnet_desktop.gui.viewer import GridModel, LabelGrid, label_text
from alexnet_desktop.gui.widgets import button, heading, hrow
from alexnet_desktop.gui.worker import JobRunner

SORT_TEXT = {"name": QT_TRANSLATE_NOOP("PredictPage", "name"),
             "confidence-low": QT_TRANSLATE_NOOP("PredictPage", "confidence, lowest first"),
             "confidence-high": QT_TRANSLATE_NOOP("PredictPage", "confidence, highest first"),
             "label": QT_TRANSLATE_NOOP("PredictPage", "label"),
             "margin": QT_TRANSLATE_NOOP("PredictPage", "least sure first (smallest margin)"),
             "entropy": QT_TRANSLATE_NOOP("PredictPage", "least sure first (highest entropy)")}


class PredictPage(QWidget):
    """Choose a model and a folder, Predict; review, correct, export and sort."""

    model_file_chosen = Signal(object)  # a .keras file offered (for the recent models list)
    retrain_requested = Signal(object)  # TrainConfig: "Retrain with my corrections" (the window starts it)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = JobRunner(self, event=self._on_event, succeeded=self._on_done, failed=self._on_failed,
                                finished=self._prediction_ended)
        self._size_wanted_for: str | None = None  # a model whose input takes any size (see _ask_size)
        self.session = LabelSession()
        self.keeper = LabelKeeper(self.session, ReviewStore(state.workspace.reviews_dir), self)
        self.labels_note = self.keeper.note
        self.review = ReviewPane(self.session)
        # The pane's parts the predicting code drives.
        self.loader, self.grid_model, self.grid = self.review.loader, self.review.grid_model, self.review.grid
        self.detail, self.keys_help = self.review.detail, self.review.keys_help
        self._given_names: dict[str, tuple[list[str], int | None]] = {}
        self._started = 0.0
        self._progress, self._unshown, self._shown_at = None, range(0), 0.0
        self._passed_over: list = []
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.timeout.connect(lambda: self._show_progress(force=True))

        self.model_combo = QComboBox()
        self.model_combo.setToolTip(self.tr("A run of this workspace, or a .keras file you chose"))
        self.model_combo.setMinimumContentsLength(40)
        self.model_button = button(self.tr("Model file…"), self.tr("Use a .keras model (its labels.txt, or class names you give)"),
                                   self.choose_model_file)
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(self.tr("Folder of images to label"))
        self.folder_edit.setToolTip(self.tr("The folder whose images are predicted"))
        self.folder_edit.textChanged.connect(self._update_buttons)
        self.folder_button = button(self.tr("Choose folder…"), self.tr("Choose the folder of images to label"), self._browse_folder)
        self.recursive = QCheckBox(self.tr("Include sub-folders"))
        self.recursive.setToolTip(self.tr("Also predict the images in folders inside the chosen one"))
        self.predict_button = button(self.tr("Predict"), self.tr("Label every image of the folder with the chosen model"), self.start)
        self.cancel_button = button(self.tr("Cancel"), self.tr("Stop after the current batch (or file); what is done is kept"),
                                    self.cancel)
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.sorter = Sorter(self.session, state, self.progress, self.status, self)
        self.sorter.changed.connect(self._update_buttons)
        self.sorter.moved.connect(self._files_moved)
        self.export_button = button(
            self.tr("Export…"), self.tr("Save the results as CSV or JSON: path, label, confidence, top-k, all "
                                        "probabilities, and whether each label was predicted or set by you"),
            self.sorter.ask_export)

        self._make_view_controls()

        self.grid.empty_text = self.tr("Choose a model and a folder of images, then Predict: the images appear here "
                                       "with their labels as they are predicted.")
        self.review.relabelled.connect(self.keeper.save)
        self.review.relabelled.connect(self._update_counts)
        self.grid.all_reviewed.connect(lambda: self.status.setText(
            self.tr("Every image shown has been looked at or labelled; nothing left to review.")))

        self._make_file_buttons(state)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Predict a folder")))
        layout.addLayout(hrow(self.tr("Model:"), (self.model_combo, 1), self.model_button))
        layout.addLayout(hrow(self.tr("Images:"), (self.folder_edit, 1), self.folder_button, self.recursive))
        self.predict_why = QLabel()  # why Predict is disabled, beside it
        self.predict_why.setWordWrap(True)
        layout.addLayout(hrow(self.predict_button, self.cancel_button, self.predict_why, (self.progress, 1),
                              self.export_button))
        layout.addWidget(self.status)
        layout.addWidget(self.labels_note)
        layout.addLayout(hrow(self.tr("Show:"), self.show_combo, self.tr("Order:"), self.sort_combo, self.tr("Uncertain below:"),
                              self.threshold,
                              (self.counts, 1)))
        layout.addWidget(self.review, 1)
        layout.addLayout(hrow(self.sort_button, self.undo_button, self.add_button, self.retrain_button, (self.retrain_why, 1)))
        state.runs_changed.connect(self.refresh_runs)
        self.refresh_runs()
        self._reset_session([])

    def _make_view_controls(self) -> None:
        """What the grid shows and in which order, and the confidence below which a prediction is uncertain."""
        self.show_combo = QComboBox()
        self.show_combo.setToolTip(self.tr("Show all images, one class, the uncertain ones, the unreadable ones, or your corrections"))
        self.show_combo.currentIndexChanged.connect(self._view_changed)
        self.sort_combo = QComboBox()
        for key in SORT_KEYS:
            self.sort_combo.addItem(self.tr(SORT_TEXT[key]), key)
        self.sort_combo.setToolTip(self.tr("Order of the grid"))
        self.sort_combo.currentIndexChanged.connect(self._view_changed)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0, 100)
        self.threshold.setSuffix(" %")
        self.threshold.setDecimals(0)
        self.threshold.setToolTip(self.tr("Predictions less confident than this go to the 'uncertain' folder "
                                         "(your own labels always count)"))
        self.threshold.valueChanged.connect(self._threshold_changed)
        self.counts = QLabel()
        self.counts.setWordWrap(True)

    def _make_file_buttons(self, state: AppState) -> None:
        """The buttons under the grid: sort, undo, add corrections, retrain (and why not)."""
        self.sort_button = button(self.tr("Sort into folders…"), self.tr("Copy or move every image into a folder per "
                                  "class (a dry run shows what will happen first)"), lambda: self.sorter.sort_into_folders())
        self.undo_button = button(self.tr("Undo last sort"), self.tr("Put every file of the last sort back where it was"),
                                  self.sorter.undo_last_sort)
        self.add_button = button(self.tr("Add corrections to a dataset…"), self.tr("Copy the images you relabelled into "
                                 "a training dataset folder, one sub-folder per class, for the next run"),
                                 lambda: self.sorter.add_corrections())
        self.retrainer = Retrainer(self.session, state, self.status, self)
        self.retrainer.retrain_requested.connect(self.retrain_requested)
        self.retrainer.predict_again.connect(self._predict_again)
        self.retrain_button = button(self.tr("Retrain with my corrections…"), self.tr(
            "Train a run from the model that made these predictions, with its settings, on its own dataset plus "
            "the images you relabelled (no file is copied); when it ends, predict the folder again, keeping your labels"),
            lambda: self.retrainer.retrain())
        self.retrain_why = QLabel()
        self.retrain_why.setWordWrap(True)

    # ---- choosing ----------------------------------------------------------------------

    def refresh_runs(self) -> None:
        """List the workspace's runs that have a model, newest first, keeping the selection."""
        current = self.model_combo.currentData()
        self.model_combo.clear()
        for run, manifest in list_runs(self.state.workspace.runs_dir):
            if not run.model_path.is_file():
                continue
            best = manifest.best.value
            label = f"{run.path.name} · {status_text(effective_status(manifest))}" + (
                self.tr(" · best {0:.3f}").format(best) if best is not None else "")
            self.model_combo.addItem(label, str(run.path))
        if current:
            index = self.model_combo.findData(current)
            if index < 0 and not Path(current).is_file():
                index = 0  # its run is gone (deleted here or on disk): the newest is chosen
            elif index < 0:  # a model file the user chose stays offered
                self.model_combo.addItem(Path(current).name, current)
                index = self.model_combo.count() - 1
            self.model_combo.setCurrentIndex(index)
        self._update_buttons()

    def use_run(self, run_dir: Path) -> None:
        """Choose the model of run `run_dir`, if the workspace has it (the list is read again first)."""
        self.refresh_runs()
        index = self.model_combo.findData(str(run_dir))
        if index >= 0:
            self.model_combo.setCurrentIndex(index)

    def use_model_file(self, path: Path, class_names: list[str] | None = None, image_size: int | None = None) -> None:
        """Offer a .keras file; `class_names` (and `image_size`) for a model without a labels.txt."""
        if class_names:
            self._given_names[str(path)] = (class_names, image_size)
        index = self.model_combo.findData(str(path))
        if index < 0:
            self.model_combo.addItem(Path(path).name, str(path))
            index = self.model_combo.count() - 1
        self.model_combo.setCurrentIndex(index)
        self.model_file_chosen.emit(Path(path))

    def choose_model_file(self) -> None:
        """Ask for a .keras file (and its class names when no labels.txt is beside it) and offer it."""
        chosen = ask_model_file(self)
        if chosen is not None:
            self.use_model_file(*chosen)

    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of images"),
                                                  self.folder_edit.text() or str(Path.home()))
        if folder:
            self.folder_edit.setText(folder)

    # ---- predicting --------------------------------------------------------------------

    def start(self) -> None:
        """Predict the chosen folder with the chosen model in a worker thread."""
        model_ref, folder = self.model_combo.currentData(), self.folder_edit.text().strip()
        if not model_ref or not folder or self.runner.is_running():
            return
        recursive = self.recursive.isChecked()
        names, size = self._given_names.get(model_ref, (None, None))
        self.retrainer.predicted(model_ref, folder)
        self._reset_session([])
        self.keeper.begin(folder)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Loading the model…"))
        self._started = time.monotonic()
        self._progress, self._unshown, self._shown_at = None, range(0), 0.0
        self._passed_over = []

        self._size_wanted_for = self._scale_wanted_for = None

        def job(emit, stop):
            try:
                return predict_folder(model_ref, folder, class_names=names, image_size=size, recursive=recursive,
                                      emit=emit, stop=stop)
            except (InputSizeUnknown, InputRangeUnknown):
                return False  # SizeWanted or ScaleWanted said which model: the page asks

        self.runner.start(job)
        self._update_buttons()

    def cancel(self) -> None:
        """Stop predicting (after the current batch) or sorting (after the current file)."""
        self.runner.request_stop()
        self.sorter.runner.request_stop()

    def _reset_session(self, class_names: list[str]) -> None:
        self.session.reset(class_names)
        self.session.threshold = self.threshold.value() / 100
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        for text, key in ((self.tr("all"), "all"), *((c, c) for c in class_names),
                          (label_text(UNCERTAIN_LABEL), UNCERTAIN_LABEL), (label_text("unreadable"), "unreadable"),
                          (self.tr("corrected by you"), "corrected")):
            self.show_combo.addItem(text, key)
        self.show_combo.blockSignals(False)
        keys = LabelGrid.class_keys(len(class_names))
        self.keys_help.setText(
            self.tr("<b>Keys</b>: ") + " · ".join(f"{k}: {c}" for k, c in zip(keys, class_names))
            + self.tr(" · U: uncertain · Enter: accept · Backspace: undo your label · N: next to review "
                      "(the least sure image not yet looked at) · double-click: open")
            if class_names else ""
        )
        self.grid_model.set_view("all", self.sort_combo.currentData())
        self.detail.show_row(None, None)
        self._update_counts()

    # Seconds between updates of the grid, counts and progress while predicting: each update
    # re-lays out and repaints the visible tiles, too much to do at every batch (benchmarks/NOTES.md).
    SHOW_INTERVAL = 0.3

    def _on_event(self, event) -> None:
        if isinstance(event, Progress) and event.total:
            self._progress = event
            self._show_progress()
        elif isinstance(event, ModelReady):
            self._reset_session(event.loaded.class_names)
            self.detail.set_model(event.loaded)
            self.keeper.model_ready(event.loaded.class_names)
        elif isinstance(event, PassedOver):
            self._passed_over = event.files
        elif isinstance(event, SizeWanted):
            self._size_wanted_for = event.model
        elif isinstance(event, ScaleWanted):
            self._scale_wanted_for = event.model
        elif isinstance(event, Rows):
            added = self.session.add(event.predictions)
            self.keeper.restore(added)
            self._unshown = range(self._unshown.start if self._unshown else added.start, added.stop)
            self._show_progress()

    def _show_progress(self, force: bool = False) -> None:
        """Bring the grid, counts, progress bar and status up to date, at most every SHOW_INTERVAL."""
        now = time.monotonic()
        wait = self.SHOW_INTERVAL - (now - self._shown_at)
        if not force and wait > 0:
            if not self._flush.isActive():  # what arrived now is shown even if nothing follows
                self._flush.start(int(wait * 1000) + 1)
            return
        self._flush.stop()
        self._shown_at = now
        if self._unshown:
            self.grid_model.rows_added(self._unshown)
            self._unshown = range(0)
            self._update_counts()
        event = self._progress
        if event is None:
            return
        self.progress.setRange(0, event.total)
        self.progress.setValue(event.done)
        rate = event.done / max(now - self._started, 1e-6)
        left = (event.total - event.done) / rate if rate > 0 else 0
        self.status.setText(self.tr("{0:,} of {1:,} images predicted · {2:.0f} images/s · about {3} s left").format(
            event.done, event.total, rate, int(left)))

    def _prediction_ended(self) -> None:
        self._update_buttons()
        if self._size_wanted_for is not None:
            self._ask_size(self._size_wanted_for)
        elif self._scale_wanted_for is not None:
            self._ask_scale(self._scale_wanted_for)

    def _ask_scale(self, model_ref: str) -> None:
        """A model made elsewhere that does not scale its own input: ask its range, then predict again."""
        self._scale_wanted_for = None
        if ask_input_scale(self, model_ref):
            self.start()
            return
        self.progress.setRange(0, 1)
        self.status.setText(self.tr("Not predicted: the range of numbers the model expects is needed."))

    def _ask_size(self, model_ref: str) -> None:
        """A model made elsewhere whose input takes any size: ask the size it was trained at,
        remember it for this model, and predict again."""
        self._size_wanted_for = None
        size = ask_input_size(self, model_ref)
        if size is None:
            self.progress.setRange(0, 1)
            self.status.setText(self.tr("Not predicted: the model's input size is needed."))
            return
        names, _ = self._given_names.get(model_ref, (None, None))
        self._given_names[model_ref] = (names, size)
        self.start()

    def _on_done(self, cancelled: bool) -> None:
        if self._size_wanted_for is not None or self._scale_wanted_for is not None:
            return  # nothing was predicted; the size or range is asked once the job has ended
        self._show_progress(force=True)
        self.grid_model.set_view()  # now sorted as asked
        summary = ", ".join(f"{label_text(k)}: {v:,}" for k, v in sorted(self.session.counts().items()))
        passed = self._passed_over
        note = self.tr(" · {0:,} other entries passed over (hover for why)").format(len(passed)) if passed else ""
        text = self.tr("Cancelled after {0:,} images · {1}{2}") if cancelled else self.tr("Done: {0:,} images · {1}{2}")
        self.status.setText(text.format(len(self.session.rows), summary, note))
        self.status.setToolTip(self._listing(passed))
        self._update_buttons()

    _listing = staticmethod(entries_tooltip)

    def _on_failed(self, message: str, _tb: str) -> None:
        self._show_progress(force=True)  # the rows predicted before the failure stay reviewable
        self.progress.setRange(0, 1)
        self.status.setText(self.tr("<b>Prediction failed:</b> {0}").format(html.escape(message, quote=False)))

    # ---- reviewing ---------------------------------------------------------------------

    def _files_moved(self, moves: dict) -> None:
        """A sort moved files (or its undo put them back): the tiles follow them."""
        self.keeper.moved(moves)
        self.grid_model.set_view()
        current = self.grid.currentIndex()
        self.detail.show_row(self.session, current.data(GridModel.RowRole) if current.isValid() else None)

    def _view_changed(self) -> None:
        self.grid_model.set_view(self.show_combo.currentData() or "all", self.sort_combo.currentData())

    def _threshold_changed(self) -> None:
        self.session.threshold = self.threshold.value() / 100
        self.grid_model.set_view()
        self._update_counts()

    def _update_counts(self) -> None:
        counts = self.session.counts()
        corrected = len(self.session.corrected())
        self.counts.setText(" · ".join(f"{label_text(k)} {v:,}" for k, v in sorted(counts.items()))
                            + (self.tr(" · {0} corrected by you").format(corrected) if corrected else ""))
        self._update_buttons()

    def run_finished(self, result) -> None:
        """A run ended on the Train page (the retrain's, perhaps: then predicting again is offered)."""
        self.retrainer.run_finished(result)

    def _predict_again(self, run_dir: Path) -> None:
        self.use_run(run_dir)
        self.start()

    def shutdown(self) -> None:
        """Stop the thumbnail thread (the window is closing)."""
        self.review.shutdown()

    def _why_not_predict(self) -> str:
        """Why Predict cannot be used now, in words ("" when it can)."""
        if self.model_combo.count() == 0:
            return self.tr("No trained model yet: train one (Train page) or choose a model file.")
        folder = self.folder_edit.text().strip()
        return (self.tr("Choose the folder of images to label.") if not folder
                else "" if Path(folder).is_dir() else self.tr("No such folder."))

    def _update_buttons(self) -> None:
        busy = self.runner.is_running() or self.sorter.is_running()
        has_rows = bool(self.session.rows)
        why = "" if busy else self._why_not_predict()
        self.predict_button.setEnabled(not busy and not why)
        self.predict_why.setText(why)
        self.cancel_button.setEnabled(busy)
        self.export_button.setEnabled(not busy and has_rows)
        self.sort_button.setEnabled(not busy and has_rows)
        self.undo_button.setEnabled(not busy and self.sorter.last_journal is not None)
        self.add_button.setEnabled(not busy and bool(self.session.corrected()))
        self.retrain_button.setEnabled(not busy and self.retrainer.can_retrain())
        self.retrain_why.setText("" if self.retrain_button.isEnabled() or busy else self.retrainer.why_not())
        if not busy and self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
