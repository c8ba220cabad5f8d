"""The Keras callback of a training run: it turns Keras's progress into the run's events and
honours the job's stop and pause (`TrainingJob` in `training/job.py` owns the state)."""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING, Any

from alexnet_desktop.core.tf_runtime import keras
from alexnet_desktop.core.training.events import BatchEnded
from alexnet_desktop.core.training.optimization import current_learning_rate

if TYPE_CHECKING:
    from alexnet_desktop.core.training.job import TrainingJob


def progress_callback(job: "TrainingJob") -> Any:
    class EventCallback(keras().callbacks.Callback):
        """Turns Keras callbacks into events; honours stop and pause; catches a NaN loss."""

        def on_epoch_begin(self, epoch, logs=None):
            job.epoch = epoch
            job.epoch_start = time.perf_counter()
            job.batch_clock = job.epoch_start
            job.epoch_learning_rate = current_learning_rate(self.model.optimizer)

        def on_train_batch_end(self, batch, logs=None):
            now = time.perf_counter()
            rate = job.batch_size / max(now - job.batch_clock, 1e-9)
            job.batch_clock = now
            logs = logs or {}
            loss = float(logs.get("loss", float("nan")))
            job.emit(BatchEnded(job.epoch, batch + 1, job.steps, loss, float(logs.get("accuracy", float("nan"))), rate))
            if not math.isfinite(loss):
                job.diverged_at = (job.epoch + 1, batch + 1)
                self.model.stop_training = True
                return
            if job.stop.is_set():
                self.model.stop_training = True
                return
            if job.pause is not None and job.pause.is_set():
                job.wait_while_paused()

        def on_test_batch_begin(self, batch, logs=None):
            if job.stop.is_set() or job.diverged_at:
                self.model.stop_evaluating = True

        def on_epoch_end(self, epoch, logs=None):
            if job.stop.is_set() or job.diverged_at:
                return  # a cut-short epoch is not a result: its metrics are partial
            logs = {k: float(v) for k, v in (logs or {}).items()}
            # The rate the epoch began with: for a step schedule, the epoch's rate; for
            # reduce-on-plateau, the rate before this epoch's result could lower it.
            logs["learning_rate"] = job.epoch_learning_rate
            job.end_epoch(epoch, logs)
            if job.early_stopped:
                self.model.stop_training = True

    return EventCallback()
