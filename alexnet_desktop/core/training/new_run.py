"""The manifest a new run begins with: what it trains on, how, and on which versions."""

from __future__ import annotations

import platform
import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alexnet_desktop.core.model.backbones import IMAGENET, RANDOM
from alexnet_desktop.core.runs.manifest import RunManifest

if TYPE_CHECKING:
    from alexnet_desktop.core.training.config import TrainConfig
    from alexnet_desktop.core.training.job import Setup


def versions() -> dict[str, str]:
    """The versions of the app and the libraries a run was trained with."""
    import numpy
    import PIL

    from alexnet_desktop import __version__
    from alexnet_desktop.core.tf_runtime import keras, tensorflow

    tf = tensorflow()
    return {
        "alexnet_desktop": __version__,
        "python": platform.python_version(),
        "tensorflow": tf.__version__,
        "keras": keras().__version__,
        "numpy": numpy.__version__,
        "pillow": PIL.__version__,
    }


def reproducibility(seed: int) -> dict[str, Any]:
    """What a run needs to be repeated weight for weight, beside `versions` and `training`: the
    same data (the dataset's fingerprint), settings and seed, on the same machine and libraries."""
    return {
        "seed": seed,
        "op_determinism": True,  # set by the training job: TensorFlow's deterministic kernels
        "machine": platform.machine(),
        "system": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "repeatable": "same data, settings, --seed, machine and library versions, on the CPU or one GPU; "
                      "not across machines, library versions or several GPUs",
    }


def new_manifest(config: "TrainConfig", setup: "Setup", monitor: str) -> RunManifest:
    """The manifest a new run begins with."""
    from alexnet_desktop.core.model.models import preprocessing
    from alexnet_desktop.core.training import cluster as clusters

    cfg = config
    return RunManifest.from_record({
        "status": "running",
        "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "architecture": {"id": setup.arch.id, "name": setup.arch.name, "reference": setup.arch.reference},
        "dataset": {
            "root": str(Path(cfg.data).resolve()),
            "loader": setup.data.dataset.loader_id,
            "options": setup.data.dataset.options,
            "fingerprint": setup.data.dataset.fingerprint(),
            "counts": setup.data.report.counts(),
            "train_count": len(setup.data.train),
            "val_count": len(setup.data.val),
            "rejected": [{"path": str(p), "reason": r} for p, r in setup.data.report.rejected],
            "corrections": setup.data.corrections.to_record() if setup.data.corrections else {},
        },
        "class_names": setup.data.class_names,
        "split": {
            "source": cfg.val_source,
            "val_fraction": setup.data.split.val_fraction,
            "seed": setup.data.split.seed,
            "stratified": setup.data.split.stratified,
            "duplicates_kept_together": True,
            "leaks": [{"val": str(v), "train": str(t)} for v, t in setup.data.leaks],
        },
        "image_size": setup.image_size,
        "preprocessing": preprocessing(cfg.resize),
        "augmentation": setup.augmentation.to_dict(),
        "training": _with_full_paths(asdict(cfg)),
        "class_weights": setup.class_weights,
        "device": setup.device,
        "strategy": setup.runtime.description,
        "cluster": cluster.spec.to_record() if (cluster := clusters.active_cluster()) else None,
        "versions": versions(),
        "reproducibility": reproducibility(cfg.seed),
        "epochs_done": 0,
        "best_epoch": None,
        "best": {"metric": monitor, "value": None},
    })


def _with_full_paths(training: dict) -> dict:
    """The settings with the dataset and unlabelled folder as full paths: a run resumed from
    another working folder (or the window) finds them where they were."""
    for key in ("data", "unlabelled", "start_from", "runs_dir", "backbone_weights"):
        value = training.get(key)
        if isinstance(value, str) and value not in ("", IMAGENET, RANDOM) and Path(value).expanduser().exists():
            training[key] = str(Path(value).expanduser().resolve())
    return training
