"""How large a run is on disk, as multiples of its model's weights (issue 31's targets).

Trains a short run with the CLI (Adam, the default optimizer), then measures the run folder
while it can be resumed and after `runs free`, against the targets: at most 4.2x the weight
bytes resumable, 1.1x freed. The weight bytes are read from the saved model itself.

    .venv/bin/python benchmarks/run_sizes.py                       # AlexNet-BN at 128 px, the issue's case
    .venv/bin/python benchmarks/run_sizes.py --arch small-cnn --image-size 32   # quick

Prints one line per state and a verdict; `--json` prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import h5py

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import jpeg_folder  # noqa: E402

TARGETS = {"resumable": 4.2, "freed": 1.1}


def weight_bytes(model_file: Path) -> int:
    """Bytes of the weights in a saved `.keras` file (its optimizer's variables left out)."""
    sizes: list[int] = []
    with zipfile.ZipFile(model_file) as archive:
        with h5py.File(io.BytesIO(archive.read("model.weights.h5")), "r") as weights:
            weights["layers"].visititems(lambda _n, o: sizes.append(o.nbytes) if isinstance(o, h5py.Dataset) else None)
    return sum(sizes)


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def cli(*args: str) -> str:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="")
    out = subprocess.run([sys.executable, "-m", "alexnet_desktop", *args], capture_output=True, text=True, env=env)
    if out.returncode:
        sys.exit(f"alexnet-desktop {' '.join(args)} failed:\n{out.stderr[-2000:]}")
    return out.stdout


def measure(arch: str, image_size: int, work: Path) -> dict:
    """Train two epochs of `arch` on 16 synthetic JPEGs, then the run's sizes resumable and freed."""
    data = jpeg_folder(work / "data", 16, classes=2)
    runs = work / "runs"
    out = cli("train", str(data), "--arch", arch, "--image-size", str(image_size), "--epochs", "2",
              "--batch-size", "4", "--steps-per-epoch", "2", "--run-dir", str(runs), "--json")
    run = Path(json.loads(out.strip().splitlines()[-1])["run_dir"])
    weights = weight_bytes(run / "model.keras")
    files = {p.name: p.stat().st_size for p in run.iterdir() if p.is_file()}
    resumable = folder_bytes(run)
    cli("runs", "free", run.name, "--run-dir", str(runs))
    freed = folder_bytes(run)
    return {"arch": arch, "image_size": image_size, "weight_bytes": weights, "files": files,
            "resumable_bytes": resumable, "freed_bytes": freed,
            "resumable_ratio": resumable / weights, "freed_ratio": freed / weights}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--arch", default="alexnet-bn")
    p.add_argument("--image-size", type=int, default=128)
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="run-sizes-") as work:
        m = measure(args.arch, args.image_size, Path(work))
    if args.json:
        print(json.dumps(m, indent=1))
    else:
        mb = 1e6
        print(f"{m['arch']} at {m['image_size']} px: weights {m['weight_bytes'] / mb:.1f} MB; "
              f"model.keras {m['files'].get('model.keras', 0) / mb:.1f} MB, "
              f"checkpoint.keras {m['files'].get('checkpoint.keras', 0) / mb:.1f} MB")
        for state, limit in TARGETS.items():
            ratio = m[f"{state}_ratio"]
            print(f"{state:9s} {m[f'{state}_bytes'] / mb:8.1f} MB  {ratio:.3f}x weights  "
                  f"(target <= {limit}x: {'met' if ratio <= limit else 'MISSED'})")
    return 0 if all(m[f"{s}_ratio"] <= limit for s, limit in TARGETS.items()) else 1


if __name__ == "__main__":
    sys.exit(main())
