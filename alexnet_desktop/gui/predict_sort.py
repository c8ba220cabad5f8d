"""The Predict page's file work: export the results, sort the files into class folders (a dry
run first, journalled, undoable), and copy the user's corrections into a dataset."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPlainTextEdit, QProgressBar, QRadioButton,
    QVBoxLayout, QWidget,
)

from alexnet_desktop.core.events import Progress
from alexnet_desktop.core.labelling.session import LabelSession
from alexnet_desktop.core.labelling.predict import PredictionWriter
from alexnet_desktop.core.labelling.sort_plan import SortPlan, plan_sort
from alexnet_desktop.core.labelling.sorting import SortJournalled, sort_files, undo_all
from alexnet_desktop.core.wording import shown, shown_error
from alexnet_desktop.gui.i18n import core_text, tr
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.widgets import remember_folder, start_folder
from alexnet_desktop.gui.worker import JobRunner


def entries_tooltip(entries: list) -> str:
    """`path: why` for the first 50 of `entries` (files passed over or not undone), for a tooltip."""
    return ("\n".join(f"{p}: {shown(why, core_text)}" for p, why in entries[:50])
            + (tr("PredictPage", "\n… and {0:,} more").format(len(entries) - 50) if len(entries) > 50 else ""))


class SortDialog(QDialog):
    """Copy or move, then the dry run: what will go where, before anything happens."""

    def __init__(self, describe, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sort into class folders"))
        self.resize(640, 420)
        self.describe = describe
        self.copy = QRadioButton(self.tr("Copy (the originals stay where they are)"))
        self.move = QRadioButton(self.tr("Move (each copy is verified before its original is removed)"))
        self.copy.setChecked(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.copy.toggled.connect(self._update)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Sort"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.copy)
        layout.addWidget(self.move)
        layout.addWidget(QLabel(self.tr("What will happen (nothing has been changed yet):")))
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self._update()

    def _update(self) -> None:
        self.plan: SortPlan = self.describe(self.move.isChecked())
        self.text.setPlainText(self.plan.describe(core_text))


class Sorter(QObject):
    """Exports, sorts and undoes the files of a `LabelSession` in a worker, reporting on the
    page's progress bar and status line; `changed` when a job starts or ends."""

    changed = Signal()
    moved = Signal(object)  # {old path: new path} of the files a move (or its undo) carried

    def __init__(self, session: LabelSession, state: AppState, progress: QProgressBar, status: QLabel,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.state, self.progress, self.status = session, state, progress, status
        self.last_journal: Path | None = None
        self._plan: SortPlan | None = None  # the plan of the last sort, to follow its moved files
        self.runner = JobRunner(self, event=self._on_sort_event, succeeded=self._on_sorted,
                                failed=self._on_sort_failed, cancelled=self._on_sort_cancelled, finished=self.changed)
        self._progress = (0, 0)  # the running job's files done and in all
        self._undoing = False  # the running job is an undo

    def is_running(self) -> bool:
        """True while a sort, undo or dataset addition runs."""
        return self.runner.is_running()

    def export(self, path: Path) -> Path:
        """Write the results, with the user's labels, to `path` (.csv or .json)."""
        # The save dialog has asked before a file is replaced.
        writer = PredictionWriter(path, self.session.class_names, overwrite=True)
        writer.write(self.session.export_rows())
        return writer.close()

    def ask_export(self) -> None:
        """Ask where to save the results, then save them."""
        start = start_folder("predictions", self._images_folder())
        path, _ = QFileDialog.getSaveFileName(self.parent(), self.tr("Export predictions"),
                                              str(start / "predictions.csv"), self.tr("CSV (*.csv);;JSON (*.json)"))
        if path:
            remember_folder("predictions", path)
            try:
                self.status.setText(self.tr("Saved {0}").format(self.export(Path(path))))
            except OSError as exc:
                self.status.setText(self.tr("<b>Could not save:</b> {0}").format(exc))

    def _images_folder(self) -> Path | None:
        """The folder of the images shown (dialogs open beside them)."""
        return self.session.rows[0].path.parent if self.session.rows else None

    def plan(self, out: Path, move: bool) -> SortPlan:
        """The sort of the current session into `out` (the dry run)."""
        labelled, left = self.session.for_sort()
        return plan_sort(labelled, out, move=move, left=left)

    def sort_into_folders(self, out: Path | None = None) -> None:
        """Ask for the output folder and copy/move, show the dry run, then sort in a worker."""
        if out is None:
            chosen = QFileDialog.getExistingDirectory(self.parent(), self.tr("Sort into which folder?"),
                                                      str(start_folder("sort", self._images_folder())))
            if not chosen:
                return
            remember_folder("sort", chosen)
            out = Path(chosen)
        self.confirm_and_sort(lambda move: self.plan(out, move))

    def confirm_and_sort(self, describe) -> None:
        """Show the dry run of `describe(move)` (how many files, copy or move, where to); sort when accepted."""
        try:
            dialog = SortDialog(describe, self.parent())
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self.parent(), self.tr("Cannot sort"), shown_error(exc, core_text))
            return
        if dialog.exec() != QDialog.Accepted or not dialog.plan.steps:
            return
        self.start_sort(dialog.plan)

    def start_sort(self, plan: SortPlan) -> None:
        """Journal `plan` and carry it out in a worker; Undo becomes available."""
        self.last_journal, self._plan, self._progress, self._undoing = None, plan, (0, len(plan.steps)), False
        journal = self.state.workspace.new_journal("sort")
        self.progress.setRange(0, max(1, len(plan.steps)))
        self.status.setText(self.tr("Sorting into {0}… (journal {1})").format(plan.out, journal))
        self.runner.start(lambda emit, stop: ("sort", sort_files(plan, emit, stop, journal)))
        self.changed.emit()

    def undo_last_sort(self) -> None:
        """Put every file of the last sort (or dataset addition) back."""
        if self.last_journal is None or self.runner.is_running():
            return
        journal = self.last_journal
        self.status.setText(self.tr("Undoing the last sort…"))
        self._undoing = True
        self.runner.start(lambda emit, stop: ("undo", undo_all([journal], emit, stop)[0]))
        self.changed.emit()

    def add_corrections(self, dataset: Path | None = None) -> None:
        """Copy the images the user relabelled into `dataset/<class>/` (never overwriting)."""
        rows = self.session.corrected()
        if not rows:
            return
        if dataset is None:
            start = str(self.state.data_path) if self.state.data_path and self.state.data_path.is_dir() else str(Path.home())
            chosen = QFileDialog.getExistingDirectory(self.parent(), self.tr("Add to which dataset folder?"), start)
            if not chosen:
                return
            dataset = Path(chosen)
        labelled = [(self.session.rows[i].path, self.session.manual[i]) for i in rows]
        self.confirm_and_sort(lambda move: plan_sort(labelled, dataset, move=move))

    def _on_sort_event(self, event) -> None:
        if isinstance(event, SortJournalled):
            self.last_journal = event.journal
        elif isinstance(event, Progress) and event.total:
            self._progress = (event.done, event.total)
            self.progress.setRange(0, event.total)
            self.progress.setValue(event.done)

    def _on_sorted(self, result) -> None:
        kind, r = result
        self._follow(kind)
        if kind == "undo":
            problems = self.tr("; {0} not undone (hover for why)").format(len(r.problems)) if r.problems else ""
            self.status.setText(self.tr("Undone: {0} of {1} file(s) put back{2}").format(r.done, r.total, problems))
            self.status.setToolTip(entries_tooltip(r.problems))
            self.last_journal = None
        else:
            self.status.setText(self.tr("Sorted {0:,} file(s). Undo last sort puts them back.").format(r.done))

    def _on_sort_cancelled(self) -> None:
        # Stopped between two files (core SortCancelled): every file whole, the journal kept.
        self._follow("undo" if self._undoing else "sort")
        if self._undoing:
            self.status.setText(self.tr("Undo stopped after {0} of {1} file(s); every file is whole. "
                                        "Undo again to finish it.").format(*self._progress))
            return
        self.status.setText(self.tr("Sorting stopped after {0} of {1} file(s); every file is whole. "
                                    "Undo puts them back.").format(*self._progress))

    def _follow(self, kind: str) -> None:
        """Say which files a move (or its undo) carried where, as found on disk now."""
        plan = self._plan
        if plan is None or not plan.move:
            return
        if kind == "undo":
            moves = {s.dest: s.source for s in plan.steps if s.source.exists() and not s.dest.exists()}
        else:
            moves = {s.source: s.dest for s in plan.steps if s.dest.exists() and not s.source.exists()}
        if moves:
            self.moved.emit(moves)

    def _on_sort_failed(self, message: str, _tb: str) -> None:
        self._follow("sort")  # what was moved before it stopped
        self.status.setText(self.tr("<b>Sorting stopped:</b> {0}. Every file is whole; Undo puts back what was done.").format(
            html.escape(message, quote=False)))
