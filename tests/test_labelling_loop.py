"""The labelling loop through the real window, on files on disk: the Model page's "Start from"
control, and the Predict page's "Retrain with my corrections…" (corrections added to the
dataset, a run from the predicting run on the Train page, the folder predicted again with the
new model, the user's labels kept)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.training.fit import train
from alexnet_desktop.gui.start_from_box import MODEL_FILE, NOTHING, RUN
from alexnet_desktop.gui.viewer import GridModel
from tests.conftest import write_colour_dataset


def _run(host, data, workspace, **kw):
    return train(TrainConfig(data=str(data), arch="tiny-test-net", image_size=16, batch_size=4, epochs=1,
                             runs_dir=str(workspace.runs_dir), **kw), host).run_dir


def test_model_page_start_from_a_run_or_a_model_file_reaches_the_run(qtbot, window, host, colour_dataset, workspace,
                                                                     monkeypatch):
    source = _run(host, colour_dataset, workspace)
    window.state.runs_changed.emit()
    page = window.model_page
    window.tabs.setCurrentWidget(page)
    box = page.start_from
    settings = window.state.settings
    assert box.kind.currentData() == NOTHING and settings.start_from is None and not box.freeze.isVisible()

    box.kind.setCurrentIndex(box.kind.findData(RUN))
    assert box.runs.currentData() == str(source) and settings.start_from == str(source)
    # The run's architecture and input size are taken: another would be refused.
    assert (settings.arch, settings.image_size) == ("tiny-test-net", 16)
    assert page.arch_combo.currentData() == "tiny-test-net" and page.image_size.value() == 16
    box.freeze.setValue(1)
    assert settings.freeze_epochs == 1

    model_file = source / "model.keras"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(model_file), ""))
    box.kind.setCurrentIndex(box.kind.findData(MODEL_FILE))
    assert settings.start_from == str(model_file) and box.file_label.text() == "model.keras"
    box.kind.setCurrentIndex(box.kind.findData(NOTHING))
    assert settings.start_from is None and settings.freeze_epochs == 0

    box.kind.setCurrentIndex(box.kind.findData(RUN))
    box.freeze.setValue(1)
    with qtbot.waitSignal(window.data_page.scan_finished, timeout=30000):
        window.data_page.choose_folder(colour_dataset)
    qtbot.waitUntil(lambda: not window.data_page.runner.is_running())
    settings.epochs = 2
    window.tabs.setCurrentWidget(window.train_page)
    with qtbot.waitSignal(window.train_page.job_ended, timeout=60000):
        window.train_page.start_button.click()
    new_run = Path(window.train_page.run_dir)
    started = json.loads((new_run / "run.json").read_text())["start_from"]
    assert started["run"] == source.name and started["classifier"] == "kept" and started["freeze_epochs"] == 1
    assert "From epoch 2 on" in window.train_page.log.toPlainText()


def test_retrain_with_my_corrections_then_predict_again_keeping_my_labels(qtbot, window, host, tmp_path, workspace,
                                                                          colour_dataset, monkeypatch):
    run = _run(host, colour_dataset, workspace)
    inbox = tmp_path / "inbox"
    shutil.copytree(colour_dataset / "red", inbox)
    window.state.runs_changed.emit()
    page = window.predict_page
    window.tabs.setCurrentWidget(page)
    page.model_combo.setCurrentIndex(page.model_combo.findData(str(run)))
    page.folder_edit.setText(str(inbox))
    with qtbot.waitSignal(page.runner.finished, timeout=60000):
        page.predict_button.click()
    assert not page.retrain_button.isEnabled()  # nothing corrected yet

    model, grid, session = page.grid_model, page.grid, page.session
    page.sort_combo.setCurrentIndex(page.sort_combo.findData("name"))
    names = [model.data(model.index(p)) for p in range(model.rowCount())]
    first = names.index("red_0.png")
    predicted = session.rows[model.data(model.index(first), GridModel.RowRole)].label
    target = "red" if predicted == "blue" else "blue"
    grid.setFocus()
    grid.setCurrentIndex(model.index(first))
    qtbot.keyClick(grid, Qt.Key_2 if target == "red" else Qt.Key_1)  # a correction
    qtbot.keyClick(grid, Qt.Key_U)  # red_1: uncertain, a label the user gave too
    assert page.retrain_button.isEnabled()

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    before = {p.name for p in workspace.runs_dir.iterdir()}
    listing = sorted(str(p) for p in colour_dataset.rglob("*"))
    with qtbot.waitSignal(window.train_page.job_ended, timeout=60000):
        page.retrain_button.click()
        # The run shows on the Train page while it trains.
        qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.train_page, timeout=30000)
    # Asked first, naming the run's own dataset; nothing is copied into it.
    assert str(colour_dataset) in asked[0] and run.name in asked[0]
    assert sorted(str(p) for p in colour_dataset.rglob("*")) == listing
    new_run = workspace.runs_dir / ({p.name for p in workspace.runs_dir.iterdir()} - before).pop()
    manifest = json.loads((new_run / "run.json").read_text())
    assert manifest["status"] == "finished" and manifest["start_from"]["run"] == run.name
    assert [(Path(c["file"]).name, c["label"]) for c in manifest["training"]["corrections"]] == [("red_0.png", target)]
    assert manifest["dataset"]["counts"][target] == 7
    assert manifest["training"]["arch"] == "tiny-test-net" and manifest["training"]["image_size"] == 16

    # Predicting again was offered; it runs with the new model and the user's labels stay and win.
    assert "Predict" in asked[1] and str(inbox) in asked[1]
    qtbot.waitUntil(lambda: page.model_combo.currentData() == str(new_run) and not page.runner.is_running()
                    and len(session.rows) == 6, timeout=60000)
    by_name = {r.path.name: i for i, r in enumerate(session.rows)}
    assert session.label(by_name["red_0.png"]) == target and session.is_manual(by_name["red_0.png"])
    assert session.is_manual(by_name["red_1.png"]) and session.label(by_name["red_1.png"]) is None
    assert not session.is_manual(by_name["red_5.png"])


def test_review_labels_survive_another_model_a_new_prediction_and_a_restart(qtbot, window, host, tmp_path, workspace,
                                                                           colour_dataset):
    three = _run(host, write_colour_dataset(tmp_path / "three", classes=("blue", "green", "red"), per_class=3), workspace)
    two = _run(host, colour_dataset, workspace)
    inbox = tmp_path / "inbox"
    shutil.copytree(colour_dataset / "blue", inbox)
    window.state.runs_changed.emit()
    page = window.predict_page
    window.tabs.setCurrentWidget(page)

    def predict(run):
        page.model_combo.setCurrentIndex(page.model_combo.findData(str(run)))
        page.folder_edit.setText(str(inbox))
        with qtbot.waitSignal(page.runner.finished, timeout=60000):
            page.predict_button.click()
        qtbot.waitUntil(lambda: len(page.session.rows) == 6)
        return {r.path.name: i for i, r in enumerate(page.session.rows)}

    rows = predict(three)
    page.sort_combo.setCurrentIndex(page.sort_combo.findData("name"))
    model, grid = page.grid_model, page.grid
    first = [model.data(model.index(p)) for p in range(model.rowCount())].index("blue_0.png")
    grid.setFocus()
    grid.setCurrentIndex(model.index(first))
    qtbot.keyClick(grid, Qt.Key_2)  # green, a class the other model lacks
    assert page.session.label(rows["blue_0.png"]) == "green"

    rows = predict(two)  # another model, without "green": the label stays and the page says so
    assert page.session.label(rows["blue_0.png"]) == "green" and page.session.is_manual(rows["blue_0.png"])
    assert "green" in page.labels_note.text() and "does not know" in page.labels_note.text()

    from alexnet_desktop.gui.app import create_window

    again = create_window(workspace, host, first_launch_demo=False)  # a restart reads them from disk
    qtbot.addWidget(again)
    other = again.predict_page
    other.model_combo.setCurrentIndex(other.model_combo.findData(str(three)))
    other.folder_edit.setText(str(inbox))
    with qtbot.waitSignal(other.runner.finished, timeout=60000):
        other.predict_button.click()
    qtbot.waitUntil(lambda: len(other.session.rows) == 6)
    by_name = {r.path.name: i for i, r in enumerate(other.session.rows)}
    assert other.session.label(by_name["blue_0.png"]) == "green" and other.session.is_manual(by_name["blue_0.png"])
    other.shutdown()


def test_a_run_made_outside_the_window_appears_and_goes_in_every_model_list(qtbot, window, host, workspace,
                                                                          colour_dataset):
    lists = {"predict": window.predict_page.model_combo, "evaluate": window.evaluate_page.run_combo,
             "start from": window.model_page.start_from.runs}
    run = _run(host, colour_dataset, workspace)  # as the command line would: no signal to the window
    qtbot.waitUntil(lambda: all(c.findData(str(run)) >= 0 for c in lists.values()), timeout=2000)
    qtbot.waitUntil(lambda: run.name in _runs_page_text(window),
                    timeout=2000)
    shutil.rmtree(run)  # a file manager removes it
    qtbot.waitUntil(lambda: window.predict_page.model_combo.findData(str(run)) < 0
                    and window.evaluate_page.run_combo.findData(str(run)) < 0, timeout=2000)


def _runs_page_text(window) -> str:
    page = window.runs_page
    model = page.table.model()
    return " ".join(str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount()))
