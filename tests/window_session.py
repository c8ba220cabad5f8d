"""Run as its own process by the tests: open the real main window on the workspace that
ALEXNET_DESKTOP_HOME names, choose a run on the Predict page, predict a folder, and show a
heat map in the side panel, the way a user would after restarting the app.

Usage: python window_session.py RUN_FOLDER IMAGE_FOLDER. Prints one JSON line with what the
page showed; exits non-zero when any step fails or times out.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


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


def main(run: str, folder: str) -> None:
    from alexnet_desktop.gui.app import create_window

    app = QApplication.instance() or QApplication([])
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
    print(json.dumps({"rows": len(page.session.rows), "labels": labels, "errors": errors, "status": status,
                      "heat_map": heat_map, "heat_map_shown": shown}))


if __name__ == "__main__":
    main(*sys.argv[1:3])
