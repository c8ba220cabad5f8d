"""Dataset loader plugin: Oxford Flowers-17 as distributed (seed 004).

The archive `17flowers.tgz` unpacks to `jpg/image_0001.jpg` .. `jpg/image_1360.jpg`: 17
classes of 80 images each, in order, so image n belongs to class (n - 1) // 80 of the
list below (the order of the dataset's page, https://www.robots.ox.ac.uk/~vgg/data/flowers/17/).
"""

from __future__ import annotations

import re
from pathlib import Path

from alexnet_desktop.plugin_api import (
    Dataset, DatasetError, DatasetLoader, Sample, dataset_from_samples, hookimpl, list_image_files, say,
)


CLASSES = (
    "Daffodil", "Snowdrop", "Lily of the valley", "Bluebell", "Crocus", "Iris", "Tiger lily", "Tulip",
    "Fritillary", "Sunflower", "Daisy", "Coltsfoot", "Dandelion", "Cowslip", "Buttercup", "Windflower", "Pansy",
)
PER_CLASS = 80
TOTAL = len(CLASSES) * PER_CLASS  # 1360
NAME_RE = re.compile(r"^image_(\d{4})\.jpg$", re.IGNORECASE)


def _image_folder(path: Path) -> Path:
    """The folder that holds the images: `path` itself or its `jpg/` (the archive's layout)."""
    path = Path(path)
    for candidate in (path / "jpg", path / "17flowers" / "jpg"):
        if candidate.is_dir():
            return candidate
    return path


def label_of(number: int) -> str | None:
    """The class of image number `number` (1-based), or None outside 1..1360."""
    return CLASSES[(number - 1) // PER_CLASS] if 1 <= number <= TOTAL else None


def load_flowers17(path: Path) -> Dataset:
    """Label `image_NNNN.jpg` files by their number; anything else is passed over with why."""
    folder = _image_folder(path)
    if not folder.is_dir():
        raise DatasetError(say("{0}: not a folder", path))
    listing = list_image_files(folder, recursive=False)
    samples, passed = [], [(p, why) for p, why in listing.passed_over() if p.name != "files.txt"]
    seen = set()
    for p in listing.files:
        m = NAME_RE.match(p.name)
        label = label_of(int(m.group(1))) if m else None
        if label is None:
            passed.append((p, say("not one of Flowers-17's image_0001.jpg .. image_{0:04d}.jpg", TOTAL)))
            continue
        seen.add(int(m.group(1)))
        samples.append(Sample(p, label))
    if not samples:
        raise DatasetError(say("{0}: no Flowers-17 images (image_0001.jpg .. image_{1:04d}.jpg) found", path, TOTAL))
    notes = []
    missing = TOTAL - len(seen)
    if missing:
        notes.append(say("{0} of the {1} Flowers-17 images are missing", missing, TOTAL))
    return dataset_from_samples(Path(path), samples, "flowers17", {}, passed_over=passed, notes=notes)


def detect_flowers17(path: Path) -> float:
    """Sure when most of the 1360 expected file names are there."""
    folder = _image_folder(path)
    try:
        names = [e.name for e in folder.iterdir()] if folder.is_dir() else []
    except OSError:
        return 0.0
    hits = sum(1 for n in names if (m := NAME_RE.match(n)) and label_of(int(m.group(1))))
    if hits >= 0.9 * TOTAL:
        return 0.95
    return 0.5 if hits >= 2 * PER_CLASS else 0.0


FLOWERS17_LOADER = DatasetLoader(
    id="flowers17",
    name="Oxford Flowers-17",
    description=(
        "The 17 Category Flower Dataset (seed 004): jpg/image_0001.jpg .. image_1360.jpg, "
        "80 images per class in order, labelled with the 17 flower names."
    ),
    detect=detect_flowers17,
    load=load_flowers17,
)


@hookimpl
def register_dataset_loaders():
    """Provide the Flowers-17 loader."""
    return [FLOWERS17_LOADER]
