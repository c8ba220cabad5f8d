"""Small previews of dataset images, decoded by the one decoder (what the network will see)."""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from alexnet_desktop.core.data.datasets import Sample
from alexnet_desktop.core.data.images import ImageDecodeError, decode_image
from alexnet_desktop.core.jobs import Emit, stop_point


@dataclass(frozen=True)
class Thumbnail:
    """One decoded preview with its file and label."""

    path: Path
    label: str
    pixels: np.ndarray  # uint8 (S, S, 3)


def pick_samples(samples: list[Sample], per_class: int, limit: int, seed: int = 0) -> list[Sample]:
    """Up to `per_class` random samples of every class (in class order), at most `limit` in all."""
    rng = random.Random(seed)
    by_class: dict[str, list[Sample]] = {}
    for s in sorted(samples, key=lambda s: (s.label, str(s.path))):
        by_class.setdefault(s.label, []).append(s)
    picked: list[Sample] = []
    for label in sorted(by_class):
        items = by_class[label]
        picked += rng.sample(items, min(per_class, len(items)))
    return picked[:limit]


def thumbnails(samples: list[Sample], size: int) -> list[Thumbnail]:
    """Decode `samples` at `size` x `size`; files that fail (changed since the scan) are left out."""
    out = []
    for s in samples:
        try:
            out.append(Thumbnail(s.path, s.label, decode_image(s.path, size=size)))
        except ImageDecodeError:
            continue
    return out


@dataclass(frozen=True)
class ThumbnailDecoded:
    """One image a viewer asked for, decoded: its pixels, or None and the reason it could not be read."""

    path: str
    pixels: np.ndarray | None
    error: str = ""


def decode_requested(next_path: Callable[[], str | None], size: int, emit: Emit, stop: threading.Event) -> None:
    """A job (see core/jobs.py) that decodes, at most `size` on a side with its shape kept, each
    path `next_path` hands out (the viewer's newest request first) until it hands out None;
    emits a `ThumbnailDecoded` per path. A stop raises `Cancelled`: the rest stay asked for."""
    while True:
        stop_point(stop)
        path = next_path()
        if path is None:
            return
        try:
            emit(ThumbnailDecoded(path, decode_image(path, size=size, keep_aspect=True)))
        except (ImageDecodeError, OSError) as exc:
            emit(ThumbnailDecoded(path, None, str(exc)))
