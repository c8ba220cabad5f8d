"""Where the app keeps its runs, generated datasets and user plugins on disk."""

from __future__ import annotations

import os
import time
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

    @property
    def journals_dir(self) -> Path:
        """The journals of sorts and relabelling moves made in the app (what Undo reads)."""
        return self.root / "journals"

    @property
    def reviews_dir(self) -> Path:
        """The labels given in review, one file per predicted folder (see core/labelling/review_store.py)."""
        return self.root / "reviews"

    def new_journal(self, kind: str) -> Path:
        """A fresh journal path under `journals/`, e.g. `sort-20261123-093000-1234-0.journal`."""
        self.journals_dir.mkdir(parents=True, exist_ok=True)
        stamp = f"{kind}-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        n = 0
        while (path := self.journals_dir / f"{stamp}-{n}.journal").exists():
            n += 1
        return path

    def ensure(self) -> "Workspace":
        """Create the workspace folders if they are missing; returns self."""
        for d in (self.runs_dir, self.datasets_dir, self.plugins_dir):
            d.mkdir(parents=True, exist_ok=True)
        return self
