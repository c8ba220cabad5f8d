"""What starting from a run buys on a few images of new classes (issue 25).

    python benchmarks/start_from.py [--work DIR] [--seeds 3]

Writes digit images (0-9 drawn in varied fonts, sizes, positions, rotations, with noise, as
32x32 PNGs), trains seed 003's small CNN on five digits (0-4, 300 images each, 6 epochs), then
trains on five new digits (5-9) with 20 images each for 3 epochs, twice per seed: from scratch
and `--from` the first run (a new classifier, every other layer copied). Both use Adam at
1e-3, batch 16, no augmentation, and are measured at their last epoch on 100 held-out images
per new digit. Prints each seed's pair of accuracies and their means, and writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

FONTS = sorted(Path("/usr/share/fonts").rglob("*.ttf"))


def digit_image(digit: int, rng: np.random.Generator) -> Image.Image:
    """One 32x32 RGB image of `digit`, light on dark, in a random font, size, place and angle."""
    big = Image.new("L", (64, 64), 0)
    draw = ImageDraw.Draw(big)
    font = ImageFont.truetype(str(FONTS[rng.integers(len(FONTS))]), int(rng.integers(30, 46))) if FONTS else \
        ImageFont.load_default()
    draw.text((32 + rng.integers(-6, 7), 32 + rng.integers(-6, 7)), str(digit), fill=int(rng.integers(170, 256)),
              font=font, anchor="mm")
    big = big.rotate(float(rng.uniform(-20, 20)), resample=Image.BILINEAR)
    if rng.random() < 0.5:
        big = big.filter(ImageFilter.MaxFilter(3))  # a thicker stroke
    small = np.asarray(big.resize((32, 32), Image.BILINEAR), dtype=np.float32)
    small = np.clip(small + rng.normal(0, 20, small.shape), 0, 255).astype(np.uint8)
    return Image.fromarray(small, "L").convert("RGB")


def write_digits(root: Path, digits: range, per_class: int, seed: int) -> Path:
    rng = np.random.default_rng(seed)
    for d in digits:
        (root / str(d)).mkdir(parents=True, exist_ok=True)
        for i in range(per_class):
            digit_image(d, rng).save(root / str(d) / f"{d}_{i}.png")
    return root


def accuracy_at_last_epoch(run_dir: Path, test: Path) -> float:
    """The run's last-epoch model (its checkpoint, no epoch chosen on any score) on `test`."""
    from alexnet_desktop.core.data.datasets import Sample
    from alexnet_desktop.core.model.loaded import LoadedModel
    from alexnet_desktop.core.model.model_files import load_model_file
    from alexnet_desktop.core.training.evaluation import evaluate_samples
    from alexnet_desktop.core.runs.folder import RunFolder

    run = RunFolder(run_dir)
    manifest = run.manifest()
    model = load_model_file(run.checkpoint_path)
    loaded = LoadedModel(model, list(manifest.class_names), int(manifest.image_size), run.checkpoint_path)
    samples = [Sample(p, p.parent.name) for p in sorted(test.rglob("*.png"))]
    return evaluate_samples(loaded, samples, source=str(test)).accuracy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="folder for the images and runs (default: a temporary one)")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args()

    from alexnet_desktop.core.plugins import PluginHost
    from alexnet_desktop.core.training.config import TrainConfig
    from alexnet_desktop.core.training.fit import train

    work = args.work or Path(tempfile.mkdtemp(prefix="start-from-"))
    host = PluginHost()
    common = dict(arch="small-cnn", image_size=32, optimizer="adam", learning_rate=1e-3, batch_size=16,
                  runs_dir=str(work / "runs"))
    rows = []
    for seed in range(args.seeds):
        base = work / f"seed{seed}"
        old = write_digits(base / "old", range(0, 5), 300, seed)
        new = write_digits(base / "new", range(5, 10), 20, 1000 + seed)
        test = write_digits(base / "test", range(5, 10), 100, 2000 + seed)
        source = train(TrainConfig(data=str(old), epochs=6, val_split=0.1, seed=seed, **common), host).run_dir
        few = dict(data=str(new), epochs=3, val_split=0.0, seed=seed, **common)
        scratch = accuracy_at_last_epoch(train(TrainConfig(**few), host).run_dir, test)
        started = accuracy_at_last_epoch(train(TrainConfig(**few, start_from=str(source)), host).run_dir, test)
        rows.append({"seed": seed, "from_scratch": round(scratch, 4), "from_run": round(started, 4)})
        print(f"seed {seed}: from scratch {scratch:.3f}, from the five-digit run {started:.3f}", flush=True)
    summary = {
        "from_scratch_mean": round(statistics.mean(r["from_scratch"] for r in rows), 4),
        "from_run_mean": round(statistics.mean(r["from_run"] for r in rows), 4),
        "seeds": rows,
    }
    print(f"mean over {len(rows)} seeds: from scratch {summary['from_scratch_mean']:.3f}, "
          f"from the run {summary['from_run_mean']:.3f}")
    if args.out:
        args.out.write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
