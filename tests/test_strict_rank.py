"""Top-k by strict rank: a tie with the true class never counts in the model's favour (#32)."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def test_classes_tied_at_zero_are_not_hits():
    from alexnet_desktop.core.training.evaluation import metrics

    names = ["a", "b", "c", "d", "e"]
    # Five images of class "a": one certain and right, four certain and wrong (all else exactly 0).
    probs = np.array([[1, 0, 0, 0, 0]] + [[0, 1, 0, 0, 0]] * 4, dtype=float)
    e = metrics(np.zeros(5, int), probs, names)
    assert e.accuracy == 0.2
    assert e.top_k[3] == 0.2  # the old rule (only strictly higher classes beat it) gave 1.0
    assert e.top_k[5] == 1.0


def test_an_exact_tie_ranks_both_after_each_other():
    from alexnet_desktop.core.labelling.ranking import strict_ranks

    assert strict_ranks(np.array([0.4, 0.4, 0.2])).tolist() == [2, 2, 3]
    assert strict_ranks(np.array([[0.7, 0.2, 0.1], [0.0, 0.0, 1.0]])).tolist() == [[1, 2, 3], [3, 3, 1]]


def test_the_predictions_file_lists_only_classes_within_k_by_the_same_rule(tmp_path):
    from alexnet_desktop.core.labelling.predict import Prediction, PredictionWriter

    rows = [Prediction(Path("/x/1.png"), "a", 1.0, (1.0, 0.0, 0.0, 0.0)),
            Prediction(Path("/x/2.png"), "a", 0.5, (0.5, 0.3, 0.1, 0.1))]
    assert rows[0].top_k(["a", "b", "c", "d"], 3) == [("a", 1.0)]
    assert [n for n, _ in rows[1].top_k(["a", "b", "c", "d"], 3)] == ["a", "b"]
    writer = PredictionWriter(tmp_path / "p.csv", ["a", "b", "c", "d"], 3)
    writer.write(rows)
    lines = writer.close().read_text().splitlines()
    assert lines[1].split(",")[-3] == "a:1.0000" and lines[2].split(",")[-3] == "a:0.5000 b:0.3000"


def test_the_run_line_says_1_epoch_not_1_epochs():
    """#32's plural slips: the command line's run line counts in words that fit."""
    import io

    from alexnet_desktop.commands.common import ProgressPrinter
    from alexnet_desktop.core.training.events import RunStarted

    out = io.StringIO()
    ProgressPrinter(out)(RunStarted(Path("/r"), ["a", "b"], 1, 1, 5, 1, "CPU", 1, [], 4))
    line = out.getvalue()
    assert "1 validation image," in line and "1 epoch of 1 batch on" in line and "; 1 epoch already done" in line, line
    assert "2 classes" in line
