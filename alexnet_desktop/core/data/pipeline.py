"""The tf.data input pipeline: decode with the one decoder, in parallel, cache, batch, prefetch."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from alexnet_desktop.core.data.augment import augment_batch
from alexnet_desktop.core.data.datasets import Sample
from alexnet_desktop.core.data.images import ImageDecodeError, decode_image
from alexnet_desktop.core.tf_runtime import tensorflow

# Decoded images are kept in memory after the first epoch when they fit in this budget, shared
# by a job's streams; re-decoding every epoch would otherwise dominate a CPU run of a small
# dataset. Kept small so that a large dataset is streamed: training small-cnn at 128 px needs
# about 1.3 GB of its own, and the bound for any command is 1.5 GB (benchmarks/NOTES.md).
CACHE_BUDGET_BYTES = 64 * 2**20


class CacheBudget:
    """The bytes of decoded images one job may keep in memory, shared by its streams (training,
    validation, the unlabelled folder): a stream is kept whole when it fits in what is left, or
    else decoded again each epoch."""

    def __init__(self, total: int | None = None) -> None:
        self.left = CACHE_BUDGET_BYTES if total is None else total

    def take(self, nbytes: int) -> bool:
        """True (and `nbytes` spent) when a stream of `nbytes` fits in what is left."""
        if nbytes > self.left:
            return False
        self.left -= nbytes
        return True


class SkippedFiles:
    """The files a pipeline could not decode, with reasons; shared with the decode threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, str] = {}

    def add(self, path: str, reason: str) -> None:
        """Record one file that was skipped."""
        with self._lock:
            self._items[path] = reason

    def items(self) -> list[tuple[str, str]]:
        """Every skipped file and its reason, sorted by path."""
        with self._lock:
            return sorted(self._items.items())


def image_dataset(
    samples: list[Sample],
    class_names: list[str],
    image_size: int,
    batch_size: int,
    *,
    shuffle: bool,
    seed: int,
    skipped: SkippedFiles,
    augmenter: Any = None,
    repeat: bool = False,
    resize: str = "stretch",
    cache: CacheBudget | None = None,
) -> Any:
    """A `tf.data.Dataset` of (uint8 image batch, int label batch) for `samples`.

    `augmenter` (from `core.augment.build_augmenter`) is applied to every batch after
    the cache, so each epoch sees fresh random changes. `repeat` makes the stream endless
    (fit then takes `steps_per_epoch` batches an epoch, reshuffled each pass). A file that fails to decode (it passed the scan but broke since) is dropped from the
    stream and recorded in `skipped`; training never stops for one bad file. `resize` is the
    run's way to the square input (see `decode_image`). The decoded images are kept in memory
    when they fit in `cache` (the job's shared budget; by default a budget of their own).
    """
    tf = tensorflow()
    index = {name: i for i, name in enumerate(class_names)}
    paths = np.array([str(s.path) for s in samples])
    labels = np.array([index[s.label] for s in samples], dtype=np.int32)

    def _decode(path: bytes) -> np.ndarray:
        p = path.decode("utf-8", "surrogateescape")
        try:
            return decode_image(p, size=image_size, resize=resize)
        except ImageDecodeError as exc:
            skipped.add(p, exc.reason)
            raise

    def _load(path, label):
        image = tf.numpy_function(_decode, [path], tf.uint8, stateful=False)
        image.set_shape((image_size, image_size, 3))
        return image, label

    ds = tf.data.Dataset.from_tensor_slices((paths, labels))
    fits = (cache or CacheBudget()).take(len(samples) * image_size * image_size * 3)
    if shuffle and not fits:
        ds = ds.shuffle(len(samples), seed=seed, reshuffle_each_iteration=True)
    # In order even when shuffled: the seeded shuffle alone decides the order, so a run repeats.
    ds = ds.map(_load, num_parallel_calls=tf.data.AUTOTUNE, deterministic=True).ignore_errors()
    if fits:
        ds = ds.cache()
        if shuffle:
            ds = ds.shuffle(len(samples), seed=seed, reshuffle_each_iteration=True)
    ds = ds.batch(batch_size)
    if repeat:
        # An epoch of known length: with a stream that just runs out (its length is
        # unknown, as dropping bad files makes it), Keras counts one optimizer step too
        # many per epoch (8 for 2 epochs of 3 batches), and step-driven schedules drift.
        ds = ds.repeat()
    if augmenter is not None:
        # The batch's index seeds its draws: parallel map calls stay repeatable.
        ds = ds.enumerate().map(
            lambda i, batch: (augment_batch(augmenter, batch[0], i), batch[1]), num_parallel_calls=tf.data.AUTOTUNE
        )
    return ds.prefetch(tf.data.AUTOTUNE)
