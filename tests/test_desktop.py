"""Desktop integration: icon, menus and shortcuts, About, recent datasets and models, drag and
drop, and the window's size, layout and page remembered between sessions."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

# Every test here opens the main window.
pytestmark = pytest.mark.window


def _drop(window, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)


def _menu_actions(window) -> dict[str, object]:
    out = {}
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text():
                out[action.text().replace("&", "")] = action
    return out


def test_icon_menus_shortcuts_and_about(qtbot, window, monkeypatch):
    assert not window.windowIcon().isNull()
    actions = _menu_actions(window)
    assert actions["Open dataset folder…"].shortcut().toString() == "Ctrl+O"
    assert actions["Keyboard shortcuts"].shortcut().toString() == "F1"
    assert actions["Quit"].shortcut().toString() == "Ctrl+Q"
    assert actions["Predict"].shortcut().toString() == "Ctrl+6"
    actions["Predict"].trigger()
    assert window.tabs.currentWidget() is window.predict_page
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    actions["Keyboard shortcuts"].trigger()
    actions["About AlexNet Desktop"].trigger()
    assert "Ctrl+Shift+O" in shown[0] and "Drop a folder" in shown[0]
    assert "tensorflow" in shown[1] and "PySide6" in shown[1] and "Training on" in shown[1]


def test_recent_datasets_and_models_and_drops(qtbot, window, colour_dataset, tmp_path):
    _drop(window, colour_dataset)
    assert window.tabs.currentWidget() is window.data_page
    qtbot.waitUntil(lambda: window.state.data_path == colour_dataset and not window.data_page.runner.is_running(),
                    timeout=30000)
    assert window.recent_datasets.items()[0] == colour_dataset
    model = tmp_path / "m.keras"
    model.write_bytes(b"PK")  # only offered, not loaded, until Predict
    _drop(window, model)
    assert window.tabs.currentWidget() is window.predict_page
    assert window.predict_page.model_combo.currentData() == str(model)
    assert window.recent_models.items()[0] == model
    window.menuBar().actions()[0].menu().aboutToShow.emit()
    assert [a.text() for a in window.recent_datasets_menu.actions()] == [str(colour_dataset)]
    notes = tmp_path / "notes.txt"
    notes.write_text("x")
    _drop(window, notes)
    assert "drop a folder of images" in window.statusBar().currentMessage()


def test_window_size_layout_and_page_are_remembered(qtbot, workspace, host):
    from PySide6.QtCore import QSettings

    from alexnet_desktop.gui.app import create_window

    first = create_window(workspace, host, first_launch_demo=False)
    first.show()
    first.resize(first.size().width() - 40, first.size().height() - 30)
    first.tabs.setCurrentWidget(first.runs_page)
    QApplication.processEvents()
    want = first.size()
    first.close()
    assert QSettings().value("window/geometry") is not None
    second = create_window(workspace, host, first_launch_demo=False)
    second.show()
    try:
        # The offscreen platform's small virtual screen narrows a restored width; the height
        # and the page come back as they were (under a real display, the width too).
        assert second.size().height() == want.height() and second.tabs.currentWidget() is second.runs_page
    finally:
        second.close()
    QApplication.processEvents()


def test_every_control_has_a_tool_tip(qtbot, window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QSlider, QTabBar

    from alexnet_desktop.gui.export_dialog import ExportDialog

    dialog = ExportDialog("run", window.state.host.exporters, Path.home(), window)
    qtbot.addWidget(dialog)
    missing = []
    for root in (window, dialog):
        for kind in (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QSlider):
            for control in root.findChildren(kind):
                if control.objectName().startswith("qt_") or isinstance(control.parent(), (QAbstractSpinBox, QComboBox, QTabBar)):
                    continue  # Qt's own parts of a composite control
                if not control.toolTip():
                    missing.append(f"{type(control).__name__} {getattr(control, 'text', lambda: '')()!r}")
    assert not missing, missing


def test_paths_on_the_command_line_open_the_window_with_them(monkeypatch, colour_dataset, capsys):
    import alexnet_desktop.gui.app as app
    from alexnet_desktop.cli import main

    opened = []
    monkeypatch.setattr(app, "run_app", lambda argv=None, open_paths=None: opened.append(open_paths) or 0)
    assert main([str(colour_dataset)]) == 0  # the .desktop entry's "Exec=alexnet-desktop %F"
    assert main([]) == 0
    assert opened == [[str(colour_dataset)], []]
    with pytest.raises(SystemExit):
        main(["no-such-command-or-path"])  # neither: argparse says so
    assert "invalid choice" in capsys.readouterr().err


def test_light_and_dark_themes_recolour_the_window_and_its_plots(qtbot, window):
    import pyqtgraph as pg
    from PySide6.QtGui import QPalette

    from alexnet_desktop.gui import theme

    def lightness(colour) -> int:
        return colour.lightness()

    window.set_theme("dark")
    assert theme.chosen() == "dark" and window.theme_actions["dark"].isChecked()
    palette = QApplication.instance().palette()
    assert lightness(palette.color(QPalette.Window)) < 80 and lightness(palette.color(QPalette.WindowText)) > 180
    curves = window.train_page.curves
    view = curves.findChildren(pg.GraphicsView)[0] if curves.findChildren(pg.GraphicsView) else curves
    assert lightness(view.backgroundBrush().color()) < 80
    axis = curves.plots["loss"].getAxis("bottom")
    assert lightness(axis.textPen().color()) > 180  # tick labels light on the dark plot
    window.set_theme("light")
    assert lightness(QApplication.instance().palette().color(QPalette.Window)) > 180
    assert lightness(axis.textPen().color()) < 80
    window.set_theme("system")


def test_quitting_while_the_demo_is_written_starts_nothing_on_the_closing_window(qtbot, workspace, host):
    """The first start writes the demo in a worker; a Ctrl+Q meanwhile must not let its end
    start a scan on a window being destroyed (that thread outlived the window and aborted the app)."""
    from alexnet_desktop.gui.app import create_window

    window = create_window(workspace, host, first_launch_demo=True)
    window.show()
    page = window.data_page
    qtbot.waitUntil(lambda: page.demo_runner.is_running(), timeout=10000)
    window.close()  # waits for every running job
    qtbot.waitUntil(lambda: not page.demo_runner.is_running(), timeout=60000)
    QApplication.processEvents()  # the demo's success arrives after the close
    assert not page.runner.is_running() and window.state.data_path is None
