"""A batch-labelling session: predictions, the user's corrections, and what to sort where.

The Predict page's viewer is a thin layer over this: it shows `rows` through `view()`,
sends key presses to `set_label`/`mark_uncertain`/`accept`, and hands `for_sort()` and
`export_rows()` to the sorter and the writer. The user's labels always win over the
model's, and are kept for the session.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from pathlib import Path

from alexnet_desktop.core.labelling.predict import Prediction
from alexnet_desktop.core.wording import say

UNCERTAIN_LABEL = "uncertain"
SORT_KEYS = ("name", "confidence-low", "confidence-high", "label", "margin", "entropy")
UNCERTAINTY_KEYS = ("margin", "entropy")  # the orders that put the most uncertain first


def margin(probabilities: tuple[float, ...]) -> float:
    """The top-1 probability minus the top-2 one: near 0, the model hesitates between two classes."""
    top = sorted(probabilities, reverse=True)[:2]
    return top[0] - (top[1] if len(top) > 1 else 0.0)


def entropy(probabilities: tuple[float, ...]) -> float:
    """The entropy of the probabilities, in nats: highest when the model spreads its belief evenly."""
    return -sum(p * math.log(p) for p in probabilities if p > 0)


def uncertainty(probabilities: tuple[float, ...], by: str = "margin") -> float:
    """How uncertain a prediction is, larger meaning less sure: by "margin" (its negative) or "entropy"."""
    return entropy(probabilities) if by == "entropy" else -margin(probabilities)


@dataclass
class LabelSession:
    """Predictions of one folder, the user's labels over them, and a confidence threshold."""

    class_names: list[str] = field(default_factory=list)
    rows: list[Prediction] = field(default_factory=list)
    threshold: float = 0.0  # predicted labels below this count as uncertain
    manual: dict[int, str | None] = field(default_factory=dict)  # row -> the user's label (None: uncertain)
    seen: set[int] = field(default_factory=set)  # rows the user has looked at (shown in the side panel)

    def reset(self, class_names: list[str]) -> None:
        """Start again with no rows for a model with these classes."""
        self.class_names = list(class_names)
        self.rows.clear()
        self.manual.clear()
        self.seen.clear()

    def mark_seen(self, i: int) -> None:
        """The user has looked at row `i`, so "next to review" passes it by."""
        self.seen.add(i)

    def next_to_review(self, among: list[int], by: str = "margin") -> int | None:
        """The most uncertain row of `among` (by "margin" or "entropy") that the user has neither
        looked at nor labelled; None when there is none. Unreadable rows are never proposed."""
        waiting = [i for i in among if i not in self.seen and i not in self.manual and self.rows[i].probabilities]
        if not waiting:
            return None
        return max(waiting, key=lambda i: (uncertainty(self.rows[i].probabilities, by), -i))

    def add(self, batch: list[Prediction]) -> range:
        """Append a batch of predictions; returns the new rows' indexes."""
        start = len(self.rows)
        self.rows.extend(batch)
        return range(start, len(self.rows))

    def label(self, i: int) -> str | None:
        """The label row `i` is sorted under: the user's if set, else the prediction if it
        reaches the threshold; None means uncertain ("" for a file that could not be read)."""
        if i in self.manual:
            return self.manual[i]
        r = self.rows[i]
        if not r.label:
            return ""
        return r.label if r.confidence >= self.threshold else None

    def is_manual(self, i: int) -> bool:
        """True when the user set or accepted row `i`'s label."""
        return i in self.manual

    def set_label(self, i: int, label: str | None) -> None:
        """The user's label for row `i` (a class name, or None for uncertain)."""
        if label is not None and label not in self.class_names:
            raise ValueError(say("{0!r} is not one of the classes ({1})", label, ", ".join(self.class_names)))
        self.manual[i] = label

    def mark_uncertain(self, i: int) -> None:
        """Send row `i` to the uncertain folder whatever the model said."""
        self.manual[i] = None

    def accept(self, i: int) -> None:
        """The user confirms the model's label for row `i` (it then counts even below the threshold)."""
        if self.rows[i].label:
            self.manual[i] = self.rows[i].label

    def clear_label(self, i: int) -> None:
        """Forget the user's label for row `i`."""
        self.manual.pop(i, None)

    def corrected(self) -> list[int]:
        """Rows whose label the user changed from the model's (the ones worth training on)."""
        return [i for i, label in self.manual.items() if label is not None and label != self.rows[i].label]

    def matches(self, i: int, show: str) -> bool:
        """Whether row `i` belongs in the view `show` (see `view`)."""
        if show == "all":
            return True
        label = self.label(i)
        if show == UNCERTAIN_LABEL:
            return label is None
        if show == "unreadable":
            return label == ""
        if show == "corrected":
            return label is not None and i in self.manual and label != self.rows[i].label
        return label == show

    def view(self, show: str = "all", sort: str = "name") -> list[int]:
        """Row indexes to show: `show` is "all", a class name, "uncertain", "unreadable" or
        "corrected"; `sort` is one of SORT_KEYS."""
        rows = [i for i in range(len(self.rows)) if self.matches(i, show)]
        if sort == "confidence-low":
            rows.sort(key=lambda i: self.rows[i].confidence)
        elif sort == "confidence-high":
            rows.sort(key=lambda i: -self.rows[i].confidence)
        elif sort in UNCERTAINTY_KEYS:
            # The most uncertain first; unreadable rows (no probabilities) last.
            rows.sort(key=lambda i: (not self.rows[i].probabilities,
                                     -uncertainty(self.rows[i].probabilities, sort) if self.rows[i].probabilities else 0.0,
                                     str(self.rows[i].path).casefold()))
        elif sort == "label":
            rows.sort(key=lambda i: (self.label(i) or "~", str(self.rows[i].path)))
        else:
            rows.sort(key=lambda i: str(self.rows[i].path).casefold())
        return rows

    def counts(self) -> dict[str, int]:
        """Rows per label as they would be sorted (with "uncertain" and "unreadable")."""
        out: dict[str, int] = {}
        for i in range(len(self.rows)):
            label = self.label(i)
            key = UNCERTAIN_LABEL if label is None else (label or "unreadable")
            out[key] = out.get(key, 0) + 1
        return out

    def for_sort(self) -> tuple[list[tuple[Path, str | None]], list[tuple[Path, str]]]:
        """`(file, label or None)` for every row that can be sorted, and the files left with why."""
        labelled, left = [], []
        for i, r in enumerate(self.rows):
            label = self.label(i)
            if label == "":
                left.append((r.path, say("not predicted: {0}", r.error or say("no label"))))
            else:
                labelled.append((r.path, label))
        return labelled, left

    def export_rows(self) -> list[Prediction]:
        """The rows as they should be exported: the user's labels applied and marked "manual"."""
        out = []
        for i, r in enumerate(self.rows):
            if i in self.manual:
                out.append(replace(r, label=self.manual[i] or UNCERTAIN_LABEL, source="manual"))
            else:
                out.append(r)
        return out
