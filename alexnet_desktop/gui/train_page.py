"""The Train page: start and stop a real Keras fit in a worker, and watch it live."""

from __future__ import annotations

import time
from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QLabel, QPlainTextEdit, QProgressBar, QSplitter, QVBoxLayout, QWidget,
)
from PySide6.QtCore import Qt

from alexnet_desktop.core.events import Message, Progress
from alexnet_desktop.core.training import BatchEnded, EpochEnded, RunFinished, RunStarted, TrainConfig, train
from alexnet_desktop.gui.plots import TrainingCurves
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.widgets import button, heading, hrow
from alexnet_desktop.gui.worker import JobRunner


class TrainPage(QWidget):
    """Start/Stop, a progress bar that tracks batches, live curves and a log."""

    run_finished = Signal(object)  # RunFinished

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = JobRunner(self, event=self.on_event, failed=self._on_failed, finished=self._update_buttons)
        self.run_dir: Path | None = None
        self._epochs = self._steps = 0
        self._started_at = 0.0

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.start_button = button(
            "Start training",
            "Train the chosen model on the chosen dataset (Model and Data pages)",
            self.start,
        )
        self.stop_button = button("Stop", "Stop after the current batch; the best model so far is kept", self.stop)
        self.open_button = button(
            "Open run folder",
            "Show the run's files (model.keras, run.json, history.csv)",
            self._open_run,
        )
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.status = QLabel("Not started")
        self.curves = TrainingCurves()
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(5000)

        buttons = hrow(self.start_button, self.stop_button, (self.progress, 1), self.open_button)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.curves)
        split.addWidget(self.log)
        split.setSizes([500, 120])
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Training"))
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        state.dataset_changed.connect(self.update_summary)
        state.scan_changed.connect(self.update_summary)
        self.update_summary()
        self._update_buttons()

    def update_summary(self) -> None:
        """Say what Start would train, so the user need not flip back through the pages."""
        s = self.state.settings
        arch = self.state.host.architectures.get(s.arch)
        data = self.state.data_path
        if data is None:
            self.summary.setText("Choose a dataset on the Data page first.")
        else:
            scan = self.state.scan
            counts = f" ({sum(scan.counts().values()):,} images, {len(scan.class_names)} classes)" if scan else ""
            self.summary.setText(
                f"<b>{arch.name if arch else s.arch}</b> on <b>{data.name}</b>{counts}: {s.image_size} px, "
                f"{s.epochs} epochs, batch {s.batch_size}, {s.describe()}"
            )
        self._update_buttons()

    def showEvent(self, event) -> None:  # settings may have changed on the Model page
        self.update_summary()
        super().showEvent(event)

    def start(self) -> None:
        """Start a training run in the worker thread with the current settings."""
        if self.runner.is_running() or self.state.data_path is None:
            return
        config = TrainConfig(
            data=str(self.state.data_path),
            loader=self.state.loader_id,
            loader_options=dict(self.state.loader_options),
            runs_dir=str(self.state.workspace.ensure().runs_dir),
            **asdict(self.state.settings),
        )
        host = self.state.host
        self.curves.clear()
        self.log.clear()
        self.run_dir = None
        self.progress.setRange(0, 0)
        self.status.setText("Preparing…")
        self.runner.start(lambda emit, stop: train(config, host, emit, stop))
        self._update_buttons()

    def stop(self) -> None:
        """Ask the run to stop after the current batch."""
        if self.runner.is_running():
            self.runner.request_stop()
            self.status.setText("Stopping after the current batch…")
            self.stop_button.setEnabled(False)

    def on_event(self, event) -> None:
        """Route one event of the training job to the widgets."""
        if isinstance(event, BatchEnded):
            done = event.epoch * self._steps + event.step
            self.curves.add_batch(event.epoch + event.step / max(event.steps, 1), event.loss, event.accuracy)
            self.progress.setValue(done)
            elapsed = time.monotonic() - self._started_at
            eta = elapsed / done * (self._epochs * self._steps - done) if done else 0
            self.status.setText(
                f"Epoch {event.epoch + 1}/{self._epochs} · batch {event.step}/{event.steps} · loss {event.loss:.4f} · "
                f"accuracy {event.accuracy:.3f} · {event.images_per_second:.1f} images/s · about {_duration(eta)} left"
            )
        elif isinstance(event, EpochEnded):
            self.curves.add_epoch(event.epoch + 1, event.logs)
            self._log(f"Epoch {event.epoch + 1}: {event.metrics_text()}  ({event.seconds:.1f} s){'  ★ best so far' if event.is_best else ''}")
        elif isinstance(event, RunStarted):
            self.run_dir = event.run_dir
            self._epochs, self._steps = event.epochs, event.steps_per_epoch
            self._started_at = time.monotonic()
            self.progress.setRange(0, event.epochs * event.steps_per_epoch)
            self.progress.setValue(0)
            self.progress.setFormat("%p%")
            self._log(
                f"Run folder: {event.run_dir}\n{event.train_count} training and {event.val_count} validation images, "
                f"{len(event.class_names)} classes; training on {event.device}"
            )
            self.state.runs_changed.emit()
        elif isinstance(event, Progress):
            if event.total:
                self.progress.setRange(0, event.total)
                self.progress.setValue(event.done)
                self.progress.setFormat(f"%v / %m {event.what}")
        elif isinstance(event, Message):
            self._log(("⚠ " if event.level == "warning" else "") + event.text)
            self.status.setText(event.text)
        elif isinstance(event, RunFinished):
            self._finished(event)
        self._update_buttons()

    def _finished(self, result: RunFinished) -> None:
        self.curves.refresh()
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        best = (
            f"best {result.monitor.replace('_', ' ')} {result.best_value:.3f} at epoch {result.best_epoch}"
            if result.best_value is not None
            else "no epoch finished"
        )
        verb = {"finished": "Finished", "stopped": "Stopped", "failed": "Failed"}.get(result.status, result.status)
        where = f" · saved in {result.run_dir}" if result.run_dir and str(result.run_dir) != "." else ""
        self.status.setText(f"<b>{verb}</b>: {best}{where}")
        self._log(f"{verb}: {best}")
        self.state.runs_changed.emit()
        self.run_finished.emit(result)

    def _on_failed(self, message: str, tb: str) -> None:
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        self.status.setText(f"<b>Training failed:</b> {message}")
        self._log(f"Training failed: {message}\n{tb}")

    def _log(self, text: str) -> None:
        self.log.appendPlainText(text)

    def _open_run(self) -> None:
        if self.run_dir:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.run_dir)))

    def _update_buttons(self) -> None:
        busy = self.runner.is_running()
        self.start_button.setEnabled(not busy and self.state.data_path is not None)
        self.stop_button.setEnabled(busy and not self.runner.stop_event.is_set())
        self.open_button.setEnabled(self.run_dir is not None)


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
