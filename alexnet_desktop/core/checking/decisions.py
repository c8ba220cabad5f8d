"""The user's decisions on a check's findings, kept as a corrections file in the workspace.

The file is the shared CORRECTIONS FILE (what `train --corrections FILE` reads): a UTF-8 CSV
with the header `file,label,sha256`; `label` a class name (keep it, or relabel it) or empty
(leave the image out of training); `sha256` the file's hash when the decision was made. One
file per dataset folder, under the workspace's `corrections/`; the user's images are never
moved or changed. The whole file is written again at each decision (through a temporary file
and a rename), so a crash leaves the previous decisions whole.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from alexnet_desktop.core.labelling.corrections import Correction, file_sha256, read_corrections, write_corrections
from alexnet_desktop.core.workspace import Workspace

KEEP, RELABEL, DROP = "keep", "relabel", "drop"


@dataclass(frozen=True)
class Decision:
    """What to do with one image in training: train with `label`, or leave it out ("" = drop)."""

    file: Path
    label: str
    sha256: str = ""


def corrections_path(root: Path, workspace: Workspace | None = None) -> Path:
    """Where the decisions about the dataset at `root` are kept: named after the folder, with a
    hash of its full path so two folders of one name do not share a file."""
    root = Path(root).resolve()
    tag = hashlib.sha256(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:10]
    name = "".join(c if c.isalnum() or c in "-_" else "-" for c in root.name)[:40] or "data"
    return (workspace or Workspace.default()).root / "corrections" / f"check-{name}-{tag}.csv"


def read_decisions(path: Path) -> dict[Path, Decision]:
    """The decisions in a corrections file (a later row for a file wins; read by the one reader
    of that format, `read_corrections`); none when it is missing."""
    if not Path(path).exists():
        return {}
    return {c.path: Decision(c.path, c.label, c.sha256) for c in read_corrections(path)}


def write_decisions(path: Path, decisions: dict[Path, Decision]) -> None:
    """Write every decision to `path` (replacing it whole)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    ordered = sorted(decisions.values(), key=lambda d: str(d.file))
    write_corrections(path, [Correction(d.file, d.label, d.sha256) for d in ordered])


def decide(path: Path, file: Path, label: str) -> Decision:
    """Record one decision (a class name, or "" to leave the image out) in the file at `path`,
    with the image's hash now; returns it."""
    decisions = read_decisions(path)
    file = Path(os.path.abspath(file))
    decision = Decision(file, label, file_sha256(file))
    decisions[decision.file] = decision
    write_decisions(path, decisions)
    return decision


def forget(path: Path, file: Path) -> None:
    """Remove the decision about `file` from the file at `path`, if there is one."""
    decisions = read_decisions(path)
    if decisions.pop(Path(os.path.abspath(file)), None) is not None:
        write_decisions(path, decisions)
