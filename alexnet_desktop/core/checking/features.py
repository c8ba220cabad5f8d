"""The images of a dataset as arrays, and a trained network's penultimate-layer features of them.

Every image goes through the one decoder at the model's input size; a file that cannot be read
is left out with its reason, never a crash. The arrays are small (a check is run on datasets
of thousands of images at the model's input size), so they are held in memory.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from alexnet_desktop.core.data.datasets import Sample
from alexnet_desktop.core.data.images import ImageDecodeError, decode_image
from alexnet_desktop.core.events import Cancelled, Emit, Progress
from alexnet_desktop.core.wording import say

BATCH = 64


def decode_samples(samples: list[Sample], size: int, resize: str, emit: Emit,
                   stop: threading.Event) -> tuple[np.ndarray, list[Sample], list[tuple[str, str]]]:
    """The samples' images as one uint8 array (N, size, size, 3), the samples kept, and each
    file that could not be read with why."""
    arrays, kept, unreadable = [], [], []
    for n, s in enumerate(samples, 1):
        if stop.is_set():
            raise Cancelled()
        try:
            arrays.append(decode_image(s.path, size, resize=resize))
            kept.append(s)
        except (ImageDecodeError, OSError) as exc:
            unreadable.append((str(s.path), str(exc)))
        if n % BATCH == 0 or n == len(samples):
            emit(Progress(n, len(samples), say("images read")))
    images = np.stack(arrays) if arrays else np.zeros((0, size, size, 3), np.uint8)
    return images, kept, unreadable


def feature_model(model: Any) -> Any:
    """A function from a batch of the model's inputs to the input of its last layer (the
    penultimate layer's output). The app's models hold the network as their last layer behind a
    rescaling input (`core.model.models.build_classifier`): that network is opened up."""
    from alexnet_desktop.core.tf_runtime import keras

    keras = keras()
    last = model.layers[-1]
    if hasattr(last, "layers") and last.layers:
        inner = feature_model(last)
        before = model.layers[1:-1]

        def outer(x):
            for layer in before:
                x = layer(x)
            return inner(x)

        return outer
    extractor = keras.Model(model.inputs, last.input)
    return lambda x: extractor(x, training=False)


def features_of(model: Any, images: np.ndarray, emit: Emit, stop: threading.Event) -> np.ndarray:
    """The penultimate-layer features of `images` (N, D), computed in batches, flattened."""
    extract = feature_model(model)
    out = []
    for start in range(0, len(images), BATCH):
        if stop.is_set():
            raise Cancelled()
        batch = np.asarray(extract(images[start:start + BATCH]))
        out.append(batch.reshape(len(batch), -1).astype(np.float32))
        emit(Progress(min(start + BATCH, len(images)), len(images), say("images measured")))
    return np.concatenate(out) if out else np.zeros((0, 0), np.float32)
