"""The Predict page's "Retrain with my corrections…": the labelling loop in one action.

The images the user relabelled are copied into a training dataset (journalled and undoable,
as "Add corrections to a dataset…" does), then a run is asked for that starts from the run
that made the predictions, with its settings (`retrain_requested`; the window starts it on
the Train page). When that run has finished, the page is offered to predict the folder again
with the new model; every label the user gave is put back on the new predictions and wins.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from alexnet_desktop.core.labelling.session import LabelSession
from alexnet_desktop.core.labelling.sorting import plan_sort
from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.runs.manifest import RunManifest
from alexnet_desktop.gui.predict_sort import Sorter
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.widgets import PathEdit

CLASS_FOLDERS = "folder"  # the loader of a folder-per-class dataset, which corrections can be added to


class RetrainDialog(QDialog):
    """Which dataset folder the corrections go to, before anything is copied or trained."""

    def __init__(self, count: int, run: Path, dataset: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retrain with my corrections"))
        self.resize(620, 200)
        self.dataset = PathEdit(str(dataset), self.tr("Add to which dataset folder?"))
        text = QLabel(self.tr(
            "The {0} image(s) you relabelled are copied into this dataset folder, one sub-folder per class "
            "(Undo last sort takes them out again). Then a run trains on it, starting from {1} with its "
            "settings.").format(count, run.name))
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Add and retrain"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.dataset)
        layout.addWidget(buttons)


class Retrainer(QObject):
    """Carries the loop for the Predict page: add the corrections, ask for the run, and
    offer to predict again with the new model (`predict_again(run_dir)`), labels kept."""

    retrain_requested = Signal(object)  # TrainConfig: a run to start on the Train page
    predict_again = Signal(object)  # the run folder whose model predicts the folder again

    def __init__(self, session: LabelSession, state: AppState, sorter: Sorter, status: QLabel, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.state, self.sorter, self.status = session, state, sorter, status
        self.source: Path | None = None  # the run whose model made the predictions shown
        self.folder = ""
        self._pending: TrainConfig | None = None  # asked for once the corrections are copied
        self._awaiting: Path | None = None  # the source run of a retrain not yet finished
        self._kept: dict[str, str | None] = {}  # path -> the user's label, put back on new predictions
        self._again = False
        sorter.ended.connect(self._corrections_added)

    # ---- what the page tells it --------------------------------------------------------

    def predicted(self, model_ref: str, folder: str) -> None:
        """A prediction of `folder` with `model_ref` (a run folder or a model file) begins."""
        path = Path(model_ref)
        self.source = path if path.is_dir() else None
        self.folder = folder
        if not self._again:
            self._kept = {}
        self._again = False

    def restore_labels(self, added: range) -> None:
        """Put the user's earlier labels back on the rows just predicted."""
        for i in added:
            key = str(self.session.rows[i].path)
            if key in self._kept:
                self.session.manual[i] = self._kept[key]

    def can_retrain(self) -> bool:
        """True when the shown predictions came from a run and the user corrected some."""
        return self.source is not None and bool(self.session.corrected())

    # ---- the loop ----------------------------------------------------------------------

    def default_dataset(self, manifest: RunManifest) -> Path:
        """The run's dataset if it is a folder per class, else a new folder in the workspace."""
        root = Path(manifest.dataset.root) if manifest.dataset.root else None
        if root is not None and manifest.dataset.loader == CLASS_FOLDERS and root.is_dir():
            return root
        base = self.state.workspace.datasets_dir / f"corrections-{self.source.name}"
        path, n = base, 2
        while path.exists():
            path, n = base.with_name(f"{base.name}-{n}"), n + 1
        return path

    def retrain(self, dataset: Path | None = None) -> None:
        """Ask for the dataset folder (unless given), copy the corrections into it, then ask
        for a run from the source run's model with its settings."""
        if not self.can_retrain() or self.sorter.is_running():
            return
        run = self.source
        try:
            manifest = RunManifest.read(run)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self.parent(), self.tr("Cannot retrain"), str(exc))
            return
        rows = self.session.corrected()
        if dataset is None:
            dialog = RetrainDialog(len(rows), run, self.default_dataset(manifest), self.parent())
            if dialog.exec() != QDialog.Accepted or not dialog.dataset.text().strip():
                return
            dataset = Path(dialog.dataset.text().strip())
        self._pending = self.config_for(manifest, run, dataset)
        self._awaiting = run
        plan = plan_sort([(self.session.rows[i].path, self.session.manual[i]) for i in rows], dataset)
        self.sorter.start_sort(plan)

    def config_for(self, manifest: RunManifest, run: Path, dataset: Path) -> TrainConfig:
        """The source run's settings, on `dataset`, starting from the run, in the workspace's runs."""
        config = TrainConfig.from_manifest(manifest.training)
        same = manifest.dataset.root and Path(manifest.dataset.root).resolve() == Path(dataset).resolve()
        return replace(
            config, data=str(dataset), start_from=str(run), runs_dir=str(self.state.workspace.ensure().runs_dir),
            loader=config.loader if same else None, loader_options=dict(config.loader_options) if same else {},
        )

    def _corrections_added(self, kind: str, result: Any) -> None:
        config, self._pending = self._pending, None
        if config is None or kind != "sort":
            return
        if result is None or result.cancelled:
            self._awaiting = None
            self.status.setText(self.tr("Not retrained: the corrections were not all added."))
            return
        self.retrain_requested.emit(config)

    def run_finished(self, result: Any) -> None:
        """A run ended on the Train page: if it is the retrain, offer to predict again."""
        if self._awaiting is None or result.status != "finished" or not result.run_dir:
            return
        try:
            started = RunManifest.read(Path(result.run_dir)).start_from or {}
        except (OSError, ValueError):
            return
        if Path(started.get("path", "")).parent.resolve() != self._awaiting.resolve():
            return
        self._awaiting = None
        labels = len(self.session.manual)
        answer = QMessageBox.question(
            self.parent(), self.tr("Predict again?"),
            self.tr("The new model has finished training. Predict {0} again with it? The {1} label(s) you gave "
                    "are kept.").format(self.folder, labels))
        if answer == QMessageBox.Yes:
            self._kept = {str(self.session.rows[i].path): label for i, label in self.session.manual.items()}
            self._again = True
            self.predict_again.emit(Path(result.run_dir))
