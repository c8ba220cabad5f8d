"""Heat maps point at the evidence: on a located-object dataset the default method's peak
falls on the object, the maps change when the weights are randomised (Adebayo et al. 2018),
Grad-CAM takes the last convolution and the pre-softmax score of every architecture, and the
first layer's filters tile into an image."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from alexnet_desktop.core.descriptors import Architecture
from alexnet_desktop.core.events import Cancelled, Progress
from alexnet_desktop.core.model.explain import (
    DEFAULT_METHOD, METHODS, class_scores, explain, first_layer_filters, grad_cam, heat_at, last_conv_block,
    occlusion, overlay,
)
from alexnet_desktop.core.model.models import build_classifier
from tests.cli import run_cli
from tests.located_objects import located_objects

SIDE, BOX = 48, 14  # the box is 8.5% of the image


def _bright_detector(num_classes, input_shape):
    """One 3x3 convolution that fires on bright pixels, global pooling, and a dense layer
    that calls an image "bright" (class 1) the more bright pixels it has."""
    from alexnet_desktop.core.tf_runtime import keras

    k = keras()
    inputs = k.Input(input_shape)
    conv = k.layers.Conv2D(1, 3, padding="same", activation="relu", name="detector")
    x = conv(inputs)
    x = k.layers.GlobalAveragePooling2D()(x)
    dense = k.layers.Dense(num_classes, activation="softmax")
    model = k.Model(inputs, dense(x), name="bright")
    conv.set_weights([np.full((3, 3, 3, 1), 1 / 27, np.float32), np.array([-0.5], np.float32)])
    dense.set_weights([np.array([[-20.0, 20.0]], np.float32), np.zeros(2, np.float32)])
    return model


ARCH = Architecture("bright", "Bright", "test", "none", (32, 32, 3), 3, _bright_detector)


def _image(row: int, col: int) -> np.ndarray:
    img = np.zeros((32, 32, 3), np.uint8)
    img[row : row + 8, col : col + 8] = 255
    return img


def _in_box(heat: np.ndarray, box) -> tuple[bool, float]:
    """Whether the map's peak is in the box, and the share of its heat there."""
    r, c, h, w = box
    pr, pc = np.unravel_index(np.argmax(heat), heat.shape)
    return bool(r <= pr < r + h and c <= pc < c + w), float(heat[r:r + h, c:c + w].sum() / max(heat.sum(), 1e-12))


def _spearman(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman's rank correlation of two maps (ties get their mean rank; a flat map: 0)."""
    def ranks(x):
        x = x.ravel()
        order = np.argsort(x, kind="stable")
        r = np.empty(len(x))
        r[order] = np.arange(len(x))
        _, inverse, counts = np.unique(x, return_inverse=True, return_counts=True)
        sums = np.bincount(inverse, weights=r)
        return sums[inverse] / counts[inverse]
    ra, rb = ranks(a), ranks(b)
    if ra.std() == 0 or rb.std() == 0:
        return 0.0
    return float(np.corrcoef(ra, rb)[0, 1])


@pytest.fixture(scope="module")
def located():
    """Seed 003's small CNN at 48 px trained (seconds) to tell a red, green or blue
    square at a random place on grey noise; and 40 test images with their boxes."""
    from alexnet_desktop.core.plugins import PluginHost
    from alexnet_desktop.core.tf_runtime import keras

    k = keras()
    k.utils.set_random_seed(0)
    arch = PluginHost().architecture("small-cnn")
    model = build_classifier(arch, 3, SIDE)
    model.compile(optimizer=k.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    x, y, _ = located_objects(400, SIDE, BOX, seed=1)
    # Ten epochs: at five, how well it had learnt depended on TensorFlow's thread count (0.45 with one).
    model.fit(x, y, epochs=10, batch_size=32, verbose=0)
    xt, yt, boxes = located_objects(40, SIDE, BOX, seed=2)
    assert model.evaluate(xt, yt, verbose=0)[1] >= 0.9  # it learnt the task: now, does the map show where?
    return model, arch, xt, yt, boxes


@pytest.mark.slow  # the `located` model is trained for these (the first took 400 s on a loaded 2-core machine)
def test_the_default_method_finds_the_located_object(located):
    model, _, images, labels, boxes = located
    results = [_in_box(explain(model, img, DEFAULT_METHOD).heat, box) for img, box in zip(images, boxes)]
    peaks_in = np.mean([p for p, _ in results])
    heat_in = np.mean([share for _, share in results])
    assert peaks_in >= 0.8, f"the peak fell in the box for {peaks_in:.0%} of the images"
    assert heat_in >= 0.4, f"{heat_in:.0%} of the heat fell in the boxes (they are {BOX * BOX / SIDE ** 2:.0%} of the image)"


@pytest.mark.slow  # the `located` model is trained for these (the first took 400 s on a loaded 2-core machine)
def test_maps_change_when_the_weights_are_randomised(located):
    """Adebayo et al. (2018), the model randomisation test: a map that stays the same when the
    weights are random shows the image, not what the model learnt."""
    model, arch, images, _, _ = located
    from alexnet_desktop.core.tf_runtime import keras

    keras().utils.set_random_seed(1)
    random_model = build_classifier(arch, 3, SIDE)  # the same architecture, freshly initialised
    for method in METHODS:
        rho = [_spearman(explain(model, img, method, int(c)).heat, explain(random_model, img, method, int(c)).heat)
               for img, c in zip(images[:12], located[3][:12])]
        assert np.mean(rho) < 0.5, f"{method}: rank correlation {np.mean(rho):.2f} with random weights"


@pytest.mark.slow  # the `located` model is trained for these (the first took 400 s on a loaded 2-core machine)
def test_grad_cam_weighs_the_last_convolution_by_the_score_before_the_softmax(host, located):
    expected = {"alexnet": "conv5", "alexnet-bn": "conv5_relu", "alexnet-bn-dropout": "conv5_bn",
                "small-cnn": "block3_conv2"}
    for arch_id, layer in expected.items():
        arch = host.architecture(arch_id)
        model = build_classifier(arch, 3, max(arch.min_input_size, 67))
        assert last_conv_block(model).name == layer, arch_id
    model, _, images, _, _ = located
    scores = class_scores(model, images[:4])
    probs = np.asarray(model(images[:4], training=False))
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    np.testing.assert_allclose(e / e.sum(axis=1, keepdims=True), probs, rtol=1e-4, atol=1e-6)


@pytest.mark.slow  # the `located` model is trained for these (the first took 400 s on a loaded 2-core machine)
def test_occlusion_is_batched_cancellable_and_reports_progress(located):
    model, _, images, _, _ = located
    events = []
    heat, c, p = occlusion(model, images[0], grid=6, batch_size=10, emit=events.append)
    assert [(e.done, e.total) for e in events] == [(10, 36), (20, 36), (30, 36), (36, 36)]
    assert all(isinstance(e, Progress) for e in events)
    assert heat.dtype == np.float32 and heat.shape == (SIDE, SIDE) and heat.min() >= 0 and heat.max() == 1
    stop = threading.Event()

    def stop_after_first(event):
        stop.set()

    with pytest.raises(Cancelled):
        occlusion(model, images[0], batch_size=10, emit=stop_after_first, stop=stop)


def test_heat_is_laid_over_the_image_at_its_own_aspect_ratio():
    heat = np.zeros((32, 32), np.float32)
    heat[:, :8] = 1  # the left quarter of the model's square view
    wide = heat_at(heat, 20, 80)
    assert wide.shape == (20, 80) and wide.dtype == np.float32 and wide.min() >= 0
    assert wide[:, :18].min() > 0.9 and wide[:, 24:].max() < 0.1  # still the left quarter
    assert overlay(np.zeros((20, 80, 3), np.uint8), heat).shape == (20, 80, 3)


def test_grad_cam_peak_moves_with_the_object():
    model = build_classifier(ARCH, 2, 32)  # the app's wrapper: uint8 input, rescaling, nested network
    peaks = []
    for row, col in ((2, 3), (20, 22), (4, 21)):
        heat, explained = grad_cam(model, _image(row, col), class_index=1)
        assert heat.shape == (32, 32) and explained == 1
        assert 0 <= heat.min() and heat.max() == 1.0
        r, c = np.unravel_index(np.argmax(heat), heat.shape)
        assert row - 1 <= r <= row + 8 and col - 1 <= c <= col + 8  # on the square
        peaks.append((r, c))
    assert len(set(peaks)) == 3


def test_explain_defaults_to_the_predicted_class():
    model = build_classifier(ARCH, 2, 32)
    for method in METHODS:
        e = explain(model, _image(10, 10), method)
        assert e.class_index == 1 and e.method == method and e.probability > 0.5  # a bright square: "bright" wins
    with pytest.raises(ValueError, match="no explanation method 'lime'"):
        explain(model, _image(10, 10), "lime")


def test_a_model_that_was_explained_is_freed_with_its_last_reference():
    """What the methods build for a model lives and dies with it (a table keyed weakly by the
    model, with values referring to it, kept every explained model for the life of the app)."""
    import gc
    import weakref

    wrapped = build_classifier(ARCH, 2, 32)  # the app's wrapper around the network
    network = wrapped.layers[-1]
    assert isinstance(network, type(wrapped))
    gone = []
    for model in (wrapped, network):
        for method in METHODS:
            explain(model, _image(10, 10), method)
        gone.append(weakref.ref(model))
    del model, wrapped, network
    gc.collect()
    assert [ref() for ref in gone] == [None, None]


def test_first_layer_filters_tile_every_kernel(host):
    from alexnet_desktop.core.model.models import build_classifier as build

    model = build(host.architecture("alexnet"), 10, 67)
    grid = first_layer_filters(model, scale=2)
    # 96 kernels of 11x11, 14 columns x 7 rows of 22-px tiles with 1-px gaps.
    assert grid.dtype == np.uint8 and grid.shape == (7 * 23 + 1, 14 * 23 + 1, 3)


@pytest.mark.slow  # the `located` model is trained for these (the first took 400 s on a loaded 2-core machine)
def test_the_explain_command_writes_maps_at_each_images_own_size(located, tmp_path):
    """`alexnet-desktop explain` in a fresh process, on a model this process saved: the map
    lies on the object in a stretched image, stems that collide get distinct names, a file
    already in the folder is kept, an unreadable image is one line naming it."""
    from PIL import Image

    model, _, images, labels, boxes = located
    model.save(tmp_path / "located.keras")
    (tmp_path / "located.labels.txt").write_text("red\ngreen\nblue\n")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    # Twice as wide as the model's square: the model sees it squeezed back to the test image.
    Image.fromarray(images[0]).resize((2 * SIDE, SIDE), Image.NEAREST).save(tmp_path / "a" / "x.png")
    Image.fromarray(images[1]).save(tmp_path / "b" / "x.png")
    (tmp_path / "bad.png").write_text("not an image")
    out = tmp_path / "out"
    out.mkdir()
    (out / "x.heat.png").write_bytes(b"mine")  # the user's file, whatever it is
    cmd = ["explain", tmp_path / "located.keras", tmp_path / "a" / "x.png", tmp_path / "bad.png",
           tmp_path / "b" / "x.png", "--out", out]
    done = run_cli(*cmd, timeout=120)
    assert done.returncode == 1, done.stderr  # one image could not be read
    errors = [ln for ln in done.stderr.splitlines() if ln.startswith("alexnet-desktop explain: error")]
    assert len(errors) == 1 and str(tmp_path / "bad.png") in errors[0]
    assert (out / "x.heat.png").read_bytes() == b"mine"
    assert sorted(p.name for p in out.iterdir()) == ["x-2.heat.npy", "x-2.heat.png", "x-3.heat.npy", "x-3.heat.png",
                                                     "x.heat.png"]
    wide = np.load(out / "x-2.heat.npy")
    assert wide.dtype == np.float32 and wide.shape == (SIDE, 2 * SIDE) and wide.min() >= 0
    r, c, h, w = boxes[0]
    assert _in_box(wide, (r, 2 * c, h, 2 * w))[0]
    with Image.open(out / "x-2.heat.png") as im:
        assert im.size == (2 * SIDE, SIDE) and im.mode == "RGB"
    assert np.load(out / "x-3.heat.npy").shape == (SIDE, SIDE)
    names = ["red", "green", "blue"]
    assert f"\t{names[labels[0]]}\t" in done.stdout  # the predicted class by default

    # Another class, by name, and Grad-CAM; a class the model lacks is one line.
    cmd = cmd[:3] + ["--out", tmp_path / "cam", "--method", "grad-cam", "--class", "green"]
    done = run_cli(*cmd, timeout=120)
    assert done.returncode == 0 and "\tgreen\t" in done.stdout, done.stderr
    assert np.load(tmp_path / "cam" / "x.heat.npy").shape == (SIDE, 2 * SIDE)
    done = run_cli(*cmd[:-1], "purple", timeout=120)
    assert done.returncode == 1 and done.stderr.strip().splitlines()[-1] == (
        "alexnet-desktop explain: error: the model has no class 'purple'; its classes are red, green, blue")


def test_writing_a_map_never_replaces_a_file_that_appears_meanwhile(tmp_path, monkeypatch):
    """The name is checked free, then taken with a link that fails if another process took
    it in between: the pair moves on to the next name and the other file is kept."""
    import alexnet_desktop.core.model.explain_files as ef

    real_publish = ef._publish

    def racing(tmp, dest):
        if dest.name == "x.heat.npy" and not dest.exists():
            dest.write_bytes(b"theirs")  # another process takes the name first
        return real_publish(tmp, dest)

    monkeypatch.setattr(ef, "_publish", racing)
    folder = tmp_path / "maps"
    folder.mkdir()
    heat = np.ones((4, 6), np.float32)
    png, npy = ef.write_heat(folder, "x", np.zeros((4, 6, 3), np.uint8), heat, set())
    assert (png.name, npy.name) == ("x-2.heat.png", "x-2.heat.npy")
    assert (folder / "x.heat.npy").read_bytes() == b"theirs" and not (folder / "x.heat.png").exists()
    assert sorted(p.name for p in folder.iterdir()) == ["x-2.heat.npy", "x-2.heat.png", "x.heat.npy"]  # no temp left
    np.testing.assert_array_equal(np.load(npy), heat)


@pytest.mark.slow  # the `located` model is trained for these (the first took 400 s on a loaded 2-core machine)
def test_the_side_panel_lets_the_user_pick_method_and_class(qtbot, located, tmp_path):
    """The Predict and Evaluate pages' side panel: occlusion by default, laid over the image
    at its own aspect ratio; Grad-CAM and another class on request; a heat map still being
    made is stopped when the selection changes."""
    from PIL import Image

    from alexnet_desktop.core.model.explain import GRAD_CAM, OCCLUSION
    from alexnet_desktop.core.labelling.session import LabelSession
    from alexnet_desktop.core.model.loaded import LoadedModel
    from alexnet_desktop.core.labelling.predict import Prediction
    from alexnet_desktop.gui.detail_panel import DetailPanel

    model, _, images, _, _ = located
    names = ["red", "green", "blue"]
    paths = [tmp_path / "wide.png", tmp_path / "square.png"]
    Image.fromarray(images[0]).resize((2 * SIDE, SIDE), Image.NEAREST).save(paths[0])
    Image.fromarray(images[1]).save(paths[1])
    session = LabelSession(names, [Prediction(p, "red", 0.9, (0.9, 0.05, 0.05)) for p in paths])
    panel = DetailPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_model(LoadedModel(model, names, SIDE, tmp_path / "located.keras"))
    assert panel.method.isEnabled() and panel.method.currentData() == DEFAULT_METHOD == OCCLUSION
    panel.show_row(session, 0)
    panel.explain.setChecked(True)
    qtbot.waitUntil(lambda: panel.heat_status.text().startswith("Occlusion map for "), timeout=30000)
    pixmap = panel.image.pixmap()
    # Not stretched to a square (its 2:1 shape), and whole within the panel (it was cropped to 320 px).
    assert abs(pixmap.width() / pixmap.height() - 2) < 0.05 and pixmap.width() <= panel.image.contentsRect().width()

    panel.method.setCurrentIndex(panel.method.findData(GRAD_CAM))
    panel.explain_class.setCurrentIndex(panel.explain_class.findData(1))
    qtbot.waitUntil(lambda: panel.heat_status.text().startswith("Grad-CAM map for green"), timeout=30000)
    assert panel.image.toolTip() == "Heat map for green"

    panel.method.setCurrentIndex(panel.method.findData(OCCLUSION))
    assert panel.runner.is_running()
    first = panel.runner.stop_event
    panel.show_row(session, 1)  # the user moves on while the first map is being made
    assert first.is_set()
    qtbot.waitUntil(lambda: panel.heat_status.text().startswith("Occlusion map for green"), timeout=30000)
    assert panel.path.text() == str(paths[1])
    qtbot.waitUntil(lambda: not panel.runner.is_running(), timeout=30000)


def test_the_model_card_explains_the_most_confident_mistakes_first():
    from alexnet_desktop.core.training.model_card import chosen_for_explanation

    images = [{"path": f"{i}.png", "true": t, "predicted": p, "confidence": c}
              for i, (t, p, c) in enumerate([("a", "a", 0.9), ("a", "b", 0.6), ("b", "a", 0.95), ("b", "b", 0.7),
                                             ("a", "a", 0.8)])]
    assert [i["path"] for i in chosen_for_explanation(images, 4)] == ["2.png", "1.png", "0.png", "3.png"]


def test_the_side_panel_shows_the_whole_image_and_keeps_its_controls_in_place(qtbot):
    """An image wider or taller than the panel is scaled to fit, never cropped, at its own
    aspect ratio; the image area's height does not follow the image's shape."""
    from PySide6.QtGui import QPixmap

    from alexnet_desktop.gui.detail_panel import DetailPanel

    panel = DetailPanel()
    qtbot.addWidget(panel)
    panel.resize(282, 700)
    panel.show()
    qtbot.waitExposed(panel)
    heights = []
    for w, h in ((400, 100), (100, 400), (32, 32)):
        panel.image.setPixmap(QPixmap(w, h))
        shown = panel.image.pixmap()
        area = panel.image.contentsRect()
        assert shown.width() <= area.width() and shown.height() <= area.height()
        assert abs(shown.width() / shown.height() - w / h) < 0.05
        assert max(shown.width() / area.width(), shown.height() / area.height()) > 0.95  # filled, not tiny
        heights.append(panel.image.height())
    assert len(set(heights)) == 1
    panel.heat_status.setText("Occlusion map for blue (100.0%)")
    panel.show_row(None, None)
    assert panel.heat_status.text() == "" and panel.image.text() == "Select an image"


def test_opening_a_file_the_desktop_cannot_open_says_where_it_is(qtbot, monkeypatch, tmp_path):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    from alexnet_desktop.gui.widgets import open_path

    said = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    assert not open_path(tmp_path / "model_card.html")
    assert said and str(tmp_path / "model_card.html") in said[0]
