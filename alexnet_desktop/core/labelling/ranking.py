"""Top-k by strict rank: the one rule for where a class stands among a model's outputs."""

from __future__ import annotations

import numpy as np


def strict_ranks(probabilities: np.ndarray) -> np.ndarray:
    """Each class's rank (1 = first) by strict rank, the one rule of top-k everywhere (the
    evaluation, the mistakes browser, the predictions file): a class's rank is the number of
    classes whose probability is at least its own, itself included, so a tie never counts in
    the model's favour (four classes at exactly 0 all rank 4th). Works on (classes,) or (n, classes)."""
    p = np.asarray(probabilities, dtype=np.float64)
    return (p[..., None, :] >= p[..., :, None]).sum(axis=-1)
