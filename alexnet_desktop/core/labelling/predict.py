"""Predicting a folder of images with a trained model, streamed in batches.

Images are decoded by the one decoder in a small thread pool a few batches ahead of the
model, and results are yielded batch by batch, so a folder of any size is labelled in
bounded memory and an unreadable file becomes a row with its reason, never a crash.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from alexnet_desktop.core.files import temporary_beside
from alexnet_desktop.core.wording import N_, plain, say
from alexnet_desktop.core.events import Emit, Message, Progress, no_emit
from alexnet_desktop.core.data.datasets import unwrap_nesting
from alexnet_desktop.core.data.images import RESIZE_MODES, FileListing, ImageDecodeError, decode_image, list_image_files
from alexnet_desktop.core.labelling.ranking import strict_ranks
from alexnet_desktop.core.model.input_range import resolve_scale, with_input_scale
from alexnet_desktop.core.model.model_files import check_model_suffix, load_model_file
from alexnet_desktop.core.training.manifest import MAX_IMAGE_SIZE
from alexnet_desktop.core.training.runs import LABELS, MODEL, RunFolder


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
    text = Path(path).read_text(encoding="utf-8")
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
    if ref.is_dir():
        run = RunFolder(ref)
        manifest = run.manifest()
        if not run.model_path.is_file():
            raise FileNotFoundError(say("{0}: the run has no {1} (it did not finish an epoch)", ref, MODEL))
        model = load_model_file(run.model_path, accepted_hashes=run.accepted_hashes(MODEL))
        names = list(manifest.class_names)
        if not names or manifest.image_size is None:
            raise ValueError(say("{0}: the manifest names no classes or no image size", run.manifest_path))
        size = int(manifest.image_size)
        resize = manifest.resize
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
            if not label_file.is_file():
                raise FileNotFoundError(say("{0}: no label file (looked for {1}); give one with --labels", ref,
                                            " and ".join(map(str, beside))))
            names = read_labels(label_file)
        model = load_model_file(ref)
        size = _input_side(model, ref) or (image_size or 0)
        if not size:
            raise InputSizeUnknown(say("{0}: the model takes images of any size; give the size it was trained at "
                                       "(--image-size)", ref))
        source = ref
        resize = _resize_beside(ref)
    outputs = int(model.output_shape[-1])
    if outputs != len(names):
        raise ValueError(say("{0}: the model has {1} outputs but {2} class names", ref, outputs, len(names)))
    # A run folder's model (or its model.keras chosen as a file): the app made it to take raw pixels.
    in_run = ref.is_dir() or (ref.name == MODEL and (ref.parent / "run.json").is_file())
    scale = resolve_scale(model, source, input_scale, made_here=in_run)
    return LoadedModel(with_input_scale(model, scale), names, size, source, resize=resize, input_scale=scale)


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
        mode = json.loads(pre.read_text(encoding="utf-8")).get("preprocessing", {}).get("resize_mode", "stretch")
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


@dataclass
class Prediction:
    """One file's result: the label and confidence, every class's probability, or an error."""

    path: Path
    label: str = ""
    confidence: float = 0.0
    probabilities: tuple[float, ...] = ()
    error: str = ""
    source: str = "predicted"  # "predicted", or "manual" when the user set the label

    def top_k(self, class_names: list[str], k: int) -> list[tuple[str, float]]:
        """The classes within the first k by strict rank (`strict_ranks`: classes tied past
        the k-th place are left out, so there may be fewer than k), most probable first; of
        equal ones the first class first, as `label` (numpy's argmax) takes it."""
        probs = np.asarray(self.probabilities)
        ranks = strict_ranks(probs)
        order = [i for i in np.argsort(-probs, kind="stable")[:k] if ranks[i] <= k]
        return [(class_names[i], float(self.probabilities[i])) for i in order]


def predict_files(
    loaded: LoadedModel,
    files: list[Path],
    *,
    batch_size: int = 64,
    emit: Emit = no_emit,
    stop: threading.Event | None = None,
) -> Iterator[list[Prediction]]:
    """Yield one list of Predictions per batch of `files`, in order; stops early when `stop` is set."""
    total = len(files)
    done = 0
    emit(Progress(0, total, N_("images predicted")))

    def decode(path: Path):
        try:
            return decode_image(path, size=loaded.image_size, resize=loaded.resize), ""
        except ImageDecodeError as exc:
            return None, exc.reason

    # No more decoders than cores: more decode no faster, and each extra thread is one more
    # for the window to wait behind for the interpreter.
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        pending: deque = deque()
        batches = (files[i : i + batch_size] for i in range(0, total, batch_size))
        # Two batches in flight: the pool decodes the next while the model runs this one.
        for _ in range(2):
            batch = next(batches, None)
            if batch is not None:
                pending.append((batch, pool.map(decode, batch)))
        while pending:
            if stop is not None and stop.is_set():
                return
            batch, decoded = pending.popleft()
            decoded = list(decoded)
            nxt = next(batches, None)
            if nxt is not None:
                pending.append((nxt, pool.map(decode, nxt)))
            good = [i for i, (arr, _) in enumerate(decoded) if arr is not None]
            results = [Prediction(p, error=decoded[i][1]) for i, p in enumerate(batch)]
            if good:
                x = np.stack([decoded[i][0] for i in good])
                try:
                    outputs = loaded.model.predict_on_batch(x)
                except Exception as exc:  # noqa: BLE001 - Keras's errors are pages of its internals
                    first = keras_reason(exc)
                    raise ValueError(say("{0}: the model failed on {1}x{1} images ({2}: {3})", loaded.source,
                                         loaded.image_size, type(exc).__name__, first)) from None
                probs = as_probabilities(loaded, outputs, emit)
                for row, i in zip(probs, good):
                    if not np.isfinite(row).all():
                        # Never a confident label: NaN compares false with every threshold.
                        results[i] = Prediction(batch[i], error=say("unreadable: the model's output for this image is "
                                                                    "not a number (NaN or infinity)"))
                        continue
                    best = int(np.argmax(row))
                    results[i] = Prediction(batch[i], loaded.class_names[best], float(row[best]), tuple(map(float, row)))
            done += len(batch)
            emit(Progress(done, total, N_("images predicted")))
            yield results


def folder_listing(folder: str | Path, recursive: bool = False) -> FileListing:
    """The image files of a folder to predict (sorted), and what was passed over and why;
    an error if there are no images.

    A folder that only wraps another (the Intel scenes' `seg_pred/seg_pred/`) is stepped into.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise NotADirectoryError(say("{0}: not a folder", folder))
    if not recursive:
        folder = unwrap_nesting(folder, into_leaf=True)
    listing = list_image_files(folder, recursive=recursive)
    if not listing.files:
        raise FileNotFoundError(say("{0}: no image files found", folder) if recursive
                                else say("{0}: no image files found (try --recursive)", folder))
    return listing


PREDICTION_SUFFIXES = (".csv", ".json")
# A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(...)").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """`text` as a CSV cell a spreadsheet shows as text, never runs: a leading formula
    character gets an apostrophe before it (as spreadsheets themselves mark text), and so does
    a leading apostrophe, so that `uncell` gives back exactly `text`."""
    return "'" + text if text.startswith(FORMULA_STARTS + ("'",)) else text


def uncell(text: str) -> str:
    """The text a `cell` stands for."""
    return text[1:] if text.startswith("'") else text


class PredictionWriter:
    """Writes predictions as they come, to CSV (`path,label,confidence,<class>...,top_k,source,error`)
    or JSON (the same fields, probabilities by class name).

    The rows go to a uniquely named temporary file beside `out` (two runs writing the same
    `out` never share one), which takes the name `out` only when closed, atomically. An
    existing `out` is never replaced unless `overwrite` is given, and the name must end in
    `.csv` or `.json`, so an image can never be turned into a table by a slip of the keyboard.
    """

    def __init__(self, out: str | Path, class_names: list[str], top_k: int = 3, *, overwrite: bool = False) -> None:
        self.out = Path(out)
        self.class_names = class_names
        self.top_k = top_k
        self.overwrite = overwrite
        if self.out.suffix.lower() not in PREDICTION_SUFFIXES:
            raise ValueError(say("{0}: predictions are written to a .csv or .json file", self.out))
        if self.out.is_dir():
            raise IsADirectoryError(say("{0}: is a folder; give a file name ending in .csv or .json", self.out))
        if not overwrite and (self.out.exists() or self.out.is_symlink()):
            raise FileExistsError(say("{0}: exists; not overwritten (give --overwrite to replace it)", self.out))
        self.is_json = self.out.suffix.lower() == ".json"
        fd, tmp = temporary_beside(self.out, ".partial")
        self.tmp = Path(tmp)
        self._f = open(fd, "w", newline="", encoding="utf-8")
        self._first = True
        if self.is_json:
            self._f.write('{"class_names": %s, "predictions": [\n' % json.dumps(class_names, ensure_ascii=False))
        else:
            self._csv = csv.writer(self._f)
            self._csv.writerow(["path", "label", "confidence", *map(cell, class_names), "top_k", "source", "error"])

    def write(self, rows: list[Prediction]) -> None:
        """Append a batch of rows."""
        for r in rows:
            if self.is_json:
                item = {
                    "path": os.path.abspath(r.path),
                    "label": r.label,
                    "confidence": r.confidence,
                    "top_k": [{"label": n, "p": p} for n, p in r.top_k(self.class_names, self.top_k)] if r.probabilities else [],
                    "probabilities": dict(zip(self.class_names, r.probabilities)),
                    "source": r.source if r.label else "",
                    "error": r.error,
                }
                self._f.write(("" if self._first else ",\n") + json.dumps(item, ensure_ascii=False))
            else:
                probs = [f"{p:.6f}" for p in r.probabilities] or [""] * len(self.class_names)
                top = " ".join(f"{n}:{p:.4f}" for n, p in r.top_k(self.class_names, self.top_k)) if r.probabilities else ""
                self._csv.writerow([cell(os.path.abspath(r.path)), cell(r.label),
                                    f"{r.confidence:.6f}" if r.label else "", *probs, cell(top),
                                    cell(r.source if r.label else ""), cell(r.error)])
            self._first = False

    def close(self) -> Path:
        """Finish the file and give it its name (a cancelled run leaves no half file); an `out`
        that appeared meanwhile is still never replaced unless `overwrite` was given."""
        try:
            if self.is_json:
                self._f.write("\n]}\n")
            self._f.flush()
            os.fsync(self._f.fileno())
            self._f.close()
            if self.overwrite:
                os.replace(self.tmp, self.out)
            else:
                try:
                    os.link(self.tmp, self.out)  # fails, rather than replaces, if the name is taken
                except FileExistsError:
                    raise FileExistsError(say("{0}: a file of that name appeared while predicting; not overwritten "
                                              "(give --overwrite to replace it)", self.out)) from None
                except OSError:
                    if self.out.exists() or self.out.is_symlink():
                        raise FileExistsError(say("{0}: exists; not overwritten", self.out)) from None
                    os.rename(self.tmp, self.out)  # a file system without hard links
        finally:
            self._f.close()
            self.tmp.unlink(missing_ok=True)
        return self.out

    def abort(self) -> None:
        """Drop the partial file."""
        self._f.close()
        self.tmp.unlink(missing_ok=True)


def read_predictions(path: str | Path) -> list[Prediction]:
    """The rows of a predictions file written by `PredictionWriter` (CSV or JSON), for sorting.

    A relative path in the file names a file relative to the predictions file's folder, never
    to the folder the command runs in. A CSV saved by a spreadsheet (with a byte-order mark)
    is read; cells escaped against formulas are read back as written. A row whose confidence
    is not a number is unreadable; one outside 0..1 (a model's raw scores) refuses the file.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise FileNotFoundError(say("{0}: no such predictions file", path)) from None
    except UnicodeDecodeError as exc:
        raise ValueError(say("{0}: not a predictions file (not UTF-8 text: {1})", path, exc.reason)) from None
    base = Path(os.path.abspath(path)).parent
    if path.suffix.lower() == ".json":
        try:
            document = json.loads(text)
            if not isinstance(document, dict) or "predictions" not in document:
                raise TypeError(say("expected a JSON object with a \"predictions\" list, as `predict --out FILE.json` "
                                    "writes; this is {0}", _json_kind(document)))
            items = document["predictions"]
            if not isinstance(items, list):
                raise TypeError(say("'predictions' is not a list"))
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            raise ValueError(say("{0}: not a predictions file ({1})", path, _short(exc))) from None
        rows = []
        for n, item in enumerate(items, 1):
            where = say("{0}, prediction {1}", path, n)
            if not isinstance(item, dict) or not isinstance(item.get("path"), str) or not item["path"]:
                raise ValueError(say("{0}: not a prediction (it needs a \"path\")", where))
            rows.append(_prediction(base, where, item["path"], item.get("label"), item.get("confidence"),
                                    item.get("error"), item.get("source")))
        return rows
    # Not text.splitlines(): a quoted file name may hold a line break.
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fields = reader.fieldnames
    except csv.Error as exc:
        raise ValueError(say("{0}: not a predictions file ({1})", path, exc)) from None
    if not fields or not {"path", "label", "confidence"} <= set(fields):
        raise ValueError(say("{0}: not a predictions file (it needs path, label and confidence columns)", path))
    rows = []
    try:
        for row in reader:
            where = say("{0}, line {1}", path, reader.line_num)
            if not row["path"]:
                raise ValueError(say("{0}: no path", where))
            rows.append(_prediction(base, where, uncell(row["path"]), uncell(row["label"] or ""), row["confidence"],
                                    uncell(row.get("error") or ""), uncell(row.get("source") or "")))
    except csv.Error as exc:
        raise ValueError(say("{0}, line {1}: {2}", path, reader.line_num, exc)) from None
    return rows


def _json_kind(value: Any) -> str:
    """What a JSON value is, in words, for a message."""
    if value is None:
        return say("null")
    if isinstance(value, list):
        return say("a list")
    if isinstance(value, dict):
        return say("an object without \"predictions\"")
    return say("a single value")


def _short(exc: BaseException) -> str:
    return say("nested too deeply") if isinstance(exc, RecursionError) else str(exc)


def _prediction(base: Path, where: str, path: str, label: Any, confidence: Any, error: Any, source: Any) -> Prediction:
    """One row read back, its path made absolute against the predictions file's folder."""
    label = str(label or "")
    try:
        value = float(confidence) if confidence not in (None, "") else 0.0
    except (TypeError, ValueError):
        raise ValueError(say("{0}: confidence {1!r} is not a number", where, confidence)) from None
    error = str(error or "")
    if not math.isfinite(value):
        label, value, error = "", 0.0, say("the model's confidence is not a number ({0})", confidence)
    elif label and not 0 <= value <= 1:
        raise ValueError(say("{0}: confidence {1} is not a probability (between 0 and 1): the file was made from a "
                             "model's raw scores; predict again", where, confidence))
    return Prediction(base / os.path.expanduser(path), label, value, error=error, source=str(source or "predicted"))


def sort_labels(rows: list[Prediction], min_confidence: float = 0.0) -> tuple[list[tuple[Path, str | None]], list[tuple[Path, str]]]:
    """`(file, label)` pairs for a sort, and the files it must leave alone with the reason.

    A predicted label below `min_confidence` becomes None (the uncertain folder); a label
    the user set is kept whatever the confidence; a file that could not be read is left.
    """
    labelled: list[tuple[Path, str | None]] = []
    left: list[tuple[Path, str]] = []
    for r in rows:
        if not r.label or not math.isfinite(r.confidence):
            left.append((r.path, say("not predicted: {0}", r.error or say("no label"))))
        elif r.source != "manual" and r.confidence < min_confidence:
            labelled.append((r.path, None))
        else:
            labelled.append((r.path, r.label))
    return labelled, left
