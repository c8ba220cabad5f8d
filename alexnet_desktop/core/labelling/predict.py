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

from alexnet_desktop.core.files import read_text, temporary_beside
from alexnet_desktop.core.wording import N_, say
from alexnet_desktop.core.events import Emit, Progress, no_emit
from alexnet_desktop.core.data.datasets import unwrap_nesting
from alexnet_desktop.core.data.image_files import FileListing, list_image_files
from alexnet_desktop.core.data.images import ImageDecodeError, decode_image
from alexnet_desktop.core.labelling.ranking import strict_ranks
from alexnet_desktop.core.model.loaded import LoadedModel, as_probabilities, keras_reason


# Images a model predicts at once: predict, evaluate and sort all use it (memory, not accuracy).
PREDICTION_BATCH_SIZE = 64


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
    batch_size: int = PREDICTION_BATCH_SIZE,
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
                                else say("{0}: no image files found directly in it (images in its sub-folders count "
                                         "only when sub-folders are included)", folder))
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
        text = read_text(path, what=say("a predictions file"), encoding="utf-8-sig")
    except FileNotFoundError:
        raise FileNotFoundError(say("{0}: no such predictions file", path)) from None
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
