"""What the unlabelled folder buys (issue 35): 10 labelled digits a class, the rest unlabelled.

    python benchmarks/fixmatch.py [--work DIR] [--seeds 1] [--first-seed 0] [--epochs 60]
                                  [--data handwritten|drawn] [--schedule constant|cosine]
                                  [--arch small-cnn|issue-cnn] [--runs same-epochs,same-steps,fixmatch]
                                  [--out FILE]

Per seed, writes the split the issue measured plain Keras on (benchmarks/handwritten.py:
scikit-learn's handwritten digits at 32x32, 500 test images, 10 labelled per class from the
other 1,297 and the remaining 1,197 in one folder without labels), or with `--data drawn` the
same split of digits drawn by benchmarks/start_from.py (1,200 unlabelled). Trains seed 003's
small CNN (or, with `--arch issue-cnn`, the issue's own network from benchmarks/plugins/, loaded
as a user's plugin) with the app's `train` job (Adam 1e-3 with the chosen schedule, batch 16,
shifts of 1/8 as augmentation, no validation split), three times:
- same-epochs: the 100 labelled images alone, for the same epochs: the same command without
  `--unlabelled` (7 steps an epoch), which is the issue's "same run without the folder";
- same-steps: the labelled images alone for 19/7 as many epochs, about FixMatch's steps, so that
  the gain is not only more steps;
- fixmatch: with `--unlabelled` (threshold 0.95, 4 unlabelled per labelled; 19 steps an epoch).
Each is measured at its last epoch on the test images. Prints each seed's accuracies and the
time each took, the means, and FixMatch's gain over each labelled-only run.
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


def _plugin_folder(work: Path) -> Path:
    """A plugin folder holding the issue's network, as a user would install it."""
    folder = work / "plugins"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(HERE / "plugins" / "issue_cnn.py", folder / "issue_cnn.py")
    return folder


def _split(base: Path, seed: int, data: str) -> tuple[Path, Path, Path]:
    """The labelled, unlabelled and test folders of one split."""
    if data == "handwritten":
        return few_labelled_split(base, seed)
    labelled = write_digits(base / "labelled", range(10), 10, seed)
    return labelled, unlabelled_folder(base, 1000 + seed, 1200), write_digits(base / "test", range(10), 50, 2000 + seed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="folder for the images and runs (default: a temporary one)")
    parser.add_argument("--seeds", type=int, default=1, help="how many splits (seeds) to measure")
    parser.add_argument("--first-seed", type=int, default=0, help="the first split's seed (to add splits later)")
    parser.add_argument("--epochs", type=int, default=60, help="FixMatch's epochs (labelled-only gets 19/7 as many)")
    parser.add_argument("--data", choices=("handwritten", "drawn"), default="handwritten")
    parser.add_argument("--schedule", choices=("constant", "cosine"), default="constant",
                        help="the learning rate's schedule, for both runs")
    parser.add_argument("--arch", choices=("small-cnn", "issue-cnn"), default="small-cnn",
                        help="the network: seed 003's, or the one the issue measured (benchmarks/plugins/)")
    parser.add_argument("--runs", default="same-epochs,same-steps,fixmatch",
                        help="which runs, comma-separated: same-epochs (labelled only, the same command "
                             "without --unlabelled), same-steps (labelled only, 19/7 as many epochs: about "
                             "FixMatch's number of steps), fixmatch")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args()

    from alexnet_desktop.core.plugins import PluginHost
    from alexnet_desktop.core.training.config import TrainConfig
    from alexnet_desktop.core.training.fit import train

    work = args.work or Path(tempfile.mkdtemp(prefix="fixmatch-"))
    host = PluginHost(_plugin_folder(work) if args.arch == "issue-cnn" else None)
    common = dict(arch=args.arch, image_size=32, optimizer="adam", learning_rate=1e-3, batch_size=16,
                  val_split=0.0, runs_dir=str(work / "runs"),
                  augmentation={"width_shift": 0.125, "height_shift": 0.125}, lr_schedule=args.schedule)
    rows = []
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        labelled, unlabelled, test = _split(work / f"seed{seed}", seed, args.data)
        row: dict = {"seed": seed}
        for name in args.runs.split(","):
            epochs = round(args.epochs * 19 / 7) if name == "same-steps" else args.epochs
            extra = {"unlabelled": str(unlabelled)} if name == "fixmatch" else {}
            started = time.perf_counter()
            run = train(TrainConfig(data=str(labelled), epochs=epochs, seed=seed, **common, **extra), host)
            row[name] = round(accuracy_at_last_epoch(run.run_dir, test), 4)
            row[f"{name}_seconds"] = round(time.perf_counter() - started)
        rows.append(row)
        print(f"seed {seed}: " + ", ".join(f"{n} {row[n]:.3f} ({row[n + '_seconds']} s)" for n in args.runs.split(",")),
              flush=True)
    summary = {n: round(statistics.mean(r[n] for r in rows), 4) for n in args.runs.split(",")}
    for base in ("same-epochs", "same-steps"):
        if base in summary and "fixmatch" in summary:
            summary[f"gain_over_{base}"] = round(summary["fixmatch"] - summary[base], 4)
    summary.update(fixmatch_epochs=args.epochs, data=args.data, schedule=args.schedule, arch=args.arch, seeds=rows)
    print(f"mean over {len(rows)} seeds: " + ", ".join(f"{k} {v:+.3f}" if k.startswith("gain") else f"{k} {v:.3f}"
                                                        for k, v in summary.items() if isinstance(v, float)))
    if args.out:
        args.out.write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
