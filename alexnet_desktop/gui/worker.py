"""Running a core job in a QThread and turning its events into queued signals."""

from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from alexnet_desktop.core.threads import lower_priority


class _Worker(QObject):
    event = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str, str)  # message, traceback

    def __init__(self, job: Callable[[Callable[[Any], None], threading.Event], Any], stop: threading.Event) -> None:
        super().__init__()
        self._job = job
        self._stop = stop

    @Slot()
    def run(self) -> None:
        lower_priority()  # the window first: see core.threads
        try:
            result = self._job(self.event.emit, self._stop)
        except Exception as exc:  # the job's error goes to the page that started it
            self.failed.emit(str(exc) or type(exc).__name__, traceback.format_exc())
        else:
            self.succeeded.emit(result)
        finally:
            self.thread().quit()


class JobRunner(QObject):
    """Runs one core job `job(emit, stop)` in its own QThread.

    `event` carries each emitted event to the GUI thread (a queued connection);
    `succeeded`/`failed` carry the outcome; `finished` fires last, once the thread has
    ended, so whoever waits on it knows no thread is left running.
    """

    event = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str, str)
    finished = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        event: Callable | None = None,
        succeeded: Callable | None = None,
        failed: Callable | None = None,
        finished: Callable | None = None,
    ) -> None:
        """A runner owned by `parent`; the keyword slots, when given, are connected to the signals."""
        super().__init__(parent)
        for signal, slot in ((self.event, event), (self.succeeded, succeeded), (self.failed, failed), (self.finished, finished)):
            if slot is not None:
                signal.connect(slot)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
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

    @Slot()
    def _on_thread_finished(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if worker is not None:
            worker.deleteLater()
        if thread is not None:
            thread.deleteLater()
        self.finished.emit()
