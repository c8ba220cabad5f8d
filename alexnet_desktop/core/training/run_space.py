"""What runs cost on disk, and the ways to get it back: sizes, freeing resume state, deleting.

A run folder keeps `model.keras` (weights only: what predicting, evaluating and exporting
use) and, while the run can be resumed, `checkpoint.keras` (the last finished epoch with
the optimizer's state). With Adam the checkpoint is about three times the weights, so a
resumable run is about 4x its weights and a freed one about 1x (see benchmarks/NOTES.md).

A run being trained holds an exclusive lock on its `.training.lock` (`TrainingLock`): the
operating system drops it when the process ends however it ends, so a killed run is never
taken for a live one, and freeing or deleting takes the same lock, so no training can start
on a run while it is freed or deleted.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alexnet_desktop.core.runs.folder import CHECKPOINT, MODEL, RunFolder, effective_status
from alexnet_desktop.core.runs.manifest import RunManifest
from alexnet_desktop.core.wording import say

LOCK = ".training.lock"
FREED = "resume_state_freed"  # run.json: when the resume state was freed
FULL_DISK = (errno.ENOSPC, errno.EDQUOT)
# Peak bytes a run's checkpoints take, in multiples of the weights: the best model (1),
# the checkpoint (1 + 2 of Adam's moments) and the next checkpoint's temporary file (3).
PEAK_FACTOR = 7
MARGIN = 16 * 1024 * 1024  # history, manifest, logs and the model card, generously


class RunBusyError(ValueError):
    """The run is being trained by a live process, so it is left as it is."""


class DiskFullError(ValueError):
    """The disk cannot hold what a run needs to write; the message gives the figures."""


def _flock(fd: int) -> bool:
    """Take an exclusive lock on `fd` without waiting; False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows: the recorded owner's pid is the only sign (see `is_training`)
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            return False
        return True  # a file system without locks (some network shares): the manifest's owner decides


class TrainingLock:
    """An exclusive hold on a run (training, freeing or deleting it), released by `release` or
    by the process ending."""

    def __init__(self, run: RunFolder) -> None:
        self.run = run
        self.fd: int | None = None

    def acquire(self) -> "TrainingLock":
        """Take the lock, or raise `RunBusyError` naming the run when a live process holds it."""
        fd = os.open(self.run.path / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        if not _flock(fd):
            os.close(fd)
            raise RunBusyError(say("{0}: the run is being trained by another process; stop it first", self.run.path))
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
        self.fd = fd
        return self

    def release(self) -> None:
        """Let go of the lock (closing the descriptor drops it)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> "TrainingLock":
        return self.acquire()

    def __exit__(self, *exc: Any) -> None:
        self.release()


def is_training(run: RunFolder) -> bool:
    """True while a live process trains `run`: its lock is held, or its manifest names a live owner."""
    lock = run.path / LOCK
    if lock.exists():
        try:
            fd = os.open(lock, os.O_RDWR)
        except OSError:
            fd = None
        if fd is not None:
            try:
                if not _flock(fd):
                    return True
            finally:
                os.close(fd)
    try:
        return effective_status(run.manifest()) == "running"
    except (OSError, ValueError):
        return False


def folder_size(path: Path) -> int:
    """Bytes the files under `path` take (hard links counted once, links not followed)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for root, dirs, files in os.walk(path):
        for name in files:
            try:
                st = os.lstat(os.path.join(root, name))
            except OSError:
                continue  # removed while we looked
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total


def human_size(n: float) -> str:
    """`n` bytes as a short figure: 512 B, 3.4 MB, 1.2 GB (powers of 1000, as file managers show)."""
    for unit in ("B", "kB", "MB", "GB"):
        if abs(n) < 1000:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"


def holds_optimizer(model_file: Path) -> bool:
    """True when a saved `.keras` file carries optimizer state (a checkpoint, or a model saved
    before runs kept weights only)."""
    import h5py

    # h5py reads the zip member in place (seekable when stored): only the file's index is read.
    with zipfile.ZipFile(model_file) as archive, archive.open("model.weights.h5") as member:
        with h5py.File(member, "r") as weights:
            return "optimizer" in weights


@dataclass
class ResumeState:
    """How a run can go on: "resumable" (checkpoint with optimizer state), "weights" (freed, or
    never had one: goes on from the best model's weights with a fresh optimizer) or "none"."""

    kind: str

    @classmethod
    def of(cls, run: RunFolder) -> "ResumeState":
        """The state of `run`'s files now."""
        if run.checkpoint_path.is_file():
            return cls("resumable")
        return cls("weights" if run.model_path.is_file() else "none")


def free_resume_state(run: RunFolder) -> int:
    """Remove `run`'s checkpoint, keeping its model; returns the bytes given back.

    The run is locked throughout. The model must be the one the app recorded (its hash) and a
    whole archive before the checkpoint goes; a model saved with optimizer state (older runs)
    is first rewritten with weights only, and the rewrite loaded back to prove it whole.
    """
    from alexnet_desktop.core.files import sha256_file
    from alexnet_desktop.core.model.model_files import check_keras_archive

    before = folder_size(run.path)
    with TrainingLock(run):
        if effective_status(run.manifest()) == "running":  # a damaged run.json is refused here, naming it
            raise RunBusyError(say("{0}: the run is being trained; stop it first", run.path))
        if not run.checkpoint_path.is_file():
            return 0
        if not run.model_path.is_file():
            raise ValueError(say("{0}: has no model.keras to keep, so its checkpoint is its only model; it was "
                                 "left as it is", run.path))
        accepted = run.accepted_hashes(MODEL)
        if accepted is not None and sha256_file(run.model_path) not in accepted:
            raise ValueError(say("{0}: changed after the app saved it; the checkpoint was left as it is",
                                 run.model_path))
        check_keras_archive(run.model_path)
        if holds_optimizer(run.model_path):
            _slim_model(run)
        hashes = dict(RunManifest.read(run.path).sha256 or {})
        hashes.pop(CHECKPOINT, None)
        RunManifest.change(run.path, sha256=hashes, **{FREED: _now()})
        run.checkpoint_path.unlink()
    return max(0, before - folder_size(run.path))


def _slim_model(run: RunFolder) -> None:
    """Rewrite an older run's model.keras without its optimizer state, then load it back."""
    from alexnet_desktop.core.model.model_files import load_model_file

    model = load_model_file(run.model_path, accepted_hashes=run.accepted_hashes(MODEL))
    run.save_model(model)
    load_model_file(run.model_path, accepted_hashes=run.accepted_hashes(MODEL))


def _now() -> str:
    import time

    return time.strftime("%Y-%m-%dT%H:%M:%S")


def delete_run(run: RunFolder, to_trash: Any | None) -> str:
    """Delete a run that is not being trained: to the trash with `to_trash(path)` when given
    (it raises when there is no trash), else for good. Returns "trash" or "deleted"."""
    if not (run.path / "run.json").is_file():
        raise ValueError(say("{0}: not a run folder (no run.json), so it was left as it is", run.path))
    lock = TrainingLock(run).acquire()
    try:
        try:
            status = effective_status(run.manifest())
        except ValueError:  # a damaged run.json: the lock, now held, says no process trains it
            status = "damaged"
        if status == "running":
            raise RunBusyError(say("{0}: the run is being trained; stop it first", run.path))
        if to_trash is not None:
            to_trash(str(run.path))
            return "trash"
        shutil.rmtree(run.path)
        return "deleted"
    finally:
        lock.release()


def weight_bytes(model: Any) -> int:
    """Bytes of `model`'s weights as saved."""
    import numpy as np

    return sum(int(np.prod(w.shape)) * np.dtype(w.dtype).itemsize for w in model.weights)


def check_room(folder: Path, model: Any, existing: int = 0) -> None:
    """Refuse, with the figures, when `folder`'s disk cannot hold a run's checkpoints of `model`
    (`existing`: bytes of the run's model files it will replace)."""
    need = max(0, PEAK_FACTOR * weight_bytes(model) + MARGIN - existing)
    probe = Path(folder)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    if free < need:
        raise DiskFullError(say(
            "not enough disk space for this run: its model and checkpoints need about {0} on {1}, and {2} is "
            "free. Free the resume state of finished runs (alexnet-desktop runs free RUN) or delete runs",
            human_size(need), probe, human_size(free)))


class DiskFull(Exception):
    """The disk filled up while an epoch was saved; the message says what was kept."""


def disk_full(epoch: int, saved: int) -> DiskFull:
    """The error for a disk that filled while epoch `epoch` was saved, `saved` epochs being whole on disk
    (files are only ever replaced by a rename, so the last whole ones stay)."""
    kept = (say("The checkpoint of epoch {0} (the last one saved whole) and the best model are kept.", saved) if saved
            else say("No epoch had finished, so there is nothing to resume from."))
    return DiskFull(say("The disk filled up while saving epoch {0}, so the run stopped. {1} Free some space "
                        "(alexnet-desktop runs free or delete), then resume it", epoch, kept))


def is_disk_full(exc: BaseException) -> bool:
    """True for the error a full disk (or an exhausted quota) raises on writing."""
    return isinstance(exc, OSError) and exc.errno in FULL_DISK


@dataclass
class RunSummary:
    """One line of the runs list: what a person needs to choose what to keep."""

    name: str
    path: str
    architecture: str
    dataset: str
    status: str
    epochs_done: int
    epochs_planned: int
    best_val_accuracy: float | None
    test_accuracy: float | None
    size_bytes: int
    resume_state: str  # see `ResumeState`

    @classmethod
    def of(cls, run: RunFolder, manifest: Any) -> "RunSummary":
        """The summary of `run` from its typed manifest and its files now."""
        best = manifest.best.value if manifest.best.metric == "val_accuracy" else None
        return cls(run.path.name, str(run.path), manifest.architecture.id or "?", Path(manifest.dataset.root or "?").name,
                   "running" if is_training(run) else effective_status(manifest), int(manifest.epochs_done or 0),
                   int(manifest.planned_epochs or 0), best, evaluated_accuracy(run), folder_size(run.path),
                   ResumeState.of(run).kind)


def evaluated_accuracy(run: RunFolder) -> float | None:
    """The accuracy of the run's latest evaluation on data other than its validation split, if any."""
    from alexnet_desktop.core.runs.evaluations import read_evaluations

    try:
        saved = read_evaluations(run.path)
    except (OSError, ValueError):
        return None
    others = sorted((v for k, v in saved.items() if k != "validation"), key=lambda v: str(v.when))
    return float(others[-1].accuracy) if others else None


def _summary(run: Any, manifest: Any) -> RunSummary | None:
    """The run's summary, or None (listed as damaged) when its recorded training settings are not
    ones a resume would accept: out of bounds or of the wrong type. (A run that records none, made
    by hand or by an old version, is listed as it says: it predicts, and a resume says why not.)"""
    from alexnet_desktop.core.training.config import TrainConfig

    try:
        if manifest.training:
            TrainConfig.from_manifest(manifest.training, str(run.manifest_path))
        return RunSummary.of(run, manifest)
    except (ValueError, TypeError):
        return None


def summarize_runs(runs_dir: Path) -> list[RunSummary]:
    """Every run under `runs_dir`, newest first, with its size; a folder whose run.json cannot
    be read is listed as "damaged" (its space counts too, and `delete` can remove it)."""
    from alexnet_desktop.core.runs.folder import list_runs

    readable = {run.path: _summary(run, manifest) for run, manifest in list_runs(runs_dir)}
    out = []
    for path in sorted((p for p in Path(runs_dir).glob("*/run.json")), reverse=True):
        run_dir = path.parent
        out.append(readable.get(run_dir) or RunSummary(run_dir.name, str(run_dir), "?", "?", "damaged", 0, 0, None, None,
                                                       folder_size(run_dir), "none"))
    return out


def find_run(given: str, runs_dir: Path) -> RunFolder:
    """A run named by its folder's path, or by its name under `runs_dir`; a clear error otherwise."""
    for candidate in (Path(given), Path(runs_dir) / given):
        if (candidate / "run.json").is_file():
            return RunFolder(candidate)
    if Path(given).is_dir():
        raise FileNotFoundError(say("{0}: not a run folder (it has no run.json)", given))
    raise FileNotFoundError(say("{0}: no such run (neither a run folder nor a run in {1})", given, runs_dir))


def tidy_runs(runs: list[RunFolder], action: str, to_trash: Any | None, emit: Any, stop: Any) -> list[tuple[str, str]]:
    """A job (core/jobs.py) that frees ("free") or deletes ("delete") each of `runs` in turn,
    with `Progress` after each; a run that cannot be (being trained, changed, no trash) is left
    as it is. Returns (run name, reason) for those. Stopped, it ends after the current run with
    `Cancelled`: what it did so far stays done, since each run is whole before the next."""
    from alexnet_desktop.core.events import Progress
    from alexnet_desktop.core.jobs import stop_point
    from alexnet_desktop.core.wording import message_of

    left: list[tuple[str, str]] = []
    for done, run in enumerate(runs):
        stop_point(stop)
        try:
            free_resume_state(run) if action == "free" else delete_run(run, to_trash)
        except (OSError, ValueError) as exc:  # being trained, its model changed, or no trash: left as it is
            left.append((run.path.name, message_of(exc)))
        emit(Progress(done + 1, len(runs), say("runs")))
    return left
