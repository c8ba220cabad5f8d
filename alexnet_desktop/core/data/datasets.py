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

from alexnet_desktop.core.data.image_files import JUNK_DIRS, has_images, list_image_files
from alexnet_desktop.core.wording import say


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
    notes: list[str] = field(default_factory=list)  # what the loader inferred or doubts, for the scan report

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


# Folder names that mark the parts of a dataset distributed with its split made (the Intel
# scenes' seg_train/seg_test/seg_pred, Kaggle's train/test1, ...), matched case-insensitively.
TRAIN_NAMES = frozenset({"train", "training", "seg_train", "train_set", "training_set"})
TEST_NAMES = frozenset({"test", "testing", "seg_test", "test_set", "val", "valid", "validation", "seg_val"})
PREDICT_NAMES = frozenset({"pred", "predict", "prediction", "seg_pred", "test1", "unlabelled", "unlabeled"})


def dataset_from_samples(
    root: Path,
    samples: list[Sample],
    loader_id: str,
    options: dict[str, Any],
    *,
    test_samples: list[Sample] | None = None,
    passed_over: list[tuple[Path, str]] | None = None,
    notes: list[str] | None = None,
) -> Dataset:
    """Make a Dataset from labelled samples, with the class names sorted as Keras sorts them.

    The class names come from the training samples; a test sample whose class is not
    among them cannot be scored, so it is passed over with that reason.
    """
    class_names = sorted({s.label for s in samples})
    if not class_names:
        raise DatasetError(say("{0}: no labelled images found", root))
    known = set(class_names)
    kept_test, passed = [], list(passed_over or [])
    for s in test_samples or []:
        if s.label in known:
            kept_test.append(s)
        else:
            passed.append((s.path, say("test image of class {0!r}, which has no training images", s.label)))
    return Dataset(
        samples, class_names, Path(root), loader_id, dict(options),
        test_samples=kept_test, passed_over=passed, notes=list(notes or []),
    )


def _subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(
            p for p in folder.iterdir()
            if p.is_dir() and not p.name.startswith(".") and p.name.lower() not in JUNK_DIRS
        )
    except OSError:
        return []


def unwrap_nesting(folder: Path, into_leaf: bool = False) -> Path:
    """Step down through folders that only wrap one other folder (`seg_train/seg_train/`).

    Archives often unpack to a folder holding a folder of the same data; the real root is
    the first folder that holds images or more than one sub-folder. A lone folder that
    holds only images is stepped into only with `into_leaf` (for a prediction input such
    as `seg_pred/seg_pred/`); in a labelled dataset it is a class folder and stays one.
    """
    folder = Path(folder)
    for _ in range(8):
        subs = _subfolders(folder)
        if len(subs) != 1 or has_images(folder) or not (into_leaf or _subfolders(subs[0])):
            break
        folder = subs[0]
    return folder


@dataclass(frozen=True)
class SplitFolders:
    """The parts of a dataset distributed already split: train, test and unlabelled folders."""

    train: Path
    test: Path | None = None
    predict: tuple[Path, ...] = ()


def find_split_folders(root: Path) -> SplitFolders | None:
    """Recognise `root/{train,test,pred}` style layouts (each part possibly nested once more).

    Returns None when `root` has no training folder that itself holds class folders, so a
    dataset whose classes happen to be called "train" and "test" is not misread.
    """
    subs = {p.name.lower(): p for p in _subfolders(root)}
    train = next((subs[n] for n in sorted(subs) if n in TRAIN_NAMES), None)
    if train is None:
        return None
    train = unwrap_nesting(train)
    if len(_subfolders(train)) < 2 or has_images(train):
        return None
    test = next((unwrap_nesting(subs[n]) for n in sorted(subs) if n in TEST_NAMES), None)
    predict = tuple(subs[n] for n in sorted(subs) if n in PREDICT_NAMES)
    return SplitFolders(train, test, predict)


def _class_folder_samples(root: Path, recursive: bool, passed_over: list[tuple[Path, str]]) -> list[Sample]:
    samples: list[Sample] = []
    for d in _subfolders(root):
        listing = list_image_files(d, recursive=recursive)
        samples.extend(Sample(p, d.name) for p in listing.files)
        passed_over += listing.passed_over()
        if not listing.files and not listing.passed_over():
            passed_over.append((d, say("empty folder: no images, so not a class")))
    try:
        loose = sorted(p for p in root.iterdir() if p.is_file() and not p.name.startswith("."))
    except OSError as exc:
        raise DatasetError(say("{0}: cannot list the folder ({1})", root, exc.strerror or exc)) from None
    passed_over += [(p, say("not inside a class folder")) for p in loose]
    return samples


def dataset_from_class_folders(
    root: Path | str, loader_id: str = "folder", recursive: bool = True, test_folder: Path | str | None = None
) -> Dataset:
    """Read a folder whose sub-folders are the classes (the layout of Keras'
    `flow_from_directory`): `root/<class>/**/image`.

    Wrapper folders are stepped through (`seg_train/seg_train/<class>`). When `root` holds
    train/test/pred parts (the Intel scenes' `seg_train`, `seg_test`, `seg_pred`), the
    training part gives the samples, the test part the fixed test split, and the
    unlabelled part is passed over as prediction input. `test_folder`, when given, is a
    separate folder of the same layout used as the test split. Files directly in a class
    root have no class and are passed over; so is junk.
    """
    given = Path(root)
    if not given.is_dir():
        raise DatasetError(say("{0}: not a folder", given))
    root = unwrap_nesting(given)
    passed_over: list[tuple[Path, str]] = []
    notes: list[str] = []
    parts = find_split_folders(root)
    test_root = Path(test_folder) if test_folder else None
    if parts is not None:
        train_root = parts.train
        notes.append(say("training images from {0}", train_root.relative_to(given)))
        if test_root is None and parts.test is not None:
            test_root = parts.test
        passed_over += [(p, say("unlabelled images: a prediction input, not training data")) for p in parts.predict]
    else:
        train_root = root
    samples = _class_folder_samples(train_root, recursive, passed_over)
    if not samples:
        hint = ""
        if has_images(root):
            hint = say(" (a folder of unlabelled images is a prediction input: use it on the Predict page)")
        raise DatasetError(say("{0}: no class folders with images found (expected {0}/<class>/<image>){1}", given, hint))
    test_samples: list[Sample] = []
    if test_root is not None:
        if not test_root.is_dir():
            raise DatasetError(say("{0}: the test folder is not a folder", test_root))
        test_root = unwrap_nesting(test_root)
        test_samples = _class_folder_samples(test_root, recursive, passed_over)
        notes.append(say("{0} test images from {1}", len(test_samples), test_root))
    options = {"recursive": recursive, "test_folder": str(test_folder) if test_folder else ""}
    return dataset_from_samples(
        given, samples, loader_id, options, test_samples=test_samples, passed_over=passed_over, notes=notes
    )


def looks_like_class_folders(root: Path) -> float:
    """How sure (0..1) we are that `root` holds one sub-folder of images per class."""
    root = unwrap_nesting(Path(root))
    parts = find_split_folders(root)
    if parts is not None:
        root = parts.train
    subs = _subfolders(root)[:50]
    with_images = sum(1 for d in subs if has_images(d))
    part_names = TRAIN_NAMES | TEST_NAMES | PREDICT_NAMES
    if with_images >= 2 and all(d.name.lower() in part_names for d in subs):
        return 0.4  # "train" and "test1" full of images are more likely parts than classes
    if with_images >= 2:
        return 0.9
    return 0.3 if with_images == 1 else 0.0


@dataclass(frozen=True)
class Split:
    """A reproducible train/validation split: the same samples and seed give the same split.

    Stratified (the default), every class keeps its share in both parts; otherwise the
    samples are shuffled together and cut once, as scikit-learn's `train_test_split`
    does without `stratify` (seed 001's 75/25 split with seed 21).
    """

    val_fraction: float = 0.2
    seed: int = 1337
    stratified: bool = True

    def apply(self, samples: list[Sample], groups: dict[Path, str] | None = None) -> tuple[list[Sample], list[Sample]]:
        """Split `samples` into (train, validation).

        `groups` maps a file to a key (its content hash): files with the same key go to
        the same side, so an image copied twice never sits in both training and
        validation. Stratified, every class with at least two images (or copies-groups)
        gives one or more to validation when `val_fraction` > 0, so no class goes
        unvalidated.
        """
        if not 0 <= self.val_fraction < 1:
            raise DatasetError(say("validation fraction must be in [0, 1), not {0}", self.val_fraction))
        ordered = sorted(samples, key=lambda s: (s.label, str(s.path)))
        rng = random.Random(self.seed)
        pools: dict[str, list[Sample]] = {"": ordered} if not self.stratified else {}
        if self.stratified:
            for s in ordered:
                pools.setdefault(s.label, []).append(s)
        train, val = [], []
        for key in sorted(pools):
            units = _group(pools[key], groups)
            rng.shuffle(units)
            total = sum(len(u) for u in units)
            target = round(total * self.val_fraction)
            if self.val_fraction > 0 and len(units) >= 2:
                target = max(target, 1)
            taken = 0
            for i, unit in enumerate(units):
                # Always leave at least one unit for training.
                if taken < target and i < len(units) - 1:
                    val += unit
                    taken += len(unit)
                else:
                    train += unit
        return train, val


def _group(samples: list[Sample], groups: dict[Path, str] | None) -> list[list[Sample]]:
    if not groups:
        return [[s] for s in samples]
    units: dict[str, list[Sample]] = {}
    for s in samples:
        units.setdefault(groups.get(s.path) or f"path:{s.path}", []).append(s)
    return list(units.values())
