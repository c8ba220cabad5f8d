"""The whole labelling loop in the main window, as a user does it, on each kind of dataset.

Through the visible widgets (clicks, keys, typed text; file dialogs and yes/no questions
answered as a user would): open a dataset on the Data page (a folder per class, labels in
file names, a CSV list, MNIST and CIFAR-10 files, Flowers-17, the generated demo), train briefly, predict a folder,
correct three images by keyboard, retrain with the corrections, predict again and see the
corrected classes, sort the files (moving them) after the dry run, and undo.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from alexnet_desktop.gui.predict_sort import SortDialog
from tests.conftest import write_colour_dataset
from tests.dataset_files import write_cifar_python, write_flowers17, write_mnist

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from screenshots import correct_three  # noqa: E402  (tools/screenshots.py: the real window's walk)


def _folder(tmp: Path) -> tuple[str, Path]:
    return "folder", write_colour_dataset(tmp / "colours", classes=("blue", "green", "red"), per_class=4, side=24)


def _filenames(tmp: Path) -> tuple[str, Path]:
    source = write_colour_dataset(tmp / "src", classes=("blue", "red"), per_class=4, side=24)
    flat = tmp / "named"
    flat.mkdir()
    for p in source.rglob("*.png"):
        shutil.copy(p, flat / f"{p.parent.name}.{p.stem.split('_')[1]}.png")
    return "folder", flat


def _csv_list(tmp: Path) -> tuple[str, Path]:
    source = write_colour_dataset(tmp / "listed" / "images", classes=("blue", "red"), per_class=4, side=24)
    listing = tmp / "listed" / "labels.csv"
    with open(listing, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["filename", "label"])
        for p in sorted(source.rglob("*.png")):
            w.writerow([p.relative_to(source).as_posix(), p.parent.name])
    return "file", listing


def _mnist(tmp: Path) -> tuple[str, Path]:
    return "folder", write_mnist(tmp / "mnist", n_train=20, n_test=5)


def _cifar(tmp: Path) -> tuple[str, Path]:
    return "folder", write_cifar_python(tmp / "cifar", per_batch=6)


def _flowers17(tmp: Path) -> tuple[str, Path]:
    return "folder", write_flowers17(tmp / "17flowers")


def _demo(tmp: Path) -> tuple[str, Path]:
    return "demo", Path()


KINDS = {"folder": _folder, "filenames": _filenames, "csv": _csv_list, "mnist": _mnist, "cifar": _cifar,
         "flowers17": _flowers17, "demo": _demo}


def _open_dataset(qtbot, window, monkeypatch, how: str, path: Path) -> None:
    page = window.data_page
    window.tabs.setCurrentWidget(page)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(path))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    clicked = {"folder": page.browse_button, "file": page.file_button, "demo": page.demo_button}[how]
    with qtbot.waitSignal(page.scan_finished, timeout=120000):
        qtbot.mouseClick(clicked, Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.runner.is_running())


def _train_briefly(qtbot, window) -> Path:
    model = window.model_page
    window.tabs.setCurrentWidget(model)
    model.arch_combo.setCurrentIndex(model.arch_combo.findData("tiny-test-net"))
    model.image_size.setValue(16)
    model.epochs.setValue(1)
    train = window.train_page
    window.tabs.setCurrentWidget(train)
    with qtbot.waitSignal(train.job_ended, timeout=120000):
        qtbot.mouseClick(train.start_button, Qt.LeftButton)
    assert json.loads((Path(train.run_dir) / "run.json").read_text())["status"] == "finished"
    return Path(train.run_dir)


def _predict(qtbot, window, run: Path, inbox: Path, count: int) -> None:
    page = window.predict_page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model_combo.findData(str(run)) >= 0, timeout=5000)  # the runs watcher lists it
    page.model_combo.setCurrentIndex(page.model_combo.findData(str(run)))
    page.folder_edit.clear()
    qtbot.keyClicks(page.folder_edit, str(inbox))
    with qtbot.waitSignal(page.runner.finished, timeout=60000):
        qtbot.mouseClick(page.predict_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(page.session.rows) == count)


@pytest.mark.parametrize("kind", [pytest.param(k, marks=[] if k == "folder" else [pytest.mark.slow]) for k in KINDS])
def test_label_a_folder_start_to_finish(qtbot, window, tmp_path, monkeypatch, workspace, kind):
    how, path = KINDS[kind](tmp_path)
    size = window.size()  # what the user left it at: no page may make the window grow by itself
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n, p in enumerate(sorted(write_colour_dataset(tmp_path / "to-label", per_class=3, side=24).rglob("*.png"))):
        shutil.copy(p, inbox / f"{n:04d}.png")
    _open_dataset(qtbot, window, monkeypatch, how, path)
    run = _train_briefly(qtbot, window)

    _predict(qtbot, window, run, inbox, 6)
    page = window.predict_page
    wanted = correct_three(page)
    assert page.retrain_button.isEnabled() and page.retrain_why.text() == ""

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    with qtbot.waitSignal(window.train_page.job_ended, timeout=120000):
        qtbot.mouseClick(page.retrain_button, Qt.LeftButton)
    new_run = Path(window.train_page.run_dir)
    record = json.loads((new_run / "run.json").read_text())
    assert record["status"] == "finished", window.train_page.log.toPlainText()[-2000:]
    assert {Path(c["file"]).name: c["label"] for c in record["training"]["corrections"]} == wanted
    assert all(len(c["sha256"]) == 64 for c in record["training"]["corrections"])
    assert "Traceback" not in window.train_page.log.toPlainText()

    # Predicting again was offered and accepted: the new model's predictions, the corrections kept.
    qtbot.waitUntil(lambda: page.model_combo.currentData() == str(new_run) and not page.runner.is_running()
                    and len(page.session.rows) == 6, timeout=60000)
    by_name = {r.path.name: i for i, r in enumerate(page.session.rows)}
    assert {name: page.session.label(by_name[name]) for name in wanted} == wanted

    out = tmp_path / "sorted"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))

    def move_after_dry_run(dialog):
        dialog.move.setChecked(True)
        asked.append(dialog.text.toPlainText())
        return QDialog.Accepted

    monkeypatch.setattr(SortDialog, "exec", move_after_dry_run)
    with qtbot.waitSignal(page.sorter.runner.finished, timeout=60000):
        qtbot.mouseClick(page.sort_button, Qt.LeftButton)
    assert asked[-1].startswith(f"Would move 6 file(s) into {out}")
    assert not list(inbox.iterdir())
    assert all(r.path.parent.parent == out and r.path.is_file() for r in page.session.rows)  # the tiles follow
    for name, label in wanted.items():
        assert (out / label / name).is_file()
    assert page.undo_button.isEnabled()
    with qtbot.waitSignal(page.sorter.runner.finished, timeout=60000):
        qtbot.mouseClick(page.undo_button, Qt.LeftButton)
    assert sorted(p.name for p in inbox.iterdir()) == sorted(by_name)
    assert all(r.path.parent == inbox for r in page.session.rows)
    assert window.size() == size, f"the window grew from {size} to {window.size()}"
    least = window.minimumSizeHint()  # tall panels scroll: the window still fits a 1280x720 screen
    assert least.width() <= 1280 and least.height() <= 720, least
