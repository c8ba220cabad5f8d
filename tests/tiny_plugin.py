"""A throw-away plugin, registered at run time by the tests: a tiny CNN and a CSV-free loader."""

from __future__ import annotations

from pathlib import Path

from alexnet_desktop.plugin_api import Architecture, DatasetLoader, dataset_from_class_folders, hookimpl



def build_tiny(num_classes, input_shape):
    """A few thousand parameters: trains in milliseconds, for tests only."""
    from alexnet_desktop.plugin_api import keras

    k = keras()
    inputs = k.Input(input_shape)
    x = k.layers.Conv2D(4, 3, strides=2, activation="relu")(inputs)
    x = k.layers.GlobalAveragePooling2D()(x)
    outputs = k.layers.Dense(num_classes, activation="softmax")(x)
    return k.Model(inputs, outputs, name="tiny")


TINY = Architecture(
    id="tiny-test-net",
    name="Tiny test net",
    description="For tests.",
    reference="none",
    default_input_shape=(32, 32, 3),
    min_input_size=8,
    build=build_tiny,
)

TINY_LOADER = DatasetLoader(
    id="tiny-test-loader",
    name="Tiny test loader",
    description="Folder per class, under another name.",
    detect=lambda path: 0.0,
    load=lambda path, **_: dataset_from_class_folders(Path(path), loader_id="tiny-test-loader"),
)


@hookimpl
def register_architectures():
    return [TINY]


@hookimpl
def register_dataset_loaders():
    return [TINY_LOADER]
