"""One worker of a multi-worker cluster: the same inputs everywhere, the chief's run continued.

Every worker checks that it trains on the same images with the same settings; the chief
keeps the run folder (and goes on with the unfinished run this same command began), the
other workers write into a temporary one; the chief's state is then given to all.
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from alexnet_desktop.core.events import Message
from alexnet_desktop.core.model.model_files import load_model_file
from alexnet_desktop.core.training import cluster as clusters
from alexnet_desktop.core.training.job import Setup, TrainingJob
from alexnet_desktop.core.training.prepare import TrainingData
from alexnet_desktop.core.runs.manifest import RunManifest
from alexnet_desktop.core.files import atomic_write_text
from alexnet_desktop.core.runs.folder import RunFolder
from alexnet_desktop.core.wording import say
from alexnet_desktop.core.files import read_text


def _relative(path: Path, root: Path) -> str:
    try:
        return str(Path(path).relative_to(root))
    except ValueError:
        return str(path)


def check_cluster_inputs(job: TrainingJob, cluster: "clusters.Cluster", data: TrainingData) -> None:
    """Every worker must train on the same images with the same settings: compared first."""
    clusters.check_same_everywhere(
        cluster, say("the dataset"), data.dataset.fingerprint(),
        say("every machine needs the same files (the same path on a shared disk, or identical copies)"))
    clusters.check_fields_everywhere(
        cluster, say("the training settings or the split"), compared_settings(job.config, data),
        say("Give every machine the same settings: the same command and options, or the same choices in the window"))


def check_unlabelled_everywhere(cluster: "clusters.Cluster", digest: str) -> None:
    """Every worker must learn from the same unlabelled images (the hash of the folder's files)."""
    clusters.check_same_everywhere(
        cluster, say("the unlabelled folder"), digest,
        say("every machine needs the same unlabelled images (the same path on a shared disk, or identical copies)"))


def compared_settings(config: Any, data: TrainingData) -> dict[str, str]:
    """What must be the same on every worker, each setting as text, in the form that trains
    (a window's "no augmentation" and the command line's full list of zeros are one setting;
    the loader is the one that read the data, whether chosen or detected)."""
    from alexnet_desktop.core.data.augment import Augmentation

    # Folders may lie at other paths on other machines: their contents are compared instead.
    settings = {k: v for k, v in asdict(config).items()
                if k not in ("data", "unlabelled", "runs_dir", "devices", "loader_options")}
    settings["unlabelled"] = str(config.unlabelled is not None)
    settings["augmentation"] = Augmentation.from_dict(settings.get("augmentation") or {}).to_dict()
    settings["loader"] = data.dataset.loader_id
    root = data.dataset.root
    settings["split"] = {"train": [_relative(s.path, root) for s in data.train],
                         "val": [_relative(s.path, root) for s in data.val]}
    return {k: json.dumps(v, sort_keys=True, default=str) for k, v in settings.items()}


def worker_folder(config: Any, spec: "clusters.ClusterSpec") -> Path:
    """A non-chief worker's temporary run folder, named for this cluster and worker so that the
    same command started again after a kill replaces the one the killed process left."""
    key = clusters.cluster_key({"data": str(config.data), "arch": config.arch, "workers": spec.workers,
                                "index": spec.index})
    folder = Path(tempfile.gettempdir()) / f"alexnet-desktop-worker-{key}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def cluster_checkpoint(job: TrainingJob, cluster: "clusters.Cluster") -> tuple[RunFolder, Any] | None:
    """On the chief: the unfinished run this command started before, and its checkpoint's model."""
    if not cluster.spec.is_chief:
        return None
    cfg = job.config
    key = {"training": {k: v for k, v in asdict(cfg).items() if k != "runs_dir"}, "workers": cluster.spec.workers}
    job.cluster_pointer = Path(clusters.pointer_path(cfg.runs_dir, key))
    try:
        run = RunFolder(Path(json.loads(read_text(job.cluster_pointer))["run"]))
        manifest = run.manifest()
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if manifest.status == "finished" or not run.checkpoint_path.is_file():
        return None
    model = load_model_file(run.checkpoint_path, compile=True, accepted_hashes=run.accepted_hashes(run.checkpoint_path.name))
    return run, model


def join_cluster_run(job: TrainingJob, cluster: "clusters.Cluster", saved: tuple[RunFolder, Any] | None,
                     setup: Setup) -> int:
    """Build the model on every worker, start or continue the run; return the epochs done.

    The chief writes the run folder (or goes on with the unfinished one it finds); the
    other workers write into a temporary folder removed at the end. The chief's weights,
    optimizer state and epoch count are then given to every worker, so a worker started
    again after a crash continues exactly where the chief's last finished epoch left off.
    """
    cfg, data = job.config, setup.data
    job.model = job.new_model(setup)
    job.model.optimizer.build(job.model.trainable_variables)
    variables = [*job.model.weights, *job.model.optimizer.variables]
    done = 0
    if saved is not None:
        job.run, checkpoint = saved
        manifest = job.run.manifest()
        if manifest.class_names != data.class_names:
            raise clusters.ClusterError(say("{0}: the classes are not those of the run it would continue ({1})",
                                            cfg.data, job.run.path))
        job.history = [{**row, "epoch": int(row["epoch"])} for row in job.run.read_history()]
        done = len(job.history)
        job.best_epoch, job.best_value = manifest.best_epoch, manifest.best.value
        values = [*checkpoint.weights, *checkpoint.optimizer.variables]
        if len(values) != len(variables):
            raise clusters.ClusterError(say("{0}: the checkpoint does not fit the model it would continue",
                                            job.run.checkpoint_path))
        for variable, value in zip(variables, values):
            variable.assign(value.numpy())
        RunManifest.change(
            job.run.path,
            resumed=[*manifest.resumed, {"at_epoch": done, "when": time.strftime("%Y-%m-%dT%H:%M:%S")}],
            device=setup.device, strategy=setup.runtime.description, cluster=cluster.spec.to_record(), error=None,
        )
    best = job.best_value if job.best_value is not None else float("nan")
    done, best = clusters.broadcast_from_chief(cluster, [np.array([done, best])])[0]
    done = int(done)
    job.best_value = None if math.isnan(best) else float(best)
    clusters.sync_model_from_chief(cluster, variables)
    if saved is None and cluster.spec.is_chief:
        job.start_run_folder(setup)
        atomic_write_text(job.cluster_pointer, json.dumps({"run": str(job.run.path.resolve())}))
    elif not cluster.spec.is_chief:
        job.keeps_run = False
        job.run = RunFolder(worker_folder(cfg, cluster.spec))
        job.manifest_for(setup).write(job.run.path)
    if done:
        job.emit(Message(say("Resuming after epoch {0} of {1}, from the chief's checkpoint", done, cfg.epochs)))
    return done
