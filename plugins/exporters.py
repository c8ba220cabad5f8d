"""Exporter plugin: a trained model as `.keras`, TensorFlow SavedModel, TFLite (float and
dynamic-range quantised) and ONNX.

Every export takes the same input as the app's model, a batch of uint8 RGB images of the
model's size, and gives class probabilities; `alexnet_desktop.core.model.export` writes the class
names and preprocessing beside it. Each function loads the `.keras` file through the app's
safe loader: an export never runs code that came with a model.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alexnet_desktop.plugin_api import Exporter, hookimpl, say



def _model(model_path: Path):
    import numpy as np

    from alexnet_desktop.plugin_api import load_model

    model = load_model(model_path)
    # Keras's exporters want a model that has run once (a loaded one has not).
    shape = [1 if d is None else d for d in model.input_shape]
    model(np.zeros(shape, dtype=model.inputs[0].dtype))
    return model


def export_keras(model_path: Path, dest: Path) -> None:
    """The model alone (no optimizer state), as a `.keras` file."""
    _model(model_path).save(str(dest))


def export_saved_model(model_path: Path, dest: Path) -> None:
    """A TensorFlow SavedModel folder with a `serve` signature (TF Serving, `tf.saved_model.load`)."""
    _model(model_path).export(str(dest), format="tf_saved_model", verbose=False)


def _tflite(model_path: Path, dest: Path, quantise: bool) -> None:
    from alexnet_desktop.plugin_api import tensorflow

    tf = tensorflow()
    with tempfile.TemporaryDirectory() as tmp:
        saved = Path(tmp) / "saved_model"
        export_saved_model(model_path, saved)
        converter = tf.lite.TFLiteConverter.from_saved_model(str(saved))
        if quantise:
            # Dynamic-range quantisation: int8 weights, float activations; about 4x smaller.
            converter.optimizations = [tf.lite.Optimize.DEFAULT]
        dest.write_bytes(converter.convert())


def export_tflite(model_path: Path, dest: Path) -> None:
    """A float32 TFLite flatbuffer, for phones and edge devices."""
    _tflite(model_path, dest, quantise=False)


def export_tflite_quantised(model_path: Path, dest: Path) -> None:
    """A TFLite flatbuffer with int8 weights (dynamic-range quantisation)."""
    _tflite(model_path, dest, quantise=True)


def export_onnx(model_path: Path, dest: Path) -> None:
    """An ONNX model (opset chosen by Keras), for onnxruntime and other frameworks."""
    import importlib.util

    missing = [m for m in ("onnx", "tf2onnx") if importlib.util.find_spec(m) is None]  # Keras's export needs both
    if missing:
        raise OSError(say("ONNX export needs the {0} package(s): pip install onnx tf2onnx", " and ".join(missing)))
    model = _model(model_path)
    grouped = [layer.name for layer in _layers(model) if getattr(layer, "groups", 1) > 1]
    if grouped:
        # Refused up front: tf2onnx spends a long time and much memory before failing on these.
        raise ValueError(say("this model cannot be exported to ONNX: its grouped convolutions ({0}) have no ONNX "
                             "translation in the converter. Export it as a SavedModel or TFLite instead",
                             ", ".join(grouped)))
    model.export(str(dest), format="onnx", verbose=False)
    _check_onnx(dest)


def _layers(model):
    """Every layer of `model`, nested models' included."""
    for layer in model.layers:
        yield layer
        if hasattr(layer, "layers"):
            yield from _layers(layer)


def _check_onnx(path: Path) -> None:
    """Refuse an ONNX file the converter could not finish: tf2onnx leaves TensorFlow operations
    it cannot translate (the grouped convolutions of the published AlexNet become
    `StatefulPartitionedCall`) in the graph, and no ONNX runtime can load that."""
    import onnx

    model = onnx.load(str(path))
    try:
        onnx.checker.check_model(model, full_check=True)
    except onnx.checker.ValidationError as exc:
        foreign = sorted({n.op_type for n in model.graph.node if n.domain in ("", "ai.onnx")
                          and not onnx.defs.has(n.op_type)})
        what = f" ({', '.join(foreign)})" if foreign else ""
        raise ValueError(
            say("this model cannot be exported to ONNX: the converter left TensorFlow operations that ONNX does "
                "not have{0}; grouped convolutions (the published AlexNet's) are the usual cause. Export it as a "
                "SavedModel or TFLite instead. ({1})", what, str(exc).splitlines()[0][:200])
        ) from None


EXPORTERS = [
    Exporter(id="keras", name="Keras model (.keras)", suffix=".keras", export=export_keras),
    Exporter(id="savedmodel", name="TensorFlow SavedModel (folder)", suffix="", export=export_saved_model),
    Exporter(id="tflite", name="TensorFlow Lite, float (.tflite)", suffix=".tflite", export=export_tflite),
    Exporter(id="tflite-quantised", name="TensorFlow Lite, 8-bit weights (.tflite)", suffix=".tflite",
             export=export_tflite_quantised),
    Exporter(id="onnx", name="ONNX (.onnx)", suffix=".onnx", export=export_onnx),
]


@hookimpl
def register_exporters():
    """The built-in export formats."""
    return EXPORTERS
