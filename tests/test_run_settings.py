"""A new run's settings: the architecture's own defaults, class weights for unbalanced
classes, and how an image is brought to the input's square shape; through the CLI in fresh
processes and through the Model page."""

from __future__ import annotations

import json

from tests.test_reopen import run_cli
from tests.conftest import write_colour_dataset


def _run_json(out) -> dict:
    from pathlib import Path

    return json.loads((Path(json.loads(out.stdout.strip().splitlines()[-1])["run_dir"]) / "run.json").read_text())


def test_a_new_run_starts_from_its_architectures_defaults_from_the_cli(workspace, tmp_path):
    data = write_colour_dataset(tmp_path / "colours")
    out = run_cli("train", data, "--arch", "small-cnn", "--image-size", "24", "--epochs", "1", "--batch-size", "4",
                  "--steps-per-epoch", "1", "--run-dir", tmp_path / "runs", "--json")
    training = _run_json(out)["training"]
    assert (training["arch"], training["optimizer"], training["learning_rate"]) == ("small-cnn", "adam", 1e-3)


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
