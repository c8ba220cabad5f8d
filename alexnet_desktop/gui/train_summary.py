"""The Train page's header: what Start would train, or what the run in progress trains."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from alexnet_desktop.core.runs.manifest import RunManifest
from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.training.events import RunStarted
from alexnet_desktop.gui.i18n import core_text, plugin_text, tr



def image_counts(images: int, classes: int) -> str:
    """" (1,234 images, 5 classes)", to follow the dataset's name."""
    return tr("TrainPage", " ({0:,} images, {1} classes)").format(images, classes)


def describe_run(host: Any, s: TrainConfig, data_name: str, counts: str, size: int, epochs: int, batch: int) -> str:
    """One line (rich text) naming the network, the data, its size, epochs, batch, optimizer and
    any unlabelled folder of the settings `s`."""
    arch = host.architectures.get(s.arch)
    epochs_text = tr("TrainPage", "1 epoch") if epochs == 1 else tr("TrainPage", "{0} epochs").format(epochs)
    text = tr("TrainPage", "<b>{0}</b> on <b>{1}</b>{2}: {3} px, {4}, batch {5}, {6}").format(
        plugin_text(arch.name) if arch else s.arch, html.escape(data_name), counts, size, epochs_text, batch,
        s.describe(core_text))
    if s.unlabelled:
        text += tr("TrainPage", "; also learning from the unlabelled images in <b>{0}</b> (threshold {1}, {2} per "
                   "labelled image)").format(html.escape(Path(s.unlabelled).name), s.unlabelled_threshold,
                                             s.unlabelled_ratio)
    return text


def summary_of_run(host: Any, event: RunStarted) -> str:
    """The header for the run that started, from its run.json; empty if that cannot be read."""
    try:
        manifest = RunManifest.read(event.run_dir)
        config = TrainConfig.from_manifest(manifest.training)
    except (OSError, ValueError):
        return ""  # the draft's summary stays
    counts = image_counts(event.train_count + event.val_count, len(event.class_names))
    return describe_run(host, config, Path(config.data).name, counts, manifest.image_size or config.image_size,
                        event.epochs, event.batch_size)
