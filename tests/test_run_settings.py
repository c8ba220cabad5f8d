"""A new run's settings: the architecture's own defaults, class weights for unbalanced
classes, and how an image is brought to the input's square shape; through the CLI in fresh
processes and through the Model page."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from alexnet_desktop.core.training.config import TrainConfig
from tests import cli
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


@pytest.mark.slow
def test_a_new_run_from_the_cli_has_its_architectures_defaults_and_balanced_class_weights(workspace, tmp_path):
    data = _unbalanced(tmp_path / "colours")
    out = run_cli("train", data, "--arch", "small-cnn", "--image-size", "24", "--epochs", "1", "--batch-size", "4",
                  "--val-split", "0", "--class-weight", "balanced", "--run-dir", tmp_path / "runs", "--json")
    record = _run_json(out)
    training = record["training"]
    assert (training["arch"], training["optimizer"], training["learning_rate"]) == ("small-cnn", "adam", 1e-3)
    # n / (k * n_c): 10 / (2 * 8) and 10 / (2 * 2); read back as the run's settings.
    assert training["class_weight"] == "balanced" and record["class_weights"] == {"blue": 0.625, "red": 2.5}
    from alexnet_desktop.core.runs.manifest import RunManifest

    manifest = RunManifest.read(Path(json.loads(out.stdout.strip().splitlines()[-1])["run_dir"]))
    assert TrainConfig.from_manifest(manifest.training).class_weight == "balanced" and manifest.class_weights["red"] == 2.5


@pytest.mark.slow
def test_resuming_with_a_new_rate_is_what_the_run_and_its_model_card_say_in_a_fresh_process(workspace, tmp_path):
    """The settings are stored once in run.json: a resume with --lr changes the one copy, so the
    model card (written by the resuming process) and a new process reading the run agree."""
    data = write_colour_dataset(tmp_path / "colours", per_class=6)
    out = run_cli("train", data, "--arch", "small-cnn", "--image-size", "24", "--epochs", "1", "--batch-size", "4",
                  "--lr", "0.001", "--run-dir", tmp_path / "runs", "--json")
    run = Path(json.loads(out.stdout.strip().splitlines()[-1])["run_dir"])
    run_cli("train", "--resume", run, "--more-epochs", "1", "--lr", "0.0005", "--json")
    record = json.loads((run / "run.json").read_text(encoding="utf-8"))
    assert record["training"]["learning_rate"] == 0.0005 and "optimization" not in record
    card = (run / "model_card.md").read_text(encoding="utf-8")
    assert "adam at 0.0005" in card and "at 0.001;" not in card


def _elongated(path, size=(60, 20)):
    """A wide image: a gradient across, stripes down, so stretching, cropping and padding all differ."""
    import numpy as np
    from PIL import Image

    w, h = size
    x = np.linspace(0, 255, w, dtype=np.float32)[None, :, None]
    y = (np.arange(h) % 4 < 2)[:, None, None] * 80.0
    pixels = np.clip(np.broadcast_to(x, (h, w, 3)) + y + np.array([0, 40, 90]), 0, 255).astype(np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(pixels).save(path)
    return path


def test_crop_and_pad_follow_the_one_rule_in_the_decoder(tmp_path):
    import numpy as np
    from PIL import Image

    from alexnet_desktop.core.data.images import decode_image

    wide = _elongated(tmp_path / "wide.png")
    tall = _elongated(tmp_path / "tall.png", (20, 60))
    source = np.asarray(Image.open(wide).convert("RGB"))
    crop = decode_image(wide, size=20, resize="crop")
    assert crop.shape == (20, 20, 3) and (crop == source[:, 20:40]).all()  # the centre square, untouched at its own size
    pad = decode_image(wide, size=30, resize="pad")
    assert pad.shape == (30, 30, 3) and not pad[:10].any() and not pad[20:].any() and pad[10:20].any()  # bars above and below
    side = decode_image(tall, size=30, resize="pad")
    assert not side[:, :10].any() and not side[:, 20:].any()  # bars left and right
    stretch = decode_image(wide, size=20)
    assert (stretch == decode_image(wide, size=20, resize="stretch")).all() and not (stretch == crop).all()
    with pytest.raises(ValueError, match="resize must be one of"):
        decode_image(wide, size=20, resize="squash")


@pytest.mark.parametrize("mode", ["crop", "pad"])
def test_training_batches_are_the_decoders_pixels(tmp_path, mode):
    import numpy as np

    from alexnet_desktop.core.data.datasets import Sample
    from alexnet_desktop.core.data.images import decode_image
    from alexnet_desktop.core.data.pipeline import SkippedFiles, image_dataset

    files = [_elongated(tmp_path / f"{i}.png", (60 + 10 * i, 20)) for i in range(3)]
    ds = image_dataset([Sample(f, "a") for f in files], ["a"], 24, 3, shuffle=False, seed=0, skipped=SkippedFiles(),
                       resize=mode)
    images, _ = next(iter(ds))
    for got, f in zip(images.numpy(), files):
        assert np.array_equal(got, decode_image(f, size=24, resize=mode))


@pytest.mark.slow
def test_a_runs_resize_is_used_by_predict_in_a_fresh_process_and_said_by_its_export(host, workspace, tmp_path):
    import numpy as np

    from alexnet_desktop.core.data.images import decode_image
    from alexnet_desktop.core.model.loaded import load_for_prediction
    from alexnet_desktop.core.model.export import export_model

    data = write_colour_dataset(tmp_path / "colours", per_class=3, side=24)
    out = run_cli("train", data, "--arch", "small-cnn", "--image-size", "24", "--epochs", "1", "--batch-size", "6",
                  "--resize", "pad", "--run-dir", tmp_path / "runs", "--json")
    run = Path(json.loads(out.stdout.strip().splitlines()[-1])["run_dir"])
    record = json.loads((run / "run.json").read_text())
    assert record["training"]["resize"] == "pad" and record["preprocessing"]["resize_mode"] == "pad"
    inbox = tmp_path / "inbox"
    files = [_elongated(inbox / f"{i}.png", (64, 16 + 8 * i)) for i in range(3)]
    run_cli("predict", run, inbox, "--out", tmp_path / "p.json")
    rows = {Path(r["path"]).name: r for r in json.loads((tmp_path / "p.json").read_text())["predictions"]}
    loaded = load_for_prediction(run)
    assert loaded.resize == "pad"
    differs = False
    for f in files:
        expected = loaded.model.predict(decode_image(f, size=24, resize="pad")[None], verbose=0)[0]
        stretched = loaded.model.predict(decode_image(f, size=24)[None], verbose=0)[0]
        got = [rows[f.name]["probabilities"][c] for c in loaded.class_names]
        assert np.allclose(got, expected, atol=1e-5)
        differs |= not np.allclose(got, stretched, atol=1e-5)
    assert differs  # stretching would have given other answers
    exported = export_model(host, run, "keras", tmp_path / "export" / "net.keras")
    pre = json.loads(exported.preprocessing.read_text())
    assert pre["preprocessing"]["resize_mode"] == "pad" and "black bars" in pre["preprocessing"]["resize"]
    assert load_for_prediction(exported.path).resize == "pad"  # predicting the export reads its preprocessing file


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
    assert s.image_size == 32 and page.image_size.value() == 32  # its own input size, as it was alexnet's
    page.learning_rate.setValue(0.002)  # the user's choice is kept from now on
    page.batch_size.setValue(8)
    page.arch_combo.setCurrentIndex(page.arch_combo.findData("alexnet"))
    assert (s.arch, s.learning_rate, s.batch_size, s.image_size) == ("alexnet", 0.002, 8, 227)
    page.image_size.setValue(96)
    page.arch_combo.setCurrentIndex(page.arch_combo.findData("alexnet-bn"))
    assert (s.image_size, s.learning_rate) == (96, 0.002)


def test_each_setting_is_declared_once_and_the_config_the_options_and_the_page_come_from_it(qtbot, window):
    """TrainConfig's fields are the declared settings with their defaults; each setting with a flag
    is a `train` option with the declared choices; each with a row is a control of the Model page."""
    import argparse
    from dataclasses import MISSING, fields

    from alexnet_desktop.cli import build_parser
    from alexnet_desktop.core.training.settings import SETTING, SETTINGS, default

    declared = {f.name: f for f in fields(TrainConfig)}
    assert set(declared) == set(SETTING)
    for f in declared.values():
        if f.default is not MISSING:
            assert f.default == default(f.name), f.name
        elif f.default_factory is not MISSING:
            assert f.default_factory() == default(f.name), f.name
    train = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices["train"]
    options = {a.dest: a for a in train._actions}
    for s in SETTINGS:
        if s.flag:
            assert s.flag in options[s.name].option_strings and tuple(options[s.name].choices or ()) == s.choices
    page = window.model_page
    shown = {s.name for s in SETTINGS if s.row}
    assert set(page.fields) == shown and {"learning_rate", "lr_schedule", "resize", "seed"} <= shown
    assert page.schedule is page.fields["lr_schedule"] and page.schedule.count() == len(SETTING["lr_schedule"].choices)


def test_an_out_of_range_setting_is_refused_by_the_command_line_with_the_declared_reason(workspace, tmp_path):
    data = write_colour_dataset(tmp_path / "colours", per_class=2)
    out = cli.run_cli("train", data, "--momentum", "1.5", "--run-dir", tmp_path / "runs")
    assert out.returncode != 0 and "momentum must be in [0, 1), not 1.5" in out.stderr, out.stderr[-2000:]
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())
