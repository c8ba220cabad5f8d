"""A located-object dataset for testing explanations: a small coloured square at a random
place on a noisy background; the square's colour is the class and its box is known."""

from __future__ import annotations

import numpy as np

COLOURS = ((230, 40, 40), (40, 200, 40), (40, 80, 230))  # the classes: red, green, blue


def located_objects(n: int, side: int = 48, box: int = 14, seed: int = 0):
    """`n` uint8 images (n, side, side, 3), their classes, and each object's box
    (row, col, height, width); the box is about a tenth of the image."""
    rng = np.random.default_rng(seed)
    grey = rng.integers(50, 206, (n, side, side, 1)) + rng.integers(-15, 16, (n, side, side, 3))
    images = np.clip(grey, 0, 255).astype(np.uint8)  # grey noise, a little colour in it
    labels = rng.integers(0, len(COLOURS), n)
    boxes = []
    for i in range(n):
        r, c = rng.integers(0, side - box + 1, 2)
        patch = np.array(COLOURS[labels[i]], np.int16) + rng.integers(-25, 26, (box, box, 3))
        images[i, r:r + box, c:c + box] = np.clip(patch, 0, 255)
        boxes.append((int(r), int(c), box, box))
    return images, labels, boxes
