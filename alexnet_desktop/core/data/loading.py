"""Opening a dataset by path with a loader plugin (the named one, or the most confident), and the
scan job: the dataset opened and every file checked, as the Data page, `alexnet-desktop scan`
and training all do it."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from alexnet_desktop.core.data.datasets import Dataset
from alexnet_desktop.core.data.scan import ScanReport, scan_dataset
from alexnet_desktop.core.events import Emit, Message, no_emit
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.wording import say


def load_dataset(host: PluginHost, data: str | Path, loader_id: str | None, options: dict[str, Any]) -> Dataset:
    """Read `data` with the named loader (or the most confident one) and its options."""
    if not Path(data).exists():
        raise FileNotFoundError(say("{0}: no such file or folder", data))
    loader = host.loader(loader_id) if loader_id else host.best_loader(Path(data))
    opts = loader.default_options()
    unknown = set(options) - set(opts)
    if unknown:
        raise ValueError(say("loader {0!r} has no option(s) {1}", loader.id, ", ".join(sorted(unknown))))
    by_name = {o.name: o for o in loader.options}
    opts.update({k: by_name[k].coerce(v) for k, v in options.items()})
    return loader.load(Path(data), **opts)


def scan_data(
    host: PluginHost,
    data: str | Path,
    loader_id: str | None,
    options: dict[str, Any],
    emit: Emit = no_emit,
    stop: threading.Event | None = None,
) -> tuple[Dataset, ScanReport]:
    """Open `data` (see `load_dataset`) and check every file of it, its test part included;
    emits a `Message`, then `Progress`. A set `stop` raises `Cancelled`."""
    dataset = load_dataset(host, data, loader_id, options)
    emit(Message(say("Checking {0:,} images in {1}…", len(dataset.samples) + len(dataset.test_samples), data)))
    return dataset, scan_dataset(dataset, emit, stop)
