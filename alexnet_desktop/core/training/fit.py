"""The training jobs: `train` starts a new run, `resume` continues one; the GUI and the CLI call these.

Both take an `emit` callback for the events of `core.training.events`, a `stop` event
(the run ends after the current batch, keeping the best model) and a `pause` event (the
run waits after the current batch while it is set). They share the steps of
`core.training.job`; a cluster worker's part is in `core.training.cluster_run`.

After every finished epoch the run folder holds `checkpoint.keras` (model and optimizer
state, so the step count and the learning-rate schedule continue), `history.csv` and
`run.json`: killing the process loses at most the epoch in progress. A run whose
checkpoint was freed (`core.training.run_space`) goes on from its best model's weights
with a fresh optimizer, and says so.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from alexnet_desktop.core.files import check_regular
from alexnet_desktop.core.events import Emit, Message, no_emit
from alexnet_desktop.core.model.model_files import load_model_file
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.training import cluster as clusters
from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.training.devices import precision_policy
from alexnet_desktop.core.training.events import RunFinished
from alexnet_desktop.core.training.job import Setup, TrainingJob
from alexnet_desktop.core.training.run_end import run_job
from alexnet_desktop.core.runs.manifest import RunManifest
from alexnet_desktop.core.runs.folder import RESUMABLE, RunFolder, effective_status
from alexnet_desktop.core.training.run_space import folder_size
from alexnet_desktop.core.training.start_from import load_starting_point
from alexnet_desktop.core.wording import say


def train(
    config: TrainConfig,
    host: PluginHost,
    emit: Emit = no_emit,
    stop: threading.Event | None = None,
    pause: threading.Event | None = None,
) -> RunFinished:
    """Run one training job to its end and return how it ended (also emitted as `RunFinished`).

    Errors in the data or settings raise before a run folder is made; running out of
    memory ends the run "failed" with `retry_batch_size` set; any other error during
    fitting marks the run "failed" with the message, then raises.
    """
    job = TrainingJob(config, host, emit, stop or threading.Event(), pause)
    return run_job(job, lambda: _new_run(job))


def resume(
    run_dir: str | Path,
    host: PluginHost,
    emit: Emit = no_emit,
    stop: threading.Event | None = None,
    pause: threading.Event | None = None,
    *,
    more_epochs: int = 0,
    learning_rate: float | None = None,
    unlabelled: str | None = None,
) -> RunFinished:
    """Continue a stopped, failed, diverged or interrupted run from its last finished epoch.

    The model, the optimizer's state (step count, moments) and so the learning-rate
    schedule continue where they were; `more_epochs` extends the run beyond its planned
    epochs (the only way to go on with a finished run); `learning_rate` replaces the
    rate from here on (a diverged run goes on from its last good epoch at a lower one);
    `unlabelled` is where the run's unlabelled folder is now, if it moved.
    """
    run = RunFolder(Path(run_dir))
    manifest = run.manifest()
    status = effective_status(manifest)
    if status not in RESUMABLE:
        raise ValueError(say("{0}: the run is {1}; only a run that is not being trained can be resumed", run.path, status))
    for saved in (run.checkpoint_path, run.model_path):
        if saved.exists():
            check_regular(saved)  # a pipe in its place is named, not passed over and replaced
    if not run.checkpoint_path.is_file() and not (run.model_path.is_file() and manifest.epochs_done):
        raise ValueError(say("{0}: no checkpoint of a finished epoch to resume from (it ended in its first epoch)", run.path))
    if more_epochs < 0:
        raise ValueError(say("more epochs must be 0 or more, not {0}", more_epochs))
    try:
        config = TrainConfig.from_manifest(manifest.training)
    except ValueError as exc:
        raise ValueError(say("{0}: damaged manifest ({1})", run.manifest_path, exc)) from None
    # Checked before any data is read or any epoch trained: the checkpoint was built at the
    # manifest's size, and a run folder changed by hand must not train an epoch and then fail.
    if manifest.image_size is None or config.image_size not in (None, manifest.image_size):
        raise ValueError(say("{0}: says image size {1} but its training settings say {2}; the run folder was changed",
                             run.manifest_path, manifest.image_size, config.image_size))
    config.image_size = manifest.image_size
    done = manifest.epochs_done
    config.epochs = max(config.epochs, done) + more_epochs
    if done >= config.epochs:
        raise ValueError(say("{0}: all {1} epochs are done; give a number of epochs to add", run.path, config.epochs))
    if learning_rate is not None:
        config.learning_rate = learning_rate
    _find_folders(config, manifest, run, unlabelled)
    config.validate()  # the saved settings and the epochs added, within their bounds
    history = run.read_history()  # a damaged history is refused before the run is touched
    # One row more than run.json counts is a kill between the two writes of an epoch's end.
    if [int(row["epoch"]) for row in history] not in (list(range(1, done + 1)), list(range(1, done + 2))):
        raise ValueError(say("{0}: it records epochs {1} but {2} counts {3} finished; the run folder was "
                             "changed, so it is not resumed", run.history_path,
                             ", ".join(str(int(row["epoch"])) for row in history) or say("none"), run.manifest_path.name,
                             done))
    job = TrainingJob(config, host, emit, stop or threading.Event(), pause)
    job.resumed_backbone = manifest.extra.get("backbone") or None
    return run_job(job, lambda: _resumed_run(job, run, history, new_rate=learning_rate is not None))


def _new_run(job: TrainingJob) -> RunFinished:
    """A fresh model in a new run folder; on a cluster, the run this command began, continued."""
    setup = job.set_up()
    cluster = setup.cluster
    saved = None
    point = None
    if job.config.start_from:
        if cluster is not None:
            raise ValueError(say("a run on a cluster cannot start from another run yet; train it on one machine"))
        point = load_starting_point(job.config.start_from, job.config.runs_dir)
    if cluster is not None:
        from alexnet_desktop.core.training.cluster_run import cluster_checkpoint, join_cluster_run

        # The chief reads the checkpoint of an unfinished run of this command outside the
        # strategy: a model built inside it is built by every worker at once.
        saved = cluster_checkpoint(job, cluster)
    with precision_policy(setup.runtime.mixed_precision), setup.runtime.strategy.scope():
        if cluster is not None:
            initial_epoch = join_cluster_run(job, cluster, saved, setup)
        else:
            job.model = job.new_model(setup, point)
            point = None  # the source model is not needed any more
            job.check_room()  # before the run folder: a refused run leaves nothing behind
            job.start_run_folder(setup)
            initial_epoch = 0
        job.fit(setup, initial_epoch)
    return job.conclude(setup)


def _resumed_run(job: TrainingJob, run: RunFolder, history: list[dict[str, float]], new_rate: bool) -> RunFinished:
    """The run's checkpoint, trained on from its last finished epoch (`history` is its history.csv)
    on the same classes."""
    cfg = job.config
    setup = job.set_up()
    if setup.cluster is not None:
        raise clusters.ClusterError(say("a cluster's run goes on by starting the same command again, not by resuming it"))
    with precision_policy(setup.runtime.mixed_precision), setup.runtime.strategy.scope():
        job.run = run
        manifest = run.manifest()
        if manifest.class_names != setup.data.class_names:
            raise ValueError(
                say("{0}: the classes are not those the run was trained on ({1}); it cannot be resumed "
                    "on this data", cfg.data, ", ".join(manifest.class_names))
            )
        if manifest.dataset.fingerprint != setup.data.dataset.fingerprint():
            job.emit(Message(say("The dataset changed since this run began (files added, removed or rewritten)"),
                             "warning"))
        before = _note_unlabelled_change(job, manifest)
        job.history = [{**row, "epoch": int(row["epoch"])} for row in history]
        initial_epoch = len(job.history)
        job.best_epoch, job.best_value = manifest.best_epoch, manifest.best.value
        fresh = not run.checkpoint_path.is_file()
        job.model = _weights_model(job, setup, run, initial_epoch) if fresh else _resumed_model(job, setup, run, new_rate)
        job.check_room(folder_size(run.path))
        resumed = {"at_epoch": initial_epoch, "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
                   **({"unlabelled_before": before} if before else {})}
        RunManifest.change(
            run.path,
            training={**manifest.training, "epochs": cfg.epochs, "learning_rate": cfg.learning_rate,
                      **({"unlabelled": cfg.unlabelled} if cfg.unlabelled else {})},
            **({"unlabelled": job.unlabelled} if job.unlabelled else {}),
            resumed=[*manifest.resumed, {**resumed, "fresh_optimizer": True} if fresh else resumed],
            device=setup.device,
            strategy=setup.runtime.description,
            error=None,
        )
        job.emit(Message(say("Resuming after epoch {0} of {1}", initial_epoch, cfg.epochs)))
        job.fit(setup, initial_epoch)
    return job.conclude(setup)


def _find_folders(config: TrainConfig, manifest: RunManifest, run: RunFolder, unlabelled: str | None) -> None:
    """Point `config` at the run's dataset and unlabelled folder by their full paths (a run made
    before they were recorded so was resumed from its own working folder only), or at the
    unlabelled folder's new place; a folder that is gone is named with what to do."""
    recorded = {"data": manifest.dataset.root, "unlabelled": (manifest.extra.get("unlabelled") or {}).get("folder")}
    for key, full in recorded.items():
        value = getattr(config, key)
        if value and full and not Path(value).expanduser().is_absolute():
            setattr(config, key, full)
    if unlabelled is not None:
        if not config.unlabelled:
            raise ValueError(say("{0}: the run did not learn from an unlabelled folder; a resumed run cannot begin to",
                                 run.path))
        config.unlabelled = unlabelled
    elif config.unlabelled and not Path(config.unlabelled).expanduser().is_dir():
        raise ValueError(say("{0}: the run's unlabelled folder is not there any more; if it moved, give its new place "
                             "(Resume… on the Runs page, or train --resume RUN --unlabelled NEW_PLACE)",
                             config.unlabelled))


def _note_unlabelled_change(job: TrainingJob, manifest: RunManifest) -> dict | None:
    """Say so when the unlabelled folder is not what the run last learnt from; returns that
    earlier record, which the resume entry keeps (run.json's record is then the folder as it is now)."""
    before = manifest.extra.get("unlabelled") or {}
    if not job.unlabelled or before.get("sha256") in (None, job.unlabelled["sha256"]):
        return None
    job.emit(Message(say("The unlabelled folder changed since this run last trained (files added, removed or "
                         "rewritten; {0} image files then, {1} now)", before.get("files", "?"),
                         job.unlabelled["files"]), "warning"))
    return {k: before.get(k) for k in ("folder", "files", "sha256")}


def _weights_model(job: TrainingJob, setup: Setup, run: RunFolder, initial_epoch: int) -> Any:
    """A freed run's best model with a fresh optimizer; its schedule goes on from the run's step count."""
    model = load_model_file(run.model_path, accepted_hashes=run.accepted_hashes(run.model_path.name))
    job.compile(setup, model, steps_done=initial_epoch * job.steps)
    job.emit(Message(say("This run's resume state was freed: it goes on from the weights of its best epoch ({0}) "
                         "with a fresh optimizer (its moments start again from zero)", job.best_epoch or "?"), "warning"))
    return model


def _resumed_model(job: TrainingJob, setup: Setup, run: RunFolder, new_rate: bool) -> Any:
    """The checkpoint's model with its optimizer; the rate replaced if asked, and a cosine
    schedule stretched to the run's new length (it ends at the last epoch)."""
    checkpoint = run.checkpoint_path
    model = load_model_file(checkpoint, compile=True, accepted_hashes=run.accepted_hashes(checkpoint.name))
    if new_rate or job.config.lr_schedule == "cosine":
        # A step schedule restarts from the new rate at the same step count, so its
        # reductions so far still apply; a constant or plateau rate is simply set.
        model.optimizer.learning_rate = setup.optimization.learning_rate_at(job.steps, job.config.epochs)
    return model
