"""Training-time augmentation: the paper's random crops and flips, and the seeds' distortions.

Augmentation runs in the tf.data pipeline on training batches only, never inside the
saved model, so evaluation and prediction see exactly the decoded, resized image. It is
built from Keras preprocessing layers (no `Lambda`), seeded from the run's seed.

The settings mirror Keras' old `ImageDataGenerator` arguments that seeds 001 and 003
use, with two deliberate differences: `shear` is a fraction of the side (Keras 3's
`RandomShear`), not the degrees `ImageDataGenerator` took (seed 001's `shear_range=0.2`
meant 0.2 degrees, almost nothing); `zoom` z zooms in and out by up to z, symmetrically.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Any

import numpy as np

from alexnet_desktop.core.tf_runtime import keras, tensorflow

# The paper resized images to 256 px and trained on random 224 px crops (227 in most
# re-implementations); a crop covers 227/256 of the side at any input size.
CROP_FRACTION = 227 / 256
FILL = "reflect"


@dataclass(frozen=True)
class Augmentation:
    """What random changes training images go through; all off by default."""

    random_crop: bool = False  # the paper: a random 227/256 crop of the (enlarged) image
    horizontal_flip: bool = False
    vertical_flip: bool = False
    rotation: float = 0.0  # degrees, either way
    width_shift: float = 0.0  # fraction of the width, either way
    height_shift: float = 0.0  # fraction of the height, either way
    shear: float = 0.0  # fraction of the side, either way
    zoom: float = 0.0  # fraction, in or out
    brightness: float = 0.0  # fraction of the value range, darker or brighter

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type == "float" and not (math.isfinite(value) and value >= 0):
                raise ValueError(f"augmentation {f.name} must be a number >= 0, not {value}")
        for name in ("width_shift", "height_shift", "shear", "zoom", "brightness"):
            if getattr(self, name) >= 1:
                raise ValueError(f"augmentation {name} must be below 1 (a fraction), not {getattr(self, name)}")
        if self.rotation > 180:
            raise ValueError(f"augmentation rotation must be at most 180 degrees, not {self.rotation}")

    @property
    def active(self) -> bool:
        """True when any change is switched on."""
        return self != Augmentation()

    def to_dict(self) -> dict[str, Any]:
        """The settings as saved in run.json."""
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> "Augmentation":
        """Settings back from run.json or a form; unknown keys are an error."""
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"unknown augmentation setting(s): {', '.join(sorted(unknown))}")
        return cls(**values)


PRESETS: dict[str, Augmentation] = {
    "none": Augmentation(),
    # Krizhevsky et al. 2012, section 4.1: random crops and horizontal reflections.
    "paper": Augmentation(random_crop=True, horizontal_flip=True),
    # Seed 001 (cats vs dogs): rotation 30, shifts 0.3, zoom [0.8, 1.5], both flips.
    "seed001": Augmentation(
        horizontal_flip=True, vertical_flip=True, rotation=30, width_shift=0.3, height_shift=0.3, shear=0.2, zoom=0.3
    ),
    # Seed 003 (CIFAR-10): rotation 10, shifts 0.1, zoom 0.1, horizontal flip.
    "seed003": Augmentation(horizontal_flip=True, rotation=10, width_shift=0.1, height_shift=0.1, zoom=0.1),
}


def preset(name: str) -> Augmentation:
    """A named preset (`none`, `paper`, `seed001`, `seed003`), or a ValueError listing them."""
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(f"no augmentation preset {name!r} (known: {', '.join(PRESETS)})") from None


def build_augmenter(aug: Augmentation, image_size: int, seed: int) -> Any:
    """A Keras model that applies `aug` to a float batch (N, S, S, 3) in [0, 255] when training.

    None when `aug` changes nothing.
    """
    if not aug.active:
        return None
    layers = keras().layers
    steps: list[Any] = []
    if aug.random_crop:
        enlarged = round(image_size / CROP_FRACTION)
        steps += [layers.Resizing(enlarged, enlarged), layers.RandomCrop(image_size, image_size, seed=seed)]
    mode = "horizontal_and_vertical" if aug.horizontal_flip and aug.vertical_flip else (
        "horizontal" if aug.horizontal_flip else "vertical" if aug.vertical_flip else ""
    )
    if mode:
        steps.append(layers.RandomFlip(mode, seed=seed + 1))
    # Uncovered corners are filled by reflecting the image (Keras 3's default). The seeds'
    # ImageDataGenerator repeated the edge pixel instead, which smears streaks across them.
    if aug.rotation:
        steps.append(layers.RandomRotation(aug.rotation / 360.0, fill_mode=FILL, seed=seed + 2))
    if aug.width_shift or aug.height_shift:
        steps.append(layers.RandomTranslation(aug.height_shift, aug.width_shift, fill_mode=FILL, seed=seed + 3))
    if aug.shear:
        steps.append(layers.RandomShear(aug.shear, aug.shear, fill_mode=FILL, seed=seed + 4))
    if aug.zoom:
        steps.append(layers.RandomZoom((-aug.zoom, aug.zoom), fill_mode=FILL, seed=seed + 5))
    if aug.brightness:
        steps.append(layers.RandomBrightness(aug.brightness, value_range=(0, 255), seed=seed + 6))
    return keras().Sequential(steps, name="augmentation")


def augment_batch(augmenter: Any, images: Any) -> Any:
    """Apply `augmenter` to a uint8 batch and return uint8, as the model's input expects."""
    if augmenter is None:
        return images
    tf = tensorflow()
    out = augmenter(tf.cast(images, tf.float32), training=True)
    return tf.cast(tf.clip_by_value(tf.round(out), 0, 255), tf.uint8)


def preview(aug: Augmentation, image: np.ndarray, count: int = 8, seed: int = 0) -> list[np.ndarray]:
    """`count` augmented versions of one uint8 (S, S, 3) image, for the settings' live preview."""
    if not aug.active:
        return [image.copy() for _ in range(count)]
    tf = tensorflow()
    augmenter = build_augmenter(aug, image.shape[0], seed)
    batch = tf.convert_to_tensor(np.repeat(image[None], count, axis=0))
    return list(augment_batch(augmenter, batch).numpy())

