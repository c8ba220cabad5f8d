"""What a check finds, from out-of-sample probabilities and a network's features: images whose
label is probably wrong (cleanlab's confident learning), near-duplicates across classes and
outliers (cleanlab's out-of-distribution scores), each with the rule that decided it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Near-duplicates: a pair closer than this share of the median distance between an image and its
# nearest neighbour (cleanlab's Datalab near-duplicate rule, with its default 0.13).
NEAR_DUPLICATE_FRACTION = 0.13
# Outliers: an image whose mean distance to its neighbours is beyond the third quartile by
# (1/0.37 - 1) interquartile ranges (cleanlab's Datalab outlier rule on features, its default).
OUTLIER_THRESHOLD = 0.37


@dataclass(frozen=True)
class LabelIssue:
    """An image whose given label is probably wrong; `score` (0..1, higher: more likely wrong) is
    one minus the out-of-sample probability of the given label."""

    index: int
    given: int
    suggested: int
    score: float


def label_issues(probabilities: np.ndarray, labels: np.ndarray) -> list[LabelIssue]:
    """Confident learning (Northcutt et al., 2021) through cleanlab's `find_label_issues`, most
    likely wrong first (ranked by the given label's probability, cleanlab's "self_confidence")."""
    from cleanlab.filter import find_label_issues

    if len(labels) == 0:
        return []
    # cleanlab's default filter ("prune_by_noise_rate"): "prune_by_class" found more flipped labels
    # but flagged more right ones on two seeds (benchmarks/NOTES.md, "Check labels").
    # n_jobs=1: with more, cleanlab forks a multiprocessing pool, and a fork of the window's process
    # (Qt's and TensorFlow's threads holding locks) hung the check and, at exit, the app.
    found = find_label_issues(labels, probabilities, return_indices_ranked_by="self_confidence", n_jobs=1)
    return [LabelIssue(int(i), int(labels[i]), int(np.argmax(probabilities[i])),
                       float(1.0 - probabilities[i, labels[i]])) for i in found]


def _unit(features: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(features, axis=1, keepdims=True)
    return features / np.maximum(norms, 1e-12)


def near_duplicates(features: np.ndarray, labels: np.ndarray) -> list[tuple[int, int, float]]:
    """Pairs `(i, j, distance)` of images with different labels whose features are nearly the
    same (cosine distance), closest first."""
    from sklearn.neighbors import NearestNeighbors

    if len(labels) < 3:
        return []
    unit = _unit(features)
    k = min(6, len(labels))
    distances, neighbours = NearestNeighbors(n_neighbors=k, metric="cosine").fit(unit).kneighbors(unit)
    # The first neighbour is the image itself (or an exact copy at distance 0).
    nearest = np.where(neighbours[:, 0] == np.arange(len(labels)), distances[:, 1], distances[:, 0])
    limit = NEAR_DUPLICATE_FRACTION * max(float(np.median(nearest)), 1e-6)
    pairs = {}
    for i in range(len(labels)):
        for d, j in zip(distances[i], neighbours[i]):
            if j != i and d < limit and labels[i] != labels[j]:
                pairs[(min(i, j), max(i, j))] = float(max(d, 0.0))
    return sorted(((i, j, d) for (i, j), d in pairs.items()), key=lambda p: (p[2], p[0]))


def outliers(features: np.ndarray) -> list[tuple[int, float]]:
    """Images far from every other `(index, score)`, most atypical first; `score` is cleanlab's
    out-of-distribution score (0..1, lower: more atypical)."""
    from cleanlab.outlier import OutOfDistribution

    if len(features) < 12:  # cleanlab's neighbourhood is 10 images
        return []
    scores = OutOfDistribution().fit_score(features=_unit(features), verbose=False)
    # The score is exp(-mean neighbour distance / scale): its log gives back the distances' order and spread.
    spread = -np.log(np.maximum(np.asarray(scores, dtype=np.float64), 1e-300))
    q1, q3 = np.percentile(spread, [25, 75])
    limit = q3 + (1 / OUTLIER_THRESHOLD - 1) * (q3 - q1)
    found = np.flatnonzero(spread > limit)
    return [(int(i), float(scores[i])) for i in found[np.argsort(scores[found])]]
