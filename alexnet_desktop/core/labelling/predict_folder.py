"""The "predict a folder" job: load a model, list a folder's images, predict them batch by batch.

The window and `alexnet-desktop predict` both run `predict_folder` and act on its events:
`ModelReady` (the model and its classes), `PassedOver` (the files that are not images),
`Rows` (each batch's predictions, in order), and `SizeWanted` just before it raises
`InputSizeUnknown` for a model whose input takes any size.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from alexnet_desktop.core.events import Emit, no_emit
from alexnet_desktop.core.model.input_range import InputRangeUnknown
from alexnet_desktop.core.model.loaded import InputSizeUnknown, LoadedModel, load_for_prediction
from alexnet_desktop.core.labelling.predict import PREDICTION_BATCH_SIZE, Prediction, folder_listing, predict_files


@dataclass(frozen=True)
class SizeWanted:
    """The model's input takes any size: the size it was trained at must be given (then raised)."""

    model: str | Path


@dataclass(frozen=True)
class ScaleWanted:
    """The model's input range is unknown (`InputRangeUnknown`): the user must choose one (then raised)."""

    model: str | Path


@dataclass(frozen=True)
class ModelReady:
    """The model is loaded; predictions name `loaded.class_names`."""

    loaded: LoadedModel


@dataclass(frozen=True)
class PassedOver:
    """The folder's files that are not images to predict, with why."""

    files: list[tuple[Path, str]]


@dataclass(frozen=True)
class Rows:
    """One batch of predictions, in the folder's order."""

    predictions: list[Prediction]


def predict_folder(
    model: str | Path,
    folder: str | Path,
    *,
    labels: str | Path | None = None,
    class_names: list[str] | None = None,
    image_size: int | None = None,
    input_scale: str | None = None,
    recursive: bool = False,
    batch_size: int = PREDICTION_BATCH_SIZE,
    emit: Emit = no_emit,
    stop: threading.Event | None = None,
) -> bool:
    """Predict every image of `folder` with `model` (a run folder or a `.keras` file, its class
    names from `labels` or `class_names`); return True when `stop` ended it early.

    The predictions come only as `Rows` events, so a caller keeps, writes or shows them as
    they arrive. Errors (no model, no images) raise before any prediction.
    """
    stop = stop or threading.Event()
    try:
        loaded = load_for_prediction(model, labels, class_names=class_names, image_size=image_size,
                                    input_scale=input_scale)
    except InputSizeUnknown:
        emit(SizeWanted(model))
        raise
    except InputRangeUnknown:
        emit(ScaleWanted(model))
        raise
    listing = folder_listing(folder, recursive=recursive)
    emit(ModelReady(loaded))
    emit(PassedOver(listing.passed_over()))
    for batch in predict_files(loaded, listing.files, batch_size=batch_size, emit=emit, stop=stop):
        emit(Rows(batch))
    return stop.is_set()
