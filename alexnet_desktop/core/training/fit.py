"""The training job: Keras `fit` driven by callbacks that emit events, the same for GUI and CLI.

`train(config, host, emit, stop, pause)` loads and checks the data, builds the model,
makes a run folder and fits; `resume(run_dir, host, ...)` continues a run from the
checkpoint of its last finished epoch. `emit` receives the events below; setting `stop`
ends the run after the current batch, keeping the best model; while `pause` is set the
run waits after the current batch.

After every finished epoch the run folder holds `checkpoint.keras` (model and optimizer
state, so the step count and the learning-rate schedule continue), `history.csv` and
`run.json`: killing the process loses at most the epoch in progress.
"""

from __future__ import annotations

import gc
import importlib.util
import json
import math
import platform
import shutil
import tempfile
import threading
import time
import warnings
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np

from alexnet_desktop import __version__
from alexnet_desktop.core.wording import N_, Text, Translate, message_of, say, shown, to_record
from alexnet_desktop.core.data.augment import Augmentation, build_augmenter
from alexnet_desktop.core.training import cluster as clusters
from alexnet_desktop.core.data.datasets import Dataset, Sample, Split
from alexnet_desktop.core.training.devices import MIXED_PRECISION_CHOICES, precision_policy, training_runtime
from alexnet_desktop.core.training.evaluation import Evaluated, evaluate_samples, save_evaluation, write_split
from alexnet_desktop.core.events import Emit, Message, no_emit
from alexnet_desktop.core.model.explain import first_layer_filters
from alexnet_desktop.core.training.model_card import write_model_card
from alexnet_desktop.core.model.model_files import load_model_file
from alexnet_desktop.core.model.models import PREPROCESSING, build_classifier, check_input_size
from alexnet_desktop.core.training.optimization import OptimizerSettings, current_learning_rate
from alexnet_desktop.core.data.pipeline import SkippedFiles, image_dataset
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.training.runs import RESUMABLE, RunFolder, effective_status
from alexnet_desktop.core.data.scan import ScanReport, find_leaks, scan_dataset
from alexnet_desktop.core.tf_runtime import device_summary, is_loaded, keras, tensorflow


@dataclass(kw_only=True)
class TrainConfig(OptimizerSettings):
    """Everything that decides a training run; saved in its `run.json`.

    The optimizer and its learning-rate schedule are the fields it inherits.
    """

    data: str
    arch: str = "alexnet-bn"
    loader: str | None = None  # None: the loader most confident about `data`
    loader_options: dict[str, Any] = field(default_factory=dict)
    epochs: int = 10
    batch_size: int = 32
    image_size: int | None = None  # None: the architecture's default
    val_split: float = 0.2
    stratified: bool = True
    val_source: str = "split"  # "split": a share of the training images; "test": the dataset's test part
    augmentation: dict[str, Any] = field(default_factory=dict)  # Augmentation settings; empty: none
    seed: int = 1337
    early_stopping: int = 0  # stop after this many epochs without a better monitored value; 0: never
    devices: list[str] = field(default_factory=list)  # empty: every GPU, else the CPU; several: data-parallel
    mixed_precision: str = "auto"  # "auto": on GPUs with tensor cores; "on"; "off"
    runs_dir: str = ""
    steps_per_epoch: int | None = None  # cap on batches per epoch, for smoke tests

    def validate(self) -> None:
        """Raise ValueError with a plain message for a setting that cannot work."""
        if self.epochs < 1:
            raise ValueError(say("epochs must be at least 1, not {0}", self.epochs))
        if self.batch_size < 1:
            raise ValueError(say("batch size must be at least 1, not {0}", self.batch_size))
        super().validate()
        if not 0 <= self.val_split < 1:
            raise ValueError(say("validation split must be in [0, 1), not {0}", self.val_split))
        if self.val_source not in ("split", "test"):
            raise ValueError(say("validation source must be 'split' or 'test', not {0!r}", self.val_source))
        if self.early_stopping < 0:
            raise ValueError(say("early-stopping patience must be 0 (off) or more, not {0}", self.early_stopping))
        if self.mixed_precision not in MIXED_PRECISION_CHOICES:
            raise ValueError(say("mixed precision must be one of {0}", ", ".join(MIXED_PRECISION_CHOICES)))
        Augmentation.from_dict(self.augmentation)
        if not self.runs_dir:
            raise ValueError(say("no runs folder given"))

    @classmethod
    def from_manifest(cls, saved: dict[str, Any]) -> "TrainConfig":
        """The config saved in a run's `run.json` ("training"), ignoring keys it no longer has."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in saved.items() if k in known})


@dataclass(frozen=True)
class RunStarted:
    """The run folder exists and fitting begins (or resumes at `initial_epoch`)."""

    run_dir: Path
    class_names: list[str]
    epochs: int
    steps_per_epoch: int
    train_count: int
    val_count: int
    device: str
    initial_epoch: int = 0  # epochs already done (a resumed run)
    history: tuple = ()  # those epochs' rows, so a dashboard can redraw them
    batch_size: int = 0


@dataclass(frozen=True)
class BatchEnded:
    """A training batch finished; loss and accuracy are the running means of the epoch so far."""

    epoch: int  # 0-based
    step: int  # 1-based within the epoch
    steps: int
    loss: float
    accuracy: float
    images_per_second: float


@dataclass(frozen=True)
class EpochEnded:
    """An epoch finished: its training and validation metrics and how long it took."""

    epoch: int  # 0-based
    logs: dict[str, float]
    seconds: float
    is_best: bool

    def metrics_text(self, tr: Translate | None = None) -> str:
        """The epoch's metrics on one line: named by their Keras keys (the CLI), or, given a
        translator, by their names in its language (the Train page's log)."""
        def name(key: str) -> str:
            return key if tr is None else shown(metric_name(key), tr)

        return "  ".join(f"{name(k)} {v:.3g}" if k == "learning_rate" else f"{name(k)} {v:.4f}"
                         for k, v in self.logs.items())


# The metrics Keras logs for a run, by key, as a person reads them.
METRIC_NAMES = {
    "loss": N_("loss"), "accuracy": N_("accuracy"), "val_loss": N_("val loss"),
    "val_accuracy": N_("val accuracy"), "learning_rate": N_("learning rate"),
}


def metric_name(key: str) -> Text:
    """A logged metric's name for people ("val_accuracy" is "val accuracy"), translatable."""
    return Text(METRIC_NAMES[key]) if key in METRIC_NAMES else Text("{0}", key.replace("_", " "))


@dataclass(frozen=True)
class FiltersChanged:
    """The first layer's kernels after an epoch, tiled as an image (uint8 RGB)."""

    epoch: int  # 1-based
    grid: Any


@dataclass(frozen=True)
class PauseChanged:
    """The run paused (after a batch) or went on."""

    paused: bool


@dataclass(frozen=True)
class RunFinished:
    """The run ended; status is "finished", "stopped", "diverged" or "failed"."""

    run_dir: Path
    status: str
    best_epoch: int | None  # 1-based, as shown to users
    best_value: float | None
    monitor: str
    error: str = ""
    note: str = ""  # why it ended when that is worth saying (early stop, divergence)
    retry_batch_size: int | None = None  # out of memory: the batch size worth trying next


class OutOfMemory(Exception):
    """The device ran out of memory; `batch_size` is the size that failed."""

    def __init__(self, batch_size: int, detail: str) -> None:
        first = detail.splitlines()[0][:200] if detail else say("no detail")
        if batch_size > 1:
            super().__init__(say("out of memory at batch size {0}; try {1} ({2})", batch_size, batch_size // 2, first))
        else:
            super().__init__(say("out of memory at batch size {0} ({1})", batch_size, first))
        self.batch_size = batch_size


def _versions() -> dict[str, str]:
    import numpy
    import PIL

    tf = tensorflow()
    return {
        "alexnet_desktop": __version__,
        "python": platform.python_version(),
        "tensorflow": tf.__version__,
        "keras": keras().__version__,
        "numpy": numpy.__version__,
        "pillow": PIL.__version__,
    }


def load_dataset(host: PluginHost, data: str | Path, loader_id: str | None, options: dict[str, Any]) -> Dataset:
    """Read `data` with the named loader (or the most confident one) and its options."""
    if not Path(data).exists():
        raise FileNotFoundError(say("{0}: no such file or folder", data))
    loader = host.loader(loader_id) if loader_id else host.best_loader(Path(data))
    opts = loader.default_options()
    unknown = set(options) - set(opts)
    if unknown:
        raise ValueError(say("loader {0!r} has no option(s) {1}", loader.id, ", ".join(sorted(unknown))))
    by_name = {o.name: o for o in loader.options}
    opts.update({k: by_name[k].coerce(v) for k, v in options.items()})
    return loader.load(Path(data), **opts)


@dataclass
class _Data:
    dataset: Dataset
    report: ScanReport
    split: Split
    class_names: list[str]
    train: list[Sample]
    val: list[Sample]
    leaks: list


def _make_callback(job: "_Job") -> Any:
    class EventCallback(keras().callbacks.Callback):
        """Turns Keras callbacks into events; honours stop and pause; catches a NaN loss."""

        def on_epoch_begin(self, epoch, logs=None):
            job.epoch = epoch
            job.epoch_start = time.perf_counter()
            job.batch_clock = job.epoch_start
            job.epoch_learning_rate = current_learning_rate(self.model.optimizer)

        def on_train_batch_end(self, batch, logs=None):
            now = time.perf_counter()
            rate = job.batch_size / max(now - job.batch_clock, 1e-9)
            job.batch_clock = now
            logs = logs or {}
            loss = float(logs.get("loss", float("nan")))
            job.emit(BatchEnded(job.epoch, batch + 1, job.steps, loss, float(logs.get("accuracy", float("nan"))), rate))
            if not math.isfinite(loss):
                job.diverged_at = (job.epoch + 1, batch + 1)
                self.model.stop_training = True
                return
            if job.stop.is_set():
                self.model.stop_training = True
                return
            if job.pause is not None and job.pause.is_set():
                job.wait_while_paused()

        def on_test_batch_begin(self, batch, logs=None):
            if job.stop.is_set() or job.diverged_at:
                self.model.stop_evaluating = True

        def on_epoch_end(self, epoch, logs=None):
            if job.stop.is_set() or job.diverged_at:
                return  # a cut-short epoch is not a result: its metrics are partial
            logs = {k: float(v) for k, v in (logs or {}).items()}
            # The rate the epoch began with: for a step schedule, the epoch's rate; for
            # reduce-on-plateau, the rate before this epoch's result could lower it.
            logs["learning_rate"] = job.epoch_learning_rate
            job.end_epoch(epoch, logs)
            if job.early_stopped:
                self.model.stop_training = True

    return EventCallback()


class _Job:
    def __init__(
        self,
        config: TrainConfig,
        host: PluginHost,
        emit: Emit,
        stop: threading.Event,
        pause: threading.Event | None,
        resume_from: RunFolder | None = None,
        new_rate: bool = False,
    ) -> None:
        self.config, self.host, self.emit, self.stop, self.pause = config, host, emit, stop, pause
        self.resume_from, self.new_rate = resume_from, new_rate
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

    def release(self) -> None:
        """Let go of the model and Keras's state for this thread once the run has ended.

        The GUI trains run after run in one process; without this each run's model, its
        traced functions and TensorFlow's kernel cache stayed alive until the window closed.
        """
        self.model = None
        if is_loaded():
            keras().backend.clear_session(free_memory=True)  # includes a full garbage collection
            # What survives that collection stays for the life of the process: TensorFlow
            # keeps about 24,000 objects of each run's traced training step (its optimizer's
            # cond branches) however the run is released, and each full collection walked
            # all of them again: 35 ms after the first run, 140 ms after the fifth, growing
            # by ~25 ms a run, and a collection stops every thread, the window's included
            # (benchmark R5). Frozen, they are never walked again. Objects that would have
            # become cyclic garbage later are kept instead: the window's few per run.
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
        # The checkpoint first: from here on, a kill loses nothing of this epoch.
        self.run.save_checkpoint(self.model)
        if is_best:
            self.best_value, self.best_epoch = value, epoch + 1
            self.run.checkpoint_is_best()
        self.history.append({"epoch": epoch + 1, **logs, "seconds": round(seconds, 3)})
        self.run.write_history(self.history)
        self.run.update_manifest(
            epochs_done=epoch + 1,
            best_epoch=self.best_epoch,
            best={"metric": self.monitor, "value": self.best_value},
            updated=time.strftime("%Y-%m-%dT%H:%M:%S"),
        )
        patience = self.config.early_stopping
        if patience and self.best_epoch is not None and epoch + 1 - self.best_epoch >= patience:
            self.early_stopped = True
        self.emit(EpochEnded(epoch, logs, seconds, is_best))
        try:
            self.emit(FiltersChanged(epoch + 1, first_layer_filters(self.model)))
        except ValueError:
            pass  # a network without a convolution has no filters to show

    # ---- setting up ------------------------------------------------------------------

    def prepare_data(self) -> _Data:
        cfg = self.config
        self.emit(Message(say("Reading {0}", cfg.data)))
        dataset = load_dataset(self.host, cfg.data, cfg.loader, cfg.loader_options)
        self.emit(Message(say("Checking {0} images", len(dataset.samples) + len(dataset.test_samples))))
        report = scan_dataset(dataset, self.emit, self.stop)
        if report.cancelled:
            raise _StoppedEarly()
        # The scan also covers a fixed test part, if any; it never goes into training.
        usable = [s for s in report.accepted if s.path not in report.test_paths]
        split = Split(cfg.val_split if cfg.val_source == "split" else 0.0, cfg.seed, cfg.stratified)
        train_samples, val_samples = split.apply(usable, report.digests)
        if cfg.val_source == "test":
            val_samples = [s for s in report.accepted if s.path in report.test_paths]
            if not val_samples:
                raise ValueError(say("{0}: validation on the test part was asked for, but the dataset has no usable "
                                     "test images", cfg.data))
        leaks = find_leaks(train_samples, val_samples, report.digests)
        if leaks:
            self.emit(Message(
                say("{0} validation image(s) are identical to training images: the validation score will be too high",
                    len(leaks)), "warning"))
        classes = sorted({s.label for s in train_samples})
        if len(classes) < 2:
            raise ValueError(say("{0}: training needs images of at least 2 classes, found {1}", cfg.data, len(classes)))
        class_names = list(dataset.class_names)
        missing = [c for c in class_names if c not in classes]
        if missing:
            self.emit(Message(say("No usable training images for class(es) {0}", ", ".join(missing)), "warning"))
        return _Data(dataset, report, split, class_names, train_samples, val_samples, leaks)

    def new_manifest(self, arch: Any, data: _Data, image_size: int, augmentation: Augmentation,
                     optimization: OptimizerSettings, device: str, runtime: Any) -> dict[str, Any]:
        cfg = self.config
        return {
            "format": 1,
            "status": "running",
            "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "architecture": {"id": arch.id, "name": arch.name, "reference": arch.reference},
            "dataset": {
                "root": str(Path(cfg.data).resolve()),
                "loader": data.dataset.loader_id,
                "options": data.dataset.options,
                "fingerprint": data.dataset.fingerprint(),
                "counts": data.report.counts(),
                "train_count": len(data.train),
                "val_count": len(data.val),
                "rejected": [{"path": str(p), "reason": r} for p, r in data.report.rejected],
            },
            "class_names": data.class_names,
            "split": {
                "source": cfg.val_source,
                "val_fraction": data.split.val_fraction,
                "seed": data.split.seed,
                "stratified": data.split.stratified,
                "duplicates_kept_together": True,
                "leaks": [{"val": str(v), "train": str(t)} for v, t in data.leaks],
            },
            "image_size": image_size,
            "preprocessing": PREPROCESSING,
            "augmentation": augmentation.to_dict(),
            "optimization": {**asdict(optimization), "summary": optimization.describe()},
            "training": asdict(cfg),
            "device": device,
            "strategy": runtime.description,
            "cluster": cluster.spec.to_record() if (cluster := clusters.active_cluster()) else None,
            "versions": _versions(),
            "epochs_done": 0,
            "best_epoch": None,
            "best": {"metric": self.monitor, "value": None},
        }

    def resumed_model(self, optimization: OptimizerSettings, new_rate: bool) -> Any:
        """The checkpoint's model with its optimizer; the rate replaced if asked, and a cosine
        schedule stretched to the run's new length (it ends at the last epoch)."""
        checkpoint = self.resume_from.checkpoint_path
        model = load_model_file(checkpoint, compile=True, accepted_hashes=self.resume_from.accepted_hashes(checkpoint.name))
        if new_rate or self.config.lr_schedule == "cosine":
            # A step schedule restarts from the new rate at the same step count, so its
            # reductions so far still apply; a constant or plateau rate is simply set.
            model.optimizer.learning_rate = optimization.learning_rate_at(self.steps, self.config.epochs)
        return model

    def evaluate_best(self, val: list[Sample]) -> None:
        """Measure the best model on the validation images and keep the result in `eval.json`."""
        from alexnet_desktop.core.labelling.predict import load_for_prediction

        self.emit(Message(say("Evaluating the best model on the {0} validation images", len(val))))
        loaded = load_for_prediction(self.run.path)
        evaluation = evaluate_samples(loaded, val, source="validation split", batch_size=self.config.batch_size,
                                      stop=self.stop)
        if self.stop.is_set():
            return  # stopped part-way: a partial evaluation would mislead
        save_evaluation(self.run, evaluation, loaded=loaded, stop=self.stop)
        worst = min(zip(evaluation.class_names, evaluation.per_class), key=lambda c: c[1]["recall"])
        self.emit(Message(say(
            "Validation: accuracy {0:.3f}, loss {1:.4f}; the class most often missed is {2} (recall {3:.2f})",
            evaluation.accuracy, evaluation.loss, worst[0], worst[1]["recall"])))
        self.emit(Evaluated(self.run.path, evaluation))

    # ---- one worker of a cluster -------------------------------------------------------

    def check_cluster_inputs(self, cluster: "clusters.Cluster", data: _Data) -> None:
        """Every worker must train on the same images with the same settings: compared first."""
        clusters.check_same_everywhere(
            cluster, say("the dataset"), data.dataset.fingerprint(),
            say("every machine needs the same files (the same path on a shared disk, or identical copies)"))
        root = data.dataset.root
        plan = {
            "training": {k: v for k, v in asdict(self.config).items() if k not in ("data", "runs_dir", "devices", "loader_options")},
            "train": [_relative(s.path, root) for s in data.train], "val": [_relative(s.path, root) for s in data.val],
        }
        clusters.check_same_everywhere(
            cluster, say("the training settings or the split"), json.dumps(plan, sort_keys=True, default=str),
            say("start the same command, with the same options, on every machine"))

    def cluster_checkpoint(self, cluster: "clusters.Cluster") -> tuple[RunFolder, Any] | None:
        """On the chief: the unfinished run this command started before, and its checkpoint's model."""
        if not cluster.spec.is_chief:
            return None
        cfg = self.config
        key = {"training": {k: v for k, v in asdict(cfg).items() if k != "runs_dir"}, "workers": cluster.spec.workers}
        self.cluster_pointer = Path(clusters.pointer_path(cfg.runs_dir, key))
        try:
            run = RunFolder(Path(json.loads(self.cluster_pointer.read_text(encoding="utf-8"))["run"]))
            manifest = run.read_manifest()
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if manifest.get("status") == "finished" or not run.checkpoint_path.is_file():
            return None
        model = load_model_file(run.checkpoint_path, compile=True, accepted_hashes=run.accepted_hashes(run.checkpoint_path.name))
        return run, model

    def join_cluster_run(self, cluster: "clusters.Cluster", saved: tuple[RunFolder, Any] | None, arch: Any,
                         data: _Data, image_size: int, augmentation: Augmentation, optimization: OptimizerSettings,
                         device: str, runtime: Any) -> int:
        """Build the model on every worker, start or continue the run; return the epochs done.

        The chief writes the run folder (or goes on with the unfinished one it finds); the
        other workers write into a temporary folder removed at the end. The chief's weights,
        optimizer state and epoch count are then given to every worker, so a worker started
        again after a crash continues exactly where the chief's last finished epoch left off.
        """
        cfg = self.config
        self.model = build_classifier(arch, len(data.class_names), image_size)
        self.model.compile(optimizer=optimization.build(self.steps, cfg.epochs),
                           loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        self.model.optimizer.build(self.model.trainable_variables)
        variables = [*self.model.weights, *self.model.optimizer.variables]
        done = 0
        if saved is not None:
            self.run, checkpoint = saved
            manifest = self.run.read_manifest()
            if manifest.get("class_names") != data.class_names:
                raise clusters.ClusterError(say("{0}: the classes are not those of the run it would continue ({1})",
                                                cfg.data, self.run.path))
            self.history = [{**row, "epoch": int(row["epoch"])} for row in self.run.read_history()]
            done = len(self.history)
            self.best_epoch = manifest.get("best_epoch")
            self.best_value = (manifest.get("best") or {}).get("value")
            values = [*checkpoint.weights, *checkpoint.optimizer.variables]
            if len(values) != len(variables):
                raise clusters.ClusterError(say("{0}: the checkpoint does not fit the model it would continue",
                                                self.run.checkpoint_path))
            for variable, value in zip(variables, values):
                variable.assign(value.numpy())
            self.run.update_manifest(
                resumed=[*manifest.get("resumed", []), {"at_epoch": done, "when": time.strftime("%Y-%m-%dT%H:%M:%S")}],
                device=device, strategy=runtime.description, cluster=cluster.spec.to_record(), error=None,
            )
        best = self.best_value if self.best_value is not None else float("nan")
        done, best = clusters.broadcast_from_chief(cluster, [np.array([done, best])])[0]
        done = int(done)
        self.best_value = None if math.isnan(best) else float(best)
        clusters.sync_model_from_chief(cluster, variables)
        if saved is None and cluster.spec.is_chief:
            self.run = RunFolder.create(Path(cfg.runs_dir), arch.id, Path(cfg.data).name)
            self.run.write_labels(data.class_names)
            self.run.write_manifest(self.new_manifest(arch, data, image_size, augmentation, optimization, device, runtime))
            write_split(self.run, data.train, data.val)
            from alexnet_desktop.core.training.runs import atomic_write_text

            atomic_write_text(self.cluster_pointer, json.dumps({"run": str(self.run.path.resolve())}))
        elif not cluster.spec.is_chief:
            self.keeps_run = False
            self.run = RunFolder(Path(tempfile.mkdtemp(prefix="alexnet-desktop-worker-")))
            self.run.write_manifest(self.new_manifest(arch, data, image_size, augmentation, optimization, device, runtime))
        if done:
            self.emit(Message(say("Resuming after epoch {0} of {1}, from the chief's checkpoint", done, cfg.epochs)))
        return done

    # ---- the run ---------------------------------------------------------------------

    def run_fit(self) -> RunFinished:
        cfg = self.config
        cfg.validate()
        arch = self.host.architecture(cfg.arch)
        image_size = cfg.image_size or arch.default_input_shape[0]
        check_input_size(arch, image_size)
        data = self.prepare_data()

        self.emit(Message(say("Loading TensorFlow")))
        k = keras()
        k.utils.set_random_seed(cfg.seed)
        device = device_summary()
        runtime = training_runtime(cfg.devices, cfg.mixed_precision)
        skipped = SkippedFiles()
        augmentation = Augmentation.from_dict(cfg.augmentation)
        train_ds = image_dataset(
            data.train, data.class_names, image_size, cfg.batch_size, shuffle=True, seed=cfg.seed, skipped=skipped,
            augmenter=build_augmenter(augmentation, image_size, cfg.seed), repeat=True,
        )
        val_ds = (
            image_dataset(data.val, data.class_names, image_size, cfg.batch_size, shuffle=False, seed=cfg.seed, skipped=skipped)
            if data.val
            else None
        )
        cluster = clusters.active_cluster()
        if cluster is not None:
            self.check_cluster_inputs(cluster, data)
            train_ds = clusters.split_by_batches(train_ds)
            val_ds = clusters.split_by_batches(val_ds) if val_ds is not None else None
        self.monitor = "val_accuracy" if val_ds is not None else "accuracy"
        self.steps = math.ceil(len(data.train) / cfg.batch_size)
        if cfg.steps_per_epoch:
            self.steps = min(self.steps, cfg.steps_per_epoch)
        optimization = OptimizerSettings.from_config(cfg)
        initial_epoch = 0
        # The chief reads the checkpoint of an unfinished run of this command outside the
        # strategy: a model built inside it is built by every worker at once.
        saved = self.cluster_checkpoint(cluster) if cluster is not None else None

        with precision_policy(runtime.mixed_precision), runtime.strategy.scope():
            if cluster is not None:
                initial_epoch = self.join_cluster_run(cluster, saved, arch, data, image_size, augmentation,
                                                      optimization, device, runtime)
            elif self.resume_from is not None:
                self.run = self.resume_from
                manifest = self.run.read_manifest()
                if manifest.get("class_names") != data.class_names:
                    raise ValueError(
                        say("{0}: the classes are not those the run was trained on ({1}); it cannot be resumed "
                            "on this data", cfg.data, ", ".join(manifest.get("class_names", [])))
                    )
                if manifest.get("dataset", {}).get("fingerprint") != data.dataset.fingerprint():
                    self.emit(Message(say("The dataset changed since this run began (files added, removed or rewritten)"),
                                      "warning"))
                self.history = [{**row, "epoch": int(row["epoch"])} for row in self.run.read_history()]
                initial_epoch = len(self.history)
                self.best_epoch = manifest.get("best_epoch")
                self.best_value = (manifest.get("best") or {}).get("value")
                self.model = self.resumed_model(optimization, self.new_rate)
                self.run.update_manifest(
                    training={**manifest.get("training", {}), "epochs": cfg.epochs, "learning_rate": cfg.learning_rate},
                    resumed=[*manifest.get("resumed", []), {"at_epoch": initial_epoch, "when": time.strftime("%Y-%m-%dT%H:%M:%S")}],
                    device=device,
                    strategy=runtime.description,
                    error=None,
                )
                self.emit(Message(say("Resuming after epoch {0} of {1}", initial_epoch, cfg.epochs)))
            else:
                self.model = build_classifier(arch, len(data.class_names), image_size)
                self.model.compile(
                    optimizer=optimization.build(self.steps, cfg.epochs),
                    loss="sparse_categorical_crossentropy",
                    metrics=["accuracy"],
                )
                self.run = RunFolder.create(Path(cfg.runs_dir), arch.id, Path(cfg.data).name)
                self.run.write_labels(data.class_names)
                self.run.write_manifest(self.new_manifest(arch, data, image_size, augmentation, optimization, device, runtime))
                write_split(self.run, data.train, data.val)
            self.run.mark_owned()
            self.emit(RunStarted(
                self.run.path, data.class_names, cfg.epochs, self.steps, len(data.train), len(data.val),
                say("{0}; {1}", device, runtime.description), initial_epoch, tuple(self.history), cfg.batch_size,
            ))
            callbacks = [_make_callback(self), *optimization.callbacks(val_ds is not None)]
            if importlib.util.find_spec("tensorboard") is not None:
                # Per epoch only: per-batch summaries would cost more than small models' steps.
                callbacks.append(k.callbacks.TensorBoard(
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
                    if initial_epoch < cfg.epochs:
                        self.model.fit(
                            train_ds, validation_data=val_ds, epochs=cfg.epochs, initial_epoch=initial_epoch,
                            steps_per_epoch=self.steps, callbacks=callbacks, verbose=0,
                        )
                except tensorflow().errors.ResourceExhaustedError as exc:
                    raise OutOfMemory(cfg.batch_size, str(exc)) from None
                except Exception as exc:
                    if clusters.is_peer_lost(exc):
                        raise clusters.PeerLost(clusters.peer_lost_message(exc)) from None
                    raise

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
        self.run.update_manifest(
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
        if status == "finished" and data.val and self.run.model_path.is_file():
            self.evaluate_best(data.val)
        write_model_card(self.run)
        if note:
            self.emit(Message(note, "warning" if status == "diverged" else "info"))
        return RunFinished(self.run.path, status, self.best_epoch, self.best_value, self.monitor, note=note)


class _StoppedEarly(Exception):
    pass


def _run(job: _Job, emit: Emit) -> RunFinished:
    try:
        return _finish(job, emit)
    finally:
        job.release()
        if not job.keeps_run and job.run is not None:
            shutil.rmtree(job.run.path, ignore_errors=True)  # a cluster worker's temporary folder


def _relative(path: Path, root: Path) -> str:
    try:
        return str(Path(path).relative_to(root))
    except ValueError:
        return str(path)


def _finish(job: _Job, emit: Emit) -> RunFinished:
    try:
        result = job.run_fit()
    except _StoppedEarly:
        result = RunFinished(Path(), "stopped", None, None, job.monitor, say("stopped before training began"))
    except OutOfMemory as exc:
        if job.run is None:
            raise
        job.run.update_manifest(status="failed", error=str(exc), said={"error": to_record(message_of(exc))})
        result = RunFinished(job.run.path, "failed", job.best_epoch, job.best_value, job.monitor, message_of(exc),
                             retry_batch_size=exc.batch_size // 2 or None)
    except BaseException as exc:
        if job.run is not None:
            job.run.update_manifest(status="failed", error=f"{type(exc).__name__}: {exc}",
                                    said={"error": to_record(message_of(exc))})
            emit(RunFinished(job.run.path, "failed", job.best_epoch, job.best_value, job.monitor, message_of(exc)))
        raise
    emit(result)
    return result


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
    return _run(_Job(config, host, emit, stop or threading.Event(), pause), emit)


def resume(
    run_dir: str | Path,
    host: PluginHost,
    emit: Emit = no_emit,
    stop: threading.Event | None = None,
    pause: threading.Event | None = None,
    *,
    more_epochs: int = 0,
    learning_rate: float | None = None,
) -> RunFinished:
    """Continue a stopped, failed, diverged or interrupted run from its last finished epoch.

    The model, the optimizer's state (step count, moments) and so the learning-rate
    schedule continue where they were; `more_epochs` extends the run beyond its planned
    epochs (the only way to go on with a finished run); `learning_rate` replaces the
    rate from here on (a diverged run goes on from its last good epoch at a lower one).
    """
    run = RunFolder(Path(run_dir))
    manifest = run.read_manifest()
    status = effective_status(manifest)
    if status not in RESUMABLE:
        raise ValueError(say("{0}: the run is {1}; only a run that is not being trained can be resumed", run.path, status))
    if not run.checkpoint_path.is_file():
        raise ValueError(say("{0}: no checkpoint of a finished epoch to resume from (it ended in its first epoch)", run.path))
    if more_epochs < 0:
        raise ValueError(say("more epochs must be 0 or more, not {0}", more_epochs))
    config = TrainConfig.from_manifest(manifest["training"])
    done = int(manifest.get("epochs_done", 0))
    config.epochs = max(config.epochs, done) + more_epochs
    if done >= config.epochs:
        raise ValueError(say("{0}: all {1} epochs are done; give a number of epochs to add", run.path, config.epochs))
    if learning_rate is not None:
        config.learning_rate = learning_rate
        config.validate()
    job = _Job(config, host, emit, stop or threading.Event(), pause, resume_from=run, new_rate=learning_rate is not None)
    return _run(job, emit)
