"""Checking a dataset before it is used: which files decode, which do not, and why."""

from __future__ import annotations

import json
import os
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from alexnet_desktop.core.datasets import Dataset, Sample
from alexnet_desktop.core.events import Emit, Progress, no_emit
from alexnet_desktop.core.images import ImageDecodeError, decode_image, probe_image

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
    cancelled: bool = False

    def counts(self) -> dict[str, int]:
        """Accepted images per class, in class order."""
        c = Counter(s.label for s in self.accepted)
        return {name: c.get(name, 0) for name in self.class_names}

    def to_dict(self) -> dict:
        """A JSON-ready summary (used by `scan --json` and the run manifest)."""
        return {
            "root": str(self.root),
            "loader": self.loader_id,
            "class_names": self.class_names,
            "counts": self.counts(),
            "accepted": len(self.accepted),
            "rejected": [{"path": str(p), "reason": r} for p, r in self.rejected],
            "passed_over": [{"path": str(p), "reason": r} for p, r in self.passed_over],
            "warnings": self.warnings,
            "cancelled": self.cancelled,
        }

    def to_json(self) -> str:
        """`to_dict` as indented JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


def _check(sample: Sample) -> tuple[Sample, str | None, tuple[int, int] | None]:
    try:
        info = probe_image(sample.path)
        decode_image(sample.path, size=CHECK_SIZE)
        return sample, None, (info.width, info.height)
    except ImageDecodeError as exc:
        return sample, exc.reason, None


def scan_dataset(dataset: Dataset, emit: Emit = no_emit, stop: threading.Event | None = None) -> ScanReport:
    """Decode every sample of `dataset` (at a small size) and report what can be used.

    Emits `Progress` events; when `stop` is set, returns what was checked so far with
    `cancelled=True`.
    """
    report = ScanReport(dataset.root, dataset.loader_id, list(dataset.class_names))
    report.passed_over = list(dataset.passed_over)
    samples = list(dataset.samples) + list(dataset.test_samples)
    total = len(samples)
    tiny = 0
    emit(Progress(0, total, "images checked"))
    workers = min(8, (os.cpu_count() or 2) * 2)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        chunk = 64
        for start in range(0, total, chunk):
            if stop is not None and stop.is_set():
                report.cancelled = True
                break
            for sample, reason, size in pool.map(_check, samples[start : start + chunk]):
                if reason is None:
                    report.accepted.append(sample)
                    if size and min(size) < TINY_SIDE:
                        tiny += 1
                else:
                    report.rejected.append((sample.path, reason))
            emit(Progress(min(start + chunk, total), total, "images checked"))
    counts = report.counts()
    for name, n in counts.items():
        if n == 0:
            report.warnings.append(f"class {name!r} has no usable images")
        elif n == 1:
            report.warnings.append(f"class {name!r} has a single image: it cannot be both trained and validated")
    if counts and max(counts.values()) > 0:
        smallest, largest = min(counts.values()), max(counts.values())
        if smallest and largest / smallest >= 5:
            report.warnings.append(
                f"classes are unbalanced: {largest} images in the largest, {smallest} in the smallest"
            )
    if tiny:
        report.warnings.append(f"{tiny} image(s) are smaller than {TINY_SIDE}px on a side")
    return report
