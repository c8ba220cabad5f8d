"""The AlexNet family: exact parameter counts, safe-mode save/load, one training step each."""

from __future__ import annotations

import numpy as np
import pytest

from alexnet_desktop.core.models import build_classifier, load_model_file
from alexnet_desktop.core.summary import model_summary

BUILT_IN = ("alexnet", "alexnet-bn", "alexnet-dropout")


@pytest.mark.parametrize(
    "arch_id, classes, total",
    [("alexnet", 1000, 60_965_224), ("alexnet-bn", 6, 58_311_430), ("alexnet-dropout", 2, 58_290_562)],
)
def test_exact_parameter_counts(host, arch_id, classes, total):
    assert model_summary(host.architecture(arch_id), classes, 227).total == total


def test_lrn_matches_the_paper_formula():
    from alexnet_desktop.core.layers import LocalResponseNormalization

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
    from alexnet_desktop.core.models import check_input_size

    arch = host.architecture(arch_id)
    with pytest.raises(ValueError, match=str(arch.min_input_size)):
        check_input_size(arch, arch.min_input_size - 1)
