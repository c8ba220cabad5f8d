"""The Model page's "More to learn from" box, driven through its visible widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.conftest import write_colour_dataset


def test_the_unlabelled_folder_and_backbone_weights_reach_the_settings(qtbot, window, tmp_path, monkeypatch):
    folder = write_colour_dataset(tmp_path / "unlabelled", per_class=1)
    weights = tmp_path / "my.h5"
    weights.write_bytes(b"x")
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))  # where training looks for Keras's files
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(weights), ""))
    window.tabs.setCurrentWidget(window.model_page)
    box = window.model_page.more_data
    settings = window.state.settings
    assert not box.threshold.isVisible() and settings.unlabelled is None
    qtbot.mouseClick(box.use_unlabelled, Qt.LeftButton)  # asks for the folder
    assert settings.unlabelled == str(folder)
    qtbot.waitUntil(box.threshold.isVisible)
    assert box.folder_label.text() == f"{folder} (2 image files)"
    (tmp_path / "empty").mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "empty"))
    qtbot.mouseClick(box.folder_button, Qt.LeftButton)
    assert "no images in this folder" in box.folder_label.text()  # said before Start
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    qtbot.mouseClick(box.folder_button, Qt.LeftButton)
    box.threshold.setValue(0.9)
    box.ratio.setValue(7)
    assert (settings.unlabelled_threshold, settings.unlabelled_ratio) == (0.9, 7)
    assert not box.weights.isVisible()  # the default architecture has no pretrained backbone
    combo = window.model_page.arch_combo
    combo.setCurrentIndex(combo.findData("mobilenet-v3-small"))
    qtbot.waitUntil(box.weights.isVisible)
    name = "weights_mobilenet_v3_small_224_1.0_float_no_top_v2.h5"
    assert f"not on this machine:</b> {name} is not in {tmp_path / 'keras' / 'models'}" in box.weights_label.text()
    (tmp_path / "keras" / "models").mkdir(parents=True)
    (tmp_path / "keras" / "models" / name).write_bytes(b"weights")
    box.weights.setCurrentIndex(box.weights.findData("random"))
    box.weights.setCurrentIndex(box.weights.findData("imagenet"))
    assert f"found {name} in {tmp_path / 'keras' / 'models'}" in box.weights_label.text()
    box.weights.setCurrentIndex(box.weights.findData("file"))  # asks for the file
    assert settings.backbone_weights == str(weights)
    box.weights.setCurrentIndex(box.weights.findData("random"))
    assert settings.backbone_weights == "random"
    qtbot.mouseClick(box.use_unlabelled, Qt.LeftButton)
    assert settings.unlabelled is None
