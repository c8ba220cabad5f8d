"""The check-labels job: a dataset's images measured by a trained network, out-of-sample
probabilities by k-fold cross-validation, and what confident learning, the near-duplicate rule
and the outlier rule find. The CLI and the window only start it and show its events
(`Message`, `Progress`, and a training run's events while a quick model trains)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from alexnet_desktop.core.checking.features import decode_samples, features_of
from alexnet_desktop.core.checking.findings import LabelIssue, label_issues, near_duplicates, outliers
from alexnet_desktop.core.checking.model_choice import choose_run
from alexnet_desktop.core.checking.probabilities import (FoldTraining, combined, judgeable, linear_probabilities,
                                                          network_probabilities)
from alexnet_desktop.core.data.datasets import Sample
from alexnet_desktop.core.data.loading import load_dataset
from alexnet_desktop.core.events import Emit, Message, never_stop, no_emit
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.wording import say

FAST, THOROUGH = "fast", "thorough"
METHODS = {
    FAST: "confident learning (cleanlab find_label_issues) on out-of-sample probabilities of a logistic "
          "regression, cross-validated on the run's penultimate-layer features",
    THOROUGH: "confident learning (cleanlab find_label_issues) on out-of-sample probabilities of the run's "
              "network trained again on each fold, combined (geometric mean) with the fast path's",
}


@dataclass(frozen=True)
class CheckRequest:
    """What to check and how: `thorough` retrains the network on each of the `folds`."""

    data: str
    run: str | None = None
    thorough: bool = False
    folds: int = 5
    loader: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    fold_training: FoldTraining = FoldTraining()
    quick_epochs: int | None = None  # the quick model's, when one is trained; None: by the dataset's size


@dataclass
class LabelCheck:
    """What a check found, and how."""

    root: Path
    class_names: list[str]
    samples: list[Sample]  # every image read, in the order the indexes below use
    label_issues: list[LabelIssue]
    near_duplicates: list[tuple[int, int, float]]
    outliers: list[tuple[int, float]]
    path: str
    folds: int
    run: Path
    run_source: str
    too_few: list[int]  # images whose class has fewer images than folds: not judged
    unreadable: list[tuple[str, str]]
    probabilities: np.ndarray  # out-of-sample, (len(samples), len(class_names)); zeros where not judged
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The `--json` object."""
        name, file = self.class_names, lambda i: str(self.samples[i].path)
        return {
            "label_issues": [{"file": file(x.index), "given": name[x.given], "suggested": name[x.suggested],
                              "score": round(x.score, 6)} for x in self.label_issues],
            "near_duplicates": [{"files": [file(i), file(j)], "labels": [self.samples[i].label, self.samples[j].label],
                                 "distance": round(d, 6)} for i, j, d in self.near_duplicates],
            "outliers": [{"file": file(i), "label": self.samples[i].label, "score": round(s, 6)}
                         for i, s in self.outliers],
            "how": {"path": self.path, "method": METHODS[self.path], "folds": self.folds, "run": str(self.run),
                    "run_source": self.run_source, "images": len(self.samples),
                    "too_few_to_judge": len(self.too_few), "too_few_files": [file(i) for i in self.too_few],
                    "unreadable": [{"file": f, "reason": r} for f, r in self.unreadable],
                    "seconds": round(self.seconds, 1)},
        }


def check_labels(host: PluginHost, request: CheckRequest, emit: Emit = no_emit,
                 stop: threading.Event | None = None) -> LabelCheck:
    """Run the check (see the module's docstring); raises `Cancelled` when `stop` is set."""
    from alexnet_desktop.core.model.loaded import load_for_prediction

    stop = stop or never_stop()
    started = time.monotonic()
    if request.folds < 2:
        raise ValueError(say("cross-validation needs at least 2 folds, not {0}", request.folds))
    dataset = load_dataset(host, request.data, request.loader, request.options)
    _refuse_too_few(request, np.unique([s.label for s in dataset.samples], return_counts=True)[1])  # before any training
    chosen = choose_run(host, dataset, request.run, emit, stop, request.quick_epochs, request.loader, request.options)
    loaded = load_for_prediction(chosen.path)
    emit(Message(say("Reading {0:,} images at {1} px", len(dataset.samples), loaded.image_size)))
    images, samples, unreadable = decode_samples(dataset.samples, loaded.image_size, loaded.resize, emit, stop)
    index = {c: k for k, c in enumerate(dataset.class_names)}
    labels = np.array([index[s.label] for s in samples], dtype=np.int64)
    features = features_of(loaded.model, images, emit, stop)
    judged = np.flatnonzero(judgeable(labels, request.folds)) if len(labels) else np.zeros(0, np.int64)
    present = np.unique(labels[judged])
    _refuse_too_few(request, np.bincount(labels[judged]))  # unreadable files may have left too few
    local = np.searchsorted(present, labels[judged])
    path = THOROUGH if request.thorough else FAST
    emit(Message(say("Cross-validating over {0} folds ({1} path)", request.folds, path)))
    probs = linear_probabilities(features[judged], local, len(present), request.folds, stop=stop)
    if request.thorough:
        probs = combined(_network(host, chosen.path, images[judged], local, len(present), request, emit, stop), probs)
    full = np.zeros((len(samples), len(dataset.class_names)))
    full[np.ix_(judged, present)] = probs
    issues = [LabelIssue(int(judged[x.index]), int(present[x.given]), int(present[x.suggested]), x.score)
              for x in label_issues(probs, local)]
    return LabelCheck(Path(dataset.root), list(dataset.class_names), samples, issues,
                      near_duplicates(features, labels), outliers(features), path, request.folds, chosen.path,
                      chosen.source, sorted(set(range(len(samples))) - set(judged.tolist())), unreadable, full,
                      time.monotonic() - started)


def _refuse_too_few(request: CheckRequest, counts: np.ndarray) -> None:
    """Raise ValueError unless at least two classes have an image for each fold."""
    if int(np.sum(np.asarray(counts) >= request.folds)) < 2:
        raise ValueError(say("{0}: too few images to judge: a check needs at least two classes with {1} images "
                             "each (one per fold)", request.data, request.folds))


def _network(host: PluginHost, run: Path, images: np.ndarray, labels: np.ndarray, classes: int,
             request: CheckRequest, emit: Emit, stop: threading.Event) -> np.ndarray:
    """Out-of-sample probabilities of the run's architecture retrained on each fold."""
    from alexnet_desktop.core.model.models import build_classifier
    from alexnet_desktop.core.runs.folder import RunFolder

    manifest = RunFolder(run).manifest()
    arch = host.architecture(manifest.architecture.id)
    size = int(manifest.image_size)
    return network_probabilities(lambda: build_classifier(arch, classes, size), images, labels, classes,
                                 request.folds, request.fold_training, emit, stop)
