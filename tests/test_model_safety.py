"""Hostile and damaged model files are refused before any of their code can run; the app's
own models carry a SHA-256 in their run; saving survives a failure half-way."""

from __future__ import annotations

import errno
import json
import os
import pickle
import sys
import zipfile
from pathlib import Path

import pytest

from alexnet_desktop.core.runs.manifest import RunManifest
from alexnet_desktop.core.files import sha256_file
from alexnet_desktop.core.model.model_files import ModelChangedError, UnsafeModelError, load_model_file
from alexnet_desktop.core.model.loaded import load_for_prediction
from alexnet_desktop.core.files import atomic_write_text
from alexnet_desktop.core.runs.folder import RunFolder
from alexnet_desktop.core.tf_runtime import keras


def _tiny_model(extra=None):
    k = keras()
    inputs = k.Input((8, 8, 3))
    x = k.layers.Flatten()(inputs)
    if extra is not None:
        x = extra(x)
    return k.Model(inputs, k.layers.Dense(2, activation="softmax")(x))


def _save(model, path: Path) -> Path:
    model.save(str(path))
    (path.parent / "labels.txt").write_text("a\nb\n")
    path.with_name(path.stem + ".input.json").write_text('{"input_scale": "0-255"}')  # it takes raw pixels
    return path


def _rewrite_config(src: Path, dest: Path, change) -> Path:
    """Copy the .keras archive `src` to `dest` with its config.json passed through `change`."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "config.json":
                config = json.loads(data)
                change(config)
                data = json.dumps(config).encode()
            zout.writestr(item, data)
    (dest.parent / "labels.txt").write_text("a\nb\n")
    return dest


@pytest.fixture
def sentinel(tmp_path) -> Path:
    path = tmp_path / "SENTINEL_code_ran"
    yield path
    assert not path.exists(), "code from a model file ran"


def test_a_lambda_layer_is_refused_and_its_code_never_runs(tmp_path, sentinel):
    k = keras()
    marker = str(sentinel)
    # The lambda runs once while the model is built here; the file must never run it again.
    lam = k.layers.Lambda(lambda x: (open(marker, "w").close(), x)[1])
    path = _save(_tiny_model(lam), tmp_path / "lambda.keras")
    sentinel.unlink()
    with pytest.raises(UnsafeModelError, match="Lambda layer"):
        load_for_prediction(path)
    with pytest.raises(UnsafeModelError, match="Lambda layer"):
        load_model_file(path)


def test_a_config_that_names_an_outside_module_is_refused_before_it_is_imported(tmp_path, sentinel, monkeypatch):
    # A module that would announce its import: the attack is to make the loader import it.
    plant = tmp_path / "planted"
    plant.mkdir()
    (plant / "evil_sentinel_mod.py").write_text(
        f"open({str(sentinel)!r}, 'w').close()\nclass Boom:\n    pass\n")
    monkeypatch.syspath_prepend(str(plant))
    good = _save(_tiny_model(), tmp_path / "good.keras")

    def plant_module(config):
        dense = config["config"]["layers"][-1]
        dense["module"], dense["class_name"], dense["registered_name"] = "evil_sentinel_mod", "Boom", None

    (tmp_path / "bad").mkdir()
    bad = _rewrite_config(good, tmp_path / "bad" / "m.keras", plant_module)
    with pytest.raises(UnsafeModelError, match="evil_sentinel_mod"):
        load_for_prediction(bad)
    assert "evil_sentinel_mod" not in sys.modules


def test_unsafe_deserialization_of_a_function_from_os_is_refused(tmp_path, sentinel):
    good = _save(_tiny_model(), tmp_path / "good.keras")

    def os_system_activation(config):
        dense = config["config"]["layers"][-1]
        dense["config"]["activation"] = {"module": "os", "class_name": "function", "config": "system",
                                         "registered_name": "function"}

    (tmp_path / "bad").mkdir()
    bad = _rewrite_config(good, tmp_path / "bad" / "m.keras", os_system_activation)
    with pytest.raises(UnsafeModelError, match="module 'os'"):
        load_for_prediction(bad)

    def lambda_bytecode(config):
        dense = config["config"]["layers"][-1]
        dense["config"]["activation"] = {"class_name": "__lambda__", "config": {"value": "AAAA"}}

    bad2 = _rewrite_config(good, tmp_path / "bad" / "m2.keras", lambda_bytecode)
    with pytest.raises(UnsafeModelError, match="serialised Python code"):
        load_model_file(bad2)


def test_truncated_and_fake_archives_are_refused_with_the_reason(tmp_path):
    good = _save(_tiny_model(), tmp_path / "good.keras")
    data = good.read_bytes()
    truncated = tmp_path / "truncated.keras"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnsafeModelError, match="truncated"):
        load_for_prediction(truncated)
    # A whole archive whose weights were damaged in place: refused when Keras reads them.
    damaged = tmp_path / "damaged.keras"
    with zipfile.ZipFile(good) as z:
        info = z.getinfo("model.weights.h5")
    raw = bytearray(data)
    raw[info.header_offset + 30 + len(info.filename) + info.compress_size // 2] ^= 0xFF
    damaged.write_bytes(bytes(raw))
    (tmp_path / "damaged.labels.txt").write_text("a\nb\n")
    with pytest.raises(UnsafeModelError, match="cannot be loaded"):
        load_for_prediction(damaged)
    not_zip = tmp_path / "text.keras"
    not_zip.write_text("hello")
    with pytest.raises(UnsafeModelError, match="not a whole .keras file"):
        load_model_file(not_zip)
    no_config = tmp_path / "empty.keras"
    with zipfile.ZipFile(no_config, "w") as z:
        z.writestr("model.weights.h5", b"")
    with pytest.raises(UnsafeModelError, match="no config.json"):
        load_model_file(no_config)
    escape = tmp_path / "escape.keras"
    with zipfile.ZipFile(escape, "w") as z:
        z.writestr("config.json", "{}")
        z.writestr("../../outside.txt", "x")
    with pytest.raises(UnsafeModelError, match="outside itself"):
        load_model_file(escape)


class _Evil:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.mark.parametrize("name, words", [
    ("model.h5", "legacy HDF5"), ("model.hdf5", "legacy HDF5"), ("model.pkl", "pickle"),
    ("model.pickle", "pickle"), ("model.pt", "PyTorch"), ("weights.bin", "only .keras"),
])
def test_legacy_and_pickled_models_are_refused_by_name(tmp_path, sentinel, name, words):
    path = tmp_path / name
    path.write_bytes(pickle.dumps(_Evil(str(sentinel))))
    (tmp_path / "labels.txt").write_text("a\nb\n")
    with pytest.raises(UnsafeModelError, match=words):
        load_for_prediction(path)


def _run_with_model(tmp_path) -> RunFolder:
    run = RunFolder.create(tmp_path / "runs", "tiny", "data")
    RunManifest.from_record({"class_names": ["a", "b"], "image_size": 8, "status": "finished"}).write(run.path)
    run.write_labels(["a", "b"])
    model = _tiny_model()
    model.compile("sgd", "sparse_categorical_crossentropy")
    run.save_checkpoint(model)
    run.save_model(model)
    return run


def test_saved_models_carry_their_hash_and_a_changed_file_is_refused_before_loading(tmp_path, monkeypatch):
    run = _run_with_model(tmp_path)
    manifest = run.manifest()
    assert manifest.sha256["model.keras"] == [sha256_file(run.model_path)]
    assert manifest.sha256["checkpoint.keras"] == [sha256_file(run.checkpoint_path)]
    assert load_for_prediction(run.path).class_names == ["a", "b"]
    # Someone puts another (valid, harmless) model in its place.
    other = tmp_path / "other.keras"
    _tiny_model().save(str(other))
    run.model_path.unlink()  # the model is a hard link of the checkpoint: do not write through it
    os.replace(other, run.model_path)
    called = []
    monkeypatch.setattr(keras().saving, "load_model", lambda *a, **k: called.append(a))
    with pytest.raises(ModelChangedError, match="changed after this app saved it"):
        load_for_prediction(run.path)
    assert not called, "the changed model reached Keras"
    # As a plain model file, chosen on purpose, it loads (the user asked for that file).
    monkeypatch.undo()
    assert load_for_prediction(run.model_path).class_names == ["a", "b"]


def test_a_save_that_fails_half_way_leaves_the_previous_model_and_its_record(tmp_path, monkeypatch):
    run = _run_with_model(tmp_path)
    before = run.model_path.read_bytes()
    manifest_before = run.manifest()

    def disk_full_mid_save(self, filepath, *args, **kwargs):
        Path(filepath).write_bytes(b"PK\x03\x04 half a model")
        raise OSError(errno.ENOSPC, "No space left on device")

    model = _tiny_model()
    monkeypatch.setattr(type(model), "save", disk_full_mid_save)
    with pytest.raises(OSError, match="No space left"):
        run.save_model(model)
    assert run.model_path.read_bytes() == before
    assert run.manifest() == manifest_before
    assert not [p.name for p in run.path.iterdir() if p.name.startswith(".")], "a temporary file was left"
    monkeypatch.undo()
    assert load_for_prediction(run.path).class_names == ["a", "b"]

    # A crash between recording the new hash and the rename: both files stay acceptable.
    real_replace = os.replace

    def crash_on_rename(src, dst):
        if Path(dst).name == "model.keras":
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash_on_rename)
    with pytest.raises(OSError):
        run.save_model(_tiny_model())
    monkeypatch.undo()
    assert run.model_path.read_bytes() == before
    assert len(run.manifest().sha256["model.keras"]) == 2
    assert load_for_prediction(run.path).class_names == ["a", "b"]


def test_an_atomic_text_write_that_fails_leaves_the_old_text(tmp_path, monkeypatch):
    (tmp_path / "run").mkdir()
    target = tmp_path / "run" / "run.json"
    target.write_text('{"old": true}')

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_text(target, '{"new": true}')
    assert target.read_text() == '{"old": true}'
    assert [p.name for p in target.parent.iterdir()] == ["run.json"]


def test_a_registered_function_does_not_make_python_modules_trusted(tmp_path, monkeypatch):
    import builtins

    from alexnet_desktop.core.model import model_files

    # Even with builtins.exec (or any standard-library function) in Keras's registry of custom
    # objects, a config naming the standard library is refused.
    registry = dict(keras().saving.get_custom_objects())
    registry["exec"] = builtins.exec
    monkeypatch.setattr(keras().saving, "get_custom_objects", lambda: registry)
    assert not any(m in ("builtins", "os") for m in model_files._trusted_modules())
    good = _save(_tiny_model(), tmp_path / "good.keras")

    def exec_activation(config):
        config["config"]["layers"][-1]["config"]["activation"] = {
            "module": "builtins", "class_name": "function", "config": "exec", "registered_name": "function"}

    (tmp_path / "bad").mkdir()
    bad = _rewrite_config(good, tmp_path / "bad" / "m.keras", exec_activation)
    with pytest.raises(UnsafeModelError, match="module 'builtins'"):
        load_model_file(bad)
