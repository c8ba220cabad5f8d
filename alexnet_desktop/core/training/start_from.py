"""Starting a new run from the weights of an earlier one (`TrainConfig.start_from`).

The source is a run folder (its best model, loaded only if its SHA-256 is the one the run
recorded) or a `.keras` file (with `labels.txt` or `<name>.labels.txt` beside it, when
there is one). Every weighted layer but the last, the classifier, is copied into the new
model; the classifier is copied too when the source was trained on the same class names,
and left freshly initialised when they differ. The source must be the same architecture
(the same weighted layers, in the same order and shapes) at the same input size, or the
run is refused with a message naming both.

While `freeze_epochs` last, the copied layers are not trained (`set_frozen`); Keras runs a
frozen batch-normalisation layer in inference mode, so its statistics stay the source's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alexnet_desktop.core.files import sha256_file
from alexnet_desktop.core.model.model_files import check_keras_archive, check_model_suffix, load_model_file
from alexnet_desktop.core.runs.folder import LABELS, MODEL, RunFolder
from alexnet_desktop.core.wording import say


@dataclass
class StartingPoint:
    """The model a run starts from, with what is known of it."""

    given: str  # as the user gave it (a run folder or a model file)
    kind: str  # "run" or "model"
    path: Path  # the model file loaded
    sha256: str
    model: Any
    class_names: list[str] | None  # None: a model file with no label file beside it
    arch_id: str | None  # a run's architecture; None for a model file
    image_size: int | None

    def record(self, kept_classifier: bool, freeze_epochs: int) -> dict[str, Any]:
        """What `run.json` keeps of it (`start_from`)."""
        return {
            "kind": self.kind,
            "run": Path(self.given).name if self.kind == "run" else None,
            "path": str(self.path),
            "sha256": self.sha256,
            "classifier": "kept" if kept_classifier else "new",
            "freeze_epochs": freeze_epochs,
        }


def resolve_source(given: str, runs_dir: str | Path | None = None) -> Path:
    """The run folder or model file `given` names: a path, or the name of a run in `runs_dir`."""
    path = Path(given).expanduser()
    if not path.exists() and runs_dir and (Path(runs_dir) / given).is_dir():
        path = Path(runs_dir) / given
    if not path.exists():
        raise FileNotFoundError(say("{0}: no such run folder or model file to start from", given))
    return path


def load_starting_point(given: str, runs_dir: str | Path | None = None) -> StartingPoint:
    """Load the model to start from, through the app's safe loader."""
    path = resolve_source(given, runs_dir)
    if path.is_dir():
        run = RunFolder(path)
        manifest = run.manifest()
        if not run.model_path.is_file():
            raise FileNotFoundError(say("{0}: the run has no {1} to start from (it did not finish an epoch)", path, MODEL))
        digest = sha256_file(run.model_path)
        model = load_model_file(run.model_path, accepted_hashes=run.accepted_hashes(MODEL))
        return StartingPoint(str(path), "run", run.model_path.resolve(), digest, model,
                             list(manifest.class_names) or None, manifest.architecture.id or None, manifest.image_size)
    digest = sha256_file(path) if path.is_file() else ""
    model = load_model_file(path)
    names = None
    for label_file in (path.with_name(f"{path.stem}.{LABELS}"), path.with_name(LABELS)):
        if label_file.is_file():
            from alexnet_desktop.core.model.loaded import read_labels

            names = read_labels(label_file)
            break
    shape = tuple(model.input_shape) if not isinstance(model.input_shape, list) else ()
    size = int(shape[1]) if len(shape) == 4 and shape[1] else None
    return StartingPoint(str(path), "model", path.resolve(), digest, model, names, None, size)


def check_source_run(given: str, runs_dir: str | Path | None, arch: Any, image_size: int) -> None:
    """Before anything is loaded: refuse a source run of another architecture or input size
    (a model file is checked once loaded, by `check_compatible`)."""
    path = resolve_source(given, runs_dir)
    if path.is_dir():
        manifest = RunFolder(path).manifest()
        _check_recorded(given, manifest.architecture.id or None, manifest.image_size, arch, image_size)
    else:
        # A model file: its kind and its input size are read from the file itself, before the
        # dataset is scanned and TensorFlow loads it (an .h5 is refused here, by name).
        check_model_suffix(path)
        _check_recorded(given, None, config_side(check_keras_archive(path)), arch, image_size)


def config_side(config: Any) -> int | None:
    """The side of the square images a `.keras` config's first input takes (None: not fixed or not found)."""
    if isinstance(config, dict):
        inner = config.get("config") if isinstance(config.get("config"), dict) else {}
        if config.get("class_name") == "InputLayer":
            shape = inner.get("batch_shape") or inner.get("batch_input_shape")
            return int(shape[1]) if isinstance(shape, list) and len(shape) == 4 and isinstance(shape[1], int) else None
        children = list(config.values())
    elif isinstance(config, list):
        children = config
    else:
        return None
    for child in children:
        if isinstance(child, (dict, list)):
            side = config_side(child)
            if side is not None:
                return side
    return None


def _check_recorded(given: str, arch_id: str | None, size: int | None, arch: Any, image_size: int) -> None:
    if arch_id is not None and arch_id != arch.id:
        raise ValueError(say("{0}: it is a {1} run and this run trains {2}; start from a run of the same architecture",
                             given, arch_id, arch.id))
    if size is not None and int(size) != int(image_size):
        raise ValueError(say("{0}: it takes {1}x{1} images and this run {2}x{2}; give --arch {3} --image-size {1} "
                             "(or start from a model of this size)", given, size, image_size, arch_id or arch.id))


def weighted_layers(model: Any) -> list[Any]:
    """The layers holding weights, in order, looking inside nested models."""
    found = []
    for layer in model.layers:
        if hasattr(layer, "layers") and layer.layers:
            found.extend(weighted_layers(layer))
        elif layer.weights:
            found.append(layer)
    return found


def _signature(layer: Any) -> tuple:
    return type(layer).__name__, tuple(tuple(w.shape) for w in layer.weights)


def check_compatible(point: StartingPoint, model: Any, arch: Any, image_size: int) -> None:
    """Refuse a source of another architecture or input size, naming both."""
    _check_recorded(point.given, point.arch_id, point.image_size, arch, image_size)
    theirs, ours = weighted_layers(point.model), weighted_layers(model)
    # The classifier's output count may differ (other classes); every other shape must match.
    same = len(theirs) == len(ours) and len(ours) > 1 and all(
        _signature(a) == _signature(b) for a, b in zip(theirs[:-1], ours[:-1])
    ) and type(theirs[-1]) is type(ours[-1]) and [tuple(w.shape)[:-1] for w in theirs[-1].weights[:1]] == [
        tuple(w.shape)[:-1] for w in ours[-1].weights[:1]]
    if not same:
        raise ValueError(say("{0}: its layers ({1}) are not those of {2} at {3}x{3} ({4}); start from a model of the "
                             "same architecture", point.given, _describe(point.model), arch.id, image_size,
                             _describe(model)))


def _describe(model: Any) -> str:
    layers = weighted_layers(model)
    return say("{0}, {1} weighted layers", getattr(model, "name", "?"), len(layers))


def copy_weights(point: StartingPoint, model: Any, class_names: list[str]) -> bool:
    """Copy the source's weights into `model`; True when the classifier was kept too."""
    theirs, ours = weighted_layers(point.model), weighted_layers(model)
    for a, b in zip(theirs[:-1], ours[:-1]):
        b.set_weights(a.get_weights())
    keep = point.class_names is not None and list(point.class_names) == list(class_names)
    if keep:
        ours[-1].set_weights(theirs[-1].get_weights())
    return keep


def set_frozen(model: Any, frozen: bool) -> None:
    """Freeze (or free) every weighted layer but the classifier; recompile afterwards."""
    for layer in weighted_layers(model)[:-1]:
        layer.trainable = not frozen
