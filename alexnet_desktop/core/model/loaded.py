"""A trained model loaded to predict with: a run folder's, or a `.keras` file's with its class
names, its input size and how images are made square for it (`load_for_prediction`), and its
outputs turned into probabilities (`as_probabilities`)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from alexnet_desktop.core.data.images import RESIZE_MODES
from alexnet_desktop.core.events import Emit, Message, no_emit
from alexnet_desktop.core.files import check_regular, read_text
from alexnet_desktop.core.model.input_range import resolve_scale, with_input_scale
from alexnet_desktop.core.model.model_files import check_model_suffix, load_model_file
from alexnet_desktop.core.runs.folder import LABELS, MODEL, RunFolder
from alexnet_desktop.core.runs.manifest import MAX_IMAGE_SIZE
from alexnet_desktop.core.wording import plain, say

@dataclass
class LoadedModel:
    """A model ready to predict: the Keras model, its class names, its input size and how an
    image is made square for it (its run's `resize`)."""

    model: Any
    class_names: list[str]
    image_size: int
    source: Path
    # Whether the model's outputs were found to be scores (logits) rather than probabilities,
    # in any batch so far: the warning is said once (see `as_probabilities`).
    logits: bool = False
    resize: str = "stretch"
    input_scale: str = "0-255"  # the range the model takes (`core/model/input_range.py`), applied inside `model`
    inside: dict[str, str] = field(default_factory=dict)  # what else the model does to its input (a backbone's own)


def is_distribution(outputs: np.ndarray) -> bool:
    """True when every finite row of `outputs` is a probability distribution (in 0..1, summing to 1)."""
    finite = outputs[np.isfinite(outputs).all(axis=1)]
    return bool(((finite >= -1e-6) & (finite <= 1 + 1e-6)).all() and np.allclose(finite.sum(axis=1), 1.0, atol=1e-3))


def as_probabilities(loaded: LoadedModel, outputs: np.ndarray, emit: Emit = no_emit) -> np.ndarray:
    """The model's outputs for a batch as probabilities.

    Every batch is checked: one whose outputs are not probabilities (logits: a "confidence"
    of 91.5) gets a softmax, and the first such batch is said once, so a model that gives
    probabilities for some images and raw scores for others never yields a confidence above 1.
    Rows that are not finite (NaN, infinity) stay so: the caller makes them unreadable.
    """
    outputs = np.asarray(outputs, dtype=np.float64)
    if not np.isfinite(outputs).all(axis=1).any() or is_distribution(outputs):
        return outputs
    if not loaded.logits:
        loaded.logits = True
        emit(Message(say("{0}: the model's outputs are not probabilities (they range from {1:.4g} to {2:.4g}); "
                         "a softmax is applied to them", loaded.source, float(np.nanmin(outputs)),
                         float(np.nanmax(outputs))), "warning"))
    with np.errstate(invalid="ignore", over="ignore"):
        shifted = outputs - outputs.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        return e / e.sum(axis=1, keepdims=True)


def read_labels(path: Path) -> list[str]:
    """Class names from a label file: one per line (`.txt`) or a JSON list (`.json`)."""
    text = read_text(path, what=say("a label file"))
    names = json.loads(text) if Path(path).suffix == ".json" else [ln.strip() for ln in text.splitlines()]
    names = [str(n) for n in names if str(n).strip()]
    if not names:
        raise ValueError(say("{0}: the label file lists no class names", path))
    return names


class InputSizeUnknown(ValueError):
    """A model made elsewhere whose input takes any size: the size it was trained at must be given."""


def load_for_prediction(
    ref: str | Path,
    labels: str | Path | None = None,
    *,
    class_names: list[str] | None = None,
    image_size: int | None = None,
    input_scale: str | None = None,
) -> LoadedModel:
    """Load a run folder, or a `.keras` file with its class names: `class_names`, a label
    file (`labels`), or `labels.txt` beside it. `image_size` is needed only for a model
    made elsewhere whose input size is not fixed; `input_scale` only for one whose input range
    nothing records (`resolve_scale`; `InputRangeUnknown` otherwise)."""
    ref = Path(ref)
    if not ref.exists():  # before the suffix rule, which would name the wrong fault
        raise FileNotFoundError(say("{0}: no such file or folder", ref))
    if ref.is_dir():
        run = RunFolder(ref)
        manifest = run.manifest()
        if not run.model_path.exists():
            raise FileNotFoundError(say("{0}: the run has no {1} (it did not finish an epoch)", ref, MODEL))
        check_regular(run.model_path)  # a pipe or a folder in its place is named as such
        model = load_model_file(run.model_path, accepted_hashes=run.accepted_hashes(MODEL))
        names = list(manifest.class_names)
        if not names or manifest.image_size is None:
            raise ValueError(say("{0}: the manifest names no classes or no image size", run.manifest_path))
        size = int(manifest.image_size)
        resize = manifest.resize
        inside = {k: v for k, v in manifest.preprocessing.items() if k == "backbone"}
        source = run.model_path
        fixed = _input_side(model, run.model_path)
        # Checked before any image is decoded at that size (4000 would decode 48 MB an image).
        if (fixed and size != fixed) or not 1 <= size <= MAX_IMAGE_SIZE:
            raise ValueError(say("{0}: says image size {1}, but its model takes {2}; the run folder was changed",
                                 ref / "run.json", size, f"{fixed}x{fixed}" if fixed else
                                 say("any size up to {0}", MAX_IMAGE_SIZE)))
    else:
        check_model_suffix(ref)
        if not ref.is_file():
            raise FileNotFoundError(say("{0}: no such model file", ref))
        if class_names:
            names = [str(n).strip() for n in class_names if str(n).strip()]
        else:
            # An export's own `<name>.labels.txt` first, then a run folder's `labels.txt`.
            beside = [ref.with_name(f"{ref.stem}.{LABELS}"), ref.with_name(LABELS)]
            label_file = Path(labels) if labels else next((f for f in beside if f.is_file()), beside[-1])
            if labels and not label_file.is_file():
                raise FileNotFoundError(say("{0}: no such label file (given with --labels)", labels))
            if not label_file.is_file():
                raise FileNotFoundError(say("{0}: no label file (looked for {1}); give one with --labels", ref,
                                            " and ".join(map(str, beside))))
            names = read_labels(label_file)
        model = load_model_file(ref)
        size = _input_side(model, ref) or (image_size or 0)
        if not size:
            raise InputSizeUnknown(say("{0}: the model takes images of any size; give the size it was trained at "
                                       "(--image-size)", ref))
        source, inside = ref, {}
        resize = _resize_beside(ref)
    outputs = int(model.output_shape[-1])
    if outputs != len(names):
        raise ValueError(say("{0}: the model has {1} outputs but {2} class names", ref, outputs, len(names)))
    # A run folder's model (or its model.keras chosen as a file): the app made it to take raw pixels.
    in_run = ref.is_dir() or (ref.name == MODEL and (ref.parent / "run.json").is_file())
    scale = resolve_scale(model, source, input_scale, made_here=in_run)
    return LoadedModel(with_input_scale(model, scale), names, size, source, resize=resize, input_scale=scale,
                       inside=inside)


def _resize_beside(model_file: Path) -> str:
    """How the images of a `.keras` file are made square: as its run says (a run folder's
    model), as its export's preprocessing file says, else "stretch"."""
    if model_file.name == MODEL and (model_file.parent / "run.json").is_file():
        try:
            return RunFolder(model_file.parent).manifest().resize
        except (OSError, ValueError):
            return "stretch"
    pre = model_file.with_name(f"{model_file.stem}.preprocessing.json")
    try:
        mode = json.loads(read_text(pre)).get("preprocessing", {}).get("resize_mode", "stretch")
    except (OSError, ValueError, AttributeError):
        return "stretch"
    return mode if mode in RESIZE_MODES else "stretch"


def keras_reason(exc: BaseException) -> str:
    """The one line of a Keras error that says what went wrong: its first, or, when Keras wrapped
    the error ("Exception encountered when calling Reshape.call()."), the wrapped one's."""
    lines = [ln.strip() for ln in plain(str(exc) or type(exc).__name__).strip().splitlines() if ln.strip()]
    if len(lines) > 1 and lines[0].startswith("Exception encountered when calling"):
        return lines[1][:300]
    return (lines or [type(exc).__name__])[0][:300]


def _input_side(model: Any, where: Path) -> int | None:
    """The side of the square RGB images `model` takes (None: any size); a clear error, naming
    the file, for a model whose input is not one batch of RGB images (Keras's own would come
    from the middle of its call, in terminal colours)."""
    shape = model.input_shape
    if isinstance(shape, list):
        raise ValueError(say("{0}: the model takes {1} inputs; the app gives it one batch of images", where, len(shape)))
    shape = tuple(shape)
    if len(shape) != 4 or shape[3] not in (3, None) or (shape[1] and shape[2] and shape[1] != shape[2]):
        raise ValueError(say("{0}: the model takes inputs of shape {1}; the app gives it square RGB images, of shape "
                             "(side, side, 3)", where, shape[1:]))
    return int(shape[1] or shape[2] or 0) or None
