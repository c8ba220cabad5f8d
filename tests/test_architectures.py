"""The built-in architectures: exact parameter counts, safe-mode save/load, one training step each,
the smallest input each can take, and the optimizers and schedules they are trained with."""

from __future__ import annotations

import numpy as np
import pytest

from alexnet_desktop.core.model.model_files import load_model_file
from alexnet_desktop.core.model.models import build_classifier
from alexnet_desktop.core.model.summary import model_summary

BUILT_IN = ("alexnet", "alexnet-bn", "alexnet-dropout", "alexnet-bn-dropout", "small-cnn")


@pytest.mark.parametrize(
    "arch_id, classes, size, total",
    [
        pytest.param("alexnet", 1000, 227, 60_965_224, marks=pytest.mark.slow),  # the paper
        ("alexnet-bn", 6, 227, 58_311_430),  # seed 000
        ("alexnet-dropout", 2, 227, 58_290_562),  # seed 001's summary()
        ("small-cnn", 10, 32, 276_138),  # seed 003's summary()
    ],
)
def test_exact_parameter_counts(host, arch_id, classes, size, total):
    assert model_summary(host.architecture(arch_id), classes, size).total == total


def test_seed_004_normalises_the_input_and_every_layer_with_dropout_between_dense_layers(host):
    model = host.architecture("alexnet-bn-dropout").build(17, (224, 224, 3))
    kinds = [type(layer).__name__ for layer in model.layers]
    assert kinds[1] == "BatchNormalization"  # the input, before the first convolution
    convs_and_dense = [i for i, k in enumerate(kinds) if k in ("Conv2D", "Dense")][:-1]  # all but the softmax
    assert len(convs_and_dense) == 7
    assert all(kinds[i + 1] == "BatchNormalization" for i in convs_and_dense)
    dropouts = [layer for layer in model.layers if type(layer).__name__ == "Dropout"]
    assert [d.rate for d in dropouts] == [0.4, 0.4]
    assert model.layers[-1].output.shape[-1] == 17


def test_lrn_matches_the_paper_formula():
    from alexnet_desktop.core.model.layers import LocalResponseNormalization

    x = np.random.default_rng(0).normal(size=(2, 3, 3, 7)).astype("float32") * 10
    got = np.asarray(LocalResponseNormalization()(x))
    sq = np.pad(x**2, [(0, 0)] * 3 + [(2, 2)])
    window = sum(sq[..., i : i + 7] for i in range(5))
    assert np.allclose(got, x / (2 + 1e-4 * window) ** 0.75, rtol=1e-5)


@pytest.mark.parametrize("arch_id", BUILT_IN)
def test_safe_mode_round_trip_and_one_training_step(host, arch_id, tmp_path):
    arch = host.architecture(arch_id)
    size = arch.min_input_size
    model = build_classifier(arch, 3, size)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    images = np.random.default_rng(1).integers(0, 256, (2, size, size, 3), dtype=np.uint8)
    loss = float(model.train_on_batch(images, np.array([0, 2])))
    assert np.isfinite(loss)
    path = tmp_path / "m.keras"
    model.save(path)
    loaded = load_model_file(path)  # safe_mode=True
    assert np.allclose(loaded.predict_on_batch(images), model.predict_on_batch(images), atol=1e-5)


@pytest.mark.parametrize("arch_id", BUILT_IN)
def test_too_small_input_is_refused_with_the_smallest_size(host, arch_id):
    from alexnet_desktop.core.model.models import check_input_size

    arch = host.architecture(arch_id)
    with pytest.raises(ValueError, match=str(arch.min_input_size)):
        check_input_size(arch, arch.min_input_size - 1)


@pytest.mark.parametrize("arch_id", BUILT_IN)
def test_the_declared_minimum_is_the_true_one(host, arch_id):
    """At the minimum every feature map keeps at least one pixel; one pixel less, some map is empty."""
    arch = host.architecture(arch_id)

    def smallest_map(size):
        try:
            model = arch.build(2, (size, size, 3))
        except ValueError:  # Keras refuses a kernel larger than its input
            return 0
        return min(min(layer.output.shape[1:3]) for layer in model.layers if len(layer.output.shape) == 4)

    assert smallest_map(arch.min_input_size) >= 1
    assert smallest_map(arch.min_input_size - 1) < 1


def test_step_and_cosine_schedules_follow_the_step_count():
    from alexnet_desktop.core.training.optimization import OptimizerSettings, current_learning_rate

    step = OptimizerSettings("sgd", 0.1, lr_schedule="step", lr_step_epochs=2, lr_factor=0.5).build(steps_per_epoch=10, epochs=6)
    cosine = OptimizerSettings("adam", 0.1, lr_schedule="cosine").build(steps_per_epoch=10, epochs=6)
    rates = {}
    for opt in (step, cosine):
        rates[opt] = []
        for iterations in (0, 19, 20, 30, 60):
            opt.iterations.assign(iterations)
            rates[opt].append(round(current_learning_rate(opt), 6))
    assert rates[step] == [0.1, 0.1, 0.05, 0.05, 0.0125]
    assert rates[cosine][0] == 0.1 and rates[cosine][3] == pytest.approx(0.05) and rates[cosine][4] == 0.0
    assert step.momentum == 0.9


@pytest.mark.parametrize(
    "change, message",
    [({"optimizer": "adagrad"}, "unknown optimizer"), ({"learning_rate": 0.0}, "learning rate"),
     ({"lr_schedule": "exp"}, "schedule"), ({"lr_factor": 1.5}, "factor"), ({"momentum": 1.0}, "momentum")],
)
def test_bad_optimizer_settings_are_refused(change, message):
    from alexnet_desktop.core.training.optimization import OptimizerSettings

    with pytest.raises(ValueError, match=message):
        OptimizerSettings(**change).validate()


def test_every_recipe_is_valid_settings(host):
    from alexnet_desktop.core.training.optimization import OptimizerSettings

    for arch_id in BUILT_IN:
        recipe = host.architecture(arch_id).recipe
        assert recipe is not None, arch_id
        settings = recipe.settings()
        OptimizerSettings(**{k: v for k, v in settings.items() if k not in ("batch_size", "epochs")}).validate()
