"""The Predict page's "Retrain with my corrections…": the labelling loop in one action.

A run is asked for (`retrain_requested`; the window starts it on the Train page) that starts
from the run that made the predictions, with its settings and on its own dataset, whatever
its kind, plus the images the user relabelled, given as a list (core/labelling/corrections.py):
no file is copied or moved. The corrections the source run was itself given are kept, a later
label for the same image winning. When that run has finished, the page is offered to predict
the folder again with the new model; the user's labels come back from the review store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from alexnet_desktop.core.labelling.corrections import Correction, with_hashes
from alexnet_desktop.core.labelling.session import LabelSession
from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.training.retrain import retrain_config
from alexnet_desktop.core.runs.manifest import RunManifest
from alexnet_desktop.core.wording import shown_error
from alexnet_desktop.gui.i18n import core_text
from alexnet_desktop.gui.state import AppState


class Retrainer(QObject):
    """Carries the loop for the Predict page: ask for the run with the corrections, and
    offer to predict again with the new model (`predict_again(run_dir)`)."""

    retrain_requested = Signal(object)  # TrainConfig: a run to start on the Train page
    predict_again = Signal(object)  # the run folder whose model predicts the folder again

    def __init__(self, session: LabelSession, state: AppState, status: QLabel, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.state, self.status = session, state, status
        self.source: Path | None = None  # the run whose model made the predictions shown
        self.folder = ""
        self._awaiting: Path | None = None  # the source run of a retrain not yet finished

    def predicted(self, model_ref: str, folder: str) -> None:
        """A prediction of `folder` with `model_ref` (a run folder or a model file) begins."""
        path = Path(model_ref)
        self.source = path if path.is_dir() else None
        self.folder = folder

    def can_retrain(self) -> bool:
        """True when the shown predictions came from a run and the user corrected some."""
        return self.source is not None and bool(self.session.corrected())

    def why_not(self) -> str:
        """Why Retrain cannot be used now, in words ("" when it can)."""
        if not self.session.rows:
            return self.tr("Predict a folder, then correct some labels to retrain.")
        if self.source is None:
            return self.tr("Retraining needs predictions made by a run of this workspace, not a model file.")
        if not self.session.corrected():
            if self.session.manual:  # labels given, and this model already agrees with every one
                return self.tr("This model agrees with every label you gave; correct another (keys 1-9) to retrain.")
            return self.tr("Correct at least one label (keys 1-9) to retrain.")
        return ""

    def corrections(self) -> list[Correction]:
        """The user's corrections on the rows shown, each with its file's hash."""
        return with_hashes(Correction(self.session.rows[i].path, self.session.manual[i] or "")
                           for i in self.session.corrected())

    def config_for(self, manifest: RunManifest, run: Path, corrections: list[Correction]) -> TrainConfig:
        """The new run's settings (`core/training/retrain.py`): the source run's, with these corrections."""
        return retrain_config(manifest, run, corrections, self.state.workspace.ensure().runs_dir)

    def retrain(self) -> None:
        """Say what will happen, then ask for a run from the source run with the corrections."""
        if not self.can_retrain():
            return
        run = self.source
        try:
            manifest = RunManifest.read(run)
            config = self.config_for(manifest, run, self.corrections())
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self.parent(), self.tr("Cannot retrain"), shown_error(exc, core_text))
            return
        if not Path(config.data).exists():
            QMessageBox.warning(self.parent(), self.tr("Cannot retrain"), self.tr(
                "The dataset {0} trained on is gone: {1}").format(run.name, config.data))
            return
        count = len(self.session.corrected())
        answer = QMessageBox.question(self.parent(), self.tr("Retrain with my corrections"), self.tr(
            "Train a new run starting from {0}, with its settings, on its dataset {1} plus the {2} image(s) you "
            "relabelled? Your files are not copied or moved: the new run lists the corrections in its run.json, "
            "and a corrected image already in the dataset takes your label.").format(run.name, config.data, count))
        if answer != QMessageBox.Yes:
            return
        self._awaiting = run
        self.retrain_requested.emit(config)

    def run_finished(self, result: Any) -> None:
        """A run ended on the Train page: if it is the retrain and it finished, offer to predict again."""
        awaiting, self._awaiting = self._awaiting, None
        if awaiting is None or result.status != "finished" or not result.run_dir:
            return
        try:
            started = RunManifest.read(Path(result.run_dir)).start_from or {}
        except (OSError, ValueError):
            return
        if Path(started.get("path", "")).parent.resolve() != awaiting.resolve():
            return
        answer = QMessageBox.question(
            self.parent(), self.tr("Predict again?"),
            self.tr("The new model has finished training. Predict {0} again with it? The {1} label(s) you gave "
                    "are kept.").format(self.folder, len(self.session.manual)))
        if answer == QMessageBox.Yes:
            self.predict_again.emit(Path(result.run_dir))
