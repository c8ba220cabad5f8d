"""What a training run reports while it runs, as typed events, and how it can fail.

The Train page, the CLI's printers and a cluster worker's event lines all read these;
`metric_name` gives a logged metric's name as people read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alexnet_desktop.core.wording import N_, Text, Translate, say, shown


@dataclass(frozen=True)
class RunStarted:
    """The run folder exists and fitting begins (or resumes at `initial_epoch`)."""

    run_dir: Path
    class_names: list[str]
    epochs: int
    steps_per_epoch: int
    train_count: int
    val_count: int
    device: str
    initial_epoch: int = 0  # epochs already done (a resumed run)
    history: tuple = ()  # those epochs' rows, so a dashboard can redraw them
    batch_size: int = 0


@dataclass(frozen=True)
class BatchEnded:
    """A training batch finished; loss and accuracy are the running means of the epoch so far."""

    epoch: int  # 0-based
    step: int  # 1-based within the epoch
    steps: int
    loss: float
    accuracy: float
    images_per_second: float


@dataclass(frozen=True)
class EpochEnded:
    """An epoch finished: its training and validation metrics and how long it took."""

    epoch: int  # 0-based
    logs: dict[str, float]
    seconds: float
    is_best: bool

    def metrics_text(self, tr: Translate | None = None) -> str:
        """The epoch's metrics on one line: named by their Keras keys (the CLI), or, given a
        translator, by their names in its language (the Train page's log)."""
        def name(key: str) -> str:
            return key if tr is None else shown(metric_name(key), tr)

        return "  ".join(f"{name(k)} {v:.3g}" if k == "learning_rate" else f"{name(k)} {v:.4f}"
                         for k, v in self.logs.items())


# The metrics Keras logs for a run, by key, as a person reads them.
METRIC_NAMES = {
    "loss": N_("loss"), "accuracy": N_("accuracy"), "val_loss": N_("val loss"),
    "val_accuracy": N_("val accuracy"), "learning_rate": N_("learning rate"),
}


def metric_name(key: str) -> Text:
    """A logged metric's name for people ("val_accuracy" is "val accuracy"), translatable."""
    return Text(METRIC_NAMES[key]) if key in METRIC_NAMES else Text("{0}", key.replace("_", " "))


@dataclass(frozen=True)
class FiltersChanged:
    """The first layer's kernels after an epoch, tiled as an image (uint8 RGB)."""

    epoch: int  # 1-based
    grid: Any


@dataclass(frozen=True)
class PauseChanged:
    """The run paused (after a batch) or went on."""

    paused: bool


@dataclass(frozen=True)
class RunFinished:
    """The run ended; status is "finished", "stopped", "diverged" or "failed"."""

    run_dir: Path
    status: str
    best_epoch: int | None  # 1-based, as shown to users
    best_value: float | None
    monitor: str
    error: str = ""
    note: str = ""  # why it ended when that is worth saying (early stop, divergence)
    retry_batch_size: int | None = None  # out of memory: the batch size worth trying next


class OutOfMemory(Exception):
    """The device ran out of memory; `batch_size` is the size that failed."""

    def __init__(self, batch_size: int, detail: str) -> None:
        first = detail.splitlines()[0][:200] if detail else say("no detail")
        if batch_size > 1:
            super().__init__(say("out of memory at batch size {0}; try {1} ({2})", batch_size, batch_size // 2, first))
        else:
            super().__init__(say("out of memory at batch size {0} ({1})", batch_size, first))
        self.batch_size = batch_size
