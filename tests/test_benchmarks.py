"""The benchmark: its synthetic folders and its verdicts, and its smoke run (every part on a few
images), so a benchmark that no longer fits the app fails here."""

import sys
from pathlib import Path

import pytest
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import run as bench  # noqa: E402
from handwritten import few_labelled_split  # noqa: E402
from synthetic import SIDES, jpeg_folder, unlabelled_folder  # noqa: E402

from alexnet_desktop.gui.plots import _nice_ceiling  # noqa: E402


def test_the_synthetic_folder_holds_real_jpegs_of_mixed_sizes_and_is_reused(tmp_path):
    root = jpeg_folder(tmp_path / "jpeg", 12, classes=3)
    files = sorted(root.rglob("*.jpg"))
    assert len(files) == 12 and {f.parent.name for f in files} == {"class_0", "class_1", "class_2"}
    sizes = set()
    for f in files:
        with Image.open(f) as im:
            assert im.format == "JPEG" and all(SIDES[0] <= s <= SIDES[1] for s in im.size)
            sizes.add(im.size)
    assert len(sizes) > 6
    stamp = files[0].stat().st_mtime_ns
    jpeg_folder(tmp_path / "jpeg", 12, classes=3)
    assert files[0].stat().st_mtime_ns == stamp  # not written again


def test_the_unlabelled_folder_cycles_through_the_source_and_shrinks_on_request(tmp_path):
    source = jpeg_folder(tmp_path / "jpeg", 4, classes=2)
    folder = unlabelled_folder(tmp_path / "u", source, 10)
    assert len(list(folder.iterdir())) == 10
    assert (folder / "u_000004.jpg").read_bytes() == (folder / "u_000000.jpg").read_bytes()
    unlabelled_folder(tmp_path / "u", source, 6)
    assert len(list(folder.iterdir())) == 6 and len(list(source.rglob("*.jpg"))) == 4


@pytest.mark.slow  # 1,797 PNGs written
def test_the_handwritten_split_is_the_issues_ten_labelled_a_class_the_rest_unlabelled_and_500_held_out(tmp_path):
    labelled, unlabelled, test = few_labelled_split(tmp_path, seed=1)
    counts = {d.name: len(list(d.iterdir())) for d in labelled.iterdir()}
    assert counts == {str(k): 10 for k in range(10)}
    assert len(list(unlabelled.iterdir())) == 1797 - 500 - 100 and len(list(test.rglob("*.png"))) == 500
    with Image.open(next(unlabelled.iterdir())) as im:
        assert im.size == (32, 32) and im.mode == "RGB" and im.getextrema()[0][1] > 200
    # No test image is also a training one: the scans are dealt out, not drawn with replacement.
    labelled_bytes, unlabelled_bytes, test_bytes = ({p.read_bytes() for p in part.rglob("*.png")}
                                                    for part in (labelled, unlabelled, test))
    assert len(test_bytes) == 500 and not test_bytes & (labelled_bytes | unlabelled_bytes)


def test_the_table_judges_each_figure_against_its_own_direction():
    text, rows = bench.table({"R1": 0.95, "R3b": 2.0, "R5a": 40.0, "R6": 1.6})
    assert rows["R1"]["pass"] and not rows["R3b"]["pass"] and rows["R5a"]["pass"] and not rows["R6"]["pass"]
    assert "FAIL" in text and rows["R6"]["target"] == "<= 1.5"


def test_plot_axes_grow_in_1_2_5_steps():
    assert [_nice_ceiling(v) for v in (0.3, 0.96, 1.5, 4.9, 730)] == [0.5, 2.0, 2.0, 10.0, 1000.0]
    assert _nice_ceiling(float("nan")) == 1.0


def _smoke(tmp_path, parts: str):
    """`benchmarks/run.py --smoke --only PARTS` in a new process, as a person would run it."""
    import json
    import subprocess

    from tests.cli import cli_env

    out = tmp_path / "results.json"
    done = subprocess.run([sys.executable, str(Path(bench.__file__)), "--smoke", "--only", parts, "--work",
                           str(tmp_path / "work"), "--out", str(out)], capture_output=True, text=True, timeout=1200,
                          env=cli_env(XDG_CONFIG_HOME=str(tmp_path / "config"), ALEXNET_DESKTOP_HOME=str(tmp_path / "home")))
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    report = json.loads(out.read_text())
    assert report["settings"]["smoke"] is True
    return report


@pytest.mark.slow
@pytest.mark.window
def test_every_part_of_the_benchmark_runs_in_smoke_mode(tmp_path):
    """R1-R8 on a few images, in one new process: throughput, training and predicting in the
    window, its first paint, the memory of `predict` in its own process, and explanations. The
    benchmark still fits the app (its figures mean nothing)."""
    report = _smoke(tmp_path, "R1,R2,R3,R4,R6,R7,R8")
    assert set(report["table"]) == {"R1", "R2", "R3a", "R3b", "R4", "R5a", "R5b", "R6", "R7", "R8"}


@pytest.mark.slow
def test_the_training_memory_benchmark_runs_in_smoke_mode(tmp_path):
    """benchmarks/training_memory.py on 200 images at 32 px: two trainings in new processes,
    each peak read (its figures mean nothing here)."""
    import json
    import subprocess

    from tests.cli import cli_env

    script = Path(bench.__file__).parent / "training_memory.py"
    done = subprocess.run([sys.executable, str(script), "--smoke", "--json", "--work", str(tmp_path)],
                          capture_output=True, text=True, timeout=900, env=cli_env())
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout.splitlines()[-1])
    assert figures["images"] == 200 and 200 < figures["peak_mb_40"] and 200 < figures["peak_mb_200"]
