"""Turning an architecture into the model the app trains, saves and predicts with.

The saved model takes uint8 RGB images and scales them itself (`Rescaling(1/255)`), so
a `.keras` file carries its preprocessing: whoever loads it feeds decoded images and
gets the same answers as the app did.
"""

from __future__ import annotations

from typing import Any

from alexnet_desktop.core.descriptors import Architecture
from alexnet_desktop.core.tf_runtime import keras as _keras
from alexnet_desktop.core.wording import say

PREPROCESSING = {
    "decoder": "alexnet_desktop.core.data.images.decode_image",
    "resize": "stretch to image_size x image_size, bilinear",
    "color": "RGB, alpha composited on white",
    "input_dtype": "uint8",
    "scale": "inside the model: Rescaling(1/255)",
}


def preprocessing(resize: str = "stretch") -> dict[str, Any]:
    """How a model's input images are made, for `run.json` and an export's preprocessing.json:
    `resize_mode` is the run's `resize` setting, which every use of the model applies."""
    from alexnet_desktop.core.data.images import RESIZE_DESCRIPTIONS

    return {**PREPROCESSING, "resize": RESIZE_DESCRIPTIONS[resize], "resize_mode": resize}


def check_input_size(arch: Architecture, image_size: int) -> None:
    """Refuse an input the architecture cannot take, with a message naming the smallest it can."""
    if image_size < arch.min_input_size:
        raise ValueError(
            say("{0} cannot take {1}x{1} images: the smallest input it can take is {2}x{2}",
                arch.name, image_size, arch.min_input_size)
        )


def build_classifier(arch: Architecture, num_classes: int, image_size: int) -> Any:
    """The architecture at `image_size` for `num_classes`, behind a uint8 input that rescales."""
    keras = _keras()
    check_input_size(arch, image_size)
    if num_classes < 2:
        raise ValueError(say("a classifier needs at least 2 classes, not {0}", num_classes))
    net = arch.build(num_classes, (image_size, image_size, 3))
    check_layers_reopen(arch, net)
    inputs = keras.Input((image_size, image_size, 3), dtype="uint8", name="image_uint8")
    x = keras.layers.Rescaling(1.0 / 255, name="rescale")(inputs)
    return keras.Model(inputs, net(x), name=f"{net.name}_classifier")


def check_layers_reopen(arch: Architecture, net: Any) -> None:
    """Refuse, before any training, a network holding a layer the app could not load again: one
    that is neither Keras's, the app's, declared by a plugin (`custom_layers`) nor registered
    with Keras. Otherwise a run would train for hours and its model be refused when reopened."""
    from alexnet_desktop.core.model.model_files import loadable_layer_classes

    known = loadable_layer_classes()
    for layer in _all_layers(net):
        cls = type(layer)
        if cls.__module__.split(".")[0] in ("keras", "alexnet_desktop") or cls in known:
            continue
        raise ValueError(say("{0} builds a layer of its own, {1} (from {2}), that its plugin does not declare: "
                             "list it on the Architecture as custom_layers=({1},), or a saved model could not be "
                             "opened again", arch.name, cls.__name__, cls.__module__))


def _all_layers(model: Any):
    for layer in model.layers:
        yield layer
        if hasattr(layer, "layers"):
            yield from _all_layers(layer)
