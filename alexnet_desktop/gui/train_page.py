"""The Train page: start, pause, stop and resume a real Keras fit in a worker, and watch it live."""

from __future__ import annotations

import html

import threading
import time
import copy
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QMessageBox, QPlainTextEdit, QProgressBar, QSplitter, QTabWidget,
    QVBoxLayout, QWidget,
)

from alexnet_desktop.core.events import Message, Progress
from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.training.evaluation import Evaluated
from alexnet_desktop.core.runs.manifest import RunManifest, optimistic_note
from alexnet_desktop.core.training.events import (
    BatchEnded, EpochEnded, FiltersChanged, PauseChanged, RunFinished, RunStarted, metric_name,
)
from alexnet_desktop.core.training.fit import resume, train
from alexnet_desktop.core.wording import shown
from alexnet_desktop.core.training.cluster import ClusterError
from alexnet_desktop.core.training.worker_process import run_worker_process
from alexnet_desktop.gui.cluster_box import ClusterBox
from alexnet_desktop.gui.device_panel import DevicePanel
from alexnet_desktop.gui.i18n import core_text, tr
from alexnet_desktop.gui.image_grid import array_to_pixmap
from alexnet_desktop.gui.plots import TrainingCurves
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.train_summary import describe_run, image_counts, summary_of_run
from alexnet_desktop.gui.widgets import button, heading, hrow, open_path, scrolled
from alexnet_desktop.gui.worker import JobRunner

VERBS = {"finished": QT_TRANSLATE_NOOP("TrainPage", "Finished"), "stopped": QT_TRANSLATE_NOOP("TrainPage", "Stopped"),
         "failed": QT_TRANSLATE_NOOP("TrainPage", "Failed"), "diverged": QT_TRANSLATE_NOOP("TrainPage", "Diverged")}


class TrainPage(QWidget):
    """Start / Pause / Stop, a progress bar that tracks batches, the live dashboard and a log."""

    run_finished = Signal(object)  # RunFinished
    evaluated = Signal(object)  # Evaluated: a run that finished, evaluated on its validation images
    job_ended = Signal()  # the training thread has ended (the run's files are complete)
    STATUS_INTERVAL = 0.1  # seconds between updates of the status line and progress bar

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._status_at = 0.0
        self.runner = JobRunner(self, event=self.on_event, failed=self._on_failed, finished=self._job_ended)
        self.runner.event.connect(lambda e: self.evaluated.emit(e) if isinstance(e, Evaluated) else None)
        self.runner.finished.connect(self.job_ended)
        self._retry: RunFinished | None = None  # an out-of-memory run, offered again once its thread ends
        self.pause_event = threading.Event()
        self.run_dir: Path | None = None
        self._epochs = self._steps = 0
        self._done_at_start = 0  # batches already done when this session of the run began
        self._started_at = 0.0
        self._paused_since: float | None = None
        self._paused_total = 0.0
        self._last_epoch_seconds: float | None = None
        self._best_text = ""
        self._running_summary = ""  # the header of the run in progress (a resumed run has its own settings)
        self._cluster = None  # the ClusterSpec of a run as a cluster's worker

        self.cluster_box = ClusterBox()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.start_button = button(
            self.tr("Start training"),
            self.tr("Train the chosen model on the chosen dataset (Model and Data pages)"),
            self.start,
        )
        self.pause_button = button(
            self.tr("Pause"), self.tr("Hold the run after the current batch; press again to go on"), self.toggle_pause
        )
        self.pause_button.setCheckable(True)
        self.stop_button = button(
            self.tr("Stop"), self.tr("Stop after the current batch; the best model and a checkpoint to resume from are kept"),
            self.stop
        )
        self.open_button = button(
            self.tr("Open run folder"),
            self.tr("Show the run's files (model.keras, checkpoint.keras, run.json, history.csv, logs/)"),
            self._open_run,
        )
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.status = QLabel(self.tr("Not started"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.curves = TrainingCurves()
        self.device_panel = DevicePanel()
        self.device_panel.setMaximumWidth(340)
        self.bottom_tabs = self._log_and_filters()

        self.start_why = QLabel()  # why Start is disabled, beside it
        self.start_why.setWordWrap(True)
        buttons = hrow(self.start_button, self.start_why, self.pause_button, self.stop_button, (self.progress, 1),
                       self.open_button)
        bottom = QWidget()
        bl = QHBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.bottom_tabs, 1)
        bl.addWidget(self.device_panel)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.curves)
        split.addWidget(bottom)
        split.setSizes([560, 150])
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Training")))
        layout.addWidget(self.summary)
        layout.addWidget(self.cluster_box)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        state.dataset_changed.connect(self.update_summary)
        state.scan_changed.connect(self.update_summary)
        self.update_summary()
        self._update_buttons()

    def _log_and_filters(self) -> QTabWidget:
        """The run's log, and the first layer's filters redrawn after each epoch."""
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(5000)
        self.filters = QLabel(self.tr("The first layer's filters appear here after each epoch."))
        self.filters.setAlignment(Qt.AlignCenter)
        self.filters.setToolTip(self.tr("The kernels of the first convolution, each scaled on its own: "
                                        "edges and colour blobs appear as the network learns (the paper's Figure 3)"))
        tabs = QTabWidget()
        tabs.addTab(self.log, self.tr("Log"))
        tabs.addTab(scrolled(self.filters), self.tr("First-layer filters"))
        return tabs

    def update_summary(self) -> None:
        """Say what Start would train, so the user need not flip back through the pages; while
        a run trains, what that run trains (a resumed run has its own settings)."""
        s = self.state.settings
        data = self.state.data_path
        if self._running_summary and self.runner.is_running():
            self.summary.setText(self._running_summary)
        elif data is None:
            self.summary.setText(self.tr("Choose a dataset on the Data page first."))
        else:
            scan = self.state.scan
            counts = image_counts(sum(scan.counts().values()), len(scan.class_names)) if scan else ""
            self.summary.setText(describe_run(self.state.host, s, data.name, counts, s.image_size, s.epochs,
                                             s.batch_size))
        if self.run_dir is None and not self.runner.is_running():
            self.curves.set_epochs(s.epochs)  # before a run, the axes show the run to come, not 0..1
        self._update_buttons()

    def showEvent(self, event) -> None:  # settings may have changed on the Model page
        self.update_summary()
        super().showEvent(event)

    # ---- starting ----------------------------------------------------------------------

    def start(self) -> None:
        """Start a training run in the worker thread with the current settings."""
        if self.runner.is_running() or self.state.why_not_train():
            return
        self.start_config(self.current_config())

    def start_config(self, config: TrainConfig) -> bool:
        """Start a run of `config` (the Predict page's retrain, or Start); False while another trains."""
        if self.runner.is_running():
            return False
        host = self.state.host
        try:
            cluster = self.cluster_box.spec()
        except ClusterError as exc:
            self.status.setText(self.tr("Cluster: {0}").format(shown(str(exc), core_text)))
            return True  # not refused for a run in progress: the status line says why
        self._cluster = cluster
        if cluster is not None:
            # A worker must start TensorFlow afresh: it runs as a process of its own.
            self._launch(lambda emit, stop, pause: run_worker_process(config, cluster, emit, stop))
        else:
            self._launch(lambda emit, stop, pause: train(config, host, emit, stop, pause))
        return True

    def current_config(self) -> TrainConfig:
        """The run Start would train: the chosen dataset with the Model page's settings."""
        return replace(
            copy.deepcopy(self.state.settings),  # the run keeps its settings while the draft is edited
            data=str(self.state.data_path),
            loader=self.state.loader_id,
            loader_options=dict(self.state.loader_options),
            runs_dir=str(self.state.workspace.ensure().runs_dir),
        )

    def resume_run(self, run_dir: Path, more_epochs: int = 0, learning_rate: float | None = None,
                   unlabelled: str | None = None) -> None:
        """Continue a run from its last finished epoch (the Runs page's Resume); `unlabelled` is
        its unlabelled folder's new place, if it moved."""
        if self.runner.is_running():
            return
        host = self.state.host
        self._cluster = None
        self._launch(lambda emit, stop, pause: resume(
            run_dir, host, emit, stop, pause, more_epochs=more_epochs, learning_rate=learning_rate, unlabelled=unlabelled
        ))

    def _launch(self, job) -> None:
        self.curves.clear()
        self.log.clear()
        self.run_dir = None
        self.pause_event.clear()
        self.pause_button.setChecked(False)
        self._paused_since, self._paused_total = None, 0.0
        self._last_epoch_seconds, self._best_text = None, ""
        self._status_at = 0.0
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Preparing…"))
        # The cleared page is painted before the worker starts: once it runs, the window's
        # Python shares the interpreter with it and this repaint would take several times longer.
        self.repaint()
        pause = self.pause_event
        self.runner.start(lambda emit, stop: job(emit, stop, pause))
        self._update_buttons()

    # ---- controls ----------------------------------------------------------------------

    def toggle_pause(self) -> None:
        """Pause after the current batch, or go on."""
        if not self.runner.is_running():
            self.pause_button.setChecked(False)
            return
        if self.pause_button.isChecked():
            self.pause_event.set()
            self.status.setText(self.tr("Pausing after the current batch…"))
        else:
            self.pause_event.clear()
        self._update_buttons()

    def is_training(self) -> bool:
        """True while a run (or a resume) is in progress."""
        return self.runner.is_running()

    def stop(self) -> None:
        """Ask the run to stop after the current batch."""
        if self.runner.is_running():
            self.runner.request_stop()
            self.pause_event.clear()  # a paused run must wake up to stop
            self.status.setText(self.tr("Stopping after the current batch…"))
            self._update_buttons()

    # ---- events ------------------------------------------------------------------------

    def on_event(self, event) -> None:
        """Route one event of the training job to the widgets."""
        if isinstance(event, BatchEnded):
            done = event.epoch * self._steps + event.step
            self.curves.add_batch(event.epoch + event.step / max(event.steps, 1), event.loss, event.accuracy,
                                  event.images_per_second)
            now = time.monotonic()
            if now - self._status_at < self.STATUS_INTERVAL and event.step < event.steps:
                return  # a small model ends 50 batches a second: the text changes faster than anyone reads
            self._status_at = now
            self.progress.setValue(done)
            elapsed = time.monotonic() - self._started_at - self._paused_total
            done_here = done - self._done_at_start
            eta = elapsed / done_here * (self._epochs * self._steps - done) if done_here > 0 else 0
            epoch_time = self.tr(" · last epoch {0}").format(_duration(self._last_epoch_seconds)) \
                if self._last_epoch_seconds else ""
            self.status.setText(
                self.tr("Epoch {0}/{1} · batch {2}/{3} · loss {4:.4f} · accuracy {5:.3f} · {6:.1f} images/s{7} · "
                        "about {8} left{9}").format(
                    event.epoch + 1, self._epochs, event.step, event.steps, event.loss, event.accuracy,
                    event.images_per_second, epoch_time, _duration(eta), self._best_text))
        elif isinstance(event, EpochEnded):
            self.curves.add_epoch(event.epoch + 1, event.logs, event.is_best)
            self._last_epoch_seconds = event.seconds
            if event.is_best:
                value = event.logs.get("val_accuracy", event.logs.get("accuracy"))
                self._best_text = self.tr(" · best epoch {0}").format(event.epoch + 1) + (
                    f" ({value:.3f})" if value is not None else "")
            self._log(self.tr("Epoch {0}: {1}  ({2:.1f} s)").format(event.epoch + 1, event.metrics_text(core_text), event.seconds)
                      + (self.tr("  ★ best so far") if event.is_best else ""))
        elif isinstance(event, FiltersChanged):
            self.filters.setPixmap(array_to_pixmap(event.grid))
            self.filters.setToolTip(self.tr("The first convolution's kernels after epoch {0}").format(event.epoch))
        elif isinstance(event, PauseChanged):
            if event.paused:
                self._paused_since = time.monotonic()
                self.status.setText(self.tr("<b>Paused</b> after the current batch. Press Continue to go on."))
                self._log(self.tr("Paused"))
            else:
                if self._paused_since is not None:
                    self._paused_total += time.monotonic() - self._paused_since
                self._paused_since = None
                self.status.setText(self.tr("Going on…"))
                self._log(self.tr("Continued"))
        elif isinstance(event, RunStarted):
            self._started(event)
        elif isinstance(event, Progress):
            if event.total:
                self.progress.setRange(0, event.total)
                self.progress.setValue(event.done)
                self.progress.setFormat(f"%v / %m {core_text(event.what)}")
        elif isinstance(event, Message):
            text = event.shown(core_text)
            self._log(("⚠ " if event.level == "warning" else "") + text)
            self.status.setText(text)
        elif isinstance(event, RunFinished):
            self._finished(event)
        self._update_buttons()

    def _started(self, event: RunStarted) -> None:
        # A cluster's other workers train in a temporary folder: the run folder is the chief's.
        self.run_dir = event.run_dir if self._cluster is None or self._cluster.is_chief else None
        self._epochs, self._steps = event.epochs, event.steps_per_epoch
        self._done_at_start = event.initial_epoch * event.steps_per_epoch
        self._started_at = time.monotonic()
        self.curves.set_epochs(event.epochs)
        self.progress.setRange(0, event.epochs * event.steps_per_epoch)
        self.progress.setValue(self._done_at_start)
        self.progress.setFormat("%p%")
        self.device_panel.set_device(event.device)
        self._running_summary = summary_of_run(self.state.host, event)
        self.update_summary()
        # Which worker this is, in the title, where a narrow panel never cuts it off.
        self.device_panel.setTitle(self.tr("Device: {0}").format(shown(self._cluster.describe(), core_text))
                                   if self._cluster is not None else self.tr("Device"))
        best = None
        for row in event.history:  # a resumed run: its earlier epochs
            logs = {k: v for k, v in row.items() if k not in ("epoch", "seconds")}
            self.curves.add_epoch(int(row["epoch"]), logs)
            value = logs.get("val_accuracy", logs.get("accuracy"))
            if value is not None and (best is None or value > best[1]):
                best = (int(row["epoch"]), value)
        if best:
            self.curves.mark_best(best[0])
            self._best_text = self.tr(" · best epoch {0}").format(best[0]) + f" ({best[1]:.3f})"
        resumed = self.tr("; resuming after epoch {0}").format(event.initial_epoch) if event.initial_epoch else ""
        self._log(
            self.tr("Run folder: {0}\n{1} training and {2} validation images, {3} classes; training on {4}{5}").format(
                event.run_dir, event.train_count, event.val_count, len(event.class_names),
                shown(event.device, core_text), resumed))
        self.state.runs_changed.emit()

    def _finished(self, result: RunFinished) -> None:
        self.curves.refresh()
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        best = (
            self.tr("best {0} {1:.3f} at epoch {2}").format(
                shown(metric_name(result.monitor), core_text), result.best_value, result.best_epoch)
            if result.best_value is not None
            else self.tr("no epoch finished")
        )
        verb = tr("TrainPage", VERBS[result.status]) if result.status in VERBS else result.status
        where = self.tr(" · saved in {0}").format(result.run_dir) if result.run_dir and str(result.run_dir) != "." else ""
        note = f"<br>{shown(result.note, core_text)}" if result.note else ""
        error = f"<br>{shown(result.error, core_text)}" if result.error and result.status == "failed" else ""
        if result.best_value is not None and _validated_on_test(result.run_dir):
            note += f"<br><i>{shown(optimistic_note(), core_text)}</i>"
        self.status.setText(f"<b>{verb}</b>: {best}{where}{note}{error}")
        self._log(f"{verb}: {best}")
        self.run_finished.emit(result)
        # Offered when the thread has ended (`_job_ended`): the worker still releases the
        # model's memory after this event, and a Start before then would be refused.
        self._retry = result if result.retry_batch_size else None

    def _job_ended(self) -> None:
        self._running_summary = ""
        self.update_summary()
        # The pages list the runs again only now: while the worker is still letting go of the
        # model, reading every run's manifest on the GUI thread would wait on it at each file.
        self.state.runs_changed.emit()
        self._update_buttons()
        result, self._retry = self._retry, None
        if result is not None:
            QTimer.singleShot(0, lambda: self._offer_smaller_batch(result))

    def _offer_smaller_batch(self, result: RunFinished) -> None:
        size = result.retry_batch_size
        answer = QMessageBox.question(
            self, self.tr("Out of memory"),
            self.tr("The device ran out of memory at batch size {0}.\n\nTrain again with batch size {1}?").format(
                size * 2, size),
        )
        if answer == QMessageBox.Yes:
            self.state.settings.batch_size = size
            self.state.settings_changed.emit()
            self.start()

    def _on_failed(self, message: str, _tb: str) -> None:
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        self.status.setText(self.tr("<b>Training failed:</b> {0}").format(html.escape(message, quote=False)))
        # The reason only: an unexpected error's traceback is under the crash dialog's Show Details.
        self._log(self.tr("Training failed: {0}").format(message))

    def _log(self, text: str) -> None:
        self.log.appendPlainText(text)

    def _open_run(self) -> None:
        if self.run_dir:
            open_path(self.run_dir, self)

    def _update_buttons(self) -> None:
        busy = self.runner.is_running()
        stopping = self.runner.stop_event.is_set()
        why = self.state.why_not_train()
        self.start_button.setEnabled(not busy and not why)
        self.start_why.setText("" if busy else why)
        # A cluster's workers train in step: one cannot pause alone.
        self.pause_button.setEnabled(busy and not stopping and self._cluster is None)
        self.pause_button.setText(self.tr("Continue") if busy and self.pause_button.isChecked() else self.tr("Pause"))
        if not busy:
            self.pause_button.setChecked(False)
        self.stop_button.setEnabled(busy and not stopping)
        self.open_button.setEnabled(self.run_dir is not None)


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return tr("Duration", "{0} s").format(seconds)
    if seconds < 3600:
        return tr("Duration", "{0} min {1:02d} s").format(seconds // 60, seconds % 60)
    return tr("Duration", "{0} h {1:02d} min").format(seconds // 3600, seconds % 3600 // 60)


def _validated_on_test(run_dir: Path | None) -> bool:
    """Whether the run in `run_dir` chose its best epoch on the test part (False when unreadable)."""
    try:
        return bool(run_dir) and str(run_dir) != "." and RunManifest.read(Path(run_dir)).validated_on_test
    except (OSError, ValueError):
        return False
