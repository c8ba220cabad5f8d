"""Run as its own process by the tests: the real main window on the workspace that
ALEXNET_DESKTOP_HOME names, with the app's own QApplication set-up (and so its settings), as a
user finds it after restarting the app.

- `predict RUN_FOLDER IMAGE_FOLDER`: choose the run on the Predict page, predict the folder
  and show a heat map in the side panel.
- `choose DATASET`: open a dataset, pick the dark theme and Chinese, go to the Runs page, quit.
- `report`: what the window opened with (dataset, page, theme, language).

Prints one JSON line with what the window showed; exits non-zero when a step fails or times out.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402


def wait_until(condition, what: str, timeout_ms: int = 120000) -> None:
    """Run the event loop until `condition()` holds; exit with `what` if it never does."""
    loop = QEventLoop()
    poll = QTimer(interval=20)
    poll.timeout.connect(lambda: condition() and loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    poll.start()
    if not condition():
        loop.exec()
    poll.stop()
    if not condition():
        sys.exit(f"timed out waiting for {what}")


def predict(run: str, folder: str) -> dict:
    from alexnet_desktop.gui.app import application, create_window

    app = application([])
    window = create_window(first_launch_demo=False)
    window.show()
    page = window.predict_page
    window.tabs.setCurrentWidget(page)
    page.refresh_runs()
    index = page.model_combo.findData(str(Path(run)))
    if index < 0:
        sys.exit(f"the run {run} is not offered on the Predict page")
    page.model_combo.setCurrentIndex(index)
    page.folder_edit.setText(folder)
    page.recursive.setChecked(True)
    page.predict_button.click()
    wait_until(lambda: not page.runner.is_running() and page.session.rows, "the predictions")
    labels = sorted({r.label for r in page.session.rows if r.label})
    errors = [r.error for r in page.session.rows if r.error]
    page.grid.setCurrentIndex(page.grid_model.index(0))
    page.detail.explain.setChecked(True)
    wait_until(lambda: page.detail.image.toolTip().startswith("Heat map for "), "the heat map")
    heat_map = page.detail.image.toolTip()
    shown = not page.detail.image.pixmap().isNull()
    status = page.status.text()
    window.predict_page.shutdown()
    for runner in (page.runner, page.detail.runner):
        runner.request_stop()
        runner.wait()
    window.close()
    app.processEvents()
    return {"rows": len(page.session.rows), "labels": labels, "errors": errors, "status": status,
            "heat_map": heat_map, "heat_map_shown": shown}


def choose(dataset: str) -> dict:
    from alexnet_desktop.gui.app import application, create_window

    app = application([])
    window = create_window(first_launch_demo=False)
    window.show()
    opened = window.open_any(Path(dataset))
    wait_until(lambda: not window.data_page.runner.is_running(), "the scan")
    window.theme_actions["dark"].trigger()
    window.set_language("zh_CN", ask=False)
    window.tabs.setCurrentWidget(window.runs_page)
    window.close()
    app.processEvents()
    return {"opened": opened}


def report() -> dict:
    from alexnet_desktop.gui import i18n, theme
    from alexnet_desktop.gui.app import application, create_window

    app = application([])
    window = create_window()
    window.show()
    wait_until(lambda: window.state.data_path is not None, "the last dataset to be chosen again")
    wait_until(lambda: not window.data_page.runner.is_running(), "the scan")
    shown = {"dataset": str(window.state.data_path), "loader": window.state.loader_id,
             "page": window.tabs.currentWidget().objectName() or type(window.tabs.currentWidget()).__name__,
             "theme": theme.chosen(), "dark": theme.is_dark(), "language": i18n.current(),
             "title": window.tabs.tabText(0)}
    window.close()
    app.processEvents()
    return shown


if __name__ == "__main__":
    modes = {"predict": predict, "choose": choose, "report": report}
    print(json.dumps(modes[sys.argv[1]](*sys.argv[2:])))
