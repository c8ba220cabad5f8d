"""check-labels: the command, in fresh processes, finds the wrong labels, the duplicate across
classes and the outlier of a dataset made with them; decisions are kept as a corrections file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.checking_data import write_faulty_dataset
from tests.cli import run_cli


def cli(*args) -> subprocess.CompletedProcess:
    """`alexnet-desktop ARGS` in a fresh process, in this test's workspace (its environment)."""
    return run_cli(*args, timeout=600)


@pytest.mark.timeout(900)
@pytest.mark.slow
def test_the_command_finds_flipped_labels_duplicates_and_outliers(tmp_path, workspace):
    data = write_faulty_dataset(tmp_path / "faulty")
    first = cli("check-labels", data.root, "--json")
    assert first.returncode == 0, first.stderr[-3000:]
    assert "training a quick model first" in first.stderr  # no run on these images yet: said
    found = json.loads(first.stdout)
    issues = {Path(x["file"]): x for x in found["label_issues"]}
    for file, (given, true) in data.flipped.items():
        assert issues[file]["given"] == given and issues[file]["suggested"] == true, found["label_issues"]
    # Nothing right is called wrong but the copy filed under another class and the picture of no class.
    assert set(issues) <= {*data.flipped, data.duplicate[1], data.outlier}, found["label_issues"]
    scores = [x["score"] for x in found["label_issues"]]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    assert [sorted(map(Path, d["files"])) for d in found["near_duplicates"]] == [sorted(data.duplicate)]
    assert [Path(o["file"]) for o in found["outliers"]] == [data.outlier]
    how = found["how"]
    assert how["path"] == "fast" and how["folds"] == 5 and how["run_source"] == "quick model trained now"
    assert how["too_few_to_judge"] == 0 and how["images"] == 64
    assert Path(how["run"]).parent == workspace.runs_dir

    # A second check reuses that run (the newest on the same images) and says so; 2 folds to be quick.
    again = cli("check-labels", data.root, "--folds", "2")
    assert again.returncode == 0, again.stderr[-3000:]
    assert "newest run trained on these images" in again.stderr and "training a quick model" not in again.stderr
    assert "x_green_filed_1.png" in again.stdout and "fast path, 2 folds" in again.stdout


@pytest.mark.slow
def test_a_class_too_small_to_judge_is_counted_not_judged(tmp_path, workspace, host):
    from alexnet_desktop.core.checking.job import CheckRequest, check_labels
    from tests.conftest import write_colour_dataset

    root = write_colour_dataset(tmp_path / "few", classes=("blue", "red", "green"), per_class=6)
    for extra in list((root / "green").iterdir())[3:]:
        extra.unlink()  # green keeps 3 images: fewer than 5 folds
    run = _tiny_run(root, host, workspace)
    result = check_labels(host, CheckRequest(str(root), run=str(run)))
    how = result.to_dict()["how"]
    assert how["too_few_to_judge"] == 3 and all("/green/" in f for f in how["too_few_files"])
    assert how["run_source"] == "given"
    assert all(result.class_names[x.given] != "green" for x in result.label_issues)


def test_a_dataset_too_small_to_judge_is_refused_before_a_quick_model_is_trained(tmp_path, workspace, host):
    from alexnet_desktop.core.checking.job import CheckRequest, check_labels
    from tests.conftest import write_colour_dataset

    root = write_colour_dataset(tmp_path / "few", classes=("blue", "red"), per_class=7)
    for extra in list((root / "red").iterdir())[2:]:
        extra.unlink()  # red keeps 2 images: only blue has one for each of 3 folds
    with pytest.raises(ValueError, match="too few images to judge"):
        check_labels(host, CheckRequest(str(root), folds=3))
    assert not workspace.runs_dir.exists() or not any(workspace.runs_dir.iterdir())  # no quick model left behind


def _tiny_run(root: Path, host, workspace) -> Path:
    from alexnet_desktop.core.training.config import TrainConfig
    from alexnet_desktop.core.training.fit import train

    result = train(TrainConfig(data=str(root), arch="small-cnn", image_size=32, epochs=1, batch_size=8,
                               runs_dir=str(workspace.runs_dir)), host)
    assert result.status == "finished", result.error
    return result.run_dir


def test_decisions_are_a_corrections_file_reopened_by_a_new_process(tmp_path, workspace):
    from alexnet_desktop.core.checking.decisions import corrections_path, decide, forget, read_decisions

    data = write_faulty_dataset(tmp_path / "faulty", per_class=2)
    path = corrections_path(data.root)
    assert path.parent == workspace.root / "corrections"
    (moved, (given, true)), (other, _) = list(data.flipped.items())
    before = {p: p.read_bytes() for p in data.root.rglob("*.png")}
    decide(path, moved, true)
    decide(path, other, "")
    decide(path, data.outlier, "blue")
    decide(path, data.outlier, "")  # a later decision replaces the earlier
    forget(path, other)
    assert {p: p.read_bytes() for p in data.root.rglob("*.png")} == before  # no image moved or changed
    code = ("import json, sys; from alexnet_desktop.core.checking.decisions import read_decisions as r; "
            "print(json.dumps({str(k): [v.label, v.sha256] for k, v in r(sys.argv[1]).items()}))")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    reopened = json.loads(out.stdout)
    import hashlib

    assert reopened == {str(moved): [true, hashlib.sha256(moved.read_bytes()).hexdigest()],
                        str(data.outlier): ["", hashlib.sha256(data.outlier.read_bytes()).hexdigest()]}
    assert path.read_text(encoding="utf-8").splitlines()[0] == "file,label,sha256"
    assert read_decisions(tmp_path / "missing.csv") == {}


def _close(qtbot, dialog) -> None:
    dialog.close()  # stops its check and thumbnail threads and waits for them
    qtbot.waitUntil(lambda: not dialog.runner.is_running() and not dialog.loader.runner.is_running()
                    and not dialog.detail.runner.is_running(), timeout=60000)


def _click_row(qtbot, dialog, file: Path) -> None:
    grid, model = dialog.grid, dialog.grid_model
    position = next(p for p in range(model.rowCount()) if Path(model.index(p).data(model.PathRole)) == file)
    grid.scrollTo(model.index(position))
    qtbot.mouseClick(grid.viewport(), Qt.LeftButton, pos=grid.visualRect(model.index(position)).center())
    assert grid.currentIndex().row() == position


@pytest.mark.timeout(900)
def test_the_pages_check_button_finds_them_and_keys_save_decisions_reopened_later(qtbot, window, tmp_path, workspace):
    data = write_faulty_dataset(tmp_path / "faulty")
    with qtbot.waitSignal(window.data_page.scan_finished, timeout=60000):
        window.data_page.choose_folder(data.root)
    qtbot.waitUntil(lambda: window.data_page.check_button.isEnabled())
    qtbot.mouseClick(window.data_page.check_button, Qt.LeftButton)
    dialog = window.data_page.check_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=600000)
    shown = {Path(r.path) for r in dialog.session.rows}
    assert {*data.flipped, *data.duplicate, data.outlier} <= shown
    assert "2 near-duplicate" not in dialog.status.text() and "1 outlier" in dialog.status.text()
    assert [dialog.others.item(k).text().split(":")[0] for k in range(dialog.others.count())] == [
        "near-duplicate", "outlier"]
    assert "quick model trained now" in dialog.how.text()
    assert dialog.progress.text() == "100%"  # not the last step's count
    assert dialog.grid.empty_text == "No image's label looks wrong"  # what an empty grid says once checked

    (blue_file, (_, true)), (red_file, _) = list(data.flipped.items())
    keys = dialog.grid.class_keys(len(dialog.session.class_names))
    _click_row(qtbot, dialog, blue_file)
    assert "suggested <b>red</b>" in dialog.detail.title.text()
    qtbot.keyClick(dialog.grid, keys[dialog.session.class_names.index(true)])  # relabel as its true class
    _click_row(qtbot, dialog, data.outlier)
    qtbot.keyClick(dialog.grid, "u")  # leave it out of training
    _click_row(qtbot, dialog, data.duplicate[1])
    qtbot.keyClick(dialog.grid, Qt.Key_Return)  # keep the given label
    _click_row(qtbot, dialog, red_file)
    qtbot.keyClick(dialog.grid, "u")
    _click_row(qtbot, dialog, red_file)
    qtbot.keyClick(dialog.grid, Qt.Key_Backspace)  # changed my mind: no decision
    assert Path(dialog.grid.currentIndex().data(dialog.grid_model.PathRole)) == red_file  # it stays on the image
    _close(qtbot, dialog)

    code = ("import json, sys; from alexnet_desktop.core.checking.decisions import read_decisions as r; "
            "print(json.dumps({str(k): v.label for k, v in r(sys.argv[1]).items()}))")
    out = subprocess.run([sys.executable, "-c", code, str(dialog.corrections)], capture_output=True, text=True,
                         timeout=120)
    assert json.loads(out.stdout) == {str(blue_file): true, str(data.outlier): "", str(data.duplicate[1]): "green"}
    assert all(p.exists() for p in (*data.flipped, *data.duplicate, data.outlier))  # nothing moved

    # The Evaluate page checks the same images with the run it shows; the window shows the decisions made.
    window.tabs.setCurrentWidget(window.evaluate_page)
    window.evaluate_page.refresh_runs()
    qtbot.waitUntil(lambda: window.evaluate_page.check_button.isEnabled())
    qtbot.mouseClick(window.evaluate_page.check_button, Qt.LeftButton)
    again = window.evaluate_page.check_dialog
    qtbot.waitUntil(lambda: again.result is not None, timeout=600000)
    assert again.result.run_source == "given" and again.corrections == dialog.corrections
    decided = {str(again.session.rows[i].path): label for i, label in again.session.manual.items()}
    assert decided == {str(blue_file): true, str(data.outlier): None, str(data.duplicate[1]): "green"}
    _close(qtbot, again)


@pytest.mark.slow
def test_the_thorough_path_retrains_on_each_fold_with_progress_and_stops_when_asked(tmp_path, workspace, host):
    import threading

    from alexnet_desktop.core.checking.job import CheckRequest, check_labels
    from alexnet_desktop.core.checking.probabilities import FoldTraining
    from alexnet_desktop.core.events import Cancelled, Progress
    from tests.conftest import write_colour_dataset

    root = write_colour_dataset(tmp_path / "colours", per_class=6)
    run = _tiny_run(root, host, workspace)
    seen, stop = [], threading.Event()
    request = CheckRequest(str(root), run=str(run), thorough=True, folds=2, fold_training=FoldTraining(epochs=2))
    result = check_labels(host, request, seen.append)
    folds = [e for e in seen if isinstance(e, Progress) and "fold" in e.what]
    assert [(e.done, e.total) for e in folds] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert result.path == "thorough" and result.probabilities.shape == (12, 2)

    def emit(event):
        if isinstance(event, Progress) and "fold" in event.what:
            stop.set()  # Cancel during the first fold

    with pytest.raises(Cancelled):
        check_labels(host, request, emit, stop)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_decisions_made_on_a_check_are_used_by_a_retrain(tmp_path, workspace):
    """#34: the decisions (relabel one flipped image, leave the outlier out) are the corrections
    file `train --from RUN --corrections FILE` reads: the new run, in a fresh process, trains the
    relabelled image under its true class, leaves the outlier out, and records both."""
    from alexnet_desktop.core.checking.decisions import corrections_path, decide
    from tests.cli import run_cli

    data = write_faulty_dataset(tmp_path / "faulty")
    runs = tmp_path / "runs"
    run_cli("train", data.root, "--arch", "small-cnn", "--image-size", "32", "--epochs", "1", "--batch-size", "8",
            "--run-dir", runs, ok=True, timeout=600)
    (first,) = [p for p in runs.iterdir() if p.is_dir()]
    flipped, (given, true) = next(iter(data.flipped.items()))
    csv_path = corrections_path(data.root, workspace)
    decide(csv_path, flipped, true)
    decide(csv_path, data.outlier, "")
    run_cli("train", data.root, "--from", first, "--corrections", csv_path, "--epochs", "1", "--batch-size", "8",
            "--run-dir", runs, ok=True, timeout=600)
    (second,) = [p for p in runs.iterdir() if p.is_dir() and p != first]
    record = json.loads((second / "run.json").read_text(encoding="utf-8"))
    used = {Path(c["file"]): c["label"] for c in record["training"]["corrections"]}
    assert used == {flipped: true, data.outlier: ""}
    changed = record["dataset"]["corrections"]
    assert [(Path(r["file"]), r["was"], r["now"]) for r in changed["relabelled"]] == [(flipped, given, true)]
    assert [Path(p) for p in changed["left_out"]] == [data.outlier]
    import csv

    with open(second / "split.csv", newline="", encoding="utf-8") as f:
        rows = {Path(r["path"]).resolve(): r["label"] for r in csv.DictReader(f)}
    names = record["class_names"]
    label = rows[flipped.resolve()]
    assert (names[int(label)] if label.isdigit() else label) == true
    assert data.outlier.resolve() not in rows


def test_the_thorough_paths_two_opinions_are_combined_so_that_one_networks_slip_weighs_less():
    import numpy as np

    from alexnet_desktop.core.checking.probabilities import combined

    network = np.array([[0.02, 0.98], [0.7, 0.3], [0.5, 0.5]])  # sure, wrongly, of class 1 for image 0
    linear = np.array([[0.9, 0.1], [0.8, 0.2], [0.0, 1.0]])
    mixed = combined(network, linear)
    assert np.allclose(mixed.sum(axis=1), 1) and np.all(mixed >= 0)
    assert mixed[0, 1] < network[0, 1] and mixed[1].argmax() == 0  # tempered where they disagree, kept where they agree
    assert mixed[2, 1] > 0.999  # a probability of 0 leaves its class a tiny share, not NaN
    assert np.allclose(combined(network), network)


def test_confident_learning_never_forks_the_process(monkeypatch):
    """A fork of the window's process (Qt's and TensorFlow's threads holding locks) hangs: cleanlab,
    left to itself, forks a pool on a machine with several cores."""
    import multiprocessing

    import cleanlab.filter
    import numpy as np

    from alexnet_desktop.core.checking.findings import label_issues

    def no_fork(*args, **kwargs):
        raise AssertionError("a multiprocessing pool was started")

    monkeypatch.setattr(multiprocessing, "Pool", no_fork)
    monkeypatch.setattr(multiprocessing, "cpu_count", lambda: 4)  # cleanlab's count without psutil
    if getattr(cleanlab.filter, "psutil_exists", False):
        monkeypatch.setattr(cleanlab.filter.psutil, "cpu_count", lambda logical=True: 4)
    rng = np.random.default_rng(0)
    labels = np.repeat(np.arange(4), 25)
    probabilities = rng.dirichlet(np.ones(4), size=100) * 0.5 + np.eye(4)[labels] * 0.5
    probabilities[:5] = np.eye(4)[(labels[:5] + 1) % 4] * 0.9 + 0.025
    assert {x.index for x in label_issues(probabilities, labels)} >= {0, 1, 2, 3, 4}


def test_the_text_output_names_each_unreadable_file_and_why(capsys):
    from alexnet_desktop.commands.checking import _print_text

    how = {"path": "fast", "folds": 5, "method": "m", "run": "r", "run_source": "given", "images": 3,
           "too_few_to_judge": 0, "seconds": 1.0, "corrections_file": "c.csv",
           "unreadable": [{"file": "/data/red/broken.png", "reason": "the PNG data is truncated"}]}
    _print_text({"label_issues": [], "near_duplicates": [], "outliers": [], "how": how})
    out = capsys.readouterr().out
    assert "1 unreadable" in out and "unreadable: /data/red/broken.png: the PNG data is truncated" in out
