"""Shared fixtures: an isolated workspace per test, tiny image datasets, a tiny architecture."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")  # tests measure nothing on a GPU
if os.environ.get("PYTEST_XDIST_WORKER_COUNT"):
    # Under pytest-xdist the cores are shared out: each worker, and every process it starts,
    # computes on its share, instead of every TensorFlow thread pool spinning on all of them.
    _share = str(max(1, (os.cpu_count() or 1) // int(os.environ["PYTEST_XDIST_WORKER_COUNT"])))
    for _name in ("TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS", "OMP_NUM_THREADS"):
        os.environ.setdefault(_name, _share)

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.workspace import Workspace


# The longest modules, whose tests need nothing from each other: they start first, so that no
# pytest-xdist worker is left with one of them at the end while the others wait.
SPREAD = ("tests.test_readme_commands", "tests.test_reopen")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items) -> None:
    """A test that drives the main window is marked `window` (left out of the quick loop). The
    tests of a module with a module-scoped fixture (a model trained once for all of them) are
    one xdist group, so that fixture is made on one worker only (see `pytest_collection_finish`);
    every other test goes wherever a worker is free, which keeps the workers' loads even."""
    for item in items:
        if "window" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.window)
        module = getattr(item.module, "__name__", "")
        if module not in SPREAD and _uses_module_fixture(item):
            item.add_marker(pytest.mark.xdist_group(module))
    items.sort(key=lambda item: getattr(item.module, "__name__", "") not in SPREAD)


def _uses_module_fixture(item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    return info is not None and any(d.scope == "module" for defs in info.name2fixturedefs.values() for d in defs)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist sends the collection to the scheduler
def pytest_collection_finish(session) -> None:
    """Make the groups count: pytest-xdist 3.8 names a test's group by renaming `item._nodeid`
    ("...::test@group"), which pytest 9 no longer reads (its `nodeid` comes from `_id`), so
    without this the scheduler saw no groups and built module fixtures on both workers."""
    from _pytest.nodeid import NodeId

    for item in session.items:
        renamed = getattr(item, "_nodeid", None)
        if isinstance(renamed, str) and renamed != item.nodeid:
            item._id = NodeId.parse(renamed)


@pytest.fixture(autouse=True)
def workspace(tmp_path, monkeypatch) -> Workspace:
    """Every test gets its own workspace, and the app's settings stay out of the user's."""
    ws = Workspace(tmp_path / "workspace").ensure()
    monkeypatch.setenv("ALEXNET_DESKTOP_HOME", str(ws.root))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    # Qt reads XDG_CONFIG_HOME once per process, at its first QSettings: once Qt is loaded, point
    # QSettings at this test's folder directly, or one test's "last dataset" would be reopened by
    # the next window. Before that, the variable above is what Qt will read; a test that needs no
    # Qt does not pay for importing it.
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings

        for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
            QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "config"))
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


@pytest.fixture
def window(qtbot, host, workspace):
    """The main window over `host` (with a plugin that fails on purpose), shown; every job
    it started is stopped and its thread finished before the window closes."""
    from alexnet_desktop.gui.app import create_window
    from tests.test_plugins import RaisingPlugin

    host.register(RaisingPlugin(), "raising")
    w = create_window(workspace, host, first_launch_demo=False)
    w.show()
    yield w
    # Not qtbot.addWidget: its close would come first and, with training running, would
    # open the "Stop it and quit?" question with nobody to answer it.
    w.data_page.split_panel.shutdown()
    w.model_page.layer_table.shutdown()
    w.train_page.stop()
    from alexnet_desktop.gui.worker import JobRunner

    runners = w.findChildren(JobRunner)  # every page's and panel's, whatever they come to have
    for runner in runners:
        runner.request_stop()
    qtbot.waitUntil(lambda: not any(r.is_running() for r in runners), timeout=60000)
    w.close()
    w.deleteLater()
    # Deleted now, not whenever a later test happens to run Qt's event loop: a closed window
    # still holds its pages' models until then, which the next test would count as leaked.
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


