"""A short real training through the core, the run folder it leaves, and prediction with it."""

from __future__ import annotations

import csv
import json
import threading

import pytest

from alexnet_desktop import cli
from alexnet_desktop.core.model.model_files import load_model_file
from alexnet_desktop.core.model.loaded import load_for_prediction
from alexnet_desktop.core.labelling.predict import folder_listing, predict_files
from alexnet_desktop.core.training.events import BatchEnded, EpochEnded, RunFinished, RunStarted
from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.training.fit import train


def _config(data, workspace, **kw):
    base = dict(data=str(data), arch="tiny-test-net", epochs=2, batch_size=4, image_size=16, runs_dir=str(workspace.runs_dir))
    base.update(kw)
    return TrainConfig(**base)


def test_core_training_writes_a_complete_run_folder(host, colour_dataset, workspace):
    events = []
    result = train(_config(colour_dataset, workspace), host, events.append)
    kinds = [type(e) for e in events]
    assert RunStarted in kinds and BatchEnded in kinds and kinds[-1] is RunFinished
    assert sum(isinstance(e, EpochEnded) for e in events) == 2
    assert result.status == "finished" and result.best_epoch in (1, 2)
    run = result.run_dir
    manifest = json.loads((run / "run.json").read_text())
    assert manifest["status"] == "finished"
    assert manifest["class_names"] == ["blue", "red"]
    assert manifest["architecture"]["id"] == "tiny-test-net"
    assert manifest["image_size"] == 16 and manifest["epochs_done"] == 2
    assert manifest["dataset"]["train_count"] + manifest["dataset"]["val_count"] == 12
    assert len(manifest["dataset"]["fingerprint"]) == 64
    assert "tensorflow" in manifest["versions"]
    rows = list(csv.DictReader(open(run / "history.csv")))
    assert [r["epoch"] for r in rows] == ["1", "2"] and "val_accuracy" in rows[0]
    assert (run / "labels.txt").read_text().split() == ["blue", "red"]
    model = load_model_file(run / "model.keras")  # safe mode
    assert model.output_shape[-1] == 2


@pytest.mark.parametrize(
    "settings, rates",
    [
        (dict(optimizer="sgd", learning_rate=0.1, lr_schedule="step", lr_step_epochs=1, lr_factor=0.5), [0.1, 0.05, 0.025]),
        (dict(optimizer="rmsprop", learning_rate=0.01, lr_schedule="plateau", lr_patience=1, lr_factor=0.5), None),
    ],
)
def test_optimizer_and_schedule_are_applied_and_saved_in_the_run(host, colour_dataset, workspace, settings, rates):
    result = train(_config(colour_dataset, workspace, epochs=3, weight_decay=1e-4, **settings), host)
    manifest = json.loads((result.run_dir / "run.json").read_text())
    saved = manifest["training"]  # the settings, stored once
    assert {k: saved[k] for k in settings} == settings and saved["weight_decay"] == 1e-4
    assert "optimization" not in manifest
    history = [float(r["learning_rate"]) for r in csv.DictReader(open(result.run_dir / "history.csv"))]
    if rates:
        assert history == pytest.approx(rates)
    else:  # reduce-on-plateau: never above the start, and only ever lowered by the factor
        assert history[0] == pytest.approx(0.01)
        assert all(b == pytest.approx(a) or b == pytest.approx(a * 0.5) for a, b in zip(history, history[1:]))


def test_stop_ends_after_the_current_batch_and_keeps_a_model(host, colour_dataset, workspace):
    stop = threading.Event()

    def emit(event):
        if isinstance(event, BatchEnded):
            stop.set()

    result = train(_config(colour_dataset, workspace, epochs=50, batch_size=2), host, emit, stop)
    assert result.status == "stopped"
    manifest = json.loads((result.run_dir / "run.json").read_text())
    assert manifest["status"] == "stopped" and manifest["epochs_done"] < 50
    assert (result.run_dir / "model.keras").is_file()


def test_bad_settings_fail_with_a_clear_message_and_no_run(host, colour_dataset, workspace):
    with pytest.raises(ValueError, match="smallest input it can take is 67x67"):
        train(_config(colour_dataset, workspace, arch="alexnet-bn", image_size=32), host)
    with pytest.raises(LookupError, match="no architecture 'nope'"):
        train(_config(colour_dataset, workspace, arch="nope"), host)
    assert not any(workspace.runs_dir.iterdir())


def test_unreadable_files_are_skipped_and_listed(host, colour_dataset, workspace):
    (colour_dataset / "red" / "broken.png").write_bytes(b"not a png")
    result = train(_config(colour_dataset, workspace, epochs=1), host)
    manifest = json.loads((result.run_dir / "run.json").read_text())
    rejected = manifest["dataset"]["rejected"]
    assert [r["path"].endswith("broken.png") for r in rejected] == [True]


@pytest.mark.slow
def test_alexnet_bn_trains_a_step_and_predicts_through_the_cli(host, colour_dataset, workspace, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("alexnet_desktop.core.plugins._default_host", host)  # the host every command uses
    code = cli.main([
        "train", str(colour_dataset), "--arch", "alexnet-bn", "--image-size", "67", "--epochs", "1",
        "--batch-size", "4", "--steps-per-epoch", "2", "--run-dir", str(workspace.runs_dir), "--json",
    ])
    assert code == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["status"] == "finished"
    unlabelled = tmp_path / "unlabelled"
    unlabelled.mkdir()
    for f in sorted(colour_dataset.rglob("*.png"))[::3]:
        (unlabelled / f.name).write_bytes(f.read_bytes())
    (unlabelled / "bad.jpg").write_text("text, not an image")
    out = tmp_path / "p.csv"
    assert cli.main(["predict", result["run_dir"], str(unlabelled), "--out", str(out)]) == 0
    rows = list(csv.DictReader(open(out)))
    assert len(rows) == len(list(unlabelled.iterdir()))
    assert list(rows[0])[:3] == ["path", "label", "confidence"] and {"blue", "red", "error"} <= set(rows[0])
    bad = next(r for r in rows if r["path"].endswith("bad.jpg"))
    assert bad["label"] == "" and "text file" in bad["error"]
    good = [r for r in rows if not r["error"]]
    assert all(r["label"] in ("blue", "red") and abs(float(r["blue"]) + float(r["red"]) - 1) < 1e-4 for r in good)


def test_cli_errors_are_one_line_and_non_zero(capsys, tmp_path):
    assert cli.main(["scan", str(tmp_path / "missing")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no such file or folder" in err
    assert cli.main(["predict", str(tmp_path), str(tmp_path)]) == 1
    assert "not a run folder" in capsys.readouterr().err


@pytest.mark.slow
def test_alexnet_learns_the_demo(host, workspace):
    """The end-to-end promise of the README: in ten epochs on a CPU, AlexNet's validation accuracy
    on the demo data reaches about 1.0 (0.95 here; the run is stopped there to spare the rest)."""
    from alexnet_desktop_plugins.demo_shapes import prepare_demo

    root = prepare_demo(workspace.datasets_dir)
    stop, reached = threading.Event(), []

    def stop_when_learnt(event):
        if isinstance(event, EpochEnded) and event.logs["val_accuracy"] >= 0.95:
            reached.append(event.epoch + 1)
            stop.set()

    result = train(TrainConfig(data=str(root), arch="alexnet-bn", image_size=128, epochs=10,
                               runs_dir=str(workspace.runs_dir)), host, stop_when_learnt, stop)
    assert reached and result.best_value >= 0.95, f"validation accuracy only {result.best_value} after ten epochs"
    loaded = load_for_prediction(result.run_dir)
    files = folder_listing(root / "triangles").files[:16]
    labels = [p.label for batch in predict_files(loaded, files) for p in batch]
    assert labels.count("triangles") >= 12


def test_training_on_cifar_files_with_augmentation_validating_on_the_test_part(host, tmp_path, workspace):
    from tests.dataset_files import write_cifar_python

    folder = write_cifar_python(tmp_path, per_batch=4)
    from alexnet_desktop.core.data.augment import preset

    cfg = _config(folder, workspace, epochs=1, val_source="test", augmentation=preset("paper").to_dict())
    result = train(cfg, host)
    manifest = json.loads((result.run_dir / "run.json").read_text())
    assert manifest["dataset"]["loader"] == "cifar10"
    assert manifest["split"]["source"] == "test" and manifest["dataset"]["val_count"] == 4
    assert manifest["dataset"]["train_count"] == 20
    assert manifest["augmentation"]["random_crop"] and manifest["augmentation"]["horizontal_flip"]
    assert manifest["best"]["metric"] == "val_accuracy"


def test_rejected_files_are_listed_in_the_run(host, colour_dataset, workspace):
    (colour_dataset / "red" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    result = train(_config(colour_dataset, workspace, epochs=1, augmentation={"rotation": 10.0, "zoom": 0.1}), host)
    manifest = json.loads((result.run_dir / "run.json").read_text())
    (rejected,) = manifest["dataset"]["rejected"]
    assert rejected["path"].endswith("broken.png") and rejected["reason"]
    assert manifest["augmentation"]["rotation"] == 10.0


def test_a_dataset_over_the_cache_budget_is_streamed_and_trains_to_the_same_weights(host, colour_dataset, workspace,
                                                                                    monkeypatch):
    """Streaming (decoding every epoch) is the cached run's twin: the seeded shuffle orders the
    files the same way, so the weights agree; the job's streams share one budget."""
    from alexnet_desktop.core.data import pipeline
    from alexnet_desktop.core.model.model_files import load_model_file

    taken: list[tuple[int, bool]] = []
    real_take = pipeline.CacheBudget.take

    def take(self, nbytes):
        taken.append((nbytes, fits := real_take(self, nbytes)))
        return fits

    monkeypatch.setattr(pipeline.CacheBudget, "take", take)
    weights = {}
    for budget in (2**30, 0):
        monkeypatch.setattr(pipeline, "CACHE_BUDGET_BYTES", budget)
        result = train(_config(colour_dataset, workspace, seed=7, epochs=1, augmentation={"horizontal_flip": True}),
                       host, lambda e: None)
        weights[budget] = load_model_file(result.run_dir / "model.keras").get_weights()
    train_bytes, val_bytes = 16 * 16 * 3 * 10, 16 * 16 * 3 * 2  # 12 images, a sixth held out
    assert taken == [(train_bytes, True), (val_bytes, True), (train_bytes, False), (val_bytes, False)]
    assert all((a == b).all() for a, b in zip(weights[2**30], weights[0]))
    shared = pipeline.CacheBudget(100)
    assert shared.take(60) and not shared.take(41) and shared.take(40) and shared.left == 0
