"""Events that long core jobs emit through their callback.

A job is called as `job(emit, stop)`: `emit` receives these objects (the GUI turns them
into queued Qt signals, the CLI prints them), `stop` is a `threading.Event` the job
checks between units of work.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Callable

from alexnet_desktop.core.wording import Translate, same, shown

Emit = Callable[[Any], None]


@dataclass(frozen=True)
class Progress:
    """`done` of `total` units of a job are finished; `what` says what a unit is."""

    done: int
    total: int
    what: str = ""


@dataclass(frozen=True)
class Message:
    """A line for the user: level is "info", "warning" or "error".

    Its text is made with `say("… {0} …", value)`, so a GUI can show it in the user's
    language with `shown(tr)`; `text` is the English line."""

    text: str
    level: str = "info"

    def shown(self, tr: Translate = same) -> str:
        """The line in the language `tr` translates to (English with the default)."""
        return shown(self.text, tr)


class Cancelled(Exception):
    """Raised inside a job when its stop event is set; the job's partial work is kept."""


def no_emit(_event: Any) -> None:
    """An `emit` that drops every event, for callers that do not watch progress."""


def never_stop() -> threading.Event:
    """A stop event that nobody sets."""
    return threading.Event()
