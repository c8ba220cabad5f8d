"""The third reliability pass (issue 21): what a new user's tester still broke after the second,
each case through the command line in a fresh process on files on disk."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_reliability import cli, measured, models, photos, sha, sort_cli  # noqa: F401 (fixtures)
from tests.test_sorting import make_inbox


# -- 1. a pickle that contains itself ---------------------------------------------------------


def test_a_pickle_whose_list_contains_itself_is_refused_at_once_naming_the_file(tmp_path):
    from tests.dataset_files import pickle_cycle, write_cifar_python

    root = write_cifar_python(tmp_path / "cifar")
    (root / "data_batch_1").write_bytes(pickle_cycle())
    rc, seconds, peak, out = measured("scan", root)
    assert rc == 1 and f"{root / 'data_batch_1'}: refused" in out and "contains itself" in out, out
    assert seconds < 30 and peak < 2000


# -- 3. undo acts only on the sort's own folders, whatever the journal says --------------------


def _edit(journal: Path, change) -> None:
    records = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    journal.write_text("".join(json.dumps(change(r) or r) + "\n" for r in records), encoding="utf-8")


def test_undo_of_a_journal_whose_out_was_edited_to_a_parent_leaves_a_file_there(tmp_path):
    labelled = make_inbox(tmp_path / "in", 2)
    out, journal = sort_cli(tmp_path, labelled)
    victim = tmp_path / "x" / "victim" / "precious.png"
    victim.parent.mkdir(parents=True)
    victim.write_bytes(labelled[0][0].read_bytes())  # an identical copy exists at the original path

    def change(r):
        if "kind" in r:
            r["out"] = str(tmp_path / "x")  # a grandparent of the victim
        if r.get("step") == 0 and "dst" in r:
            r["dst"] = str(victim)
    _edit(journal, change)
    done = cli("undo", journal)
    assert done.returncode == 1 and str(journal) in done.stderr and "changed" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and victim.read_bytes() == labelled[0][0].read_bytes()


def test_a_journal_is_used_only_in_the_folder_the_sort_wrote(tmp_path):
    labelled = make_inbox(tmp_path / "in", 2)
    out, journal = sort_cli(tmp_path, labelled)
    moved = tmp_path / "elsewhere" / journal.name
    moved.parent.mkdir()
    moved.write_bytes(journal.read_bytes())
    before = sorted(p for p in out.rglob("*"))
    done = cli("undo", moved)
    assert done.returncode == 1 and "only where the sort wrote it" in done.stderr and str(moved) in done.stderr
    assert sorted(p for p in out.rglob("*")) == before


def test_undo_of_a_move_whose_sources_were_edited_writes_nothing_at_the_planted_paths(tmp_path):
    labelled = make_inbox(tmp_path / "in", 2)
    out, journal = sort_cli(tmp_path, labelled, "--move")
    victim = tmp_path / "victim"
    victim.mkdir()
    text = journal.read_text(encoding="utf-8")
    for i, (src, _) in enumerate(labelled):
        text = text.replace(json.dumps(str(src))[1:-1], json.dumps(str(victim / f"planted_{i}.png"))[1:-1])
    journal.write_text(text, encoding="utf-8")
    done = cli("undo", journal)
    assert done.returncode == 1 and "undid 0 of 2" in done.stdout and "changed" in done.stderr, done.stdout + done.stderr
    assert list(victim.iterdir()) == [] and len(list(out.rglob("*.jpg"))) == 2
    assert all(not src.exists() for src, _ in labelled)
    done = cli("sort", "--resume", journal)
    assert done.returncode == 1 and "changed" in done.stderr and list(victim.iterdir()) == []


def test_an_unchanged_journal_still_resumes_and_undoes_from_a_new_process(tmp_path):
    labelled = make_inbox(tmp_path / "in", 3)
    before = {p: p.read_bytes() for p, _ in labelled}
    out, journal = sort_cli(tmp_path, labelled, "--move")
    assert cli("sort", "--resume", journal).returncode == 0
    done = cli("undo", journal)
    assert done.returncode == 0 and "undid 3 of 3" in done.stdout, done.stderr
    assert {p: p.read_bytes() for p, _ in labelled} == before
    again = cli("undo", journal)  # nothing left to do, and it says so
    assert again.returncode == 0 and "nothing to undo: all 3 file(s)" in again.stdout, again.stdout
    assert {p: p.read_bytes() for p, _ in labelled} == before


# -- 4. logits in any batch, and ties ---------------------------------------------------------


def _sneaky_model(folder: Path) -> Path:
    """8x8 RGB in, 3 outputs: [0.5, 0.5, 0] for a black image (a distribution, with a tie) and
    raw scores in the tens for a bright one."""
    import numpy as np

    from alexnet_desktop.core.tf_runtime import keras

    k = keras()
    inputs = k.Input((8, 8, 3))
    mean = k.layers.Dense(1, use_bias=False)
    scores = k.layers.Dense(3)
    model = k.Model(inputs, scores(mean(k.layers.Flatten()(inputs))))
    mean.set_weights([np.full((192, 1), 1 / 192, dtype="float32")])
    scores.set_weights([np.array([[400.0, 100.0, 0.0]], dtype="float32"), np.array([0.5, 0.5, 0.0], dtype="float32")])
    folder.mkdir(parents=True, exist_ok=True)
    model.save(str(folder / "sneaky.keras"))
    (folder / "labels.txt").write_text("cat\ndog\nbird\n", encoding="utf-8")
    (folder / "sneaky.input.json").write_text('{"input_scale": "0-255"}')  # it takes raw pixels
    return folder / "sneaky.keras"


@pytest.mark.slow
def test_logits_in_a_later_batch_are_noticed_and_a_tie_agrees_with_its_label(tmp_path):
    from PIL import Image

    model = _sneaky_model(tmp_path / "m")
    imgs = tmp_path / "imgs"
    imgs.mkdir()
    for name, value in (("a_black", 0), ("b_black", 0), ("c_white", 255), ("d_white", 255)):
        Image.new("RGB", (8, 8), (value,) * 3).save(imgs / f"{name}.png")
    out = tmp_path / "s.csv"
    done = cli("predict", model, imgs, "--labels", tmp_path / "m" / "labels.txt", "--batch-size", "2", "--out", out)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("not probabilities") == 1 and "softmax" in done.stderr, done.stderr
    import csv

    rows = {Path(r["path"]).stem: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert all(0 <= float(r["confidence"]) <= 1 for r in rows.values()), rows
    black = rows["a_black"]
    assert black["label"] == "cat" and black["top_k"].split()[0].startswith("cat:"), black
    assert rows["c_white"]["label"] == "cat" and float(rows["c_white"]["confidence"]) > 0.99


# -- 5. messages: one line, naming the file, saying what was expected -------------------------


def _run_folder(root: Path, models: Path, **fields) -> Path:
    import shutil

    root.mkdir(parents=True)
    shutil.copy(models / "ok.keras", root / "model.keras")
    (root / "run.json").write_text(json.dumps({"status": "stopped", "class_names": ["cat", "dog"], "image_size": 8,
                                               "training": {"epochs": 5, "data": str(root)}, "epochs_done": 1, **fields}), encoding="utf-8")
    return root


def _one_line(done: subprocess.CompletedProcess) -> str:
    err = done.stderr.strip().splitlines()
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    return err[-1]


@pytest.mark.parametrize("size", [None, [32, 32], "abc", 4000, True])
@pytest.mark.slow
def test_a_run_json_whose_image_size_is_not_a_size_is_one_line_naming_it(models, photos, tmp_path, size):
    run = _run_folder(tmp_path / "run", models, image_size=size)
    line = _one_line(cli("predict", run, photos))
    assert str(run / "run.json") in line and "image size" in line.replace("_", " "), line


def test_resume_of_a_run_whose_run_json_says_another_size_is_refused_before_training(models, tmp_path):
    run = _run_folder(tmp_path / "run", models, image_size=4000)
    line = _one_line(cli("train", "--resume", run))
    assert str(run / "run.json") in line and "4000" in line, line
    run = _run_folder(tmp_path / "run2", models, training={"epochs": 5, "data": str(tmp_path), "image_size": 4000})
    (run / "checkpoint.keras").write_bytes((run / "model.keras").read_bytes())
    line = _one_line(cli("train", "--resume", run))
    # Its training section's image size is out of bounds: refused by the schema, naming the field.
    assert str(run / "run.json") in line and "4000" in line and "'image_size'" in line, line
    assert not (run / "history.csv").exists()


@pytest.mark.slow
def test_a_keras_error_inside_a_layer_is_told_by_its_own_reason(tmp_path, photos):
    from alexnet_desktop.core.tf_runtime import keras

    k = keras()
    inputs = k.Input((None, None, 3))
    model = k.Model(inputs, k.layers.Dense(2, activation="softmax")(k.layers.Reshape((32 * 32 * 3,))(inputs)))
    model.save(str(tmp_path / "any.keras"))
    (tmp_path / "any.labels.txt").write_text("cat\ndog\n", encoding="utf-8")
    (tmp_path / "any.input.json").write_text('{"input_scale": "0-255"}')  # it takes raw pixels
    line = _one_line(cli("predict", tmp_path / "any.keras", photos, "--image-size", "40"))
    assert "40x40" in line and "total size of the tensor must be unchanged" in line, line
    assert "Exception encountered" not in line


@pytest.mark.parametrize("text, kind", [("null", "null"), ("[1, 2, 3]", "a list"), ('{"rows": []}', "without")])
def test_sort_of_json_that_is_not_predictions_says_what_was_expected(tmp_path, text, kind):
    bad = tmp_path / "p.json"
    bad.write_text(text, encoding="utf-8")
    line = _one_line(cli("sort", bad, "--to", tmp_path / "out"))
    assert str(bad) in line and '"predictions" list' in line and kind in line, line
    assert "subscriptable" not in line


# -- 6. plugins ---------------------------------------------------------------------------------

ODD_PLUGIN = "class Odd(BaseException):\n    pass\n\nraise Odd('not an Exception, not SystemExit')\n"
STRING_PLUGIN = '''
from pathlib import Path
from alexnet_desktop.plugin_api import DatasetLoader, dataset_from_class_folders, hookimpl


def load(path, **_):
    raise RuntimeError("kaboom in the loader")


@hookimpl
def register_dataset_loaders():
    return [DatasetLoader(id="stringy", name="Stringy", description="Answers a string.",
                          detect=lambda path: "1.0",
                          load=lambda path, **_: dataset_from_class_folders(Path(path), loader_id="stringy")),
            DatasetLoader(id="failing", name="Failing", description="Claims folders with a marker, then fails.",
                          detect=lambda path: 1.0 if (Path(path) / "marker").exists() else 0.0, load=load)]
'''


def test_a_plugin_raising_a_base_exception_or_answering_a_string_is_contained(workspace, tmp_path):
    from tests.dataset_files import image

    (workspace.plugins_dir / "odd.py").write_text(ODD_PLUGIN, encoding="utf-8")
    (workspace.plugins_dir / "stringy.py").write_text(STRING_PLUGIN, encoding="utf-8")
    listing = cli("plugins")
    assert listing.returncode == 1 and "odd" in listing.stdout and "FAILED" in listing.stdout, listing.stderr
    assert "Odd" in listing.stderr
    for c in ("cats", "dogs"):
        for i in range(2):
            image(tmp_path / "data" / c / f"{i}.png", side=36)
    scan = cli("scan", tmp_path / "data", "--json")
    assert scan.returncode == 0 and "Traceback" not in scan.stderr, scan.stderr
    assert json.loads(scan.stdout)["loader"] == "folder"  # "1.0" is no number

    from alexnet_desktop.core.plugins import PluginHost

    broken = {r.name: r.error for r in PluginHost(workspace.plugins_dir).failures}
    assert "Odd" in broken["odd"]
    host = PluginHost(workspace.plugins_dir)
    assert host.best_loader(tmp_path / "data").id == "folder"
    assert "returned '1.0' (str)" in {r.name: r.error for r in host.failures}["stringy"]


def test_a_plugin_failing_in_a_command_prints_its_traceback_in_the_terminal(workspace, tmp_path):
    from tests.dataset_files import image

    (workspace.plugins_dir / "stringy.py").write_text(STRING_PLUGIN, encoding="utf-8")
    image(tmp_path / "data" / "cats" / "0.png", side=36)
    (tmp_path / "data" / "marker").write_text("", encoding="utf-8")
    done = cli("scan", tmp_path / "data")
    assert done.returncode == 1 and "kaboom in the loader" in done.stderr, done.stderr
    error, rest = done.stderr.split("(its traceback is in the Plugins list)", 1)
    assert "stringy.py" in rest and 'raise RuntimeError("kaboom in the loader")' in rest, done.stderr


# -- 7. the window closes cleanly on SIGTERM and Ctrl-C ------------------------------------------


def _catches_sigterm(pid: int) -> bool:
    # The kernel's mask of caught signals: set once the app's own handler is installed.
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) & (1 << (signal.SIGTERM - 1)))
    return False


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc to know when the window is up")
@pytest.mark.slow
def test_sigterm_and_sigint_close_the_window_cleanly(workspace, tmp_path):
    import time

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    procs = {signum: subprocess.Popen([sys.executable, "-m", "alexnet_desktop"], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, env=env)
             for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        for signum, proc in procs.items():
            deadline = time.monotonic() + 120
            while not _catches_sigterm(proc.pid):
                assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()[1]
                time.sleep(0.1)  # polling another process: there is no signal to wait on
            proc.send_signal(signum)
        for signum, proc in procs.items():
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0 and "Traceback" not in err and "KeyboardInterrupt" not in err, (signum, err)
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
