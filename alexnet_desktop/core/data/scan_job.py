"""Scan with samples: the Data page's job (see core/jobs.py), the dataset checked and a few
decoded sample images of its training part to show beside the report."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alexnet_desktop.core.data.loading import scan_data
from alexnet_desktop.core.data.scan import ScanReport
from alexnet_desktop.core.data.thumbnails import Thumbnail, pick_samples, thumbnails
from alexnet_desktop.core.events import Emit

SAMPLES_PER_CLASS = 4  # sample images of each class...
SAMPLE_LIMIT = 64  # ...and of all classes together
THUMB_SIZE = 128


@dataclass(frozen=True)
class ScannedWithSamples:
    """The scan's report, sample thumbnails of its training part, and whether it has a test part."""

    report: ScanReport
    samples: list[Thumbnail]
    has_test: bool


def scan_with_samples(host: Any, path: str | Path, loader_id: str | None, options: dict[str, Any], emit: Emit,
                      stop: threading.Event) -> ScannedWithSamples:
    """Load and check the dataset at `path` with `loader_id` and its `options`, then decode up
    to SAMPLES_PER_CLASS random training images of each class; emits the scan's progress, and
    a set `stop` raises `Cancelled`."""
    _, report = scan_data(host, path, loader_id, options, emit, stop)
    picked = pick_samples(report.training_part(), SAMPLES_PER_CLASS, SAMPLE_LIMIT)
    return ScannedWithSamples(report, thumbnails(picked, THUMB_SIZE), bool(report.test_paths))
