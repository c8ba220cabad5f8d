"""What the unlabelled folder buys (issue 35): 10 labelled digits a class, the rest unlabelled.

    python benchmarks/fixmatch.py [--work DIR] [--seeds 1] [--first-seed 0] [--epochs 60]
                                  [--data handwritten|drawn] [--schedule constant|cosine] [--out FILE]

Per seed, writes the split the issue measured plain Keras on (benchmarks/handwritten.py:
scikit-learn's handwritten digits at 32x32, 500 test images, 10 labelled per class from the
other 1,297 and the remaining 1,197 in one folder without labels), or with `--data drawn` the
same split of digits drawn by benchmarks/start_from.py (1,200 unlabelled). Trains seed 003's
small CNN twice with the app's `train` job (Adam 1e-3 with the chosen schedule, batch 16,
shifts of 1/8 as augmentation, no validation split): on the 100 labelled images alone, and with
`--unlabelled` (FixMatch, threshold 0.95, 4 unlabelled per labelled). Both run about the same
number of steps (labelled-only: 7 steps an epoch; FixMatch: 19) and are measured at their last
epoch on the test images. Prints each seed's pair of accuracies, their means and the time each took.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.handwritten import few_labelled_split  # noqa: E402
from benchmarks.start_from import accuracy_at_last_epoch, write_digits  # noqa: E402


def unlabelled_folder(root: Path, seed: int, count: int) -> Path:
    """`count` digit images (all ten digits) in one folder, their labels thrown away."""
    drawn = write_digits(root / "drawn", range(10), count // 10, seed)
    out = root / "unlabelled"
    out.mkdir(parents=True, exist_ok=True)
    for i, path in enumerate(sorted(drawn.rglob("*.png"))):
        shutil.move(str(path), out / f"u{i:05d}.png")
    shutil.rmtree(drawn)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="folder for the images and runs (default: a temporary one)")
    parser.add_argument("--seeds", type=int, default=1, help="how many splits (seeds) to measure")
    parser.add_argument("--first-seed", type=int, default=0, help="the first split's seed (to add splits later)")
    parser.add_argument("--epochs", type=int, default=60, help="FixMatch's epochs (labelled-only gets 19/7 as many)")
    parser.add_argument("--data", choices=("handwritten", "drawn"), default="handwritten")
    parser.add_argument("--schedule", choices=("constant", "cosine"), default="constant",
                        help="the learning rate's schedule, for both runs")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args()

    from alexnet_desktop.core.plugins import PluginHost
    from alexnet_desktop.core.training.config import TrainConfig
    from alexnet_desktop.core.training.fit import train

    work = args.work or Path(tempfile.mkdtemp(prefix="fixmatch-"))
    host = PluginHost()
    common = dict(arch="small-cnn", image_size=32, optimizer="adam", learning_rate=1e-3, batch_size=16,
                  val_split=0.0, runs_dir=str(work / "runs"),
                  augmentation={"width_shift": 0.125, "height_shift": 0.125}, lr_schedule=args.schedule)
    rows = []
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        base = work / f"seed{seed}"
        if args.data == "handwritten":
            labelled, unlabelled, test = few_labelled_split(base, seed)
        else:
            labelled = write_digits(base / "labelled", range(10), 10, seed)
            unlabelled = unlabelled_folder(base, 1000 + seed, 1200)
            test = write_digits(base / "test", range(10), 50, 2000 + seed)
        started = time.perf_counter()
        alone_epochs = round(args.epochs * 19 / 7)
        alone = accuracy_at_last_epoch(train(TrainConfig(data=str(labelled), epochs=alone_epochs, seed=seed,
                                                         **common), host).run_dir, test)
        alone_s = time.perf_counter() - started
        started = time.perf_counter()
        semi = accuracy_at_last_epoch(train(TrainConfig(data=str(labelled), epochs=args.epochs, seed=seed,
                                                        unlabelled=str(unlabelled), **common), host).run_dir, test)
        semi_s = time.perf_counter() - started
        rows.append({"seed": seed, "labelled_only": round(alone, 4), "fixmatch": round(semi, 4),
                     "labelled_only_seconds": round(alone_s), "fixmatch_seconds": round(semi_s)})
        print(f"seed {seed}: labelled only {alone:.3f} ({alone_s:.0f} s), FixMatch {semi:.3f} ({semi_s:.0f} s)",
              flush=True)
    summary = {
        "labelled_only_mean": round(statistics.mean(r["labelled_only"] for r in rows), 4),
        "fixmatch_mean": round(statistics.mean(r["fixmatch"] for r in rows), 4),
        "fixmatch_epochs": args.epochs, "data": args.data, "schedule": args.schedule,
        "seeds": rows,
    }
    print(f"mean over {len(rows)} seeds: labelled only {summary['labelled_only_mean']:.3f}, "
          f"FixMatch {summary['fixmatch_mean']:.3f}")
    if args.out:
        args.out.write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
