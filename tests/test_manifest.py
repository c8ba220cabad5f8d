"""RunManifest: run.json read and written in one place, typed, and older files still read.

`fixtures/run_format1` holds a run.json saved by the code before the manifest was typed
(format 1), with the run's history, labels and split, as a user's old run folder has them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from alexnet_desktop.core.runs.manifest import FORMAT, RunManifest
from alexnet_desktop.core.runs.folder import RunFolder, effective_status

FIXTURE = Path(__file__).parent / "fixtures" / "run_format1"


def test_a_format_1_manifest_loads_with_every_field_typed():
    saved = json.loads((FIXTURE / "run.json").read_text(encoding="utf-8"))
    assert saved["format"] == 1
    m = RunFolder(FIXTURE).manifest()
    assert m.format == FORMAT
    assert m.status == "finished" and effective_status(m) == "finished"
    assert m.architecture.id == "tiny-test-net" and m.class_names == ["blue", "red"] and m.image_size == 16
    assert m.dataset.train_count + m.dataset.val_count == 12 and len(m.dataset.fingerprint) == 64
    assert m.split.source == "split" and m.split.val_fraction == 0.2 and m.split.seed == 1337
    assert m.best.metric == "val_accuracy" and m.best.value == saved["best"]["value"] and m.best_epoch == 1
    assert m.epochs_done == 2 and m.planned_epochs == 2
    assert m.owner is not None and m.owner.pid == saved["owner"]["pid"]
    assert m.sha256 == saved["sha256"]
    config = m.config()
    assert config.arch == "tiny-test-net" and config.batch_size == 4 and config.epochs == 2


def test_writing_a_manifest_back_keeps_every_key_it_read(tmp_path):
    saved = json.loads((FIXTURE / "run.json").read_text(encoding="utf-8"))
    saved["from_a_later_version"] = {"kept": True}
    m = RunManifest.from_record(saved)
    m.write(tmp_path)
    again = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert again["format"] == FORMAT and again["from_a_later_version"] == {"kept": True}
    assert {k: again.get(k) for k in saved if k != "format"} == {k: v for k, v in saved.items() if k != "format"}


def test_a_manifest_from_before_hashes_were_recorded_accepts_any_model_file(tmp_path):
    run = RunFolder(tmp_path)
    run.write_manifest({"class_names": ["a", "b"], "image_size": 8, "status": "finished"})
    m = run.manifest()
    assert m.sha256 is None and run.accepted_hashes("model.keras") is None
    assert m.owner is None and m.best.value is None and m.architecture.id == ""


def test_an_old_run_folder_opens_from_a_new_process(tmp_path):
    """The format-1 run folder is read by a fresh interpreter, as a user upgrading would."""
    run = tmp_path / "old-run"
    shutil.copytree(FIXTURE, run)
    script = ("import sys, json; from alexnet_desktop.core.runs.folder import RunFolder\n"
              "m = RunFolder(sys.argv[1]).manifest()\n"
              "print(json.dumps([m.status, m.class_names, m.best.value, m.dataset.loader]))")
    out = subprocess.run([sys.executable, "-c", script, str(run)], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == ["finished", ["blue", "red"], 0.5, "folder"]
