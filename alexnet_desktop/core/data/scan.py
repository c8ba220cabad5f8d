"""Checking a dataset before it is used: which files decode, which do not, and why.

Besides decoding every file, the scan hashes each file's bytes, so it can report exact
duplicates, the same image under two labels, and the same image on both sides of a
train/validation (or train/test) split, and it flags files whose extension lies about
their content and images too small to carry much.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from alexnet_desktop.core.wording import N_, say
from alexnet_desktop.core.data.datasets import Dataset, Sample
from alexnet_desktop.core.events import Emit, Progress, no_emit
from alexnet_desktop.core.jobs import stop_point
from alexnet_desktop.core.data.images import SUFFIX_FORMATS, ImageDecodeError, decode_image, probe_image

TINY_SIDE = 32  # images smaller than this on either side carry little for AlexNet
# Decoding at a small size runs JPEGs through the reduced-scale path, so checking that a
# file decodes end to end costs a fraction of a full decode.
CHECK_SIZE = 16


@dataclass
class ScanReport:
    """The result of checking every file of a dataset."""

    root: Path
    loader_id: str
    class_names: list[str]
    accepted: list[Sample] = field(default_factory=list)
    rejected: list[tuple[Path, str]] = field(default_factory=list)  # could not be used, and why
    passed_over: list[tuple[Path, str]] = field(default_factory=list)  # not images (junk, READMEs)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the loader inferred (parts used, merges)
    flagged: list[tuple[Path, str]] = field(default_factory=list)  # used, but worth a look, and why
    digests: dict[Path, str] = field(default_factory=dict)  # content hash of every accepted file
    test_paths: set[Path] = field(default_factory=set)  # the files of the dataset's fixed test part

    def counts(self, part: str = "train") -> dict[str, int]:
        """Accepted images per class, in class order, of the training part or the "test" part."""
        c = Counter(s.label for s in self.accepted if (s.path in self.test_paths) == (part == "test"))
        return {name: c.get(name, 0) for name in self.class_names}

    def training_part(self) -> list[Sample]:
        """The accepted files outside the dataset's fixed test part: what training and its
        validation split may use."""
        return [s for s in self.accepted if s.path not in self.test_paths]

    def test_part(self) -> list[Sample]:
        """The accepted files of the dataset's fixed test part (none when it has no such part)."""
        return [s for s in self.accepted if s.path in self.test_paths]

    def to_dict(self) -> dict:
        """A JSON-ready summary (used by `scan --json` and the run manifest)."""
        return {
            "root": str(self.root),
            "loader": self.loader_id,
            "class_names": self.class_names,
            "counts": self.counts(),
            "test_counts": self.counts("test") if self.test_paths else {},
            "accepted": len(self.accepted),
            "rejected": [{"path": str(p), "reason": r} for p, r in self.rejected],
            "passed_over": [{"path": str(p), "reason": r} for p, r in self.passed_over],
            "warnings": self.warnings,
            "notes": self.notes,
            "flagged": [{"path": str(p), "reason": r} for p, r in self.flagged],
        }

    def to_json(self) -> str:
        """`to_dict` as indented JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


@dataclass
class _Checked:
    sample: Sample
    reason: str | None = None
    size: tuple[int, int] | None = None
    format: str = ""
    digest: str = ""


def _check(sample: Sample) -> _Checked:
    try:
        info = probe_image(sample.path)
        decode_image(sample.path, size=CHECK_SIZE)
        with open(sample.path, "rb") as f:
            digest = hashlib.file_digest(f, "blake2b").hexdigest()[:32]
    except ImageDecodeError as exc:
        return _Checked(sample, exc.reason)
    except OSError as exc:
        return _Checked(sample, say("cannot be read ({0})", exc.strerror or exc))
    except Exception as exc:  # noqa: BLE001 - one file's failure rejects that file, never the scan
        return _Checked(sample, say("cannot be read ({0}: {1})", type(exc).__name__, exc))
    return _Checked(sample, None, (info.width, info.height), info.format, digest)


def find_leaks(train: list[Sample], held_out: list[Sample], digests: dict[Path, str]) -> list[tuple[Path, Path]]:
    """Pairs (held-out file, training file) with the same content: the held-out score would be inflated."""
    in_train = {}
    for s in train:
        d = digests.get(s.path)
        if d:
            in_train.setdefault(d, s.path)
    return [(s.path, in_train[d]) for s in held_out if (d := digests.get(s.path)) and d in in_train]


def scan_dataset(dataset: Dataset, emit: Emit = no_emit, stop: threading.Event | None = None) -> ScanReport:
    """Decode every sample of `dataset` (at a small size) and report what can be used.

    Emits `Progress` events; a set `stop` raises `Cancelled` (a scan writes nothing).
    """
    report = ScanReport(dataset.root, dataset.loader_id, list(dataset.class_names))
    report.passed_over = list(dataset.passed_over)
    samples = list(dataset.samples) + list(dataset.test_samples)
    report.test_paths = {s.path for s in dataset.test_samples}
    total = len(samples)
    emit(Progress(0, total, N_("images checked")))
    workers = min(8, (os.cpu_count() or 2) * 2)
    checked: list[_Checked] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        chunk = 64
        for start in range(0, total, chunk):
            stop_point(stop)
            for c in pool.map(_check, samples[start : start + chunk]):
                checked.append(c)
                if c.reason is None:
                    report.accepted.append(c.sample)
                    report.digests[c.sample.path] = c.digest
                else:
                    report.rejected.append((c.sample.path, c.reason))
            emit(Progress(min(start + chunk, total), total, N_("images checked")))
    tiny = mismatched = 0
    for c in checked:
        if c.reason is not None:
            continue
        if c.size and min(c.size) < TINY_SIDE:
            tiny += 1
            report.flagged.append((c.sample.path, say("tiny: {0}x{1} pixels", c.size[0], c.size[1])))
        expected = SUFFIX_FORMATS.get(c.sample.path.suffix.lower())
        if expected and c.format != expected:
            mismatched += 1
            report.flagged.append((c.sample.path, say("named {0} but the content is {1}", c.sample.path.suffix, c.format)))
    _duplicates(report)
    report.notes = list(dataset.notes)
    counts = report.counts()
    for name, n in counts.items():
        if n == 0:
            report.warnings.append(say("class {0!r} has no usable images", name))
        elif n == 1:
            report.warnings.append(say("class {0!r} has a single image: it cannot be both trained and validated", name))
    if counts and max(counts.values()) > 0:
        smallest, largest = min(counts.values()), max(counts.values())
        if smallest and largest / smallest >= 5:
            report.warnings.append(
                say("classes are unbalanced: {0} images in the largest, {1} in the smallest", largest, smallest)
            )
    if tiny:
        report.warnings.append(say("{0} image(s) are smaller than {1}px on a side", tiny, TINY_SIDE))
    if mismatched:
        report.warnings.append(say("{0} file(s) have an extension that does not match their content", mismatched))
    return report


def _duplicates(report: ScanReport) -> None:
    """Flag exact duplicates, conflicting labels, and test images that are also training images."""
    groups: dict[str, list[Sample]] = {}
    for s in report.accepted:
        groups.setdefault(report.digests[s.path], []).append(s)
    copies = conflicts = 0
    for members in groups.values():
        if len(members) < 2:
            continue
        first = members[0]
        for s in members[1:]:
            if s.label != first.label:
                conflicts += 1
                report.flagged.append((s.path, say("same image as {0} but labelled {1!r}, not {2!r}", first.path, s.label, first.label)))
            else:
                copies += 1
                report.flagged.append((s.path, say("exact duplicate of {0}", first.path)))
    if copies:
        report.warnings.append(
            say("{0} exact duplicate file(s); the split keeps copies together so none straddles training and validation", copies)
        )
    if conflicts:
        report.warnings.append(say("{0} image(s) appear under two different labels", conflicts))
    if report.test_paths:
        train, test = report.training_part(), report.test_part()
        leaks = find_leaks(train, test, report.digests)
        for held, seen in leaks:
            report.flagged.append((held, say("test image identical to training image {0}", seen)))
        if leaks:
            report.warnings.append(say("{0} test image(s) are also in the training images: the test score will be too high", len(leaks)))
