"""Training-time augmentation: the paper's random crops and flips, and the seeds' distortions.

Augmentation runs in the tf.data pipeline on training batches only, never inside the
saved model, so evaluation and prediction see exactly the decoded, resized image. All the
geometric changes of an image are one affine map, resampled once on the uint8 pixels;
the draws come from the run's seed and the batch's index, so a run is repeatable.

The settings mirror Keras' old `ImageDataGenerator` arguments that seeds 001 and 003
use, with two deliberate differences: `shear` is a fraction of the side (Keras 3's
`RandomShear`), not the degrees `ImageDataGenerator` took (seed 001's `shear_range=0.2`
meant 0.2 degrees, almost nothing); `zoom` z zooms in and out by up to z, symmetrically;
uncovered corners are filled by reflecting the image, where the generator repeated the
edge pixel and smeared streaks across them.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Sequence

import numpy as np

from alexnet_desktop.core.tf_runtime import tensorflow
from alexnet_desktop.core.wording import say

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
            if f.name in LIMITS and not _within(f.name, getattr(self, f.name)):
                raise ValueError(_range_error(f.name, getattr(self, f.name)))

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
            raise ValueError(say("unknown augmentation setting(s): {0}", ", ".join(sorted(unknown))))
        return cls(**values)

    def with_options(self, pairs: Sequence[str]) -> "Augmentation":
        """These settings changed by `NAME=VALUE` texts (the CLI's `--augment-option`), checked
        one by one: an unknown name, a value of the wrong type or out of its range is a
        ValueError naming the setting and what it accepts."""
        names = [f.name for f in fields(self)]
        changes: dict[str, Any] = {}
        for pair in pairs:
            name, sep, text = (part.strip() for part in pair.partition("="))
            if not sep or not name:
                raise ValueError(say("an augmentation option is NAME=VALUE, not {0!r}", pair))
            if name not in names:
                raise ValueError(say("no augmentation setting {0!r} (known: {1})", name, ", ".join(names)))
            if name in LIMITS:
                try:
                    value = float(text)
                except ValueError:
                    raise ValueError(_range_error(name, text)) from None
                if not _within(name, value):
                    raise ValueError(_range_error(name, text))
            elif text.lower() in _TRUE or text.lower() in _FALSE:
                value = text.lower() in _TRUE
            else:
                raise ValueError(say("augmentation {0} is true or false, not {1!r}", name, text))
            changes[name] = value
        return replace(self, **changes)


# The accepted range of each number: (lowest, highest, whether the highest itself is allowed).
LIMITS: dict[str, tuple[float, float, bool]] = {
    "rotation": (0.0, 180.0, True),  # degrees
    "width_shift": (0.0, 1.0, False),
    "height_shift": (0.0, 1.0, False),
    "shear": (0.0, 1.0, False),
    "zoom": (0.0, 1.0, False),
    "brightness": (0.0, 1.0, False),
}
_TRUE = frozenset({"true", "yes", "on", "1"})
_FALSE = frozenset({"false", "no", "off", "0"})


def _within(name: str, value: Any) -> bool:
    low, high, high_allowed = LIMITS[name]
    return (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            and low <= value and (value <= high if high_allowed else value < high))


def _range_error(name: str, value: Any) -> str:
    low, high, high_allowed = LIMITS[name]
    if high_allowed:
        return say("augmentation {0} must be a number of degrees from {1:g} to {2:g}, not {3}", name, low, high, value)
    return say("augmentation {0} must be a fraction from {1:g} to below {2:g}, not {3}", name, low, high, value)


PRESETS: dict[str, Augmentation] = {
    "none": Augmentation(),
    # Krizhevsky et al. 2012, section 4.1: random crops and horizontal reflections.
    "paper": Augmentation(random_crop=True, horizontal_flip=True),
    # Seed 001 (cats vs dogs): rotation 30, shifts 0.3, zoom [0.8, 1.5], both flips.
    "seed001": Augmentation(
        horizontal_flip=True, vertical_flip=True, rotation=30, width_shift=0.3, height_shift=0.3, shear=0.2, zoom=0.3
    ),
    # Seed 003 (CIFAR-10): the generator it trains with shifts by 0.1 and flips left-right (its
    # rotation and zoom are commented out).
    "seed003": Augmentation(horizontal_flip=True, width_shift=0.1, height_shift=0.1),
}


def preset(name: str) -> Augmentation:
    """A named preset (`none`, `paper`, `seed001`, `seed003`), or a ValueError listing them."""
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(say("no augmentation preset {0!r} (known: {1})", name, ", ".join(PRESETS))) from None


class Augmenter:
    """Applies an `Augmentation` to uint8 image batches: every geometric change of an image
    (crop, flips, rotation, shifts, shear, zoom) composed into one affine map and resampled
    once, then brightness; the randomness is a pure function of (seed, batch index).

    One resampling instead of one per Keras preprocessing layer: seed 001's five layers
    each cast, resampled and filled the whole batch: 203 ms a batch of 32 at 227 px on a
    2-core CPU, 43 ms fused (README, Performance).
    """

    def __init__(self, aug: Augmentation, image_size: int, seed: int) -> None:
        self.aug, self.size, self.seed = aug, image_size, seed

    def __call__(self, images: Any, batch_index: Any = 0) -> Any:
        """The augmented version of a uint8 batch (N, S, S, 3); `batch_index` varies the draw."""
        tf = tensorflow()
        a = self.aug
        n = tf.shape(images)[0]
        side = tf.cast(self.size, tf.float32)
        seed = tf.stack([tf.constant(self.seed, tf.int64), tf.cast(batch_index, tf.int64)])
        draws = iter(range(1, 100))

        def uniform(low: float, high: float) -> Any:
            # A distinct stream per quantity: the same (seed, batch) always gives the same images.
            return tf.random.stateless_uniform([n], tf.random.experimental.stateless_fold_in(seed, next(draws)),
                                               low, high)

        def sign(enabled: bool) -> Any:
            return tf.where(uniform(0, 1) < 0.5, -1.0, 1.0) if enabled else tf.ones([n])

        one, zero = tf.ones([n]), tf.zeros([n])
        # Output pixel -> input pixel, about the centre: p_in = A p_out + t.
        scale = one * (CROP_FRACTION if a.random_crop else 1.0)
        if a.zoom:
            scale = scale * uniform(1 - a.zoom, 1 + a.zoom)
        angle = uniform(-a.rotation, a.rotation) * (math.pi / 180) if a.rotation else zero
        shear_x = uniform(-a.shear, a.shear) if a.shear else zero
        shear_y = uniform(-a.shear, a.shear) if a.shear else zero
        flip_x, flip_y = sign(a.horizontal_flip), sign(a.vertical_flip)
        cos, sin = tf.cos(angle), tf.sin(angle)
        # A = scale * R(angle) @ Shear @ Flip
        r00, r01, r10, r11 = cos, -sin, sin, cos
        s00, s01, s10, s11 = r00 + r01 * shear_y, r00 * shear_x + r01, r10 + r11 * shear_y, r10 * shear_x + r11
        a00, a01, a10, a11 = scale * s00 * flip_x, scale * s01 * flip_y, scale * s10 * flip_x, scale * s11 * flip_y
        crop_room = (1 - CROP_FRACTION) / 2 * side if a.random_crop else 0.0
        tx = uniform(-1, 1) * (a.width_shift * side + crop_room) if (a.width_shift or a.random_crop) else zero
        ty = uniform(-1, 1) * (a.height_shift * side + crop_room) if (a.height_shift or a.random_crop) else zero
        c = (side - 1) / 2
        transforms = tf.stack([
            a00, a01, c - a00 * c - a01 * c + tx,
            a10, a11, c - a10 * c - a11 * c + ty,
            zero, zero,
        ], axis=1)
        out = tf.raw_ops.ImageProjectiveTransformV3(
            images=images, transforms=transforms, output_shape=tf.shape(images)[1:3],
            fill_value=0.0, interpolation="BILINEAR", fill_mode=FILL.upper(),
        )
        if a.brightness:
            delta = uniform(-a.brightness, a.brightness) * 255.0
            out = tf.cast(tf.clip_by_value(tf.round(tf.cast(out, tf.float32) + delta[:, None, None, None]), 0, 255), tf.uint8)
        return out


def build_augmenter(aug: Augmentation, image_size: int, seed: int) -> Augmenter | None:
    """The `Augmenter` for `aug` at `image_size` with the run's seed; None when `aug` changes nothing."""
    return Augmenter(aug, image_size, seed) if aug.active else None


def augment_batch(augmenter: Augmenter | None, images: Any, batch_index: Any = 0) -> Any:
    """Apply `augmenter` (or nothing) to a uint8 batch and return uint8, as the model's input expects."""
    return images if augmenter is None else augmenter(images, batch_index)


def preview(aug: Augmentation, image: np.ndarray, count: int = 8, seed: int = 0) -> list[np.ndarray]:
    """`count` augmented versions of one uint8 (S, S, 3) image, for the settings' live preview."""
    if not aug.active:
        return [image.copy() for _ in range(count)]
    tf = tensorflow()
    augmenter = build_augmenter(aug, image.shape[0], seed)
    batch = tf.convert_to_tensor(np.repeat(image[None], count, axis=0))
    return list(augment_batch(augmenter, batch, seed).numpy())

