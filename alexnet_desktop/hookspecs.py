"""The hooks through which plugins extend AlexNet Desktop: the only door into the app.

A plugin is a module (or object) with functions marked `@hookimpl` and named as below.
It is found through the `alexnet_desktop` entry-point group or in the user plugin
folder. Each hook takes no arguments and returns a list of descriptors; a plugin that
raises, or returns something else, is reported with its traceback and skipped.
"""

from __future__ import annotations

import pluggy

from alexnet_desktop.core.descriptors import Architecture, DatasetLoader, Exporter, Option, Recipe

PROJECT = "alexnet_desktop"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

__all__ = ["hookspec", "hookimpl", "Architecture", "DatasetLoader", "Exporter", "Option", "Recipe"]


@hookspec
def register_dataset_loaders() -> list[DatasetLoader]:
    """Called once when plugins are loaded, to collect dataset loaders.

    Return a list of `DatasetLoader` descriptors, each reading one on-disk layout of
    labelled images (folder per class, CSV list, ...) into a `Dataset`.
    """


@hookspec
def register_architectures() -> list[Architecture]:
    """Called once when plugins are loaded, to collect network architectures.

    Return a list of `Architecture` descriptors. Their `build` must use Keras layers
    that load under `safe_mode=True` (no `Lambda`), so saved models can be reopened.
    """


@hookspec
def register_exporters() -> list[Exporter]:
    """Called once when plugins are loaded, to collect model exporters.

    Return a list of `Exporter` descriptors, each writing a trained `.keras` model to
    another format next to its class names and preprocessing.
    """
