"""How a training run ends: `run_job` runs a new run or a resume and records any failure in the
run folder (out of memory, a full disk, a stop before the folder existed, any other error)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

from alexnet_desktop.core.jobs import Cancelled
from alexnet_desktop.core.runs.manifest import RunManifest
from alexnet_desktop.core.training.events import OutOfMemory, RunFinished
from alexnet_desktop.core.training.job import TrainingJob
from alexnet_desktop.core.training.run_space import DiskFull
from alexnet_desktop.core.wording import message_of, say, to_record


def run_job(job: TrainingJob, body: Callable[[], RunFinished]) -> RunFinished:
    """Run `body` (a new run or a resume of `job`) and emit how it ended.

    Running out of memory ends the run "failed" with a batch size worth retrying; any
    other error is recorded in the run folder, emitted, then raised. The model and Keras's
    state are released whatever happens, and a cluster worker's temporary folder removed.
    """
    try:
        return _finish(job, body)
    finally:
        job.release()
        if not job.keeps_run and job.run is not None:
            shutil.rmtree(job.run.path, ignore_errors=True)


def _finish(job: TrainingJob, body: Callable[[], RunFinished]) -> RunFinished:
    emit = job.emit
    try:
        result = body()
    except Cancelled:  # before the run folder existed: nothing to keep or resume
        result = RunFinished(Path(), "stopped", None, None, job.monitor, say("stopped before training began"))
    except DiskFull as exc:
        result = RunFinished(job.run.path, "failed", job.best_epoch, job.best_value, job.monitor, message_of(exc))
        try:
            RunManifest.change(job.run.path, status="failed", error=str(exc), said={"error": to_record(message_of(exc))})
        except OSError:
            pass  # still full: the manifest of the last saved epoch stands, and the run reads as interrupted
    except OutOfMemory as exc:
        if job.run is None:
            raise
        RunManifest.change(job.run.path, status="failed", error=str(exc), said={"error": to_record(message_of(exc))})
        result = RunFinished(job.run.path, "failed", job.best_epoch, job.best_value, job.monitor, message_of(exc),
                             retry_batch_size=exc.batch_size // 2 or None)
    except BaseException as exc:
        if job.run is not None:
            RunManifest.change(job.run.path, status="failed", error=f"{type(exc).__name__}: {exc}",
                               said={"error": to_record(message_of(exc))})
            emit(RunFinished(job.run.path, "failed", job.best_epoch, job.best_value, job.monitor, message_of(exc)))
        raise
    emit(result)
    return result
