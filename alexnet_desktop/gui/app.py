"""Starting the desktop app: the window first, TensorFlow in the background after."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from alexnet_desktop.core.plugins import default_host
from alexnet_desktop.core.workspace import Workspace
from alexnet_desktop.gui import i18n
from alexnet_desktop.gui.main_window import MainWindow
from alexnet_desktop.gui.state import AppState


def create_window(workspace: Workspace | None = None, host=None, *, first_launch_demo: bool = True,
                  state: AppState | None = None) -> MainWindow:
    """Build the main window over a workspace and plugin host (the defaults for the real app),
    or over the state of a window it replaces."""
    # Painting runs many short Python calls, each waiting for the interpreter lock while a
    # worker runs; a shorter hand-over keeps repaints short (benchmarks/NOTES.md).
    sys.setswitchinterval(0.001)
    if state is None:
        workspace = (workspace or Workspace.default()).ensure()
        state = AppState(host or default_host(), workspace)
    return MainWindow(state, first_launch_demo=first_launch_demo)


def reopen(window: MainWindow) -> MainWindow | None:
    """Close `window` (it asks first while training) and open a new one over the same state
    in the language now chosen; returns the new window, or None if the old one stayed."""
    if not window.close():
        return None
    i18n.install(QApplication.instance())
    new = create_window(first_launch_demo=False, state=window.state)
    new.take_over_from(window)
    window.deleteLater()  # its pages' connections to the shared state go with it
    new.reopen_requested.connect(lambda: reopen(new))
    new.show()
    return new


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named as the app's settings are kept under, in the user's language."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName("AlexNetDesktop")
    app.setApplicationName("AlexNet Desktop")
    app.setDesktopFileName("alexnet-desktop")  # the .desktop entry, for the taskbar's icon
    i18n.install(app)
    return app


def run_app(argv: list[str] | None = None, open_paths: list[str] | None = None) -> int:
    """Open the main window (with `open_paths`: folders or models from a file manager or
    the command line) and run the event loop until it closes."""
    application(argv)
    window = create_window(first_launch_demo=not open_paths)
    window.reopen_requested.connect(lambda: reopen(window))
    for path in open_paths or []:
        window.open_any(Path(path))
    # After the first paint, not before: the window must not wait for TensorFlow.
    window.load_tensorflow_when_painted()
    window.show()
    ticker = close_on_signals()  # noqa: F841 - kept alive until the loop ends
    return QApplication.instance().exec()


def close_on_signals() -> QTimer:
    """Make SIGINT (Ctrl-C in the terminal) and SIGTERM close every main window as Ctrl+Q does,
    without asking (a signal has nobody to answer), then end the event loop; returns the timer
    that lets Python run its signal handlers, which the caller keeps while the loop runs.

    Python runs a signal handler only between its own bytecodes, and a Qt event loop idle in
    C++ runs none, so a short timer hands the interpreter control a few times a second."""
    def close_all() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                widget.ask_before_quitting = False
                widget.close()
        QApplication.instance().quit()

    def handler(signum, frame) -> None:
        QTimer.singleShot(0, close_all)  # out of the handler: it may interrupt any slot

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, handler)
    ticker = QTimer()
    ticker.timeout.connect(lambda: None)
    ticker.start(200)
    return ticker
