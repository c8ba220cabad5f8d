"""Class weights for unbalanced classes: how much each training image of a class counts in the loss.

"balanced" gives class c the weight n / (k * n_c) (n training images, k classes, n_c of class c),
as scikit-learn's `class_weight="balanced"` does: every class then weighs as much in the loss
as if the classes were equally common, and the mean weight per image stays 1. A class with no
training image keeps the weight 1 (it is never seen, so its weight does not matter).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from alexnet_desktop.core.wording import say

CLASS_WEIGHT_CHOICES = ("none", "balanced")


def class_weights(mode: str, labels: Iterable[str], class_names: list[str]) -> dict[str, float]:
    """Each class's weight by name for `mode` ("none": empty, every image counts once; "balanced":
    see the module), from the labels of the training part."""
    if mode not in CLASS_WEIGHT_CHOICES:
        raise ValueError(say("class weight must be one of {0}, not {1!r}", ", ".join(CLASS_WEIGHT_CHOICES), mode))
    if mode == "none":
        return {}
    counts = Counter(labels)
    total = sum(counts[c] for c in class_names)
    present = [c for c in class_names if counts[c]]
    return {c: (total / (len(present) * counts[c]) if counts[c] else 1.0) for c in class_names}


def keras_class_weight(weights: dict[str, float], class_names: list[str]) -> dict[int, float] | None:
    """The weights as Keras' `fit(class_weight=...)` takes them (by class index); None for none."""
    return {i: float(weights[c]) for i, c in enumerate(class_names)} if weights else None
