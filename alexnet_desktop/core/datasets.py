"""The data model of a labelled image collection, and the layouts every loader shares.

A `Dataset` is what any loader plugin returns: samples `(path, label)`, the class names
(sorted as Keras sorts them), and where it came from. The reproducible train/validation
split lives here too, because it is part of a run.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alexnet_desktop.core.images import list_image_files


class DatasetError(ValueError):
    """A folder or file that cannot be read as a dataset, with the reason."""


@dataclass(frozen=True)
class Sample:
    """One labelled image file."""

    path: Path
    label: str


@dataclass
class Dataset:
    """A labelled image collection as a loader found it."""

    samples: list[Sample]
    class_names: list[str]
    root: Path
    loader_id: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    test_samples: list[Sample] = field(default_factory=list)
    passed_over: list[tuple[Path, str]] = field(default_factory=list)  # found but not used, with why

    def counts(self) -> dict[str, int]:
        """Number of samples per class, in class order."""
        out = {c: 0 for c in self.class_names}
        for s in self.samples:
            out[s.label] += 1
        return out

    def fingerprint(self) -> str:
        """A SHA-256 over every sample's relative path, label and file size.

        It changes when files are added, removed, relabelled or rewritten with a new
        size, and is cheap enough to compute on every run (no file is read).
        """
        h = hashlib.sha256()
        for s in sorted(self.samples, key=lambda s: str(s.path)):
            try:
                rel = s.path.relative_to(self.root)
            except ValueError:
                rel = s.path
            try:
                size = s.path.stat().st_size
            except OSError:
                size = -1
            h.update(f"{rel.as_posix()}\0{s.label}\0{size}\n".encode("utf-8", "surrogateescape"))
        return h.hexdigest()


def dataset_from_class_folders(root: Path | str, loader_id: str = "folder", recursive: bool = True) -> Dataset:
    """Read a folder whose sub-folders are the classes (the layout of Keras'
    `flow_from_directory`): `root/<class>/**/image`.

    Files directly in `root` have no class and are passed over; so is junk.
    """
    root = Path(root)
    if not root.is_dir():
        raise DatasetError(f"{root}: not a folder")
    class_dirs = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    samples: list[Sample] = []
    passed_over: list[tuple[Path, str]] = []
    for d in class_dirs:
        listing = list_image_files(d, recursive=recursive)
        samples.extend(Sample(p, d.name) for p in listing.files)
        passed_over += [(p, "system junk file") for p in listing.junk]
        passed_over += [(p, "not an image file extension") for p in listing.other]
        passed_over += listing.problems
    for p in sorted(root.iterdir()):
        if p.is_file() and not p.name.startswith("."):
            passed_over.append((p, "not inside a class folder"))
    class_names = sorted({s.label for s in samples})
    if not class_names:
        raise DatasetError(f"{root}: no class folders with images found (expected {root}/<class>/<image>)")
    return Dataset(samples, class_names, root, loader_id, {"recursive": recursive}, passed_over=passed_over)


def looks_like_class_folders(root: Path) -> float:
    """How sure (0..1) we are that `root` holds one sub-folder of images per class."""
    try:
        subdirs = [p for p in Path(root).iterdir() if p.is_dir() and not p.name.startswith(".")]
    except OSError:
        return 0.0
    with_images = 0
    for d in subdirs[:50]:
        listing = list_image_files(d, recursive=False)
        if listing.files:
            with_images += 1
    if with_images >= 2:
        return 0.9
    return 0.3 if with_images == 1 else 0.0


@dataclass(frozen=True)
class Split:
    """A reproducible stratified train/validation split: the same seed gives the same split."""

    val_fraction: float = 0.2
    seed: int = 1337

    def apply(self, samples: list[Sample]) -> tuple[list[Sample], list[Sample]]:
        """Split per class so every class keeps its share in both parts.

        Every class with at least two images gives one or more to validation when
        `val_fraction` > 0, so no class goes unvalidated.
        """
        if not 0 <= self.val_fraction < 1:
            raise DatasetError(f"validation fraction must be in [0, 1), not {self.val_fraction}")
        by_class: dict[str, list[Sample]] = {}
        for s in sorted(samples, key=lambda s: (s.label, str(s.path))):
            by_class.setdefault(s.label, []).append(s)
        rng = random.Random(self.seed)
        train, val = [], []
        for label in sorted(by_class):
            items = by_class[label][:]
            rng.shuffle(items)
            n_val = round(len(items) * self.val_fraction)
            if self.val_fraction > 0 and len(items) >= 2:
                n_val = min(max(n_val, 1), len(items) - 1)
            val += items[:n_val]
            train += items[n_val:]
        return train, val
