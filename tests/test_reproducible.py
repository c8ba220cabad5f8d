"""Two runs with the same data, settings and --seed give the same weights (#32)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.cli import run_cli


def _train(data, runs, seed: int) -> dict:
    done = run_cli("train", data, "--arch", "small-cnn", "--image-size", 32, "--epochs", 2, "--batch-size", 4,
                   "--seed", seed, "--augment", "seed003", "--run-dir", runs, "--json", timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _weights(run_dir) -> list[np.ndarray]:
    from alexnet_desktop.core.model.model_files import load_model_file

    return load_model_file(run_dir / "model.keras").get_weights()


@pytest.mark.slow
def test_two_seeded_runs_give_the_same_weights_and_record_how(colour_dataset, tmp_path):
    runs = tmp_path / "runs"
    first, second = _train(colour_dataset, runs, 7), _train(colour_dataset, runs, 7)
    a, b = _weights(runs / first["run_dir"]), _weights(runs / second["run_dir"])
    assert len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b))
    other = _weights(runs / _train(colour_dataset, runs, 8)["run_dir"])
    assert not all(np.array_equal(x, y) for x, y in zip(a, other))  # the seed matters: the test can fail
    record = json.loads((runs / first["run_dir"] / "run.json").read_text(encoding="utf-8"))
    assert record["reproducibility"]["seed"] == 7 and record["reproducibility"]["op_determinism"] is True
    assert record["training"]["seed"] == 7 and record["versions"]["tensorflow"]
    assert record["dataset"]["fingerprint"]
