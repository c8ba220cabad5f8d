"""Retraining with the user's corrections (core/labelling/corrections.py and `train --corrections`).

The corrections file is read as the shared format says (later row wins, relative paths, a
plain file,label CSV); applied to a dataset, a correction relabels, adds or leaves out an
image without touching a file; a file changed since it was corrected is reported and skipped.
From the command line, in a fresh process, a run trained on the generated demo is retrained
with three corrections (one of them a flat folder's image, one corrected twice), and run.json
lists them with their hashes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from alexnet_desktop.core.data.datasets import DatasetError, dataset_from_class_folders
from alexnet_desktop.core.labelling.corrections import (
    Correction, apply_corrections, file_sha256, read_corrections, with_hashes, write_corrections)
from tests.conftest import write_colour_dataset
from tests.test_start_from import cli, train_json


def test_a_corrections_file_is_read_as_the_shared_format_says(tmp_path):
    (tmp_path / "a.png").write_bytes(b"x")
    path = tmp_path / "c.csv"
    path.write_text("file,label\na.png,red\n/abs/b.png,\na.png,blue\n", encoding="utf-8")
    got = read_corrections(path)
    assert got == [Correction((tmp_path / "a.png").resolve(), "blue"), Correction(Path("/abs/b.png"), "")]
    write_corrections(tmp_path / "out.csv", with_hashes(got))
    again = read_corrections(tmp_path / "out.csv")
    assert again[0].sha256 == file_sha256(tmp_path / "a.png") and again[1].sha256 == ""
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()[0] == "file,label,sha256"
    (tmp_path / "bad.csv").write_text("path,class\nx,y\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="bad.csv: a corrections file needs the columns file,label"):
        read_corrections(tmp_path / "bad.csv")


def test_applying_relabels_adds_and_leaves_out_without_touching_a_file(tmp_path):
    data = write_colour_dataset(tmp_path / "d", per_class=3, side=8)
    loose = tmp_path / "flat" / "new.png"
    loose.parent.mkdir()
    shutil.copy(data / "red" / "red_0.png", loose)
    changed = tmp_path / "flat" / "changed.png"
    shutil.copy(data / "red" / "red_1.png", changed)
    before = sorted(p.name for p in data.rglob("*"))
    dataset = dataset_from_class_folders(data)
    fixes = [Correction(data / "red" / "red_0.png", "blue"), Correction(data / "red" / "red_2.png", ""),
             Correction(loose, "red"), Correction(changed, "blue", "0" * 64), Correction(tmp_path / "gone.png", "red"),
             Correction(data / "blue" / "blue_0.png", "bleu")]  # a typo: no such class
    out, applied = apply_corrections(dataset, fixes)
    labels = {s.path.name: s.label for s in out.samples}
    assert labels["red_0.png"] == "blue" and "red_2.png" not in labels and labels["new.png"] == "red"
    assert "changed.png" not in labels and len(out.samples) == 6 - 1 + 1
    assert applied.relabelled == [(data / "red" / "red_0.png", "red", "blue")]
    assert {p.name for p, _ in applied.skipped} == {"changed.png", "gone.png", "blue_0.png"}
    assert any("changed since you corrected it" in why for _, why in applied.skipped)
    assert labels["blue_0.png"] == "blue" and out.class_names == dataset.class_names
    assert any("'bleu' is not a class of this dataset" in why for _, why in applied.skipped)
    assert sorted(p.name for p in data.rglob("*")) == before
    with pytest.raises(DatasetError, match="fewer than 2 classes"):
        apply_corrections(dataset, [Correction(data / "blue" / f"blue_{i}.png", "red") for i in range(3)])


@pytest.mark.slow
def test_train_from_a_demo_run_with_corrections_from_the_command_line(tmp_path):
    home = tmp_path / "home"
    small = ["--arch", "small-cnn", "--image-size", "24", "--batch-size", "8", "--epochs", "1", "--steps-per-epoch", "2"]
    source = Path(train_json(home, "demo", *small)["run_dir"])
    demo = Path(json.loads((source / "run.json").read_text())["dataset"]["root"])
    flat = tmp_path / "flat"
    flat.mkdir()
    shutil.copy(demo / "squares" / "squares_000.jpg", flat / "photo.jpg")
    circle = demo / "circles" / "circles_001.jpg"
    fixes = tmp_path / "fixes.csv"
    fixes.write_text(f"file,label\n{circle},stripes\n{flat / 'photo.jpg'},squares\n{circle},triangles\n"
                     f"{demo / 'circles' / 'circles_002.jpg'},\n", encoding="utf-8")
    listing = sorted(str(p) for p in demo.rglob("*"))
    run = Path(train_json(home, "--from", source, "--corrections", fixes, *small)["run_dir"])
    record = json.loads((run / "run.json").read_text())
    used = {Path(c["file"]).name: c for c in record["training"]["corrections"]}
    assert set(used) == {"circles_001.jpg", "photo.jpg", "circles_002.jpg"}
    assert used["circles_001.jpg"]["label"] == "triangles" and used["circles_002.jpg"]["label"] == ""
    assert used["photo.jpg"]["sha256"] == file_sha256(flat / "photo.jpg")
    assert record["dataset"]["corrections"]["relabelled"] == [{"file": str(circle), "was": "circles", "now": "triangles"}]
    assert record["dataset"]["corrections"]["added"] == [str(flat / "photo.jpg")]
    assert record["dataset"]["counts"]["circles"] == 58 and record["start_from"]["run"] == source.name
    assert sorted(str(p) for p in demo.rglob("*")) == listing  # nothing copied into or moved out of the demo

    bad = tmp_path / "bad.csv"
    bad.write_text("nope\n", encoding="utf-8")
    out = cli(home, "train", "--from", source, "--corrections", bad, *small, ok=False)
    assert out.returncode != 0 and "bad.csv: a corrections file needs the columns file,label" in out.stderr
    assert "Traceback" not in out.stderr


def test_scan_of_a_flat_folder_reports_a_folder_to_predict(tmp_path):
    flat = tmp_path / "photos"
    flat.mkdir()
    write_colour_dataset(tmp_path / "d", per_class=2, side=8)
    for n, p in enumerate(sorted((tmp_path / "d").rglob("*.png"))):
        shutil.copy(p, flat / f"{n:04d}.png")  # names that carry no label
    (flat / "0009.jpg").write_bytes(b"not a jpeg")
    out = cli(tmp_path / "home", "scan", flat)
    assert "a folder of 4 image(s) to predict" in out.stdout and "0009.jpg" in out.stdout
    assert "1 file(s) cannot be read" in out.stdout and "Traceback" not in out.stderr
    report = json.loads(cli(tmp_path / "home", "scan", flat, "--json").stdout)
    assert report["kind"] == "predict-input" and report["images"] == 4
    assert [Path(u["path"]).name for u in report["unreadable"]] == ["0009.jpg"] and report["unreadable"][0]["reason"]


def test_review_labels_are_read_back_by_a_new_process_and_a_damaged_store_is_never_overwritten(tmp_path):
    import subprocess
    import sys

    from alexnet_desktop.core.labelling.review_store import ReviewStore

    store = ReviewStore(tmp_path / "reviews")
    folder = tmp_path / "inbox"
    store.update(folder, {str(folder / "a.png"): "cat", str(folder / "b.png"): None})
    store.update(folder, {}, taken_back={str(folder / "b.png")})
    store.moved(folder, {str(folder / "a.png"): str(tmp_path / "sorted" / "cat" / "a.png")})
    code = ("import json,sys; from alexnet_desktop.core.labelling.review_store import ReviewStore; "
            "print(json.dumps(ReviewStore(sys.argv[1]).load(sys.argv[2])))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "reviews"), str(folder)], capture_output=True,
                         text=True, check=True)
    assert json.loads(out.stdout) == {str(tmp_path / "sorted" / "cat" / "a.png"): "cat"}
    store.path_for(folder).write_text("{broken", encoding="utf-8")
    with pytest.raises(ValueError, match="saved review labels cannot be read"):
        store.update(folder, {str(folder / "c.png"): "dog"})
    assert store.path_for(folder).read_text(encoding="utf-8") == "{broken"
