"""Which trained network a check measures the images with: the run given, else the newest run
trained on the same images (same fingerprint), else a quick model trained first."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from pathlib import Path

from alexnet_desktop.core.data.datasets import Dataset
from alexnet_desktop.core.events import Cancelled, Emit, Message
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.runs.folder import list_runs
from alexnet_desktop.core.workspace import Workspace
from alexnet_desktop.core.wording import say

# The quick model: seed 003's small CNN at 32 px, trained for about QUICK_STEPS batches (within
# QUICK_EPOCHS..QUICK_MAX_EPOCHS epochs): a fixed few epochs left it untrained on a small dataset
# such as the demo (benchmarks/NOTES.md, "The quick model").
QUICK_ARCH = "small-cnn"
QUICK_SIZE = 32
QUICK_STEPS = 300
QUICK_EPOCHS = 8
QUICK_MAX_EPOCHS = 20
# How each way of finding the run is said (also the `--json` "run_source").
GIVEN, SAME_DATA, TRAINED_NOW = "given", "newest run on the same images", "quick model trained now"


@dataclass(frozen=True)
class ChosenRun:
    """The run folder whose network measures the images, and how it was found."""

    path: Path
    source: str


def newest_run_on(dataset: Dataset, runs_dir: Path) -> Path | None:
    """The newest run under `runs_dir` that trained on exactly these images and left a model."""
    fingerprint = dataset.fingerprint()
    for run, manifest in list_runs(runs_dir):
        if manifest.dataset.fingerprint == fingerprint and run.model_path.is_file():
            return run.path
    return None


def quick_epochs(images: int, batch_size: int, val_split: float) -> int:
    """Epochs of about `QUICK_STEPS` batches for a dataset of `images`, within the quick model's bounds."""
    batches = max(1, math.ceil(images * (1 - val_split) / batch_size))
    return min(QUICK_MAX_EPOCHS, max(QUICK_EPOCHS, math.ceil(QUICK_STEPS / batches)))


def train_quick_model(host: PluginHost, dataset: Dataset, emit: Emit, stop: threading.Event, epochs: int | None,
                      loader: str | None = None, options: dict | None = None) -> Path:
    """Train the quick model on the dataset as a run of its own (kept, so the next check reuses it),
    read with the loader and options the check was given (the dataset's own options can hold ones
    the loader filled in itself); `epochs` None: `quick_epochs` for the dataset."""
    from alexnet_desktop.core.training.config import TrainConfig
    from alexnet_desktop.core.training.fit import train

    config = TrainConfig.for_architecture(
        host.architecture(QUICK_ARCH), data=str(dataset.root), arch=QUICK_ARCH, image_size=QUICK_SIZE, epochs=1,
        loader=loader, loader_options=dict(options or {}),
        runs_dir=str(Workspace.default().ensure().runs_dir))
    config.epochs = epochs or quick_epochs(len(dataset.samples), config.batch_size, config.val_split)
    emit(Message(say("No run has trained on these images: training a quick model first ({0}, {1} px, {2} epochs)",
                     QUICK_ARCH, QUICK_SIZE, config.epochs)))
    result = train(config, host, emit, stop)
    if result.status == "stopped" or stop.is_set():
        raise Cancelled()
    if result.status != "finished":
        raise RuntimeError(say("the quick model could not be trained ({0}): {1}", result.status, result.error))
    return Path(result.run_dir)


def choose_run(host: PluginHost, dataset: Dataset, run: str | Path | None, emit: Emit, stop: threading.Event,
               epochs: int | None = None, loader: str | None = None, options: dict | None = None) -> ChosenRun:
    """The run to measure with (see the module's docstring); says which."""
    if run:
        return ChosenRun(Path(run), GIVEN)
    found = newest_run_on(dataset, Workspace.default().runs_dir)
    if found is not None:
        emit(Message(say("Using the newest run trained on these images: {0}", found)))
        return ChosenRun(found, SAME_DATA)
    return ChosenRun(train_quick_model(host, dataset, emit, stop, epochs, loader, options), TRAINED_NOW)
