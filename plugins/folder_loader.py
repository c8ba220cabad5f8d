"""Dataset loader plugin: one sub-folder of images per class (Keras' `flow_from_directory`)."""

from __future__ import annotations

from pathlib import Path

from alexnet_desktop.plugin_api import (
    DatasetLoader, Option, dataset_from_class_folders, hookimpl, looks_like_class_folders,
)



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
    detect=looks_like_class_folders,
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
