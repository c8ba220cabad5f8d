"""How well check-labels finds wrong labels (issue 34): precision and recall of both paths.

    python benchmarks/check_labels.py [--work DIR] [--seeds 2] [--first-seed 0] [--data handwritten|drawn]
                                      [--paths fast,thorough] [--out FILE]

Per seed: the training part of scikit-learn's handwritten digits (1,297 images, 32x32 PNGs,
benchmarks/handwritten.py: the data the issue's plain-Keras figures were measured on), or with
`--data drawn` 1,300 digits drawn by benchmarks/start_from.py; 10 % of them moved to a wrong
digit's folder, chosen at random; seed 003's small CNN trained on the result (wrong labels and
all, 10 epochs, Adam 1e-3, batch 32, as a user's run would be); then `check_labels` on the
folder with that run, the fast path and the thorough one (5 folds each). A found image counts as
right when it is one of the moved ones. Prints and writes precision, recall and the seconds each
path took (the run's training not counted).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

PER_DIGIT, FLIPPED = 130, 0.10


def noisy_digits(root: Path, seed: int, data: str = "handwritten") -> set[Path]:
    """The digits, with `FLIPPED` of them moved to another digit's folder; returns the moved files."""
    if data == "handwritten":
        from handwritten import digit_images, write_labelled

        write_labelled(root, digit_images(seed)[0], "d")
    else:
        from start_from import write_digits

        write_digits(root, range(10), PER_DIGIT, seed)
    rng = np.random.default_rng(10_000 + seed)
    files = sorted(root.rglob("*.png"))
    moved = set()
    for f in rng.choice(files, int(len(files) * FLIPPED), replace=False):
        true = int(f.parent.name)
        wrong = (true + int(rng.integers(1, 10))) % 10
        dest = root / str(wrong) / f.name
        f.rename(dest)
        moved.add(dest.resolve())
    return moved


def score(result, moved: set[Path]) -> dict:
    """Precision and recall of a check's label issues against the moved files."""
    found = {Path(x["file"]).resolve() for x in result.to_dict()["label_issues"]}
    right = len(found & moved)
    return {"found": len(found), "right": right, "precision": round(right / max(len(found), 1), 4),
            "recall": round(right / len(moved), 4), "seconds": round(result.seconds, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="folder for the images and runs (default: a temporary one)")
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--first-seed", type=int, default=0, help="the first split's seed (to add splits later)")
    parser.add_argument("--data", choices=("handwritten", "drawn"), default="handwritten")
    parser.add_argument("--paths", default="fast,thorough", help="which paths to measure, by comma")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args()

    from alexnet_desktop.core.checking.job import CheckRequest, check_labels
    from alexnet_desktop.core.plugins import PluginHost
    from alexnet_desktop.core.training.config import TrainConfig
    from alexnet_desktop.core.training.fit import train

    work = args.work or Path(tempfile.mkdtemp(prefix="check-labels-"))
    host = PluginHost()
    rows = []
    paths = [p for p in ("fast", "thorough") if p in args.paths.split(",")]
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        data = work / f"seed{seed}" / "digits"
        moved = noisy_digits(data, seed, args.data)
        started = time.monotonic()
        run = train(TrainConfig(data=str(data), arch="small-cnn", image_size=32, epochs=10, learning_rate=1e-3,
                                batch_size=32, val_split=0.1, seed=seed, runs_dir=str(work / "runs")), host).run_dir
        trained = round(time.monotonic() - started, 1)
        row = {"seed": seed, "data": args.data, "images": len(list(data.rglob("*.png"))), "moved": len(moved),
               "run_training_seconds": trained}
        for path in paths:
            result = check_labels(host, CheckRequest(str(data), run=str(run), thorough=path == "thorough"))
            row[path] = score(result, moved)
            print(f"seed {seed} {path}: {row[path]}", flush=True)
        rows.append(row)
    summary = {p: {k: round(statistics.mean(r[p][k] for r in rows), 4) for k in ("precision", "recall", "seconds")}
               for p in paths}
    summary["seeds"] = rows
    print(json.dumps({p: summary[p] for p in paths}))
    if args.out:
        args.out.write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
