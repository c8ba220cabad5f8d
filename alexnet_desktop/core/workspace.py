"""Where the app keeps its runs, generated datasets and user plugins on disk."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_HOME = "ALEXNET_DESKTOP_HOME"


@dataclass(frozen=True)
class Workspace:
    """The workspace folder (default `~/AlexNetDesktop`, or `$ALEXNET_DESKTOP_HOME`)."""

    root: Path

    @classmethod
    def default(cls) -> "Workspace":
        """The workspace named by `$ALEXNET_DESKTOP_HOME`, else `~/AlexNetDesktop`."""
        env = os.environ.get(ENV_HOME)
        return cls(Path(env).expanduser() if env else Path.home() / "AlexNetDesktop")

    @property
    def runs_dir(self) -> Path:
        """One sub-folder per training run."""
        return self.root / "runs"

    @property
    def datasets_dir(self) -> Path:
        """Datasets the app writes itself (the demo)."""
        return self.root / "datasets"

    @property
    def plugins_dir(self) -> Path:
        """The user plugin folder: `.py` files and packages here are loaded as plugins."""
        return self.root / "plugins"

    def ensure(self) -> "Workspace":
        """Create the workspace folders if they are missing; returns self."""
        for d in (self.runs_dir, self.datasets_dir, self.plugins_dir):
            d.mkdir(parents=True, exist_ok=True)
        return self
