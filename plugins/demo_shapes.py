"""Dataset loader plugin: the built-in demo, generated images of four kinds of shapes.

The images are drawn from a fixed seed, so every machine gets the same dataset, and
written once into the workspace as an ordinary folder-per-class dataset, which is then
read by the same code as any user's folder. Each class differs in shape, colour family
and texture, and positions, sizes, rotations, backgrounds and noise vary, so the task is
easy for AlexNet but not trivial: it learns it on a CPU in a few minutes at 128 px.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from alexnet_desktop.plugin_api import DatasetLoader, dataset_from_class_folders, hookimpl, say, write_once


DEMO_DIRNAME = "demo-shapes"
MARKER = ".alexnet-demo.json"
VERSION = 1
CLASSES = ("circles", "squares", "stripes", "triangles")
PER_CLASS = 60
SIDE = 128
SEED = 2012  # the year of AlexNet


def _background(rng: random.Random) -> Image.Image:
    top = tuple(rng.randint(150, 245) for _ in range(3))
    bottom = tuple(max(0, c - rng.randint(20, 90)) for c in top)
    column = Image.new("RGB", (1, SIDE))
    for y in range(SIDE):
        t = y / (SIDE - 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)))
    return column.resize((SIDE, SIDE))


def _jitter(rng: random.Random, base: tuple[int, int, int]) -> tuple[int, int, int]:
    return tuple(min(255, max(0, c + rng.randint(-40, 40))) for c in base)


def _polygon(cx: float, cy: float, r: float, sides: int, angle: float) -> list[tuple[float, float]]:
    return [
        (cx + r * math.cos(angle + 2 * math.pi * k / sides), cy + r * math.sin(angle + 2 * math.pi * k / sides))
        for k in range(sides)
    ]


def draw_demo_image(label: str, index: int) -> Image.Image:
    """Draw image `index` of class `label`; the same arguments always give the same pixels."""
    rng = random.Random(f"{SEED}/{label}/{index}")
    im = _background(rng)
    draw = ImageDraw.Draw(im)
    r = rng.uniform(0.18, 0.36) * SIDE
    cx, cy = rng.uniform(r, SIDE - r), rng.uniform(r, SIDE - r)
    angle = rng.uniform(0, 2 * math.pi)
    if label == "circles":
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_jitter(rng, (200, 40, 40)))
    elif label == "squares":
        draw.polygon(_polygon(cx, cy, r * 1.2, 4, angle), fill=_jitter(rng, (40, 70, 200)))
    elif label == "triangles":
        draw.polygon(_polygon(cx, cy, r * 1.3, 3, angle), fill=_jitter(rng, (40, 160, 60)))
    elif label == "stripes":
        colour = _jitter(rng, (220, 180, 30))
        width = rng.randint(5, 10)
        stripe = Image.new("L", (SIDE * 2, SIDE * 2), 0)
        sd = ImageDraw.Draw(stripe)
        for x in range(0, SIDE * 2, width * 2):
            sd.rectangle((x, 0, x + width - 1, SIDE * 2), fill=255)
        stripe = stripe.rotate(math.degrees(angle)).crop((SIDE // 2, SIDE // 2, SIDE // 2 + SIDE, SIDE // 2 + SIDE))
        mask = Image.new("L", (SIDE, SIDE), 0)
        ImageDraw.Draw(mask).rectangle((cx - r, cy - r, cx + r, cy + r), fill=255)
        im.paste(colour, (0, 0), Image.composite(stripe, mask.point(lambda _: 0), mask))
    else:
        raise ValueError(say("no demo class {0!r}", label))
    for _ in range(rng.randint(20, 60)):  # speckle noise, so no two images are alike
        x, y = rng.randrange(SIDE), rng.randrange(SIDE)
        draw.point((x, y), fill=tuple(rng.randint(0, 255) for _ in range(3)))
    return im.filter(ImageFilter.GaussianBlur(rng.uniform(0, 0.8)))


def prepare_demo(folder: Path) -> Path:
    """Write the demo dataset under `folder` once and return its root."""
    identity = {"version": VERSION, "classes": list(CLASSES), "per_class": PER_CLASS, "side": SIDE}

    def write(tmp: Path) -> None:
        for label in CLASSES:
            (tmp / label).mkdir()
            for i in range(PER_CLASS):
                draw_demo_image(label, i).save(tmp / label / f"{label}_{i:03d}.jpg", quality=92)

    return write_once(Path(folder) / DEMO_DIRNAME, identity, write, marker=MARKER)


def detect_demo(path: Path) -> float:
    """Certain for a folder written by `prepare_demo`, otherwise not this loader's."""
    return 1.0 if (Path(path) / MARKER).is_file() else 0.0


def load_demo(path: Path):
    """Read the demo dataset: it is an ordinary folder-per-class dataset."""
    return dataset_from_class_folders(path, loader_id="demo-shapes")


DEMO_LOADER = DatasetLoader(
    id="demo-shapes",
    name="Demo: shapes",
    description=(
        f"Built-in demo data: {len(CLASSES)} classes ({', '.join(CLASSES)}) of {PER_CLASS} generated "
        f"{SIDE}x{SIDE} images each, written into the workspace on first use."
    ),
    detect=detect_demo,
    load=load_demo,
    prepare=prepare_demo,
)


@hookimpl
def register_dataset_loaders():
    """Provide the demo dataset."""
    return [DEMO_LOADER]
