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
        self.settings = draft_config(host)

    def set_dataset(self, path: Path, loader_id: str, options: dict | None = None) -> None:
        """Choose the dataset of the next run; clears the previous scan."""
        self.data_path, self.loader_id = Path(path), loader_id
        self.loader_options = dict(options or {})
        self.scan = None
        self.dataset_changed.emit()
        self.scan_changed.emit()

    def set_scan(self, report: ScanReport) -> None:
        """Record a finished scan of the current dataset."""
        self.scan = report
        self.scan_changed.emit()
