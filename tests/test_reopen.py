"""Every architecture a plugin registers reopens in a process that did not build it.

A model is trained by `alexnet-desktop train` in one process; every later use runs in a
process that did not build it, as after a restart: `predict`, `evaluate`, `export` (every format
the exporters offer), the exported `.keras` predicted again and `train --resume` in one such
process, and the real window's Predict page with a heat map in another. A process that only loads a model never imported the
module that built it, which is how the published AlexNet's LRN layer once failed to load.
The third-party architecture (tests/layered_plugin.py, installed in the user plugin folder)
brings a layer Keras knows nothing of; only its descriptor's `custom_layers` declares it.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alexnet_desktop.core.plugins import PluginHost
from tests import cli
from tests.conftest import write_colour_dataset

# Every architecture trained, exported and reopened by new processes: minutes.
pytestmark = pytest.mark.slow

HERE = Path(__file__).parent
_ALL = PluginHost().architectures
# The ImageNet backbones are one plugin over Keras Applications: its smallest stands for the four
# here (each is built, and MobileNetV3-Small trained, exported and reopened, in test_backbones.py);
# ResNet50 through every exporter would add minutes and tell nothing more about reopening.
BUILT_IN = sorted(a for a in _ALL if getattr(_ALL[a], "pretrained", None) is None or a == "mobilenet-v3-small")
ARCHITECTURES = BUILT_IN + ["layered-test-net"]
EXPORT_FORMATS = sorted(PluginHost().exporters)
# Every exporter, and the window with a heat map, meet every kind of layer the architectures
# hold: the LRN and grouped convolutions (alexnet), batch norm, dropout and MobileNet's blocks
# nested in a model (mobilenet-v3-small), a plugin's own layer (layered-test-net). The others are
# made of those same layers: they are predicted, evaluated, exported as .keras (the format the
# app reopens) and resumed from a new process.
EVERY_FORMAT = {"alexnet", "mobilenet-v3-small", "layered-test-net"}
# MobileNet's nested blocks meet the two foreign converters (tf2onnx and TFLite's); SavedModel and
# the quantised TFLite go through the same tracing, and cost this test two more minutes.
FORMATS_OF = {"mobilenet-v3-small": ["keras", "onnx", "tflite"]}
# Formats a model with grouped convolutions (the published AlexNet) cannot take, and say so.
REFUSED = {("alexnet", "onnx"): "cannot be exported to ONNX"}


def run_cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    """`alexnet-desktop ARGS` in a fresh process; fails the test with its output when it fails."""
    return cli.run_cli(*args, ok=True, timeout=timeout)


def _env() -> dict[str, str]:
    return cli.cli_env()


@pytest.fixture
def user_plugin(workspace):
    """The third-party architecture, installed as a user would: a file in the plugin folder."""
    workspace.plugins_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(HERE / "layered_plugin.py", workspace.plugins_dir / "layered_plugin.py")


@pytest.mark.parametrize("arch_id", ARCHITECTURES)
def test_a_trained_model_is_used_from_fresh_processes(arch_id, user_plugin, workspace, tmp_path):
    host = PluginHost(workspace.plugins_dir)
    assert not host.failures, [f.error for f in host.failures]
    size = max(host.architecture(arch_id).min_input_size, 24)
    data = write_colour_dataset(tmp_path / "data", per_class=4, side=40)

    start = ["--backbone-weights", "random"] if getattr(host.architecture(arch_id), "pretrained", None) else []
    run_cli("train", data, "--arch", arch_id, "--epochs", 1, "--image-size", size, "--batch-size", 4, "--seed", 3, *start)
    (run,) = workspace.runs_dir.iterdir()

    # Every later use from one new process (it never built the model): predict, evaluate, every
    # export format (as a script would run them, once per format), the exported .keras predicted,
    # and one more epoch resumed from the checkpoint.
    exports = tmp_path / "exports"
    exports.mkdir()
    formats = FORMATS_OF.get(arch_id, EXPORT_FORMATS if arch_id in EVERY_FORMAT else ["keras"])
    uses = [["predict", run, data, "--recursive", "--out", tmp_path / "p.csv"], ["evaluate", run, "--json"],
            *(["export", run, "--format", f, "--out", exports / f] for f in formats),
            ["predict", exports / "keras.keras", data, "--recursive", "--out", tmp_path / "again.csv"],
            ["train", "--resume", run, "--more-epochs", 1]]
    done, stderr = cli.run_in_one_process(*uses)
    codes = {tuple(map(str, d["args"][:4])): d["code"] for d in done}
    for fmt in formats:
        code = codes["export", str(run), "--format", fmt]
        if (arch_id, fmt) in REFUSED:
            assert code == 1 and REFUSED[arch_id, fmt] in stderr and not list(exports.glob(f"{fmt}*"))
        else:
            assert code == 0, f"export {fmt} failed:\n{stderr[-3000:]}"
    others = [d for d in done if d["args"][0] != "export"]
    assert all(d["code"] == 0 for d in others), f"{[d['args'][:2] for d in others if d['code']]}:\n{stderr[-3000:]}"
    rows = list(csv.DictReader((tmp_path / "p.csv").open(encoding="utf-8")))
    assert len(rows) == 8 and {r["label"] for r in rows} <= {"blue", "red"} and not any(r["error"] for r in rows)
    evaluation = json.loads(done[1]["out"])
    assert evaluation["count"] == 2 and 0 <= evaluation["accuracy"] <= 1
    again = {r["path"]: r["label"] for r in csv.DictReader((tmp_path / "again.csv").open(encoding="utf-8"))}
    assert again == {r["path"]: r["label"] for r in rows}
    if arch_id in EVERY_FORMAT:
        _check_foreign_runtimes(exports, arch_id, formats, n_classes=2)
    manifest = json.loads((run / "run.json").read_text())
    assert manifest["status"] == "finished"
    if start:  # an ImageNet backbone started from random weights says so (test_backbones: from a file)
        assert manifest["backbone"]["weights"] == "random"
    assert len(list(csv.DictReader((run / "history.csv").open()))) == 2

    if arch_id == "alexnet":  # README: plain Keras loads it once the LRN's class is imported
        script = ("import keras; from alexnet_desktop.plugin_api import LocalResponseNormalization\n"
                  f"keras.saving.load_model({str(exports / 'keras.keras')!r}, safe_mode=True)")
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=_env())
        assert out.returncode == 0, out.stderr[-2000:]

    if arch_id not in EVERY_FORMAT:
        return
    # The real window, started afresh: the run on the Predict page, its predictions and a heat map.
    out = subprocess.run([sys.executable, str(HERE / "window_session.py"), "predict", str(run), str(data)],
                         capture_output=True, text=True, timeout=300, env=_env())
    assert out.returncode == 0, out.stderr[-3000:]
    shown = json.loads(out.stdout.strip().splitlines()[-1])
    assert shown["rows"] == 8 and not shown["errors"] and set(shown["labels"]) <= {"blue", "red"}
    assert shown["heat_map"].startswith("Heat map for ") and shown["heat_map_shown"]


def _check_foreign_runtimes(exports: Path, arch_id: str, formats: list[str], n_classes: int) -> None:
    """The SavedModel, TFLite and ONNX files among `formats` load in their own runtimes and give a
    probability per class (test_export.py compares their predictions with the app's)."""
    import numpy as np

    pre = json.loads((exports / "tflite.preprocessing.json").read_text())
    size = pre["image_size"]
    batch = np.zeros((1, size, size, 3), dtype=np.uint8)
    from alexnet_desktop.core.tf_runtime import tensorflow

    tf = tensorflow()
    for name in (f"{fmt}.tflite" for fmt in formats if fmt.startswith("tflite")):
        interpreter = tf.lite.Interpreter(model_path=str(exports / name))
        interpreter.allocate_tensors()
        (inp,), (outp,) = interpreter.get_input_details(), interpreter.get_output_details()
        interpreter.set_tensor(inp["index"], batch)
        interpreter.invoke()
        assert interpreter.get_tensor(outp["index"]).shape == (1, n_classes)
    if "savedmodel" in formats:
        served = tf.saved_model.load(str(exports / "savedmodel"))
        assert tuple(served.serve(tf.constant(batch)).shape) == (1, n_classes)
    if "onnx" in formats and (arch_id, "onnx") not in REFUSED:
        import onnxruntime

        session = onnxruntime.InferenceSession(str(exports / "onnx.onnx"), providers=["CPUExecutionProvider"])
        (probs,) = session.run(None, {session.get_inputs()[0].name: batch})
        assert probs.shape == (1, n_classes)


def test_without_its_declaration_the_custom_layer_cannot_be_loaded(user_plugin, workspace, tmp_path):
    """The route is the declaration: the same plugin without `custom_layers` is refused before
    it trains, naming the layer and what to declare (so the test above can fail), and a model
    holding an undeclared layer is refused by name when loaded."""
    source = (HERE / "layered_plugin.py").read_text()
    undeclared = source.replace("custom_layers=lambda: (_Lazy.get(),)", "")
    assert undeclared != source
    data = write_colour_dataset(tmp_path / "data", per_class=2, side=24)
    run_cli("train", data, "--arch", "layered-test-net", "--epochs", 1, "--image-size", 16, "--batch-size", 4)
    (run,) = workspace.runs_dir.iterdir()
    (workspace.plugins_dir / "layered_plugin.py").write_text(undeclared)
    out = cli.run_cli("train", data, "--arch", "layered-test-net", "--epochs", 1, "--image-size", 16, "--batch-size", 4)
    assert out.returncode != 0 and "custom_layers=(ChannelGain,)" in out.stderr, out.stderr[-2000:]
    assert [p.name for p in workspace.runs_dir.iterdir()] == [run.name]  # nothing trained
    out = cli.run_cli("predict", run, data, "--recursive")
    assert out.returncode != 0 and "model.keras: not loaded" in out.stderr and "ChannelGain" in out.stderr


def test_a_declaration_that_fails_is_blamed_on_its_plugin(workspace):
    from alexnet_desktop.core.descriptors import Architecture
    from alexnet_desktop.core.plugins import declared_layers
    from alexnet_desktop.hookspecs import hookimpl

    def broken():
        raise RuntimeError("no layers today")

    class Plugin:
        @hookimpl
        def register_architectures(self):
            return [Architecture("broken-layers", "B", "d", "r", (8, 8, 3), 8, build=lambda n, s: None,
                                 custom_layers=broken)]

    host = PluginHost(entry_points=False)
    host.register(Plugin(), "broken_layers")
    assert declared_layers() is not None
    assert "no layers today" in host.records["broken_layers"].error
    with pytest.raises(TypeError, match="custom_layers must be layer classes"):
        Architecture("x", "X", "d", "r", (8, 8, 3), 8, build=lambda n, s: None, custom_layers=("not a class",))


def test_the_windows_settings_reopen_in_a_new_process(colour_dataset, tmp_path):
    """What the window remembers (the dataset, the page, the theme, the language) is read back
    by the next start of the app, a new process."""
    env = dict(_env(), XDG_CONFIG_HOME=str(tmp_path / "settings"))
    session = [sys.executable, str(HERE / "window_session.py")]
    first = subprocess.run([*session, "choose", str(colour_dataset)], capture_output=True, text=True, timeout=300,
                           env=env)
    assert first.returncode == 0 and json.loads(first.stdout.splitlines()[-1])["opened"], first.stderr[-3000:]
    assert list((tmp_path / "settings").rglob("*.conf")), "nothing was saved where Qt keeps settings"
    again = subprocess.run([*session, "report"], capture_output=True, text=True, timeout=300, env=env)
    assert again.returncode == 0, again.stderr[-3000:]
    shown = json.loads(again.stdout.splitlines()[-1])
    assert shown["dataset"] == str(colour_dataset) and shown["loader"] == "folder"
    assert shown["page"] == "RunsPage" and shown["theme"] == "dark" and shown["dark"]
    assert shown["language"] == "zh_CN" and shown["title"] != "Data"


def test_a_third_party_exporter_exports_a_run_from_a_new_process(workspace, tmp_path):
    """An exporter plugin in the user folder (importing only the plugin API) is listed by
    `plugins` and writes a run's model, with its label and preprocessing files, from `export`."""
    import numpy as np

    workspace.plugins_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(HERE / "exporter_plugin.py", workspace.plugins_dir / "exporter_plugin.py")
    listed = json.loads(run_cli("plugins", "--json").stdout)
    assert "weights-npz" in {e["id"] for e in listed["exporters"]}
    data = write_colour_dataset(tmp_path / "data", per_class=2, side=24)
    run_cli("train", data, "--arch", "small-cnn", "--epochs", 1, "--image-size", 24, "--batch-size", 4)
    (run,) = workspace.runs_dir.iterdir()
    run_cli("export", run, "--format", "weights-npz", "--out", tmp_path / "out" / "weights")
    with np.load(tmp_path / "out" / "weights.npz") as weights:
        assert len(weights.files) >= 4 and weights["arr_0"].ndim == 4  # the first convolution's kernel
    assert (tmp_path / "out" / "weights.labels.txt").read_text().split() == ["blue", "red"]
    assert json.loads((tmp_path / "out" / "weights.preprocessing.json").read_text())["format"] == "weights-npz"


def test_readmes_plugin_example_works_from_the_user_folder(workspace, tmp_path):
    """The architecture plugin README's guide shows, dropped into the user plugin folder, is
    listed and builds (its layer table, from a new process)."""
    import re

    example = re.search(r"## Writing a plugin.*?```python\n(.*?)```", (HERE.parent / "README.md").read_text(), re.S)
    workspace.plugins_dir.mkdir(parents=True, exist_ok=True)
    (workspace.plugins_dir / "my_net.py").write_text(example.group(1))
    listed = json.loads(run_cli("plugins", "--json").stdout)
    assert "my-net" in {a["id"] for a in listed["architectures"]}
    summary = json.loads(run_cli("summary", "--arch", "my-net", "--classes", 3, "--json").stdout)
    assert summary["total_params"] == 3 * 3 * 3 * 32 + 32 + 32 * 3 + 3


def test_two_plugins_with_a_layer_of_the_same_name_each_get_their_own(workspace, tmp_path):
    """Keras looks custom layers up by name; the app hands it the class of the module the model's
    config names, so a model of one plugin is never rebuilt with another plugin's `Scale`."""
    workspace.plugins_dir.mkdir(parents=True, exist_ok=True)
    source = (HERE / "layered_plugin.py").read_text()
    (workspace.plugins_dir / "layered_plugin.py").write_text(source)
    other = (source.replace("return x * self.gain", "return x * self.gain * 0.0 + 1.0")
             .replace('id="layered-test-net"', 'id="other-layered-net"'))
    assert other != source
    (workspace.plugins_dir / "other_plugin.py").write_text(other)
    data = write_colour_dataset(tmp_path / "data", per_class=3, side=24)
    run_cli("train", data, "--arch", "other-layered-net", "--epochs", 1, "--image-size", 16, "--batch-size", 4)
    (run,) = workspace.runs_dir.iterdir()
    script = ("import numpy as np, sys; from alexnet_desktop.core.model.model_files import load_model_file\n"
              f"m = load_model_file({str(run / 'model.keras')!r})\n"
              "print([type(l).__module__ for l in m.layers[-1].layers if type(l).__name__ == 'ChannelGain'])")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=_env())
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "['alexnet_desktop_user_plugins.other_plugin']"

