"""The run folder: everything one training run leaves on disk, written so a crash loses nothing.

`run.json` (the manifest), `history.csv` (one row per epoch), `model.keras` (the best
model, weights only: what predicting, evaluating and exporting use), `checkpoint.keras`
(the last finished epoch with the optimizer's state, what a resume starts from, until
the user frees it: `core.training.run_space`), `labels.txt` (class names, one per line),
`logs/` (TensorBoard). Runs saved before model.keras was weights only still load.
Files are written to a temporary name, flushed and renamed, so a crash mid-save leaves
the previous version intact.
"""

from __future__ import annotations

import csv
import io
import os
import re
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alexnet_desktop.core.runs.manifest import MANIFEST, RunManifest, read_if_changed
from alexnet_desktop.core.files import atomic_write_text, read_text
from alexnet_desktop.core.wording import say

HISTORY = "history.csv"
MODEL = "model.keras"
CHECKPOINT = "checkpoint.keras"
LABELS = "labels.txt"
LOGS = "logs"
# A run can be resumed from any of these (with the checkpoint of its last finished epoch).
RESUMABLE = ("stopped", "failed", "diverged", "interrupted", "finished")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:40] or "run"


@dataclass
class RunFolder:
    """One run's folder and its manifest."""

    path: Path

    @classmethod
    def create(cls, runs_dir: Path, arch_id: str, data_name: str) -> "RunFolder":
        """A new, uniquely named folder under `runs_dir`: `YYYYmmdd-HHMMSS_<arch>_<data>`."""
        runs_dir = Path(runs_dir)
        runs_dir.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        base = f"{stamp}_{_slug(arch_id)}_{_slug(data_name)}"
        for n in range(1000):
            path = runs_dir / (base if n == 0 else f"{base}-{n}")
            try:
                path.mkdir()
                return cls(path)
            except FileExistsError:
                continue
        raise FileExistsError(say("could not make a new run folder under {0}", runs_dir))

    @property
    def manifest_path(self) -> Path:
        """`run.json`."""
        return self.path / MANIFEST

    @property
    def model_path(self) -> Path:
        """`model.keras`, the best model of the run."""
        return self.path / MODEL

    @property
    def history_path(self) -> Path:
        """`history.csv`, one row per finished epoch."""
        return self.path / HISTORY

    def manifest(self) -> RunManifest:
        """The typed manifest (`RunManifest.read`); a clear error if the folder is not a run."""
        return RunManifest.read(self.path)

    def write_labels(self, class_names: list[str]) -> None:
        """`labels.txt`: the class names in output order, so a bare model file can be used."""
        atomic_write_text(self.path / LABELS, "".join(f"{c}\n" for c in class_names))

    def write_history(self, rows: list[dict[str, Any]]) -> None:
        """Rewrite `history.csv` with every epoch so far."""
        if not rows:
            return
        fields = list(dict.fromkeys(k for row in rows for k in row))
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
        atomic_write_text(self.history_path, buf.getvalue())

    def read_history(self) -> list[dict[str, float]]:
        """The epochs of `history.csv` as dicts of floats (empty if none finished), each with its
        whole `epoch` number. A file that is not one (a pipe), too large, or damaged is refused
        naming it, the line and the field."""
        try:
            text = read_text(self.history_path, what=say("a run's history"))
        except FileNotFoundError:
            return []
        rows = []
        for line, row in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2):
            rows.append({k: _history_number(self.history_path, line, k, v) for k, v in row.items() if v != ""})
            if not rows[-1].get("epoch", 0.5).is_integer():
                raise ValueError(say("{0}: line {1}: no whole epoch number; the run's history is damaged",
                                     self.history_path, line))
        return rows

    @property
    def checkpoint_path(self) -> Path:
        """`checkpoint.keras`, the last finished epoch with the optimizer state."""
        return self.path / CHECKPOINT

    @property
    def logs_path(self) -> Path:
        """`logs/`, the TensorBoard event files."""
        return self.path / LOGS

    def _save_keras(self, model: Any, dest: Path, with_optimizer: bool) -> None:
        tmp = self.path / f".{dest.stem}.saving.keras"
        try:
            if with_optimizer:
                model.save(str(tmp))
            else:
                _save_weights_only(model, tmp)
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
            self._replace_recorded(tmp, dest)
        finally:
            tmp.unlink(missing_ok=True)

    def _replace_recorded(self, new: Path, dest: Path, digest: str | None = None) -> None:
        """Rename `new` over `dest`, keeping its SHA-256 in the manifest.

        The new hash is recorded beside the old one before the rename and alone after it,
        so whichever file a crash leaves in place still matches the record.
        """
        from alexnet_desktop.core.files import sha256_file

        digest = digest or sha256_file(new)
        hashes = dict(self.manifest().sha256 or {})
        hashes[dest.name] = [digest, *hashes.get(dest.name, [])][:2]
        RunManifest.change(self.path, sha256=hashes)
        os.replace(new, dest)
        RunManifest.change(self.path, sha256={**hashes, dest.name: [digest]})

    def accepted_hashes(self, name: str) -> list[str] | None:
        """The SHA-256 values the app recorded for the file `name` of this run (None for a run
        saved before hashes were recorded)."""
        hashes = self.manifest().sha256
        return list(hashes.get(name, [])) if isinstance(hashes, dict) else None

    def save_model(self, model: Any) -> None:
        """Save `model`'s weights and architecture, without optimizer state, as `model.keras`
        (via a temporary file and a rename)."""
        self._save_keras(model, self.model_path, with_optimizer=False)

    def save_checkpoint(self, model: Any) -> None:
        """Save `model` (compiled: its optimizer state goes with it) as `checkpoint.keras`."""
        self._save_keras(model, self.checkpoint_path, with_optimizer=True)

    def mark_owned(self) -> RunManifest:
        """Record this process as the one training the run (see `effective_status`)."""
        return RunManifest.change(self.path, status="running", owner={"pid": os.getpid(), "host": socket.gethostname()})


def _save_weights_only(model: Any, dest: Path) -> None:
    """Save `model` without its optimizer: Keras's `.keras` writer saves whatever optimizer the
    model holds (it has no `include_optimizer`), so the model holds none while it writes."""
    optimizer = getattr(model, "optimizer", None)
    if optimizer is None:
        model.save(str(dest))
        return
    object.__setattr__(model, "optimizer", None)  # past Keras's attribute tracking: put back as it was
    try:
        model.save(str(dest))
    finally:
        object.__setattr__(model, "optimizer", optimizer)


def effective_status(manifest: RunManifest | dict[str, Any]) -> str:
    """The manifest's status, except that a "running" run whose process is gone is "interrupted".

    A run killed mid-training (power cut, kill -9) never gets to write its end; its
    recorded owner tells whether anyone is still training it.
    """
    if not isinstance(manifest, RunManifest):
        manifest = RunManifest.from_record(manifest)
    status, owner = manifest.status, manifest.owner
    if status != "running" or owner is None or owner.host != socket.gethostname():
        return status
    pid = owner.pid
    if not isinstance(pid, int):
        return "interrupted"
    if pid == os.getpid():
        return status
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return "interrupted"
    except PermissionError:
        return status  # alive, someone else's
    return status


def _history_number(path: Path, line: int, field: Any, value: Any) -> float:
    """One value of `history.csv`, a finite number, or an error naming the file, line and field."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if value is None:
        raise ValueError(say("{0}: line {1}: the field {2} is missing (the line is shorter than the header); the run's "
                             "history is damaged", path, line, field))
    if field is None or number != number or number in (float("inf"), float("-inf")):
        raise ValueError(say("{0}: line {1}, {2}: {3!r} is not a number; the run's history is damaged",
                             path, line, field or say("a field past the header"), value))
    return number


def list_runs(runs_dir: Path) -> list[tuple[RunFolder, RunManifest]]:
    """Every readable run under `runs_dir` with its typed manifest, newest first (each manifest
    read again only when its file changed: `manifest.read_if_changed`)."""
    try:
        names = sorted(os.listdir(runs_dir), reverse=True)
    except OSError:
        return []
    out = []
    for name in names:
        run = RunFolder(Path(runs_dir) / name)
        manifest = read_if_changed(run.manifest_path)
        if manifest is not None:
            out.append((run, manifest))
    return out
