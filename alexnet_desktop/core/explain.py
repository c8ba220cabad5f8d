"""Why did it say that: Grad-CAM heat maps and the first layer's learned filters.

Grad-CAM (Selvaraju et al. 2017) weighs the last convolutional feature maps by the
gradient of a class's score and keeps the positive part: where in the image the evidence
for that class lies. The first layer's kernels, tiled, are the paper's Figure 3.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from alexnet_desktop.core.tf_runtime import keras, tensorflow
from alexnet_desktop.core.wording import say


def _network(model: Any) -> tuple[Any, list[Any]]:
    """The architecture inside the app's classifier wrapper, and the layers before it (the
    preprocessing); a model made elsewhere is its own network with no preprocessing."""
    k = keras()
    for i, layer in enumerate(model.layers):
        if isinstance(layer, k.Model):
            return layer, [l for l in model.layers[1:i]]
    return model, []


def _feature_layer(net: Any) -> Any:
    maps = [l for l in net.layers[1:] if len(getattr(l, "output").shape) == 4 and type(l).__name__ != "Dropout"]
    if not maps:
        raise ValueError(say("{0}: no convolutional layer to explain", net.name))
    return maps[-1]


def grad_cam(model: Any, pixels: np.ndarray, class_index: int | None = None) -> tuple[np.ndarray, int]:
    """The Grad-CAM map of `class_index` (default: the predicted class) for one uint8 image
    (H, W, 3) of the model's input size: float32 (H, W) in [0, 1], and the class explained."""
    tf = tensorflow()
    net, preprocessing = _network(model)
    features = _feature_layer(net)
    probe = keras().Model(net.inputs, [features.output, net.output])
    x = tf.convert_to_tensor(pixels[None])
    for layer in preprocessing:
        x = layer(x)
    x = tf.cast(x, tf.float32)
    with tf.GradientTape() as tape:
        maps, probs = probe(x, training=False)
        if class_index is None:
            class_index = int(tf.argmax(probs[0]))
        score = probs[:, class_index]
    grads = tape.gradient(score, maps)
    weights = tf.reduce_mean(tf.cast(grads, tf.float32), axis=(1, 2), keepdims=True)
    cam = tf.nn.relu(tf.reduce_sum(weights * tf.cast(maps, tf.float32), axis=-1))[0]
    peak = float(tf.reduce_max(cam))
    cam = cam / peak if peak > 0 else cam
    h, w = pixels.shape[:2]
    resized = tf.image.resize(cam[..., None], (h, w), method="bilinear")[..., 0]
    return np.clip(resized.numpy(), 0, 1).astype(np.float32), class_index


def overlay(pixels: np.ndarray, heat: np.ndarray, alpha: float = 0.45) -> np.ndarray:
    """The image with the heat map laid over it (blue cold to red hot), as uint8 RGB."""
    h = np.clip(heat, 0, 1)[..., None]
    colour = np.concatenate([h, 1 - np.abs(2 * h - 1), 1 - h], axis=-1) * 255  # red, green peak at 0.5, blue
    weight = alpha * h ** 0.5  # cold areas stay mostly the image
    return np.clip(pixels * (1 - weight) + colour * weight, 0, 255).astype(np.uint8)


def first_layer_filters(model: Any, scale: int = 4) -> np.ndarray:
    """The first convolution's kernels tiled in a grid, each scaled to 0..255 on its own and
    enlarged `scale` times (AlexNet: 96 kernels of 11x11x3, the paper's Figure 3)."""
    net, _ = _network(model)
    k = keras()
    conv = next((l for l in net.layers if isinstance(l, k.layers.Conv2D)), None)
    if conv is None:
        raise ValueError(say("{0}: no convolution", net.name))
    kernels = np.asarray(conv.get_weights()[0], dtype=np.float32)  # (kh, kw, in/groups, out)
    kh, kw, cin, n = kernels.shape
    if cin != 3:
        kernels = np.repeat(kernels.mean(axis=2, keepdims=True), 3, axis=2)
    cols = int(np.ceil(np.sqrt(n * 2)))  # wider than tall, like the paper's figure
    rows = int(np.ceil(n / cols))
    pad = 1
    tile_h, tile_w = kh * scale + pad, kw * scale + pad
    grid = np.full((rows * tile_h + pad, cols * tile_w + pad, 3), 255, dtype=np.uint8)
    for i in range(n):
        kernel = kernels[..., i]
        lo, hi = kernel.min(), kernel.max()
        img = ((kernel - lo) / (hi - lo) * 255 if hi > lo else np.full_like(kernel, 128)).astype(np.uint8)
        img = img.repeat(scale, axis=0).repeat(scale, axis=1)
        r, c = divmod(i, cols)
        grid[pad + r * tile_h: pad + r * tile_h + kh * scale, pad + c * tile_w: pad + c * tile_w + kw * scale] = img
    return grid
