"""Retrain with corrections: the settings of a run that starts from a finished run, on that run's
own dataset, with the user's corrections added to the ones the run already had (a later one for
the same image wins). The window's "Retrain with my corrections" and `train --from RUN
--corrections FILE` both start `fit.train` with it; the corrections are applied to the dataset as
a list (`labelling/corrections.py`), never by copying or moving the user's files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from alexnet_desktop.core.labelling.corrections import Correction, latest
from alexnet_desktop.core.runs.manifest import RunManifest
from alexnet_desktop.core.training.config import TrainConfig


def retrain_config(manifest: RunManifest, run: Path, corrections: list[Correction], runs_dir: Path) -> TrainConfig:
    """The source run's settings (from its `manifest`), starting from `run` with every layer
    trainable, with its corrections and these, writing the new run under `runs_dir`."""
    config = TrainConfig.from_manifest(manifest.training, where=str(Path(run) / "run.json"))
    earlier = [Correction.from_record(c) for c in config.corrections]
    return replace(config, start_from=str(run), runs_dir=str(runs_dir), freeze_epochs=0,
                   corrections=[c.to_record() for c in latest([*earlier, *corrections])])
