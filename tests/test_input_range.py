"""A model made elsewhere, in plain Keras, gives in the app the figures Keras gives it (#32).

The models are made here: Sequential and Functional, trained briefly on pixels in 0..1 and in
-1..1, and one with a Rescaling layer that takes raw pixels. Each is evaluated by Keras on the
very arrays written as PNGs (at the model's size, so no resize differs), and by
`alexnet-desktop evaluate` in a fresh process; accuracy and loss must agree.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.cli import run_cli

SIDE = 16
CLASSES = ("a", "b", "c")


def _data(seed: int = 0, n: int = 60) -> tuple[np.ndarray, np.ndarray]:
    """Three classes of 16x16 images told apart by which third is bright, with noise."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % len(CLASSES)
    x = rng.integers(0, 120, (n, SIDE, SIDE, 3)).astype(np.int16)
    for i, c in enumerate(y):
        lo = c * SIDE // 3
        x[i, :, lo:lo + SIDE // 3] += 100 + rng.integers(0, 30)
    return np.clip(x, 0, 255).astype(np.uint8), y


def _write(root: Path, x: np.ndarray, y: np.ndarray) -> Path:
    for i, (img, c) in enumerate(zip(x, y)):
        folder = root / CLASSES[c]
        folder.mkdir(parents=True, exist_ok=True)
        Image.fromarray(img).save(folder / f"{i:03d}.png")
    return root


def _model(kind: str, scale: str):
    from alexnet_desktop.core.tf_runtime import keras

    k = keras()
    k.utils.set_random_seed(1)
    layers = [k.layers.Conv2D(8, 3, activation="relu", name="conv"), k.layers.MaxPooling2D(),
              k.layers.Flatten(), k.layers.Dense(len(CLASSES), activation="softmax")]
    if scale == "rescaling":
        layers.insert(0, k.layers.Rescaling(1 / 255))
    if kind == "sequential":
        model = k.Sequential([k.Input((SIDE, SIDE, 3)), *layers])
    else:
        inputs = k.Input((SIDE, SIDE, 3))
        x = inputs
        for layer in layers:
            x = layer(x)
        model = k.Model(inputs, x)
    model.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def _as_model_takes(x: np.ndarray, scale: str) -> np.ndarray:
    return {"0-1": x / 255.0, "-1-1": x / 127.5 - 1.0, "rescaling": x.astype(np.float32)}[scale].astype(np.float32)


def _cli(*args) -> subprocess.CompletedProcess:
    # TensorFlow's own log level left unset, as a user's is: its start-up must still be quiet.
    return run_cli(*args, env={"TF_CPP_MIN_LOG_LEVEL": None})


@pytest.mark.parametrize("kind,scale", [("sequential", "0-1"), ("functional", "-1-1"), ("sequential", "rescaling")])
@pytest.mark.slow
def test_evaluate_matches_keras(tmp_path, kind, scale):
    x, y = _data()
    model = _model(kind, scale)
    model.fit(_as_model_takes(x, scale), y, epochs=3, batch_size=20, verbose=0)
    keras_loss, keras_acc = model.evaluate(_as_model_takes(x, scale), y, verbose=0)
    path = tmp_path / "net.keras"
    model.save(path)
    (tmp_path / "labels.txt").write_text("\n".join(CLASSES) + "\n")
    data = _write(tmp_path / "data", x, y)
    given = [] if scale == "rescaling" else ["--input-scale", scale]
    done = _cli("evaluate", path, data, "--json", *given)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # quiet start: no cuInit, absl or oneDNN lines (#32)
    result = json.loads(done.stdout)
    assert result["count"] == len(y)
    assert result["accuracy"] == pytest.approx(keras_acc, abs=1e-6)
    assert result["loss"] == pytest.approx(keras_loss, rel=1e-3, abs=1e-4)
    if given:  # remembered beside the model: the next use needs no flag, from a new process
        assert json.loads((tmp_path / "net.input.json").read_text())["input_scale"] == scale
        again = _cli("evaluate", path, data, "--json")
        assert again.returncode == 0, again.stderr
        assert json.loads(again.stdout)["loss"] == pytest.approx(result["loss"], abs=1e-9)


@pytest.mark.slow
def test_a_bare_model_is_refused_with_the_choices(tmp_path):
    x, y = _data(n=6)
    model = _model("functional", "0-1")
    path = tmp_path / "net.keras"
    model.save(path)
    (tmp_path / "labels.txt").write_text("\n".join(CLASSES) + "\n")
    done = _cli("evaluate", path, _write(tmp_path / "data", x, y))
    assert done.returncode == 1
    assert "--input-scale" in done.stderr and "0-1" in done.stderr and "caffe" in done.stderr, done.stderr
    assert not (tmp_path / "net.input.json").exists()


def test_caffe_scale_matches_keras_applications():
    from alexnet_desktop.core.model.layers import InputScale
    from alexnet_desktop.core.tf_runtime import keras

    pixels = np.random.default_rng(0).integers(0, 256, (2, 4, 4, 3)).astype(np.uint8)
    expected = keras().applications.imagenet_utils.preprocess_input(pixels.astype(np.float32), mode="caffe")
    np.testing.assert_allclose(np.asarray(InputScale("caffe")(pixels)), expected, atol=1e-4)


@pytest.mark.slow
def test_a_scaled_export_takes_uint8_and_loads_in_plain_keras_and_self_scaling_is_not_scaled_twice(tmp_path):
    """The export of a model trained on -1..1 takes uint8 pixels (as its preprocessing.json says)
    and loads in a process that never imports the app; --input-scale on a model with its own
    Rescaling layer is refused, and nothing is remembered for it."""
    x, y = _data(n=6)
    model = _model("functional", "-1-1")
    path = tmp_path / "net.keras"
    model.save(path)
    (tmp_path / "labels.txt").write_text("\n".join(CLASSES) + "\n")
    out = tmp_path / "exported.keras"
    done = _cli("export", path, "--format", "keras", "--out", out, "--input-scale", "-1-1")
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "exported.preprocessing.json").read_text())["input"]["dtype"] == "uint8"
    np.save(tmp_path / "x.npy", x)
    code = ("import sys, numpy as np, keras; m = keras.saving.load_model(sys.argv[1]); "
            "assert m.input.dtype == 'uint8', m.input.dtype; print(np.asarray(m.predict_on_batch(np.load(sys.argv[2]))).tolist())")
    plain = subprocess.run([sys.executable, "-c", code, str(out), str(tmp_path / "x.npy")], capture_output=True,
                           text=True, timeout=300)
    assert plain.returncode == 0, plain.stderr[-2000:]
    expected = model.predict_on_batch(_as_model_takes(x, "-1-1"))
    np.testing.assert_allclose(np.array(json.loads(plain.stdout.strip().splitlines()[-1])), expected, atol=1e-5)

    scaled = _model("sequential", "rescaling")
    own = tmp_path / "own.keras"
    scaled.save(own)
    twice = _cli("evaluate", own, _write(tmp_path / "data", x, y), "--input-scale", "0-1")
    assert twice.returncode == 1 and "scales its own input" in twice.stderr, twice.stderr
    assert not (tmp_path / "own.input.json").exists()
