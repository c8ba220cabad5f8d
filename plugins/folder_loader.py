"""Dataset loader plugin: one sub-folder of images per class (Keras' `flow_from_directory`)."""

from __future__ import annotations

from pathlib import Path

from alexnet_desktop.core.datasets import dataset_from_class_folders, looks_like_class_folders
from alexnet_desktop.hookspecs import DatasetLoader, Option, hookimpl


def load_folder(path: Path, recursive: bool = True):
    """Read `path/<class>/**/<image>` into a Dataset."""
    return dataset_from_class_folders(path, loader_id="folder", recursive=recursive)


FOLDER_LOADER = DatasetLoader(
    id="folder",
    name="Folder per class",
    description="Each sub-folder is a class and holds that class's images, as in seed 000's Intel scenes.",
    detect=looks_like_class_folders,
    load=load_folder,
    options=(Option("recursive", "bool", True, "Also take images from folders inside each class folder."),),
)


@hookimpl
def register_dataset_loaders():
    """Provide the folder-per-class loader."""
    return [FOLDER_LOADER]
