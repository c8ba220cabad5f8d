"""The events every long core job may emit through its callback (`Progress`, `Message`).

The job contract (how a job is called, how it stops, what it writes when stopped) is in
core/jobs.py; `Emit` and `Cancelled` live there and are imported here for older callers.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from alexnet_desktop.core.jobs import Cancelled, Emit  # noqa: F401 (their home is core.jobs)
from alexnet_desktop.core.wording import Translate, same, shown


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


def no_emit(_event: Any) -> None:
    """An `emit` that drops every event, for callers that do not watch progress."""


def never_stop() -> threading.Event:
    """A stop event that nobody sets."""
    return threading.Event()
