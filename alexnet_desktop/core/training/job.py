"""The steps a training run is made of, shared by a new run, a resume and a cluster worker.

`TrainingJob` holds one run's state while it fits: `set_up` checks the settings and builds
the input pipelines, `fit` runs Keras with a callback that turns its progress into events
(honouring stop and pause: `training/progress_callback.py`), `conclude` records how the run
ended; `training/run_end.py`'s `run_job` wraps a run so that any failure is recorded in the run
folder before it is raised.
"""

from __future__ import annotations

import gc
import importlib.util
import math
import threading
import time
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from alexnet_desktop.core.data.augment import Augmentation, build_augmenter
from alexnet_desktop.core.data.datasets import Sample
from alexnet_desktop.core.data.pipeline import CacheBudget, SkippedFiles, image_dataset
from alexnet_desktop.core.events import Emit, Message
from alexnet_desktop.core.model import backbones
from alexnet_desktop.core.jobs import Cancelled
from alexnet_desktop.core.model.explain import first_layer_filters
from alexnet_desktop.core.model.models import build_classifier, check_input_size
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.tf_runtime import device_summary, is_loaded, keras, tensorflow
from alexnet_desktop.core.training import cluster as clusters
from alexnet_desktop.core.training import fixmatch
from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.training.devices import training_runtime
from alexnet_desktop.core.training.evaluation import (
    Evaluated, epoch_chosen_on, evaluate_samples, save_evaluation, write_split,
)
from alexnet_desktop.core.training.events import (
    EpochEnded, FiltersChanged, OutOfMemory, PauseChanged, RunFinished, RunStarted, metric_name,
)
from alexnet_desktop.core.runs.manifest import optimistic_note
from alexnet_desktop.core.training.new_run import new_manifest
from alexnet_desktop.core.training.model_card import write_model_card
from alexnet_desktop.core.training.optimization import OptimizerSettings
from alexnet_desktop.core.training.balance import class_weights, keras_class_weight
from alexnet_desktop.core.training.prepare import TrainingData, prepare_data
from alexnet_desktop.core.training.progress_callback import progress_callback
from alexnet_desktop.core.runs.manifest import RunManifest
from alexnet_desktop.core.runs.folder import RunFolder
from alexnet_desktop.core.training.run_space import TrainingLock, check_room, disk_full, is_disk_full
from alexnet_desktop.core.training.start_from import StartingPoint, check_compatible, check_source_run, copy_weights, set_frozen
from alexnet_desktop.core.wording import say, to_record


@dataclass
class Setup:
    """What `TrainingJob.set_up` decided and built: the data, its pipelines and the runtime."""

    arch: Any
    image_size: int
    data: TrainingData
    device: str
    runtime: Any
    augmentation: Augmentation
    optimization: OptimizerSettings
    skipped: SkippedFiles
    train_ds: Any
    val_ds: Any
    cluster: Any  # the multi-worker cluster this process belongs to, or None
    class_weights: dict[str, float]  # by class name, from the training part's counts; empty: none


class TrainingJob:
    """One run while it trains: its settings, its run folder, its model and its history so far."""

    def __init__(
        self,
        config: TrainConfig,
        host: PluginHost,
        emit: Emit,
        stop: threading.Event,
        pause: threading.Event | None,
    ) -> None:
        self.config, self.host, self.emit, self.stop, self.pause = config, host, emit, stop, pause
        self.epoch = 0
        self.steps = 0
        self.batch_size = config.batch_size
        self.history: list[dict[str, Any]] = []
        self.best_value: float | None = None
        self.best_epoch: int | None = None
        self.monitor = "val_accuracy"
        self.run: RunFolder | None = None
        self.model: Any = None
        self.epoch_start = self.batch_clock = 0.0
        self.epoch_learning_rate = float("nan")
        self.diverged_at: tuple[int, int] | None = None
        self.early_stopped = False
        self.keeps_run = True  # False on a cluster's other workers: their run folder is temporary
        self.cluster_pointer: Path | None = None
        self.started_from: dict[str, Any] | None = None  # what run.json records of `config.start_from`
        self.lock: TrainingLock | None = None  # held while this process trains the run
        self.backbone_file: Path | None = None  # the pretrained backbone's weights file, if loaded
        self.resumed_backbone: dict[str, Any] | None = None  # on resume: run.json's "backbone" (no file needed)
        self.unlabelled: dict[str, Any] | None = None  # what run.json records of `config.unlabelled`
        self.confident_share: Any = None  # FixMatch's metric, while it trains

    def release(self) -> None:
        """Let go of the model and Keras's state for this thread once the run has ended.

        The GUI trains run after run in one process; without this each run's model, its
        traced functions and TensorFlow's kernel cache stayed alive until the window closed.
        """
        self.model = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if is_loaded():
            keras().backend.clear_session(free_memory=True)  # includes a full garbage collection
            # TensorFlow keeps each run's traced training step alive for good, and every full
            # collection would walk it again, pausing the window too: frozen, it is not walked.
            gc.freeze()

    # ---- during fit -------------------------------------------------------------------

    def wait_while_paused(self) -> None:
        """Block the training thread after a batch until pause is cleared or stop is set."""
        started = time.perf_counter()
        self.emit(PauseChanged(True))
        while self.pause.is_set() and not self.stop.is_set():
            self.stop.wait(0.05)
        waited = time.perf_counter() - started
        # Paused time is not training time: the epoch's duration and speed leave it out.
        self.epoch_start += waited
        self.batch_clock += waited
        self.emit(PauseChanged(False))

    def end_epoch(self, epoch: int, logs: dict[str, float]) -> None:
        seconds = time.perf_counter() - self.epoch_start
        value = logs.get(self.monitor)
        is_best = value is not None and math.isfinite(value) and (self.best_value is None or value > self.best_value)
        try:
            self._save_epoch(epoch, logs, seconds, value if is_best else None)
        except OSError as exc:
            if not is_disk_full(exc):
                raise
            raise disk_full(epoch + 1, len(self.history)) from exc
        patience = self.config.early_stopping
        if patience and self.best_epoch is not None and epoch + 1 - self.best_epoch >= patience:
            self.early_stopped = True
        self.emit(EpochEnded(epoch, logs, seconds, is_best))
        try:
            self.emit(FiltersChanged(epoch + 1, first_layer_filters(self.model)))
        except ValueError:
            pass  # a network without a convolution has no filters to show


    def _save_epoch(self, epoch: int, logs: dict[str, float], seconds: float, best: float | None) -> None:
        """Write the finished epoch: checkpoint, best model (weights only), history, manifest."""
        # The checkpoint first: from here on, a kill loses nothing of this epoch.
        self.run.save_checkpoint(self.model)
        if best is not None:
            self.run.save_model(self.model)
            self.best_value, self.best_epoch = best, epoch + 1
        self.history.append({"epoch": epoch + 1, **logs, "seconds": round(seconds, 3)})
        self.run.write_history(self.history)
        RunManifest.change(
            self.run.path,
            epochs_done=epoch + 1,
            best_epoch=self.best_epoch,
            best={"metric": self.monitor, "value": self.best_value},
            updated=time.strftime("%Y-%m-%dT%H:%M:%S"),
        )

    def check_room(self, existing: int = 0) -> None:
        """Refuse to train, with the figures, when the runs folder's disk cannot hold the checkpoints."""
        check_room(Path(self.config.runs_dir) if self.run is None else self.run.path, self.model, existing)

    # ---- the shared steps --------------------------------------------------------------

    def set_up(self) -> Setup:
        """Check the settings, prepare the images, load TensorFlow and build the input pipelines."""
        cfg = self.config
        cfg.validate()
        arch = self.host.architecture(cfg.arch)
        image_size = cfg.image_size or arch.default_input_shape[0]
        if cfg.start_from:
            check_source_run(cfg.start_from, cfg.runs_dir, arch, image_size)
        check_input_size(arch, image_size)
        # Before any image is read: a missing weights file is said at once.
        if self.resumed_backbone is not None:
            self.backbone_file = Path(self.resumed_backbone["file"]) if self.resumed_backbone.get("file") else None
        else:
            self.backbone_file = backbones.find_weights(arch, cfg.backbone_weights)
        for line in backbones.start_warnings(arch, self.backbone_file, cfg.epochs, cfg.backbone_frozen_epochs,
                                             cfg.fine_tune_factor):
            self.emit(Message(line, "warning"))
        data = prepare_data(cfg, self.host, self.emit, self.stop)

        self.emit(Message(say("Loading TensorFlow")))
        keras().utils.set_random_seed(cfg.seed)
        # Deterministic kernels: the same seed, data and settings give the same weights (#32).
        tensorflow().config.experimental.enable_op_determinism()
        device = device_summary()
        runtime = training_runtime(cfg.devices, cfg.mixed_precision)
        skipped = SkippedFiles()
        self.cache = CacheBudget()  # one budget for the training, validation and unlabelled streams
        augmentation = Augmentation.from_dict(cfg.augmentation)
        train_ds = image_dataset(
            data.train, data.class_names, image_size, cfg.batch_size, shuffle=True, seed=cfg.seed, skipped=skipped,
            augmenter=build_augmenter(augmentation, image_size, cfg.seed), repeat=True, resize=cfg.resize,
            cache=self.cache,
        )
        val_ds = image_dataset(data.val, data.class_names, image_size, cfg.batch_size, shuffle=False, seed=cfg.seed,
                               skipped=skipped, resize=cfg.resize, cache=self.cache) if data.val else None
        cluster = clusters.active_cluster()
        if cluster is not None:
            from alexnet_desktop.core.training.cluster_run import check_cluster_inputs

            check_cluster_inputs(self, cluster, data)
            train_ds = clusters.split_by_batches(train_ds)
            val_ds = clusters.split_by_batches(val_ds) if val_ds is not None else None
        self.monitor = "val_accuracy" if val_ds is not None else "accuracy"
        self.steps = math.ceil(len(data.train) / cfg.batch_size)
        if cfg.unlabelled:
            train_ds = self.with_unlabelled(train_ds, data, image_size, skipped, cluster)
        if cfg.steps_per_epoch:
            self.steps = min(self.steps, cfg.steps_per_epoch)
        weights = class_weights(cfg.class_weight, (s.label for s in data.train), data.class_names)
        return Setup(arch, image_size, data, device, runtime, augmentation, OptimizerSettings.from_config(cfg),
                     skipped, train_ds, val_ds, cluster, weights)

    def with_unlabelled(self, train_ds: Any, data: TrainingData, image_size: int, skipped: SkippedFiles,
                        cluster: Any) -> Any:
        """The training stream with the unlabelled folder's images beside each labelled batch."""
        cfg = self.config
        found = fixmatch.unlabelled_files(cfg.unlabelled, [*data.train, *data.val, *data.dataset.test_samples],
                                          skipped, image_size=image_size, resize=cfg.resize)
        files = found.files
        self.unlabelled = fixmatch.record(found, cfg)
        if found.copies:
            self.emit(Message(fixmatch.copies_warning(found), "warning"))
        self.emit(Message(fixmatch.in_use(found, cfg)))
        if cluster is not None:
            from alexnet_desktop.core.training.cluster_run import check_unlabelled_everywhere

            check_unlabelled_everywhere(cluster, self.unlabelled["sha256"])
        self.steps = fixmatch.steps_per_epoch(len(data.train), len(files), cfg.batch_size, cfg.unlabelled_ratio)
        stream = fixmatch.unlabelled_stream(files, data.class_names, image_size, cfg.batch_size * cfg.unlabelled_ratio,
                                            seed=cfg.seed, skipped=skipped, resize=cfg.resize, cache=self.cache)
        combined = fixmatch.combine(train_ds, stream)
        return clusters.split_by_batches(combined) if cluster is not None else combined

    def new_model(self, setup: Setup, point: StartingPoint | None = None) -> Any:
        """A compiled classifier for the run's classes: freshly initialised, or with the weights
        of `point` (see `core.training.start_from`), its copied layers frozen if asked."""
        model = build_classifier(setup.arch, len(setup.data.class_names), setup.image_size)
        if point is not None:
            check_compatible(point, model, setup.arch, setup.image_size)
            kept = copy_weights(point, model, setup.data.class_names)
            self.started_from = point.record(kept, self.config.freeze_epochs)
            self.emit(Message(
                say("Starting from {0}: every layer copied, the classifier too (the same classes)", point.given) if kept
                else say("Starting from {0}: every layer but the classifier copied (the classes differ)", point.given)))
            if self.config.freeze_epochs:
                set_frozen(model, True)
        elif self.backbone_file is not None:
            backbones.load_backbone_weights(model, setup.arch, self.backbone_file)
            self.emit(Message(say("The backbone starts from {0}", self.backbone_file)))
            if self.backbone_frozen_epochs(setup):
                backbones.set_backbone_frozen(model, setup.arch, True)
        self.compile(setup, model)
        return model

    def backbone_frozen_epochs(self, setup: Setup) -> int:
        """The epochs a pretrained backbone stays frozen in this run (0: none)."""
        return backbones.frozen_epochs(setup.arch, self.backbone_file, self.config.epochs,
                                       self.config.backbone_frozen_epochs)

    def compile(self, setup: Setup, model: Any, steps_done: int = 0, rate_factor: float = 1.0) -> None:
        """Compile `model` with a new optimizer; its schedule goes on from `steps_done` steps, at
        `rate_factor` times the run's rate (a pretrained backbone is fine-tuned at a lower one)."""
        optimization = setup.optimization
        if rate_factor != 1.0:
            optimization = replace(optimization, learning_rate=optimization.learning_rate * rate_factor)
        optimizer = optimization.build(self.steps, self.config.epochs)
        model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        if steps_done:
            optimizer.build(model.trainable_variables)
            optimizer.iterations.assign(steps_done)

    def manifest_for(self, setup: Setup) -> RunManifest:
        """The manifest a run begins with."""
        manifest = new_manifest(self.config, setup, self.monitor)
        manifest.start_from = self.started_from
        if self.unlabelled is not None:
            manifest.extra["unlabelled"] = self.unlabelled
        if setup.arch.pretrained is not None:
            manifest.extra["backbone"] = backbones.record(
                setup.arch, self.config.backbone_weights, self.backbone_file, self.backbone_frozen_epochs(setup),
                backbones.fine_tune_factor(setup.arch, self.config.fine_tune_factor))
            manifest.preprocessing["backbone"] = setup.arch.pretrained.preprocessing
        return manifest

    def start_run_folder(self, setup: Setup) -> None:
        """Make the new run's folder: class names, manifest and the split, before any epoch."""
        cfg = self.config
        self.run = RunFolder.create(Path(cfg.runs_dir), setup.arch.id, Path(cfg.data).name)
        self.run.write_labels(setup.data.class_names)
        self.manifest_for(setup).write(self.run.path)
        write_split(self.run, setup.data.train, setup.data.val)

    def fit(self, setup: Setup, initial_epoch: int) -> None:
        """Fit from `initial_epoch` to the configured epochs, with the events and the run's logs."""
        cfg = self.config
        self.lock = self.lock or TrainingLock(self.run).acquire()
        self.run.mark_owned()
        self.emit(RunStarted(
            self.run.path, setup.data.class_names, cfg.epochs, self.steps, len(setup.data.train), len(setup.data.val),
            say("{0}; {1}", setup.device, setup.runtime.description), initial_epoch, tuple(self.history),
            cfg.batch_size,
        ))
        callbacks = [progress_callback(self), *setup.optimization.callbacks(setup.val_ds is not None)]
        if cfg.unlabelled:
            self.confident_share = fixmatch.ConfidentShare()
            fixmatch.install_step(self.model, cfg.unlabelled_threshold, self.confident_share, setup.train_ds.element_spec)
            callbacks.insert(0, self.confident_share.callback())
        if importlib.util.find_spec("tensorboard") is not None:
            # Per epoch only: per-batch summaries would cost more than small models' steps.
            callbacks.append(keras().callbacks.TensorBoard(
                str(self.run.logs_path), write_graph=False, update_freq="epoch", profile_batch=0
            ))
        else:
            self.emit(Message(say("TensorBoard is not installed: the run has no logs/ folder"), "warning"))
        with warnings.catch_warnings():
            # Keras warns that a tf.data input "ran out of data" whenever its length is
            # unknown (dropping undecodable files makes it so); that is expected here.
            warnings.filterwarnings("ignore", message=".*ran out of data.*")
            warnings.filterwarnings("ignore", message=".*`shuffle=True` was passed.*")
            try:
                thaw_at = self.thaw_epoch(setup, initial_epoch)
                weights = keras_class_weight(setup.class_weights, setup.data.class_names)
                if initial_epoch < cfg.epochs:
                    self.model.fit(
                        setup.train_ds, validation_data=setup.val_ds, epochs=thaw_at or cfg.epochs,
                        initial_epoch=initial_epoch, steps_per_epoch=self.steps, callbacks=callbacks, verbose=0,
                        class_weight=weights,
                    )
                if thaw_at and len(self.history) >= thaw_at and not (
                        self.stop.is_set() or self.diverged_at or self.early_stopped):
                    self.thaw(setup, thaw_at)
                    self.model.fit(
                        setup.train_ds, validation_data=setup.val_ds, epochs=cfg.epochs, initial_epoch=thaw_at,
                        steps_per_epoch=self.steps, callbacks=callbacks, verbose=0, class_weight=weights,
                    )
            except tensorflow().errors.ResourceExhaustedError as exc:
                raise OutOfMemory(cfg.batch_size, str(exc)) from None
            except Exception as exc:
                if clusters.is_peer_lost(exc):
                    raise clusters.PeerLost(clusters.peer_lost_message(exc)) from None
                raise

    def thaw_epoch(self, setup: Setup, initial_epoch: int) -> int:
        """The epoch after which frozen layers are trained too (0: none are frozen from here):
        layers copied from another run after `freeze_epochs`, a pretrained backbone after its own."""
        cfg = self.config
        frozen = cfg.freeze_epochs if cfg.start_from else self.backbone_frozen_epochs(setup)
        return frozen if initial_epoch < frozen < cfg.epochs else 0

    def thaw(self, setup: Setup, thaw_at: int) -> None:
        """Train the frozen layers from epoch `thaw_at` + 1 on; a backbone at its lower rate."""
        if self.config.start_from:
            set_frozen(self.model, False)
            self.compile(setup, self.model, steps_done=thaw_at * self.steps)
            self.emit(Message(say("From epoch {0} on, the copied layers are trained too", thaw_at + 1)))
            return
        factor = backbones.fine_tune_factor(setup.arch, self.config.fine_tune_factor)
        backbones.set_backbone_frozen(self.model, setup.arch, False)
        self.compile(setup, self.model, steps_done=thaw_at * self.steps, rate_factor=factor)
        self.emit(Message(say("From epoch {0} on, the backbone is trained too, at {1:g} times the rate",
                              thaw_at + 1, factor)))

    def conclude(self, setup: Setup) -> RunFinished:
        """Record how the run ended; evaluate the best model of a finished run; write its model card."""
        cfg = self.config
        note = ""
        if self.diverged_at:
            status = "diverged"
            kept = (say("The model of the best epoch and the checkpoint of the last finished epoch are kept.")
                    if self.history else say("No epoch finished, so no model was kept."))
            note = say("The loss became NaN or infinite at epoch {0}, batch {1}: the learning rate ({2:g}) is "
                       "probably too high. {3}", *self.diverged_at, cfg.learning_rate, kept)
        elif self.stop.is_set():
            status = "stopped"
            if not self.history:
                # Stopped inside the first epoch: keep what was learnt, marked as no epoch's best.
                self.run.save_model(self.model)
        else:
            status = "finished"
            if self.early_stopped:
                note = say("Stopped early: no better {0} for {1} epochs", metric_name(self.monitor), cfg.early_stopping)
        skipped = setup.skipped
        RunManifest.change(
            self.run.path,
            status=status,
            note=note,
            said={"note": to_record(note)} if note else {},
            skipped_files=[{"path": p, "reason": r} for p, r in skipped.items()],
            finished=time.strftime("%Y-%m-%dT%H:%M:%S"),
        )
        for p, r in skipped.items():
            self.emit(Message(say("Skipped {0}: {1}", p, r), "warning"))
        if self.cluster_pointer is not None and status == "finished":
            self.cluster_pointer.unlink(missing_ok=True)  # the same command now starts a new run
        if not self.keeps_run:
            return RunFinished(self.run.path, status, self.best_epoch, self.best_value, self.monitor, note=note)
        if status == "finished" and setup.data.val and self.run.model_path.is_file():
            self.evaluate_best(setup.data.val)
        write_model_card(self.run)
        if note:
            self.emit(Message(note, "warning" if status == "diverged" else "info"))
        return RunFinished(self.run.path, status, self.best_epoch, self.best_value, self.monitor, note=note)

    def evaluate_best(self, val: list[Sample]) -> None:
        """Measure the best model on the validation images and keep the result in `eval.json`."""
        from alexnet_desktop.core.model.loaded import load_for_prediction

        self.emit(Message(say("Evaluating the best model on the {0} validation images", len(val))))
        loaded = load_for_prediction(self.run.path)
        try:
            evaluation = evaluate_samples(loaded, val, source="validation split", batch_size=self.config.batch_size,
                                          stop=self.stop)
            evaluation.optimistic = epoch_chosen_on(self.run, val)
            save_evaluation(self.run, evaluation, loaded=loaded, stop=self.stop)
        except Cancelled:
            return  # stopped part-way: the run is kept, without a partial evaluation that would mislead
        worst = min(zip(evaluation.class_names, evaluation.per_class), key=lambda c: c[1]["recall"])
        if worst[1]["recall"] < 1.0:
            self.emit(Message(say(
                "Validation: accuracy {0:.3f}, loss {1:.4f}; the class most often missed is {2} (recall {3:.2f})",
                evaluation.accuracy, evaluation.loss, worst[0], worst[1]["recall"])))
        else:  # naming a class with recall 1.00 as "most often missed" would mislead
            self.emit(Message(say("Validation: accuracy {0:.3f}, loss {1:.4f}; every class's images were all recognised",
                                  evaluation.accuracy, evaluation.loss)))
        if evaluation.optimistic:
            self.emit(Message(optimistic_note(), "warning"))
        self.emit(Evaluated(self.run.path, evaluation))
