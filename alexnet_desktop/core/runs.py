"""The run folder: everything one training run leaves on disk, written so a crash loses nothing.

`run.json` (the manifest), `history.csv` (one row per epoch), `model.keras` (the best
model), `labels.txt` (class names, one per line). Files are written to a temporary name,
flushed and renamed, so a crash mid-save leaves the previous version intact.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MANIFEST = "run.json"
HISTORY = "history.csv"
MODEL = "model.keras"
LABELS = "labels.txt"


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` via a flushed temporary file and a rename."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
        raise FileExistsError(f"could not make a new run folder under {runs_dir}")

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

    def read_manifest(self) -> dict[str, Any]:
        """The manifest as a dict; a clear error if the folder is not a run."""
        try:
            return json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FileNotFoundError(f"{self.path}: not a run folder (no {MANIFEST})") from None
        except ValueError as exc:
            raise ValueError(f"{self.manifest_path}: damaged manifest ({exc})") from None

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        """Replace the manifest atomically."""
        atomic_write_text(self.manifest_path, json.dumps(manifest, indent=2, ensure_ascii=False, default=str))

    def update_manifest(self, **changes: Any) -> dict[str, Any]:
        """Merge `changes` into the manifest and write it back; returns the new manifest."""
        manifest = self.read_manifest()
        manifest.update(changes)
        self.write_manifest(manifest)
        return manifest

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
        """The epochs of `history.csv` as dicts of floats (empty if none finished)."""
        try:
            with open(self.history_path, newline="", encoding="utf-8") as f:
                return [{k: float(v) for k, v in row.items() if v not in ("", None)} for row in csv.DictReader(f)]
        except FileNotFoundError:
            return []

    def save_model(self, model: Any) -> None:
        """Save `model` as `model.keras` via a temporary file and a rename."""
        tmp = self.path / ".model.saving.keras"
        model.save(str(tmp))
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, self.model_path)


def list_runs(runs_dir: Path) -> list[tuple[RunFolder, dict[str, Any]]]:
    """Every readable run under `runs_dir` with its manifest, newest first."""
    out = []
    try:
        entries = sorted(Path(runs_dir).iterdir(), reverse=True)
    except OSError:
        return []
    for p in entries:
        run = RunFolder(p)
        if p.is_dir() and run.manifest_path.is_file():
            try:
                out.append((run, run.read_manifest()))
            except (OSError, ValueError):
                continue
    return out
