"""The core jobs' shared rules: one set of training defaults, the scan job, what is judged."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from alexnet_desktop.core.jobs import Cancelled

from alexnet_desktop.core.data.loading import scan_data
from alexnet_desktop.core.events import Message, Progress
from alexnet_desktop.core.training.config import TrainConfig, default_of
from alexnet_desktop.core.training.evaluation import evaluation_samples
from tests.dataset_files import image


def _with_test_part(root):
    for part, n in (("train", 3), ("test", 2)):
        for c, colour in (("a", (200, 0, 0)), ("b", (0, 0, 200))):
            for i in range(n):
                image(root / part / c / f"{part}_{i}.png", colour)
    return root


def test_train_options_left_unset_are_the_architectures_then_trainconfigs_defaults(tmp_path, host):
    from alexnet_desktop import cli
    from alexnet_desktop.commands.train import _train_config

    args = cli.build_parser().parse_args(["train", str(tmp_path)])
    assert args.epochs is None and args.val_split is None and args.seed is None and args.arch is None
    config = _train_config(args, host)
    arch = host.architecture(default_of("arch"))
    unset = TrainConfig(data=str(tmp_path), runs_dir=config.runs_dir, **arch.defaults)
    assert config == unset
    given = _train_config(cli.build_parser().parse_args(["train", str(tmp_path), "--epochs", "3", "--seed", "7"]), host)
    assert (given.epochs, given.seed, given.batch_size) == (3, 7, default_of("batch_size"))
    # The small CNN starts from Adam at 1e-3; a rate given, or the reference's recipe, wins.
    small = _train_config(cli.build_parser().parse_args(["train", str(tmp_path), "--arch", "small-cnn"]), host)
    assert (small.optimizer, small.learning_rate) == ("adam", 1e-3)
    given = _train_config(cli.build_parser().parse_args(["train", str(tmp_path), "--arch", "small-cnn", "--lr", "0.02"]), host)
    assert given.learning_rate == 0.02
    recipe = _train_config(cli.build_parser().parse_args(["train", str(tmp_path), "--arch", "small-cnn", "--recipe"]), host)
    assert (recipe.optimizer, recipe.batch_size) == ("rmsprop", 256)
    # The published AlexNet, with no normalisation, keeps Adam at 1e-4.
    classic = _train_config(cli.build_parser().parse_args(["train", str(tmp_path), "--arch", "alexnet"]), host)
    assert (classic.optimizer, classic.learning_rate) == ("adam", 1e-4)


def test_an_architecture_may_only_tune_run_settings():
    from alexnet_desktop.plugin_api import Architecture

    with pytest.raises(ValueError, match="not data"):
        Architecture("x", "X", "d", "r", (8, 8, 3), 8, build=lambda n, s: None, defaults={"data": "/tmp"})


def test_train_help_prints_the_configs_defaults(capsys):
    from alexnet_desktop import cli

    try:
        cli.main(["train", "--help"])
    except SystemExit:
        pass
    text = " ".join(capsys.readouterr().out.split())
    assert f"else {default_of('batch_size')}" in text and f"default: {default_of('arch')}" in text


def test_the_windows_draft_settings_are_the_default_architectures_then_trainconfigs(host):
    from alexnet_desktop.gui.state import draft_config

    draft = draft_config(host)
    plain = TrainConfig(data="", runs_dir="", **host.architecture(default_of("arch")).defaults)
    differs = {f.name for f in fields(TrainConfig) if getattr(draft, f.name) != getattr(plain, f.name)}
    assert differs == {"image_size"}  # shown on the Model page: the default architecture's
    assert draft.image_size == host.architecture(plain.arch).default_input_shape[0]


def test_the_scan_job_reports_and_keeps_the_test_part_out_of_training(host, tmp_path):
    root = _with_test_part(tmp_path / "data")
    events = []
    dataset, report = scan_data(host, root, "folder", {}, events.append)
    assert isinstance(events[0], Message) and "Checking 10 images" in str(events[0].text)
    assert any(isinstance(e, Progress) for e in events)
    assert {s.path.name for s in report.training_part()} == {f"train_{i}.png" for i in range(3)}
    assert len(report.training_part()) == 6 and len(report.test_part()) == 4
    assert len(dataset.test_samples) == 4


def test_scan_with_samples_shows_training_images_only_and_stops_as_every_job_does(host, tmp_path):
    """The Data page's job: the report, sample thumbnails of the training part (never the test
    part's), and a stop that raises `Cancelled`."""
    import threading

    from alexnet_desktop.core.data.scan_job import THUMB_SIZE, scan_with_samples

    root = _with_test_part(tmp_path / "data")
    events = []
    result = scan_with_samples(host, root, "folder", {}, events.append, threading.Event())
    assert result.has_test and any(isinstance(e, Progress) for e in events)
    assert {t.path.name for t in result.samples} == {f"train_{i}.png" for i in range(3)} and len(result.samples) == 6
    assert all(t.pixels.shape == (THUMB_SIZE, THUMB_SIZE, 3) for t in result.samples)
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        scan_with_samples(host, root, "folder", {}, events.append, stop)


def test_a_dataset_is_judged_on_its_test_part_else_on_all_its_images(host, tmp_path):
    with_test = _with_test_part(tmp_path / "with")
    samples, source, key = evaluation_samples(host, with_test, None)
    assert {s.path.parent.parent.name for s in samples} == {"test"} and "its test part" in source
    assert key == str(with_test.resolve())
    without = tmp_path / "without"
    for c in ("a", "b"):
        image(without / c / "x.png")
    samples, source, _ = evaluation_samples(host, without, None)
    assert len(samples) == 2 and "all its images" in source


def test_a_training_stopped_while_its_images_are_checked_writes_no_run(host, tmp_path, workspace):
    """Stopped before training began (the scan obeys the stop, `Cancelled` ends the job): the
    result says so, and no run folder is left behind."""
    import threading

    from alexnet_desktop.core.training.fit import train

    root = _with_test_part(tmp_path / "data")
    stop = threading.Event()
    stop.set()
    result = train(TrainConfig(data=str(root), arch="tiny-test-net", epochs=1, image_size=16,
                               runs_dir=str(workspace.runs_dir)), host, stop=stop)
    assert result.status == "stopped" and "before training began" in str(result.error)
    assert result.run_dir == Path() and not list(workspace.runs_dir.glob("*"))
