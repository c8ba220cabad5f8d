"""R8: seconds to explain one image in the side panel's way, on the app's default model.

AlexNet-BN at 227 px (its weights do not change the time), one synthetic 400x300 JPEG:
decode it as the model sees it, make the default method's map, lay it over the image at
its own size. One warm-up, then the median of `reps`. Grad-CAM is timed the same way, for
the README's comparison.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import numpy as np
from PIL import Image


def explain_seconds(work: Path, reps: int, arch: str = "alexnet-bn", image_size: int = 227) -> dict:
    """{method: median seconds} for each method, and the default method's figure."""
    from alexnet_desktop.core.model.explain import DEFAULT_METHOD, METHODS, explain, heat_at, overlay
    from alexnet_desktop.core.data.images import decode_image
    from alexnet_desktop.core.model.models import build_classifier
    from alexnet_desktop.core.plugins import default_host

    path = work / "r8_image.jpg"
    if not path.is_file():
        rng = np.random.default_rng(0)
        Image.fromarray(rng.integers(0, 256, (300, 400, 3), dtype=np.uint8)).save(path, quality=90)
    model = build_classifier(default_host().architecture(arch), 10, image_size)

    def once(method: str) -> float:
        started = time.perf_counter()
        image = decode_image(path, size=320, keep_aspect=True)
        e = explain(model, decode_image(path, size=image_size), method)
        overlay(image, heat_at(e.heat, *image.shape[:2]))
        return time.perf_counter() - started

    out: dict = {"arch": arch, "image_size": image_size}
    for method in METHODS:
        once(method)  # builds the probe models and warms TensorFlow's kernels
        out[f"{method}_s"] = statistics.median(once(method) for _ in range(reps))
    out["default_method"] = DEFAULT_METHOD
    out["default_s"] = out[f"{DEFAULT_METHOD}_s"]
    return out
