"""The Runs page: every run in the workspace; open, resume, delete, and compare their curves."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHeaderView, QLabel, QMessageBox,
    QCheckBox, QFileDialog, QPushButton, QSpinBox, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)
from PySide6.QtCore import QFile

from alexnet_desktop.core.model.export import export_model
from alexnet_desktop.core.runs.folder import RESUMABLE, RunFolder, effective_status, list_runs
from alexnet_desktop.core.training.run_space import (
    ResumeState, folder_size, human_size, tidy_runs,
)
from alexnet_desktop.core.training.config import default_of
from alexnet_desktop.core.runs.manifest import RunManifest, optimistic_note
from alexnet_desktop.gui.export_dialog import ExportDialog
from alexnet_desktop.core.wording import from_record, shown
from alexnet_desktop.gui.i18n import core_text, plugin_text, status_text
from alexnet_desktop.gui.plots import RunComparison
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.widgets import button, heading, hrow, open_path, remember_folder, start_folder
from alexnet_desktop.gui.worker import JobRunner

COLUMNS = (QT_TRANSLATE_NOOP("RunsPage", "Run"), QT_TRANSLATE_NOOP("RunsPage", "Status"),
           QT_TRANSLATE_NOOP("RunsPage", "Architecture"), QT_TRANSLATE_NOOP("RunsPage", "Dataset"),
           QT_TRANSLATE_NOOP("RunsPage", "Epochs"), QT_TRANSLATE_NOOP("RunsPage", "Best val. accuracy"),
           QT_TRANSLATE_NOOP("RunsPage", "Created"), QT_TRANSLATE_NOOP("RunsPage", "Size"))
SIZE_COLUMN = 7
# A run's status as the table shows it (the manifest keeps the English word).
class _NumberItem(QTableWidgetItem):
    """A cell that sorts by its number, not its text ("10" after "9")."""

    def __init__(self, text: str, value: float) -> None:
        super().__init__(text)
        self.value = value
        self.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)

    def __lt__(self, other) -> bool:
        return self.value < getattr(other, "value", float("-inf"))


class ResumeDialog(QDialog):
    """How to go on with a run: how many more epochs, and optionally a new learning rate."""

    def __init__(self, name: str, done: int, planned: int, rate: float, status: str, parent: QWidget | None = None,
                 resumable: bool = True, unlabelled: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resume run"))
        self.setMinimumWidth(520)  # the title and the rate's seven decimals need the room
        self.more = QSpinBox()
        self.more.setRange(0 if done < planned else 1, 100000)
        self.more.setValue(0 if done < planned else max(1, planned // 2))
        self.more.setToolTip(self.tr("Epochs to train beyond the planned number"))
        self.change_rate = QCheckBox(self.tr("Change the learning rate"))
        self.rate = QDoubleSpinBox()
        self.rate.setDecimals(7)
        self.rate.setRange(1e-7, 1.0)
        self.rate.setValue(rate / 10 if status == "diverged" else rate)
        self.rate.setEnabled(False)
        self.change_rate.toggled.connect(self.rate.setEnabled)
        self.change_rate.setChecked(status == "diverged")  # it blew up at this rate: offer a tenth
        text = (self.tr("<b>{0}</b>: {1} after {2} of {3} epochs. It goes on from the checkpoint of its last "
                        "finished epoch, optimizer state included.") if resumable else
                self.tr("<b>{0}</b>: {1} after {2} of {3} epochs. Its resume state was freed: it goes on from the "
                        "weights of its best epoch with a fresh optimizer.")).format(name, status_text(status), done, planned)
        info = QLabel(text)
        info.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("More epochs:"), self.more)
        form.addRow(self.change_rate)
        form.addRow(self.tr("Learning rate:"), self.rate)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Resume"))
        self.new_folder: str | None = None
        if unlabelled and not Path(unlabelled).is_dir():
            self._ask_for_folder(form, unlabelled, buttons.button(QDialogButtonBox.Ok))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _ask_for_folder(self, form: QFormLayout, old: str, ok: QPushButton) -> None:
        """The run's unlabelled folder is gone: a row to choose its new place, needed to resume."""
        note = QLabel(self.tr("{0} is not there any more. If it moved, choose its new place.").format(old))
        note.setWordWrap(True)
        self.folder_button = QPushButton(self.tr("Choose the unlabelled folder…"))
        ok.setEnabled(False)

        def choose() -> None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Where is the unlabelled folder now?"),
                                                      str(Path(old).parent))
            if folder:
                self.new_folder = folder
                note.setText(self.tr("The run goes on with the unlabelled images in {0}").format(folder))
                ok.setEnabled(True)

        self.folder_button.clicked.connect(choose)
        form.addRow(self.tr("Unlabelled folder:"), self.folder_button)
        form.addRow(note)

    def learning_rate(self) -> float | None:
        """The new rate, or None to keep the run's."""
        return self.rate.value() if self.change_rate.isChecked() else None


class RunsPage(QWidget):
    """A table of runs (newest first, sortable); the selected runs' curves overlaid below."""

    # run folder, more epochs, new learning rate or None, the unlabelled folder's new place or None
    resume_requested = Signal(object, int, object, object)

    def __init__(self, state: AppState, is_training=lambda: False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.is_training = is_training
        self.runs: list[tuple[RunFolder, dict]] = []

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.open_selected)
        self.comparison = RunComparison()
        self.hint = QLabel(self.tr("Select one run to see its curves, several (Ctrl or Shift) to compare them."))

        self.refresh_button = button(self.tr("Refresh"), self.tr("Read the runs folder again"), self.refresh)
        self.open_button = button(self.tr("Open folder"), self.tr("Show the run's files"), self.open_selected)
        self.resume_button = button(
            self.tr("Resume…"),
            self.tr("Go on with a stopped, failed, diverged or interrupted run, or add epochs to a finished one"),
            self.resume_selected,
        )
        self.delete_button = button(self.tr("Delete…"), self.tr("Move the selected runs to the trash (asks first)"),
                                    self.delete_selected)
        self.free_button = button(
            self.tr("Free space…"),
            self.tr("Remove the selected runs' resume state (the checkpoint with the optimizer's state, about three "
                    "times the model); the models stay and can still be trained further (asks first)"),
            self.free_selected,
        )
        self.total = QLabel()
        self.export_button = button(
            self.tr("Export…"), self.tr("Write the run's model as .keras, SavedModel, TFLite or ONNX, with its class names"),
            lambda: self.export_selected(),
        )
        self.export_runner = JobRunner(self, succeeded=self._exported, failed=self._export_failed,
                                       finished=self._selection_changed)
        # Freeing and deleting run in a worker: freeing an older run loads and rewrites its model.
        self.space_runner = JobRunner(self, succeeded=self._tidied, failed=self._space_failed,
                                      finished=self._space_done)
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.export_status.setTextInteractionFlags(Qt.TextSelectableByMouse)

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(hrow(self.refresh_button, self.open_button, self.resume_button, self.export_button,
                          self.free_button, self.delete_button, (self.export_status, 1)))
        tl.addWidget(self.table, 1)
        tl.addLayout(hrow((self.hint, 1), self.total))
        split = QSplitter(Qt.Vertical)
        split.addWidget(top)
        split.addWidget(self.comparison)
        split.setSizes([300, 330])
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Runs")))
        layout.addWidget(split, 1)
        state.runs_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Re-read every run's manifest and refill the table, keeping the selection."""
        selected = {str(r.path) for r in self.selected_runs()}
        self.runs = list_runs(self.state.workspace.runs_dir)
        sizes = [folder_size(run.path) for run, _m in self.runs]
        self.total.setText(self.tr("{0} runs, {1} on disk").format(len(self.runs), human_size(sum(sizes))))
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.runs))
        for row, (run, m) in enumerate(self.runs):
            best = m.best.value
            done, planned = int(m.epochs_done or 0), m.planned_epochs
            status = effective_status(m)
            cells = [
                QTableWidgetItem(run.path.name),
                QTableWidgetItem(status_text(status)),
                QTableWidgetItem(m.architecture.id or "?"),
                QTableWidgetItem(Path(m.dataset.root or "?").name),
                _NumberItem(f"{done} / {planned}", done),
                _NumberItem(f"{best:.3f}" if isinstance(best, (int, float)) else "–", best if isinstance(best, (int, float)) else -1),
                QTableWidgetItem(str(m.created).replace("T", " ")),
                _NumberItem(human_size(sizes[row]), sizes[row]),
            ]
            if ResumeState.of(run).kind == "weights":
                cells[SIZE_COLUMN].setToolTip(self.tr("Resume state freed: trains further with a fresh optimizer"))
            cells[0].setData(Qt.UserRole, str(run.path))
            cells[0].setToolTip(str(run.path))
            if m.validated_on_test and isinstance(best, (int, float)):
                cells[5].setText(cells[5].text() + " *")
                cells[5].setToolTip("* " + shown(optimistic_note(), core_text))
            why = from_record(m.said.get("note")) or m.note or from_record(m.said.get("error")) or m.error
            if why:
                cells[1].setToolTip(shown(why, core_text))
            for col, item in enumerate(cells):
                self.table.setItem(row, col, item)
        self.table.setSortingEnabled(True)
        self.select([Path(p) for p in selected])  # every run that was selected, not just the last one
        self._selection_changed()

    def selected_runs(self) -> list[RunFolder]:
        """The runs whose rows are selected, in table order."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [RunFolder(Path(self.table.item(r, 0).data(Qt.UserRole))) for r in rows]

    def select(self, run_dirs: list[Path]) -> None:
        """Select the rows of these runs (for tests and for "show this run")."""
        wanted = {str(p) for p in run_dirs}
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.MultiSelection)
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.UserRole) in wanted:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _manifest(self, run: RunFolder) -> RunManifest:
        return next((m for r, m in self.runs if r.path == run.path), RunManifest())

    def _selection_changed(self) -> None:
        runs = self.selected_runs()
        one = len(runs) == 1
        manifest = self._manifest(runs[0]) if one else RunManifest()
        can_resume = (
            one and effective_status(manifest) in RESUMABLE and not self.is_training()
            and (runs[0].checkpoint_path.is_file() or (runs[0].model_path.is_file() and bool(manifest.epochs_done)))
        )
        running = any(effective_status(self._manifest(r)) == "running" for r in runs)
        self.free_button.setEnabled(not running and any(r.checkpoint_path.is_file() for r in runs))
        self.open_button.setEnabled(one)
        self.resume_button.setEnabled(bool(can_resume))
        self.export_button.setEnabled(one and runs[0].model_path.is_file() and not self.export_runner.is_running())
        self.delete_button.setEnabled(bool(runs) and not running)
        self.comparison.set_runs([(r.path.name, _history_or_none(r)) for r in runs[:10]])

    def open_selected(self) -> None:
        """Open the selected run's folder in the file manager."""
        runs = self.selected_runs()
        if runs:
            open_path(runs[0].path, self)

    def resume_selected(self) -> None:
        """Ask how to go on with the selected run, then hand it to the Train page."""
        runs = self.selected_runs()
        if len(runs) != 1:
            return
        m = self._manifest(runs[0])
        dialog = ResumeDialog(
            runs[0].path.name, int(m.epochs_done or 0), m.planned_epochs,
            float(m.training.get("learning_rate") or default_of("learning_rate")), effective_status(m), self,
            resumable=runs[0].checkpoint_path.is_file(), unlabelled=m.training.get("unlabelled"),
        )
        if dialog.exec() == QDialog.Accepted:
            self.resume_requested.emit(runs[0].path, dialog.more.value(), dialog.learning_rate(), dialog.new_folder)

    def export_selected(self, format_id: str | None = None, dest: Path | None = None) -> None:
        """Export the selected run's model: asks for the format and place unless given."""
        runs = self.selected_runs()
        if len(runs) != 1 or self.export_runner.is_running():
            return
        if format_id is None or dest is None:
            # Beside the run the first time, then where the last export went.
            dialog = ExportDialog(runs[0].path.name, self.state.host.exporters,
                                  start_folder("model-export", runs[0].path.parent), self)
            if dialog.exec() != QDialog.Accepted:
                return
            format_id, dest = dialog.format_id(), dialog.destination()
            remember_folder("model-export", dest.parent)
        host, run = self.state.host, runs[0].path
        self.export_status.setText(self.tr("Exporting {0} as {1}…").format(run.name, plugin_text(host.exporters[format_id].name)))
        self.export_runner.start(lambda emit, stop: export_model(host, run, format_id, dest, emit=emit, stop=stop))
        self.export_button.setEnabled(False)

    def _exported(self, done) -> None:
        self.export_status.setText(self.tr("Exported to <b>{0}</b> (with {1} and {2})").format(
            done.path, done.labels.name, done.preprocessing.name))

    def _export_failed(self, message: str, _tb: str) -> None:
        self.export_status.setText(self.tr("<b>Export failed:</b> {0}").format(message))

    def delete_selected(self) -> None:
        """Move the selected runs to the trash, after asking."""
        runs = self.selected_runs()
        if not runs:
            return
        names = "\n".join(r.path.name for r in runs[:10]) + ("\n…" if len(runs) > 10 else "")
        answer = QMessageBox.question(
            self, self.tr("Delete runs"),
            self.tr("Move {0} run(s) to the trash?\n\n{1}\n\nYou can restore them from the trash.").format(len(runs), names)
        )
        if answer != QMessageBox.Yes:
            return
        self._tidy(runs, "delete")

    def free_selected(self) -> None:
        """Remove the selected runs' resume state, after asking; their models stay."""
        runs = [r for r in self.selected_runs() if r.checkpoint_path.is_file()]
        if not runs:
            return
        size = sum(r.checkpoint_path.stat().st_size for r in runs)
        names = "\n".join(r.path.name for r in runs[:10]) + ("\n…" if len(runs) > 10 else "")
        answer = QMessageBox.question(
            self, self.tr("Free space"),
            self.tr("Remove the resume state of {0} run(s), about {1}?\n\n{2}\n\nTheir models stay: they still "
                    "predict, evaluate and export, and can be trained further, with a fresh optimizer.").format(
                len(runs), human_size(size), names))
        if answer != QMessageBox.Yes:
            return
        self._tidy(runs, "free")

    def _tidy(self, runs: list[RunFolder], action: str) -> None:
        """Free or delete `runs` in the worker (`tidy_runs`); the buttons wait until it is done."""
        if self.space_runner.is_running():
            return
        self._action = action
        self.free_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.space_runner.start(lambda emit, stop: tidy_runs(runs, action, _to_trash, emit, stop))

    def _tidied(self, left: list) -> None:
        if not left:
            return
        lines = "\n".join(f"{name}: {shown(reason, core_text)}" for name, reason in left)
        if self._action == "delete":
            QMessageBox.warning(self, self.tr("Not deleted"), self.tr(
                "These runs could not be moved to the trash (there may be no trash on this system, or they "
                "are being trained), so they were left as they are:") + "\n\n" + lines)
        else:
            QMessageBox.warning(self, self.tr("Not freed"), self.tr("These runs were left as they are:") + "\n\n" + lines)

    def _space_failed(self, message: str, _tb: str) -> None:
        self.export_status.setText(self.tr("<b>Stopped:</b> {0}").format(message))

    def _space_done(self) -> None:
        self._selection_changed()
        self.state.runs_changed.emit()


def _to_trash(path: str) -> None:
    """Qt's move to the desktop trash, raising when there is none."""
    if not QFile.moveToTrash(path):
        raise OSError(path)


def _history_or_none(run: RunFolder) -> list[dict[str, float]]:
    """The run's epochs for the comparison plot; a damaged history.csv draws no curve (resuming
    that run says why)."""
    try:
        return run.read_history()
    except ValueError:
        return []
