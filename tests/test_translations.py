"""The Chinese translation: complete, compiled from its source, and what a user sees.

The last test switches the app to zh_CN, opens the window on the demo data and reads the
text of every widget on every page (labels, buttons, tooltips, tabs, menus, table headers,
combo boxes, plot titles and axes): any text still in English is reported by page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel, QLineEdit, QMenu, QTableWidget, QTabWidget, QWidget,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import translations  # noqa: E402  (tools/translations.py)

from alexnet_desktop.gui import i18n  # noqa: E402

PLACEHOLDER = re.compile(r"\{[^}]*\}|%[vmpn]|<[^>]+>")


def test_every_string_of_the_code_is_in_the_translation_and_translated():
    """`tools/translations.py update` would change nothing, and nothing is unfinished."""
    wanted = {(c, t) for c, t, _, _ in translations.all_strings()}
    have = translations.read_ts(translations.ts_path("zh_CN"))
    assert wanted - set(have) == set(), "run: python tools/translations.py all"
    assert set(have) - wanted == set(), "strings the code no longer has: run python tools/translations.py all"
    assert [k for k, v in have.items() if not v] == []


def test_translations_keep_every_placeholder_and_tag():
    """A translation that lost a {0} or a <b> would show the wrong figure or break the markup."""
    for (context, source), text in translations.read_ts(translations.ts_path("zh_CN")).items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (context, source, text)
        assert source.count("\n") == text.count("\n"), (context, source)
        if "{0" in source:
            text.format(*range(12))  # every format spec still parses


@pytest.mark.skipif(not Path(translations.lrelease()).exists() and shutil.which("pyside6-lrelease") is None,
                    reason="Qt's lrelease is not installed")
def test_the_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path):
    source = translations.ts_path("zh_CN")
    out = tmp_path / "check.qm"
    subprocess.run([translations.lrelease(), "-silent", str(source), "-qm", str(out)], check=True)
    assert out.read_bytes() == source.with_suffix(".qm").read_bytes(), "run: python tools/translations.py compile"


def test_the_language_follows_the_system_unless_chosen(qapp):
    assert i18n.language_for("system", QLocale(QLocale.Chinese, QLocale.China)) == "zh_CN"
    assert i18n.language_for("system", QLocale(QLocale.Chinese, QLocale.Taiwan)) == "zh_CN"
    assert i18n.language_for("system", QLocale(QLocale.German, QLocale.Germany)) == "en"
    assert i18n.language_for("en", QLocale(QLocale.Chinese, QLocale.China)) == "en"
    assert i18n.language_for("zh_CN", QLocale(QLocale.English, QLocale.UnitedStates)) == "zh_CN"


# Words that stay as they are in the Chinese text: names, units, code and file names.
KEPT = {
    "alexnet", "desktop", "keras", "tensorflow", "onnx", "tflite", "savedmodel", "cifar", "mnist", "fashion", "intel",
    "kaggle", "oxford", "flowers", "imagenet", "cnn", "cnns", "gpu", "gpus", "cpu", "cuda", "nvidia", "volta", "tensor",
    "core", "adam", "sgd", "rmsprop", "dropout", "grad", "cam", "csv", "json", "html", "txt", "jpg", "png", "top",
    "float", "float16", "float32", "gib", "mb", "px", "ctrl", "shift", "enter", "backspace", "alt", "esc", "tab",
    "python", "pyside6", "qt", "pyqtgraph", "numpy", "pillow", "pluggy", "scikit", "learn", "zh", "cn", "idx", "gz",
    "tar", "tgz", "krizhevsky", "sutskever", "hinton", "classification", "with", "deep", "seed", "tangri", "et",
    "al", "the", "of", "on", "and", "in", "f1", "lr",
    # the demo data's classes, the demo folder, the run files named in tooltips
    "circles", "squares", "stripes", "triangles", "demo", "shapes", "model", "checkpoint", "run", "history", "logs",
    "labels", "keras", "imagename", "filename", "path", "label", "class", "category", "seg", "train", "test", "pred",
    "image", "t10k", "uncertain",
}
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _untranslated(text: str, data: set[str]) -> bool:
    """Whether `text` reads as English: no Chinese in it and a word that is not kept as is."""
    plain = re.sub(r"<[^>]+>", " ", text or "")
    for kept in data:
        plain = plain.replace(kept, " ")
    plain = re.sub(r"(/|[A-Za-z]:\\)[^\s]*", " ", plain)  # paths
    if CJK.search(plain):
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9]+", plain)]
    return any(w not in KEPT for w in words)


def _texts(page: QWidget) -> list[str]:
    """Every text a user can see or hover on `page`."""
    out: list[str] = []
    for w in [page, *page.findChildren(QWidget)]:
        out.append(w.toolTip())
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())] + [w.tabToolTip(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTableWidget):
            out += [w.horizontalHeaderItem(i).text() for i in range(w.columnCount()) if w.horizontalHeaderItem(i)]
        if isinstance(w, pg.PlotWidget):
            item = w.getPlotItem()
            out.append(item.titleLabel.text)
            for name in ("left", "bottom"):
                out.append(item.getAxis(name).labelText)
            if item.legend is not None:
                out += [label.text for _, label in item.legend.items]
    return [t for t in out if t]


def test_every_main_page_shows_chinese_after_switching(qtbot, qapp, workspace):
    """Switch to zh_CN, open the window on the demo data, and read every page and menu."""
    from alexnet_desktop.gui.app import create_window

    try:
        assert i18n.install(qapp, "zh_CN") == "zh_CN"
        window = create_window(workspace, first_launch_demo=True)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitUntil(lambda: window.state.scan is not None, timeout=60000)
        qtbot.waitUntil(lambda: not window.data_page.runner.is_running(), timeout=60000)
        data = set(window.state.scan.class_names) | {str(window.state.data_path)}
        found: dict[str, list[str]] = {}
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            page = window.tabs.widget(i)
            bad = [t for t in _texts(page) if _untranslated(t, data)]
            if bad:
                found[window.tabs.tabText(i)] = sorted(set(bad))
        status = [window.statusBar().currentMessage(), *_texts(window.statusBar())]
        bad_status = [t for t in status if _untranslated(t, data)]
        if bad_status:
            found["status bar"] = bad_status
        menus = [t for m in window.menuBar().findChildren(QMenu) for a in m.actions()
                 for t in (a.text(), a.toolTip()) if a.text() and not a.isSeparator()]
        menus += [a.text() for a in window.menuBar().actions()]
        bad_menus = [t for t in menus if _untranslated(t.replace("&", ""), data) and t not in ("English",)]
        if bad_menus:
            found["menus"] = sorted(set(bad_menus))
        assert found == {}
        # The check itself finds English: the same window's text without the translation would fail it.
        assert _untranslated("Start training", data) and not _untranslated(window.train_page.start_button.text(), data)
        window.close()
    finally:
        i18n.install(qapp, "en")
    assert QApplication.translate("TrainPage", "Start training") == "Start training"


def test_choosing_a_language_reopens_the_window_in_it_over_the_same_state(qtbot, qapp, workspace, colour_dataset):
    """View > Language: the choice is kept, and the window comes back in Chinese with the
    dataset still chosen (and scanned again for its pages)."""
    from alexnet_desktop.gui.app import create_window, reopen

    window = create_window(workspace, first_launch_demo=False)
    window.show()
    window.data_page.choose_folder(colour_dataset)
    qtbot.waitUntil(lambda: window.state.scan is not None and not window.data_page.runner.is_running(), timeout=30000)
    window.tabs.setCurrentWidget(window.model_page)
    window.predict_page.use_model_file(colour_dataset / "red" / "red_0.png", ["blue", "red"])  # any file the user chose
    window.predict_page.folder_edit.setText(str(colour_dataset / "blue"))
    new = None
    try:
        with qtbot.waitSignal(window.reopen_requested, timeout=5000):
            window.set_language("zh_CN", ask=False)
        assert i18n.chosen() == "zh_CN" and window.language_actions["zh_CN"].isChecked()
        new = reopen(window)
        qtbot.addWidget(new)
        assert new is not None and new.state is window.state
        assert new.tabs.tabText(0) == "数据" and new.tabs.currentWidget() is new.model_page
        assert new.data_page.path_edit.text() == str(colour_dataset)
        # The Predict page keeps the chosen model and the Images folder.
        assert new.predict_page.model_combo.currentData() == str(colour_dataset / "red" / "red_0.png")
        assert new.predict_page.folder_edit.text() == str(colour_dataset / "blue")
        qtbot.waitUntil(lambda: "2" in new.data_page.status.text() and not new.data_page.runner.is_running(),
                        timeout=30000)
        assert "类别" in new.data_page.status.text()
        # The same language again: nothing to reopen.
        with qtbot.assertNotEmitted(new.reopen_requested):
            new.set_language("zh_CN", ask=False)
    finally:
        i18n.save_choice("system")
        i18n.install(qapp, "en")
    if new is not None:
        new.close()


def test_a_core_message_keeps_its_template_for_the_gui_to_translate(qapp):
    from alexnet_desktop.core.events import Message
    from alexnet_desktop.core.wording import say

    message = Message(say("Resuming after epoch {0} of {1}", 3, 10), "info")
    assert message.text == "Resuming after epoch 3 of 10" == message.shown()
    try:
        i18n.install(qapp, "zh_CN")
        assert message.shown(i18n.core_text) == "从第 3 轮（共 10 轮）之后继续"
        assert Message("plain").shown(i18n.core_text) == "plain"
    finally:
        i18n.install(qapp, "en")


def test_the_cores_reasons_warnings_and_errors_show_in_chinese(qtbot, qapp, workspace, colour_dataset, tmp_path):
    """What the core writes (why a file is not used, the scan's warnings, a dataset error,
    the device line) reaches a Chinese window in Chinese."""
    from alexnet_desktop.gui.app import create_window

    (colour_dataset / "red" / "note.jpg").write_text("not a picture")  # rejected: a text file
    (colour_dataset / "README.md").write_text("about")  # passed over: not in a class folder
    (colour_dataset / "lonely").mkdir()
    shutil.copy(colour_dataset / "red" / "red_0.png", colour_dataset / "lonely" / "one.png")  # one image, two labels
    loose = tmp_path / "loose"
    loose.mkdir()
    shutil.copy(colour_dataset / "red" / "red_1.png", loose / "a.png")
    try:
        i18n.install(qapp, "zh_CN")
        window = create_window(workspace, first_launch_demo=False)
        qtbot.addWidget(window)
        window.show()
        window.data_page.choose_folder(colour_dataset)
        qtbot.waitUntil(lambda: window.state.scan is not None and not window.data_page.runner.is_running(),
                        timeout=30000)
        table = window.data_page.problem_table
        why = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
        assert why[str(colour_dataset / "red" / "note.jpg")] == "是文本文件，不是图像"
        assert why[str(colour_dataset / "README.md")] == "不在任何类别文件夹中"
        assert why[str(colour_dataset / "red" / "red_0.png")].startswith("与 ")
        status = window.data_page.status.text()
        assert "类别 'lonely' 只有一张图像" in status and "出现在两个不同的标签下" in status
        data = {str(colour_dataset), str(loose), "lonely", "red", "blue"}
        assert [t for t in [*why.values(), status] if _untranslated(t, data)] == []

        window.data_page.choose_folder(loose)
        qtbot.waitUntil(lambda: not window.data_page.runner.is_running() and "loose" in window.data_page.status.text(),
                        timeout=30000)
        assert "未找到含图像的类别文件夹" in window.data_page.status.text()
        assert "请在“预测”页使用它" in window.data_page.status.text()

        window.start_tensorflow_loading()
        qtbot.waitUntil(lambda: window.device_text is not None, timeout=120000)
        assert window.device_label.text().startswith(("CPU（", "GPU："))
        window.close()
    finally:
        i18n.install(qapp, "en")
