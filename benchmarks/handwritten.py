"""Handwritten digits as image files: the data the issues' plain-Keras figures were measured on.

scikit-learn ships the UCI handwritten digits (`sklearn.datasets.load_digits`: 1,797 scans of
8x8 pixels, 0-16 grey levels, about 180 per digit) inside its package, so they need no
network. Issues 34 and 35 measured plain Keras on them at 32 px: 500 held out for testing and
the other ~1,300 for training. These functions write such splits as 32x32 PNG files (grey
levels stretched to 0-255, enlarged bilinearly, as RGB), for the app to read like any folder.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

SIDE = 32
TEST = 500


def digit_images(seed: int) -> tuple[list[tuple[Image.Image, int]], list[tuple[Image.Image, int]]]:
    """(train, test): every digit as a 32x32 RGB image with its label, shuffled by `seed`; the
    last 500 of the shuffle are the test part."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    order = np.random.default_rng(seed).permutation(len(digits.target))
    images = []
    for i in order:
        grey = (digits.images[i] * (255 / 16)).round().astype(np.uint8)
        big = Image.fromarray(grey, "L").resize((SIDE, SIDE), Image.BILINEAR).convert("RGB")
        images.append((big, int(digits.target[i])))
    return images[:-TEST], images[-TEST:]


def write_labelled(root: Path, items: list[tuple[Image.Image, int]], prefix: str) -> Path:
    """`items` as `root/<digit>/<prefix><n>.png`, a folder per class."""
    for n, (image, label) in enumerate(items):
        (root / str(label)).mkdir(parents=True, exist_ok=True)
        image.save(root / str(label) / f"{prefix}{n:05d}.png")
    return root


def write_unlabelled(root: Path, items: list[tuple[Image.Image, int]]) -> Path:
    """`items` as `root/u<n>.png`, their labels thrown away."""
    root.mkdir(parents=True, exist_ok=True)
    for n, (image, _) in enumerate(items):
        image.save(root / f"u{n:05d}.png")
    return root


def few_labelled_split(root: Path, seed: int, per_class: int = 10) -> tuple[Path, Path, Path]:
    """Issue 35's split: `per_class` labelled training images a class, the rest of the training
    part in one unlabelled folder, the 500 test images by class. Returns (labelled, unlabelled, test)."""
    train, test = digit_images(seed)
    taken: dict[int, int] = {}
    labelled, rest = [], []
    for item in train:
        if taken.get(item[1], 0) < per_class:
            taken[item[1]] = taken.get(item[1], 0) + 1
            labelled.append(item)
        else:
            rest.append(item)
    return (write_labelled(root / "labelled", labelled, "l"), write_unlabelled(root / "unlabelled", rest),
            write_labelled(root / "test", test, "t"))
