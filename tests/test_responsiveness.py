"""What keeps the window responsive while TensorFlow works (benchmark R5), as behaviour
that can be checked without timing anything."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="thread priorities are read from /proc")
@pytest.mark.slow
def test_tensorflows_compute_threads_run_below_the_window(tmp_path):
    """The device panel polls from the GUI thread before the loader has started TensorFlow's
    runtime; the runtime's threads must still start from the low-priority loader, or every
    training step competes with the window for a core (benchmark R5: 360 ms stalls)."""
    script = tmp_path / "priorities.py"
    script.write_text(textwrap.dedent(f"""
        import os, sys, threading
        sys.path.insert(0, {str(ROOT)!r})
        from alexnet_desktop.core import tf_runtime
        from alexnet_desktop.core.training.devices import DeviceMonitor
        from alexnet_desktop.core.threads import BACKGROUND_NICENESS, lower_priority
        imported, polled = threading.Event(), threading.Event()
        def loader():  # as the window's loader: low priority, import, then start the runtime
            lower_priority()
            tf_runtime.tensorflow()
            imported.set()
            polled.wait()
            tf_runtime.start_runtime()
        thread = threading.Thread(target=loader)
        thread.start()
        imported.wait()
        DeviceMonitor().readings()  # the panel polls on this ("GUI") thread in between
        polled.set()
        thread.join()
        tf = tf_runtime.tensorflow()
        def work():  # as a training or prediction worker
            lower_priority()
            tf.reduce_sum(tf.matmul(tf.ones((256, 256)), tf.ones((256, 256)))).numpy()
        worker = threading.Thread(target=work)
        worker.start(); worker.join()
        me = threading.get_native_id()
        def niceness(tid):
            return int(open(f"/proc/self/task/{{tid}}/stat").read().rsplit(")", 1)[1].split()[16])
        others = []
        for t in os.listdir("/proc/self/task"):
            try:
                others += [niceness(t)] if int(t) != me else []
            except OSError:
                pass  # a thread that has just ended
        print(len(others), min(others), BACKGROUND_NICENESS)
    """))
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    count, lowest, background = map(int, out.stdout.split()[-3:])
    assert count >= 2 and lowest == background


def test_the_run_list_reads_a_manifest_again_only_when_it_changed(tmp_path, monkeypatch):
    """The pages list the runs as a run ends, while the worker is still busy; unchanged
    manifests are not opened again, a changed one is."""
    import json

    from alexnet_desktop.core.runs.folder import list_runs
    from alexnet_desktop.core.runs.manifest import RunManifest

    for name in ("20260101-000000_a", "20260102-000000_b"):
        (tmp_path / name).mkdir()
        RunManifest.from_record({"status": "finished", "name": name}).write(tmp_path / name)
    (tmp_path / "not-a-run").mkdir()
    (tmp_path / "20260103-000000_damaged").mkdir()
    (tmp_path / "20260103-000000_damaged" / "run.json").write_text("{")
    assert [m.extra["name"] for _, m in list_runs(tmp_path)] == ["20260102-000000_b", "20260101-000000_a"]

    import alexnet_desktop.core.runs.manifest as manifests

    reads: list[str] = []
    real = manifests.read_text  # every file read back goes through core.files' checked reader
    monkeypatch.setattr(manifests, "read_text", lambda path, *a, **k: reads.append(Path(path).parent.name) or real(path, *a, **k))
    RunManifest.change(tmp_path / "20260101-000000_a", status="failed")
    runs = list_runs(tmp_path)
    assert [m.status for _, m in runs] == ["finished", "failed"]
    assert sorted(set(reads)) == ["20260101-000000_a", "20260103-000000_damaged"]
    runs[0][1].status = "changed by a caller"  # each caller gets its own copy
    assert list_runs(tmp_path)[0][1].status == "finished"
    assert json.loads((tmp_path / "20260102-000000_b" / "run.json").read_text())["status"] == "finished"


@pytest.mark.slow
def test_tensorflow_starts_without_scikit_learn_which_is_still_there_for_label_checking():
    """Keras's scikit-learn wrappers are left out of TensorFlow's start (a fifth of each command's
    start); scikit-learn itself imports afterwards, and a Keras model still trains beside it."""
    script = textwrap.dedent("""
        import sys
        from alexnet_desktop.core import tf_runtime
        keras = tf_runtime.keras()
        assert "sklearn" not in sys.modules, "scikit-learn was imported with TensorFlow"
        from sklearn.linear_model import LogisticRegression
        LogisticRegression().fit([[0.0], [1.0]], [0, 1])
        model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(2, activation="softmax")])
        model.compile("sgd", "sparse_categorical_crossentropy")
        import numpy as np
        model.fit(np.array([[0.0], [1.0]]), np.array([0, 1]), verbose=0)
        print("ok")
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=ROOT,
                         env={**os.environ, "CUDA_VISIBLE_DEVICES": ""})
    assert out.returncode == 0 and out.stdout.strip().endswith("ok"), out.stderr[-3000:]
