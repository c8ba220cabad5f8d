"""A synthetic folder-per-class JPEG dataset for the benchmarks: mixed sizes, real JPEGs.

The images are smooth colour fields with a class-specific shape and camera-like noise, so
they compress and decode like photographs (about 20-60 KB each), not like flat colour.
The folder is written once per (count, classes, seed) and reused by later runs.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

MARKER = ".benchmark-folder.json"
SIDES = (300, 600)  # every image's width and height are drawn from this range


def _image(index: int, label: int, classes: int, seed: int) -> Image.Image:
    rng = np.random.default_rng([seed, index])
    w, h = (int(v) for v in rng.integers(SIDES[0], SIDES[1] + 1, size=2))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    base = rng.uniform(40, 200, size=3)
    slope = rng.uniform(-0.2, 0.2, size=(2, 3))
    pixels = base + xx[..., None] * slope[0] + yy[..., None] * slope[1] + rng.normal(0, 12, size=(h, w, 3))
    im = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(im)
    hue = tuple(int(v) for v in np.roll([230, 60, 30], label % 3))
    cx, cy, r = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), min(w, h) * rng.uniform(0.15, 0.3)
    sides = 3 + label % max(classes, 1)
    angles = np.linspace(0, 2 * np.pi, sides, endpoint=False) + rng.uniform(0, np.pi)
    draw.polygon([(cx + r * np.cos(a), cy + r * np.sin(a)) for a in angles], fill=hue)
    return im


def jpeg_folder(root: str | Path, count: int, classes: int = 4, seed: int = 0) -> Path:
    """`root/class_<k>/img_<i>.jpg` for `count` images over `classes` classes; reused when present."""
    root = Path(root)
    identity = {"count": count, "classes": classes, "seed": seed, "sides": list(SIDES)}
    marker = root / MARKER
    if marker.is_file() and json.loads(marker.read_text()) == identity:
        return root
    for k in range(classes):
        (root / f"class_{k}").mkdir(parents=True, exist_ok=True)

    def write(i: int) -> None:
        label = i % classes
        _image(i, label, classes, seed).save(root / f"class_{label}" / f"img_{i:06d}.jpg", quality=90)

    # Pillow's encoder releases the GIL, so threads write several images at once.
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(write, range(count)))
    marker.write_text(json.dumps(identity))
    return root


def unlabelled_folder(root: str | Path, source: Path, count: int) -> Path:
    """A flat folder of `count` images to predict: hard links to `source`'s JPEGs, cycled,
    so 20,000 images cost the disk space of the source folder (the decoder still reads each)."""
    root = Path(root)
    files = sorted(Path(source).rglob("*.jpg"))
    if not files:
        raise FileNotFoundError(f"{source}: no JPEGs to link to")
    root.mkdir(parents=True, exist_ok=True)
    existing = {p.name for p in root.iterdir()}
    for i in range(count):
        name = f"u_{i:06d}.jpg"
        if name not in existing:
            try:
                (root / name).hardlink_to(files[i % len(files)])
            except OSError:
                (root / name).write_bytes(files[i % len(files)].read_bytes())
    for extra in sorted(existing - {f"u_{i:06d}.jpg" for i in range(count)}):
        (root / extra).unlink()
    return root
