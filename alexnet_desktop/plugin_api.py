"""The one module a plugin imports: everything the app offers plugins, and nothing else.

A plugin returns descriptors from hooks marked `@hookimpl` (see `alexnet_desktop.hookspecs`
for when each hook is called). What it may use to do its work is here:

- descriptors: `Architecture` (with `Pretrained` for a backbone's ImageNet weights), `DatasetLoader`,
  `Exporter`, `Option`, `Recipe`;
- datasets: `Dataset`, `Sample`, `DatasetError`, `dataset_from_samples`,
  `dataset_from_class_folders`, `looks_like_class_folders`, `TRAIN_NAMES`, and for loaders that
  write images of their own (archives, generated data) `write_image_folders`, `write_once`,
  `load_arrays` (pickled arrays read without running code; `UnsafePickleError`) and
  `unpacked_dir()` (where the workspace keeps unpacked datasets);
- images: `decode_image` (the app's one decoder), `ImageDecodeError`, `list_image_files`,
  `is_image_name`, `has_images`;
- models: `keras()` and `tensorflow()` (the accessors: TensorFlow is imported on first call,
  after the app has set up its environment), `load_model` (the app's safe loader), and the
  shared layer blocks `LocalResponseNormalization`, `conv_relu`, `conv_bn_relu`, `conv_relu_bn`,
  `batch_norm`, `alexnet_features`, `alexnet_classifier` (made on first use, so that importing a
  plugin does not import TensorFlow);
- text for people: `say("{0}: not a folder", path)`, a sentence the window shows translated.

The built-in plugins in `plugins/` use nothing else; the import contracts in `pyproject.toml`
check that.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alexnet_desktop.core.data.datasets import (
    TRAIN_NAMES,
    Dataset,
    DatasetError,
    Sample,
    dataset_from_class_folders,
    dataset_from_samples,
    looks_like_class_folders,
)
from alexnet_desktop.core.data.generated import write_image_folders, write_once
from alexnet_desktop.core.data.image_files import has_images, is_image_name, list_image_files
from alexnet_desktop.core.data.images import ImageDecodeError, decode_image
from alexnet_desktop.core.data.safe_pickle import UnsafePickleError, load_arrays
from alexnet_desktop.core.descriptors import Architecture, DatasetLoader, Exporter, Option, Pretrained, Recipe
from alexnet_desktop.core.tf_runtime import keras, tensorflow
from alexnet_desktop.core.wording import say
from alexnet_desktop.hookspecs import hookimpl

__all__ = [
    "hookimpl", "Architecture", "Pretrained", "DatasetLoader", "Exporter", "Option", "Recipe",
    "Dataset", "Sample", "DatasetError", "dataset_from_samples", "dataset_from_class_folders",
    "looks_like_class_folders", "TRAIN_NAMES", "write_image_folders", "write_once", "load_arrays",
    "UnsafePickleError", "unpacked_dir", "decode_image", "ImageDecodeError", "list_image_files", "is_image_name",
    "has_images", "keras", "tensorflow", "load_model", "say", *("LocalResponseNormalization", "conv_relu",
    "conv_bn_relu", "conv_relu_bn", "batch_norm", "alexnet_features", "alexnet_classifier"),
]

# The shared layer blocks subclass Keras classes, so their module imports TensorFlow: they are
# looked up on first use (PEP 562) rather than at the plugin's import.
_LAYER_BLOCKS = frozenset({"LocalResponseNormalization", "conv_relu", "conv_bn_relu", "conv_relu_bn", "batch_norm",
                           "alexnet_features", "alexnet_classifier"})


def __getattr__(name: str) -> Any:
    if name in _LAYER_BLOCKS:
        from alexnet_desktop.core.model import layers

        return getattr(layers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_model(path: str | Path) -> Any:
    """Load a `.keras` model with the app's checks (no code from the file runs; safe mode on)."""
    from alexnet_desktop.core.model.model_files import load_model_file

    return load_model_file(path)


def unpacked_dir() -> Path:
    """The workspace folder where loaders keep datasets they unpack (made if missing)."""
    from alexnet_desktop.core.workspace import Workspace

    return Workspace.default().ensure().datasets_dir / "unpacked"
