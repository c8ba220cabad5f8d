"""A new run's settings: the architecture's own defaults, class weights for unbalanced
classes, and how an image is brought to the input's square shape; through the CLI in fresh
processes and through the Model page."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.test_reopen import run_cli
from tests.conftest import write_colour_dataset


def _run_json(out) -> dict:
    from pathlib import Path

    return json.loads((Path(json.loads(out.stdout.strip().splitlines()[-1])["run_dir"]) / "run.json").read_text())


def _unbalanced(root):
    data = write_colour_dataset(root, per_class=8)
    for i in range(2, 8):
        (data / "red" / f"red_{i}.png").unlink()
    return data  # blue 8, red 2


def test_a_new_run_from_the_cli_has_its_architectures_defaults_and_balanced_class_weights(workspace, tmp_path):
    data = _unbalanced(tmp_path / "colours")
    out = run_cli("train", data, "--arch", "small-cnn", "--image-size", "24", "--epochs", "1", "--batch-size", "4",
                  "--val-split", "0", "--class-weight", "balanced", "--run-dir", tmp_path / "runs", "--json")
    record = _run_json(out)
    training = record["training"]
    assert (training["arch"], training["optimizer"], training["learning_rate"]) == ("small-cnn", "adam", 1e-3)
    # n / (k * n_c): 10 / (2 * 8) and 10 / (2 * 2); read back as the run's settings.
    assert training["class_weight"] == "balanced" and record["class_weights"] == {"blue": 0.625, "red": 2.5}
    from alexnet_desktop.core.training.manifest import RunManifest

    manifest = RunManifest.read(Path(json.loads(out.stdout.strip().splitlines()[-1])["run_dir"]))
    assert manifest.config().class_weight == "balanced" and manifest.class_weights["red"] == 2.5


def test_balanced_class_weights_reach_keras_fit(host, workspace, tmp_path):
    from alexnet_desktop.core.training.balance import class_weights, keras_class_weight
    from alexnet_desktop.core.training.config import TrainConfig
    from alexnet_desktop.core.training.fit import train

    assert class_weights("balanced", ["a"] * 6 + ["b"] * 2 + ["c"] * 2, ["a", "b", "c", "d"]) == {
        "a": 10 / 18, "b": 10 / 6, "c": 10 / 6, "d": 1.0}
    assert class_weights("none", ["a", "b"], ["a", "b"]) == {} and keras_class_weight({}, ["a"]) is None
    data = _unbalanced(tmp_path / "colours")
    losses = {}
    for mode in ("none", "balanced"):
        result = train(TrainConfig(data=str(data), arch="tiny-test-net", epochs=1, batch_size=10, image_size=16,
                                   val_split=0, class_weight=mode, runs_dir=str(workspace.runs_dir)), host)
        assert result.status == "finished"
        with open(result.run_dir / "history.csv", newline="") as f:
            losses[mode] = float(next(csv.DictReader(f))["loss"])
    assert losses["none"] != losses["balanced"]
    with pytest.raises(ValueError, match="class weight"):
        TrainConfig(data=str(data), runs_dir="x", class_weight="square").validate()


def test_choosing_an_architecture_on_the_model_page_brings_its_defaults(qtbot, window):
    page = window.model_page
    window.tabs.setCurrentWidget(page)
    s = window.state.settings
    page.arch_combo.setCurrentIndex(page.arch_combo.findData("alexnet"))
    assert (s.arch, s.optimizer, s.learning_rate) == ("alexnet", "adam", 1e-4)
    assert abs(page.learning_rate.value() - 1e-4) < 1e-12
    page.arch_combo.setCurrentIndex(page.arch_combo.findData("small-cnn"))
    assert (s.arch, s.learning_rate) == ("small-cnn", 1e-3) and abs(page.learning_rate.value() - 1e-3) < 1e-12
    page.learning_rate.setValue(0.002)  # the user's choice is kept from now on
    page.batch_size.setValue(8)
    page.arch_combo.setCurrentIndex(page.arch_combo.findData("alexnet"))
    assert (s.arch, s.learning_rate, s.batch_size) == ("alexnet", 0.002, 8)
