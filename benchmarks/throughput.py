"""R1-R3: training and prediction images/s through the app's pipeline, against the bare
model on preloaded tensors and against the seeds' own Keras pipelines.

Every comparison runs its variants in turn within each repetition (A, B, A, B, ...) and
compares medians, so a neighbour's load on a shared machine hits both sides alike.
"""

from __future__ import annotations

import statistics
import time
import warnings
from pathlib import Path
from typing import Any, Callable

import numpy as np

from alexnet_desktop.core.data import pipeline
from alexnet_desktop.core.data.augment import build_augmenter, preset
from alexnet_desktop.core.data.datasets import Sample
from alexnet_desktop.core.data.images import decode_image
from alexnet_desktop.core.model.models import build_classifier
from alexnet_desktop.core.training.optimization import OptimizerSettings
from alexnet_desktop.core.data.pipeline import SkippedFiles, image_dataset
from alexnet_desktop.core.plugins import default_host
from alexnet_desktop.core.model.loaded import LoadedModel
from alexnet_desktop.core.labelling.predict import predict_files
from alexnet_desktop.core.tf_runtime import keras, tensorflow

warnings.filterwarnings("ignore", message=".*`shuffle=True` was passed.*")
warnings.filterwarnings("ignore", message=".*PyDataset.*")
warnings.filterwarnings("ignore", message=".*ran out of data.*")


class Setup:
    """The folder, its samples and the model settings every measurement here shares."""

    def __init__(self, folder: Path, arch_id: str, image_size: int, batch_size: int, steps: int) -> None:
        self.folder, self.image_size, self.batch_size, self.steps = folder, image_size, batch_size, steps
        self.arch = default_host().architecture(arch_id)
        self.class_names = sorted(p.name for p in folder.iterdir() if p.is_dir())
        self.samples = [Sample(f, c) for c in self.class_names for f in sorted((folder / c).glob("*.jpg"))]
        self.files = [s.path for s in self.samples]
        self._preloaded: tuple[np.ndarray, np.ndarray] | None = None

    def preloaded(self) -> tuple[np.ndarray, np.ndarray]:
        """Every image decoded once (by the app's decoder) into one uint8 array, with labels."""
        if self._preloaded is None:
            x = np.stack([decode_image(f, size=self.image_size) for f in self.files])
            index = {c: i for i, c in enumerate(self.class_names)}
            y = np.array([index[s.label] for s in self.samples], dtype=np.int32)
            self._preloaded = (x, y)
        return self._preloaded

    def app_model(self, jit_compile: Any = "auto") -> Any:
        """The model as the app trains it: uint8 input, rescaled inside, compiled as in training."""
        model = build_classifier(self.arch, len(self.class_names), self.image_size)
        return self._compile(model, jit_compile)

    def float_model(self) -> Any:
        """The same network taking float images in [0, 1], as the seeds' generators feed it."""
        model = self.arch.build(len(self.class_names), (self.image_size, self.image_size, 3))
        return self._compile(model, "auto")

    def _compile(self, model: Any, jit_compile: Any) -> Any:
        model.compile(
            optimizer=OptimizerSettings().build(self.steps, 1),
            loss="sparse_categorical_crossentropy",
            metrics=["accuracy"],
            jit_compile=jit_compile,
        )
        return model


def fill_cache(s: Setup, model: Any, data: Any) -> None:
    """One epoch over every image: the app's first epoch, which decodes each file into the cache
    (and traces the training step); the figures are about the epochs after it."""
    model.fit(data, epochs=1, steps_per_epoch=max(1, len(s.samples) // s.batch_size + 1), verbose=0)


def _steady_rate(model: Any, data: Any, steps: int, batch_size: int) -> float:
    """Training images/s of one epoch of `steps` batches, from the end of its first batch on
    (the first batch carries the input pipeline's start-up, which `fit` in the app pays once)."""
    times: list[float] = []
    clock = keras().callbacks.LambdaCallback(on_train_batch_end=lambda batch, logs: times.append(time.perf_counter()))
    model.fit(data, epochs=1, steps_per_epoch=steps, verbose=0, callbacks=[clock])
    return (len(times) - 1) * batch_size / (times[-1] - times[0])


def interleaved(variants: dict[str, Callable[[], float]], reps: int) -> dict[str, float]:
    """The median of each variant's figure over `reps` rounds, the variants taking turns."""
    figures: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(reps):
        for name, measure in variants.items():
            figures[name].append(measure())
    return {name: statistics.median(values) for name, values in figures.items()}


def app_training_data(s: Setup, augmentation: str, cache: Any = None) -> Any:
    """The app's own training stream (`core.pipeline.image_dataset`), as `train` builds it."""
    aug = preset(augmentation)
    return image_dataset(
        s.samples, s.class_names, s.image_size, s.batch_size, shuffle=True, seed=0, skipped=SkippedFiles(),
        augmenter=build_augmenter(aug, s.image_size, 0), repeat=True, cache=cache,
    )


def preloaded_training_data(s: Setup) -> Any:
    """The bare model's input: decoded images already in memory, shuffled and batched."""
    tf = tensorflow()
    x, y = s.preloaded()
    return tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x), seed=0).batch(s.batch_size).repeat().prefetch(2)


def training_race(s: Setup, reps: int, first: tuple[str, Any, Any], second: tuple[str, Any, Any],
                  key: str = "ratio") -> dict[str, float]:
    """Steady training images/s of two (name, model, data) variants, taking turns; with
    `key` the first's rate over the second's."""
    rates = interleaved({name: (lambda m=model, d=data: _steady_rate(m, d, s.steps, s.batch_size))
                         for name, model, data in (first, second)}, reps)
    return {**rates, key: rates[first[0]] / rates[second[0]]}


def r1_training_pipeline(s: Setup, reps: int, augmentation: str = "paper") -> dict[str, float]:
    """R1: the app's pipeline from JPEGs (after its first epoch) over preloaded tensors."""
    model = s.app_model()
    app = app_training_data(s, augmentation)
    bare = preloaded_training_data(s)
    fill_cache(s, model, app)
    model.fit(bare, epochs=1, steps_per_epoch=2, verbose=0)
    return training_race(s, reps, ("app_jpeg_folder", model, app), ("preloaded_tensors", model, bare))


SEED001_GENERATOR = dict(
    zoom_range=[0.8, 1.5], shear_range=0.2, horizontal_flip=True, vertical_flip=True,
    width_shift_range=0.3, height_shift_range=0.3, rotation_range=30,
)


def _image_data_generator(**settings: Any) -> Any:
    # The seeds import it from keras.preprocessing.image; Keras 3 keeps it here (it needs SciPy).
    from keras.src.legacy.preprocessing.image import ImageDataGenerator

    return ImageDataGenerator(rescale=1.0 / 255, **settings)


def seed001_training_data(s: Setup) -> Any:
    """Seed 001's pipeline: ImageDataGenerator with its augmentation, flowing from the folder."""
    return _image_data_generator(**SEED001_GENERATOR).flow_from_directory(
        str(s.folder), target_size=(s.image_size, s.image_size), batch_size=s.batch_size,
        class_mode="sparse", shuffle=True, seed=0,
    )


def r2_seed001_augmentation(s: Setup, reps: int) -> dict[str, float]:
    """R2: the app's pipeline with seed 001's augmentation over the seed's ImageDataGenerator."""
    app_model, seed_model = s.app_model(), s.float_model()
    app, seed = app_training_data(s, "seed001"), seed001_training_data(s)
    fill_cache(s, app_model, app)
    seed_model.fit(seed, epochs=1, steps_per_epoch=2, verbose=0)
    return training_race(s, reps, ("app_seed001_augmentation", app_model, app),
                         ("seed001_image_data_generator", seed_model, seed))


def _rate(count: int, run: Callable[[], Any]) -> float:
    started = time.perf_counter()
    run()
    return count / (time.perf_counter() - started)


def bare_predictors(model: Any) -> dict[str, Callable[[np.ndarray], Any]]:
    """Two ways to run a batch through a model: Keras' `predict_on_batch`, and the model
    called inside one traced `tf.function` (no per-call Keras bookkeeping)."""
    tf = tensorflow()
    call = tf.function(lambda x: model(x, training=False), reduce_retracing=True)
    return {"predict_on_batch": model.predict_on_batch, "tf_function": lambda x: call(x).numpy()}


def r3_prediction(s: Setup, reps: int, predict_batch: int = 64, seed_images: int = 96) -> dict[str, float]:
    """R3: folder prediction (decode included) over bare batched inference on preloaded
    tensors, and over seed 000's `flow_from_directory(batch_size=1)` + `predict`."""
    model, seed_model = s.app_model(), s.float_model()
    loaded = LoadedModel(model, s.class_names, s.image_size, Path("benchmark"))
    x, _ = s.preloaded()
    batches = [x[i : i + predict_batch] for i in range(0, len(x), predict_batch)]
    bare = bare_predictors(model)
    seed_files = min(seed_images, len(x))

    def app() -> float:
        return _rate(len(s.files), lambda: [None for _ in predict_files(loaded, s.files, batch_size=predict_batch)])

    def seed() -> float:
        flow = _image_data_generator().flow_from_directory(
            str(s.folder), target_size=(s.image_size, s.image_size), batch_size=1, class_mode=None, shuffle=False
        )
        return _rate(seed_files, lambda: seed_model.predict(flow, steps=seed_files, verbose=0))

    for f in bare.values():  # trace and warm up each path once
        f(batches[0])
    app()
    seed_model.predict(x[:2].astype("float32") / 255, verbose=0)
    variants = {"app_folder_prediction": app, "seed000_batch1_predict": seed}
    variants.update({f"bare_{name}": (lambda f=f: _rate(len(x), lambda: [f(b) for b in batches])) for name, f in bare.items()})
    rates = interleaved(variants, reps)
    best_bare = max(rates["bare_predict_on_batch"], rates["bare_tf_function"])
    return {
        **rates,
        "ratio_over_bare": rates["app_folder_prediction"] / best_bare,
        "ratio_over_seed000": rates["app_folder_prediction"] / rates["seed000_batch1_predict"],
    }


def lever_decode(s: Setup, count: int = 120) -> dict[str, float]:
    """Milliseconds per image to decode and resize, with and without JPEG draft mode."""
    from PIL import Image

    files = s.files[:count]

    def full(path: Path) -> np.ndarray:
        with Image.open(path) as im:
            return np.asarray(im.convert("RGB").resize((s.image_size, s.image_size), Image.BILINEAR))

    rates = interleaved({
        "draft_ms": lambda: 1000 / _rate(len(files), lambda: [decode_image(f, size=s.image_size) for f in files]),
        "full_decode_ms": lambda: 1000 / _rate(len(files), lambda: [full(f) for f in files]),
    }, 3)
    return {**rates, "speedup": rates["full_decode_ms"] / rates["draft_ms"]}


def lever_cache(s: Setup, reps: int) -> dict[str, float]:
    """Training images/s of the app's pipeline with the decoded-image cache and without it."""
    model = s.app_model()
    with_cache = app_training_data(s, "paper", pipeline.CacheBudget(2**40))
    without = app_training_data(s, "paper", pipeline.CacheBudget(0))
    fill_cache(s, model, with_cache)
    return training_race(s, reps, ("cached", model, with_cache), ("decoded_every_epoch", model, without), "speedup")


def lever_jit(s: Setup, reps: int) -> dict[str, float]:
    """Training images/s on preloaded tensors with XLA (`jit_compile=True`) and without."""
    plain, xla = s.app_model(jit_compile=False), s.app_model(jit_compile=True)
    data = preloaded_training_data(s)
    for m in (plain, xla):
        m.fit(data, epochs=1, steps_per_epoch=2, verbose=0)
    return training_race(s, reps, ("jit_compile", xla, data), ("no_jit", plain, data), "speedup")
