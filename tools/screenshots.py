"""The labelling loop in the real window, start to finish, with a screenshot of each step.

    xvfb-run -a -s "-screen 0 1920x1200x24" .venv/bin/python tools/screenshots.py [--quick]
        [--lang zh_CN] [--theme dark] [--size 1280x800] [--out resources/screenshots] [--prefix ""]

A user's first session, through the visible widgets (clicks and keys; a folder picker is
answered with a path, and every question and the sort's dry run are answered by clicking
their buttons): the app opens on its demo data, trains the demo's model, predicts a folder of
images, corrects three of them by keyboard, retrains with the corrections, predicts again and
checks the corrected classes, sorts the files (moving them) after the dry run, and undoes the
sort. It exits non-zero, naming the step, when anything is not as a user would expect.

README's screenshots are taken by it (the demo's own settings); `--quick` trains the small
CNN at 32 px for one epoch instead, which is how CI runs it on Xvfb's xcb screen
(`tests/test_real_window.py`). Nothing is staged: the pictures show what the app did.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = "data,data_split,model,train,runs,evaluate,predict,sort,explain,plugins"
QUICK_ARCH, QUICK_SIZE = "small-cnn", 32  # --quick: the smallest built-in network, at its size


def options() -> argparse.Namespace:
    """The command line (see the module's docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="en", choices=["en", "zh_CN"])
    parser.add_argument("--theme", default="light", choices=["light", "dark"])
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--quick", action="store_true", help="the small CNN at 32 px, one epoch (CI's check)")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument("--prefix", default="", help="put before every file name (e.g. zh_dark_)")
    parser.add_argument("--pages", default=PAGES, help="which screenshots to save (all steps run)")
    return parser.parse_args()


class Failed(Exception):
    """A step did not give what a user would expect."""


class Driver:
    """Waits on the real event loop, answers dialogs by clicking them, and saves screenshots."""

    def __init__(self, app, window, out: Path, prefix: str, wanted: set[str]) -> None:
        from PySide6.QtCore import QTimer

        self.app, self.window, self.out, self.prefix, self.wanted = app, window, out, prefix, wanted
        self.answers: list[str] = []  # the text of each dialog answered, in order
        self.sort_plans: list = []  # the plan each sort dialog showed when Sort was clicked
        self.move_when_sorting = True
        self.error: Exception | None = None  # raised in a dialog's answer, raised again by `wait`
        self._timer = QTimer()
        self._timer.timeout.connect(self._answer_dialog)
        self._timer.start(150)

    def wait(self, condition, what: str, seconds: float = 900.0) -> None:
        """Run the event loop until `condition()` holds; `Failed` after `seconds`."""
        from PySide6.QtCore import QEventLoop

        end = time.monotonic() + seconds
        if what != "the window to settle":
            print(f"waiting for {what}", file=sys.stderr, flush=True)
        while not condition():
            if self.error is not None:
                raise self.error
            if time.monotonic() > end:
                raise Failed(f"gave up waiting for {what}")
            self.app.processEvents(QEventLoop.AllEvents, 50)
            time.sleep(0.02)

    def settle(self, seconds: float = 1.5) -> None:
        """Let timers draw (curves, thumbnails) before a screenshot."""
        end = time.monotonic() + seconds
        self.wait(lambda: time.monotonic() >= end, "the window to settle")

    def shot(self, name: str, widget=None) -> None:
        """Save `widget` (the window) as `<prefix><name>.png` when that picture is wanted."""
        if name in self.wanted:
            self.settle()
            path = self.out / f"{self.prefix}{name}.png"
            if not (widget or self.window).grab().save(str(path)):
                raise Failed(f"could not save {path}")
            print(path, flush=True)

    def click(self, widget, what: str) -> None:
        """Click `widget` as a user does; `Failed` when it is disabled (its reason beside it)."""
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QRadioButton

        if not widget.isEnabled():
            raise Failed(f"{what} is disabled")
        # A radio button takes clicks on its circle and words only, not the rest of its row.
        at = QPoint(6, widget.height() // 2) if isinstance(widget, QRadioButton) else QPoint()
        QTest.mouseClick(widget, Qt.LeftButton, pos=at)

    def _answer_dialog(self) -> None:
        """Answer the modal dialog on top, if any, by clicking its buttons."""
        try:
            self._answer()
        except Exception as exc:  # noqa: BLE001 - a slot cannot raise: `wait` raises it
            self.error = exc

    def _answer(self) -> None:
        from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

        from alexnet_desktop.gui.predict_sort import SortDialog

        dialog = self.app.activeModalWidget()
        if isinstance(dialog, SortDialog) and dialog.isVisible():
            self._timer.stop()  # the screenshot below runs the event loop
            if self.move_when_sorting:
                self.click(dialog.move, "Move")
            self.answers.append(dialog.text.toPlainText())
            self.sort_plans.append(dialog.plan)
            self.shot("sort", dialog)
            self.click(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok), "Sort")
            self._timer.start(150)
        elif isinstance(dialog, QMessageBox) and dialog.isVisible():
            self.answers.append(dialog.text())
            yes = dialog.button(QMessageBox.Yes) or dialog.button(QMessageBox.Ok)
            if yes is None:
                raise Failed(f"a question with no Yes or OK: {dialog.text()}")
            self.click(yes, "Yes")


def open_on_the_demo(d: Driver, args) -> None:
    """The first start: the app opens on the demo data with its settings; look at the data."""
    window = d.window
    d.wait(lambda: window.state.scan is not None and not window.data_page.runner.is_running(), "the demo's scan")
    d.wait(lambda: "TensorFlow" not in window.device_label.text() or "CPU" in window.device_label.text(), "TensorFlow")
    d.shot("data")
    page = window.data_page
    page.tabs.setCurrentIndex(2)
    panel = page.split_panel
    panel.preset.setCurrentIndex(panel.preset.findData("seed001"))
    panel.preset.activated.emit(panel.preset.currentIndex())  # as choosing it in the list does
    d.wait(lambda: not panel.runner.is_running() and panel.preview.count() > 1, "the augmentation preview")
    d.shot("data_split")
    page.tabs.setCurrentIndex(0)
    model = window.model_page
    window.tabs.setCurrentWidget(model)
    if args.quick:
        index = model.arch_combo.findData(QUICK_ARCH)
        if index < 0:
            raise Failed(f"the architecture {QUICK_ARCH} is not in the Model page's list")
        model.arch_combo.setCurrentIndex(index)
        model.image_size.setValue(QUICK_SIZE)
    model.epochs.setValue(1 if args.quick else args.epochs)
    d.wait(lambda: model.layer_table.summary is not None or "could not" in model.layer_table.totals.text(),
           "the layer table")
    if model.layer_table.summary is None:
        raise Failed(f"the layer table: {model.layer_table.totals.text()}")
    d.shot("model")


def train(d: Driver) -> Path:
    """Start training with the button and wait for the run to finish."""
    import json

    page = d.window.train_page
    d.window.tabs.setCurrentWidget(page)
    d.click(page.start_button, "Start training")
    d.wait(lambda: page.runner.is_running(), "training to start", 60)
    d.wait(lambda: not page.runner.is_running(), "training")
    status = json.loads((Path(page.run_dir) / "run.json").read_text())["status"]
    if status != "finished":
        raise Failed(f"the run ended {status}: {page.log.toPlainText()[-1500:]}")
    return Path(page.run_dir)


def predict(d: Driver, run: Path, inbox: Path, count: int) -> None:
    """Choose `run` (listed by the runs watcher, no Refresh), type the folder, press Predict."""
    from PySide6.QtTest import QTest

    page = d.window.predict_page
    d.window.tabs.setCurrentWidget(page)
    d.wait(lambda: page.model_combo.findData(str(run)) >= 0, "the run in the model list", 10)
    page.model_combo.setCurrentIndex(page.model_combo.findData(str(run)))
    page.folder_edit.clear()
    QTest.keyClicks(page.folder_edit, str(inbox))
    d.click(page.predict_button, "Predict")
    d.wait(lambda: not page.runner.is_running(), "the predictions", 300)
    if len(page.session.rows) != count:
        raise Failed(f"{len(page.session.rows)} images predicted, not {count}: {page.status.text()}")


def correct_three(page) -> dict[str, str]:
    """On the Predict `page`'s first three tiles by name, press the key of a class other than
    the predicted one; returns {file name: the label given}. (tests/test_window_scenarios.py
    makes its corrections with it too.)"""
    from PySide6.QtTest import QTest

    from alexnet_desktop.gui.viewer import GridModel, LabelGrid

    page.sort_combo.setCurrentIndex(page.sort_combo.findData("name"))
    grid, model, session = page.grid, page.grid_model, page.session
    keys = LabelGrid.class_keys(len(session.class_names))
    wanted = {}
    grid.setFocus()
    for position in range(3):
        grid.setCurrentIndex(model.index(position))
        row = model.data(model.index(position), GridModel.RowRole)
        target = next(c for c in session.class_names if c != session.rows[row].label)
        QTest.keyClick(grid, keys[session.class_names.index(target)])
        wanted[session.rows[row].path.name] = target
    return wanted


def labels_by_name(page) -> dict[str, str]:
    """The label each tile shows now (the user's where they gave one), by file name."""
    return {r.path.name: page.session.label(i) for i, r in enumerate(page.session.rows)}


def retrain_and_predict_again(d: Driver, run: Path, count: int, wanted: dict[str, str]) -> Path:
    """Retrain with the corrections (its questions answered Yes: predicting again is one of
    them); the new run must record the corrections and the new predictions keep them."""
    import json

    page, train = d.window.predict_page, d.window.train_page
    d.click(page.retrain_button, "Retrain with my corrections")
    d.wait(lambda: train.run_dir is not None and Path(train.run_dir) != run and not train.runner.is_running(),
           "the retraining")
    new_run = Path(train.run_dir)
    record = json.loads((new_run / "run.json").read_text())
    if record["status"] != "finished":
        raise Failed(f"the retraining ended {record['status']}: {train.log.toPlainText()[-1500:]}")
    used = {Path(c["file"]).name: c["label"] for c in record["training"]["corrections"]}
    if used != wanted:
        raise Failed(f"the retraining used the corrections {used}, not {wanted}")
    d.wait(lambda: page.model_combo.currentData() == str(new_run) and not page.runner.is_running()
           and len(page.session.rows) == count, "the new model's predictions", 300)
    shown = labels_by_name(page)
    if {name: shown[name] for name in wanted} != wanted:
        raise Failed(f"after predicting again the corrected images show {shown}, not {wanted}")
    if "Traceback" in train.log.toPlainText():
        raise Failed("a traceback in the Train page's log")
    return new_run


def sort_and_undo(d: Driver, inbox: Path, out: Path, count: int) -> None:
    """Sort into `out` (moving, after the dry run), check the tiles follow, then Undo."""
    from PySide6.QtWidgets import QFileDialog

    page = d.window.predict_page
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: str(out))  # the folder picker
    asked = len(d.sort_plans)
    d.click(page.sort_button, "Sort into folders")
    d.wait(lambda: len(d.sort_plans) > asked and not page.sorter.is_running(), "the sort", 300)
    plan = d.sort_plans[asked]
    if not (plan.move and plan.out == out and len(plan.steps) == count):
        raise Failed(f"the dry run said: {d.answers[-1][:300]}")
    d.wait(lambda: not list(inbox.iterdir()), "the inbox to empty", 30)
    if not all(r.path.parent.parent == out and r.path.is_file() for r in page.session.rows):
        raise Failed("the tiles do not follow the moved files")
    d.shot("predict")
    d.click(page.undo_button, "Undo last sort")
    d.wait(lambda: not page.sorter.is_running() and len(list(inbox.iterdir())) == count, "the undo", 300)
    if not all(r.path.parent == inbox for r in page.session.rows):
        raise Failed("after Undo the tiles do not point at the files put back")


def other_pages(d: Driver) -> None:
    """The pages a user looks at besides the loop: runs, evaluation, heat map, plugins."""
    window = d.window
    window.tabs.setCurrentWidget(window.runs_page)
    window.runs_page.table.selectRow(0)
    d.shot("runs")
    evaluate = window.evaluate_page
    window.tabs.setCurrentWidget(evaluate)
    d.wait(lambda: evaluate.evaluation is not None and not evaluate.runner.is_running(), "the evaluation", 300)
    names, matrix = evaluate.evaluation.class_names, evaluate.evaluation.confusion
    # A cell with mistakes if there is one (that is what a user clicks), else the first.
    cells = [(t, p) for t in range(len(names)) for p in range(len(names)) if t != p and matrix[t][p]]
    evaluate.show_cell(*(cells[0] if cells else (0, 0)))
    evaluate.grid.setCurrentIndex(evaluate.grid.model().index(0, 0))
    d.shot("evaluate")
    predict = window.predict_page
    window.tabs.setCurrentWidget(predict)
    predict.grid.setCurrentIndex(predict.grid.model().index(3, 0))
    detail = predict.detail
    d.click(detail.explain, "Explain")
    d.wait(lambda: not detail.runner.is_running() and detail.image.toolTip() != "", "the heat map", 300)
    d.shot("explain")
    window.tabs.setCurrentWidget(window.plugins_page)
    d.shot("plugins")


def inbox_of(window, home: Path, count: int) -> Path:
    """A flat folder of `count` demo images to label (copies: the demo data stays as it is)."""
    from alexnet_desktop.core.data.image_files import list_image_files

    inbox = home / "inbox"
    inbox.mkdir()
    images = list_image_files(window.state.data_path).files
    for n, image in enumerate(images[:: max(1, len(images) // count)][:count]):
        shutil.copy(image, inbox / f"{n:04d}{image.suffix}")
    return inbox


def main() -> int:
    args = options()
    width, height = (int(v) for v in args.size.split("x"))
    home = Path(tempfile.mkdtemp(prefix="alexnet-shots-"))
    os.environ["ALEXNET_DESKTOP_HOME"] = str(home / "workspace")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    app.setOrganizationName("AlexNetDesktop")
    app.setApplicationName("AlexNet Desktop")
    from alexnet_desktop.gui import i18n, theme
    from alexnet_desktop.gui.app import create_window

    i18n.install(app, args.lang)
    theme.save_choice(args.theme)
    args.out.mkdir(parents=True, exist_ok=True)
    window = create_window(first_launch_demo=True)
    window.resize(width, height)
    window.load_tensorflow_when_painted()
    window.show()
    d = Driver(app, window, args.out, args.prefix, set(args.pages.split(",")))
    count = 12
    try:
        open_on_the_demo(d, args)
        run = train(d)
        d.shot("train")
        inbox = inbox_of(window, home, count)
        predict(d, run, inbox, count)
        wanted = correct_three(window.predict_page)
        retrain_and_predict_again(d, run, count, wanted)
        sort_and_undo(d, inbox, home / "sorted", count)
        other_pages(d)
    except Failed as exc:
        d.wanted.add("failed")
        d.shot("failed")
        print(f"failed: {exc}", file=sys.stderr)
        return 1
    finally:
        window.close()
        shutil.rmtree(home, ignore_errors=True)  # the workspace it made: the screenshots are what it leaves
    print(f"the loop held: {count} images predicted, 3 corrected, retrained, sorted and put back")
    return 0


if __name__ == "__main__":
    sys.exit(main())
