"""Grad-CAM and occlusion on any Keras classifier: Sequential, Functional, nested (#32)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from tests.cli import run_cli


def _layers(k):
    return [k.layers.Conv2D(4, 3, padding="same", name="conv_a"), k.layers.ReLU(name="relu_a"),
            k.layers.MaxPooling2D(name="pool"), k.layers.Conv2D(4, 3, padding="same", name="conv_b"),
            k.layers.BatchNormalization(name="bn_b"), k.layers.GlobalAveragePooling2D(name="gap"),
            k.layers.Dense(3, activation="softmax", name="out")]


def _model(kind: str):
    from alexnet_desktop.core.tf_runtime import keras

    k = keras()
    k.utils.set_random_seed(2)
    if kind == "sequential":
        return k.Sequential([k.Input((16, 16, 3)), *_layers(k)])
    inputs = k.Input((16, 16, 3))
    if kind == "functional":
        x = inputs
        for layer in _layers(k):
            x = layer(x)
        return k.Model(inputs, x)
    backbone = k.Sequential([k.Input((16, 16, 3)), *_layers(k)[:5]], name="backbone")  # nested
    head = k.layers.Dense(3, name="head")(k.layers.GlobalAveragePooling2D()(backbone(k.layers.Rescaling(1 / 255)(inputs))))
    return k.Model(inputs, k.layers.Softmax(name="probabilities")(head))


@pytest.mark.parametrize("kind", ["sequential", "functional", "nested"])
def test_both_methods_on_any_structure_name_the_layer(kind):
    from alexnet_desktop.core.model.explain import GRAD_CAM, OCCLUSION, class_scores, explain

    model = _model(kind)
    pixels = np.random.default_rng(0).integers(0, 256, (16, 16, 3)).astype(np.uint8)
    cam = explain(model, pixels, GRAD_CAM)
    assert cam.layer == "bn_b" and cam.heat.shape == (16, 16) and cam.heat.max() in (0.0, 1.0)
    occluded = explain(model, pixels, OCCLUSION)
    assert occluded.layer == ("probabilities" if kind == "nested" else "out")
    probs = np.asarray(model(pixels[None], training=False))[0]
    assert cam.probability == pytest.approx(float(probs[cam.class_index]), rel=1e-4)
    scores = class_scores(model, pixels[None])[0]
    np.testing.assert_allclose(np.exp(scores) / np.exp(scores).sum(), probs, rtol=1e-4)


@pytest.mark.slow
def test_grad_cam_on_a_sequential_model_from_the_command_line(tmp_path):
    model = _model("sequential")
    model.save(tmp_path / "seq.keras")
    (tmp_path / "labels.txt").write_text("a\nb\nc\n")
    image = tmp_path / "x.png"
    Image.fromarray(np.random.default_rng(1).integers(0, 256, (20, 24, 3)).astype(np.uint8)).save(image)
    done = run_cli("explain", tmp_path / "seq.keras", image, "--out", tmp_path / "heat", "--method", "grad-cam",
                   "--input-scale", "0-1")
    assert done.returncode == 0, done.stderr
    assert "on layer bn_b" in done.stderr
    heat = np.load(tmp_path / "heat" / "x.heat.npy")
    assert heat.shape == (20, 24) and heat.min() >= 0
    assert heat.max() == 1.0  # exactly, after the resize to the image's size (README's promise)
