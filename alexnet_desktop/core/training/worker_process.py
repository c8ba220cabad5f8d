"""A cluster worker started by the app: `alexnet-desktop train` in a process of its own.

A worker of a cluster must create TensorFlow's multi-worker strategy before TensorFlow does
anything else in its process, and the app has long since started TensorFlow (its device
panel, earlier runs). So the app runs the worker as a child process, the same command a
terminal would run, and follows it through one JSON line per event on the child's stdout:
`run_worker_process` turns those lines back into the training events, so the Train page
shows a cluster run as it shows any other. The child says how it ended the same way: its exit
status (`EXIT_*`) and a last line `{"outcome": ..., "error": ...}` (`outcome_line`); its
stderr is for a person reading a terminal and is never parsed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any, NamedTuple

from alexnet_desktop.core.training.cluster import ClusterError, ClusterSpec
from alexnet_desktop.core.events import Emit, Message, Progress, no_emit
from alexnet_desktop.core.wording import from_record, say, to_record

# A worker process's exit status: done (finished or stopped), failed (its error in the outcome
# line), wrong usage (argparse's), interrupted (a second Ctrl-C, or a signal).
EXIT_DONE, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class Outcome(NamedTuple):
    """How a worker process ended, from its last line: a run's status ("finished", "stopped",
    "diverged", "failed") or "error" (it could not train at all), and the reason when failed."""

    outcome: str
    error: str = ""


def outcome_line(outcome: str, error: str | None = "") -> str:
    """The line a worker process writes last on stdout to say how it ended."""
    return json.dumps({"outcome": outcome, "error": error or ""})


def line_to_outcome(line: str) -> Outcome | None:
    """The `Outcome` an `outcome_line` wrote; None for any other line."""
    try:
        record = json.loads(line)
        return Outcome(str(record["outcome"]), str(record.get("error") or ""))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


# The events a worker process reports, by name; their fields are plain JSON.
_EVENTS = ("RunStarted", "BatchEnded", "EpochEnded", "RunFinished", "Message", "Progress", "PauseChanged")


def _classes() -> dict[str, type]:
    from alexnet_desktop.core.training import events as training

    return {"Message": Message, "Progress": Progress, **{n: getattr(training, n) for n in _EVENTS if hasattr(training, n)}}


def event_to_line(event: Any) -> str:
    """One JSON line for `event`, or "" for an event a worker does not report (filter images)."""
    name = type(event).__name__
    if name not in _EVENTS:
        return ""
    fields = {k: (str(v) if isinstance(v, Path) else to_record(v) if isinstance(v, str) else v)
              for k, v in asdict(event).items()}
    return json.dumps({"event": name, **fields}, default=str)


def line_to_event(line: str) -> Any:
    """The event `event_to_line` wrote; None for a line that is not one (TensorFlow's own output)."""
    try:
        record = json.loads(line)
        cls = _classes()[record.pop("event")]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    values = {k: (from_record(v) if isinstance(v, dict) and "say" in v else v) for k, v in record.items()}
    if "run_dir" in values:
        values["run_dir"] = Path(values["run_dir"])
    if "history" in values:
        values["history"] = tuple(values["history"])
    try:
        return cls(**values)
    except TypeError:
        return None


def worker_command(config_file: Path, spec: ClusterSpec) -> list[str]:
    """The `alexnet-desktop train` command line of worker `spec.index` with the saved settings."""
    return [sys.executable, "-m", "alexnet_desktop", "train", "--config", str(config_file), "--events",
            "--cluster", ",".join(spec.workers), "--worker-index", str(spec.index),
            "--cluster-timeout", f"{spec.timeout_s:g}"]


def run_worker_process(config: Any, spec: ClusterSpec, emit: Emit = no_emit, stop: threading.Event | None = None) -> Any:
    """Train `config` as worker `spec.index` of the cluster in a child process; return its `RunFinished`.

    Its events (its cluster's messages among them) are emitted here as they come. Setting
    `stop` interrupts the child as Ctrl-C does (it stops after the current batch). When it ends
    without a `RunFinished`, the error of its outcome line is raised as a `ClusterError`, or,
    when it died without one, its exit status.
    """
    from alexnet_desktop.core.training.events import RunFinished

    stop = stop or threading.Event()
    fd, name = tempfile.mkstemp(prefix="alexnet-desktop-cluster-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(asdict(config), f)
    ended = threading.Event()
    said: Outcome | None = None
    try:
        child = subprocess.Popen(worker_command(Path(name), spec), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, encoding="utf-8", errors="replace")

        def drain_errors() -> None:  # TensorFlow's own logging: read, so the child never blocks on it
            for _line in child.stderr:
                pass

        reader = threading.Thread(target=drain_errors, name="cluster-worker-stderr", daemon=True)
        reader.start()

        def interrupt_on_stop() -> None:
            while not ended.wait(0.2):
                if stop.is_set():
                    if child.poll() is None:
                        child.send_signal(signal.SIGINT)
                    return

        threading.Thread(target=interrupt_on_stop, name="cluster-worker-stop", daemon=True).start()
        finished = None
        for line in child.stdout:
            said = line_to_outcome(line) or said
            event = line_to_event(line)
            if event is None:
                continue
            if isinstance(event, RunFinished):
                finished = event
            emit(event)
        child.wait()
        reader.join()
    finally:
        ended.set()  # ends the stop watcher
        Path(name).unlink(missing_ok=True)
    if finished is None:
        # What the worker said is about the cluster or the data, for the user, not a bug of the window.
        raise ClusterError(said.error if said is not None and said.error else
                           say("the worker process ended (status {0}) without finishing the run", child.returncode))
    return finished
