"""What the pages share: the plugin host, the workspace, the chosen data and model settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from alexnet_desktop.core.training.optimization import OptimizerSettings
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.data.scan import ScanReport
from alexnet_desktop.core.workspace import Workspace


@dataclass
class TrainSettings(OptimizerSettings):
    """The settings of the next training run, edited on the Model page (split and
    augmentation on the Data page); the optimizer and its schedule are inherited fields.

    Field names are those of `core.training.TrainConfig`, which is built from them.
    """

    arch: str = "alexnet-bn"
    image_size: int = 227
    epochs: int = 10
    batch_size: int = 32
    val_split: float = 0.2
    stratified: bool = True
    val_source: str = "split"
    augmentation: dict = field(default_factory=dict)
    seed: int = 1337
    early_stopping: int = 0
    mixed_precision: str = "auto"


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
        self.settings = TrainSettings()

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
