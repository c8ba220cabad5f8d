"""R4-R6: the GUI's cost. Run as its own process (`python benchmarks/gui_timing.py ...`);
prints one JSON object.

R4 trains the same short run in the window (live curves drawn) and headless (core `train`
with no listener), in turn, and compares images/s of the epochs after the first. R5 is the
longest gap of a 10 ms heartbeat timer on the GUI thread while the window trains and while
it predicts a folder into the grid. R6 is measured by `first_paint` in a fresh process.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import statistics
import sys
import threading
import time
import traceback
from pathlib import Path

# What a user's launcher does, before Qt is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "")
if not os.environ["QT_QPA_PLATFORM"]:
    del os.environ["QT_QPA_PLATFORM"]


class Heartbeat:
    """A 10 ms timer on the GUI thread; the longest gap between its ticks is the worst stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

        self.samples: list[tuple[float, str]] = []  # (when, stacks) while the heartbeat is late
        self._sampling = False

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self.timer.start()
        if os.environ.get("ALEXNET_BENCH_EXPLAIN_STALLS"):
            self._sampling = True
            threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        """While the heartbeat is late by more than 30 ms, record what the GUI thread is running
        (its Python stack, innermost frames) every 5 ms: the samples name what a stall is made of."""
        main, me = threading.main_thread().ident, threading.get_ident()
        while self._sampling:
            time.sleep(0.005)
            if time.perf_counter() - self.ticks[-1] > 0.03:
                # The GUI thread's stack, and the innermost frames of the others: a thread that
                # holds the interpreter lock in a long C call stalls the GUI thread too.
                parts = []
                for ident, frame in sys._current_frames().items():
                    if ident != me:
                        depth = 6 if ident == main else 3
                        parts.append(("GUI" if ident == main else "worker") + " thread:\n"
                                     + "".join(traceback.format_stack(frame)[-depth:]))
                self.samples.append((time.perf_counter(), "".join(sorted(parts))))

    def stop(self) -> dict[str, float]:
        """Stop; the longest gap and the 99th-percentile gap in milliseconds."""
        self.timer.stop()
        self._sampling = False
        for stack, count in collections.Counter(stack for _, stack in self.samples).most_common(4):
            print(f"--- {count} samples (5 ms each) of a late heartbeat in:\n{stack}", file=sys.stderr)
        if self.samples and len(self.ticks) > 1:
            start, end = max(zip(self.ticks, self.ticks[1:]), key=lambda pair: pair[1] - pair[0])
            print(f"=== the longest gap ({(end - start) * 1000:.0f} ms), {start - self.ticks[0]:.2f} s in:",
                  file=sys.stderr)
            inside = [(when, stack) for when, stack in self.samples if start <= when <= end]
            for when, stack in inside[:: max(1, len(inside) // 12)]:  # about a dozen, spread over the gap
                print(f"+{(when - start) * 1000:.0f} ms\n{stack}", file=sys.stderr)
            if not inside:  # the sampler needs the interpreter lock too
                print("no samples: one thread held the interpreter lock throughout (a long C call or "
                      "a full garbage collection)", file=sys.stderr)
        self.samples.clear()
        gaps = sorted(b - a for a, b in zip(self.ticks, self.ticks[1:])) or [0.0]
        return {"max_ms": gaps[-1] * 1000, "p99_ms": gaps[int(0.99 * (len(gaps) - 1))] * 1000, "ticks": len(gaps)}


def wait_until(condition, timeout: float, signal=None) -> None:
    """Run Qt's event loop, as the app's own `exec` does, until `condition()` holds.

    With `signal` (one that fires when the condition may have become true) the condition is
    checked then, and otherwise only every 200 ms: a fast poll would wake the GUI thread
    hundreds of times a second, a load the real app does not have, and charge it to R4.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    timed_out = []

    def check(*_) -> None:
        if condition():
            loop.quit()
        elif time.monotonic() > deadline:
            timed_out.append(True)
            loop.quit()

    poll = QTimer()
    poll.setInterval(200 if signal is not None else 5)
    poll.timeout.connect(check)
    poll.start()
    if signal is not None:
        signal.connect(check)
    check()
    loop.exec()
    poll.stop()
    if signal is not None:
        signal.disconnect(check)
    if timed_out:
        raise TimeoutError(f"the GUI did not finish within {timeout} s")


def steady_rate(run_dir: Path, train_count: int) -> float:
    """Training images/s over the epochs after the first, from the run's own history."""
    from alexnet_desktop.core.runs.folder import RunFolder

    epochs = [row for row in RunFolder(run_dir).read_history() if row["epoch"] > 1]
    return train_count * len(epochs) / sum(row["seconds"] for row in epochs)


def in_background(job):
    """Run `job()` in a thread with the app's worker priority; wait for it and return its result."""
    import threading

    from alexnet_desktop.core.threads import lower_priority

    out: list = []

    def run() -> None:
        lower_priority()
        out.append(job())

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if not out:
        raise RuntimeError("the background job failed (its traceback is above)")
    return out[0]


def settle(seconds: float = 0.5) -> None:
    """Let the window process what is pending (a page's first paint) for `seconds`."""
    until = time.monotonic() + seconds
    wait_until(lambda: time.monotonic() > until, seconds + 5)


def measure(args: argparse.Namespace) -> dict:
    from PySide6.QtWidgets import QApplication

    from alexnet_desktop.core.plugins import default_host
    from alexnet_desktop.core.tf_runtime import start_runtime
    from alexnet_desktop.core.training.events import RunStarted
    from alexnet_desktop.core.training.fit import train
    from alexnet_desktop.core.workspace import Workspace
    from alexnet_desktop.gui.app import create_window

    app = QApplication.instance() or QApplication([])
    app.setApplicationName("AlexNet Desktop benchmark")
    workspace = Workspace(Path(args.workspace)).ensure()
    host = default_host()
    window = create_window(workspace, host, first_launch_demo=False)
    window.resize(1400, 900)
    window.show()
    in_background(start_runtime)  # as the app loads it at start
    window.data_page.choose_folder(Path(args.data))
    wait_until(lambda: window.state.data_path is not None and not window.data_page.runner.is_running(), 120)
    s = window.state.settings
    s.arch, s.image_size, s.epochs, s.batch_size = args.arch, args.image_size, args.epochs, args.batch_size
    page = window.train_page
    window.tabs.setCurrentWidget(page)
    started: list[RunStarted] = []
    page.runner.event.connect(lambda e: started.append(e) if isinstance(e, RunStarted) else None)
    beat = Heartbeat()

    def gui_run(heartbeat: bool) -> tuple[float, dict | None]:
        """One run in the window; with the heartbeat for R5, without it for R4 (its 100
        wake-ups a second are the benchmark's load, not the app's)."""
        started.clear()
        if heartbeat:
            beat.start()
        page.start_button.click()
        wait_until(lambda: started and not page.runner.is_running(), 600, page.runner.finished)
        stall = beat.stop() if heartbeat else None
        return steady_rate(page.run_dir, started[0].train_count), stall

    def headless_run() -> float:
        # The config exactly as the Train page's Start builds it (the page's own method, so the
        # benchmark follows the page when the settings change shape).
        config = page.current_config()
        counted: list[RunStarted] = []
        # In a background thread at the app's worker priority, like the window's own runs.
        result = in_background(lambda: train(
            config, host, emit=lambda e: counted.append(e) if isinstance(e, RunStarted) else None))
        return steady_rate(result.run_dir, counted[0].train_count)

    settle()  # the page's first paint is a tab switch's cost, not training's
    headless_run()  # warm-up: TensorFlow's and tf.data's first-use costs fall on neither side
    gui_rates, headless_rates, stalls = [], [], []
    for rep in range(args.reps):
        for side in ("gui", "headless") if rep % 2 == 0 else ("headless", "gui"):
            if side == "gui":
                gui_rates.append(gui_run(heartbeat=False)[0])
            else:
                headless_rates.append(headless_run())
    for _ in range(2):
        stalls.append(gui_run(heartbeat=True)[1])
    trained = page.run_dir

    # R5 while predicting: the Predict page fills its grid (thumbnails included) from the run just trained.
    predict = window.predict_page
    window.tabs.setCurrentWidget(predict)
    predict.refresh_runs()
    predict.model_combo.setCurrentIndex(predict.model_combo.findData(str(trained)))
    predict.folder_edit.setText(args.predict_folder)
    settle()
    beat.start()
    predict.predict_button.click()
    wait_until(lambda: not predict.runner.is_running() and len(predict.session.rows) > 0, 600,
               predict.runner.finished)
    # The thumbnails of the visible tiles are part of the work the window does.
    predicted = len(predict.session.rows)
    predict_stall = beat.stop()
    window.close()
    gui, headless = statistics.median(gui_rates), statistics.median(headless_rates)
    return {
        "R4": {"gui_images_per_s": gui, "headless_images_per_s": headless, "ratio": gui / headless,
               "gui_runs": gui_rates, "headless_runs": headless_rates},
        "R5": {"training_max_ms": max(x["max_ms"] for x in stalls),
               "training_p99_ms": max(x["p99_ms"] for x in stalls),
               "predicting_max_ms": predict_stall["max_ms"], "predicting_p99_ms": predict_stall["p99_ms"],
               "images_predicted": predicted},
    }


def first_paint() -> None:
    """Child of R6: start the app as its launcher does and print the wall time (time.time())
    at the main window's first paint, then exit at once."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    class Painted(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Paint and isinstance(obj, QMainWindow) and obj.isVisible():
                print(json.dumps({"painted": time.time()}), flush=True)
                os._exit(0)  # TensorFlow may be importing in the background: do not wait for it
            return False

    app = QApplication(sys.argv[:1])
    watcher = Painted()
    app.installEventFilter(watcher)
    from alexnet_desktop.cli import main

    main([])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--first-paint", action="store_true", help="(R6's child) print the first paint time")
    parser.add_argument("--workspace")
    parser.add_argument("--data")
    parser.add_argument("--predict-folder")
    parser.add_argument("--arch", default="small-cnn")
    parser.add_argument("--image-size", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    if args.first_paint:
        first_paint()
        return
    print(json.dumps(measure(args)))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
