"""What the subcommands share: printing a job's events, Ctrl-C, the `demo` keyword, `--option`."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any, Sequence

from alexnet_desktop.core.events import Message, Progress

DEMO_KEYWORD = "demo"


class ProgressPrinter:
    """Turns core events into a progress bar and lines on stderr."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self._bar = False

    def __call__(self, event: Any) -> None:
        from alexnet_desktop.core.training import events as t

        if isinstance(event, Progress):
            if self.tty and event.total:
                width = 30
                filled = int(width * event.done / event.total)
                self._write(f"\r[{'#' * filled}{'.' * (width - filled)}] {event.done}/{event.total} {event.what}", bar=True)
        elif isinstance(event, t.BatchEnded):
            if self.tty:
                self._write(
                    f"\repoch {event.epoch + 1} batch {event.step}/{event.steps}  loss {event.loss:.4f}  "
                    f"acc {event.accuracy:.3f}  {event.images_per_second:.1f} img/s",
                    bar=True,
                )
        elif isinstance(event, t.EpochEnded):
            self._line(f"epoch {event.epoch + 1}: {event.metrics_text()}  ({event.seconds:.1f}s){'  *best' if event.is_best else ''}")
        elif isinstance(event, t.RunStarted):
            from alexnet_desktop.core.wording import count

            self._line(
                f"run {event.run_dir}\n{event.train_count} training / {count(event.val_count, 'validation image', 'validation images')}, "
                f"{count(len(event.class_names), 'class', 'classes')}, {count(event.epochs, 'epoch', 'epochs')} of "
                f"{count(event.steps_per_epoch, 'batch', 'batches')} on {event.device}"
                + (f"; {count(event.initial_epoch, 'epoch', 'epochs')} already done" if event.initial_epoch else "")
            )
        elif isinstance(event, Message):
            self._line(("warning: " if event.level == "warning" else "") + event.text)

    def _write(self, text: str, bar: bool) -> None:
        self.stream.write(text.ljust(100)[:110] if bar else text)
        self.stream.flush()
        self._bar = bar

    def _line(self, text: str) -> None:
        if self._bar:
            self.stream.write("\n")
            self._bar = False
        self.stream.write(text + "\n")
        self.stream.flush()

    def done(self) -> None:
        """End a progress bar line, if one is open."""
        if self._bar:
            self.stream.write("\n")
            self._bar = False


class EventPrinter:
    """Writes each training event as one JSON line on stdout (for the app, which runs a cluster
    worker as a separate process: see `core.worker_process`)."""

    def __call__(self, event: Any) -> None:
        from alexnet_desktop.core.training.worker_process import event_to_line

        line = event_to_line(event)
        if line:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    def done(self) -> None:
        """Nothing to end: there is no progress bar."""


def host():
    """The plugin host of this process (built-ins, installed plugins, the user's plugin folder)."""
    from alexnet_desktop.core.plugins import default_host

    return default_host()


def resolve_data(data: str) -> str:
    """`demo` names the built-in demo dataset (written into the workspace on first use)."""
    if data == DEMO_KEYWORD and not Path(data).exists():
        from alexnet_desktop.core.data.loading import DEMO_LOADER, write_generated
        from alexnet_desktop.core.workspace import Workspace

        return str(write_generated(host(), DEMO_LOADER, Workspace.default().ensure().datasets_dir))
    return data


def parse_options(pairs: Sequence[str] | None) -> dict[str, str]:
    """`--option KEY=VALUE` pairs as a dict of strings (typed later by `load_dataset`)."""
    out = {}
    for pair in pairs or ():
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"--option takes KEY=VALUE, not {pair!r}")
        out[key.strip()] = value
    return out


def run_stoppable(job, stop: threading.Event, printer) -> Any:
    """Run `job`; the first Ctrl-C stops it after the current batch (resumable), a second aborts."""
    import signal

    def first_interrupt(signum, frame):
        stop.set()
        printer.done()
        print("stopping after this batch (Ctrl-C again to abort)", file=sys.stderr)
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, first_interrupt)
    try:
        return job()
    except KeyboardInterrupt:
        printer.done()
        print("interrupted", file=sys.stderr)
        return None
    finally:
        signal.signal(signal.SIGINT, previous)
        printer.done()


def add_input_scale(parser) -> None:
    """`--input-scale`: the range of numbers a bare .keras model expects (remembered beside it)."""
    from alexnet_desktop.core.model.input_range import SCALES

    parser.add_argument("--input-scale", choices=tuple(SCALES), default=None, metavar="RANGE",
                        help="the range a .keras model made elsewhere expects its pixels in: "
                        + "; ".join(f"{k}: {v}" for k, v in SCALES.items())
                        + ". Needed once for a model with no Rescaling or Normalization layer at its input; "
                        "remembered beside it in <name>.input.json")


def print_plugin_traceback(exc: BaseException, lines: int = 20) -> None:
    """When a plugin's code failed (the error names "the Plugins list"), print the last
    `lines` of its traceback to stderr: a terminal has no Plugins list, and the record is gone
    once this process ends."""
    from alexnet_desktop.core.wording import say

    details = getattr(exc, "details", "")
    if details:
        print(say("the plugin's traceback (last lines):"), file=sys.stderr)
        print("".join(details.rstrip().splitlines(keepends=True)[-lines:]), file=sys.stderr)
