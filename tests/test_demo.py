"""The built-in demo dataset: deterministic, written once, read by the ordinary folder loader."""

from __future__ import annotations

import numpy as np

from alexnet_desktop.core.data.datasets import dataset_from_class_folders
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop_plugins import demo_shapes


def test_images_are_deterministic_and_classes_differ():
    a = np.asarray(demo_shapes.draw_demo_image("circles", 3))
    b = np.asarray(demo_shapes.draw_demo_image("circles", 3))
    c = np.asarray(demo_shapes.draw_demo_image("circles", 4))
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    assert a.shape == (demo_shapes.SIDE, demo_shapes.SIDE, 3)


def test_prepare_writes_once_and_loads_as_a_folder_dataset(workspace):
    root = demo_shapes.prepare_demo(workspace.datasets_dir)
    files = sorted(root.rglob("*.jpg"))
    assert len(files) == len(demo_shapes.CLASSES) * demo_shapes.PER_CLASS
    stamp = files[0].stat().st_mtime_ns
    assert demo_shapes.prepare_demo(workspace.datasets_dir) == root
    assert files[0].stat().st_mtime_ns == stamp  # reused, not rewritten

    host = PluginHost()
    assert host.best_loader(root).id == "demo-shapes"
    via_folder = host.loader("folder").load(root)
    direct = dataset_from_class_folders(root)
    assert via_folder.class_names == list(demo_shapes.CLASSES) == direct.class_names
    assert via_folder.counts() == {c: demo_shapes.PER_CLASS for c in demo_shapes.CLASSES}
    assert not via_folder.passed_over  # the hidden marker file is not reported as junk


def test_a_half_written_demo_is_replaced(workspace):
    root = workspace.datasets_dir / demo_shapes.DEMO_DIRNAME
    (root / "circles").mkdir(parents=True)
    (root / "circles" / "partial.jpg").write_bytes(b"")
    demo_shapes.prepare_demo(workspace.datasets_dir)
    assert not (root / "circles" / "partial.jpg").exists()
    assert len(list(root.rglob("*.jpg"))) == len(demo_shapes.CLASSES) * demo_shapes.PER_CLASS
