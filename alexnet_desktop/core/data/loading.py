"""Opening a dataset by path with a loader plugin: the named one, or the most confident."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alexnet_desktop.core.data.datasets import Dataset
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
