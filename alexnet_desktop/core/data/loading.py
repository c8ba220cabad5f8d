"""Opening a dataset by path with a loader plugin (the named one, or the most confident); the
scan job: the dataset opened and every file checked, as the Data page, `alexnet-desktop scan`
and training all do it; and the job that writes a dataset a loader makes itself (the demo)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from alexnet_desktop.core.data.datasets import Dataset, DatasetError
from alexnet_desktop.core.data.scan import ScanReport, scan_dataset
from alexnet_desktop.core.events import Emit, Message, no_emit
from alexnet_desktop.core.jobs import stop_point
from alexnet_desktop.core.data.image_files import list_image_files
from alexnet_desktop.core.plugins import PluginError, PluginHost
from alexnet_desktop.core.wording import say

DEMO_LOADER = "demo-shapes"  # the loader that writes the built-in demo dataset (plugins/demo_shapes.py)


def load_dataset(host: PluginHost, data: str | Path, loader_id: str | None, options: dict[str, Any]) -> Dataset:
    """Read `data` with the named loader (or the most confident one) and its options."""
    if not Path(data).exists():
        raise FileNotFoundError(say("{0}: no such file or folder", data))
    loader = host.loader(loader_id) if loader_id else _best_loader(host, Path(data))
    opts = loader.default_options()
    unknown = set(options) - set(opts)
    if unknown:
        raise ValueError(say("loader {0!r} has no option(s) {1}", loader.id, ", ".join(sorted(unknown))))
    by_name = {o.name: o for o in loader.options}
    opts.update({k: by_name[k].coerce(v) for k, v in options.items()})
    return loader.load(Path(data), **opts)


def _best_loader(host: PluginHost, path: Path) -> Any:
    """The loader most confident about `path`; when none is, say why in the folder's own terms
    (empty, or no images at all) before falling back on the host's general message."""
    try:
        return host.best_loader(path)
    except PluginError:
        if path.is_dir():
            if not any(path.iterdir()):
                raise DatasetError(say("{0}: the folder is empty", path)) from None
            if not list_image_files(path).files:
                raise DatasetError(say("{0}: no image files in this folder or its sub-folders", path)) from None
        raise


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


def write_generated(host: PluginHost, loader_id: str, datasets_dir: Path, emit: Emit = no_emit,
                    stop: threading.Event | None = None) -> Path:
    """The job that writes the dataset the loader `loader_id` makes itself (the demo) under
    `datasets_dir`, once, and returns its folder. The loader writes to a temporary folder
    renamed into place (core/data/generated.py), so a stop or a crash leaves nothing half written;
    a stop before it starts raises `Cancelled`."""
    loader = host.loader(loader_id)
    if loader.prepare is None:
        raise ValueError(say("the loader {0!r} does not write a dataset of its own", loader_id))
    stop_point(stop)
    emit(Message(say("Writing the {0} dataset into {1}…", loader.name, datasets_dir)))
    Path(datasets_dir).mkdir(parents=True, exist_ok=True)
    return Path(loader.prepare(Path(datasets_dir)))
