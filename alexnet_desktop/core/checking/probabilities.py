"""Out-of-sample class probabilities by k-fold cross-validation, the input confident learning
needs: each image's probabilities come from a classifier that never saw it.

Two ways: a linear classifier (logistic regression) on a trained network's features, quick;
or the network itself trained again on each fold, slower, whose probabilities are then combined
with the quick way's (`combined`): two out-of-sample opinions are steadier than one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from alexnet_desktop.core.events import Cancelled, Emit, Progress
from alexnet_desktop.core.wording import say

# The fast path's regularisation: on the data (handwritten digits, benchmarks/check_labels.py)
# 0.15 flagged too many right labels; 0.05 met both targets on three splits (benchmarks/NOTES.md).
LINEAR_C = 0.05


@dataclass(frozen=True)
class FoldTraining:
    """How the network is trained on each fold (`--thorough`)."""

    epochs: int = 10
    batch_size: int = 32
    learning_rate: float = 1e-3
    seed: int = 0


def judgeable(labels: np.ndarray, folds: int) -> np.ndarray:
    """A mask of the images whose class has at least `folds` images: fewer cannot be spread
    over the folds, so their out-of-sample probabilities cannot be made."""
    counts = np.bincount(labels, minlength=int(labels.max(initial=-1)) + 1)
    return counts[labels] >= folds


def _splits(labels: np.ndarray, folds: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold

    return list(StratifiedKFold(folds, shuffle=True, random_state=seed).split(np.zeros(len(labels)), labels))


def linear_probabilities(features: np.ndarray, labels: np.ndarray, classes: int, folds: int, seed: int = 0,
                         stop: threading.Event | None = None) -> np.ndarray:
    """Out-of-sample probabilities (N, classes) of logistic regression on standardised features."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    out = np.zeros((len(labels), classes))
    for train, held in _splits(labels, folds, seed):
        if stop is not None and stop.is_set():
            raise Cancelled()
        clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, C=LINEAR_C))
        clf.fit(features[train], labels[train])
        out[np.ix_(held, clf.classes_)] = clf.predict_proba(features[held])
    return out


def network_probabilities(build: Any, images: np.ndarray, labels: np.ndarray, classes: int, folds: int,
                          training: FoldTraining, emit: Emit, stop: threading.Event) -> np.ndarray:
    """Out-of-sample probabilities (N, classes) of the network `build()` makes, trained afresh on
    each fold's other images; `Progress` per epoch, and `Cancelled` after the batch a stop
    arrives in."""
    from alexnet_desktop.core.tf_runtime import keras

    keras = keras()
    out = np.zeros((len(labels), classes))
    total, done = folds * training.epochs, 0
    for train, held in _splits(labels, folds, training.seed):
        keras.utils.set_random_seed(training.seed + done)
        model = build()
        model.compile(optimizer=keras.optimizers.Adam(training.learning_rate),
                      loss="sparse_categorical_crossentropy")
        fold = done // training.epochs + 1

        class Watch(keras.callbacks.Callback):
            def on_train_batch_end(self, batch, logs=None):
                if stop.is_set():
                    self.model.stop_training = True

            def on_epoch_end(self, epoch, logs=None):
                emit(Progress(done + epoch + 1, total, say("fold {0} of {1}: epochs", fold, folds)))

        model.fit(images[train], labels[train], epochs=training.epochs, batch_size=training.batch_size,
                  verbose=0, callbacks=[Watch()])
        if stop.is_set():
            raise Cancelled()
        out[held] = model.predict(images[held], batch_size=128, verbose=0)
        done += training.epochs
        keras.backend.clear_session()
    return out


def combined(*probabilities: np.ndarray) -> np.ndarray:
    """The normalised geometric mean of several out-of-sample probability arrays (N, classes), each
    image's row summing to 1. A class keeps a high probability only where every source gives it
    one, so one network's over-confident slip weighs less (benchmarks/NOTES.md, "thorough")."""
    logs = np.mean([np.log(np.clip(p, 1e-12, 1.0)) for p in probabilities], axis=0)
    mixed = np.exp(logs - logs.max(axis=1, keepdims=True))
    return mixed / mixed.sum(axis=1, keepdims=True)
