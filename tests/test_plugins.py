"""The plugin host: built-ins through entry points, run-time and user-folder plugins, failures isolated."""

from __future__ import annotations

import json

from alexnet_desktop import cli
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.hookspecs import hookimpl


class RaisingPlugin:
    @hookimpl
    def register_architectures(self):
        raise RuntimeError("this plugin is broken on purpose")


class GarbagePlugin:
    @hookimpl
    def register_dataset_loaders(self):
        return ["not a loader"]


def test_builtins_come_through_entry_points():
    host = PluginHost()
    assert {"folder", "demo-shapes"} <= set(host.loaders)
    assert "alexnet-bn" in host.architectures
    sources = {r.name: r.source for r in host.records.values()}
    assert sources["alexnet_bn"] == "entry point"
    assert not host.failures


def test_runtime_plugin_appears_and_broken_ones_are_isolated(host):
    host.register(RaisingPlugin(), "raising")
    host.register(GarbagePlugin(), "garbage")
    assert "tiny-test-net" in host.architectures and "alexnet-bn" in host.architectures
    assert "tiny-test-loader" in host.loaders and "folder" in host.loaders
    failed = {r.name: r for r in host.failures}
    assert set(failed) == {"raising", "garbage"}
    assert "broken on purpose" in failed["raising"].error
    assert "not a DatasetLoader" in failed["garbage"].error


def test_user_folder_plugins_load_and_a_failing_import_is_reported(workspace):
    (workspace.plugins_dir / "good_user_plugin.py").write_text(
        "from alexnet_desktop.hookspecs import hookimpl\n"
        "from tests.tiny_plugin import TINY\n"
        "import dataclasses\n"
        "@hookimpl\n"
        "def register_architectures():\n"
        "    return [dataclasses.replace(TINY, id='user-net', name='User net')]\n"
    )
    (workspace.plugins_dir / "bad_user_plugin.py").write_text("raise ImportError('missing dependency xyz')\n")
    (workspace.plugins_dir / "notes.txt").write_text("not a plugin")
    host = PluginHost(workspace.plugins_dir)
    assert "user-net" in host.architectures
    bad = host.records["bad_user_plugin"]
    assert not bad.ok and "missing dependency xyz" in bad.error
    assert "notes" not in host.records


def test_cli_lists_runtime_plugin_and_reports_broken(host, monkeypatch, capsys):
    host.register(RaisingPlugin(), "raising")
    monkeypatch.setattr("alexnet_desktop.core.plugins._default_host", host)  # the host every command uses
    assert cli.main(["plugins", "--json"]) == 1  # non-zero: a plugin failed
    out = json.loads(capsys.readouterr().out)
    assert "tiny-test-net" in [a["id"] for a in out["architectures"]]
    assert "tiny-test-loader" in [d["id"] for d in out["dataset_loaders"]]
    raising = next(p for p in out["plugins"] if p["name"] == "raising")
    assert not raising["ok"] and "broken on purpose" in raising["error"]
    assert cli.main(["plugins"]) == 1
    captured = capsys.readouterr()
    assert "tiny-test-net" in captured.out and "FAILED" in captured.out
    assert "broken on purpose" in captured.err


def test_a_loader_whose_detect_raises_scores_zero_and_is_reported(host, tmp_path):
    import dataclasses

    from tests.tiny_plugin import TINY_LOADER

    def broken_detect(path):
        raise OSError("detect blew up")

    class BrokenDetect:
        @hookimpl
        def register_dataset_loaders(self):
            return [dataclasses.replace(TINY_LOADER, id="broken-detect", detect=broken_detect)]

    host.register(BrokenDetect(), "broken_detect")
    scores = {loader.id: score for score, loader in host.detect_loaders(tmp_path)}
    assert scores["broken-detect"] == 0.0
    assert "detect blew up" in host.records["broken_detect"].error


class FailsInsidePlugin:
    """Registers fine; its architecture's build and its loader's load raise when used."""

    @hookimpl
    def register_architectures(self):
        import dataclasses

        from tests.tiny_plugin import TINY

        def build(num_classes, input_shape):
            raise RuntimeError("build exploded")

        return [dataclasses.replace(TINY, id="explodes", name="Explodes", build=build)]

    @hookimpl
    def register_dataset_loaders(self):
        import dataclasses

        from tests.tiny_plugin import TINY_LOADER

        def load(path, **_):
            return {}["missing key"]

        return [dataclasses.replace(TINY_LOADER, id="bad-load", load=load)]


def test_a_plugin_that_raises_inside_build_or_load_is_named_and_the_others_run_on(host, colour_dataset, workspace):
    import pytest

    from alexnet_desktop.core.plugins import PluginError
    from alexnet_desktop.core.training.config import TrainConfig
    from alexnet_desktop.core.training.fit import train

    host.register(FailsInsidePlugin(), "fails_inside")
    assert not host.failures  # nothing wrong until its code runs
    base = dict(data=str(colour_dataset), epochs=1, batch_size=4, image_size=16, runs_dir=str(workspace.runs_dir))
    with pytest.raises(PluginError, match="'fails_inside' failed in Architecture 'explodes': build: RuntimeError: build exploded"):
        train(TrainConfig(arch="explodes", **base), host)
    with pytest.raises(PluginError, match="'fails_inside' failed in DatasetLoader 'bad-load': load: KeyError"):
        train(TrainConfig(arch="tiny-test-net", loader="bad-load", **base), host)
    (record,) = host.failures
    assert record.name == "fails_inside"
    assert "build exploded" in record.error and "missing key" in record.error and "Traceback" in record.error
    # The same host trains with the other plugins' parts.
    assert train(TrainConfig(arch="tiny-test-net", **base), host).status == "finished"


def test_only_entry_points_and_the_user_folder_are_imported(workspace, tmp_path, monkeypatch):
    import sys

    # A plugin-shaped module on sys.path, and code in sub-folders and non-.py files of the
    # user folder: none of it may be imported.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    sentinel = tmp_path / "imported"
    code = f"open({str(sentinel)!r}, 'w').close()\n"
    (elsewhere / "alexnet_desktop_sneaky.py").write_text(code)
    monkeypatch.syspath_prepend(str(elsewhere))
    (workspace.plugins_dir / "sub").mkdir()
    (workspace.plugins_dir / "sub" / "nested.py").write_text(code)
    (workspace.plugins_dir / "script.py.txt").write_text(code)
    host = PluginHost(workspace.plugins_dir)
    assert not sentinel.exists()
    assert "alexnet_desktop_sneaky" not in sys.modules
    assert {r.source for r in host.records.values()} <= {"entry point", "user folder"}
