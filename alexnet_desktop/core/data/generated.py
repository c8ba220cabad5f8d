"""Datasets the app writes itself (the demo, images unpacked from CIFAR-10 or MNIST files).

Such data is written once into the workspace as an ordinary folder-per-class dataset, so
it is read, checked, trained on and predicted from by the same code and the same decoder
as any user's folder. Writing goes to a temporary folder that is renamed into place, so an
interrupted first use never leaves half a dataset behind; a marker file records what was
written, and a folder whose marker matches is reused as is.
"""

from __future__ import annotations
from alexnet_desktop.core.files import read_text

import json
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np
from PIL import Image

MARKER = ".alexnet-generated.json"


def read_marker(root: Path, marker: str = MARKER) -> dict | None:
    """The identity recorded in a generated folder, or None when there is none."""
    try:
        return json.loads(read_text(Path(root) / marker))
    except (OSError, ValueError):
        return None


def write_once(root: Path, identity: dict[str, Any], write: Callable[[Path], None], marker: str = MARKER) -> Path:
    """Make sure `root` holds what `write(folder)` writes for `identity`, writing it if needed.

    Returns `root`. A folder whose marker equals `identity` is reused untouched; anything
    else at `root` was written by an older version of the app and is replaced.
    """
    root = Path(root)
    if read_marker(root, marker) == identity:
        return root
    root.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{root.name}-", dir=root.parent))
    try:
        write(tmp)
        (tmp / marker).write_text(json.dumps(identity, indent=1), encoding="utf-8")
        if root.exists():
            shutil.rmtree(root)
        tmp.rename(root)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return root


def write_image_folders(
    folder: Path, images: np.ndarray, labels: Sequence[int], class_names: Sequence[str], prefix: str = ""
) -> None:
    """Write `images` (N, H, W[, C] uint8) as PNGs into `folder/<class name>/<prefix><index>.png`.

    PNG is lossless, so the pixels trained on are exactly the ones distributed.
    """
    folder = Path(folder)
    for name in class_names:
        (folder / name).mkdir(parents=True, exist_ok=True)
    width = max(5, len(str(len(images))))

    def save(i: int) -> None:
        name = class_names[int(labels[i])]
        Image.fromarray(np.ascontiguousarray(images[i])).save(
            folder / name / f"{prefix}{i + 1:0{width}d}.png", compress_level=1
        )

    # zlib releases the GIL, so a few threads write several times faster than one.
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in pool.map(save, range(len(images)), chunksize=256):
            pass
