"""Evaluating a model on labelled images: the figures a user can act on.

Loss, accuracy, top-k accuracy, per-class precision, recall, F1 and support, the confusion
matrix (counts, and normalised by row), and every image's true and predicted label with
its confidence, so the mistakes can be browsed. `metrics` is pure numpy on true labels and
probabilities; `evaluate_samples` feeds it through the same streaming prediction (and the
one decoder) as the Predict page. `evaluate_model` is the job the Evaluate page and
`alexnet-desktop evaluate` both run; `evaluation_samples` decides what a model is judged on.
"""

from __future__ import annotations

import csv
import io
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from alexnet_desktop.core.data.datasets import Sample
from alexnet_desktop.core.data.loading import load_dataset
from alexnet_desktop.core.events import Emit, no_emit
from alexnet_desktop.core.jobs import stop_point
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.model.loaded import LoadedModel, load_for_prediction
from alexnet_desktop.core.labelling.predict import PREDICTION_BATCH_SIZE, predict_files
from alexnet_desktop.core.labelling.ranking import strict_ranks
from alexnet_desktop.core.labelling.predict_folder import ModelReady
from alexnet_desktop.core.runs.evaluations import EvaluationRecord, record_evaluation
from alexnet_desktop.core.runs.manifest import optimistic_note
from alexnet_desktop.core.training.model_card import write_explanations, write_model_card
from alexnet_desktop.core.files import atomic_write_text
from alexnet_desktop.core.runs.folder import RunFolder
from alexnet_desktop.core.wording import say

SPLIT = "split.csv"
_EPS = 1e-7  # Keras' clipping of probabilities in cross-entropy


@dataclass(frozen=True)
class Evaluated:
    """An evaluation finished (emitted at the end of training and by `evaluate`)."""

    run_dir: Path | None
    evaluation: "Evaluation"


@dataclass
class Evaluation:
    """A model's results on one set of labelled images."""

    class_names: list[str]
    source: str  # "validation split" or the data's path
    count: int
    loss: float
    accuracy: float
    top_k: dict[int, float]  # k -> share of images whose true class is among the k most probable
    per_class: list[dict[str, float]]  # precision, recall, f1, support, in class order
    confusion: list[list[int]]  # rows: true class, columns: predicted class
    images: list[dict[str, Any]] = field(default_factory=list)  # path, true, predicted, confidence
    left: list[dict[str, str]] = field(default_factory=list)  # files not evaluated, with why
    optimistic: bool = False  # the run chose its best epoch on these images (see `epoch_chosen_on`)

    def normalised(self) -> list[list[float]]:
        """The confusion matrix with each row divided by its total (a row of zeros stays zero)."""
        m = np.asarray(self.confusion, dtype=float)
        totals = m.sum(axis=1, keepdims=True)
        return np.divide(m, totals, out=np.zeros_like(m), where=totals > 0).tolist()

    def averages(self) -> dict[str, dict[str, float]]:
        """Macro (every class counts the same) and weighted (by support) precision, recall and F1."""
        support = np.array([c["support"] for c in self.per_class], dtype=float)
        out = {}
        for name, weights in (("macro", np.ones_like(support)), ("weighted", support)):
            total = weights.sum()
            out[name] = {k: float(np.dot([c[k] for c in self.per_class], weights) / total) if total else 0.0
                         for k in ("precision", "recall", "f1")}
        return out

    def cell(self, true: str, predicted: str) -> list[dict[str, Any]]:
        """The images of one confusion-matrix cell, least confident first."""
        hits = [im for im in self.images if im["true"] == true and im["predicted"] == predicted]
        return sorted(hits, key=lambda im: im["confidence"])

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (`eval.json`, `evaluate --json`)."""
        return {
            "source": self.source, "count": self.count, "class_names": self.class_names, "loss": self.loss,
            "accuracy": self.accuracy, "top_k_accuracy": {str(k): v for k, v in self.top_k.items()},
            "per_class": {n: c for n, c in zip(self.class_names, self.per_class)}, "averages": self.averages(),
            "confusion": self.confusion, "confusion_normalised": self.normalised(), "images": self.images,
            "left": self.left, "optimistic": self.optimistic,
        }

    def to_text(self) -> str:
        """A report for the terminal: totals, the per-class table and the confusion matrix."""
        w = max([len(n) for n in self.class_names] + [12])
        lines = [f"{self.source}: {self.count} images", f"loss {self.loss:.4f}  accuracy {self.accuracy:.4f}  "
                 + "  ".join(f"top-{k} {v:.4f}" for k, v in self.top_k.items() if k > 1)]
        if self.optimistic:
            lines.append(f"note: {optimistic_note()}")
        lines += ["",
                 f"{'class':<{w}}  precision  recall     f1  support"]
        for n, c in zip(self.class_names, self.per_class):
            lines.append(f"{n:<{w}}  {c['precision']:9.3f}  {c['recall']:6.3f}  {c['f1']:5.3f}  {int(c['support']):7d}")
        for name, a in self.averages().items():
            lines.append(f"{name + ' avg':<{w}}  {a['precision']:9.3f}  {a['recall']:6.3f}  {a['f1']:5.3f}")
        cw = min(max([len(n) for n in self.class_names] + [7]), 16)  # whole names, up to 16 characters
        lines += ["", "confusion (rows: true, columns: predicted)",
                  " " * (w + 2) + " ".join(f"{n if len(n) <= cw else n[:cw - 1] + '…':>{cw}}" for n in self.class_names)]
        for n, row in zip(self.class_names, self.confusion):
            lines.append(f"{n:<{w}}  " + " ".join(f"{v:{cw}d}" for v in row))
        if self.left:
            lines.append(f"\n{len(self.left)} file(s) not evaluated:")
            lines += [f"  {x['path']}: {x['reason']}" for x in self.left[:20]]
        return "\n".join(lines)


def true_ranks(probabilities: np.ndarray, true: np.ndarray) -> np.ndarray:
    """The strict rank (1 = first; `strict_ranks`) of each image's true class."""
    probs = np.asarray(probabilities, dtype=float).reshape(len(true), -1)
    return strict_ranks(probs)[np.arange(len(true)), np.asarray(true, dtype=int)] if len(true) else np.zeros(0, int)


def metrics(true: np.ndarray, probabilities: np.ndarray, class_names: list[str], *, source: str = "",
            top_k: tuple[int, ...] = (1, 3, 5)) -> Evaluation:
    """The figures for integer labels `true` (n,) and class probabilities (n, classes)."""
    true = np.asarray(true, dtype=int)
    probs = np.asarray(probabilities, dtype=float)
    n, k = len(true), len(class_names)
    if probs.shape != (n, k):
        raise ValueError(say("probabilities have shape {0}, expected ({1}, {2})", probs.shape, n, k))
    predicted = probs.argmax(axis=1) if n else np.zeros(0, dtype=int)
    confusion = np.zeros((k, k), dtype=int)
    np.add.at(confusion, (true, predicted), 1)
    loss = float(-np.log(np.clip(probs[np.arange(n), true], _EPS, 1.0)).mean()) if n else float("nan")
    ranks = true_ranks(probs, true)
    tops = {t: float((ranks <= t).mean()) if n else float("nan") for t in top_k if t <= k}
    per_class = []
    for c in range(k):
        tp = confusion[c, c]
        predicted_c, actual_c = confusion[:, c].sum(), confusion[c, :].sum()
        precision = tp / predicted_c if predicted_c else 0.0
        recall = tp / actual_c if actual_c else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class.append({"precision": float(precision), "recall": float(recall), "f1": float(f1), "support": int(actual_c)})
    accuracy = float(np.trace(confusion) / n) if n else float("nan")
    return Evaluation(list(class_names), source, n, loss, accuracy, tops, per_class, confusion.tolist())


def evaluate_samples(
    loaded: LoadedModel,
    samples: list[Sample],
    *,
    source: str,
    batch_size: int = PREDICTION_BATCH_SIZE,
    emit: Emit = no_emit,
    stop: threading.Event | None = None,
) -> Evaluation:
    """Predict `samples` and measure; labels the model does not know and unreadable files are left out, listed."""
    index = {name: i for i, name in enumerate(loaded.class_names)}
    left = [{"path": str(s.path), "reason": say("class {0!r} is not one the model knows", s.label)} for s in samples
            if s.label not in index]
    usable = [s for s in samples if s.label in index]
    label_of = {s.path: s.label for s in usable}
    true, probs, images = [], [], []
    for batch in predict_files(loaded, [s.path for s in usable], batch_size=batch_size, emit=emit, stop=stop):
        for p in batch:
            if p.error:
                left.append({"path": str(p.path), "reason": p.error})
                continue
            true.append(index[label_of[p.path]])
            probs.append(p.probabilities)
            # "rank": where the true class stands by strict rank, as top-k counts it (the mistakes browser shows it)
            images.append({"path": str(p.path), "true": label_of[p.path], "predicted": p.label,
                           "confidence": round(p.confidence, 6),
                           "rank": int(true_ranks(np.array([p.probabilities]), np.array([true[-1]]))[0])})
    stop_point(stop)  # stopped part-way: no measure of part of the images
    if not true:
        first = say(" ({0}, ...)", left[0]["reason"]) if left else ""
        raise ValueError(say("{0}: no image could be evaluated{1}", source, first))
    result = metrics(np.array(true), np.array(probs).reshape(len(true), len(index)), loaded.class_names, source=source)
    result.images, result.left = images, left
    return result


def write_split(run: RunFolder, train: list[Sample], val: list[Sample]) -> None:
    """`split.csv`: every training and validation file of the run with its label and part."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["path", "label", "part"])
    writer.writerows([str(s.path), s.label, "train"] for s in train)
    writer.writerows([str(s.path), s.label, "validation"] for s in val)
    atomic_write_text(run.path / SPLIT, buf.getvalue())


def validation_samples(run: RunFolder) -> list[Sample]:
    """The run's validation images (from `split.csv`)."""
    try:
        with open(run.path / SPLIT, newline="", encoding="utf-8") as f:
            return [Sample(Path(r["path"]), r["label"]) for r in csv.DictReader(f) if r["part"] == "validation"]
    except FileNotFoundError:
        raise FileNotFoundError(say("{0}: the run has no {1} (made before this version); give DATA", run.path, SPLIT)) from None


def save_evaluation(run: RunFolder, evaluation: Evaluation, key: str = "validation", loaded: LoadedModel | None = None,
                    stop: threading.Event | None = None) -> Path:
    """Record `evaluation` in the run's `eval.json` under `key` ("validation", or a data path);
    with the run's model at hand (`loaded`) and the validation images, the model card's heat
    maps are made afresh too. Stopped (`Cancelled`) before the end, it writes nothing: the
    heat maps come first, and eval.json and the model card only once they are made."""
    if loaded is not None and key == "validation":
        write_explanations(run, loaded, evaluation.images, stop)
    stop_point(stop)
    record = EvaluationRecord.from_record({**evaluation.to_dict(), "when": time.strftime("%Y-%m-%dT%H:%M:%S")})
    path = record_evaluation(run.path, key, record)
    write_model_card(run)  # the card shows every evaluation the run has
    return path


def epoch_chosen_on(run: RunFolder | None, samples: list[Sample]) -> bool:
    """True when `run` chose its best epoch on the test part and `samples` include those images:
    a score on them is optimistic. (Every run picks its epoch on its validation images; only a
    test part used that way is worth a warning, since a test score is read as unbiased.)"""
    if run is None or not run.manifest().validated_on_test:
        return False
    try:
        chosen_on = {s.path.resolve() for s in validation_samples(run)}
    except FileNotFoundError:
        return True  # made before split.csv: it validated on the test part, which these may be
    return any(s.path.resolve() in chosen_on for s in samples)


def evaluation_samples(host: PluginHost, data: str | Path | None, run: RunFolder | None, *, loader: str | None = None,
                       options: dict[str, Any] | None = None) -> tuple[list[Sample], str, str]:
    """What a model is judged on, how to name it, and its key in `eval.json`.

    A dataset with a held-out test part is judged on that part, never on what it trained
    on; one without, on all its images. With no data, a run is judged on its validation split.
    """
    if data:
        dataset = load_dataset(host, data, loader, options or {})
        source = f"{data} ({'its test part' if dataset.test_samples else 'all its images'})"
        return dataset.test_samples or dataset.samples, source, str(Path(data).resolve())
    if run is None:
        raise ValueError(say("give DATA to evaluate a .keras model on"))
    return validation_samples(run), "validation split", "validation"


def evaluate_model(
    model: str | Path,
    host: PluginHost,
    data: str | Path | None = None,
    *,
    loader: str | None = None,
    options: dict[str, Any] | None = None,
    labels: str | Path | None = None,
    image_size: int | None = None,
    input_scale: str | None = None,
    batch_size: int = PREDICTION_BATCH_SIZE,
    heat_maps: bool = False,
    emit: Emit = no_emit,
    stop: threading.Event | None = None,
) -> Evaluated:
    """Evaluate `model` (a run folder, or a `.keras` file with its labels) on `data`, or on a
    run's validation split; a run keeps the result in its `eval.json` (with `heat_maps`, the
    model card's heat maps are made afresh too). Emits `ModelReady`, then the progress.
    Stopped, it raises `Cancelled` and writes nothing (no partial eval.json or model card)."""
    ref = Path(model)
    run = RunFolder(ref) if ref.is_dir() else None
    loaded = load_for_prediction(ref, labels, image_size=image_size, input_scale=input_scale)
    emit(ModelReady(loaded))
    samples, source, key = evaluation_samples(host, data, run, loader=loader, options=options)
    evaluation = evaluate_samples(loaded, samples, source=source, batch_size=batch_size, emit=emit, stop=stop)
    evaluation.optimistic = epoch_chosen_on(run, samples)
    if run is not None:
        save_evaluation(run, evaluation, key, loaded=loaded if heat_maps else None, stop=stop)
    return Evaluated(run.path if run is not None else None, evaluation)
