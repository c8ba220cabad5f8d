"""R6: training images/s of one worker and of a two-worker cluster, through the real command.

Each variant is `alexnet-desktop train` in fresh processes on a synthetic folder; its speed
is the global batch times the batches of an epoch over the epoch's time, the median of the
epochs after the first (the first traces the step). On one machine the two workers share its
cores, so two are not faster here; on two machines run the same command on each (see
README, "Training on several machines") and compare the chief's history.csv with a
one-worker run's.

    python -m benchmarks.multiworker [--images 96] [--epochs 4] [--batch-size 16]
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image


def _ports(n: int) -> list[int]:
    socks = [socket.socket() for _ in range(n)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def _data(root: Path, images: int, side: int = 32) -> Path:
    rng = np.random.default_rng(0)
    for i in range(images):
        c = ("a", "b")[i % 2]
        (root / c).mkdir(parents=True, exist_ok=True)
        Image.fromarray(rng.integers(0, 255, (side, side, 3), dtype=np.uint8)).save(root / c / f"{i}.png")
    return root


def images_per_second(workers: int, data: Path, runs: Path, epochs: int, batch: int) -> float:
    """The median training images/s of a run with `workers` processes on this machine."""
    env = {**os.environ, "CUDA_VISIBLE_DEVICES": os.environ.get("CUDA_VISIBLE_DEVICES", ""), "TF_CPP_MIN_LOG_LEVEL": "2"}
    base = [sys.executable, "-m", "alexnet_desktop", "train", str(data), "--arch", "small-cnn", "--image-size", "32",
            "--epochs", str(epochs), "--batch-size", str(batch), "--val-split", "0", "--run-dir", str(runs), "--json"]
    cluster = ",".join(f"127.0.0.1:{p}" for p in _ports(workers))
    commands = [base + (["--cluster", cluster, "--worker-index", str(i)] if workers > 1 else []) for i in range(workers)]
    procs = [subprocess.Popen(c, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for c in commands]
    if any(p.wait(timeout=1800) for p in procs):
        raise RuntimeError(f"a worker of the {workers}-worker run failed")
    run = max(runs.iterdir(), key=lambda p: p.stat().st_mtime)
    with open(run / "history.csv", newline="") as f:
        seconds = [float(r["seconds"]) for r in csv.DictReader(f)][1:]
    train = sum(1 for _ in data.rglob("*.png"))
    return math.ceil(train / batch) * batch / statistics.median(seconds)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--images", type=int, default=96)
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--batch-size", type=int, default=16)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = _data(Path(tmp) / "data", args.images)
        for workers in (1, 2):
            runs = Path(tmp) / f"runs{workers}"
            rate = images_per_second(workers, data, runs, args.epochs, args.batch_size)
            print(f"{workers} worker(s) on this machine ({os.cpu_count()} cores): {rate:.0f} images/s "
                  f"(small-cnn, 32 px, global batch {args.batch_size})")


if __name__ == "__main__":
    main()
