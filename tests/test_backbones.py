"""Keras Applications backbones (plugins/keras_backbones.py) starting from weights found offline.

Weight files are made as Keras makes them: the backbone built with `weights=None`, its
weights written in Keras's HDF5 format under the name `keras.applications` uses for
`weights="imagenet", include_top=False`, in a Keras cache folder ($KERAS_HOME/models). A run
of MobileNetV3-Small at 32 px on a tiny dataset then trains, predicts, evaluates, explains and
exports, each step in a fresh process.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from alexnet_desktop.core.model.model_files import load_model_file
from tests.cli import run_cli, run_in_one_process
from tests.conftest import write_colour_dataset

SMALL = ["--arch", "mobilenet-v3-small", "--image-size", "32", "--batch-size", "4", "--epochs", "3"]
FILE = "weights_mobilenet_v3_small_224_1.0_float_no_top_v2.h5"


def cli(home: Path, keras_home: Path, *args, ok: bool = True) -> subprocess.CompletedProcess:
    return run_cli(*args, ok=ok, timeout=1500, env={"ALEXNET_DESKTOP_HOME": str(home), "KERAS_HOME": str(keras_home)})


def write_keras_weights(path: Path, application: str = "MobileNetV3Small", seed: int = 7, size: int = 32) -> list:
    """A backbone's random weights in Keras's own HDF5 weights format; returns them."""
    import h5py
    import keras
    from keras.src.legacy.saving import legacy_h5_format

    keras.utils.set_random_seed(seed)
    backbone = getattr(keras.applications, application)(input_shape=(size, size, 3), include_top=False,
                                                         weights=None, pooling="avg")
    path.parent.mkdir(parents=True, exist_ok=True)
    with h5py.File(path, "w") as f:
        legacy_h5_format.save_weights_to_hdf5_group(f, backbone)
    return [w.numpy() for w in backbone.weights]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A tiny two-class dataset, a Keras cache holding MobileNetV3-Small's file, and a run on it."""
    root = tmp_path_factory.mktemp("backbones")
    data = write_colour_dataset(root / "data", per_class=8, side=40)
    keras_home = root / "keras"
    expected = write_keras_weights(keras_home / "models" / FILE)
    out = cli(root / "home", keras_home, "train", data, *SMALL, "--run-dir", root / "runs", "--json")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return {"root": root, "data": data, "keras_home": keras_home, "expected": expected,
            "run": Path(result["run_dir"]), "stdout": out.stdout, "result": result}


@pytest.mark.slow
def test_the_cached_file_is_found_recorded_and_frozen_first(lab):
    manifest = json.loads((lab["run"] / "run.json").read_text())
    backbone = manifest["backbone"]
    assert backbone["weights"] == "imagenet" and backbone["file"] == str(lab["keras_home"] / "models" / FILE)
    assert backbone["frozen_epochs"] == 2 and backbone["fine_tune_factor"] == 0.1
    assert "Rescaling(255)" in manifest["preprocessing"]["backbone"]
    assert manifest["status"] == "finished" and manifest["epochs_done"] == 3
    card = (lab["run"] / "model_card.md").read_text()
    assert f"ImageNet weights from Keras's file `{backbone['file']}` (SHA-256 `{backbone['sha256'][:16]}" in card
    assert "frozen for the first 2 epoch(s), then fine-tuned at 0.1 times the rate" in card


@pytest.mark.slow  # the module's trained lab (about 45 s) is built for it
def test_the_weights_went_into_the_backbone_and_were_used(lab):
    """The first epochs leave the loaded backbone untouched (frozen); the model's backbone
    holds exactly the file's weights where training has not moved them."""
    model = load_model_file(lab["run"] / "checkpoint.keras")
    inner = [layer for layer in model.layers if hasattr(layer, "layers")][0]
    backbone = inner.get_layer("MobileNetV3Small")
    got = [w.numpy() for w in backbone.weights]
    assert len(got) == len(lab["expected"])
    # After the thaw, one epoch at a tenth of the rate moved the kernels only a little.
    kernels = [i for i, w in enumerate(backbone.weights) if "kernel" in w.path]
    close = [np.corrcoef(got[i].ravel(), lab["expected"][i].ravel())[0, 1] for i in kernels[:10]]
    assert min(close) > 0.9, close  # still the file's weights, not a fresh random draw
    fresh = write_keras_weights(lab["root"] / "other.h5", seed=99)
    far = [np.corrcoef(got[i].ravel(), fresh[i].ravel())[0, 1] for i in kernels[:10]]
    assert max(np.abs(far)) < 0.5


@pytest.mark.slow
def test_a_run_predicts_evaluates_explains_exports_and_summarises(lab):
    """Each use from a process that did not train the run (one process for all five)."""
    kh, run, data, root = lab["keras_home"], lab["run"], lab["data"], lab["root"]
    done, stderr = run_in_one_process(
        ["predict", run, data / "red"], ["evaluate", run, data],
        ["explain", run, next((data / "red").iterdir()), "--out", root / "maps", "--method", "grad-cam"],
        ["export", run, "--format", "keras", "--out", root / "export" / "model.keras"],
        ["summary", "--arch", "mobilenet-v3-small", "--classes", "2", "--image-size", "32"],
        env={"ALEXNET_DESKTOP_HOME": str(root / "home"), "KERAS_HOME": str(kh)}, timeout=1500)
    assert [d["code"] for d in done] == [0] * 5, stderr[-3000:]
    predicted, evaluated, _, _, summary = (d["out"] for d in done)
    assert "red" in predicted and "accuracy" in evaluated.lower()
    assert any((root / "maps").iterdir()) and (root / "export" / "model.keras").is_file()
    pre = json.loads((root / "export" / "model.preprocessing.json").read_text())["preprocessing"]
    assert "the backbone's own preprocessing" in pre["backbone"]  # recorded with the export too
    assert "MobileNetV3Small" in summary and "params" in summary.lower()
    assert (run / "MODEL_CARD.md").is_file() or any(p.name.lower().startswith("model_card") for p in run.iterdir())


@pytest.mark.slow  # the module's trained lab (about 45 s) is built for it
def test_a_missing_file_names_what_to_copy_and_offers_random_weights(lab, tmp_path):
    empty = tmp_path / "no-keras"
    out = cli(tmp_path / "home", empty, "train", lab["data"], *SMALL, "--run-dir", tmp_path / "runs", ok=False)
    assert out.returncode != 0
    assert FILE in out.stderr and str(empty / "models") in out.stderr and "storage.googleapis.com" in out.stderr
    assert "--backbone-weights FILE or random" in out.stderr and "Backbone weights on the Model page" in out.stderr
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())
    # Training from `--backbone-weights random` with no file anywhere: test_reopen.py's
    # mobilenet-v3-small case, which also exports and reopens that run.


@pytest.mark.slow
def test_a_chosen_file_is_used_and_a_mismatched_one_refused(lab, tmp_path):
    chosen = tmp_path / "my_weights.h5"
    write_keras_weights(chosen, seed=3)
    out = cli(tmp_path / "home", tmp_path / "none", "train", lab["data"], *SMALL, "--epochs", "2",
              "--backbone-weights", chosen, "--backbone-frozen-epochs", "1", "--fine-tune-factor", "0.5",
              "--run-dir", tmp_path / "runs", "--json")
    run = Path(json.loads(out.stdout.strip().splitlines()[-1])["run_dir"])
    manifest = json.loads((run / "run.json").read_text())
    record = manifest["backbone"]
    assert record["weights"] == "file" and record["file"] == str(chosen) and len(record["sha256"]) == 64
    # The user's start instead of the architecture's (2 frozen epochs, then 0.1 times the rate).
    assert (record["frozen_epochs"], record["fine_tune_factor"]) == (1, 0.5)
    assert "From epoch 2 on, the backbone is trained too, at 0.5 times the rate" in out.stderr + out.stdout
    wrong = tmp_path / "large.h5"
    write_keras_weights(wrong, application="MobileNetV3Large")
    out = cli(tmp_path / "home", tmp_path / "none", "train", lab["data"], *SMALL, "--epochs", "1",
              "--backbone-weights", wrong, "--run-dir", tmp_path / "runs2", ok=False)
    assert out.returncode != 0 and str(wrong) in out.stderr and "not the weights MobileNetV3-Small" in out.stderr
    # Keras 3's own weights format, of another network: Keras warns per layer, then fails;
    # the user sees the one error, with Keras's reason.
    other = tmp_path / "resnet.weights.h5"
    _keras3_weights(other, "ResNet50")
    out = cli(tmp_path / "home", tmp_path / "none", "train", lab["data"], *SMALL, "--epochs", "1",
              "--backbone-weights", other, "--run-dir", tmp_path / "runs3", ok=False)
    assert out.returncode != 0 and f"{other}: not the weights MobileNetV3-Small" in out.stderr
    assert "UserWarning" not in out.stderr and "could not be loaded" in out.stderr, out.stderr[-3000:]


def _keras3_weights(path: Path, application: str) -> None:
    import keras

    getattr(keras.applications, application)(input_shape=(32, 32, 3), include_top=False, weights=None,
                                             pooling="avg").save_weights(str(path))


@pytest.mark.slow
def test_every_backbone_builds_with_its_preprocessing_inside():
    """The four backbones build at 32 px behind the app's uint8 input and count their parameters."""
    from alexnet_desktop.core.model.models import build_classifier
    from alexnet_desktop_plugins import keras_backbones

    for arch in keras_backbones.BACKBONES:
        model = build_classifier(arch, 3, 32)
        assert model.input.dtype == "uint8" and model.output_shape == (None, 3)
        assert model.count_params() > 500_000
        names = {layer.name for layer in model.layers[-1].layers}
        assert arch.pretrained.backbone in names
        assert {"to_0_255", "caffe_preprocessing"} & names


def test_loading_fills_exactly_the_backbone_layers(tmp_path):
    """Every backbone variable holds the file's value, in its own layer; the head is untouched."""
    from alexnet_desktop.core.model.backbones import backbone_of, load_backbone_weights
    from alexnet_desktop.core.model.models import build_classifier
    from alexnet_desktop_plugins.keras_backbones import BACKBONES

    arch = BACKBONES[0]
    expected = write_keras_weights(tmp_path / FILE)
    model = build_classifier(arch, 2, 32)
    head = [w.numpy() for w in model.get_layer(index=-1).get_layer("predictions").weights]
    load_backbone_weights(model, arch, tmp_path / FILE)
    got = [w.numpy() for w in backbone_of(model, arch.pretrained.backbone).weights]
    assert len(got) == len(expected) and all(np.array_equal(a, b) for a, b in zip(got, expected))
    after = [w.numpy() for w in model.get_layer(index=-1).get_layer("predictions").weights]
    assert all(np.array_equal(a, b) for a, b in zip(head, after))


def test_the_backbone_start_settings_say_when_they_do_nothing(tmp_path):
    from alexnet_desktop.core.model.backbones import start_warnings
    from alexnet_desktop.core.plugins import PluginHost

    host = PluginHost()
    small, mobile = host.architecture("small-cnn"), host.architecture("mobilenet-v3-small")
    weights = tmp_path / FILE
    assert start_warnings(mobile, weights, 5, None, None) == [] and start_warnings(mobile, weights, 5, 2, 0.5) == []
    assert "has no pretrained backbone" in start_warnings(small, None, 5, 1, None)[0]
    assert "random weights" in start_warnings(mobile, None, 5, None, 0.5)[0]
    assert "leave none of the 2" in start_warnings(mobile, weights, 2, 3, None)[0]
