"""Shared fixtures: an isolated workspace per test, tiny image datasets, a tiny architecture."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")  # tests measure nothing on a GPU

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.workspace import Workspace


@pytest.fixture(autouse=True)
def workspace(tmp_path, monkeypatch) -> Workspace:
    """Every test gets its own workspace, and the app's settings stay out of the user's."""
    ws = Workspace(tmp_path / "workspace").ensure()
    monkeypatch.setenv("ALEXNET_DESKTOP_HOME", str(ws.root))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    import alexnet_desktop.core.plugins as plugins

    monkeypatch.setattr(plugins, "_default_host", None)
    return ws


def write_colour_dataset(root: Path, classes=("blue", "red"), per_class: int = 6, side: int = 72) -> Path:
    """A folder-per-class dataset whose classes differ by colour, with noise so images differ."""
    rng = np.random.default_rng(0)
    colours = {"red": (220, 30, 30), "blue": (30, 30, 220), "green": (30, 200, 30)}
    for c in classes:
        (root / c).mkdir(parents=True, exist_ok=True)
        for i in range(per_class):
            base = np.array(colours.get(c, (128, 128, 128)), dtype=np.int16)
            img = np.clip(base + rng.integers(-30, 30, (side, side, 3)), 0, 255).astype(np.uint8)
            Image.fromarray(img).save(root / c / f"{c}_{i}.png")
    return root


@pytest.fixture
def colour_dataset(tmp_path) -> Path:
    """Two classes (blue, red) of six 72x72 PNGs each."""
    return write_colour_dataset(tmp_path / "colours")


@pytest.fixture
def host() -> PluginHost:
    """A plugin host with the built-ins and the tests' tiny plugin registered."""
    from tests import tiny_plugin

    h = PluginHost()
    h.register(tiny_plugin, "tiny_plugin")
    return h
