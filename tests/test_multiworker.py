"""Training on several machines: worker processes on 127.0.0.1, as on two workstations.

Each worker is the `alexnet-desktop train` command in a fresh process, with its own place
in the cluster. Every process a test starts is killed when the test ends.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from alexnet_desktop.core.training.cluster import ClusterError, ClusterSpec
from alexnet_desktop.gui.plots import VAL_EPOCH
from tests.cli import run_cli
from tests.conftest import write_colour_dataset

def free_ports(n: int) -> list[int]:
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


@pytest.fixture
def processes():
    """Started processes; every one still running at the end is killed, with its children."""
    started: list[subprocess.Popen] = []
    yield started
    for p in started:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
        p.wait(timeout=30)


def start_worker(processes, data: Path, runs: Path, cluster: list[str], index: int, log: Path, *extra: str,
                 epochs: int = 2, timeout: float = 60) -> subprocess.Popen:
    env = {**os.environ, "CUDA_VISIBLE_DEVICES": "", "TF_CPP_MIN_LOG_LEVEL": "2"}
    env.pop("TF_CONFIG", None)
    env["TMPDIR"] = str(log.parent / "tmp")  # where a worker's temporary run folder goes
    (log.parent / "tmp").mkdir(exist_ok=True)
    cmd = [sys.executable, "-m", "alexnet_desktop", "train", str(data), "--arch", "small-cnn", "--image-size", "32",
           "--epochs", str(epochs), "--batch-size", "4", "--run-dir", str(runs), "--json",
           "--cluster", ",".join(cluster), "--worker-index", str(index), "--cluster-timeout", str(timeout), *extra]
    out = open(log, "w")
    p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    out.close()
    processes.append(p)
    return p


def wait_until(condition, timeout: float, what: str) -> None:
    """Poll `condition` (files another process writes: there is no signal to wait on)."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def history_rows(runs: Path) -> list[dict]:
    found = list(runs.glob("*/history.csv"))
    if not found:
        return []
    with open(found[0], newline="") as f:
        return list(csv.DictReader(f))


def result_of(log: Path) -> dict:
    lines = [l for l in log.read_text().splitlines() if l.startswith("{")]
    assert lines, log.read_text()[-3000:]
    return json.loads(lines[-1])


def test_cluster_descriptions():
    spec = ClusterSpec.from_flags("10.0.0.1:2222, 10.0.0.2:2222", 0)
    assert spec.describe() == "worker 0 of 2, chief" and spec.peers == ["10.0.0.2:2222"]
    assert ClusterSpec.from_flags("10.0.0.1:2222,10.0.0.2:2222", 1).describe() == "worker 1 of 2"
    tf_config = json.dumps({"cluster": {"chief": ["a:1"], "worker": ["b:2", "c:3"]}, "task": {"type": "worker", "index": 1}})
    assert ClusterSpec.from_tf_config(tf_config).index == 2
    for bad, why in (("a:1,a:1", "twice"), ("a:1,b", "HOST:PORT"), ("a:1,b:99999", "port 99999 is not from 1 to 65535")):
        with pytest.raises(ClusterError, match=why):
            ClusterSpec.from_flags(bad, 0)
    with pytest.raises(ClusterError, match="not in the cluster of 2"):
        ClusterSpec.from_flags("a:1,b:2", 2)
    with pytest.raises(ClusterError, match="not a valid cluster"):
        ClusterSpec.from_tf_config("{nope")


@pytest.mark.cluster
def test_two_workers_train_one_run_that_predicts(tmp_path, processes):
    data = write_colour_dataset(tmp_path / "data", per_class=6, side=32)
    # Both learn from the same unlabelled folder (other images: the classes drawn in another order).
    pool = write_colour_dataset(tmp_path / "pool", classes=("red", "blue"), per_class=6, side=32)
    runs = tmp_path / "runs"
    cluster = [f"127.0.0.1:{p}" for p in free_ports(2)]
    logs = [tmp_path / f"worker{i}.log" for i in range(2)]
    workers = [start_worker(processes, data, runs, cluster, i, logs[i], "--unlabelled", str(pool)) for i in range(2)]
    for w, log in zip(workers, logs):
        assert w.wait(timeout=240) == 0, log.read_text()[-3000:]

    chief, other = result_of(logs[0]), result_of(logs[1])
    assert chief["status"] == other["status"] == "finished"
    assert other["run_dir"] is None and other["worker"]["this_worker"] == 1
    run_dirs = [p for p in runs.iterdir() if p.is_dir()]
    assert [str(p) for p in run_dirs] == [chief["run_dir"]]  # exactly one run folder, the chief's
    assert not list(runs.glob(".cluster-*"))  # the note for restarts is gone once the run finished
    assert [r["epoch"] for r in history_rows(runs)] == ["1", "2"]
    manifest = json.loads((run_dirs[0] / "run.json").read_text())
    assert manifest["cluster"]["workers"] == cluster and manifest["cluster"]["this_worker"] == 0
    assert "worker 0 of 2, chief" in manifest["strategy"]
    assert manifest["unlabelled"]["files"] == 12 and manifest["unlabelled"]["in_labelled_set"] == 0
    assert all("unlabelled_confident" in r for r in history_rows(runs))
    assert "worker 1 of 2" in logs[1].read_text() and "worker 0 of 2, chief" in logs[0].read_text()
    # The other worker's temporary folder is gone.
    temp = [l.split("run ", 1)[1].strip() for l in logs[1].read_text().splitlines() if l.startswith("run /")]
    assert temp and not Path(temp[0]).exists()

    predicted = run_cli("predict", run_dirs[0], data / "red", ok=True, timeout=120)
    rows = [l.split("\t") for l in predicted.stdout.splitlines()]
    assert len(rows) == 6 and all(r[1] in ("blue", "red") for r in rows)


@pytest.mark.cluster
def test_a_killed_worker_started_again_continues_the_run(tmp_path, processes):
    data = write_colour_dataset(tmp_path / "data", per_class=6, side=32)
    runs = tmp_path / "runs"
    cluster = [f"127.0.0.1:{p}" for p in free_ports(2)]
    logs = [tmp_path / "worker0.log", tmp_path / "worker1.log", tmp_path / "worker1-again.log"]
    chief = start_worker(processes, data, runs, cluster, 0, logs[0], epochs=4)
    other = start_worker(processes, data, runs, cluster, 1, logs[1], epochs=4)
    wait_until(lambda: len(history_rows(runs)) >= 1 or chief.poll() is not None, 240, "the first epoch")
    os.killpg(other.pid, signal.SIGKILL)
    other.wait(timeout=30)
    done_before = len(history_rows(runs))
    assert done_before < 4, "the run ended before a worker could be killed"

    again = start_worker(processes, data, runs, cluster, 1, logs[2], epochs=4)
    assert again.wait(timeout=240) == 0, logs[2].read_text()[-3000:]
    assert chief.wait(timeout=120) == 0, logs[0].read_text()[-3000:]
    assert result_of(logs[0])["status"] == "finished"
    assert [r["epoch"] for r in history_rows(runs)] == ["1", "2", "3", "4"]
    assert "lost contact with" in logs[0].read_text()
    run_dir = Path(result_of(logs[0])["run_dir"])
    resumed = json.loads((run_dir / "run.json").read_text())["resumed"]
    assert resumed and resumed[0]["at_epoch"] >= 1
    assert "Resuming after epoch" in logs[2].read_text()
    # The killed worker's temporary run folder was replaced by its successor's, which removed it.
    assert not list((tmp_path / "tmp").glob("alexnet-desktop-worker-*"))


@pytest.mark.cluster
def test_an_unreachable_peer_is_named_within_the_timeout(tmp_path, processes):
    data = write_colour_dataset(tmp_path / "data", per_class=3, side=32)
    cluster = [f"127.0.0.1:{p}" for p in free_ports(2)]
    log = tmp_path / "worker0.log"
    started = time.monotonic()
    chief = start_worker(processes, data, tmp_path / "runs", cluster, 0, log, timeout=4)
    assert chief.wait(timeout=90) != 0  # ended by its watchdog: TensorFlow's wait cannot be interrupted
    text = log.read_text()
    assert f"no answer from {cluster[1]} after 4 s" in text, text[-2000:]
    assert time.monotonic() - started < 60
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())


@pytest.mark.cluster
def test_workers_with_different_data_stop_with_a_clear_error(tmp_path, processes):
    data = write_colour_dataset(tmp_path / "data", per_class=4, side=32)
    other_data = write_colour_dataset(tmp_path / "other", per_class=5, side=32)
    cluster = [f"127.0.0.1:{p}" for p in free_ports(2)]
    logs = [tmp_path / f"worker{i}.log" for i in range(2)]
    workers = [start_worker(processes, d, tmp_path / "runs", cluster, i, logs[i])
               for i, d in enumerate((data, other_data))]
    for w, log in zip(workers, logs):
        assert w.wait(timeout=180) == 1, log.read_text()[-2000:]
        assert f"the dataset differs between the chief ({cluster[0]}) and worker(s) 1 ({cluster[1]})" in log.read_text()
    assert not (tmp_path / "runs").exists() or not [p for p in (tmp_path / "runs").iterdir() if p.is_dir()]


@pytest.mark.cluster
def test_workers_with_different_unlabelled_images_stop_with_a_clear_error(tmp_path, processes):
    data = write_colour_dataset(tmp_path / "data", per_class=4, side=32)
    pools = [write_colour_dataset(tmp_path / f"pool{i}", classes=("red", "blue"), per_class=3 + i, side=32)
             for i in range(2)]
    cluster = [f"127.0.0.1:{p}" for p in free_ports(2)]
    logs = [tmp_path / f"worker{i}.log" for i in range(2)]
    workers = [start_worker(processes, data, tmp_path / "runs", cluster, i, logs[i], "--unlabelled", str(pools[i]))
               for i in range(2)]
    for w, log in zip(workers, logs):
        assert w.wait(timeout=180) == 1, log.read_text()[-2000:]
        text = log.read_text()
        assert f"the unlabelled folder differs between the chief ({cluster[0]}) and worker(s) 1" in text, text[-2000:]
        assert "the same unlabelled images" in text
    assert not (tmp_path / "runs").exists() or not [p for p in (tmp_path / "runs").iterdir() if p.is_dir()]


@pytest.mark.cluster
def test_workers_with_different_settings_are_told_which(tmp_path, processes):
    data = write_colour_dataset(tmp_path / "data", per_class=4, side=32)
    cluster = [f"127.0.0.1:{p}" for p in free_ports(2)]
    logs = [tmp_path / f"worker{i}.log" for i in range(2)]
    workers = [start_worker(processes, data, tmp_path / "runs", cluster, 0, logs[0], "--augment", "none"),
               start_worker(processes, data, tmp_path / "runs", cluster, 1, logs[1], "--lr", "0.01")]
    for w, log in zip(workers, logs):
        assert w.wait(timeout=180) == 1, log.read_text()[-2000:]
        assert "differ between the chief" in log.read_text() and "in: learning_rate." in log.read_text()


@pytest.mark.cluster
def test_the_window_trains_as_the_chief_of_a_cluster(qtbot, window, workspace, tmp_path, processes):
    """The Train page's Cluster group: this window is worker 0, a command on "another machine" is worker 1."""
    data = write_colour_dataset(tmp_path / "data", per_class=6, side=32)
    with qtbot.waitSignal(window.data_page.scan_finished, timeout=30000):
        window.data_page.choose_folder(data)
    qtbot.waitUntil(lambda: not window.data_page.runner.is_running())
    s = window.state.settings
    s.arch, s.image_size, s.epochs, s.batch_size = "small-cnn", 32, 2, 4
    page = window.train_page
    cluster = [f"127.0.0.1:{p}" for p in free_ports(2)]
    page.cluster_box.set_spec(",".join(cluster), 0, 60)
    window.tabs.setCurrentWidget(page)
    runs = workspace.ensure().runs_dir
    # The other machine's worker is the command a user types there, with the window's settings
    # given as flags (the window's "no augmentation" and the command's are one setting).
    other = start_worker(processes, data, runs, cluster, 1, tmp_path / "worker1.log")
    with qtbot.waitSignal(page.runner.finished, timeout=240000):
        page.start_button.click()
    assert other.wait(timeout=60) == 0, (tmp_path / "worker1.log").read_text()[-3000:]
    assert "Finished" in page.status.text(), page.status.text()
    assert "worker 0 of 2, chief" in page.device_panel.device.text()
    assert page.device_panel.title() == "Device: worker 0 of 2, chief"
    assert not page.pause_button.isEnabled()
    run_dirs = [p for p in runs.iterdir() if p.is_dir()]
    assert run_dirs == [page.run_dir]
    assert [r["epoch"] for r in history_rows(runs)] == ["1", "2"]
    assert page.curves.point_count("loss", VAL_EPOCH) == 2  # the chief's progress reached the page
