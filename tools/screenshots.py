"""Take the README's screenshots from the real app on its demo data.

    xvfb-run -a -s "-screen 0 1920x1200x24" .venv/bin/python tools/screenshots.py [--lang zh_CN] [--theme dark]
        [--size 1280x800] [--out resources/screenshots] [--prefix ""]

It opens the window in a fresh workspace, scans the demo data, trains the demo's model for a
few epochs (a minute or two on a CPU), lets the run evaluate itself, predicts the demo images
with it, relabels one image by keyboard, and grabs every page as a user would see it. Nothing
is staged: what the pictures show is what the app did.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="en", choices=["en", "zh_CN"])
    parser.add_argument("--theme", default="light", choices=["light", "dark"])
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument("--prefix", default="", help="put before every file name (e.g. zh_ or dark_)")
    parser.add_argument("--pages", default="data,data_split,model,train,runs,evaluate,predict,explain,plugins")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    home = Path(tempfile.mkdtemp(prefix="alexnet-shots-"))
    os.environ["ALEXNET_DESKTOP_HOME"] = str(home / "workspace")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")

    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    app.setOrganizationName("AlexNetDesktop")
    app.setApplicationName("AlexNet Desktop")

    from alexnet_desktop.gui import i18n, theme
    from alexnet_desktop.gui.app import create_window

    def wait(condition, seconds: float = 600.0, what: str = "") -> None:
        end = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError(f"gave up waiting for {what}")
            app.processEvents(QEventLoop.AllEvents, 50)
            time.sleep(0.02)

    def settle(seconds: float = 1.0) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents(QEventLoop.AllEvents, 50)
            time.sleep(0.02)

    wanted = set(args.pages.split(","))
    args.out.mkdir(parents=True, exist_ok=True)

    def grab(name: str) -> None:
        if name in wanted:
            settle(1.5)  # the curves and thumbnails draw on timers
            path = args.out / f"{args.prefix}{name}.png"
            window.grab().save(str(path))
            print(path)

    i18n.install(app, args.lang)
    theme.save_choice(args.theme)
    window = create_window(first_launch_demo=True)
    window.resize(width, height)
    window.load_tensorflow_when_painted()
    window.show()
    wait(lambda: window.state.scan is not None and not window.data_page.runner.is_running(), what="the scan")
    wait(lambda: "TensorFlow" not in window.device_label.text() or "CPU" in window.device_label.text(),
         what="TensorFlow")
    grab("data")
    window.data_page.tabs.setCurrentIndex(2)
    panel = window.data_page.split_panel
    index = panel.preset.findData("seed001")
    panel.preset.setCurrentIndex(index)
    panel.preset.activated.emit(index)  # as a click on it does
    wait(lambda: not panel.runner.is_running() and panel.preview.count() > 1, what="the preview")
    grab("data_split")
    window.data_page.tabs.setCurrentIndex(0)

    window.tabs.setCurrentWidget(window.model_page)
    window.model_page.epochs.setValue(args.epochs)
    wait(lambda: window.model_page.layer_table.summary is not None, what="the layer table")
    grab("model")

    window.tabs.setCurrentWidget(window.train_page)
    window.train_page.start()
    wait(lambda: not window.train_page.runner.is_running(), seconds=1800, what="training")
    grab("train")

    window.tabs.setCurrentWidget(window.runs_page)
    window.runs_page.refresh()
    window.runs_page.table.selectRow(0)
    grab("runs")

    window.tabs.setCurrentWidget(window.evaluate_page)
    evaluate = window.evaluate_page
    wait(lambda: evaluate.evaluation is not None and not evaluate.runner.is_running(), what="the evaluation")
    names = evaluate.evaluation.class_names
    matrix = evaluate.evaluation.confusion
    # A cell with mistakes if there is one (that is what a user clicks), else the first.
    cells = [(t, p) for t in range(len(names)) for p in range(len(names)) if t != p and matrix[t][p]]
    evaluate.show_cell(*(cells[0] if cells else (0, 0)))
    evaluate.grid.setCurrentIndex(evaluate.grid.model().index(0, 0))
    grab("evaluate")

    window.tabs.setCurrentWidget(window.predict_page)
    predict = window.predict_page
    predict.refresh_runs()
    predict.folder_edit.setText(str(window.state.data_path))
    predict.recursive.setChecked(True)
    predict.threshold.setValue(60)
    predict.start()
    wait(lambda: not predict.runner.is_running(), what="the prediction")
    predict.grid.setFocus()
    predict.grid.setCurrentIndex(predict.grid.model().index(3, 0))
    from PySide6.QtTest import QTest

    QTest.keyClick(predict.grid, Qt.Key_2)  # a correction, as a user makes one (✎)
    predict.grid.setCurrentIndex(predict.grid.model().index(3, 0))
    grab("predict")
    if "explain" in wanted:  # the side panel's heat map (the default method) over the same image
        detail = predict.detail
        detail.explain.setChecked(True)
        wait(lambda: not detail.runner.is_running() and detail.image.toolTip() != "", what="the heat map")
        grab("explain")

    window.tabs.setCurrentWidget(window.plugins_page)
    grab("plugins")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
