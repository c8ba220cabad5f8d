"""`alexnet-desktop train DATA --from RUN|MODEL.keras`, each step in a fresh process.

A source run of seed 003's small CNN (two classes) is trained once; new runs start from it
on the same classes (the classifier kept), on three classes (a new classifier, every other
layer copied), with the copied layers frozen, and from a model file. A source of another
architecture or input size is refused with one line naming both.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from alexnet_desktop.core.files import sha256_file
from alexnet_desktop.core.model.model_files import load_model_file
from tests.cli import run_cli
from tests.conftest import write_colour_dataset

HERE = Path(__file__).parent
# Every step trains or reopens in a new process: minutes in all.
pytestmark = pytest.mark.slow
SMALL = ["--arch", "small-cnn", "--image-size", "24", "--batch-size", "4"]


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="", PYTHONPATH=str(HERE.parent),
                ALEXNET_DESKTOP_HOME=str(home))


def cli(home: Path, *args, ok: bool = True) -> subprocess.CompletedProcess:
    return run_cli(*args, ok=ok, env={"ALEXNET_DESKTOP_HOME": str(home)})


def train_json(home: Path, *args) -> dict:
    return json.loads(cli(home, "train", *args, "--json").stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """Two- and three-class datasets, and a source run trained on the two classes."""
    root = tmp_path_factory.mktemp("lab")
    two = write_colour_dataset(root / "two", per_class=6, side=24)
    three = write_colour_dataset(root / "three", classes=("blue", "green", "red"), per_class=6, side=24)
    runs = root / "runs"
    source = Path(train_json(root / "home", two, *SMALL, "--epochs", "1", "--run-dir", runs)["run_dir"])
    return {"root": root, "home": root / "home", "two": two, "three": three, "runs": runs, "source": source}


def weights(path: Path) -> list[list[np.ndarray]]:
    """Each weighted layer's weights, in order, of the model file at `path`."""
    from alexnet_desktop.core.training.start_from import weighted_layers

    return [layer.get_weights() for layer in weighted_layers(load_model_file(path))]


def same(a: list[np.ndarray], b: list[np.ndarray], atol: float = 0.0) -> bool:
    return len(a) == len(b) and all(x.shape == y.shape and np.allclose(x, y, rtol=0, atol=atol) for x, y in zip(a, b))


def test_the_same_classes_keep_the_classifier_and_run_json_records_the_source(lab):
    src = lab["source"]
    # A negligible rate: after its steps the model is the source's, classifier included.
    done = train_json(lab["home"], lab["two"], "--from", src, "--epochs", "1", "--lr", "1e-12", "--batch-size", "4",
                      "--run-dir", lab["runs"])
    run = Path(done["run_dir"])
    new, old = weights(run / "model.keras"), weights(src / "model.keras")
    assert len(new) == len(old) > 2
    assert all(same(a, b, atol=1e-6) for a, b in zip(new, old))
    # Reopened by a new process: what the run started from, and the source model's hash.
    script = ("import json, sys; from alexnet_desktop.core.runs.manifest import RunManifest; "
              "m = RunManifest.read(sys.argv[1]); print(json.dumps([m.start_from, m.training['start_from'], "
              "m.architecture.id, m.image_size]))")
    out = subprocess.run([sys.executable, "-c", script, str(run)], capture_output=True, text=True, check=True,
                         env=_env(lab["home"]))
    start_from, given, arch, size = json.loads(out.stdout)
    assert start_from["kind"] == "run" and start_from["run"] == src.name
    assert start_from["sha256"] == sha256_file(src / "model.keras")
    assert start_from["classifier"] == "kept" and given == str(src) and (arch, size) == ("small-cnn", 24)


def test_other_classes_get_a_new_classifier_and_frozen_layers_stay_the_sources(lab):
    # The source named as a run of the runs folder; its architecture and size are taken from it.
    done = train_json(lab["home"], lab["three"], "--from", lab["source"].name, "--freeze-epochs", "1", "--epochs", "1",
                      "--lr", "0.01", "--batch-size", "4", "--run-dir", lab["runs"])
    run = Path(done["run_dir"])
    new, old = weights(run / "checkpoint.keras"), weights(lab["source"] / "model.keras")
    assert all(same(a, b) for a, b in zip(new[:-1], old[:-1])), "a frozen copied layer changed"
    assert new[-1][0].shape[-1] == 3 and old[-1][0].shape[-1] == 2
    manifest = json.loads((run / "run.json").read_text())
    assert manifest["start_from"]["classifier"] == "new" and manifest["start_from"]["freeze_epochs"] == 1


def test_frozen_layers_are_trained_after_the_freeze_from_a_model_file(lab):
    model_file = lab["source"] / "model.keras"  # labels.txt beside it names the classes
    out = cli(lab["home"], "train", lab["three"], *SMALL, "--from", model_file, "--freeze-epochs", "1", "--epochs", "2",
              "--lr", "0.01", "--run-dir", lab["runs"], "--events")
    events = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    said = [e["text"]["say"] for e in events if e.get("event") == "Message"]  # the last line is the outcome
    assert "Starting from {0}: every layer but the classifier copied (the classes differ)" in said, said
    assert "From epoch {0} on, the copied layers are trained too" in said, said
    run = next(Path(e["run_dir"]) for e in events if e.get("run_dir"))
    new, old = weights(run / "checkpoint.keras"), weights(model_file)
    assert not same(new[0], old[0]), "the copied layers were never unfrozen"
    manifest = json.loads((run / "run.json").read_text())
    assert manifest["start_from"]["kind"] == "model" and manifest["start_from"]["run"] is None
    assert manifest["start_from"]["sha256"] == sha256_file(model_file)


def test_another_architecture_or_size_is_refused_naming_both(lab, tmp_path):
    runs_before = sorted(p.name for p in lab["runs"].iterdir())
    wrong_arch = cli(lab["home"], "train", lab["two"], "--from", lab["source"], "--arch", "alexnet-bn", "--run-dir",
                     lab["runs"], ok=False)
    assert wrong_arch.returncode != 0
    line = wrong_arch.stderr.strip().splitlines()[-1]
    assert "small-cnn" in line and "alexnet-bn" in line, line
    wrong_size = cli(lab["home"], "train", lab["two"], "--from", lab["source"], "--image-size", "32", "--run-dir",
                     lab["runs"], ok=False)
    line = wrong_size.stderr.strip().splitlines()[-1]
    assert wrong_size.returncode != 0 and "24x24" in line and "32x32" in line, line
    # A model file of other layers at the same size.
    from alexnet_desktop.core.tf_runtime import keras

    k = keras()
    other = k.Sequential([k.Input((24, 24, 3)), k.layers.Conv2D(2, 3), k.layers.Flatten(), k.layers.Dense(2)])
    other.save(tmp_path / "other.keras")
    wrong_model = cli(lab["home"], "train", lab["two"], *SMALL, "--from", tmp_path / "other.keras", "--run-dir",
                      lab["runs"], ok=False)
    line = wrong_model.stderr.strip().splitlines()[-1]
    assert wrong_model.returncode != 0 and "other.keras" in line and "small-cnn" in line, line
    assert sorted(p.name for p in lab["runs"].iterdir()) == runs_before, "a refused run left a folder"


def test_an_h5_or_a_model_of_another_size_is_refused_before_the_scan_and_tensorflow(colour_dataset, tmp_path):
    """#32: what can be checked in the file itself is checked first, with advice that works."""
    from alexnet_desktop.core.tf_runtime import keras

    k = keras()
    k.Sequential([k.Input((32, 32, 3)), k.layers.Flatten(), k.layers.Dense(2)]).save(tmp_path / "big.keras")
    (tmp_path / "old.h5").write_bytes(b"\x89HDF\r\n\x1a\n")
    for source, words in ((tmp_path / "old.h5", ["old.h5", "HDF5"]),
                          (tmp_path / "big.keras", ["32x32", "24x24", "--arch small-cnn --image-size 32"])):
        done = run_cli("train", colour_dataset, *SMALL, "--from", source, "--run-dir", tmp_path / "runs")
        assert done.returncode == 1, done.stderr
        assert all(w in done.stderr for w in words), done.stderr
        assert "Loading TensorFlow" not in done.stderr and "scann" not in done.stderr.lower(), done.stderr
