"""The range of numbers a model expects its pixels in, known before the model is used.

The app's own models start with a `Rescaling` layer and take raw 0..255 pixels. A model made
elsewhere may expect 0..1, -1..1, 0..255 or Caffe's BGR-less-the-mean: feeding it the wrong
range gives wrong answers without a word. So the range comes, in this order, from:

1. the user (`--input-scale`, or the window's choice), which is then remembered beside the
   model file in `<name>.input.json` for next time;
2. a `Rescaling` or `Normalization` layer at the model's input (then it takes raw pixels);
3. what was remembered beside the model file (`<name>.input.json`).

A model for which none of these says anything is refused (`InputRangeUnknown`, naming the
choices); it is never used with a guess. Once known, `with_input_scale` puts the scaling in
front of the model as a layer (`InputScale`), so prediction, evaluation, explanations, sorting
and exports all feed it the same numbers.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from alexnet_desktop.core.files import temporary_beside
from alexnet_desktop.core.tf_runtime import keras
from alexnet_desktop.core.wording import N_, say

RAW = "0-255"
# Each range, in words, for --help and the window's choice (translatable).
SCALES = {
    "0-1": N_("0..1 (pixels divided by 255)"),
    "-1-1": N_("-1..1 (pixels divided by 127.5, less 1)"),
    "0-255": N_("0..255 (raw pixels)"),
    "caffe": N_("Caffe (BGR, less the ImageNet mean of each channel)"),
}
SIDECAR = ".input.json"
# Layers that, first in a model, mean it scales its own input from raw pixels.
SELF_SCALING = ("Rescaling", "Normalization")


class InputRangeUnknown(ValueError):
    """A model made elsewhere whose input range nothing records: the user must choose one."""


def check_scale(scale: str) -> str:
    """`scale` if it is one of `SCALES`, else a ValueError naming them."""
    if scale not in SCALES:
        raise ValueError(say("no input scale {0!r}; choose one of {1}", scale, ", ".join(SCALES)))
    return scale


def sidecar_path(model_file: str | Path) -> Path:
    """Where the input range of `model_file` is remembered: `<name>.input.json` beside it."""
    model_file = Path(model_file)
    return model_file.with_name(model_file.stem + SIDECAR)


def first_layers(model: Any) -> list[Any]:
    """The first layers a model's input meets, looking inside a model nested at its start."""
    k = keras()
    out = []
    for layer in model.layers:
        if isinstance(layer, k.layers.InputLayer):
            continue
        if isinstance(layer, k.Model):
            return out + first_layers(layer)
        out.append(layer)
        return out
    return out


def scales_itself(model: Any) -> bool:
    """True when a `Rescaling` or `Normalization` layer meets the model's input (it takes raw pixels)."""
    return any(type(layer).__name__ in SELF_SCALING or type(layer).__name__ == "InputScale"
               for layer in first_layers(model))


def recorded_scale(model_file: str | Path) -> str | None:
    """The range remembered beside `model_file`, or None (no file, or not one this app wrote)."""
    try:
        value = json.loads(sidecar_path(model_file).read_text(encoding="utf-8")).get("input_scale")
    except (OSError, ValueError, AttributeError):
        return None
    return value if value in SCALES else None


def remember_scale(model_file: str | Path, scale: str) -> Path:
    """Write `<name>.input.json` beside `model_file` (atomically) saying its input range."""
    path = sidecar_path(model_file)
    fd, tmp = temporary_beside(path, ".partial")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"input_scale": check_scale(scale), "model": Path(model_file).name,
                   "meaning": SCALES[scale]}, f, indent=1)
    os.replace(tmp, path)
    return path


def choices_text() -> str:
    """The choices, for a refusal: `0-1` (0..1 ...), ..."""
    return "; ".join(f"{key} ({say(text)})" for key, text in SCALES.items())


def resolve_scale(model: Any, model_file: str | Path, given: str | None = None, *, made_here: bool = False) -> str:
    """The input range of `model` loaded from `model_file`: `given` (then remembered beside the
    file), raw pixels for a model that scales itself or that this app made (`made_here`: a run
    folder's, whose run.json records its preprocessing), else what was remembered; a model for
    which nothing says is refused with the choices (`InputRangeUnknown`)."""
    if given and scales_itself(model):
        raise ValueError(say("{0}: the model scales its own input (a {1} layer at its input takes raw pixels); "
                             "leave out --input-scale", model_file, type(first_layers(model)[0]).__name__))
    if given:
        check_scale(given)
        if recorded_scale(model_file) != given:
            try:
                remember_scale(model_file, given)
            except OSError:
                pass  # a read-only folder: used this time, asked again next time
        return given
    if made_here or scales_itself(model):
        return RAW
    recorded = recorded_scale(model_file)
    if recorded:
        return recorded
    raise InputRangeUnknown(say("{0}: the model has no Rescaling or Normalization layer at its input, so the range "
                                "of numbers it expects is unknown; give it with --input-scale: {1}",
                                model_file, choices_text()))


def with_input_scale(model: Any, scale: str) -> Any:
    """`model` behind a layer that turns 0..255 pixels into `scale`, taking uint8 images like
    every model the app makes (so its exports take them too); the model itself when it takes raw
    pixels. Plain Keras's `Rescaling` does it where it can, so an export loads in plain Keras;
    only Caffe's channel order and means need the app's `InputScale`."""
    k = keras()
    if scale == RAW and _takes_uint8(model):
        return model
    from alexnet_desktop.core.model.layers import INPUT_SCALES, InputScale

    factor, offset, bgr = INPUT_SCALES[scale]  # RAW: a Rescaling by 1, which only makes uint8 its input
    layer = InputScale(scale, name="input_scale") if bgr else k.layers.Rescaling(factor, offset=offset[0], name="input_scale")
    inputs = k.Input(shape=tuple(model.input_shape[1:]), dtype="uint8", name="pixels")
    return k.Model(inputs, model(layer(inputs)), name=f"{model.name}_scaled")


def _takes_uint8(model: Any) -> bool:
    """Whether `model`'s input is uint8 (every model the app makes takes uint8 images)."""
    try:
        return str(getattr(model.inputs[0], "dtype", "")) == "uint8"
    except (AttributeError, IndexError, TypeError):
        return False
