"""Why did it say that: heat maps over the evidence for a class, and the first layer's filters.

Two methods, both for one image as the model sees it (decoded and stretched to its input
size, as prediction does), both giving a float32 map of that size, >= 0, peak 1:

- **occlusion** (Zeiler & Fergus 2014), the default: a grey patch slides over the image on
  a grid and each place gets the drop in the class's score (before the softmax, whose
  probability hardly moves when the model is sure) when it is hidden. It asks
  the model directly, so it finds the object wherever it is; it costs one forward pass per
  grid place (`OCCLUSION_GRID` squared, run in batches), and is cancellable between batches.
- **grad-cam** (Selvaraju et al. 2017), as published: the last convolution before pooling,
  its maps weighed by the gradient of the class *score* (the input of the final softmax,
  not the probability, whose gradient vanishes when the model is sure), positive part kept.
  One forward and one backward pass; as coarse as that convolution's grid (13x13 for
  AlexNet at 227 px, 6x6 at 128 px).

`heat_at(heat, height, width)` lays a map over the image at the image's own size and aspect
ratio; `overlay` draws it. The first layer's kernels, tiled, are the AlexNet paper's Figure 3.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image

from alexnet_desktop.core.events import Cancelled, Emit, Progress, no_emit
from alexnet_desktop.core.tf_runtime import keras, tensorflow
from alexnet_desktop.core.wording import N_, say

OCCLUSION = "occlusion"
GRAD_CAM = "grad-cam"
METHODS = (OCCLUSION, GRAD_CAM)
DEFAULT_METHOD = OCCLUSION
# What each method is, for menus and --help (translatable).
METHOD_NAMES = {OCCLUSION: N_("Occlusion"), GRAD_CAM: N_("Grad-CAM")}

# Occlusion: an 8x8 grid of places, a patch a fifth of the side: 64 forward passes (a finer
# grid costs its square); benchmarks/explain_timing.py measures it.
OCCLUSION_GRID = 8
OCCLUSION_PATCH = 0.2
OCCLUSION_FILL = 128  # mid grey, in the uint8 pixels the model takes
OCCLUSION_BATCH = 32


@dataclass(frozen=True)
class Explanation:
    """A heat map of `method` for class `class_index` over the image as the model saw it
    (float32, the model's input size, >= 0, peak 1 unless nothing raised the class), and
    the model's probability of that class for the image."""

    heat: np.ndarray
    class_index: int
    method: str
    probability: float
    layer: str = ""  # the layer used, found from the graph: Grad-CAM's maps, occlusion's scores


def check_method(method: str) -> str:
    """`method` if it is one of `METHODS`, else a ValueError naming them."""
    if method not in METHODS:
        raise ValueError(say("no explanation method {0!r}; choose one of {1}", method, ", ".join(METHODS)))
    return method


def leaf_layers(model: Any) -> list[Any]:
    """Every layer of `model` that is not itself a model, in the graph's order, looking inside
    nested models (the app's wrapper, an `InputScale` in front, a backbone inside a classifier)."""
    k = keras()
    out = []
    for layer in model.layers:
        if isinstance(layer, k.Model):
            out += leaf_layers(layer)
        elif not isinstance(layer, k.layers.InputLayer):
            out.append(layer)
    return out


@contextmanager
def _watching(layers: dict[str, Any]):
    """While in the block, each call of a layer in `layers` (key: layer) records its input and
    output under the key in the yielded dict: any model's inner tensors, Sequential, Functional
    or nested, without rebuilding its graph (which fails where a Sequential has no inputs)."""
    seen: dict[str, tuple[Any, Any]] = {}
    for key, layer in layers.items():
        original = layer.call

        def call(*args, _original=original, _key=key, **kwargs):
            out = _original(*args, **kwargs)
            seen[_key] = (args[0] if args else None, out)
            return out

        object.__setattr__(layer, "call", call)
    try:
        yield seen
    finally:
        for layer in layers.values():
            layer.__dict__.pop("call", None)


def _spatial_shapes(model: Any, leaves: list[Any]) -> list[tuple | None]:
    """Each leaf's output grid (height, width), None for one that is not a map, from one pass."""
    side = model.input_shape[1] or 64
    probe = np.zeros((1, side, model.input_shape[2] or side, 3), dtype=np.uint8)
    with _watching({str(i): layer for i, layer in enumerate(leaves)}) as seen:
        model(probe, training=False)
    shapes = []
    for i in range(len(leaves)):
        out = seen.get(str(i), (None, None))[1]
        shape = getattr(out, "shape", None)
        shapes.append(tuple(shape[1:3]) if shape is not None and len(shape) == 4 else None)
    return shapes


def last_conv_block(model: Any) -> Any:
    """The layer whose output Grad-CAM weighs, found from the graph: the last convolution,
    followed through the per-position layers after it (batch norm, ReLU, LRN) up to the first
    that changes the grid (pooling, flatten). Grouped convolutions are convolutions too."""
    k = keras()
    convs = (k.layers.Conv2D, k.layers.DepthwiseConv2D, k.layers.SeparableConv2D)
    leaves = leaf_layers(model)
    last = max((i for i, l in enumerate(leaves) if isinstance(l, convs)), default=None)
    if last is None:
        raise ValueError(say("{0}: no convolution for Grad-CAM to weigh; use occlusion", model.name))
    shapes = _spatial_shapes(model, leaves)
    grid, chosen = shapes[last], leaves[last]
    for layer, shape in zip(leaves[last + 1:], shapes[last + 1:]):
        if isinstance(layer, k.layers.Dropout):
            continue
        if shape != grid or "pool" in type(layer).__name__.lower():
            break
        chosen = layer
    return chosen


def _final_layer(model: Any) -> tuple[Any, str]:
    """The layer that gives the model's output, and how its scores before the softmax are had:
    "dense" (a Dense with softmax: recompute x @ kernel + bias), "input" (a softmax layer: its
    input), "output" (no softmax at the end: the outputs are the scores)."""
    k = keras()
    final = leaf_layers(model)[-1]
    activation = getattr(getattr(final, "activation", None), "__name__", "")
    if isinstance(final, k.layers.Dense) and activation == "softmax":
        return final, "dense"
    if isinstance(final, k.layers.Softmax) or (isinstance(final, k.layers.Activation) and activation == "softmax"):
        return final, "input"
    return final, "output"


class _Parts:
    """What the methods need of one model, found once: the layer that gives its scores, and
    (for Grad-CAM) the last convolution block."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.final, self.how = _final_layer(model)
        self.softmax = self.how != "output"
        self._cam: Any = None

    def scores(self, seen: dict) -> Any:
        """The class scores (before any softmax) from what the final layer was seen to take and give."""
        tf = tensorflow()
        given, out = seen["final"]
        if self.how == "output":
            return tf.cast(out, tf.float32)
        if self.how == "input":
            return tf.cast(given, tf.float32)
        scores = tf.matmul(tf.cast(given, tf.float32), tf.cast(self.final.kernel, tf.float32))
        return scores + tf.cast(self.final.bias, tf.float32) if self.final.use_bias else scores

    def cam_layer(self) -> Any:
        """The layer Grad-CAM weighs (`last_conv_block`)."""
        if self._cam is None:
            self._cam = last_conv_block(self.model)
        return self._cam

    def probabilities(self, scores: np.ndarray) -> np.ndarray:
        """The model's outputs from its scores: the softmax, if it has one."""
        if not self.softmax:
            return scores
        e = np.exp(scores - scores.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)


def _parts(model: Any) -> _Parts:
    # Kept on the model itself (past Keras's attribute tracking), so the parts live and die
    # with it: a weak-keyed table would keep every model alive, its parts referring to it.
    parts = model.__dict__.get("_explain_parts")
    if parts is None:
        parts = _Parts(model)
        object.__setattr__(model, "_explain_parts", parts)
    return parts


def class_scores(model: Any, pixels: np.ndarray) -> np.ndarray:
    """The model's class scores before the softmax for a batch of uint8 images (N, C), float32."""
    parts = _parts(model)
    with _watching({"final": parts.final}) as seen:
        model(tensorflow().convert_to_tensor(pixels), training=False)
    return np.asarray(parts.scores(seen), dtype=np.float32)


def scores_layer(model: Any) -> str:
    """The name of the layer whose scores (before any softmax) the methods ask."""
    return _parts(model).final.name


def _peak_one(heat: np.ndarray) -> np.ndarray:
    heat = np.clip(np.nan_to_num(heat.astype(np.float32)), 0, None)
    peak = float(heat.max()) if heat.size else 0.0
    return heat / peak if peak > 0 else heat


def grad_cam(model: Any, pixels: np.ndarray, class_index: int | None = None) -> tuple[np.ndarray, int]:
    """The Grad-CAM map of `class_index` (default: the highest-scoring class) for one uint8
    image (H, W, 3) of the model's input size: float32 (H, W), >= 0, peak 1; and the class.
    The layer weighed is `cam_layer(model)`."""
    tf = tensorflow()
    parts = _parts(model)
    watched = {"final": parts.final, "maps": parts.cam_layer()}
    with tf.GradientTape() as tape, _watching(watched) as seen:
        model(tf.convert_to_tensor(pixels[None]), training=False)
        maps = seen["maps"][1]
        scores = parts.scores(seen)
        if class_index is None:
            class_index = int(tf.argmax(scores[0]))
        score = scores[:, class_index]
    grads = tape.gradient(score, maps)
    if grads is None:
        raise ValueError(say("{0}: the class score does not depend on layer {1}; use occlusion", model.name,
                             parts.cam_layer().name))
    grads = tf.cast(grads, tf.float32)
    weights = tf.reduce_mean(grads, axis=(1, 2), keepdims=True)
    cam = tf.nn.relu(tf.reduce_sum(weights * tf.cast(maps, tf.float32), axis=-1))[0].numpy()
    h, w = pixels.shape[:2]
    return _peak_one(_resize(cam, h, w)), class_index


def cam_layer(model: Any) -> str:
    """The name of the layer Grad-CAM weighs for `model`."""
    return _parts(model).cam_layer().name


def _places(size: int, patch: int, grid: int) -> list[int]:
    return sorted({int(round(i * (size - patch) / (grid - 1))) for i in range(grid)}) if grid > 1 else [0]


def occlusion(
    model: Any,
    pixels: np.ndarray,
    class_index: int | None = None,
    *,
    grid: int = OCCLUSION_GRID,
    patch: float = OCCLUSION_PATCH,
    batch_size: int = OCCLUSION_BATCH,
    emit: Emit = no_emit,
    stop: threading.Event | None = None,
) -> tuple[np.ndarray, int, float]:
    """The occlusion map of `class_index` (default: the predicted class) for one uint8 image
    (H, W, 3) of the model's input size: each pixel gets the mean drop in the class's score
    (before the softmax) over the patches that hid it; float32 (H, W), >= 0, peak 1. Also returns the
    class and its probability on the whole image.

    Emits `Progress(done, total, "views")` after each batch; raises `Cancelled` when `stop`
    is set between batches."""
    h, w = pixels.shape[:2]
    ph, pw = max(1, int(round(h * patch))), max(1, int(round(w * patch)))
    boxes = [(r, c) for r in _places(h, ph, grid) for c in _places(w, pw, grid)]
    parts = _parts(model)
    base = class_scores(model, pixels[None])
    if class_index is None:
        class_index = int(np.argmax(base[0]))
    s0, p0 = float(base[0, class_index]), float(parts.probabilities(base)[0, class_index])
    total, count = np.zeros((h, w), np.float32), np.zeros((h, w), np.float32)
    for start in range(0, len(boxes), batch_size):
        if stop is not None and stop.is_set():
            raise Cancelled()
        chunk = boxes[start:start + batch_size]
        views = np.repeat(pixels[None], len(chunk), axis=0)
        for v, (r, c) in enumerate(chunk):
            views[v, r:r + ph, c:c + pw] = OCCLUSION_FILL
        scores = class_scores(model, views)[:, class_index]
        for (r, c), s in zip(chunk, scores):
            total[r:r + ph, c:c + pw] += s0 - s
            count[r:r + ph, c:c + pw] += 1
        emit(Progress(min(start + batch_size, len(boxes)), len(boxes), "views"))
    return _peak_one(total / np.maximum(count, 1)), class_index, p0


def explain(
    model: Any,
    pixels: np.ndarray,
    method: str = DEFAULT_METHOD,
    class_index: int | None = None,
    *,
    emit: Emit = no_emit,
    stop: threading.Event | None = None,
) -> Explanation:
    """The `method` heat map of `class_index` (default: the predicted class) for one uint8
    image of the model's input size (decode it with `decode_image(path, size=...)`)."""
    check_method(method)
    if method == OCCLUSION:
        heat, class_index, p = occlusion(model, pixels, class_index, emit=emit, stop=stop)
        return Explanation(heat, class_index, method, p, scores_layer(model))
    if stop is not None and stop.is_set():
        raise Cancelled()
    heat, class_index = grad_cam(model, pixels, class_index)
    p = float(_parts(model).probabilities(class_scores(model, pixels[None]))[0, class_index])
    emit(Progress(1, 1, "views"))
    return Explanation(heat, class_index, method, p, cam_layer(model))


def _resize(heat: np.ndarray, height: int, width: int) -> np.ndarray:
    if heat.shape == (height, width):
        return heat.astype(np.float32)
    return np.asarray(Image.fromarray(heat.astype(np.float32), mode="F").resize((width, height), Image.BILINEAR),
                      dtype=np.float32)


def heat_at(heat: np.ndarray, height: int, width: int) -> np.ndarray:
    """A map made on the model's square view, laid over an image of `height` x `width`: the
    stretch the model's input put on the image is undone (float32, >= 0, peak 1 again after the
    resampling, which lowers a single-pixel peak, unless the map is all 0)."""
    return _peak_one(_resize(heat, height, width))


def overlay(pixels: np.ndarray, heat: np.ndarray, alpha: float = 0.45) -> np.ndarray:
    """The image with the heat map (resized to it if needed) laid over it, blue cold to red
    hot, as uint8 RGB."""
    if heat.shape != pixels.shape[:2]:
        heat = heat_at(heat, *pixels.shape[:2])
    h = np.clip(heat, 0, 1)[..., None]
    colour = np.concatenate([h, 1 - np.abs(2 * h - 1), 1 - h], axis=-1) * 255  # red, green peak at 0.5, blue
    weight = alpha * h ** 0.5  # cold areas stay mostly the image
    return np.clip(pixels * (1 - weight) + colour * weight, 0, 255).astype(np.uint8)


def first_layer_filters(model: Any, scale: int = 4) -> np.ndarray:
    """The first convolution's kernels tiled in a grid, each scaled to 0..255 on its own and
    enlarged `scale` times (AlexNet: 96 kernels of 11x11x3, the paper's Figure 3)."""
    k = keras()
    conv = next((l for l in leaf_layers(model) if isinstance(l, k.layers.Conv2D)), None)
    if conv is None:
        raise ValueError(say("{0}: no convolution", model.name))
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
