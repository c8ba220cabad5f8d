"""`eval.json`, a run's evaluations, as typed `EvaluationRecord`s; the only module that reads or
writes the file.

The file maps a key ("validation", or the path of the data a model was judged on) to one
evaluation's results. `read_evaluations` gives them typed (keys a record does not know are kept,
a missing one takes its default, so files of older versions read); `record_evaluation` replaces
one key's record and saves the file atomically.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from alexnet_desktop.core.files import atomic_write_text
from alexnet_desktop.core.files import read_text
from alexnet_desktop.core.wording import say

EVALUATIONS = "eval.json"


@dataclass
class EvaluationRecord:
    """One evaluation as saved: totals, per-class scores, the confusion matrix, the images."""

    source: str = ""  # "validation split" or the data's path
    count: int = 0
    class_names: list[str] = field(default_factory=list)
    loss: float = 0.0
    accuracy: float = 0.0
    top_k_accuracy: dict[str, float] = field(default_factory=dict)  # "k" -> share with the true class in the top k
    per_class: dict[str, dict[str, float]] = field(default_factory=dict)  # class -> precision, recall, f1, support
    averages: dict[str, dict[str, float]] = field(default_factory=dict)  # "macro", "weighted"
    confusion: list[list[int]] = field(default_factory=list)  # rows: true class, columns: predicted
    confusion_normalised: list[list[float]] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)  # path, true, predicted, confidence
    left: list[dict[str, str]] = field(default_factory=list)  # files not evaluated, with why
    optimistic: bool = False  # judged on the images the run chose its best epoch on
    when: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # keys this version does not know, kept as read

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> "EvaluationRecord":
        """The record of one key of `eval.json`, of any version so far."""
        known = {f.name for f in fields(cls)} - {"extra"}
        return cls(**{k: v for k, v in record.items() if k in known},
                   extra={k: v for k, v in record.items() if k not in known})

    def to_record(self) -> dict[str, Any]:
        """The record as `eval.json` keeps it."""
        record = asdict(self)
        return {**{k: v for k, v in record.items() if k != "extra"}, **self.extra}


def read_evaluations(run_dir: Path) -> dict[str, EvaluationRecord]:
    """The evaluations of the run folder `run_dir` (none when it has no `eval.json`); a clear
    error naming the file when it is damaged."""
    path = Path(run_dir) / EVALUATIONS
    try:
        saved = json.loads(read_text(path))
    except FileNotFoundError:
        return {}
    except ValueError as exc:
        raise ValueError(say("{0}: damaged evaluations ({1})", path, exc)) from None
    if not isinstance(saved, dict) or not all(isinstance(v, dict) for v in saved.values()):
        raise ValueError(say("{0}: damaged evaluations ({1})", path, say("not a JSON object of evaluations")))
    try:
        return {str(k): EvaluationRecord.from_record(v) for k, v in saved.items()}
    except TypeError as exc:
        raise ValueError(say("{0}: damaged evaluations ({1})", path, exc)) from None


def record_evaluation(run_dir: Path, key: str, record: EvaluationRecord) -> Path:
    """Save `record` under `key` in `run_dir`'s `eval.json`, keeping the others; a damaged file
    is replaced (its results cannot be read back anyway, and the run's model can evaluate again)."""
    try:
        saved = read_evaluations(run_dir)
    except ValueError:
        saved = {}
    saved[key] = record
    path = Path(run_dir) / EVALUATIONS
    atomic_write_text(path, json.dumps({k: v.to_record() for k, v in saved.items()}, indent=1, ensure_ascii=False))
    return path
