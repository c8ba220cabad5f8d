"""The contract every long core workflow keeps (training, scan, predict, evaluate, sort, export...).

A job is a function called as `job(emit, stop)` (its other inputs bound before):

- `emit(event)` receives its events as they happen: frozen dataclasses only, from the job's
  own closed set (`Progress` and `Message` of core/events.py, and the dataclasses its module
  declares, e.g. core/training/events.py); never tuples or strings. The GUI's `JobRunner`
  (gui/worker.py) turns them into queued Qt signals, the command line prints them.
- `stop` is a `threading.Event`; the job checks it between units of work (`stop_point`).
- Stopping has one way: the job raises `Cancelled`, and what it would have written is not
  written (a partial evaluation leaves `eval.json` and the model card as they were). A job
  whose partial work is worth keeping says so in its result instead (a training run stopped
  after a batch is a run that can be resumed).
- Its return value is its result; any other exception is its error, worded for the user.

Pages and the command line only start jobs and show their events.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, TypeVar

T = TypeVar("T")
Emit = Callable[[Any], None]
Job = Callable[[Emit, threading.Event], T]


class Cancelled(Exception):
    """Raised inside a job when its stop event is set: it stopped short and wrote nothing."""


def stop_point(stop: threading.Event | None) -> None:
    """Raise `Cancelled` when `stop` is set: a job calls this between units of work."""
    if stop is not None and stop.is_set():
        raise Cancelled()
