"""Building blocks shared by the architecture plugins, registered for safe-mode loading.

Everything here is a Keras layer or a function of Keras layers (never `Lambda`), and
custom layers are registered with `register_keras_serializable`, so a model saved by
the app loads again with `keras.saving.load_model(path, safe_mode=True)`.
"""

from __future__ import annotations

from typing import Callable

from alexnet_desktop.core.tf_runtime import keras

keras = keras()
layers = keras.layers


@keras.saving.register_keras_serializable(package="alexnet_desktop")
class LocalResponseNormalization(layers.Layer):
    """Local response normalisation across channels (Krizhevsky et al. 2012, section 3.3).

    b[c] = a[c] / (k + alpha * sum(a[j]^2 for j in c-n/2 .. c+n/2)) ^ beta, with the paper's
    constants k=2, n=5, alpha=1e-4, beta=0.75. Built from `keras.ops` so it runs on any
    backend and saves and loads in safe mode; it has no weights.
    """

    def __init__(self, size: int = 5, k: float = 2.0, alpha: float = 1e-4, beta: float = 0.75, **kwargs):
        super().__init__(**kwargs)
        if size < 1 or size % 2 == 0:
            raise ValueError(f"LRN size must be a positive odd number, not {size}")
        self.size, self.k, self.alpha, self.beta = size, k, alpha, beta

    def call(self, x):
        ops = keras.ops
        half = self.size // 2
        squared = ops.square(x)
        channels = ops.shape(x)[-1]
        padded = ops.pad(squared, [[0, 0]] * (len(x.shape) - 1) + [[half, half]])
        window = padded[..., 0:channels]
        for i in range(1, self.size):
            window = window + padded[..., i : i + channels]
        return x / ops.power(self.k + self.alpha * window, self.beta)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "size": self.size, "k": self.k, "alpha": self.alpha, "beta": self.beta}


def conv_relu(x, filters: int, kernel: int, *, strides: int = 1, padding: str = "same", groups: int = 1, name: str):
    """Convolution with ReLU; `groups=2` splits it as the paper's two GPUs did."""
    return layers.Conv2D(
        filters, kernel, strides=strides, padding=padding, groups=groups, activation="relu", name=name
    )(x)


def batch_norm(name: str):
    """Batch normalisation as every variant here uses it.

    Momentum 0.9, not Keras' 0.99: with 0.99 the moving statistics need hundreds of
    steps to settle, and on a small dataset (the demo has 6 batches an epoch) validation
    then sits at chance while training accuracy is perfect. Measured on the demo: val
    accuracy 0.25 after 10 epochs with 0.99.
    """
    return layers.BatchNormalization(axis=-1, momentum=0.9, name=name)


def conv_bn_relu(
    x, filters: int, kernel: int, *, strides: int = 1, padding: str = "same", groups: int = 1, name: str
):
    """Convolution, batch normalisation, ReLU: the unit of seed 000's AlexNet."""
    x = layers.Conv2D(filters, kernel, strides=strides, padding=padding, groups=groups, name=f"{name}_conv")(x)
    x = batch_norm(f"{name}_bn")(x)
    return layers.Activation("relu", name=f"{name}_relu")(x)


def conv_relu_bn(
    x, filters: int, kernel: int, *, strides: int = 1, padding: str = "same", groups: int = 1, name: str
):
    """Convolution with ReLU, then batch normalisation of its output: seed 004's unit, which
    normalises every layer's output before it goes on to the next."""
    x = conv_relu(x, filters, kernel, strides=strides, padding=padding, groups=groups, name=name)
    return batch_norm(f"{name}_bn")(x)


# AlexNet's convolutions: name, filters, kernel, stride, padding, whether the paper split it
# over its two GPUs (conv2, 4 and 5 only saw their own GPU's half), whether a pool follows.
ALEXNET_CONVS = (
    ("conv1", 96, 11, 4, "valid", False, True),
    ("conv2", 256, 5, 1, "same", True, True),
    ("conv3", 384, 3, 1, "same", False, False),
    ("conv4", 384, 3, 1, "same", True, False),
    ("conv5", 256, 3, 1, "same", True, True),
)


def alexnet_features(x, unit: Callable = conv_relu, *, grouped: bool = False, after: dict | None = None):
    """AlexNet's five convolutions and three overlapping 3/2 max-pools (pool1, pool2, pool5).

    `unit` builds one convolution (`conv_relu`, `conv_bn_relu`); `grouped` splits conv2,
    conv4 and conv5 in two groups as the paper did; `after` maps a step name ("conv1",
    "pool2"...) to a layer inserted after it, which is where the variants differ (LRN after
    conv1 and conv2 in the paper, one batch norm after pool2 in seed 001).
    """
    after = after or {}
    for name, filters, kernel, strides, padding, split, pooled in ALEXNET_CONVS:
        x = unit(x, filters, kernel, strides=strides, padding=padding, groups=2 if grouped and split else 1, name=name)
        if name in after:
            x = after[name](x)
        if pooled:
            pool = f"pool{name[-1]}"
            x = layers.MaxPooling2D(3, strides=2, name=pool)(x)
            if pool in after:
                x = after[pool](x)
    return x


def alexnet_classifier(x, num_classes: int, *, dropout: float = 0.0, batch_norm_dense: bool = False, name: str = "fc"):
    """Flatten, two dense 4096 ReLU layers and softmax.

    `dropout` puts dropout after each dense layer (the paper, seed 001); `batch_norm_dense`
    normalises each dense layer's output before its dropout (seed 004).
    """
    x = layers.Flatten(name="flatten")(x)
    for i in (6, 7):
        x = layers.Dense(4096, activation="relu", name=f"{name}{i}")(x)
        if batch_norm_dense:
            x = batch_norm(f"{name}{i}_bn")(x)
        if dropout:
            x = layers.Dropout(dropout, name=f"{name}{i}_dropout")(x)
    # float32 softmax so that mixed precision never rounds probabilities to 0 or 1.
    return layers.Dense(num_classes, activation="softmax", name="predictions", dtype="float32")(x)


# What each input range asks of 0..255 RGB pixels: (multiplier, offset per channel, swap to BGR).
# "caffe" is Keras Applications' mode of that name: BGR, each channel less its ImageNet mean.
INPUT_SCALES = {
    "0-255": (1.0, (0.0, 0.0, 0.0), False),
    "0-1": (1 / 255, (0.0, 0.0, 0.0), False),
    "-1-1": (1 / 127.5, (-1.0, -1.0, -1.0), False),
    "caffe": (1.0, (-103.939, -116.779, -123.68), True),
}


@keras.saving.register_keras_serializable(package="alexnet_desktop")
class InputScale(layers.Layer):
    """0..255 RGB pixels into the range a model made elsewhere expects (`INPUT_SCALES`): put
    in front of such a model, so every use of it (and every export) feeds the same numbers."""

    def __init__(self, scale: str = "0-1", **kwargs):
        super().__init__(**kwargs)
        if scale not in INPUT_SCALES:
            raise ValueError(f"no input scale {scale!r}; choose one of {', '.join(INPUT_SCALES)}")
        self.scale = scale

    def call(self, x):
        ops = keras.ops
        factor, offset, bgr = INPUT_SCALES[self.scale]
        x = ops.cast(x, "float32")
        if bgr:
            x = ops.flip(x, axis=-1)
        return x * factor + ops.convert_to_tensor(offset, dtype="float32")

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "scale": self.scale}
