"""The prediction viewer: predict a folder with bad files in it, relabel by keyboard, export,
sort and undo through the page; the session's rules; a grid of 10,000 rows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from alexnet_desktop.core.labelling.session import LabelSession
from alexnet_desktop.core.labelling.predict import Prediction
from alexnet_desktop.core.labelling.predict_folder import Rows
from alexnet_desktop.gui.predict_sort import SortDialog
from alexnet_desktop.gui.viewer import GridModel, LabelGrid, ThumbnailLoader


def _trained_run(host, data, workspace):
    from alexnet_desktop.core.training.config import TrainConfig
    from alexnet_desktop.core.training.fit import train

    return train(TrainConfig(data=str(data), arch="tiny-test-net", epochs=1, batch_size=4, image_size=16,
                             runs_dir=str(workspace.runs_dir)), host).run_dir


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_predict_review_relabel_export_sort_and_undo(qtbot, window, host, colour_dataset, workspace, tmp_path,
                                                    monkeypatch):
    run = _trained_run(host, colour_dataset, workspace)
    inbox = tmp_path / "inbox"
    shutil.copytree(colour_dataset / "red", inbox)
    (inbox / "notes.jpg").write_text("a text file, not an image")
    (inbox / "cut.png").write_bytes((colour_dataset / "blue" / "blue_0.png").read_bytes()[:60])
    original = _tree(inbox)
    window.state.runs_changed.emit()
    page = window.predict_page
    window.tabs.setCurrentWidget(page)
    page.model_combo.setCurrentIndex(page.model_combo.findData(str(run)))
    page.folder_edit.setText(str(inbox))
    with qtbot.waitSignal(page.runner.finished, timeout=60000):
        page.predict_button.click()
    session = page.session
    assert len(session.rows) == 8 and "Done" in page.status.text()
    unreadable = {r.path.name: r.error for r in session.rows if r.error}
    assert set(unreadable) == {"notes.jpg", "cut.png"} and all(unreadable.values())
    model = page.grid_model
    assert model.rowCount() == 8
    # Thumbnails arrive from the background thread.
    qtbot.waitUntil(lambda: model.data(model.index(7), Qt.DecorationRole) is not None, timeout=10000)

    page.show_combo.setCurrentIndex(page.show_combo.findData("unreadable"))
    assert model.rowCount() == 2
    page.show_combo.setCurrentIndex(page.show_combo.findData("all"))
    page.sort_combo.setCurrentIndex(page.sort_combo.findData("name"))
    names = [model.data(model.index(p)) for p in range(model.rowCount())]
    assert names == sorted(names, key=str.casefold)

    # Keyboard: 1 = blue, 2 = red, U = uncertain, Enter = accept; each moves on to the next image.
    grid = page.grid
    first = names.index("red_0.png")
    predicted = session.rows[model.data(model.index(first), GridModel.RowRole)].label
    target = "red" if predicted == "blue" else "blue"  # a correction: not what the model said
    grid.setFocus()
    grid.setCurrentIndex(model.index(first))
    qtbot.keyClick(grid, Qt.Key_2 if target == "red" else Qt.Key_1)
    qtbot.keyClick(grid, Qt.Key_U)
    qtbot.keyClick(grid, Qt.Key_Return)
    rows = [model.data(model.index(first + k), GridModel.RowRole) for k in range(3)]
    assert session.label(rows[0]) == target and session.is_manual(rows[0])
    assert session.label(rows[1]) is None
    assert session.label(rows[2]) == session.rows[rows[2]].label and session.is_manual(rows[2])
    assert grid.currentIndex().row() == first + 3
    assert page.detail.path.text().endswith(model.data(grid.currentIndex()))  # the side panel follows
    assert page.add_button.isEnabled()  # red_0 was corrected
    # Why: the Grad-CAM heat map over the selected image, for the predicted class, then for another.
    # (The image, then its heat map, come from a worker: the window never waits on a decode.)
    page.detail.explain.setChecked(True)
    qtbot.waitUntil(lambda: page.detail.image.toolTip().startswith("Heat map for "), timeout=30000)
    page.detail.explain_class.setCurrentIndex(page.detail.explain_class.findData(0))
    qtbot.waitUntil(lambda: page.detail.image.toolTip() == "Heat map for blue", timeout=30000)
    assert not page.detail.image.pixmap().isNull()
    grid.setCurrentIndex(model.index(names.index("notes.jpg")))  # an unreadable file: the panel says why
    qtbot.waitUntil(lambda: page.detail.image.text() == "a text file, not an image", timeout=30000)
    assert page.detail.image.pixmap().isNull()

    out = page.sorter.export(tmp_path / "out.json")
    data = json.loads(out.read_text())
    by_name = {Path(p["path"]).name: p for p in data["predictions"]}
    assert by_name["red_0.png"]["label"] == target and by_name["red_0.png"]["source"] == "manual"
    assert by_name["red_1.png"]["label"] == "uncertain" and by_name["red_1.png"]["source"] == "manual"
    assert by_name["notes.jpg"]["error"] and by_name["red_5.png"]["source"] == "predicted"
    assert len(by_name["red_5.png"]["top_k"]) == 2

    # Sort (move), with the dry run first; then undo restores the folder byte for byte.
    sorted_dir = tmp_path / "sorted"
    plan = page.sorter.plan(sorted_dir, move=True)
    assert "Would move 6 file(s)" in plan.describe() and "notes.jpg" in plan.describe()
    with qtbot.waitSignal(page.sorter.runner.finished, timeout=60000):
        page.sorter.start_sort(plan)
    assert "Sorted 6" in page.status.text()
    assert sorted(_tree(inbox)) == ["cut.png", "notes.jpg"]  # unreadable files stay where they were
    assert (sorted_dir / target / "red_0.png").is_file() and (sorted_dir / "uncertain" / "red_1.png").is_file()
    assert page.undo_button.isEnabled()
    with qtbot.waitSignal(page.sorter.runner.finished, timeout=60000):
        page.undo_button.click()
    assert _tree(inbox) == original and not any(sorted_dir.rglob("*.png"))

    # The correction goes into a training dataset, copied, for the next run.
    dataset = tmp_path / "dataset"
    shown = []
    monkeypatch.setattr(SortDialog, "exec", lambda d: shown.append(d.text.toPlainText()) or QDialog.Accepted)
    with qtbot.waitSignal(page.sorter.runner.finished, timeout=60000):
        page.sorter.add_corrections(dataset)
    assert shown[0].startswith(f"Would copy 1 file(s) into {dataset}")  # asked first, with the dry run
    assert _tree(dataset) == {f"{target}/red_0.png": original["red_0.png"]}
    assert _tree(inbox) == original


def test_a_model_made_elsewhere_with_typed_class_names(qtbot, window, host, colour_dataset, workspace, tmp_path):
    run = _trained_run(host, colour_dataset, workspace)
    bare = tmp_path / "elsewhere" / "net.keras"
    bare.parent.mkdir()
    shutil.copy(run / "model.keras", bare)  # no labels.txt beside it
    page = window.predict_page
    page.use_model_file(bare, ["blue", "red"])
    page.folder_edit.setText(str(colour_dataset / "blue"))
    with qtbot.waitSignal(page.runner.finished, timeout=60000):
        page.predict_button.click()
    assert len(page.session.rows) == 6 and page.session.class_names == ["blue", "red"]


def test_a_model_whose_input_takes_any_size_asks_for_it_once(qtbot, window, colour_dataset, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from alexnet_desktop.core.tf_runtime import keras

    k = keras()
    inputs = k.Input((None, None, 3))
    x = k.layers.Conv2D(4, 3)(k.layers.Rescaling(1 / 255)(inputs))
    outputs = k.layers.Dense(2, activation="softmax")(k.layers.GlobalAveragePooling2D()(x))
    bare = tmp_path / "any_size.keras"
    k.Model(inputs, outputs).save(bare)
    (tmp_path / "labels.txt").write_text("blue\nred\n")
    asked = []
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **kw: (asked.append(a[2]) or 24, True))
    page = window.predict_page
    page.use_model_file(bare)
    page.folder_edit.setText(str(colour_dataset / "red"))
    page.predict_button.click()
    qtbot.waitUntil(lambda: len(page.session.rows) == 6 and not page.runner.is_running(), timeout=60000)
    assert len(asked) == 1 and "any_size.keras" in asked[0]
    assert page.session.class_names == ["blue", "red"] and page.detail.loaded.image_size == 24
    with qtbot.waitSignal(page.runner.finished, timeout=60000):  # remembered: not asked again
        page.predict_button.click()
    assert len(asked) == 1 and len(page.session.rows) == 6


def test_label_session_rules():
    rows = [Prediction(Path(f"/x/{i}.jpg"), "cat" if i % 2 else "dog", 0.3 + 0.1 * i, (0.5, 0.5)) for i in range(6)]
    rows.append(Prediction(Path("/x/bad.jpg"), error="truncated"))
    s = LabelSession(["cat", "dog"], list(rows), threshold=0.55)
    assert [s.label(i) for i in range(7)] == [None, None, None, "cat", "dog", "cat", ""]
    s.set_label(0, "cat")
    s.accept(1)  # below the threshold, but the user says it is right
    s.mark_uncertain(5)
    assert s.label(0) == "cat" and s.label(1) == "cat" and s.label(5) is None
    assert s.corrected() == [0]
    assert s.counts() == {"cat": 3, "dog": 1, "uncertain": 2, "unreadable": 1}
    labelled, left = s.for_sort()
    assert len(labelled) == 6 and left == [(Path("/x/bad.jpg"), "not predicted: truncated")]
    assert s.view("uncertain") == [2, 5] and s.view("corrected") == [0]
    assert s.view("all", "confidence-high")[0] == 5
    exported = s.export_rows()
    assert exported[0].source == "manual" and exported[5].label == "uncertain" and exported[3].source == "predicted"
    s.clear_label(0)
    assert s.label(0) is None


def test_the_grid_holds_10000_rows_and_only_asks_for_what_it_shows(qtbot, tmp_path):
    session = LabelSession(["a", "b", "c"])
    session.add([Prediction(tmp_path / f"img{i:05d}.jpg", "abc"[i % 3], (i % 100) / 100, (0.2, 0.3, 0.5))
                 for i in range(10_000)])
    loader = ThumbnailLoader()
    model = GridModel(session, loader)
    grid = LabelGrid(session, model)
    qtbot.addWidget(grid)
    grid.resize(800, 600)
    model.set_view("all", "confidence-low")
    grid.show()
    qtbot.waitExposed(grid)
    assert model.rowCount() == 10_000
    assert session.rows[model.data(model.index(0), GridModel.RowRole)].confidence == 0.0
    model.set_view("b")
    assert model.rowCount() == 3333
    # Only the tiles on screen asked for thumbnails (the files do not exist: they come back empty).
    qtbot.waitUntil(lambda: len(model._pixmaps) > 0, timeout=10000)
    assert len(model._pixmaps) < 200
    loader.close()


def test_rows_that_arrive_in_a_burst_reach_the_grid_even_when_nothing_follows(qtbot, window):
    page = window.predict_page
    page._reset_session(["a", "b"])
    page._shown_at = 0.0

    def batch(start):
        return [Prediction(Path(f"/x/{i}.png"), "a", 0.9, (0.9, 0.1)) for i in range(start, start + 3)]

    page._on_event(Rows(batch(0)))  # shown at once: the first rows appear without delay
    assert page.grid_model.rowCount() == 3
    page._on_event(Rows(batch(3)))  # within the interval: held back...
    page._on_event(Rows(batch(6)))
    assert page.grid_model.rowCount() == 3
    qtbot.waitUntil(lambda: page.grid_model.rowCount() == 9, timeout=3000)  # ...then shown by the timer
    assert "a 9" in page.counts.text()


def test_the_least_sure_first_and_n_jumps_to_the_next_image_to_review(qtbot, window):
    page = window.predict_page
    window.tabs.setCurrentWidget(page)
    page._reset_session(["a", "b", "c"])
    probabilities = {"sure": (0.98, 0.01, 0.01), "close": (0.45, 0.44, 0.11), "spread": (0.4, 0.3, 0.3),
                     "fair": (0.7, 0.2, 0.1), "torn": (0.5, 0.48, 0.02)}
    page._on_event(Rows([Prediction(Path(f"/x/{name}.png"), "abc"[p.index(max(p))], max(p), p)
                         for name, p in probabilities.items()]
                        + [Prediction(Path("/x/broken.png"), error="truncated")]))
    qtbot.waitUntil(lambda: page.grid_model.rowCount() == 6, timeout=3000)
    model, grid = page.grid_model, page.grid

    def names():
        return [model.data(model.index(p)) for p in range(model.rowCount())]

    # Margin: top-1 minus top-2; entropy: how evenly the belief is spread. Unreadable files last.
    page.sort_combo.setCurrentIndex(page.sort_combo.findData("margin"))
    assert names() == ["close.png", "torn.png", "spread.png", "fair.png", "sure.png", "broken.png"]
    page.sort_combo.setCurrentIndex(page.sort_combo.findData("entropy"))
    assert names() == ["spread.png", "close.png", "fair.png", "torn.png", "sure.png", "broken.png"]
    assert "N: next to review" in page.keys_help.text()

    # N follows the grid's uncertainty order, skipping images already shown or labelled.
    page.sort_combo.setCurrentIndex(page.sort_combo.findData("margin"))
    grid.setCurrentIndex(model.index(names().index("torn.png")))  # looked at by the user
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key_N)
    assert model.data(grid.currentIndex()) == "close.png"
    assert page.detail.path.text().endswith("close.png")  # the side panel shows it
    qtbot.keyClick(grid, Qt.Key_2)  # labelled "b"; the grid moves on to torn.png, already seen
    qtbot.keyClick(grid, Qt.Key_N)
    assert model.data(grid.currentIndex()) == "spread.png"
    qtbot.keyClick(grid, Qt.Key_N)
    assert model.data(grid.currentIndex()) == "fair.png"
    qtbot.keyClick(grid, Qt.Key_N)
    assert model.data(grid.currentIndex()) == "sure.png"
    qtbot.keyClick(grid, Qt.Key_N)  # nothing left: the grid stays, the page says so
    assert model.data(grid.currentIndex()) == "sure.png"
    assert "nothing left to review" in page.status.text()
    assert session_label_b(page) == {"close.png"}


def session_label_b(page):
    return {page.session.rows[i].path.name for i in page.session.manual if page.session.manual[i] == "b"}


def test_margin_entropy_and_next_to_review_in_the_session():
    from alexnet_desktop.core.labelling.session import entropy, margin

    assert abs(margin((0.6, 0.3, 0.1)) - 0.3) < 1e-9 and margin((1.0,)) == 1.0
    assert abs(entropy((0.5, 0.5)) - 0.6931471805599453) < 1e-9 and entropy((1.0, 0.0)) == 0.0
    s = LabelSession(["a", "b"], [Prediction(Path(f"/x/{i}.png"), "a", p, (p, 1 - p)) for i, p in enumerate((0.9, 0.55, 0.7))]
                     + [Prediction(Path("/x/bad.png"), error="unreadable")])
    assert s.next_to_review([0, 1, 2, 3]) == 1
    s.mark_seen(1)
    assert s.next_to_review([0, 1, 2, 3]) == 2
    s.set_label(2, "b")
    assert s.next_to_review([0, 1, 2, 3]) == 0
    assert s.next_to_review([1, 2, 3]) is None  # the unreadable file is never proposed
    s.reset(["a", "b"])
    assert not s.rows and not s.seen and not s.manual


def test_a_model_without_rescaling_asks_its_input_range_once_and_remembers_it(qtbot, window, colour_dataset, tmp_path,
                                                                              monkeypatch):
    """#32: a bare model is never used with a guessed range; the answer is kept beside it."""
    import json

    from PySide6.QtWidgets import QInputDialog

    from alexnet_desktop.core.tf_runtime import keras

    k = keras()
    inputs = k.Input((24, 24, 3))
    outputs = k.layers.Dense(2, activation="softmax")(k.layers.GlobalAveragePooling2D()(k.layers.Conv2D(4, 3)(inputs)))
    bare = tmp_path / "notebook.keras"
    k.Model(inputs, outputs).save(bare)
    (tmp_path / "labels.txt").write_text("blue\nred\n")
    asked = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **kw: (asked.append(a[2]) or a[3][1], True))
    page = window.predict_page
    page.use_model_file(bare)
    page.folder_edit.setText(str(colour_dataset / "red"))
    page.predict_button.click()
    qtbot.waitUntil(lambda: len(page.session.rows) == 6 and not page.runner.is_running(), timeout=60000)
    assert len(asked) == 1 and "notebook.keras" in asked[0]
    assert json.loads((tmp_path / "notebook.input.json").read_text())["input_scale"] == "-1-1"
    assert page.detail.loaded.input_scale == "-1-1"
    with qtbot.waitSignal(page.runner.finished, timeout=60000):  # remembered: not asked again
        page.predict_button.click()
    assert len(asked) == 1 and len(page.session.rows) == 6


def test_the_viewers_decoding_is_a_core_job_of_typed_events(tmp_path):
    """`decode_requested`: each requested path once, newest first as handed out, an unreadable
    file as an event with its reason, and a stop ends it with `Cancelled`, the rest left asked for."""
    import threading

    import numpy as np
    import pytest
    from PIL import Image

    from alexnet_desktop.core.data.thumbnails import ThumbnailDecoded, decode_requested
    from alexnet_desktop.core.jobs import Cancelled

    good = tmp_path / "wide.png"
    Image.fromarray(np.zeros((20, 40, 3), np.uint8)).save(good)
    bad = tmp_path / "bad.png"
    bad.write_text("not an image")
    asked = [str(good), str(bad)]
    events: list[ThumbnailDecoded] = []
    decode_requested(lambda: asked.pop() if asked else None, 16, events.append, threading.Event())
    assert [e.path for e in events] == [str(bad), str(good)]
    assert events[0].pixels is None and events[0].error and events[1].pixels.shape[:2] == (8, 16)
    stop = threading.Event()
    stop.set()
    asked = [str(good)]
    with pytest.raises(Cancelled):
        decode_requested(lambda: asked.pop() if asked else None, 16, events.append, stop)
    assert asked == [str(good)]
