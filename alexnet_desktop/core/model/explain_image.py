"""The "explain one image" job the image viewers run: the image first, then its heat map.

`explain_image` decodes the image for viewing and emits `ImageDecoded` at once, so it is
shown while the heat map is made; then, if asked, it loads the run's model when none is
given (`ModelLoaded`, so the caller can keep it for the next image), reports the views
made (`HeatProgress`) and returns the `HeatMap`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alexnet_desktop.core import wording
from alexnet_desktop.core.data.images import ImageDecodeError, decode_image
from alexnet_desktop.core.events import Cancelled, Emit, Progress, no_emit
from alexnet_desktop.core.model.loaded import LoadedModel, load_for_prediction
from alexnet_desktop.core.model.explain import explain, overlay


@dataclass(frozen=True)
class ImageDecoded:
    """The image decoded for viewing (uint8 RGB, its aspect kept), or None and why not."""

    path: Path
    pixels: Any
    reason: Any = None  # a message (text or translatable) when `pixels` is None


@dataclass(frozen=True)
class ModelLoaded:
    """The run's model, loaded for this heat map: worth keeping for the next one."""

    run: Path
    loaded: LoadedModel


@dataclass(frozen=True)
class HeatProgress:
    """Views of `path` made so far for its heat map."""

    path: Path
    progress: Progress


@dataclass(frozen=True)
class HeatMap:
    """The heat map laid over the viewed image, for the class explained, by `method`."""

    path: Path
    pixels: Any
    class_name: str
    method: str
    probability: float


def explain_image(
    path: Path,
    view_size: int,
    *,
    heat: bool,
    loaded: LoadedModel | None = None,
    run: Path | None = None,
    class_index: int | None = None,
    method: str,
    emit: Emit = no_emit,
    stop: threading.Event | None = None,
) -> HeatMap | None:
    """Decode `path` at `view_size` for viewing; with `heat`, explain it with `loaded` (or the
    model of `run`). None when no heat map was asked for, the image is unreadable, or `stop`
    ended it."""
    stop = stop or threading.Event()
    try:
        big = decode_image(path, size=view_size, keep_aspect=True)
    except (ImageDecodeError, OSError) as exc:
        emit(ImageDecoded(path, None, getattr(exc, "reason", None) or wording.message_of(exc)))
        return None
    emit(ImageDecoded(path, big))
    if not heat or stop.is_set():
        return None
    if loaded is None:
        loaded = load_for_prediction(run)
        emit(ModelLoaded(run, loaded))
    try:  # made on the model's square view; overlay lays it back at the image's aspect
        e = explain(loaded.model, decode_image(path, size=loaded.image_size, resize=loaded.resize), method, class_index,
                    emit=lambda p: emit(HeatProgress(path, p)), stop=stop)
    except Cancelled:
        return None
    return HeatMap(path, overlay(big, e.heat), loaded.class_names[e.class_index], method, e.probability)
