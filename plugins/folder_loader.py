"""Dataset loader plugin: one sub-folder of images per class (Keras' `flow_from_directory`)."""

from __future__ import annotations

from pathlib import Path

from alexnet_desktop.plugin_api import (
    DatasetLoader, Option, dataset_from_class_folders, has_images, hookimpl, looks_like_class_folders,
)



def detect_class_folders(path: Path) -> float:
    """How sure we are that `path` holds one sub-folder per class; barely, when its only image
    folder sits beside a CSV file: that folder is most likely the images the CSV lists (and
    one class could not be trained on anyway), so the CSV loader reads it."""
    score = looks_like_class_folders(path)
    path = Path(path)
    if not score or not path.is_dir():
        return score
    entries = list(path.iterdir())
    image_folders = [d for d in entries if d.is_dir() and not d.name.startswith(".") and has_images(d)]
    beside_csv = any(p.suffix.lower() == ".csv" and p.is_file() for p in entries)
    return min(score, 0.1) if beside_csv and len(image_folders) == 1 else score


def load_folder(path: Path, recursive: bool = True, test_folder: str = ""):
    """Read `path/<class>/**/<image>` (and an optional test folder alike) into a Dataset."""
    return dataset_from_class_folders(path, loader_id="folder", recursive=recursive, test_folder=test_folder or None)


FOLDER_LOADER = DatasetLoader(
    id="folder",
    name="Folder per class",
    description=(
        "Each sub-folder is a class and holds that class's images, as in seed 000's Intel scenes. "
        "A folder holding train/test parts (seg_train, seg_test) is split that way; "
        "an unlabelled part (seg_pred) is left for the Predict page."
    ),
    detect=detect_class_folders,
    load=load_folder,
    options=(
        Option("recursive", "bool", True, "Also take images from folders inside each class folder."),
        Option(
            "test_folder", "path", "",
            "A separate folder of the same layout held out as the test set (empty: a test/seg_test part, if any).",
        ),
    ),
)


@hookimpl
def register_dataset_loaders():
    """Provide the folder-per-class loader."""
    return [FOLDER_LOADER]
