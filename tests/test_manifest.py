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
from alexnet_desktop.core.training.config import TrainConfig

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
    config = TrainConfig.from_manifest(m.training)
    assert config.arch == "tiny-test-net" and config.batch_size == 4 and config.epochs == 2


def test_writing_a_manifest_back_keeps_every_key_it_read(tmp_path):
    saved = json.loads((FIXTURE / "run.json").read_text(encoding="utf-8"))
    saved["from_a_later_version"] = {"kept": True}
    m = RunManifest.from_record(saved)
    m.write(tmp_path)
    again = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert again["format"] == FORMAT and again["from_a_later_version"] == {"kept": True}
    # The optimizer's settings were stored twice in format 1; they are kept once, in "training".
    assert "optimization" not in again and again["training"] == saved["training"]
    same = set(saved) - {"format", "optimization"}
    assert {k: again.get(k) for k in same} == {k: saved[k] for k in same}


def test_an_older_manifest_s_optimizer_settings_fill_only_what_training_lacks():
    """Format 2 stored the optimizer's settings twice; "training" is the one that was kept up to
    date (a resume changed only it), so it wins, and the other copy is dropped."""
    m = RunManifest.from_record({"format": 2, "training": {"learning_rate": 0.01},
                                 "optimization": {"learning_rate": 0.1, "optimizer": "sgd", "summary": "sgd at 0.1"}})
    assert m.training == {"learning_rate": 0.01, "optimizer": "sgd"} and "optimization" not in m.to_record()


def test_change_is_checked_like_a_read_and_leaves_the_file_whole_when_refused(tmp_path):
    RunManifest.from_record({"status": "finished", "image_size": 8}).write(tmp_path)
    assert RunManifest.change(tmp_path, status="stopped").status == "stopped"
    before = (tmp_path / "run.json").read_bytes()
    try:
        RunManifest.change(tmp_path, image_size=-3)
    except ValueError as exc:
        assert "image_size" in str(exc)
    else:
        raise AssertionError("a manifest with an impossible image size was written")
    assert (tmp_path / "run.json").read_bytes() == before


def test_run_json_has_one_writer():
    """No module but core/runs/manifest.py names run.json's reading or writing: the folder's
    back doors (read/write/update_manifest) are gone."""
    root = Path(__file__).resolve().parent.parent
    found = [str(p.relative_to(root)) for p in root.glob("alexnet_desktop/**/*.py")
             if any(name in p.read_text(encoding="utf-8") for name in
                    ("read_manifest(", "write_manifest(", "update_manifest(", "_write_record(", "_read_record("))]
    assert found == ["alexnet_desktop/core/runs/manifest.py"], found


def test_a_manifest_from_before_hashes_were_recorded_accepts_any_model_file(tmp_path):
    run = RunFolder(tmp_path)
    RunManifest.from_record({"class_names": ["a", "b"], "image_size": 8, "status": "finished"}).write(run.path)
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


def test_eval_json_is_typed_and_an_older_file_still_reads(tmp_path):
    """eval.json through core/runs/evaluations.py only: a record of an older version (fewer keys,
    one this version does not know) reads with defaults and is written back with its unknown key."""
    from alexnet_desktop.core.runs.evaluations import EvaluationRecord, read_evaluations, record_evaluation

    (tmp_path / "eval.json").write_text(json.dumps({"validation": {"count": 3, "accuracy": 0.5, "loss": 1.0,
                                                                   "from_later": 1}}))
    old = read_evaluations(tmp_path)["validation"]
    assert (old.count, old.accuracy, old.top_k_accuracy, old.optimistic) == (3, 0.5, {}, False)
    record_evaluation(tmp_path, "/data/test", EvaluationRecord(source="/data/test", count=2, accuracy=1.0))
    again = json.loads((tmp_path / "eval.json").read_text())
    assert again["validation"]["from_later"] == 1 and again["/data/test"]["count"] == 2
    (tmp_path / "eval.json").write_text("[1, 2]")
    try:
        read_evaluations(tmp_path)
    except ValueError as exc:
        assert "eval.json" in str(exc) and "damaged" in str(exc)
    else:
        raise AssertionError("a damaged eval.json was read")
