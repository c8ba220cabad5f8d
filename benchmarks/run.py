"""AlexNet Desktop's performance benchmark: R1-R7 of issue 8, as ratios measured in one run,
and R8 of issue 22 (seconds to explain an image).

    python benchmarks/run.py                 # everything, about 11 minutes on 2 CPU cores
    python benchmarks/run.py --quick         # a smaller model and folder, about 4 minutes
    python benchmarks/run.py --only R3,R6    # some of them
    python benchmarks/run.py --smoke         # every part on a few images: proves it runs, judges nothing

The smoke mode is what the test suite runs (tests/test_benchmarks.py), so a benchmark that no
longer fits the app fails a test instead of rotting unnoticed.

It writes its own synthetic JPEG folder (mixed sizes, 300-600 px) under --work, prints a
table of each figure with its target and pass/fail, and writes the same as JSON (--out).
Absolute speeds on a shared machine swing by 2x from run to run; the ratios compare
variants measured in turn within each repetition, so they hold still.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

# (id, what, target, comparison): "min" passes at or above the target, "max" at or below.
TARGETS = {
    "R1": ("training from the JPEG folder (paper augmentation) / training on preloaded tensors", 0.90, "min"),
    "R2": ("training with seed 001's augmentation / seed 001's ImageDataGenerator", 1.5, "min"),
    "R3a": ("folder prediction / bare batched inference on preloaded tensors", 0.85, "min"),
    "R3b": ("folder prediction / seed 000's batch-1 predict", 6.0, "min"),
    "R4": ("training in the window with live curves / headless", 0.95, "min"),
    "R5a": ("longest GUI stall while training (ms)", 50.0, "max"),
    "R5b": ("longest GUI stall while predicting into the grid (ms)", 50.0, "max"),
    "R6": ("process start to main window painted (s)", 1.5, "max"),
    "R7": ("peak memory predicting 20,000 images / 1,000", 1.3, "max"),
    "R8": ("explaining one image with the default method, AlexNet-BN at 227 px (s)", 2.0, "max"),
}


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(HERE.parent), env.get("PYTHONPATH", "")])
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    return env


def throughput(args, work: Path) -> dict:
    """R1-R3 on the main model (AlexNet-BN at 227 px unless --quick)."""
    import throughput as T
    from synthetic import jpeg_folder

    folder = jpeg_folder(work / f"jpeg{args.images}", args.images)
    s = T.Setup(folder, args.arch, args.image_size, args.batch_size, args.steps)
    out: dict = {}
    if "R1" in args.only:
        out["R1"] = T.r1_training_pipeline(s, args.reps)
    if "R2" in args.only:
        out["R2"] = T.r2_seed001_augmentation(s, args.reps)
    if "R3" in args.only:
        out["R3"] = T.r3_prediction(s, args.reps)
    if args.levers:
        out["levers"] = {
            "jpeg_draft_decode": T.lever_decode(s),
            "decoded_image_cache": T.lever_cache(s, args.reps),
            "xla_jit_compile_on_cpu": T.lever_jit(s, args.reps),
        }
    return out


def gui(args, work: Path) -> dict:
    """R4 and R5 in a child process (a fresh QApplication, offscreen unless a display is set)."""
    from synthetic import jpeg_folder, unlabelled_folder

    data = jpeg_folder(work / f"jpeg{args.gui_images}", args.gui_images)
    unlabelled = unlabelled_folder(work / f"unlabelled{args.predict_images}", data, args.predict_images)
    with tempfile.TemporaryDirectory(dir=work) as ws:
        cmd = [sys.executable, str(HERE / "gui_timing.py"), "--workspace", ws, "--data", str(data),
               "--predict-folder", str(unlabelled), "--reps", str(args.reps), "--epochs", str(args.gui_epochs)]
        env = _child_env()
        env["XDG_CONFIG_HOME"] = str(Path(ws) / "config")  # the user's own settings stay untouched
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(f"gui_timing failed:\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


def first_paint(args, work: Path) -> dict:
    """R6: wall time from starting `python` to the first paint of the main window, as a user's
    launcher starts it (the workspace already exists: the first start also writes the demo)."""
    env = _child_env()
    home = work / "first_paint_home"
    env.update(ALEXNET_DESKTOP_HOME=str(home), XDG_CONFIG_HOME=str(home / "config"))
    times = []
    for i in range(args.reps + 1):
        started = time.time()
        done = subprocess.run([sys.executable, str(HERE / "gui_timing.py"), "--first-paint"], env=env,
                              capture_output=True, text=True, check=False, timeout=120)
        lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
        if not lines:
            raise RuntimeError(f"first paint not seen:\n{done.stderr[-3000:]}")
        seconds = json.loads(lines[-1])["painted"] - started
        if i:  # the first start writes the demo dataset and warms the disk cache
            times.append(seconds)
        else:
            first = seconds
    return {"median_s": statistics.median(times), "runs_s": times, "very_first_start_s": first}


# The peak is read from VmHWM, which starts afresh at exec: ru_maxrss on Linux carries the
# parent's high-water mark across fork and exec (see NOTES.md).
R7_CHILD = r"""
import resource, sys
from alexnet_desktop.cli import main
code = main(sys.argv[1:])
try:
    peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("PEAK_KB", peak, "EXIT", code)
"""


def memory(args, work: Path) -> dict:
    """R7: peak resident memory of `alexnet-desktop predict` (CSV out) on 1,000 and 20,000 images."""
    from synthetic import jpeg_folder, unlabelled_folder

    from alexnet_desktop.core.model.models import build_classifier
    from alexnet_desktop.core.plugins import default_host

    source = jpeg_folder(work / f"jpeg{args.gui_images}", args.gui_images)
    model_dir = work / "r7_model"
    model_dir.mkdir(exist_ok=True)
    model_path = model_dir / "small.keras"
    if not model_path.is_file():
        build_classifier(default_host().architecture("small-cnn"), 4, 32).save(model_path)
        (model_dir / "labels.txt").write_text("\n".join(f"class_{k}" for k in range(4)) + "\n")
    peaks = {}
    small, large = args.memory_counts
    for count in (small, large):
        folder = unlabelled_folder(work / f"unlabelled{count}", source, count)
        out = work / f"r7_{count}.csv"
        done = subprocess.run([sys.executable, "-c", R7_CHILD, "predict", str(model_path), str(folder), "--out", str(out)],
                              env=_child_env(), capture_output=True, text=True, check=False)
        line = [ln for ln in done.stdout.splitlines() if ln.startswith("PEAK_KB")]
        if done.returncode or not line:
            raise RuntimeError(f"predict failed:\n{done.stderr[-3000:]}")
        peaks[count] = int(line[-1].split()[1]) / 1024
    return {f"peak_mb_{small}": peaks[small], f"peak_mb_{large}": peaks[large], "ratio": peaks[large] / peaks[small]}


def figures(results: dict) -> dict[str, float]:
    """The one figure per target, from the detailed results."""
    f = {}
    if "R1" in results:
        f["R1"] = results["R1"]["ratio"]
    if "R2" in results:
        f["R2"] = results["R2"]["ratio"]
    if "R3" in results:
        f["R3a"] = results["R3"]["ratio_over_bare"]
        f["R3b"] = results["R3"]["ratio_over_seed000"]
    if "R4" in results:
        f["R4"] = results["R4"]["ratio"]
    if "R5" in results:
        f["R5a"] = results["R5"]["training_max_ms"]
        f["R5b"] = results["R5"]["predicting_max_ms"]
    if "R6" in results:
        f["R6"] = results["R6"]["median_s"]
    if "R7" in results:
        f["R7"] = results["R7"]["ratio"]
    if "R8" in results:
        f["R8"] = results["R8"]["default_s"]
    return f


def table(f: dict[str, float]) -> tuple[str, dict]:
    """The printed table, and the rows as JSON-ready dicts."""
    rows, lines = {}, [f"{'id':5} {'figure':>8} {'target':>8}  {'':4}  what"]
    for key, value in f.items():
        what, target, kind = TARGETS[key]
        ok = value >= target if kind == "min" else value <= target
        rows[key] = {"what": what, "figure": round(value, 3), "target": f"{'>=' if kind == 'min' else '<='} {target:g}",
                     "pass": ok}
        lines.append(f"{key:5} {value:8.3g} {rows[key]['target']:>8}  {'pass' if ok else 'FAIL':4}  {what}")
    return "\n".join(lines), rows


def machine() -> dict:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from alexnet_desktop.core.tf_runtime import device_summary, tensorflow

    return {"cpu": cpu, "cores": os.cpu_count(), "device": device_summary(), "tensorflow": tensorflow().__version__,
            "python": platform.python_version(), "date": time.strftime("%Y-%m-%d")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="the small CNN at 32 px: minutes, not a quarter hour")
    parser.add_argument("--smoke", action="store_true",
                        help="every part once on a few images (a minute or two): checks the benchmark runs; "
                             "the figures mean nothing and are not judged")
    parser.add_argument("--only", default="R1,R2,R3,R4,R5,R6,R7,R8",
                        help="comma-separated: R1..R8 (R4 and R5 run together)")
    parser.add_argument("--arch", help="architecture for R1-R3 (default alexnet-bn; small-cnn with --quick)")
    parser.add_argument("--image-size", type=int, help="input size for R1-R3 (default 227; 32 with --quick)")
    parser.add_argument("--images", type=int, default=256, help="images in the R1-R3 folder (default 256)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--steps", type=int, default=6, help="batches per timed epoch (default 6)")
    parser.add_argument("--reps", type=int, default=3, help="repetitions of each comparison (default 3)")
    parser.add_argument("--levers", action="store_true", help="also measure the levers: JPEG draft, cache, XLA")
    parser.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "alexnet-desktop-benchmark"),
                        help="folder for the synthetic images (kept for later runs)")
    parser.add_argument("--out", default="benchmark-results.json", help="JSON file to write")
    args = parser.parse_args()
    args.quick = args.quick or args.smoke
    args.arch = args.arch or ("small-cnn" if args.quick else "alexnet-bn")
    args.image_size = args.image_size or (32 if args.quick else 227)
    # R4/R5's folders, epochs and R7's two folder sizes: the real figures, or a smoke's few images.
    args.gui_images, args.predict_images, args.gui_epochs, args.memory_counts = 1024, 2000, 4, (1000, 20000)
    if args.smoke:
        args.images, args.batch_size, args.steps, args.reps = 16, 4, 2, 1
        args.gui_images, args.predict_images, args.gui_epochs, args.memory_counts = 16, 24, 2, (8, 24)
    elif args.quick:
        args.steps = max(args.steps, 8)
    args.only = {part.strip().upper() for part in args.only.split(",")}
    if args.only & {"R4", "R5"}:  # measured together, in one window
        args.only |= {"R4", "R5"}
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)

    results: dict = {}
    started = time.monotonic()
    if args.only & {"R1", "R2", "R3"} or args.levers:
        results.update(throughput(args, work))
    if "R4" in args.only:
        results.update(gui(args, work))
    if "R6" in args.only:
        results["R6"] = first_paint(args, work)
    if "R7" in args.only:
        results["R7"] = memory(args, work)
    if "R8" in args.only:
        from explain_timing import explain_seconds

        smoke = {"arch": args.arch, "image_size": args.image_size} if args.smoke else {}
        results["R8"] = explain_seconds(work, args.reps, **smoke)
    text, rows = table(figures(results))
    report = {
        "machine": machine(),
        "settings": {"smoke": args.smoke, "arch": args.arch, "image_size": args.image_size, "images": args.images, "batch_size": args.batch_size,
                     "steps": args.steps, "reps": args.reps, "gui_and_memory_model": "small-cnn at 32 px"},
        "table": rows,
        "details": results,
        "seconds": round(time.monotonic() - started),
    }
    Path(args.out).write_text(json.dumps(report, indent=1))
    m = report["machine"]
    print(f"\n{m['cpu']} ({m['cores']} cores), {m['device']}, TensorFlow {m['tensorflow']}, {m['date']}")
    print(f"R1-R3: {args.arch} at {args.image_size} px, batch {args.batch_size}; R4, R5, R7: small-cnn at 32 px\n")
    print(text)
    print(f"\nwritten to {args.out} ({report['seconds']} s)")
    if args.smoke:  # a few images measure nothing: the smoke passes when every part ran
        return 0 if set(rows) == set(figures_expected(args.only)) else 1
    return 0 if all(r["pass"] for r in rows.values()) else 1


def figures_expected(only: set[str]) -> list[str]:
    """The table's rows a run of the parts `only` gives."""
    return [key for key in TARGETS if key.rstrip("ab") in only]


if __name__ == "__main__":
    sys.exit(main())
