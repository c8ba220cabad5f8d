"""The Runs page and a lab's nights: resume through the app, compare, delete, an
out-of-memory retry, and closing the window in the middle of a fit."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from alexnet_desktop.core.data.augment import preset
from alexnet_desktop.core.runs.folder import RunFolder
from alexnet_desktop.core.training.events import EpochEnded
from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.training.fit import train
from alexnet_desktop.gui import runs_page as runs_module
from alexnet_desktop.gui.plots import VAL_EPOCH


def _choose(qtbot, window, data, **settings):
    with qtbot.waitSignal(window.data_page.scan_finished, timeout=30000):
        window.data_page.choose_folder(data)
    qtbot.waitUntil(lambda: not window.data_page.runner.is_running())
    s = window.state.settings
    s.arch, s.image_size, s.batch_size = "tiny-test-net", 16, 4
    for key, value in settings.items():
        setattr(s, key, value)


def _train(host, data, workspace, **kw):
    return train(TrainConfig(data=str(data), arch="tiny-test-net", image_size=16, batch_size=4,
                             runs_dir=str(workspace.runs_dir), **kw), host).run_dir


def test_runs_page_lists_compares_resumes_and_deletes(qtbot, window, host, colour_dataset, workspace, monkeypatch):
    with_aug = _train(host, colour_dataset, workspace, epochs=2, augmentation=preset("seed003").to_dict())
    plain = _train(host, colour_dataset, workspace, epochs=3)
    page = window.runs_page
    window.state.runs_changed.emit()
    assert page.table.rowCount() == 2
    rows = {page.table.item(r, 0).text(): r for r in range(page.table.rowCount())}
    r = rows[plain.name]
    assert page.table.item(r, 1).text() == "finished" and page.table.item(r, 4).text() == "3 / 3"
    assert page.table.item(r, 2).text() == "tiny-test-net" and page.table.item(r, 3).text() == "colours"

    page.select([with_aug, plain])  # seed 003: with and without augmentation, overlaid
    assert sorted(page.comparison.shown) == sorted([with_aug.name, plain.name])
    curves = [i for i in page.comparison.plots["accuracy"].listDataItems()]
    assert len(curves) == 4  # validation and training for each

    page.select([with_aug])
    assert page.resume_button.isEnabled()

    def accept(dialog):
        dialog.more.setValue(2)
        return QDialog.Accepted

    monkeypatch.setattr(runs_module.ResumeDialog, "exec", accept)
    window.tabs.setCurrentWidget(page)
    headers = []  # the Train page's header while the run trains: the run's own settings, not the draft's
    label = window.train_page.summary
    monkeypatch.setattr(label, "setText", lambda text, real=label.setText: headers.append(text) or real(text))
    with qtbot.waitSignal(window.train_page.runner.finished, timeout=60000):
        page.resume_button.click()
    assert window.tabs.currentWidget() is window.train_page
    assert any("Tiny test net" in h and "colours" in h and "4 epochs" in h for h in headers), headers
    qtbot.waitUntil(lambda: "Choose a dataset" in label.text())  # the draft's again once it ended
    assert [int(r["epoch"]) for r in RunFolder(with_aug).read_history()] == [1, 2, 3, 4]
    # The dashboard redrew the two earlier epochs, then added two.
    assert window.train_page.curves.point_count("loss", VAL_EPOCH) == 4
    qtbot.waitUntil(lambda: page.table.item(rows[with_aug.name], 4) is not None and any(
        page.table.item(i, 4).text() == "4 / 4" for i in range(page.table.rowCount())))

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    trashed = []
    monkeypatch.setattr(runs_module.QFile, "moveToTrash", lambda path: trashed.append(path) or True)
    page.select([plain])
    page.delete_button.click()
    qtbot.waitUntil(lambda: not page.space_runner.is_running(), timeout=60000)
    assert asked and plain.name in asked[0] and trashed == [str(plain)]


def test_resume_asks_where_a_moved_unlabelled_folder_went(qtbot, window, host, colour_dataset, workspace, tmp_path,
                                                          monkeypatch):
    from tests.conftest import write_colour_dataset

    pool = write_colour_dataset(tmp_path / "pool", classes=("red", "blue"), per_class=3, side=20)
    run = _train(host, colour_dataset, workspace, epochs=1, unlabelled=str(pool))
    moved = pool.rename(tmp_path / "pool_moved")
    monkeypatch.setattr(runs_module.QFileDialog, "getExistingDirectory", lambda *a, **k: str(moved))
    seen = []

    def accept(dialog):
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
        seen.append(ok.isEnabled())  # not before the folder is found
        qtbot.mouseClick(dialog.folder_button, Qt.LeftButton)
        seen.append(ok.isEnabled())
        dialog.more.setValue(1)
        return QDialog.Accepted

    monkeypatch.setattr(runs_module.ResumeDialog, "exec", accept)
    window.state.runs_changed.emit()
    window.runs_page.select([run])
    with qtbot.waitSignal(window.train_page.runner.finished, timeout=60000):
        window.runs_page.resume_button.click()
    assert seen == [False, True]
    assert [int(r["epoch"]) for r in RunFolder(run).read_history()] == [1, 2]
    assert json.loads((run / "run.json").read_text())["unlabelled"]["folder"] == str(moved.resolve())


def test_delete_that_cannot_use_the_trash_leaves_the_run(qtbot, window, host, colour_dataset, workspace, monkeypatch):
    run = _train(host, colour_dataset, workspace, epochs=1)
    window.state.runs_changed.emit()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    monkeypatch.setattr(runs_module.QFile, "moveToTrash", lambda path: False)
    window.runs_page.select([run])
    window.runs_page.delete_button.click()
    qtbot.waitUntil(lambda: not window.runs_page.space_runner.is_running(), timeout=60000)
    assert warned and run.name in warned[0] and (run / "run.json").is_file()


def test_out_of_memory_offers_half_the_batch_and_trains_again(qtbot, window, colour_dataset, monkeypatch):
    from alexnet_desktop.core.tf_runtime import keras, tensorflow

    _choose(qtbot, window, colour_dataset, epochs=1, batch_size=8)
    real_fit = keras().Model.fit

    def fit(model, *args, **kwargs):
        if window.state.settings.batch_size > 4:
            raise tensorflow().errors.ResourceExhaustedError(None, None, "OOM when allocating tensor")
        return real_fit(model, *args, **kwargs)

    monkeypatch.setattr(keras().Model, "fit", fit)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    # The worker releases the failed run's memory after it has reported the failure; made
    # slow here, as on a loaded machine, the offer must still wait for the thread to end.
    import threading

    from alexnet_desktop.core.training.job import TrainingJob

    real_release, released = TrainingJob.release, threading.Event()

    def slow_release(job):
        released.wait(0.5)  # not set by anyone: a half-second release
        real_release(job)

    monkeypatch.setattr(TrainingJob, "release", slow_release)
    window.tabs.setCurrentWidget(window.train_page)
    window.train_page.start_button.click()
    qtbot.waitUntil(lambda: window.state.settings.batch_size == 4, timeout=60000)
    assert window.model_page.batch_size.value() == 4  # the Model page shows the new size
    qtbot.waitUntil(lambda: "Finished" in window.train_page.status.text(), timeout=60000)


def test_closing_the_window_mid_fit_stops_the_run_resumably(qtbot, host, workspace, colour_dataset, monkeypatch):
    from alexnet_desktop.gui.app import create_window

    w = create_window(workspace, host, first_launch_demo=False)
    w.show()
    _choose(qtbot, w, colour_dataset, epochs=1000, batch_size=2)
    w.tabs.setCurrentWidget(w.train_page)
    with qtbot.waitSignal(w.train_page.runner.event, timeout=60000, check_params_cb=lambda e: isinstance(e, EpochEnded)):
        w.train_page.start_button.click()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or QMessageBox.Yes)
    assert w.close()  # waits for the training thread
    assert asked == ["Training is running"]
    assert w.train_page.runner.wait(0)  # the thread has ended
    qtbot.waitUntil(lambda: not w.train_page.runner.is_running())  # and its clean-up ran
    run = w.train_page.run_dir
    manifest = json.loads((run / "run.json").read_text())
    assert manifest["status"] == "stopped" and manifest["epochs_done"] >= 1
    assert (run / "checkpoint.keras").is_file()
    w.deleteLater()


def test_closing_mid_fit_can_be_refused(qtbot, window, colour_dataset, monkeypatch):
    _choose(qtbot, window, colour_dataset, epochs=1000, batch_size=2)
    window.train_page.start_button.click()
    qtbot.waitUntil(lambda: window.train_page.run_dir is not None, timeout=60000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    assert not window.close()
    assert window.train_page.runner.is_running()  # the fixture stops it


def test_runs_page_exports_the_selected_run(qtbot, window, host, colour_dataset, workspace, tmp_path):
    run = _train(host, colour_dataset, workspace, epochs=1)
    page = window.runs_page
    page.refresh()
    page.select([run])
    assert page.export_button.isEnabled()
    with qtbot.waitSignal(page.export_runner.finished, timeout=120000):
        page.export_selected("tflite", tmp_path / "phone")
    assert "Exported to" in page.export_status.text(), page.export_status.text()
    assert (tmp_path / "phone.tflite").is_file() and (tmp_path / "phone.labels.txt").read_text() == "blue\nred\n"
    with qtbot.waitSignal(page.export_runner.finished, timeout=120000):
        page.export_selected("tflite", tmp_path / "phone")  # the same name again: refused, nothing overwritten
    assert "Export failed" in page.export_status.text() and "nothing is overwritten" in page.export_status.text()
    assert page.export_button.isEnabled()


def test_runs_page_shows_sizes_and_frees_and_deletes_several_runs(qtbot, window, host, colour_dataset, workspace,
                                                                  monkeypatch):
    from alexnet_desktop.core.training.run_space import TrainingLock, folder_size, human_size

    first, second, busy = (_train(host, colour_dataset, workspace, epochs=1) for _ in range(3))
    page = window.runs_page
    window.state.runs_changed.emit()
    rows = {page.table.item(r, 0).text(): r for r in range(page.table.rowCount())}
    assert page.table.item(rows[first.name], runs_module.SIZE_COLUMN).text() == human_size(folder_size(first))
    total = sum(folder_size(r) for r in (first, second, busy))
    assert page.total.text() == f"3 runs, {human_size(total)} on disk"

    asked, warned = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    lock = TrainingLock(RunFolder(busy)).acquire()  # another process trains it meanwhile
    try:
        page.select([first, second, busy])
        assert page.free_button.isEnabled()
        page.free_button.click()
        qtbot.waitUntil(lambda: not page.space_runner.is_running(), timeout=60000)
    finally:
        lock.release()
    assert asked and "3 run(s)" in asked[0] and first.name in asked[0]
    assert not (first / "checkpoint.keras").exists() and not (second / "checkpoint.keras").exists()
    assert (busy / "checkpoint.keras").is_file() and warned and busy.name in warned[0]
    assert (first / "model.keras").is_file() and page.total.text().endswith(
        human_size(sum(folder_size(r) for r in (first, second, busy))) + " on disk")

    page.select([first])
    assert page.resume_button.isEnabled() and not page.free_button.isEnabled()
    shown = []
    monkeypatch.setattr(runs_module.ResumeDialog, "exec", lambda dialog: shown.append(dialog) or QDialog.Rejected)
    page.resume_button.click()
    assert "fresh optimizer" in shown[0].findChildren(runs_module.QLabel)[0].text()

    trashed = []
    monkeypatch.setattr(runs_module.QFile, "moveToTrash", lambda path: trashed.append(path) or True)
    page.select([first, second])
    page.delete_button.click()
    qtbot.waitUntil(lambda: not page.space_runner.is_running(), timeout=60000)
    assert sorted(trashed) == sorted([str(first), str(second)])


def test_a_run_with_a_damaged_history_is_listed_and_selected_without_a_curve(qtbot, window, host, colour_dataset,
                                                                              workspace):
    run = _train(host, colour_dataset, workspace, epochs=1)
    (run / "history.csv").write_text("epoch,accuracy\n1,abc\n")
    page = window.runs_page
    window.tabs.setCurrentWidget(page)
    window.state.runs_changed.emit()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    cell = page.table.visualItemRect(page.table.item(0, 0)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.LeftButton, pos=cell)
    qtbot.waitUntil(lambda: [r.path for r in page.selected_runs()] == [run])
    assert page.comparison.plots["accuracy"].listDataItems() == []  # nothing drawn from the damaged file
    assert page.open_button.isEnabled()
