"""Explaining image files into a folder, for scripts: `<stem>.heat.png` and `<stem>.heat.npy`.

For each image, the map is made on the image as the model sees it (decoded and stretched to
its input size, as prediction does) and laid back over the image at its own size (scaled to fit `OVERLAY_MAX_SIDE` when larger):
`<stem>.heat.png` is the overlay the app shows, `<stem>.heat.npy` the map (float32, the
image's height x width, >= 0, larger = more evidence, peak 1). Two inputs with one stem, or
a name already in the folder, get `<stem>-2`, `<stem>-3`...: nothing in the folder is ever
replaced. Each file is written to a unique temporary name in the folder and then linked
to its name, which fails rather than replace a file that appeared meanwhile.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image

from alexnet_desktop.core.events import Cancelled, Emit, Progress, no_emit
from alexnet_desktop.core.model.explain import DEFAULT_METHOD, check_method, explain, heat_at, overlay
from alexnet_desktop.core.data.images import ImageDecodeError, decode_image
from alexnet_desktop.core.model.loaded import LoadedModel
from alexnet_desktop.core.files import temporary_beside
from alexnet_desktop.core.wording import say

# The longest side a map is written at: a 10000x10000 scan's map at its own size would take
# gigabytes to make (see benchmarks/NOTES.md), and no screen shows more.
OVERLAY_MAX_SIDE = 2048
PNG_SUFFIX = ".heat.png"
NPY_SUFFIX = ".heat.npy"


@dataclass(frozen=True)
class HeatWritten:
    """One image explained: the class and method, and where its overlay and map went."""

    source: Path
    png: Path
    npy: Path
    class_name: str
    method: str
    probability: float
    layer: str = ""  # the layer the method used (`Explanation.layer`)


@dataclass(frozen=True)
class HeatFailed:
    """One image that could not be explained, and why (a sentence naming no file)."""

    source: Path
    reason: str


def class_index_of(loaded: LoadedModel, name: str | None) -> int | None:
    """The index of class `name` in the model (None: the predicted class), or a ValueError
    listing the model's classes."""
    if name is None:
        return None
    if name not in loaded.class_names:
        raise ValueError(say("the model has no class {0!r}; its classes are {1}", name, ", ".join(loaded.class_names)))
    return loaded.class_names.index(name)


def _key(name: str) -> str:
    # Case- and normalisation-blind, as the folder's file system may be.
    return unicodedata.normalize("NFC", name).casefold()


def _temp(folder: Path, name: str, write: Callable) -> Path:
    fd, tmp = temporary_beside(Path(folder) / name, ".partial")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _publish(tmp: Path, dest: Path) -> bool:
    """Give `tmp` the name `dest` unless that name is taken (then False); never replaces."""
    try:
        os.link(tmp, dest)
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links
        if dest.exists() or dest.is_symlink():
            return False
        os.rename(tmp, dest)
    return True


def write_heat(folder: Path, stem: str, overlay_rgb: np.ndarray, heat: np.ndarray, taken: set[str]) -> tuple[Path, Path]:
    """Write the pair `<stem>[-N].heat.png` and `.heat.npy` under the first N free in `folder`
    and in `taken` (the names this job has given); returns their paths."""
    png_tmp = _temp(folder, stem + PNG_SUFFIX, lambda f: Image.fromarray(overlay_rgb).save(f, "PNG"))
    npy_tmp = _temp(folder, stem + NPY_SUFFIX, lambda f: np.save(f, heat.astype(np.float32), allow_pickle=False))
    try:
        n = 1
        while True:
            base = stem if n == 1 else f"{stem}-{n}"
            n += 1
            png, npy = folder / (base + PNG_SUFFIX), folder / (base + NPY_SUFFIX)
            if _key(base) in taken or any(p.exists() or p.is_symlink() for p in (png, npy)):
                continue
            if not _publish(png_tmp, png):
                continue
            if not _publish(npy_tmp, npy):
                png.unlink()  # the overlay just made, for a pair that must share a name
                continue
            taken.add(_key(base))
            return png, npy
    finally:
        png_tmp.unlink(missing_ok=True)
        npy_tmp.unlink(missing_ok=True)


def explain_files(
    loaded: LoadedModel,
    paths: list[Path],
    out_dir: str | Path,
    *,
    method: str = DEFAULT_METHOD,
    class_name: str | None = None,
    emit: Emit = no_emit,
    stop: threading.Event | None = None,
) -> list[HeatWritten | HeatFailed]:
    """Explain each image of `paths` into `out_dir` (made if missing). Emits
    `Progress(done, total, "images")`, and per image a `HeatWritten` or a `HeatFailed` (an
    unreadable file); stops between images when `stop` is set (raises `Cancelled`)."""
    check_method(method)
    class_index = class_index_of(loaded, class_name)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    results: list[HeatWritten | HeatFailed] = []
    for i, path in enumerate(paths):
        if stop is not None and stop.is_set():
            raise Cancelled()
        path = Path(path)
        try:
            image = decode_image(path, size=OVERLAY_MAX_SIDE, keep_aspect=True)
            seen = decode_image(path, size=loaded.image_size, resize=loaded.resize)
        except ImageDecodeError as exc:
            result: HeatWritten | HeatFailed = HeatFailed(path, exc.reason)
        except OSError as exc:
            result = HeatFailed(path, exc.strerror or str(exc))
        else:
            e = explain(loaded.model, seen, method, class_index, stop=stop)
            heat = heat_at(e.heat, *image.shape[:2])
            png, npy = write_heat(out, path.stem, overlay(image, heat), heat, taken)
            result = HeatWritten(path, png, npy, loaded.class_names[e.class_index], method, e.probability, e.layer)
        results.append(result)
        emit(result)
        emit(Progress(i + 1, len(paths), "images"))
    return results
