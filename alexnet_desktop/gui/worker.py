"""Running a core job in a QThread and turning its events into queued signals."""

from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from alexnet_desktop.core.jobs import Cancelled
from alexnet_desktop.core.plugins import INPUT_ERRORS, PluginError
from alexnet_desktop.core.threads import lower_priority
from alexnet_desktop.core.wording import shown_error
from alexnet_desktop.gui.i18n import core_text


# What a job raises on purpose for bad input (a folder that is not a dataset, a refused
# model file, a plugin that failed): the page that started it shows the message. Anything
# else is a bug, and gets a dialog with its traceback as well.
EXPECTED_ERRORS = (*INPUT_ERRORS, PluginError)


class _Worker(QObject):
    event = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str, str)  # message, traceback
    crashed = Signal(str, str)  # the same, for an unexpected exception
    cancelled = Signal()

    def __init__(self, job: Callable[[Callable[[Any], None], threading.Event], Any], stop: threading.Event) -> None:
        super().__init__()
        self._job = job
        self._stop = stop

    @Slot()
    def run(self) -> None:
        lower_priority()  # the window first: see core.threads
        try:
            result = self._job(self.event.emit, self._stop)
        except Cancelled:  # stopped as asked: not an error, and the job wrote nothing
            self.cancelled.emit()
        except Exception as exc:  # the job's error goes to the page that started it
            message, tb = shown_error(exc, core_text) or type(exc).__name__, traceback.format_exc()
            if not isinstance(exc, EXPECTED_ERRORS):
                message = f"{type(exc).__name__}: {message}"
                self.crashed.emit(message, tb)
            self.failed.emit(message, tb)
        else:
            self.succeeded.emit(result)
        finally:
            # The job's closure holds what it worked on (a model, a dataset); the worker
            # itself lives until Qt deletes it later, so it lets go now.
            self._job = None
            self.thread().quit()


class JobRunner(QObject):
    """Runs one core job `job(emit, stop)` in its own QThread.

    `event` carries each emitted event to the GUI thread (a queued connection);
    `succeeded`/`failed` carry the outcome, `cancelled` a job that stopped as asked (raised
    `Cancelled`, see core/jobs.py); `finished` fires last, once the thread has
    ended, so whoever waits on it knows no thread is left running.
    """

    event = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()
    finished = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        event: Callable | None = None,
        succeeded: Callable | None = None,
        failed: Callable | None = None,
        finished: Callable | None = None,
        cancelled: Callable | None = None,
    ) -> None:
        """A runner owned by `parent`; the keyword slots, when given, are connected to the signals."""
        super().__init__(parent)
        for signal, slot in ((self.event, event), (self.succeeded, succeeded), (self.failed, failed), (self.finished, finished),
                             (self.cancelled, cancelled)):
            if slot is not None:
                signal.connect(slot)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self.crash_dialog: QMessageBox | None = None  # the last one shown
        self.stop_event = threading.Event()

    def is_running(self) -> bool:
        """True from `start` until the thread has ended."""
        return self._thread is not None

    def start(self, job: Callable[[Callable[[Any], None], threading.Event], Any]) -> None:
        """Start `job` in a new thread; refuses while a job is already running."""
        if self._thread is not None:
            raise RuntimeError("a job is already running")
        self.stop_event = threading.Event()
        thread = QThread()
        worker = _Worker(job, self.stop_event)
        worker.moveToThread(thread)
        worker.event.connect(self.event)
        worker.succeeded.connect(self.succeeded)
        worker.failed.connect(self.failed)
        worker.cancelled.connect(self.cancelled)
        worker.crashed.connect(self._show_crash)
        thread.started.connect(worker.run)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()

    def request_stop(self) -> None:
        """Ask the job to stop at its next check (after the current batch or file)."""
        self.stop_event.set()

    def wait(self, ms: int = -1) -> bool:
        """Block until the thread ends (for shutdown); True if it has ended."""
        if self._thread is None:
            return True
        return self._thread.wait() if ms < 0 else self._thread.wait(ms)

    @Slot(str, str)
    def _show_crash(self, message: str, tb: str) -> None:
        """An unexpected error: a dialog says so, with the traceback under "Show Details"
        (to copy into a bug report), besides what the page itself shows."""
        parent = self.parent()
        window = parent.window() if isinstance(parent, QWidget) else None
        box = QMessageBox(QMessageBox.Critical, self.tr("AlexNet Desktop: unexpected error"),
                          self.tr("An unexpected error stopped this task:\n\n{0}\n\nYour files are safe. Show Details "
                                  "has the traceback to put in a bug report.").format(message), QMessageBox.Ok, window)
        box.setDetailedText(tb)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.setObjectName("crash_dialog")
        box.open()  # not exec(): the window and any other running job carry on
        self.crash_dialog = box

    @Slot()
    def _on_thread_finished(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if worker is not None:
            worker.deleteLater()
        if thread is not None:
            thread.deleteLater()
        self.finished.emit()
