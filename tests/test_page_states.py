"""Honest states on the pages, driven through the window's widgets: a folder with no images
says so in plain text with the layouts understood, the page stops saying "Scanning…" and no
longer names the last layout, and Start training is disabled with the reason beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog


def test_a_folder_without_images_is_said_plainly_and_training_cannot_start(qtbot, window, tmp_path, monkeypatch,
                                                                           colour_dataset):
    page, train = window.data_page, window.train_page
    assert not train.start_button.isEnabled() and "Choose a dataset" in train.start_why.text()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(colour_dataset))
    with qtbot.waitSignal(page.scan_finished, timeout=30000):
        qtbot.mouseClick(page.browse_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.runner.is_running())
    assert train.start_button.isEnabled() and train.start_why.text() == ""

    empty = tmp_path / "nothing here"
    (empty / "notes").mkdir(parents=True)
    (empty / "notes" / "readme.txt").write_text("no images", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(empty))
    with qtbot.waitSignal(page.runner.finished, timeout=30000):
        qtbot.mouseClick(page.browse_button, Qt.LeftButton)
    text = page.status.text()
    assert page.status.textFormat() == Qt.PlainText and "<class>/<image>" in text  # not eaten as markup
    assert "Layouts understood:" in text and "Traceback" not in text
    assert page.loader_combo.currentData() == "folder"
    assert "could not be read" in page.samples._empty.text()  # no longer "Scanning…"
    assert not train.start_button.isEnabled() and "could not be read" in train.start_why.text()
    assert "Traceback" not in train.log.toPlainText()
    assert page.samples.count() == 0 and not [w for w in page.samples.findChildren(type(page.status))
                                              if w.isVisible() and w.pixmap() and not w.pixmap().isNull()]

    flat = tmp_path / "photos"
    flat.mkdir()
    for image in sorted(colour_dataset.rglob("*.png"))[:3]:
        (flat / image.name).write_bytes(image.read_bytes())
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(flat))
    with qtbot.waitSignal(page.runner.finished, timeout=30000):
        qtbot.mouseClick(page.browse_button, Qt.LeftButton)
    assert "Predict page" in page.status.text()
    assert window.predict_page.folder_edit.text() == str(flat)  # ready there, as the message says
