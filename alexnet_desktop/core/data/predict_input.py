"""A folder of images without classes: what `scan` reports for the input of a prediction.

A flat folder of photos is not a dataset to train on, but it is what the Predict page and
`alexnet-desktop predict` take; `scan` says so, with how many images it holds and which files
cannot be read and why, instead of failing as a dataset.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from alexnet_desktop.core.data.image_files import list_image_files
from alexnet_desktop.core.data.images import ImageDecodeError, probe_image
from alexnet_desktop.core.events import Emit, Progress, no_emit
from alexnet_desktop.core.jobs import stop_point


@dataclass
class PredictInput:
    """The images of a folder to predict, and the files that cannot be read, each with why."""

    root: Path
    images: list[Path] = field(default_factory=list)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)
    passed_over: list[tuple[Path, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The report as `scan --json` prints it."""
        return {"kind": "predict-input", "root": str(self.root), "images": len(self.images),
                "unreadable": [{"path": str(p), "reason": r} for p, r in self.unreadable],
                "passed_over": [{"path": str(p), "reason": r} for p, r in self.passed_over]}


def is_predict_input(folder: Path) -> bool:
    """True for a folder holding images directly (not a folder per class)."""
    return Path(folder).is_dir() and bool(list_image_files(folder, recursive=False).files)


def check_predict_input(folder: Path, emit: Emit = no_emit, stop: threading.Event | None = None) -> PredictInput:
    """Read the header of every image directly in `folder`; emits `Progress`. A set `stop`
    raises `Cancelled`."""
    listing = list_image_files(folder, recursive=False)
    out = PredictInput(Path(folder), passed_over=listing.passed_over())
    total = len(listing.files)
    for n, path in enumerate(listing.files, start=1):
        stop_point(stop)
        try:
            probe_image(path)
        except ImageDecodeError as exc:
            out.unreadable.append((path, exc.reason))
        except OSError as exc:
            out.unreadable.append((path, str(exc.strerror or exc)))
        else:
            out.images.append(path)
        if n % 50 == 0 or n == total:
            emit(Progress(n, total, "images"))
    return out
