"""The training job: Keras `fit` driven by callbacks that emit events, the same for GUI and CLI.

`train(config, host, emit, stop)` loads and checks the data, builds the model, makes a
run folder, fits, and keeps the best model. `emit` receives the events below; setting
`stop` ends the run after the current batch, keeping the best model so far.
"""

from __future__ import annotations

import math
import platform
import threading
import time
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from alexnet_desktop import __version__
from alexnet_desktop.core.augment import Augmentation, build_augmenter
from alexnet_desktop.core.datasets import Dataset, Split
from alexnet_desktop.core.events import Emit, Message, no_emit
from alexnet_desktop.core.models import PREPROCESSING, build_classifier, check_input_size
from alexnet_desktop.core.optimization import OptimizerSettings, current_learning_rate
from alexnet_desktop.core.pipeline import SkippedFiles, image_dataset
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.runs import RunFolder
from alexnet_desktop.core.scan import find_leaks, scan_dataset
from alexnet_desktop.core.tf_runtime import device_summary, keras, tensorflow


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
    runs_dir: str = ""
    steps_per_epoch: int | None = None  # cap on batches per epoch, for smoke tests

    def validate(self) -> None:
        """Raise ValueError with a plain message for a setting that cannot work."""
        if self.epochs < 1:
            raise ValueError(f"epochs must be at least 1, not {self.epochs}")
        if self.batch_size < 1:
            raise ValueError(f"batch size must be at least 1, not {self.batch_size}")
        super().validate()
        if not 0 <= self.val_split < 1:
            raise ValueError(f"validation split must be in [0, 1), not {self.val_split}")
        if self.val_source not in ("split", "test"):
            raise ValueError(f"validation source must be 'split' or 'test', not {self.val_source!r}")
        Augmentation.from_dict(self.augmentation)
        if not self.runs_dir:
            raise ValueError("no runs folder given")


@dataclass(frozen=True)
class RunStarted:
    """The run folder exists and fitting begins."""

    run_dir: Path
    class_names: list[str]
    epochs: int
    steps_per_epoch: int
    train_count: int
    val_count: int
    device: str


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

    def metrics_text(self) -> str:
        """The epoch's metrics on one line, as the CLI and the Train page's log show them."""
        return "  ".join(f"{k} {v:.3g}" if k == "learning_rate" else f"{k} {v:.4f}" for k, v in self.logs.items())


@dataclass(frozen=True)
class RunFinished:
    """The run ended; status is "finished", "stopped" or "failed"."""

    run_dir: Path
    status: str
    best_epoch: int | None  # 1-based, as shown to users
    best_value: float | None
    monitor: str
    error: str = ""


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
        raise FileNotFoundError(f"{data}: no such file or folder")
    loader = host.loader(loader_id) if loader_id else host.best_loader(Path(data))
    opts = loader.default_options()
    unknown = set(options) - set(opts)
    if unknown:
        raise ValueError(f"loader {loader.id!r} has no option(s) {', '.join(sorted(unknown))}")
    by_name = {o.name: o for o in loader.options}
    opts.update({k: by_name[k].coerce(v) for k, v in options.items()})
    return loader.load(Path(data), **opts)


def _make_callback(job: "_Job") -> Any:
    class EventCallback(keras().callbacks.Callback):
        """Turns Keras callbacks into events, honours the stop event, keeps the best model."""

        def on_epoch_begin(self, epoch, logs=None):
            job.epoch_start = time.perf_counter()
            job.batch_clock = job.epoch_start
            job.epoch_learning_rate = current_learning_rate(self.model.optimizer)

        def on_train_batch_end(self, batch, logs=None):
            now = time.perf_counter()
            rate = job.config.batch_size / max(now - job.batch_clock, 1e-9)
            job.batch_clock = now
            logs = logs or {}
            job.emit(
                BatchEnded(
                    job.epoch,
                    batch + 1,
                    job.steps,
                    float(logs.get("loss", float("nan"))),
                    float(logs.get("accuracy", float("nan"))),
                    rate,
                )
            )
            if job.stop.is_set():
                self.model.stop_training = True

        def on_test_batch_begin(self, batch, logs=None):
            if job.stop.is_set():
                self.model.stop_evaluating = True

        def on_epoch_end(self, epoch, logs=None):
            if job.stop.is_set():
                return  # a cut-short epoch is not a result: its metrics are partial
            logs = {k: float(v) for k, v in (logs or {}).items()}
            # The rate the epoch began with: for a step schedule, the epoch's rate; for
            # reduce-on-plateau, the rate before this epoch's result could lower it.
            logs["learning_rate"] = job.epoch_learning_rate
            job.end_epoch(epoch, logs)

    return EventCallback()


class _Job:
    def __init__(self, config: TrainConfig, host: PluginHost, emit: Emit, stop: threading.Event) -> None:
        self.config, self.host, self.emit, self.stop = config, host, emit, stop
        self.epoch = 0
        self.steps = 0
        self.history: list[dict[str, Any]] = []
        self.best_value: float | None = None
        self.best_epoch: int | None = None
        self.monitor = "val_accuracy"
        self.run: RunFolder | None = None
        self.model: Any = None
        self.epoch_start = self.batch_clock = 0.0
        self.epoch_learning_rate = float("nan")

    def end_epoch(self, epoch: int, logs: dict[str, float]) -> None:
        seconds = time.perf_counter() - self.epoch_start
        value = logs.get(self.monitor)
        is_best = value is not None and math.isfinite(value) and (self.best_value is None or value > self.best_value)
        if is_best:
            self.best_value, self.best_epoch = value, epoch + 1
            self.run.save_model(self.model)
        self.history.append({"epoch": epoch + 1, **logs, "seconds": round(seconds, 3)})
        self.run.write_history(self.history)
        self.run.update_manifest(
            epochs_done=epoch + 1,
            best_epoch=self.best_epoch,
            best={"metric": self.monitor, "value": self.best_value},
            updated=time.strftime("%Y-%m-%dT%H:%M:%S"),
        )
        self.emit(EpochEnded(epoch, logs, seconds, is_best))
        self.epoch = epoch + 1

    def run_fit(self) -> RunFinished:
        cfg = self.config
        cfg.validate()
        arch = self.host.architecture(cfg.arch)
        image_size = cfg.image_size or arch.default_input_shape[0]
        check_input_size(arch, image_size)

        self.emit(Message(f"Reading {cfg.data}"))
        dataset = load_dataset(self.host, cfg.data, cfg.loader, cfg.loader_options)
        self.emit(Message(f"Checking {len(dataset.samples) + len(dataset.test_samples)} images"))
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
                raise ValueError(f"{cfg.data}: validation on the test part was asked for, but the dataset has no usable test images")
        leaks = find_leaks(train_samples, val_samples, report.digests)
        if leaks:
            self.emit(Message(
                f"{len(leaks)} validation image(s) are identical to training images: the validation score will be too high",
                "warning",
            ))
        classes = sorted({s.label for s in train_samples})
        if len(classes) < 2:
            raise ValueError(f"{cfg.data}: training needs images of at least 2 classes, found {len(classes)}")
        class_names = list(dataset.class_names)
        missing = [c for c in class_names if c not in classes]
        if missing:
            self.emit(Message(f"No usable training images for class(es) {', '.join(missing)}", "warning"))

        self.emit(Message("Loading TensorFlow"))
        k = keras()
        k.utils.set_random_seed(cfg.seed)
        device = device_summary()
        self.model = build_classifier(arch, len(class_names), image_size)
        skipped = SkippedFiles()
        augmentation = Augmentation.from_dict(cfg.augmentation)
        train_ds = image_dataset(
            train_samples, class_names, image_size, cfg.batch_size, shuffle=True, seed=cfg.seed, skipped=skipped,
            augmenter=build_augmenter(augmentation, image_size, cfg.seed),
        )
        val_ds = (
            image_dataset(val_samples, class_names, image_size, cfg.batch_size, shuffle=False, seed=cfg.seed, skipped=skipped)
            if val_samples
            else None
        )
        self.monitor = "val_accuracy" if val_ds is not None else "accuracy"
        self.steps = math.ceil(len(train_samples) / cfg.batch_size)
        if cfg.steps_per_epoch:
            self.steps = min(self.steps, cfg.steps_per_epoch)
            train_ds = train_ds.take(self.steps)
        optimization = OptimizerSettings.from_config(cfg)
        self.model.compile(
            optimizer=optimization.build(self.steps, cfg.epochs),
            loss="sparse_categorical_crossentropy",
            metrics=["accuracy"],
        )

        self.run = RunFolder.create(Path(cfg.runs_dir), arch.id, Path(cfg.data).name)
        self.run.write_labels(class_names)
        self.run.write_manifest(
            {
                "format": 1,
                "status": "running",
                "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "architecture": {"id": arch.id, "name": arch.name, "reference": arch.reference},
                "dataset": {
                    "root": str(Path(cfg.data).resolve()),
                    "loader": dataset.loader_id,
                    "options": dataset.options,
                    "fingerprint": dataset.fingerprint(),
                    "counts": report.counts(),
                    "train_count": len(train_samples),
                    "val_count": len(val_samples),
                    "rejected": [{"path": str(p), "reason": r} for p, r in report.rejected],
                },
                "class_names": class_names,
                "split": {
                    "source": cfg.val_source,
                    "val_fraction": split.val_fraction,
                    "seed": split.seed,
                    "stratified": split.stratified,
                    "duplicates_kept_together": True,
                    "leaks": [{"val": str(v), "train": str(t)} for v, t in leaks],
                },
                "image_size": image_size,
                "preprocessing": PREPROCESSING,
                "augmentation": augmentation.to_dict(),
                "optimization": {**asdict(optimization), "summary": optimization.describe()},
                "training": asdict(cfg),
                "device": device,
                "versions": _versions(),
                "epochs_done": 0,
                "best_epoch": None,
                "best": {"metric": self.monitor, "value": None},
            }
        )
        self.emit(RunStarted(self.run.path, class_names, cfg.epochs, self.steps, len(train_samples), len(val_samples), device))
        with warnings.catch_warnings():
            # Keras warns that a tf.data input "ran out of data" whenever its length is
            # unknown (dropping undecodable files makes it so); that is expected here.
            warnings.filterwarnings("ignore", message=".*ran out of data.*")
            warnings.filterwarnings("ignore", message=".*`shuffle=True` was passed.*")
            self.model.fit(
                train_ds,
                validation_data=val_ds,
                epochs=cfg.epochs,
                callbacks=[_make_callback(self), *optimization.callbacks(val_ds is not None)],
                verbose=0,
            )
        status = "stopped" if self.stop.is_set() else "finished"
        if self.best_epoch is None:
            # Stopped inside the first epoch: keep what was learnt, marked as no epoch's best.
            self.run.save_model(self.model)
        self.run.update_manifest(
            status=status,
            skipped_files=[{"path": p, "reason": r} for p, r in skipped.items()],
            finished=time.strftime("%Y-%m-%dT%H:%M:%S"),
        )
        for p, r in skipped.items():
            self.emit(Message(f"Skipped {p}: {r}", "warning"))
        return RunFinished(self.run.path, status, self.best_epoch, self.best_value, self.monitor)


class _StoppedEarly(Exception):
    pass


def train(
    config: TrainConfig, host: PluginHost, emit: Emit = no_emit, stop: threading.Event | None = None
) -> RunFinished:
    """Run one training job to its end and return how it ended (also emitted as `RunFinished`).

    Errors in the data or settings raise before a run folder is made; an error during
    fitting marks the run "failed" with the message, then raises.
    """
    job = _Job(config, host, emit, stop or threading.Event())
    try:
        result = job.run_fit()
    except _StoppedEarly:
        result = RunFinished(Path(), "stopped", None, None, job.monitor, "stopped before training began")
    except BaseException as exc:
        if job.run is not None:
            job.run.update_manifest(status="failed", error=f"{type(exc).__name__}: {exc}")
            emit(RunFinished(job.run.path, "failed", job.best_epoch, job.best_value, job.monitor, str(exc)))
        raise
    emit(result)
    return result
