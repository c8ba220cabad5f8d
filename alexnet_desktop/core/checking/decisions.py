"""The user's decisions on a check's findings, kept as a corrections file in the workspace.

The file is the shared CORRECTIONS FILE (what `train --corrections FILE` reads): a UTF-8 CSV
with the header `file,label,sha256`; `label` a class name (keep it, or relabel it) or empty
(leave the image out of training); `sha256` the file's hash when the decision was made. One
file per dataset folder, under the workspace's `corrections/`; the user's images are never
moved or changed. The whole file is written again at each decision (through a temporary file
and a rename), so a crash leaves the previous decisions whole.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from alexnet_desktop.core.files import atomic_write_text
from alexnet_desktop.core.workspace import Workspace
from alexnet_desktop.core.wording import say

HEADER = ("file", "label", "sha256")
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


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_decisions(path: Path) -> dict[Path, Decision]:
    """The decisions in a corrections file (a later row for a file wins); none when it is missing.
    A relative `file` is relative to the CSV's folder."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    rows = csv.DictReader(io.StringIO(text))
    if not rows.fieldnames or not {"file", "label"} <= set(rows.fieldnames):
        raise ValueError(say("{0}: not a corrections file (its header must be file,label,sha256)", path))
    out: dict[Path, Decision] = {}
    for row in rows:
        file = Path(row["file"] or "")
        if not row["file"]:
            continue
        file = file if file.is_absolute() else path.parent / file
        out[file] = Decision(file, (row.get("label") or "").strip(), (row.get("sha256") or "").strip())
    return out


def write_decisions(path: Path, decisions: dict[Path, Decision]) -> None:
    """Write every decision to `path` (replacing it whole)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HEADER)
    for d in sorted(decisions.values(), key=lambda d: str(d.file)):
        writer.writerow([str(d.file), d.label, d.sha256])
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(Path(path), buf.getvalue())


def decide(path: Path, file: Path, label: str) -> Decision:
    """Record one decision (a class name, or "" to leave the image out) in the file at `path`,
    with the image's hash now; returns it."""
    decisions = read_decisions(path)
    decision = Decision(Path(file), label, file_sha256(Path(file)))
    decisions[decision.file] = decision
    write_decisions(path, decisions)
    return decision


def forget(path: Path, file: Path) -> None:
    """Remove the decision about `file` from the file at `path`, if there is one."""
    decisions = read_decisions(path)
    if decisions.pop(Path(file), None) is not None:
        write_decisions(path, decisions)
