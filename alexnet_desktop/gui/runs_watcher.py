"""The runs folder followed on disk: a run made by the command line, another window or a file
manager appears (or goes) in every model list within a second, with no Refresh.

Qt's QFileSystemWatcher reports a change of the runs folder (a run added, renamed, removed)
and of each run folder (its run.json replaced, its model written); changes are gathered for a
moment, and `AppState.runs_changed` is emitted only when what the lists show could differ.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from alexnet_desktop.gui.state import AppState

SETTLE_MS = 300  # a run being written changes several files at once: one refresh for them all


def _signature(runs_dir: Path) -> tuple:
    """What the model lists depend on: each run folder, its files, and when its run.json changed."""
    out = []
    try:
        entries = sorted(os.scandir(runs_dir), key=lambda e: e.name)
    except OSError:
        return ()
    for entry in entries:
        if not entry.is_dir() or entry.name.startswith("."):
            continue
        try:
            files = sorted(os.listdir(entry.path))
            stamp = os.stat(os.path.join(entry.path, "run.json")).st_mtime_ns if "run.json" in files else 0
        except OSError:
            continue
        out.append((entry.name, tuple(files), stamp))
    return tuple(out)


class RunsWatcher(QObject):
    """Emits `state.runs_changed` when the workspace's runs folder changes on disk."""

    def __init__(self, state: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runs_dir = state.workspace.runs_dir
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._changed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self._settled)
        self._seen = _signature(self.runs_dir)
        self._watch()

    def _watch(self) -> None:
        """Watch the runs folder (or the workspace until it exists) and every run folder in it."""
        wanted = {str(self.state.workspace.root)} if self.state.workspace.root.is_dir() else set()
        if self.runs_dir.is_dir():
            wanted.add(str(self.runs_dir))
            wanted |= {str(p) for p in self.runs_dir.iterdir() if p.is_dir() and not p.name.startswith(".")}
        current = set(self.watcher.directories())
        if current - wanted:
            self.watcher.removePaths(sorted(current - wanted))
        if wanted - current:
            self.watcher.addPaths(sorted(wanted - current))

    def _changed(self, _path: str) -> None:
        self.timer.start()

    def _settled(self) -> None:
        self._watch()
        now = _signature(self.runs_dir)
        if now != self._seen:
            self._seen = now
            self.state.runs_changed.emit()
