"""The app's cluster worker process says how it ended as data: its exit status and a last JSON
line on stdout (`outcome_line`), read by `run_worker_process`; its stderr is never parsed."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass

import pytest

from alexnet_desktop.core.events import Message
from alexnet_desktop.core.training import worker_process
from alexnet_desktop.core.training.cluster import ClusterError, ClusterSpec
from alexnet_desktop.core.training.worker_process import Outcome, event_to_line, line_to_outcome, outcome_line
from tests.cli import run_cli


@dataclass
class _Config:
    data: str = "nowhere"


def _child(monkeypatch, script: str) -> None:
    """Run `script` in place of the worker's `alexnet-desktop train` command."""
    monkeypatch.setattr(worker_process, "worker_command", lambda config_file, spec: [sys.executable, "-c", script])


SPEC = ClusterSpec(("127.0.0.1:1", "127.0.0.1:2"), 0)


def test_the_error_comes_from_the_outcome_line_not_from_stderr_text(monkeypatch):
    message = event_to_line(Message("cluster formed: worker 0 of 2, chief"))
    _child(monkeypatch, f"""import sys
sys.stderr.write("alexnet-desktop train: error: a decoy on stderr\\n")
print({message!r})
print({outcome_line("error", "worker 1 trains on other data")!r})
sys.exit(1)""")
    seen = []
    with pytest.raises(ClusterError, match="^worker 1 trains on other data$"):
        worker_process.run_worker_process(_Config(), SPEC, seen.append)
    assert seen == [Message("cluster formed: worker 0 of 2, chief")]


def test_a_worker_that_dies_without_an_outcome_is_named_by_its_exit_status(monkeypatch):
    _child(monkeypatch, "import sys; sys.stderr.write('Traceback ... error: not for the user\\n'); sys.exit(3)")
    with pytest.raises(ClusterError, match=r"ended \(status 3\) without finishing"):
        worker_process.run_worker_process(_Config(), SPEC)


def test_outcome_lines_round_trip_and_other_lines_are_not_outcomes():
    assert line_to_outcome(outcome_line("stopped", None)) == Outcome("stopped", "")
    assert line_to_outcome(event_to_line(Message("hello"))) is None
    assert line_to_outcome("2026-12-06 TensorFlow says hello") is None


def test_train_with_events_ends_with_an_outcome_line_when_it_cannot_start(tmp_path):
    missing = tmp_path / "missing"
    done = run_cli("train", missing, "--events", timeout=120)
    assert done.returncode == worker_process.EXIT_FAILED, done.stderr[-2000:]
    last = json.loads(done.stdout.strip().splitlines()[-1])
    assert last["outcome"] == "error" and str(missing) in last["error"]
