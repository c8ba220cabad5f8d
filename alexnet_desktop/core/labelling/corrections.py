"""The user's corrections (image -> the class it really is) and a dataset with them applied.

A CORRECTIONS FILE is a UTF-8 CSV with the header `file,label,sha256` (`sha256` optional when
read). `file` is an absolute path, or one relative to the CSV's folder; `label` is a class
name, or empty for "leave this image out of training"; `sha256` is the file's hash when the
decision was made. A later row for the same file wins.

Retraining with corrections never copies or moves the user's files: the new training set is
the run's own dataset described again, as a list, with each corrected image given its new
label (replacing the one the dataset gave it) or added when the dataset did not hold it. The
corrections used are saved in the run's settings (`TrainConfig.corrections`), hashes
included, so `run.json` says exactly what was changed and a resume applies the same list.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from alexnet_desktop.core.files import atomic_write_text, read_text, sha256_file
from alexnet_desktop.core.data.datasets import Dataset, DatasetError, Sample, dataset_from_samples
from alexnet_desktop.core.wording import say

HEADER = ("file", "label", "sha256")
MAX_ROWS = 1_000_000  # a corrections file is typed by a person or saved by the app; more is a wrong file


@dataclass(frozen=True)
class Correction:
    """One decision: `path` is class `label` ("" leaves it out of training); `sha256` is the
    file's hash when the decision was made ("" when not known)."""

    path: Path
    label: str
    sha256: str = ""

    def to_record(self) -> dict[str, str]:
        """The form saved in run.json's settings."""
        return {"file": str(self.path), "label": self.label, "sha256": self.sha256}

    @classmethod
    def from_record(cls, record: dict) -> "Correction":
        """The inverse of `to_record`."""
        return cls(Path(record["file"]), str(record.get("label") or ""), str(record.get("sha256") or ""))


@dataclass
class Applied:
    """What applying corrections did, for the run's messages and its record."""

    relabelled: list[tuple[Path, str, str]] = field(default_factory=list)  # path, old label, new label
    added: list[Path] = field(default_factory=list)
    left_out: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # path, why

    def lines(self) -> list[tuple[str, str]]:
        """One (line, level) per change, in words; a correction not used is a warning."""
        out = [(say("{0}: label {1!r} replaced by your correction {2!r}", p, old, new), "info") for p, old, new in self.relabelled]
        out += [(say("{0}: left out of training, as you chose", p), "info") for p in self.left_out]
        out += [(say("{0}: correction not used: {1}", p, why), "warning") for p, why in self.skipped]
        return out

    def to_record(self) -> dict:
        """The summary run.json keeps beside the list of corrections in the settings."""
        return {"relabelled": [{"file": str(p), "was": old, "now": new} for p, old, new in self.relabelled],
                "added": [str(p) for p in self.added], "left_out": [str(p) for p in self.left_out],
                "not_used": [{"file": str(p), "reason": why} for p, why in self.skipped]}

    def summary(self) -> str:
        """One line for the whole set."""
        return say("Corrections: {0} relabelled, {1} added, {2} left out, {3} not used",
                   len(self.relabelled), len(self.added), len(self.left_out), len(self.skipped))


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, as the corrections file records it (`core.files`' one hasher)."""
    return sha256_file(path)


def latest(corrections: Iterable[Correction]) -> list[Correction]:
    """One correction per file (the later wins), in the order files were first corrected."""
    by_file: dict[str, Correction] = {}
    for c in corrections:
        by_file[_key(c.path)] = c
    return list(by_file.values())


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def read_corrections(path: Path | str) -> list[Correction]:
    """Read a corrections file (see the module's docstring); raise DatasetError naming the
    file and line for anything that is not one. Hashes missing from it are left empty."""
    path = Path(path)
    try:
        text = read_text(path, what=say("a corrections file"), encoding="utf-8-sig")
    except OSError as exc:
        raise DatasetError(say("{0}: cannot read the corrections file ({1})", path, exc.strerror or exc)) from None
    except ValueError as exc:  # a pipe, a device, too large, not UTF-8: the reason names the file
        raise DatasetError(str(exc)) from None
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if "file" not in columns or "label" not in columns:
        raise DatasetError(say("{0}: a corrections file needs the columns file,label (found {1})", path, ", ".join(columns) or "none"))
    reader.fieldnames = columns
    out = []
    for n, row in enumerate(reader, start=2):
        if n > MAX_ROWS:
            raise DatasetError(say("{0}: more than {1:,} rows; is this a corrections file?", path, MAX_ROWS))
        name = (row.get("file") or "").strip()
        if not name:
            raise DatasetError(say("{0}, line {1}: no file given", path, n))
        file = Path(name) if Path(name).is_absolute() else path.parent / name
        out.append(Correction(Path(os.path.abspath(file)), (row.get("label") or "").strip(), (row.get("sha256") or "").strip().lower()))
    return latest(out)


def write_corrections(path: Path | str, corrections: Iterable[Correction]) -> None:
    """Write a corrections file (header `file,label,sha256`), replacing `path` whole."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADER)
    for c in latest(corrections):
        writer.writerow([str(c.path), c.label, c.sha256])
    atomic_write_text(Path(path), buf.getvalue())


def with_hashes(corrections: Iterable[Correction]) -> list[Correction]:
    """Each correction with its file's hash filled in where it had none (a missing or
    unreadable file keeps an empty hash; applying it reports why)."""
    out = []
    for c in latest(corrections):
        if not c.sha256:
            try:
                c = Correction(c.path, c.label, file_sha256(c.path))
            except OSError:
                pass
        out.append(c)
    return out


def _usable(c: Correction) -> str:
    """Why a correction cannot be used now ("" when it can)."""
    if not c.path.is_file():
        return say("the file is gone")
    if c.sha256:
        try:
            if file_sha256(c.path) != c.sha256:
                return say("the file changed since you corrected it")
        except OSError as exc:
            return say("cannot read it ({0})", exc.strerror or exc)
    return ""


def apply_corrections(dataset: Dataset, corrections: Iterable[Correction]) -> tuple[Dataset, Applied]:
    """The dataset with the corrections applied: a corrected image the dataset holds gets
    the new label (or is left out for an empty label); one it does not hold is added. A
    corrected image in the dataset's test part moves to training. A correction to a label the
    dataset has no class for is not used, and says why. Nothing on disk changes."""
    applied = Applied()
    wanted: dict[str, Correction] = {}
    classes = set(dataset.class_names)
    for c in latest(corrections):
        why = _usable(c)
        if not why and c.label and c.label not in classes:
            # A typo must not become a class of its own (and cost the run its trained classifier).
            why = say("its label {0!r} is not a class of this dataset ({1})", c.label, ", ".join(dataset.class_names))
        if why:
            applied.skipped.append((c.path, why))
        else:
            wanted[_key(c.path)] = c
    samples, seen = [], set()
    for s in dataset.samples:
        c = wanted.get(_key(s.path))
        if c is None:
            samples.append(s)
            continue
        seen.add(_key(s.path))
        if not c.label:
            applied.left_out.append(s.path)
        else:
            if c.label != s.label:
                applied.relabelled.append((s.path, s.label, c.label))
            samples.append(Sample(s.path, c.label))
    test = [s for s in dataset.test_samples if _key(s.path) not in wanted]
    for key, c in wanted.items():
        if key not in seen and c.label:
            samples.append(Sample(c.path, c.label))
            applied.added.append(c.path)
    if len({s.label for s in samples}) < 2:
        raise DatasetError(say("{0}: with your corrections the training set has fewer than 2 classes", dataset.root))
    out = dataset_from_samples(
        dataset.root, samples, dataset.loader_id, dataset.options,
        test_samples=test, passed_over=dataset.passed_over, notes=[*dataset.notes, applied.summary()],
    )
    return out, applied
