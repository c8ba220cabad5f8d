"""Every export format loads in its own runtime and predicts the labels the app predicts."""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest

from alexnet_desktop.cli import main
from alexnet_desktop.core.model.export import export_model
from alexnet_desktop.core.data.images import decode_image
from alexnet_desktop.core.model.loaded import load_for_prediction
from alexnet_desktop.core.labelling.predict import predict_files
from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.training.fit import train


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A tiny model trained on three colour classes, and a few images to compare on."""
    from alexnet_desktop.core.plugins import PluginHost
    from tests import tiny_plugin
    from tests.conftest import write_colour_dataset

    root = tmp_path_factory.mktemp("export")
    data = write_colour_dataset(root / "data", classes=("blue", "green", "red"), per_class=6, side=40)
    host = PluginHost()
    host.register(tiny_plugin, "tiny_plugin")
    result = train(TrainConfig(data=str(data), arch="tiny-test-net", epochs=3, batch_size=6, image_size=24,
                               runs_dir=str(root / "runs"), learning_rate=0.05), host)
    images = [p for c in ("blue", "green", "red") for p in sorted((data / c).iterdir())[:3]]
    return host, result.run_dir, images


def _app_labels(run_dir, images):
    loaded = load_for_prediction(run_dir)
    rows = [r for batch in predict_files(loaded, images) for r in batch]
    return [r.label for r in rows], loaded


def _batch(images, size):
    return np.stack([decode_image(p, size=size) for p in images])


def _predict_with_runtime(fmt, path, x):
    if fmt == "keras":
        from alexnet_desktop.core.model.model_files import load_model_file

        return np.asarray(load_model_file(path).predict_on_batch(x))
    if fmt == "savedmodel":
        from alexnet_desktop.core.tf_runtime import tensorflow

        serve = tensorflow().saved_model.load(str(path)).signatures["serve"]
        (out,) = serve(tensorflow().constant(x)).values()
        return out.numpy()
    if fmt.startswith("tflite"):
        from alexnet_desktop.core.tf_runtime import tensorflow

        interpreter = tensorflow().lite.Interpreter(model_path=str(path))
        inp, out = interpreter.get_input_details()[0], interpreter.get_output_details()[0]
        interpreter.resize_tensor_input(inp["index"], x.shape)
        interpreter.allocate_tensors()
        interpreter.set_tensor(inp["index"], x.astype(inp["dtype"]))
        interpreter.invoke()
        return interpreter.get_tensor(out["index"])
    if fmt == "onnx":
        ort = pytest.importorskip("onnxruntime")
        session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        return session.run(None, {session.get_inputs()[0].name: x})[0]
    raise AssertionError(fmt)


@pytest.mark.timeout(600)
@pytest.mark.parametrize("fmt", ["keras", "savedmodel", "tflite", "tflite-quantised", "onnx"])
def test_each_export_predicts_what_the_app_predicts(trained, tmp_path, fmt):
    host, run_dir, images = trained
    expected, loaded = _app_labels(run_dir, images)
    done = export_model(host, run_dir, fmt, tmp_path / "model")
    assert done.path.exists() and done.path.name.startswith("model")
    names = done.labels.read_text(encoding="utf-8").split()
    assert names == loaded.class_names
    pre = json.loads(done.preprocessing.read_text(encoding="utf-8"))
    assert pre["image_size"] == loaded.image_size and pre["input"]["dtype"] == "uint8"
    probs = _predict_with_runtime(fmt, done.path, _batch(images, loaded.image_size))
    assert probs.shape == (len(images), len(names))
    assert [names[i] for i in probs.argmax(axis=1)] == expected
    if fmt == "keras":
        # The app reads the export back with its own label file, and agrees with itself.
        again = [r.label for batch in predict_files(load_for_prediction(done.path), images) for r in batch]
        assert again == expected


def test_exports_never_overwrite_and_cli_reports_the_files(trained, tmp_path, capsys):
    host, run_dir, _ = trained
    (tmp_path / "taken.tflite").write_bytes(b"mine")
    with pytest.raises(FileExistsError, match="nothing is overwritten"):
        export_model(host, run_dir, "tflite", tmp_path / "taken")
    assert (tmp_path / "taken.tflite").read_bytes() == b"mine"
    assert main(["export", str(run_dir), "--format", "keras", "--out", str(tmp_path / "cli")]) == 0
    out = capsys.readouterr().out
    assert "cli.keras" in out and "cli.labels.txt" in out and "cli.preprocessing.json" in out
    assert main(["export", str(run_dir), "--format", "nope", "--out", str(tmp_path / "x")]) == 1
    assert "no export format 'nope'" in capsys.readouterr().err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".alexnet-export-")]


@pytest.mark.timeout(300)
def test_an_onnx_export_the_converter_cannot_finish_is_refused_and_leaves_nothing(trained, tmp_path):
    from alexnet_desktop.core.tf_runtime import keras

    host = trained[0]
    k = keras()
    inputs = k.Input((16, 16, 3), dtype="uint8")
    x = k.layers.Rescaling(1 / 255)(inputs)
    x = k.layers.Conv2D(4, 3, activation="relu")(x)
    x = k.layers.Conv2D(4, 3, groups=2, activation="relu")(x)  # as the published AlexNet's conv2
    x = k.layers.GlobalAveragePooling2D()(x)
    model = k.Model(inputs, k.layers.Dense(2, activation="softmax")(x))
    folder = tmp_path / "models"
    folder.mkdir()
    source = folder / "grouped.keras"
    model.save(str(source))
    (folder / "grouped.labels.txt").write_text("a\nb\n")
    with pytest.raises(ValueError, match="cannot be exported to ONNX.*SavedModel or TFLite instead"):
        export_model(host, source, "onnx", folder / "out")
    assert sorted(p.name for p in folder.iterdir()) == ["grouped.keras", "grouped.labels.txt"]
    export_model(host, source, "tflite", folder / "out")  # the advice holds


def test_the_export_job_reports_its_steps_and_a_stop_leaves_nothing(trained, tmp_path):
    from alexnet_desktop.core.events import Cancelled, Progress

    host, run_dir = trained[0], trained[1]
    seen = []
    export_model(host, run_dir, "keras", tmp_path / "done", emit=seen.append)
    assert [e.done for e in seen if isinstance(e, Progress)] == [1, 2, 3]
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        export_model(host, run_dir, "keras", tmp_path / "stopped", stop=stop)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(("stopped", ".alexnet-export-"))]
