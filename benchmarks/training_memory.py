"""Peak memory of `alexnet-desktop train` on a large folder (issue 33: no command over 1.5 GB).

Writes `--images` JPEGs (benchmarks/synthetic.py's, 4 classes), trains small-cnn on them at
`--image-size` for one epoch in a fresh process and reads that process's peak resident memory
(VmHWM). The decoded images (8,000 at 128 px: 393 MB) are more than the job's cache budget
(`core/data/pipeline.py`), so they are streamed; a second, small folder of `--images // 40`
gives the job's own need (TensorFlow, the model, a batch's activations) to compare with.

    .venv/bin/python benchmarks/training_memory.py                  # 8,000 images at 128 px
    .venv/bin/python benchmarks/training_memory.py --smoke          # 200 images at 32 px

Prints one line per folder and the verdict; `--json` prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import jpeg_folder  # noqa: E402

TARGET_MB = 1536
# The peak is read from VmHWM, which starts afresh at exec (ru_maxrss carries the parent's).
CHILD = r"""
import sys
from alexnet_desktop.cli import main
code = main(sys.argv[1:])
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print("PEAK_KB", peak, "EXIT", code)
"""


def peak_training_mb(folder: Path, image_size: int, runs: Path) -> float:
    """One epoch of small-cnn on `folder` in a new process; its peak resident memory in MB."""
    command = [sys.executable, "-c", CHILD, "train", str(folder), "--arch", "small-cnn", "--image-size",
               str(image_size), "--epochs", "1", "--run-dir", str(runs), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          env={**os.environ, "ALEXNET_DESKTOP_HOME": str(runs.parent / "home")})
    line = [ln for ln in done.stdout.splitlines() if ln.startswith("PEAK_KB")]
    if not line or not line[-1].endswith("EXIT 0"):
        raise RuntimeError(f"train failed:\n{done.stderr[-3000:]}")
    return int(line[-1].split()[1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--images", type=int, default=8000)
    parser.add_argument("--image-size", type=int, default=128)
    parser.add_argument("--work", type=Path, default=None, help="keep the folders here (default: a temporary one)")
    parser.add_argument("--smoke", action="store_true", help="200 images at 32 px: checks that the script runs")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.smoke:
        args.images, args.image_size = 200, 32
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        figures = {}
        for count in (max(args.images // 40, 40), args.images):
            folder = jpeg_folder(work / f"jpeg{count}", count)
            figures[f"peak_mb_{count}"] = peak_training_mb(folder, args.image_size, work / f"runs{count}")
    large = figures[f"peak_mb_{args.images}"]
    figures.update(images=args.images, image_size=args.image_size, target_mb=TARGET_MB, met=large <= TARGET_MB)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key}: {value:.0f}" if isinstance(value, float) else f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
