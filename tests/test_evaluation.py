"""Evaluation: metrics against hand-computed values, and the evaluation a run gets when it ends."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import Qt
import pytest

from alexnet_desktop import cli
from alexnet_desktop.core.training.evaluation import metrics
from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.training.fit import train


def test_metrics_match_hand_computed_values():
    # Three classes, six images. True: a a b b c c. Predicted (argmax): a b b b a c.
    probs = np.array([
        [0.7, 0.2, 0.1],   # a -> a
        [0.3, 0.6, 0.1],   # a -> b (a second)
        [0.1, 0.8, 0.1],   # b -> b
        [0.2, 0.5, 0.3],   # b -> b
        [0.5, 0.1, 0.4],   # c -> a (c second)
        [0.1, 0.2, 0.7],   # c -> c
    ])
    true = np.array([0, 0, 1, 1, 2, 2])
    e = metrics(true, probs, ["a", "b", "c"], top_k=(1, 2))
    assert e.confusion == [[1, 1, 0], [0, 2, 0], [1, 0, 1]]
    assert e.accuracy == pytest.approx(4 / 6)
    assert e.top_k == {1: pytest.approx(4 / 6), 2: pytest.approx(1.0)}
    assert e.loss == pytest.approx(-np.mean(np.log([0.7, 0.3, 0.8, 0.5, 0.4, 0.7])))
    a, b, c = e.per_class
    assert (a["precision"], a["recall"], a["support"]) == (pytest.approx(0.5), pytest.approx(0.5), 2)
    assert (b["precision"], b["recall"]) == (pytest.approx(2 / 3), pytest.approx(1.0))
    assert b["f1"] == pytest.approx(2 * (2 / 3) * 1 / (2 / 3 + 1))
    assert (c["precision"], c["recall"], c["f1"]) == (pytest.approx(1.0), pytest.approx(0.5), pytest.approx(2 / 3))
    assert e.normalised()[2] == [0.5, 0.0, 0.5]
    assert e.averages()["macro"]["recall"] == pytest.approx((0.5 + 1 + 0.5) / 3)


def test_a_class_never_predicted_or_never_present_scores_zero_not_nan():
    e = metrics(np.array([0, 0]), np.array([[0.9, 0.1, 0.0], [0.8, 0.2, 0.0]]), ["a", "b", "c"])
    assert e.per_class[1] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    assert e.normalised()[1] == [0.0, 0.0, 0.0]


def test_a_finished_run_is_evaluated_on_its_validation_split(host, colour_dataset, workspace, capsys, monkeypatch):
    result = train(TrainConfig(data=str(colour_dataset), arch="tiny-test-net", epochs=2, batch_size=4, image_size=16,
                               runs_dir=str(workspace.runs_dir)), host)
    saved = json.loads((result.run_dir / "eval.json").read_text())["validation"]
    manifest = json.loads((result.run_dir / "run.json").read_text())
    assert saved["count"] == manifest["dataset"]["val_count"]
    assert sum(map(sum, saved["confusion"])) == saved["count"]
    assert set(saved["per_class"]) == {"blue", "red"} and len(saved["images"]) == saved["count"]
    # The same from the command line, on the validation split and on a folder.
    monkeypatch.setattr("alexnet_desktop.core.plugins._default_host", host)  # the host every command uses
    assert cli.main(["evaluate", str(result.run_dir), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["confusion"] == saved["confusion"]
    assert cli.main(["evaluate", str(result.run_dir), str(colour_dataset)]) == 0
    text = capsys.readouterr().out
    assert "12 images" in text and "confusion (rows: true, columns: predicted)" in text
    assert str(colour_dataset.resolve()) in json.loads((result.run_dir / "eval.json").read_text())


def test_evaluate_page_matrix_click_shows_the_cell_and_a_wrong_label_is_moved_with_undo(
    qtbot, window, host, colour_dataset, workspace, tmp_path
):
    import shutil

    from PySide6.QtCore import QPointF, Qt

    from alexnet_desktop.gui.viewer import GridModel

    data = tmp_path / "data"
    shutil.copytree(colour_dataset, data)
    run = train(TrainConfig(data=str(data), arch="tiny-test-net", epochs=1, batch_size=4, image_size=16,
                            runs_dir=str(workspace.runs_dir)), host).run_dir
    window.state.runs_changed.emit()
    page = window.evaluate_page
    window.tabs.setCurrentWidget(page)
    page.run_combo.setCurrentIndex(page.run_combo.findData(str(run)))
    page.data_edit.edit.setText(str(data))
    with qtbot.waitSignal(page.runner.finished, timeout=60000):
        page.evaluate_button.click()
    e = page.evaluation
    assert e is not None and e.count == 12 and page.table.rowCount() == 2
    assert "accuracy" in page.summary.text()
    # Click the cell "labelled red" x "predicted as" the class most red images went to.
    predicted = int(np.argmax(e.confusion[1]))
    vb = page.matrix.getViewBox()
    point = page.matrix.mapFromScene(vb.mapViewToScene(QPointF(predicted + 0.5, 1.5)))
    qtbot.mouseClick(page.matrix.viewport(), Qt.LeftButton, pos=point)
    qtbot.waitUntil(lambda: page.grid_model.rowCount() == e.confusion[1][predicted], timeout=5000)
    confidences = [page.session.rows[page.grid_model.data(page.grid_model.index(p), GridModel.RowRole)].confidence
                   for p in range(page.grid_model.rowCount())]
    assert confidences == sorted(confidences)
    assert "labelled <b>red</b>" in page.cell_title.text()

    # The first image is "wrongly labelled" in the data: move it to blue/, then undo.
    page.grid.setCurrentIndex(page.grid_model.index(0))
    moved = Path(page.grid_model.data(page.grid_model.index(0), GridModel.PathRole))
    original = moved.read_bytes()
    with qtbot.waitSignal(page.fix_runner.finished, timeout=30000):
        page.move_selected("blue")
    assert not moved.exists() and (data / "blue" / moved.name).read_bytes() == original
    with qtbot.waitSignal(page.fix_runner.finished, timeout=30000):
        page.undo_button.click()
    assert moved.read_bytes() == original and not (data / "blue" / moved.name).exists()


def test_a_run_finished_in_the_app_shows_its_validation_evaluation(qtbot, window, colour_dataset):
    from tests.test_gui_runs import _choose

    _choose(qtbot, window, colour_dataset, epochs=2)
    with qtbot.waitSignal(window.train_page.runner.finished, timeout=60000):
        window.train_page.start_button.click()
    page = window.evaluate_page
    e = page.evaluation
    assert e is not None and e.source == "validation split"
    assert page.run_combo.currentData() == str(window.train_page.run_dir)
    assert window.train_page.filters.pixmap() is not None and not window.train_page.filters.pixmap().isNull()
    # Every cell's count is written on the matrix (drawn in one item, not one per cell).
    assert [text for _, _, text, _ in page.matrix.labels.labels] == [str(c) for row in e.confusion for c in row]
    page.as_share.setChecked(True)
    assert all(text.endswith("%") for _, _, text, _ in page.matrix.labels.labels)

    # The heat map of a cell's image uses this run's model, loaded when it is first asked for.
    window.tabs.setCurrentWidget(page)
    assert page.detail.explain.isEnabled() and page.detail.loaded is None
    page.show_cell(1, int(np.argmax(e.confusion[1])))
    page.grid.setCurrentIndex(page.grid_model.index(0))
    page.detail.explain.setChecked(True)
    qtbot.waitUntil(lambda: page.detail.image.toolTip().startswith("Heat map for "), timeout=30000)
    assert Path(page.detail.loaded.source).parent == window.train_page.run_dir


def test_a_finished_run_has_a_model_card_and_shows_its_filters_each_epoch(host, colour_dataset, workspace):
    from alexnet_desktop.core.training.events import FiltersChanged

    events = []
    result = train(TrainConfig(data=str(colour_dataset), arch="tiny-test-net", epochs=2, batch_size=4, image_size=16,
                               runs_dir=str(workspace.runs_dir)), host, events.append)
    filters = [e for e in events if isinstance(e, FiltersChanged)]
    assert [f.epoch for f in filters] == [1, 2]
    assert filters[0].grid.dtype == np.uint8 and filters[0].grid.ndim == 3
    assert not np.array_equal(filters[0].grid, filters[1].grid)  # the kernels learnt something
    md = (result.run_dir / "model_card.md").read_text()
    for part in ("# Model card", "## Architecture", "## Data", "## Training", "## Evaluation: validation split",
                 "Confusion matrix", "| blue |", "tiny-test-net"):
        assert part in md, part
    page = (result.run_dir / "model_card.html").read_text()
    assert page.count("<table>") >= 3 and "data:image/png;base64," in page and "<h2>Evaluation" in page
    assert (result.run_dir / "curves.png").is_file()
    # The heat maps of the app's side panel, over the images the model got most wrong.
    assert "## Where the model looks" in md and "![Heat maps](explanations.png)" in md
    assert page.count("data:image/png;base64,") == 2
    with Image.open(result.run_dir / "explanations.png") as im:
        assert im.size[0] > 200 and im.size[1] > 200


def test_evaluate_page_opens_the_model_card(qtbot, window, host, colour_dataset, workspace, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    run = train(TrainConfig(data=str(colour_dataset), arch="tiny-test-net", epochs=1, batch_size=4, image_size=16,
                            runs_dir=str(workspace.runs_dir)), host).run_dir
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window.state.runs_changed.emit()
    page = window.evaluate_page
    page.run_combo.setCurrentIndex(page.run_combo.findData(str(run)))
    page.card_button.click()
    assert opened == [str(run / "model_card.html")]


OPTIMISTIC = "validated on the test part: the best epoch was chosen on these images, so this score is optimistic"


def _with_test_part(root: Path, per_part=(("train", 4), ("test", 3))) -> Path:
    from tests.dataset_files import image

    for part, n in per_part:
        for c, colour in (("blue", (30, 30, 220)), ("red", (220, 30, 30))):
            for i in range(n):
                image(root / part / c / f"{part}_{c}_{i}.png", colour, side=24)
    return root


def _cli(*args: str):
    from tests.cli import run_cli

    return run_cli(*args, ok=True)


@pytest.mark.slow  # trains twice in new processes (400 s measured on a loaded machine)
def test_a_run_validated_on_the_test_part_says_its_test_score_is_optimistic_in_the_cli(tmp_path):
    data = _with_test_part(tmp_path / "intel")
    other = _with_test_part(tmp_path / "other", (("train", 2),))  # never seen: an honest score
    trained = _cli("train", data, "--arch", "small-cnn", "--image-size", 32, "--epochs", 1, "--batch-size", 4,
                   "--validate-on", "test", "--run-dir", tmp_path / "runs")
    summary = trained.stdout.strip().splitlines()
    assert summary[0].startswith("finished: ") and summary[-1] == f"note: {OPTIMISTIC}"
    run = Path(summary[0].split(": ", 1)[1].split(",")[0])
    assert f"warning: {OPTIMISTIC}" in trained.stderr  # said as the run's own evaluation is shown
    for evaluated in (_cli("evaluate", run), _cli("evaluate", run, data)):
        assert evaluated.stdout.splitlines()[2] == f"note: {OPTIMISTIC}"
    honest = _cli("evaluate", run, other)
    assert "optimistic" not in honest.stdout
    saved = json.loads((run / "eval.json").read_text())
    assert saved["validation"]["optimistic"] and saved[str(data.resolve())]["optimistic"]
    assert not saved[str(other.resolve())]["optimistic"]
    card = (run / "model_card.md").read_text()
    assert card.count(OPTIMISTIC) == 3  # the best value, and the two evaluations on the test images


def test_the_evaluate_and_runs_pages_say_a_test_score_chosen_on_is_optimistic(qtbot, window, host, workspace, tmp_path):
    data = _with_test_part(tmp_path / "data")
    on_test = train(TrainConfig(data=str(data), arch="tiny-test-net", epochs=1, batch_size=4, image_size=16,
                                val_source="test", runs_dir=str(workspace.runs_dir)), host).run_dir
    on_split = train(TrainConfig(data=str(data), arch="tiny-test-net", epochs=1, batch_size=4, image_size=16,
                                 val_split=0.5, runs_dir=str(workspace.runs_dir)), host).run_dir
    window.state.runs_changed.emit()
    page = window.evaluate_page
    window.tabs.setCurrentWidget(page)
    for run, warned in ((on_test, True), (on_split, False)):
        page.run_combo.setCurrentIndex(page.run_combo.findData(str(run)))
        page.data_edit.edit.setText(str(data))
        with qtbot.waitSignal(page.runner.finished, timeout=60000):
            page.evaluate_button.click()
        assert page.evaluation is not None and page.evaluation.count == 6
        assert (OPTIMISTIC in page.summary.text()) == warned, page.summary.text()
    runs = window.runs_page
    rows = {runs.table.item(r, 0).data(Qt.UserRole): r for r in range(runs.table.rowCount())}
    best_column = 5
    flagged = runs.table.item(rows[str(on_test)], best_column)
    assert flagged.text().endswith(" *") and OPTIMISTIC in flagged.toolTip()
    plain = runs.table.item(rows[str(on_split)], best_column)
    assert not plain.text().endswith("*") and OPTIMISTIC not in plain.toolTip()


def test_a_cancelled_evaluation_writes_no_eval_json_and_no_model_card(host, colour_dataset, workspace, monkeypatch):
    """Stopped while predicting, or while making the card's heat maps, `evaluate_model` raises
    `Cancelled` and the run's eval.json, model card and heat maps are byte for byte as they were."""
    import threading

    from alexnet_desktop.core.events import Progress
    from alexnet_desktop.core.jobs import Cancelled
    from alexnet_desktop.core.training import evaluation

    run = train(TrainConfig(data=str(colour_dataset), arch="tiny-test-net", epochs=1, batch_size=4, image_size=16,
                            runs_dir=str(workspace.runs_dir)), host).run_dir
    kept = ("eval.json", "model_card.md", "model_card.html", "explanations.png")
    before = {name: (run / name).read_bytes() for name in kept if (run / name).exists()}
    assert {"eval.json", "model_card.md", "model_card.html"} <= set(before)

    stop = threading.Event()
    stop_at_progress = lambda e: stop.set() if isinstance(e, Progress) else None  # noqa: E731
    for data in (colour_dataset, None):  # a folder (a new key), and the run's validation split
        stop.clear()
        with pytest.raises(Cancelled):
            evaluation.evaluate_model(run, host, data, heat_maps=True, emit=stop_at_progress, stop=stop)
        assert {name: (run / name).read_bytes() for name in kept if (run / name).exists()} == before

    real = evaluation.write_explanations

    def stopped_while_drawing(*args, **kw):
        stop.set()
        return real(*args, **kw)

    monkeypatch.setattr(evaluation, "write_explanations", stopped_while_drawing)
    stop.clear()
    with pytest.raises(Cancelled):
        evaluation.evaluate_model(run, host, heat_maps=True, stop=stop)
    assert {name: (run / name).read_bytes() for name in kept if (run / name).exists()} == before
    # Not stopped, the same call does write.
    monkeypatch.setattr(evaluation, "write_explanations", real)
    evaluation.evaluate_model(run, host, colour_dataset)
    assert str(colour_dataset.resolve()) in json.loads((run / "eval.json").read_text())


def test_a_32_px_image_is_drawn_legibly_on_the_model_card():
    """#32: a CIFAR-sized tile is enlarged by a whole factor (sharp pixels) to about the card's tile size."""
    from alexnet_desktop.core.training.model_card import TILE, _legible

    small = np.arange(32 * 24 * 3, dtype=np.uint8).reshape(32, 24, 3)
    big = _legible(small)
    assert big.shape == (32 * (TILE // 32), 24 * (TILE // 32), 3) and big.shape[0] > TILE * 0.9
    assert np.array_equal(big[:: TILE // 32, :: TILE // 32], small)
    assert _legible(np.zeros((TILE, 10, 3), np.uint8)).shape == (TILE, 10, 3)


def test_the_confusion_matrix_in_a_terminal_shows_whole_class_names():
    from alexnet_desktop.core.training.evaluation import Evaluation

    names = ["triangles", "circles", "a_very_long_class_name_indeed"]
    per = [{"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}] * 3
    text = Evaluation(names, "folder", 3, 0.1, 1.0, {1: 1.0}, per, [[1, 0, 0], [0, 1, 0], [0, 0, 1]]).to_text()
    header = text.split("confusion (rows: true, columns: predicted)\n")[1].splitlines()[0]
    assert header.split() == ["triangles", "circles", "a_very_long_cla…"]
    assert len({len(line) for line in text.splitlines()[-3:]}) == 1  # the rows line up
