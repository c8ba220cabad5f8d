"""Dataset loader plugin: labels taken from file names, `cat.123.jpg` -> `cat` (seed 001).

The rule, applied to the name without its extension:

1. if it still holds a dot, the label is the text before the first dot
   (`cat.123.jpg` -> `cat`, `dog.7.v2.png` -> `dog`), as seed 001's `image.split('.')[0]`;
2. otherwise a trailing number and the `_`, `-` or space before it are removed
   (`golden_retriever_12.jpg` -> `golden_retriever`, `tulip (3).png` -> `tulip`);
3. labels are compared without regard to case unless asked (`Cat.1.jpg` and `cat.2.jpg`
   are one class, named as most of its files spell it).

A name that leaves no label, or only a number (`123.jpg`, `_4.png`, as in Kaggle's
unlabelled `test1/` folder), is ambiguous: it is passed over and listed with that reason.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from alexnet_desktop.plugin_api import (
    Dataset, DatasetError, DatasetLoader, Option, Sample, TRAIN_NAMES, dataset_from_samples, has_images,
    hookimpl, is_image_name, list_image_files, say,
)


TRAILING_NUMBER = re.compile(r"^(.*?)[\s_-]*\(?\d+\)?$")


def label_from_name(name: str) -> str | None:
    """The label the rule gives for a file name, or None when the name is ambiguous."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if "." in stem:
        label = stem.split(".", 1)[0]
    else:
        m = TRAILING_NUMBER.match(stem)
        label = m.group(1) if m else stem
    label = label.strip(" _-")
    if not label or label.isdigit():
        return None
    return label


def _labelled_folder(path: Path) -> Path:
    """`path`, or its training part when `path` holds one (Kaggle's `train/` beside `test1/`)."""
    if not has_images(path):
        for sub in sorted(p for p in path.iterdir() if p.is_dir()):
            if sub.name.lower() in TRAIN_NAMES and has_images(sub):
                return sub
    return path


def load_filename_labels(path: Path, case_sensitive: bool = False, recursive: bool = False) -> Dataset:
    """Label every image in `path` (or its `train/` part) by its file name (see the module's rule)."""
    path = Path(path)
    if not path.is_dir():
        raise DatasetError(say("{0}: not a folder", path))
    path = _labelled_folder(path)
    listing = list_image_files(path, recursive=recursive)
    passed = listing.passed_over()
    raw: list[tuple[Path, str]] = []
    for p in listing.files:
        label = label_from_name(p.name)
        if label is None:
            passed.append((p, say("ambiguous name: no label before the number (expected e.g. cat.123.jpg)")))
        else:
            raw.append((p, label))
    notes = []
    if not case_sensitive:
        spellings: dict[str, Counter] = {}
        for _, label in raw:
            spellings.setdefault(label.lower(), Counter())[label] += 1
        chosen = {key: c.most_common(1)[0][0] for key, c in spellings.items()}
        for key, c in spellings.items():
            if len(c) > 1:
                notes.append(say("labels {0} differ only in case: one class {1!r}", ", ".join(repr(s) for s in sorted(c)), chosen[key]))
        raw = [(p, chosen[label.lower()]) for p, label in raw]
    if not raw:
        raise DatasetError(say("{0}: no file names with a label (expected names such as cat.123.jpg)", path))
    samples = [Sample(p, label) for p, label in raw]
    return dataset_from_samples(
        path, samples, "filename", {"case_sensitive": case_sensitive, "recursive": recursive},
        passed_over=passed, notes=notes,
    )


def detect_filename_labels(path: Path) -> float:
    """Likely when a flat folder's image names give at least two labels, each used more than once
    (a weak guess when other names are mixed in; none when fewer than two labels repeat)."""
    path = Path(path)
    try:
        if path.is_dir():
            path = _labelled_folder(path)
        names = [e.name for e in path.iterdir() if e.is_file()][:2000] if path.is_dir() else []
    except OSError:
        return 0.0
    labels = [label_from_name(n) for n in names if is_image_name(n)]
    if len(labels) < 4:
        return 0.0
    found = Counter(label.lower() for label in labels if label)
    labelled = sum(found.values())
    repeated = [n for n in found.values() if n >= 2]
    if len(repeated) >= 2 and labelled >= 0.75 * len(labels) and sum(repeated) >= 0.8 * labelled:
        return 0.8
    # Camera names (IMG_0001.jpg ... beside one cover.png) give one repeated "label": not a dataset.
    return 0.1 if len(repeated) >= 2 else 0.0


FILENAME_LOADER = DatasetLoader(
    id="filename",
    name="Labels in file names",
    description=(
        "One folder of images whose names start with their class, as in Kaggle's cats vs dogs "
        "(seed 001): cat.123.jpg is a cat. The label is the text before the first dot, or before "
        "a trailing number; names with no label are listed."
    ),
    detect=detect_filename_labels,
    load=load_filename_labels,
    options=(
        Option("case_sensitive", "bool", False, "Treat Cat and cat as different classes."),
        Option("recursive", "bool", False, "Also take images from folders inside this one."),
    ),
)


@hookimpl
def register_dataset_loaders():
    """Provide the labels-from-file-names loader."""
    return [FILENAME_LOADER]
