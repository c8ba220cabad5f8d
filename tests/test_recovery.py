"""Training a lab can leave running: kill and resume, pause, divergence, early stop, out of
memory, and data-parallel training over two logical CPUs."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from alexnet_desktop.core.runs.folder import RunFolder, effective_status
from alexnet_desktop.core.training.events import BatchEnded, PauseChanged, RunFinished
from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.training.fit import resume, train

ROOT = Path(__file__).resolve().parents[1]


def _config(data, workspace, **kw):
    base = dict(data=str(data), arch="tiny-test-net", epochs=4, batch_size=4, image_size=16, runs_dir=str(workspace.runs_dir))
    base.update(kw)
    return TrainConfig(**base)


def _killed_run(tmp_path, data, workspace, kill_when: str, **settings) -> Path:
    """Train in a child process that SIGKILLs itself when `kill_when` (a Python expression
    over `event`) first holds; return the run folder it leaves."""
    script = tmp_path / "killed.py"
    script.write_text(textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from alexnet_desktop.core.plugins import PluginHost
        from alexnet_desktop.core.training.events import BatchEnded, EpochEnded
        from alexnet_desktop.core.training.config import TrainConfig
        from alexnet_desktop.core.training.fit import train
        from tests import tiny_plugin
        host = PluginHost()
        host.register(tiny_plugin, "tiny_plugin")
        def emit(event):
            if {kill_when}:
                os.kill(os.getpid(), signal.SIGKILL)
        train(TrainConfig(**{dict(data=str(data), arch="tiny-test-net", epochs=4, batch_size=4, image_size=16,
                                  runs_dir=str(workspace.runs_dir), **settings)!r}), host, emit)
    """))
    env = {**os.environ, "CUDA_VISIBLE_DEVICES": "", "TF_CPP_MIN_LOG_LEVEL": "3"}
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == -9, out.stderr[-3000:]
    (run_dir,) = [p for p in workspace.runs_dir.iterdir() if p.is_dir()]
    return run_dir


def _iterations(run_dir: Path) -> int:
    from alexnet_desktop.core.tf_runtime import keras

    model = keras().saving.load_model(str(run_dir / "checkpoint.keras"), compile=True, safe_mode=True)
    return int(keras().ops.convert_to_numpy(model.optimizer.iterations))


@pytest.mark.slow  # trains in a new process, killed, then resumed
def test_a_run_killed_after_epoch_2_of_4_resumes_to_4_epochs_with_its_step_count(
    host, colour_dataset, workspace, tmp_path
):
    run_dir = _killed_run(tmp_path, colour_dataset, workspace, "isinstance(event, EpochEnded) and event.epoch == 1",
                          optimizer="sgd", learning_rate=0.05, lr_schedule="step", lr_step_epochs=1, lr_factor=0.5)
    manifest = json.loads((run_dir / "run.json").read_text())
    assert manifest["status"] == "running" and manifest["epochs_done"] == 2
    assert effective_status(manifest) == "interrupted"  # its process is gone
    steps = -(-manifest["dataset"]["train_count"] // 4)
    assert _iterations(run_dir) == 2 * steps

    events = []
    result = resume(run_dir, host, events.append)
    assert result.status == "finished"
    started = [e for e in events if type(e).__name__ == "RunStarted"][0]
    assert started.initial_epoch == 2 and len(started.history) == 2
    rows = list(csv.DictReader(open(run_dir / "history.csv")))
    assert [r["epoch"] for r in rows] == ["1", "2", "3", "4"]
    # The step schedule went on where it was: halved every epoch, epochs 3 and 4 included.
    assert [float(r["learning_rate"]) for r in rows] == pytest.approx([0.05, 0.025, 0.0125, 0.00625])
    assert _iterations(run_dir) == 4 * steps  # the optimizer's step count continued
    manifest = json.loads((run_dir / "run.json").read_text())
    assert manifest["status"] == "finished" and manifest["epochs_done"] == 4
    assert manifest["resumed"][0]["at_epoch"] == 2
    assert any((run_dir / "logs").rglob("events.out.tfevents*"))


@pytest.mark.slow  # trains in a new process, killed, then extended
def test_a_kill_mid_epoch_loses_only_that_epoch_and_a_finished_run_can_be_extended(
    host, colour_dataset, workspace, tmp_path
):
    run_dir = _killed_run(tmp_path, colour_dataset, workspace,
                          "isinstance(event, BatchEnded) and event.epoch == 2 and event.step == 2")
    assert len(RunFolder(run_dir).read_history()) == 2  # epochs 1 and 2 kept; epoch 3 was lost
    assert resume(run_dir, host).status == "finished"
    with pytest.raises(ValueError, match="epochs to add"):
        resume(run_dir, host)
    result = resume(run_dir, host, more_epochs=2)
    assert result.status == "finished"
    assert [int(r["epoch"]) for r in RunFolder(run_dir).read_history()] == [1, 2, 3, 4, 5, 6]
    assert json.loads((run_dir / "run.json").read_text())["training"]["epochs"] == 6


def test_a_run_still_being_trained_cannot_be_resumed(host, colour_dataset, workspace):
    stop = threading.Event()
    seen = {}

    def emit(event):
        if isinstance(event, BatchEnded) and event.epoch == 1 and "tried" not in seen:
            run_dir = next(p for p in workspace.runs_dir.iterdir() if p.is_dir())
            with pytest.raises(ValueError, match="running"):
                resume(run_dir, host)
            seen["tried"] = True
            stop.set()

    result = train(_config(colour_dataset, workspace), host, emit, stop)
    assert seen and result.status == "stopped"
    assert resume(result.run_dir, host).status == "finished"  # a stopped run resumes


def test_pause_holds_the_run_after_a_batch_until_cleared(host, colour_dataset, workspace):
    pause = threading.Event()
    events = []
    steps_while_paused = []

    def emit(event):
        events.append(event)
        if isinstance(event, BatchEnded) and event.epoch == 0 and event.step == 1:
            pause.set()
        if isinstance(event, PauseChanged) and event.paused:
            # The training thread is held: nothing else can be emitted until we clear it.
            steps_while_paused.append(len(events))
            threading.Timer(0.2, pause.clear).start()

    result = train(_config(colour_dataset, workspace, epochs=2), host, emit, pause=pause)
    assert result.status == "finished"
    flags = [e.paused for e in events if isinstance(e, PauseChanged)]
    assert flags[:2] == [True, False]
    i = steps_while_paused[0]
    assert isinstance(events[i - 2], BatchEnded) and events[i - 2].step == 1
    assert isinstance(events[i], PauseChanged) and not events[i].paused


@pytest.mark.slow
def test_a_huge_learning_rate_diverges_and_keeps_the_last_good_epoch(host, colour_dataset, workspace, monkeypatch):
    # The settings refuse a rate above 10, and no allowed rate blows this small net up; the
    # divergence guard is for what still does (a bad batch, a bad plugin), so the bound is lifted.
    from dataclasses import replace
    from alexnet_desktop.core.training import config as config_module, settings
    lifted = tuple(replace(s, high=1e31) if s.name == "learning_rate" else s for s in settings.SETTINGS)
    monkeypatch.setattr(settings, "SETTINGS", lifted)
    monkeypatch.setattr(config_module, "SETTINGS", lifted)
    events = []
    result = train(_config(colour_dataset, workspace, optimizer="sgd", learning_rate=1e30), host, events.append)
    assert result.status == "diverged" and isinstance(events[-1], RunFinished)
    assert "NaN" in result.note and "learning rate" in result.note and "No epoch finished" in result.note

    good = train(_config(colour_dataset, workspace, optimizer="sgd", learning_rate=0.01, epochs=1), host)
    run = RunFolder(good.run_dir)
    kept = {p: p.read_bytes() for p in (run.model_path, run.checkpoint_path)}
    result = resume(run.path, host, more_epochs=2, learning_rate=1e30)  # the rate blows up in epoch 2
    assert result.status == "diverged" and "checkpoint of the last finished epoch are kept" in result.note
    manifest = run.manifest()
    assert manifest.status == "diverged" and "NaN" in manifest.note
    assert all(p.read_bytes() == data for p, data in kept.items())  # epoch 1, untouched
    assert len(run.read_history()) == 1
    # From the last good epoch at a sane rate, it goes on.
    assert resume(run.path, host, learning_rate=0.01).status == "finished"
    assert [int(r["epoch"]) for r in run.read_history()] == [1, 2, 3]


def test_early_stopping_ends_the_run_after_the_patience(host, colour_dataset, workspace):
    # A rate of zero learns nothing: validation accuracy never improves after epoch 1.
    result = train(_config(colour_dataset, workspace, epochs=20, early_stopping=2, optimizer="sgd",
                           learning_rate=1e-12), host)
    assert result.status == "finished" and "early" in result.note
    assert len(RunFolder(result.run_dir).read_history()) == 3  # best at 1, then 2 without better


def test_out_of_memory_offers_half_the_batch_size(host, colour_dataset, workspace, monkeypatch):
    from alexnet_desktop.core.tf_runtime import keras, tensorflow

    def fit(*args, **kwargs):
        raise tensorflow().errors.ResourceExhaustedError(None, None, "OOM when allocating tensor with shape[4,96,55,55]")

    monkeypatch.setattr(keras().Model, "fit", fit)
    events = []
    result = train(_config(colour_dataset, workspace, batch_size=8), host, events.append)
    assert result.status == "failed" and result.retry_batch_size == 4
    assert "out of memory at batch size 8; try 4" in result.error
    assert json.loads((result.run_dir / "run.json").read_text())["status"] == "failed"


@pytest.mark.slow  # trains in a new process with a mirrored strategy
def test_data_parallel_training_over_two_logical_cpus(tmp_path, colour_dataset, workspace):
    """MirroredStrategy, as on a machine with two GPUs, on the CPU split in two."""
    script = tmp_path / "mirrored.py"
    script.write_text(textwrap.dedent(f"""
        import json, sys
        sys.path.insert(0, {str(ROOT)!r})
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
        cfg = TrainConfig(data={str(colour_dataset)!r}, arch="tiny-test-net", epochs=2, batch_size=4, image_size=16,
                          runs_dir={str(workspace.runs_dir)!r}, devices=["/cpu:0", "/cpu:1"])
        result = train(cfg, host)
        again = resume(result.run_dir, host, more_epochs=1)
        print(json.dumps({{"status": again.status, "run": str(result.run_dir)}}))
    """))
    env = {**os.environ, "CUDA_VISIBLE_DEVICES": "", "TF_CPP_MIN_LOG_LEVEL": "3"}
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["status"] == "finished"
    manifest = json.loads((Path(result["run"]) / "run.json").read_text())
    assert manifest["strategy"] == "MirroredStrategy over CPU:0, CPU:1"
    assert manifest["epochs_done"] == 3


def test_an_unknown_device_is_refused_with_the_ones_there_are(host, colour_dataset, workspace):
    with pytest.raises(ValueError, match="no device '/gpu:7'.*CPU:0"):
        train(_config(colour_dataset, workspace, devices=["/gpu:7"]), host)


def _rss_mb() -> float:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024


def _live_models() -> int:
    import gc

    from alexnet_desktop.core.tf_runtime import keras

    gc.unfreeze()  # a run's release freezes what survives it: a model kept alive would hide there
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, keras().Model))


@pytest.mark.timeout(300)
@pytest.mark.slow
def test_five_trainings_in_one_process_do_not_keep_their_models(host, colour_dataset, workspace):
    import gc

    rss, models, walked = [], [], []
    for i in range(5):
        # A worker thread per run, as the window does.
        out = []
        t = threading.Thread(target=lambda: out.append(train(_config(colour_dataset, workspace, epochs=1, seed=i), host)))
        t.start()
        t.join()
        assert out and out[0].status == "finished"
        rss.append(_rss_mb())
        walked.append(len(gc.get_objects()))  # what the next full garbage collection walks
        models.append(_live_models())
    assert models == [0] * 5, f"models left alive after each run: {models}"
    # TensorFlow keeps ~24,000 objects of each run; unfrozen, every full collection (which
    # stops the window too) walked them all again, a little longer after every run.
    assert max(walked) < 10000, f"objects a full garbage collection walks after each run: {walked}"
    # The first run pays TensorFlow's one-off costs; after it, memory stays level.
    assert rss[-1] - rss[1] < 60, f"resident memory grew from {rss[1]:.0f} to {rss[-1]:.0f} MB over runs 2-5"
