"""`train DATA --unlabelled FOLDER`: FixMatch on a folder of unlabelled images (core/training/fixmatch.py).

The folder holds copies of labelled images (left out), an unreadable file (skipped and
reported) and images of another size (resized like any other); the run records the folder,
its hash, the threshold and the ratio, its history the share of confident unlabelled images,
and it resumes, stops and pauses like any run. Its model stays the plain classifier.
"""

from __future__ import annotations

import csv
import json
import shutil
import threading
from pathlib import Path

import numpy as np
import pytest

from alexnet_desktop.core.training import fixmatch
from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.training.events import BatchEnded, PauseChanged
from alexnet_desktop.core.training.fit import train
from tests.conftest import write_colour_dataset
from tests.cli import run_cli
from tests.test_start_from import cli

SMALL = ["--arch", "small-cnn", "--image-size", "24", "--batch-size", "4"]


def unlabelled_folder(root: Path, labelled: Path) -> Path:
    """Eight new images (40 px, not the labelled 24), two copies of labelled ones, one broken file."""
    source = write_colour_dataset(root / "drawn", per_class=4, side=40)
    folder = root / "unlabelled"
    folder.mkdir()
    for i, path in enumerate(sorted(source.rglob("*.png"))):
        shutil.copy(path, folder / f"u{i}.png")
    shutil.copy(labelled / "red" / "red_0.png", folder / "copy_of_red_0.png")
    shutil.copy(labelled / "blue" / "blue_1.png", folder / "copy_of_blue_1.png")
    (folder / "broken.png").write_bytes(b"text, not an image")
    return folder


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("fixmatch")
    data = write_colour_dataset(root / "data", per_class=6, side=24)
    folder = unlabelled_folder(root, data)
    # Relative paths, from the lab's own folder: the run is resumed from elsewhere below.
    out = run_cli("train", "data", *SMALL, "--epochs", "2", "--unlabelled", "unlabelled", "--threshold", "0.6",
                  "--unlabelled-ratio", "2", "--run-dir", "runs", "--json", cwd=root,
                  env={"ALEXNET_DESKTOP_HOME": str(root / "home")}, ok=True)
    run = root / json.loads(out.stdout.strip().splitlines()[-1])["run_dir"]
    return {"root": root, "data": data, "folder": folder, "run": run, "out": out}


@pytest.mark.slow
def test_the_run_records_the_folder_and_learns_with_it(lab):
    manifest = json.loads((lab["run"] / "run.json").read_text())
    record = manifest["unlabelled"]
    assert record["folder"] == str(lab["folder"].resolve()) and len(record["sha256"]) == 64
    assert record["threshold"] == 0.6 and record["ratio"] == 2
    assert record["in_labelled_set"] == 2 and record["files"] == 9  # 8 new + the broken one; the copies left out
    assert manifest["training"]["unlabelled"] == str(lab["folder"].resolve()) and manifest["status"] == "finished"
    assert manifest["training"]["data"] == str(lab["data"].resolve())  # full paths, whatever was typed
    assert [s["path"].endswith("broken.png") for s in manifest["skipped_files"]] == [True]
    rows = list(csv.DictReader(open(lab["run"] / "history.csv")))
    assert len(rows) == 2 and all(0 <= float(r["unlabelled_confident"]) <= 1 for r in rows)
    said = lab["out"].stdout + lab["out"].stderr
    assert "2 images of the unlabelled folder are copies of labelled images" in said
    assert "copy_of_blue_1.png, copy_of_red_0.png" in said and "Also learning from 9 unlabelled image files" in said
    card = (lab["run"] / "model_card.md").read_text()
    assert f"Also learnt from 9 unlabelled images in `{lab['folder'].resolve()}`" in card
    assert " unlabelled_confident |" in card  # a column of the epochs table
    assert sorted(p.name for p in lab["folder"].iterdir()) == sorted(  # nothing copied in or moved
        [f"u{i}.png" for i in range(8)] + ["copy_of_red_0.png", "copy_of_blue_1.png", "broken.png"])


@pytest.mark.slow
def test_the_model_is_the_plain_classifier_and_the_run_resumes(lab):
    home, run = lab["root"] / "home", lab["run"]
    out = cli(home, "predict", run, lab["data"] / "red")
    assert "red" in out.stdout or "blue" in out.stdout
    refused = cli(home, "train", "--resume", run, "--steps-per-epoch", "1", ok=False)
    assert refused.returncode != 0 and "takes no --steps-per-epoch" in refused.stderr
    # The folder moved, and gained an image: the resumed run says so and records it as it is now.
    moved = lab["root"] / "moved"
    shutil.copytree(lab["folder"], moved)
    shutil.copy(moved / "u0.png", moved / "u0_again.png")
    out = cli(home, "train", "--resume", run, "--more-epochs", "1", "--unlabelled", moved)
    assert "The unlabelled folder changed since this run last trained (files added, removed or rewritten; 9 image " \
           "files then, 10 now)" in out.stderr
    rows = list(csv.DictReader(open(run / "history.csv")))
    assert len(rows) == 3 and rows[-1]["unlabelled_confident"] != ""
    manifest = json.loads((run / "run.json").read_text())
    assert manifest["unlabelled"]["folder"] == str(moved.resolve()) and manifest["unlabelled"]["files"] == 10
    assert manifest["training"]["unlabelled"] == str(moved.resolve())
    assert manifest["resumed"][-1]["unlabelled_before"]["files"] == 9  # what epochs 1-2 learnt from
    assert "The folder changed while the run was stopped (resumed after epoch 2)" in (run / "model_card.md").read_text()
    moved.rename(lab["root"] / "moved_again")
    gone = cli(home, "train", "--resume", run, "--more-epochs", "1", ok=False)
    assert gone.returncode != 0 and f"{moved.resolve()}: the run's unlabelled folder is not there any more" \
        in gone.stderr and "--unlabelled NEW_PLACE" in gone.stderr


@pytest.mark.slow
def test_a_missing_folder_or_one_with_only_copies_is_refused(lab, tmp_path):
    out = cli(tmp_path / "home", "train", lab["data"], *SMALL, "--unlabelled", tmp_path / "nope",
              "--run-dir", tmp_path / "runs", ok=False)
    assert out.returncode != 0 and "the unlabelled folder does not exist" in out.stderr
    only_copies = tmp_path / "copies"
    shutil.copytree(lab["data"] / "red", only_copies)
    out = cli(tmp_path / "home", "train", lab["data"], *SMALL, "--unlabelled", only_copies,
              "--run-dir", tmp_path / "runs", ok=False)
    assert out.returncode != 0 and "all 6 images of the unlabelled folder are copies of labelled images" in out.stderr
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())


def test_a_folder_with_nothing_to_learn_from_is_refused_saying_why(tmp_path):
    from alexnet_desktop.core.data.pipeline import SkippedFiles

    def refused(folder) -> str:
        with pytest.raises(ValueError) as caught:
            fixmatch.unlabelled_files(folder, [], SkippedFiles(), image_size=16, resize="stretch")
        return str(caught.value)

    (tmp_path / "empty").mkdir()
    assert refused(tmp_path / "empty").endswith("empty: no images in the unlabelled folder")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("notes")
    assert "no images in the unlabelled folder (1 other files, such as a.txt" in refused(tmp_path / "notes")
    (tmp_path / "file.png").write_bytes(b"x")
    assert "the unlabelled folder is a file, not a folder" in refused(tmp_path / "file.png")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.jpg").write_text("a text file")
    (broken / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    assert "none of the 2 images of the unlabelled folder can be read (such as a.jpg: " in refused(broken)
    # One image that decodes is enough: the others are skipped and listed during the run.
    write_colour_dataset(broken / "good", per_class=1, side=8)
    skipped = SkippedFiles()
    (broken / "gone.png").symlink_to(tmp_path / "nowhere.png")
    found = fixmatch.unlabelled_files(broken, [], skipped, image_size=16, resize="stretch")
    assert len(found.files) == 4 and [Path(p).name for p, _ in skipped.items()] == ["gone.png"]


def _config(data: Path, folder: Path, runs: Path, **extra) -> TrainConfig:
    return TrainConfig(data=str(data), arch="small-cnn", image_size=24, batch_size=2, epochs=20,
                       runs_dir=str(runs), unlabelled=str(folder), unlabelled_ratio=2, **extra)


@pytest.mark.slow
def test_pause_then_stop_work_during_fixmatch(tmp_path):
    from alexnet_desktop.core.plugins import PluginHost

    data = write_colour_dataset(tmp_path / "data", per_class=4, side=24)
    folder = unlabelled_folder(tmp_path, data)
    stop, pause = threading.Event(), threading.Event()
    seen = []

    def emit(event):
        seen.append(event)
        batches = [e for e in seen if isinstance(e, BatchEnded)]
        if isinstance(event, BatchEnded) and len(batches) == 1:
            pause.set()
        elif isinstance(event, PauseChanged) and event.paused:
            pause.clear()  # as the Resume button would
        elif isinstance(event, BatchEnded) and len(batches) == 3:
            stop.set()

    result = train(_config(data, folder, tmp_path / "runs"), PluginHost(), emit, stop, pause)
    assert result.status == "stopped"
    assert [e.paused for e in seen if isinstance(e, PauseChanged)] == [True, False]
    assert len([e for e in seen if isinstance(e, BatchEnded)]) == 3


def test_the_strong_view_cuts_out_and_changes_contrast():
    from alexnet_desktop.core.tf_runtime import tensorflow

    tf = tensorflow()
    rng = np.random.default_rng(0)
    images = tf.constant(rng.integers(0, 256, (16, 24, 24, 3)), dtype=tf.uint8)
    strong = fixmatch._cutout_and_contrast(images, tf.constant(3, tf.int64)).numpy()
    assert strong.dtype == np.uint8 and strong.shape == images.shape
    grey = (strong == 127).all(axis=-1).sum(axis=(1, 2))
    assert (grey > 0).sum() >= 8  # most images lost a square
    assert not np.array_equal(strong, images.numpy())


def test_the_step_learns_the_confident_targets_only():
    """With every weak prediction confident, the unlabelled loss is the strong view's cross-entropy
    against the weak view's class; above any reachable threshold it is nothing."""
    from alexnet_desktop.core.tf_runtime import keras, tensorflow

    tf, k = tensorflow(), keras()
    k.utils.set_random_seed(0)
    inputs = k.Input((4, 4, 3), dtype="uint8")
    x = k.layers.Flatten()(k.layers.Rescaling(1 / 255)(inputs))
    model = k.Model(inputs, k.layers.Dense(2, activation="softmax")(x))
    xl = tf.constant(np.full((2, 4, 4, 3), 10), tf.uint8)
    y = tf.constant([0, 1])
    unl = tf.constant(np.random.default_rng(1).integers(0, 256, (4, 4, 4, 3)), tf.uint8)
    shares = {}
    for threshold in (0.0, 1.01):
        model.compile(optimizer=k.optimizers.SGD(0.0), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        share = fixmatch.ConfidentShare()
        spec = ((tf.TensorSpec((None, 4, 4, 3), tf.uint8),) * 3, tf.TensorSpec((None,), tf.int32))
        fixmatch.install_step(model, threshold, share, spec)
        logs = model.train_step(((xl, unl, unl), y))
        shares[threshold] = (float(logs[fixmatch.METRIC]), float(logs["loss"]))
    labelled = float(k.losses.sparse_categorical_crossentropy(y, model(xl)).numpy().mean())
    assert shares[0.0][0] == 1.0 and shares[1.01][0] == 0.0
    assert shares[1.01][1] == pytest.approx(labelled, rel=1e-4)
    assert shares[0.0][1] > labelled  # the unlabelled images' term was added


@pytest.mark.slow  # a new process whose CPU is split in two, as a machine with two GPUs
def test_two_devices_learn_what_one_device_learns(tmp_path):
    """MirroredStrategy over two logical CPUs takes the same FixMatch steps as one device: each
    replica takes half of both batches and the unlabelled term is shared out as Keras shares its
    own losses, so the epochs' losses agree (a term counted once per replica would not)."""
    import os
    import subprocess
    import sys
    import textwrap

    data = write_colour_dataset(tmp_path / "data", per_class=9, side=20)
    folder = tmp_path / "unlabelled"
    folder.mkdir()
    for i, path in enumerate(sorted(write_colour_dataset(tmp_path / "drawn", per_class=11, side=20).rglob("*.png"))):
        shutil.copy(path, folder / f"u{i}.png")
    script = tmp_path / "two_devices.py"
    script.write_text(textwrap.dedent(f"""
        import csv, json, sys
        sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
        from alexnet_desktop.core.tf_runtime import tensorflow
        tf = tensorflow()
        cpu = tf.config.list_physical_devices("CPU")[0]
        tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
        from alexnet_desktop.core.plugins import PluginHost
        from alexnet_desktop.core.training.config import TrainConfig
        from alexnet_desktop.core.training.fit import resume, train
        from tests import tiny_plugin
        host = PluginHost()
        host.register(tiny_plugin, "tiny_plugin")
        found = {{}}
        for devices in (["/cpu:0"], ["/cpu:0", "/cpu:1"]):
            cfg = TrainConfig(data={str(data)!r}, arch="tiny-test-net", epochs=2, batch_size=4, image_size=16,
                              learning_rate=1e-2, unlabelled={str(folder)!r}, unlabelled_threshold=0.01,
                              runs_dir={str(tmp_path / "runs")!r}, devices=devices)
            result = train(cfg, host)
            assert result.status == "finished", result.error
            if len(devices) == 2:
                assert resume(result.run_dir, host, more_epochs=1).status == "finished"
            rows = list(csv.DictReader(open(f"{{result.run_dir}}/history.csv")))
            found[len(devices)] = {{"loss": [float(r["loss"]) for r in rows],
                                    "strategy": json.load(open(f"{{result.run_dir}}/run.json"))["strategy"]}}
        print(json.dumps(found))
    """))
    env = {**os.environ, "CUDA_VISIBLE_DEVICES": "", "TF_CPP_MIN_LOG_LEVEL": "3"}
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    found = json.loads(out.stdout.strip().splitlines()[-1])
    one, two = found["1"], found["2"]
    assert two["strategy"] == "MirroredStrategy over CPU:0, CPU:1" and len(two["loss"]) == 3
    # Within 3 %: the replicas' sums round differently; the unlabelled term counted once per
    # replica made them 27 % apart.
    assert two["loss"][:2] == pytest.approx(one["loss"], rel=0.03), (one, two)
