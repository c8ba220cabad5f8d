"""The window, driven with qtbot: first launch, plugins, live training with Stop, prediction."""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtCore import Qt

from alexnet_desktop.gui.app import create_window
from alexnet_desktop.core.training.events import PauseChanged
from alexnet_desktop.gui.plots import TRAIN_BATCH, VAL_EPOCH
from tests.conftest import write_colour_dataset


def test_window_paints_before_tensorflow_is_imported(tmp_path):
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from alexnet_desktop.gui.app import create_window\n"
        "w = create_window()\n"
        "w.show(); app.processEvents(); w.grab()\n"
        "print('tensorflow' in sys.modules, 'keras' in sys.modules)\n"
        "w.close()\n"  # waits for the first-launch scan's thread
    )
    env = {**__import__("os").environ, "ALEXNET_DESKTOP_HOME": str(tmp_path / "ws"), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]


def test_first_launch_chooses_the_demo(qtbot, workspace):
    w = create_window(workspace)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.data_page.scan_finished, timeout=60000) as blocker:
        w.show()
    report = blocker.args[0]
    assert report.loader_id == "demo-shapes" and len(report.accepted) == 240
    assert w.state.data_path == workspace.datasets_dir / "demo-shapes"
    assert w.state.settings.image_size == 128
    assert w.data_page.chart.counts == {"circles": 60, "squares": 60, "stripes": 60, "triangles": 60}
    assert w.data_page.samples.count() == 16  # four of each class
    qtbot.waitUntil(lambda: not w.data_page.runner.is_running())
    qtbot.waitUntil(lambda: not w.data_page.split_panel.runner.is_running(), timeout=60000)


def test_runtime_plugin_appears_in_the_app_and_the_broken_one_is_reported(window):
    arch_ids = [window.model_page.arch_combo.itemData(i) for i in range(window.model_page.arch_combo.count())]
    loader_ids = [window.data_page.loader_combo.itemData(i) for i in range(window.data_page.loader_combo.count())]
    assert "tiny-test-net" in arch_ids and "alexnet-bn" in arch_ids
    assert "tiny-test-loader" in loader_ids
    table = window.plugins_page.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["raising"] == "FAILED" and rows["alexnet_bn"] == "ok"
    assert "1 failed" in window.tabs.tabText(window.tabs.indexOf(window.plugins_page))
    window.plugins_page.table.setCurrentCell(list(rows).index("raising"), 0)
    assert "broken on purpose" in window.plugins_page.error.toPlainText()


def test_training_in_the_gui_moves_the_curves_and_stop_ends_the_thread(qtbot, window, colour_dataset):
    with qtbot.waitSignal(window.data_page.scan_finished, timeout=30000):
        window.data_page.choose_folder(colour_dataset)
    qtbot.waitUntil(lambda: not window.data_page.runner.is_running())
    s = window.state.settings
    s.arch, s.image_size, s.epochs, s.batch_size = "tiny-test-net", 16, 500, 2
    window.tabs.setCurrentWidget(window.train_page)
    assert window.train_page.start_button.isEnabled()
    window.train_page.start_button.click()
    page = window.train_page
    curves = page.curves
    qtbot.waitUntil(lambda: curves.point_count("loss", VAL_EPOCH) >= 2, timeout=60000)
    qtbot.waitUntil(lambda: curves.drawn_count("accuracy", TRAIN_BATCH) > 5, timeout=5000)  # the timer drew them
    assert curves.point_count("lr", curves.RATE) >= 2 and curves.point_count("speed", curves.SPEED) > 5
    assert curves.best_epoch is not None and "images/s" in page.status.text() and "left" in page.status.text()

    def pause_changed(paused):
        return lambda event: isinstance(event, PauseChanged) and event.paused == paused

    seen = []
    page.runner.event.connect(lambda event: seen.append(type(event).__name__))
    with qtbot.waitSignal(page.runner.event, timeout=30000, check_params_cb=pause_changed(True)):
        page.pause_button.click()
    assert page.pause_button.text() == "Continue" and "Paused" in page.status.text()
    held = curves.point_count("loss", TRAIN_BATCH)
    with qtbot.waitSignal(page.runner.event, timeout=30000, check_params_cb=pause_changed(False)):
        page.pause_button.click()
    paused_at = seen.index("PauseChanged")
    assert seen[paused_at + 1] == "PauseChanged"  # nothing trained while paused
    assert page.pause_button.text() == "Pause"
    qtbot.waitUntil(lambda: curves.point_count("loss", TRAIN_BATCH) > held + 2, timeout=30000)
    with qtbot.waitSignal(page.pause_button.clicked):
        page.pause_button.click()  # paused again: Stop must still end it
    with qtbot.waitSignal(window.train_page.runner.finished, timeout=60000):
        window.train_page.stop_button.click()
    assert not window.train_page.runner.is_running()
    assert "Stopped" in window.train_page.status.text()
    run_dir = window.train_page.run_dir
    manifest = json.loads((run_dir / "run.json").read_text())
    assert manifest["status"] == "stopped" and 2 <= manifest["epochs_done"] < 500
    assert (run_dir / "model.keras").is_file()
    assert window.predict_page.model_combo.findData(str(run_dir)) >= 0  # the Predict page offers it


def test_scan_shows_balance_samples_and_every_problem_file(qtbot, window, tmp_path):
    from tests.dataset_files import write_messy_dataset

    write_messy_dataset(tmp_path / "messy")
    page = window.data_page
    with qtbot.waitSignal(page.scan_finished, timeout=30000):
        page.choose_folder(tmp_path / "messy")
    assert page.loader_combo.currentData() == "folder"
    assert set(page.chart.counts) == {"good", "odd"}
    assert page.samples.count() == 8
    table = page.problem_table
    rows = {table.item(r, 0).text().rsplit("/", 1)[-1]: (table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())}
    assert rows["truncated.jpg"][0] == "not used" and "truncated" in rows["truncated.jpg"][1]
    assert rows["plain_0_copy.jpg"][0] == "used; check"
    assert rows[".DS_Store"][0] == "passed over"
    assert "Files to check" in page.tabs.tabText(1) and "duplicate" in page.status.text()


def test_a_typed_or_pasted_path_chooses_the_dataset(qtbot, window, tmp_path):
    page = window.data_page
    page.path_edit.clear()
    qtbot.keyClicks(page.path_edit, str(tmp_path / "nowhere"))
    qtbot.keyClick(page.path_edit, Qt.Key_Return)
    assert page.status.text() == f"{tmp_path / 'nowhere'}: no such folder or file"
    data = write_colour_dataset(tmp_path / "typed", per_class=2)
    page.path_edit.clear()
    qtbot.keyClicks(page.path_edit, str(data))
    with qtbot.waitSignal(page.scan_finished, timeout=30000):
        qtbot.keyClick(page.path_edit, Qt.Key_Return)
    assert window.state.data_path == data and set(page.chart.counts) == {"blue", "red"}


def test_scan_can_be_cancelled(qtbot, window, tmp_path):
    from tests.conftest import write_colour_dataset

    write_colour_dataset(tmp_path / "many", per_class=100, side=40)
    page = window.data_page
    with qtbot.waitSignal(page.runner.cancelled, timeout=30000):
        page.choose_folder(tmp_path / "many")
        page.cancel_button.click()
    assert "cancelled" in page.status.text() and window.state.scan is None
    qtbot.waitUntil(lambda: not page.runner.is_running())
    assert page.scan_button.isEnabled()


def test_split_and_augmentation_settings_with_live_preview(qtbot, window, colour_dataset, tmp_path):
    page, panel = window.data_page, window.data_page.split_panel
    with qtbot.waitSignal(page.scan_finished, timeout=30000):
        page.choose_folder(colour_dataset)
    test_item = panel.val_source.model().item(panel.val_source.findData("test"))
    assert not test_item.isEnabled()  # no test part in this dataset
    panel.preset.setCurrentIndex(panel.preset.findData("paper"))
    panel.preset.activated.emit(panel.preset.currentIndex())
    aug = window.state.settings.augmentation
    assert aug["random_crop"] and aug["horizontal_flip"] and not aug["vertical_flip"]
    qtbot.waitUntil(lambda: panel.preview.count() == 8 and not panel.runner.is_running(), timeout=60000)
    panel.numbers["rotation"].setValue(15)
    assert panel.preset.currentData() == "custom" and window.state.settings.augmentation["rotation"] == 15
    panel.val_split.setValue(0.25)
    panel.stratified.setChecked(False)
    assert window.state.settings.val_split == 0.25 and window.state.settings.stratified is False
    qtbot.waitUntil(lambda: not panel.runner.is_running() and not panel._pending, timeout=60000)
    assert panel.preview.count() == 8
    # A dataset with a test part can validate on it.
    for part in ("train", "test"):
        for c in ("a", "b"):
            from tests.dataset_files import image

            for i in range(2):
                image(tmp_path / "split" / part / c / f"{i}.png")
    with qtbot.waitSignal(page.scan_finished, timeout=30000):
        page.choose_folder(tmp_path / "split")
    assert test_item.isEnabled()
    assert "test images" in page.status.text()


def test_model_page_layer_table_recipe_and_settings(qtbot, window):
    page = window.model_page
    window.tabs.setCurrentWidget(page)
    page.arch_combo.setCurrentIndex(page.arch_combo.findData("small-cnn"))
    page.image_size.setValue(32)
    page.layer_table.classes.setValue(10)
    table = page.layer_table
    qtbot.waitUntil(lambda: "276,138" in table.totals.text(), timeout=30000)  # seed 003's summary() total
    assert table.table.rowCount() == 17 and table.table.item(16, 0).text() == "predictions"
    assert table.table.item(16, 3).text() == "5,130"

    page.recipe_button.click()  # seed 003: RMSprop, batch 256, 100 epochs
    s = window.state.settings
    assert (s.optimizer, s.learning_rate, s.batch_size, s.epochs, s.image_size) == ("rmsprop", 1e-3, 256, 100, 32)
    assert page.optimizer.currentData() == "rmsprop" and page.batch_size.value() == 256
    assert not page.form.isRowVisible(page.momentum)  # only SGD has momentum

    page.arch_combo.setCurrentIndex(page.arch_combo.findData("alexnet"))
    page.recipe_button.click()  # the paper: SGD 0.01, momentum 0.9, weight decay 5e-4, plateau
    assert (s.arch, s.optimizer, s.learning_rate, s.weight_decay, s.lr_schedule, s.image_size) == (
        "alexnet", "sgd", 0.01, 5e-4, "plateau", 227)
    assert page.form.isRowVisible(page.momentum) and page.form.isRowVisible(page.patience)
    assert not page.form.isRowVisible(page.step_epochs)
    page.schedule.setCurrentIndex(page.schedule.findData("step"))
    assert s.lr_schedule == "step" and page.form.isRowVisible(page.step_epochs)
    assert page.image_size.minimum() == 67  # smaller input cannot be typed in
    assert "smallest it can take is 67 px" in page.size_note.text()
    page.early_stopping.setValue(5)
    page.mixed_precision.setCurrentIndex(page.mixed_precision.findData("off"))
    assert (s.early_stopping, s.mixed_precision) == (5, "off")
    qtbot.waitUntil(lambda: "alexnet" == (table.summary.arch_id if table.summary else ""), timeout=30000)
    assert "for 10 classes at 227x227" in table.totals.text()


def test_long_runs_are_thinned_for_drawing_but_keep_every_point(qtbot):
    from alexnet_desktop.gui.plots import TrainingCurves

    curves = TrainingCurves()
    qtbot.addWidget(curves)
    for i in range(10_000):  # 10 epochs of 1000 batches
        curves.add_batch(i / 1000, 1.0 / (1 + i), 0.5, 100.0)
    curves.refresh()
    assert curves.point_count("loss", TRAIN_BATCH) == 10_000
    assert curves.drawn_count("loss", TRAIN_BATCH) <= curves.MAX_DRAWN
    x, y = curves.items[("loss", TRAIN_BATCH)].getOriginalDataset()
    assert x[-1] == 9999 / 1000 and y[-1] == 1.0 / 10_000  # the newest point is always drawn


def test_an_unexpected_error_in_a_worker_reaches_the_user_as_a_dialog_with_its_traceback(
        qtbot, window, colour_dataset, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    import alexnet_desktop.gui.train_page as train_page

    with qtbot.waitSignal(window.data_page.scan_finished, timeout=30000):
        window.data_page.choose_folder(colour_dataset)
    qtbot.waitUntil(lambda: not window.data_page.runner.is_running())
    page = window.train_page
    window.tabs.setCurrentWidget(page)

    def bad_settings(*_args, **_kwargs):
        raise ValueError("epochs must be at least 1")

    monkeypatch.setattr(train_page, "train", bad_settings)
    with qtbot.waitSignal(page.runner.finished, timeout=30000):
        page.start_button.click()
    assert "epochs must be at least 1" in page.status.text()
    assert page.runner.crash_dialog is None  # a plain mistake is said on the page, no dialog

    def bug(*_args, **_kwargs):
        return {}["no such key"]  # a KeyError: a bug, not the user's doing

    monkeypatch.setattr(train_page, "train", bug)
    with qtbot.waitSignal(page.runner.finished, timeout=30000):
        page.start_button.click()
    box = page.runner.crash_dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "KeyError" in box.text() and "Your files are safe" in box.text()
    assert "Traceback" in box.detailedText() and "no such key" in box.detailedText()
    assert "KeyError" in page.status.text()  # the page says so too
    box.accept()


def test_a_plugin_that_fails_inside_build_shows_in_the_plugins_page(qtbot, window, colour_dataset):
    from tests.test_plugins import FailsInsidePlugin

    window.state.host.register(FailsInsidePlugin(), "fails_inside")
    with qtbot.waitSignal(window.data_page.scan_finished, timeout=30000):
        window.data_page.choose_folder(colour_dataset)
    qtbot.waitUntil(lambda: not window.data_page.runner.is_running())
    s = window.state.settings
    s.arch, s.image_size, s.epochs, s.batch_size = "explodes", 16, 1, 2
    page = window.train_page
    with qtbot.waitSignal(page.runner.finished, timeout=30000):
        page.start_button.click()
    assert "'fails_inside' failed" in page.status.text() and "build exploded" in page.status.text()
    assert page.runner.crash_dialog is None  # the plugin is named; it is not the app's bug
    plugins = window.plugins_page
    assert window.tabs.tabText(window.tabs.indexOf(plugins)) == "Plugins (2 failed)"  # with the fixture's "raising"
    names = [plugins.table.item(i, 0).text() for i in range(plugins.table.rowCount())]
    plugins.table.setCurrentCell(names.index("fails_inside"), 0)
    assert "build exploded" in plugins.error.toPlainText() and "Traceback" in plugins.error.toPlainText()
