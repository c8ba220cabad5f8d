"""A dataset with known faults for the check-labels tests: colour classes, a few images filed
under the wrong class, one image copied into another class, and one that belongs to no class."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

COLOURS = {"red": (220, 40, 40), "green": (40, 190, 40), "blue": (40, 40, 220)}


@dataclass
class FaultyDataset:
    """Where the dataset is and which of its files are wrong, and how."""

    root: Path
    flipped: dict[Path, tuple[str, str]] = field(default_factory=dict)  # file -> (given, true)
    duplicate: tuple[Path, Path] | None = None
    outlier: Path | None = None


def _image(colour: tuple[int, int, int], rng: np.random.Generator, side: int = 40) -> Image.Image:
    base = np.array(colour, dtype=np.int16)
    pixels = np.clip(base + rng.integers(-35, 35, (side, side, 3)), 0, 255).astype(np.uint8)
    return Image.fromarray(pixels)


def write_faulty_dataset(root: Path, per_class: int = 20, seed: int = 0) -> FaultyDataset:
    """`per_class` images of each colour; two images given the wrong class; one red image copied into
    green; and one black-and-white checkerboard filed under blue."""
    rng = np.random.default_rng(seed)
    out = FaultyDataset(root)
    names = list(COLOURS)
    for c in names:
        (root / c).mkdir(parents=True, exist_ok=True)
        for i in range(per_class):
            _image(COLOURS[c], rng).save(root / c / f"{c}_{i:03d}.png")
    for k, (true, given) in enumerate((("red", "blue"), ("green", "red"))):
        path = root / given / f"x_{true}_filed_{k}.png"
        _image(COLOURS[true], rng).save(path)
        out.flipped[path] = (given, true)
    src = root / "red" / "red_000.png"
    copy = root / "green" / "copy_of_red_000.png"
    shutil.copyfile(src, copy)
    out.duplicate = (src, copy)
    board = (np.indices((40, 40)).sum(axis=0) // 5 % 2 * 255).astype(np.uint8)
    out.outlier = root / "blue" / "checkerboard.png"
    Image.fromarray(np.stack([board] * 3, axis=-1)).save(out.outlier)
    return out
