"""What the pages share: the plugin host, the workspace, the chosen data and model settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.data.scan import ScanReport
from alexnet_desktop.core.workspace import Workspace


def draft_config(host: PluginHost) -> TrainConfig:
    """The settings of the next training run before its data is chosen: the default
    architecture's own defaults, else `TrainConfig`'s, edited on the Model page (split and
    augmentation on the Data page). The image size is that architecture's, which the Model page shows."""
    arch = host.architectures.get(TrainConfig(data="", runs_dir="").arch)
    draft = TrainConfig.for_architecture(arch, data="", runs_dir="")
    if draft.image_size is None and arch is not None:
        draft.image_size = arch.default_input_shape[0]
    return draft


class AppState(QObject):
    """The app's shared state; pages listen to its signals rather than to each other."""

    dataset_changed = Signal()  # data path or loader changed
    scan_changed = Signal()  # a scan finished (or was cleared)
    runs_changed = Signal()  # a run was made or finished
    settings_changed = Signal()  # `settings` was changed by something other than the Model page

    def __init__(self, host: PluginHost, workspace: Workspace) -> None:
        super().__init__()
        self.host = host
        self.workspace = workspace
        self.data_path: Path | None = None
        self.loader_id: str | None = None
        self.loader_options: dict = {}
        self.scan: ScanReport | None = None
        self.scanning = False  # the Data page is reading the dataset
        self.scan_error = ""  # why the chosen dataset could not be read ("" when it could, or is not read yet)
        self.settings = draft_config(host)

    def set_dataset(self, path: Path, loader_id: str, options: dict | None = None) -> None:
        """Choose the dataset of the next run; clears the previous scan."""
        self.data_path, self.loader_id = Path(path), loader_id
        self.loader_options = dict(options or {})
        self.scan = None
        self.scan_error = ""
        self.dataset_changed.emit()
        self.scan_changed.emit()

    def set_scan(self, report: ScanReport) -> None:
        """Record a finished scan of the current dataset."""
        self.scan, self.scan_error, self.scanning = report, "", False
        self.scan_changed.emit()

    def set_scanning(self, scanning: bool, error: str = "") -> None:
        """The dataset is being read (True), or its reading ended, failed with `error` when given."""
        self.scanning = scanning
        if error:
            self.scan, self.scan_error = None, error
        self.scan_changed.emit()

    def why_not_train(self) -> str:
        """Why a run cannot start on the chosen dataset now, in words ("" when it can)."""
        if self.data_path is None:
            return self.tr("Choose a dataset on the Data page first.")
        if self.scanning:
            return self.tr("The dataset is being checked on the Data page…")
        if self.scan_error:
            return self.tr("The dataset could not be read (see the Data page).")
        if self.scan is not None and len([c for c, n in self.scan.counts().items() if n]) < 2:
            return self.tr("Training needs images of at least 2 classes (see the Data page).")
        return ""
