"""Learning from a folder of unlabelled images too: FixMatch (Sohn et al., 2020).

Each training step takes the labelled batch and `ratio` times as many unlabelled images. An
unlabelled image is seen twice: lightly changed (shifted a little) and strongly changed
(shifted, rotated, zoomed, brightness and contrast changed, a square cut out). Where the
model's prediction on the light view is confident (its top probability at least
`threshold`), that class becomes the target for the strong view; the loss is the labelled
images' plus the mean over the unlabelled batch of those masked targets' cross-entropy.

The unlabelled images are read where they lie, through the same decoder and pipeline as the
labelled ones (never copied); a file that is also in the labelled set is left out, one that
cannot be decoded is skipped and reported like any other. The share of unlabelled images
above the threshold is the metric `unlabelled_confident` of each epoch.

The step is installed on the model instance only for fitting: the saved model stays the
plain classifier. On several GPUs or machines each replica takes its part of both batches, and
the unlabelled term is divided among the replicas as Keras divides its own losses.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alexnet_desktop.core.data.augment import Augmentation, augment_batch, build_augmenter
from alexnet_desktop.core.data.datasets import Sample
from alexnet_desktop.core.data.image_files import list_image_files
from alexnet_desktop.core.data.images import ImageDecodeError, decode_image
from alexnet_desktop.core.data.pipeline import CacheBudget, SkippedFiles, image_dataset
from alexnet_desktop.core.tf_runtime import keras, tensorflow
from alexnet_desktop.core.wording import count, say

METRIC = "unlabelled_confident"
WEAK = Augmentation(width_shift=0.125, height_shift=0.125)
STRONG = Augmentation(width_shift=0.25, height_shift=0.25, rotation=30.0, zoom=0.25, brightness=0.3)
CONTRAST = 0.5  # the strong view's contrast is scaled by a factor within 1 +- this
CUTOUT = 0.5  # the strong view loses a square of up to this fraction of the side


@dataclass
class UnlabelledFiles:
    """What the unlabelled folder gives: the images learnt from, and the copies of labelled ones
    left out (named, so that the person can see which)."""

    files: list[Path]
    copies: list[Path]


def unlabelled_files(folder: str | Path, labelled: list[Sample], skipped: SkippedFiles, *, image_size: int,
                     resize: str) -> UnlabelledFiles:
    """The image files under `folder`, less those whose bytes are a labelled image's.

    Links that cannot be followed go to `skipped`, as unreadable images do later. Raises
    `ValueError` naming the folder and the reason when it gives nothing to learn from: missing,
    not a folder, no image files, only copies of labelled images, or not one image that decodes.
    """
    root = Path(folder).expanduser()
    if not root.exists():
        raise ValueError(say("{0}: the unlabelled folder does not exist", folder))
    if not root.is_dir():
        raise ValueError(say("{0}: the unlabelled folder is a file, not a folder", folder))
    listing = list_image_files(root)
    for path, reason in listing.problems:
        skipped.add(str(path), reason)
    found = list(listing.files)
    if not found:
        others = listing.passed_over()
        raise ValueError(say("{0}: no images in the unlabelled folder", folder) if not others else say(
            "{0}: no images in the unlabelled folder ({1} other files, such as {2}: {3})",
            folder, len(others), others[0][0].name, others[0][1]))
    known = _same_content(found, [s.path for s in labelled])
    kept = [p for p in found if p not in known]
    if not kept:
        raise ValueError(say("{0}: all {1} images of the unlabelled folder are copies of labelled images (such as {2})",
                             folder, len(found), found[0].name))
    _check_one_decodes(folder, kept, image_size, resize)
    return UnlabelledFiles(kept, [p for p in found if p in known])


def _check_one_decodes(folder: str | Path, files: list[Path], image_size: int, resize: str) -> None:
    """Raise unless some file decodes (usually the first): a folder of only broken files would
    otherwise give an empty stream, and a run that trains on nothing."""
    first = None
    for path in files:
        try:
            decode_image(path, image_size, resize=resize)
            return
        except ImageDecodeError as exc:
            first = first or exc
    raise ValueError(say("{0}: none of the {1} images of the unlabelled folder can be read (such as {2}: {3})",
                         folder, len(files), first.path.name, first.reason))


def record(found: UnlabelledFiles, config: Any) -> dict[str, Any]:
    """What `run.json` keeps of the folder: where, how many images (those that turn out not to
    decode are skipped and listed with the run's skipped files), their hash, the copies of
    labelled images left out, the threshold and the ratio."""
    return {"folder": str(Path(config.unlabelled).expanduser().resolve()), "files": len(found.files),
            "sha256": folder_hash(found.files, config.unlabelled), "in_labelled_set": len(found.copies),
            "threshold": config.unlabelled_threshold, "ratio": config.unlabelled_ratio}


def copies_warning(found: UnlabelledFiles, shown: int = 5) -> str:
    """The copies of labelled images left out of the unlabelled ones, the first few named."""
    names = ", ".join(p.name for p in found.copies[:shown])
    more = say(" and {0} more", len(found.copies) - shown) if len(found.copies) > shown else ""
    if len(found.copies) == 1:
        return say("1 image of the unlabelled folder is a copy of a labelled image, so not learnt from as unlabelled: {0}",
                   names)
    return say("{0} images of the unlabelled folder are copies of labelled images, so not learnt from as unlabelled: "
               "{1}{2}", f"{len(found.copies):,}", names, more)


def in_use(found: UnlabelledFiles, config: Any) -> str:
    """The line that says what the run also learns from, and how."""
    return say("Also learning from {0} in {1} (a prediction at least {2} confident becomes a target; {3} unlabelled "
               "per labelled image; a file that cannot be read is skipped and listed)",
               count(len(found.files), "unlabelled image file", "unlabelled image files"),
               config.unlabelled, config.unlabelled_threshold, config.unlabelled_ratio)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1  # unreadable: the decoder says why when it comes to it


def _same_content(found: list[Path], labelled: list[Path]) -> set[Path]:
    """The files of `found` whose bytes are those of a labelled file (the same file or a copy);
    only files of a size both sides share are hashed, so a large folder costs little."""
    from alexnet_desktop.core.files import sha256_file

    sizes = {_size(p) for p in found}
    digests = set()
    for p in labelled:
        if _size(p) in sizes:
            try:
                digests.add(sha256_file(p))
            except OSError:
                pass
    label_sizes = {_size(p) for p in labelled}
    same = set()
    for p in found:
        if _size(p) in label_sizes:
            try:
                if sha256_file(p) in digests:
                    same.add(p)
            except OSError:
                pass
    return same


def folder_hash(files: list[Path], root: str | Path) -> str:
    """A SHA-256 over every file's path relative to `root` and its size (no file is read)."""
    h = hashlib.sha256()
    for p in sorted(files):
        try:
            rel, size = p.relative_to(Path(root).expanduser()), p.stat().st_size
        except (ValueError, OSError):
            rel, size = p, -1
        h.update(f"{rel}\0{size}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def steps_per_epoch(labelled: int, unlabelled: int, batch_size: int, ratio: int) -> int:
    """An epoch is one pass over whichever part takes more steps, labelled or unlabelled."""
    return max(math.ceil(labelled / batch_size), math.ceil(unlabelled / (batch_size * ratio)))


def _cutout_and_contrast(images: Any, seed: Any) -> Any:
    """Random contrast and a cut-out square (filled grey) on a uint8 batch."""
    tf = tensorflow()
    shape = tf.shape(images)
    n, h, w = shape[0], shape[1], shape[2]
    seeds = tf.random.experimental.stateless_split(tf.stack([tf.cast(seed, tf.int64), 35]), 4)
    x = tf.cast(images, tf.float32)
    factor = tf.random.stateless_uniform((n, 1, 1, 1), seeds[0], 1 - CONTRAST, 1 + CONTRAST)
    mean = tf.reduce_mean(x, axis=(1, 2, 3), keepdims=True)
    x = (x - mean) * factor + mean
    side = tf.cast(tf.random.stateless_uniform((n, 1, 1), seeds[1], 0.0, CUTOUT) * tf.cast(h, tf.float32), tf.int32)
    cy = tf.random.stateless_uniform((n, 1, 1), seeds[2], 0, h, dtype=tf.int32)
    cx = tf.random.stateless_uniform((n, 1, 1), seeds[3], 0, w, dtype=tf.int32)
    rows, cols = tf.range(h)[None, :, None], tf.range(w)[None, None, :]
    inside = (tf.abs(rows - cy) * 2 < side) & (tf.abs(cols - cx) * 2 < side)
    x = tf.where(inside[..., None], 127.0, x)
    return tf.cast(tf.clip_by_value(x, 0, 255), tf.uint8)


def unlabelled_stream(files: list[Path], class_names: list[str], image_size: int, batch_size: int, *, seed: int,
                      skipped: SkippedFiles, resize: str, cache: CacheBudget | None = None) -> Any:
    """An endless, shuffled `tf.data` stream of (weak view, strong view) uint8 batches of `files`
    (kept in memory after the first pass when they fit in `cache`)."""
    tf = tensorflow()
    # The pipeline wants labels; these are never read (FixMatch makes its own targets).
    samples = [Sample(p, class_names[0]) for p in files]
    ds = image_dataset(samples, class_names, image_size, batch_size, shuffle=True, seed=seed + 1, skipped=skipped,
                       repeat=True, resize=resize, cache=cache)
    weak, strong = build_augmenter(WEAK, image_size, seed + 2), build_augmenter(STRONG, image_size, seed + 3)

    def views(i, batch):
        images = batch[0]
        return augment_batch(weak, images, i), _cutout_and_contrast(augment_batch(strong, images, i), i + seed)

    return ds.enumerate().map(views, num_parallel_calls=tf.data.AUTOTUNE)


def combine(labelled: Any, unlabelled: Any) -> Any:
    """The training stream FixMatch's step takes: ((labelled, weak, strong), labels)."""
    tf = tensorflow()
    both = tf.data.Dataset.zip((labelled, unlabelled))
    return both.map(lambda lab, unl: ((lab[0], unl[0], unl[1]), lab[1])).prefetch(tf.data.AUTOTUNE)


class ConfidentShare:
    """The epoch's share of unlabelled images whose light view was confident (a running mean)."""

    def __init__(self) -> None:
        self.mean = keras().metrics.Mean(name=METRIC)

    def callback(self) -> Any:
        """A Keras callback that starts the mean afresh each epoch."""
        share = self

        class Reset(keras().callbacks.Callback):
            def on_epoch_begin(self, epoch, logs=None):
                share.mean.reset_state()

        return Reset()


def install_step(model: Any, threshold: float, share: ConfidentShare, element_spec: Any) -> None:
    """Make `model.fit` take FixMatch steps (on this instance only; the saved model is unchanged).
    `element_spec` is the combined stream's; call it in the strategy's scope."""
    tf = tensorflow()
    k = keras()
    # Under a tf.distribute strategy Keras builds the metrics from one batch before fitting,
    # by calling the model on the batch's inputs, which here are three: it is built from the
    # labelled part instead, as Keras itself builds it (the same private call).
    (labelled, _, _), labels = element_spec
    model._symbolic_build(data_batch=(labelled, labels))

    def train_step(data):
        (xl, weak, strong), y, sample_weight = k.utils.unpack_x_y_sample_weight(data)
        n, m = tf.shape(xl)[0], tf.shape(weak)[0]
        with tf.GradientTape() as tape:
            # One forward pass over all three, as the paper does: batch normalisation sees them together.
            out = model(tf.concat([xl, weak, strong], axis=0), training=True)
            pl, pw, ps = out[:n], tf.stop_gradient(out[n:n + m]), out[n + m:]
            loss = model.compute_loss(x=xl, y=y, y_pred=pl, sample_weight=sample_weight, training=True)
            confident = tf.cast(tf.reduce_max(pw, axis=1) >= threshold, tf.float32)
            pseudo = tf.argmax(pw, axis=1)
            unlabelled = k.losses.sparse_categorical_crossentropy(pseudo, ps)
            # On several replicas Keras's losses are a replica's share (divided by their number,
            # the gradients then summed): the unlabelled term is divided the same way.
            replicas = tf.distribute.get_strategy().num_replicas_in_sync
            loss = loss + tf.reduce_mean(tf.cast(unlabelled, tf.float32) * confident) / replicas
            model._loss_tracker.update_state(loss * replicas, sample_weight=n)
            scaled = model.optimizer.scale_loss(loss)
        weights = model.trainable_weights
        model.optimizer.apply_gradients(zip(tape.gradient(scaled, weights), weights))
        share.mean.update_state(confident)
        return {**model.compute_metrics(xl, y, pl, sample_weight=sample_weight), METRIC: share.mean.result()}

    model.train_step = train_step
    model.train_function = None  # made again from the new step
