"""The second reliability pass (issue 21), each case as a hostile user would try it, through the
command line in a fresh process: undo never removes the only copy, predict never overwrites,
one bad file never stops a scan, plugins and models that misbehave are contained, files other
programs read are safe to open, messages name the file."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.cli import run_cli
from tests.test_sorting import make_inbox, tree


def cli(*args: str, cwd: Path | None = None, timeout: float = 120, env: dict | None = None) -> subprocess.CompletedProcess:
    """`alexnet-desktop ARGS` in a fresh process."""
    return run_cli(*args, cwd=cwd, timeout=timeout, env=env)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_predictions(path: Path, labelled: list[tuple[Path, str]]) -> Path:
    lines = ["path,label,confidence"] + [f"{p},{label},0.9" for p, label in labelled]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sort_cli(tmp_path: Path, labelled, *extra: str) -> tuple[Path, Path]:
    """Sort `labelled` into tmp_path/out with the CLI; returns the output folder and the journal."""
    out = tmp_path / "out"
    done = cli("sort", write_predictions(tmp_path / "p.csv", labelled), "--to", out, *extra)
    assert done.returncode == 0, done.stderr
    return out, next(out.glob(".alexnet-sort-*.journal"))


# -- 1. undo never deletes the only copy ----------------------------------------------------


def test_undo_of_a_move_keeps_a_file_whose_original_name_was_reused(tmp_path):
    labelled = make_inbox(tmp_path / "in", 6)
    out, journal = sort_cli(tmp_path, labelled, "--move")
    sorted_files = {p.name + p.parent.name: sha(p) for p in out.rglob("*.jpg")}
    reused = labelled[0][0]
    reused.write_bytes(b"a new photo from a camera that reuses names")  # a different file at an original path
    done = cli("undo", journal)
    assert done.returncode == 1
    assert str(reused) in done.stderr and "different file" in done.stderr
    assert "5 of 6" in done.stdout
    assert reused.read_bytes() == b"a new photo from a camera that reuses names"
    # The moved original is still in the sorted folder, whole.
    left = list(out.rglob("*.jpg"))
    assert len(left) == 1 and sha(left[0]) in sorted_files.values()
    assert hashlib.sha256(bytes([0]) * 1000).hexdigest() == sha(left[0])


def test_undo_of_a_copy_keeps_the_copies_when_the_originals_were_deleted(tmp_path):
    labelled = make_inbox(tmp_path / "in", 4)
    out, journal = sort_cli(tmp_path, labelled)
    copies = tree(out)
    for p, _ in labelled:
        p.unlink()
    done = cli("undo", journal)
    assert done.returncode == 1 and "only one" in done.stderr
    assert tree(out) == copies


def test_undo_keeps_a_file_whose_original_became_a_link_to_it(tmp_path):
    labelled = make_inbox(tmp_path / "in", 2)
    out, journal = sort_cli(tmp_path, labelled, "--move")
    moved = sorted(out.rglob("*.jpg"))
    original = labelled[0][0]
    target = next(p for p in moved if sha(p) == hashlib.sha256(bytes([0]) * 1000).hexdigest())
    original.symlink_to(target)  # "restored" by a link to the sorted file itself
    assert cli("undo", journal).returncode == 1
    assert target.is_file() and not target.is_symlink() and original.read_bytes() == bytes([0]) * 1000


def test_undo_of_a_hand_edited_journal_leaves_files_outside_the_sort_alone(tmp_path):
    labelled = make_inbox(tmp_path / "in", 2)
    out, journal = sort_cli(tmp_path, labelled)
    precious = tmp_path / "elsewhere" / "precious.jpg"
    precious.parent.mkdir()
    precious.write_bytes(labelled[0][0].read_bytes())  # the same bytes the journal recorded
    records = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    for r in records:
        if r.get("step") == 0 and "dst" in r:
            r["dst"] = str(precious)
        if r.get("step") == 0 and r.get("state") == "copied":
            r["size"], r["sha256"] = precious.stat().st_size, sha(precious)
    journal.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    done = cli("undo", journal)
    assert done.returncode == 1 and str(precious) in done.stderr and "journal was changed" in done.stderr
    assert precious.is_file()


# -- tiny models, made once ----------------------------------------------------------------


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> Path:
    """`ok.keras` (softmax), `nan.keras` (outputs NaN) and `logits.keras` (no softmax, outputs in
    the tens), taking 8x8 RGB images, and `grey.keras` taking 8x8x1, each with its `<name>.labels.txt`."""
    import numpy as np

    from alexnet_desktop.core.tf_runtime import keras

    k = keras()
    folder = tmp_path_factory.mktemp("models")
    for name, activation, scale in (("ok", "softmax", 0.01), ("nan", "softmax", np.nan), ("logits", None, 1.0)):
        inputs = k.Input((8, 8, 3))
        dense = k.layers.Dense(2, activation=activation)
        model = k.Model(inputs, dense(k.layers.Flatten()(inputs)))
        kernel = np.full((192, 2), scale, dtype="float32")
        kernel[:, 1] *= 0.5
        dense.set_weights([kernel, np.zeros(2, dtype="float32")])
        model.save(str(folder / f"{name}.keras"))
        (folder / f"{name}.labels.txt").write_text("cat\ndog\n", encoding="utf-8")
        (folder / f"{name}.input.json").write_text('{"input_scale": "0-255"}')  # it takes raw pixels
    inputs = k.Input((8, 8, 1))  # grey images: not what the app gives a model
    k.Model(inputs, k.layers.Dense(2, activation="softmax")(k.layers.Flatten()(inputs))).save(str(folder / "grey.keras"))
    (folder / "grey.labels.txt").write_text("cat\ndog\n", encoding="utf-8")
    return folder


@pytest.fixture
def photos(tmp_path) -> Path:
    from tests.dataset_files import image

    for i in range(3):
        image(tmp_path / "photos" / f"one_{i}.jpg", side=12)
    return tmp_path / "photos"


# -- 2. predict --out never overwrites ------------------------------------------------------


@pytest.mark.slow
def test_predict_out_never_replaces_an_existing_file_unless_asked(models, photos, tmp_path):
    victim = photos / "one_1.jpg"
    before = victim.read_bytes()
    done = cli("predict", models / "ok.keras", photos, "--out", victim)
    assert done.returncode == 1 and str(victim) in done.stderr and ".csv or .json" in done.stderr
    assert victim.read_bytes() == before
    table = tmp_path / "table.csv"
    table.write_text("my own notes\n", encoding="utf-8")
    done = cli("predict", models / "ok.keras", photos, "--out", table)
    assert done.returncode == 1 and "--overwrite" in done.stderr and table.read_text(encoding="utf-8") == "my own notes\n"
    done = cli("predict", models / "ok.keras", photos, "--out", table, "--overwrite")
    assert done.returncode == 0, done.stderr
    assert table.read_text(encoding="utf-8").startswith("path,label,confidence")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]  # no temporary file left


def test_two_writers_of_the_same_out_never_share_a_temporary_file(tmp_path):
    import csv

    from alexnet_desktop.core.labelling.predict import Prediction, PredictionWriter

    out = tmp_path / "p.csv"
    a = PredictionWriter(out, ["cat", "dog"])
    b = PredictionWriter(out, ["cat", "dog"])
    assert a.tmp != b.tmp
    for i in range(200):
        a.write([Prediction(Path(f"a{i}.jpg"), "cat", 0.9, (0.9, 0.1))])
        b.write([Prediction(Path(f"b{i}.jpg"), "dog", 0.8, (0.2, 0.8))])
    assert a.close() == out
    with pytest.raises(FileExistsError, match="not overwritten"):
        b.close()
    rows = list(csv.DictReader(out.open(newline="", encoding="utf-8")))
    assert [Path(r["path"]).name for r in rows] == [f"a{i}.jpg" for i in range(200)]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


# -- 3. one bad file never stops everything ----------------------------------------------------


def test_a_damaged_later_page_or_frame_rejects_that_file_and_the_scan_goes_on(tmp_path):
    from tests.dataset_files import gif_with_damaged_later_frame, image, tiff_with_damaged_second_page

    root = tmp_path / "data"
    tiff = tiff_with_damaged_second_page(root / "cats" / "scan.tif")
    gif = gif_with_damaged_later_frame(root / "dogs" / "wave.gif")
    for c in ("cats", "dogs"):
        for i in range(3):
            image(root / c / f"{c}_{i}.png", side=36)
    done = cli("scan", root, "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["accepted"] == 6
    reasons = {r["path"]: r["reason"] for r in report["rejected"]}
    assert set(reasons) == {str(tiff), str(gif)}
    assert "corrupt" in reasons[str(tiff)] and "corrupt" in reasons[str(gif)]
    text = cli("scan", root)
    assert text.returncode == 0 and f"{tiff}: corrupt image data" in text.stdout and "Traceback" not in text.stderr


def test_fuzzed_files_of_every_format_raise_nothing_but_a_decode_error_with_the_file(tmp_path):
    from alexnet_desktop.core.data.datasets import Dataset, Sample
    from alexnet_desktop.core.data.images import ImageDecodeError, decode_image, probe_image
    from alexnet_desktop.core.data.scan import scan_dataset
    from tests.dataset_files import fuzzed_images

    files = fuzzed_images(tmp_path / "fuzz", per_format=40)
    failures = 0
    for path in files:
        for read in (probe_image, lambda p: decode_image(p, size=16), lambda p: decode_image(p, size=64, keep_aspect=True)):
            try:
                read(path)
            except ImageDecodeError as exc:
                failures += 1
                assert exc.path == path and str(path) in str(exc) and exc.reason
    assert failures > len(files)  # the corpus does hold damaged files
    report = scan_dataset(Dataset([Sample(p, "x") for p in files], ["x"], tmp_path / "fuzz", loader_id="folder"))
    assert len(report.accepted) + len(report.rejected) == len(files)


# -- 5. plugins that exit or answer NaN --------------------------------------------------------

EXITING_PLUGIN = "import sys\nsys.exit()\n"
GREEDY_PLUGIN = '''
from pathlib import Path
from alexnet_desktop.hookspecs import DatasetLoader, hookimpl
from alexnet_desktop.core.data.datasets import dataset_from_class_folders


@hookimpl
def register_dataset_loaders():
    return [DatasetLoader(id="greedy-{kind}", name="Greedy", description="Claims everything.",
                          detect=lambda path: float("{kind}"),
                          load=lambda path, **_: dataset_from_class_folders(Path(path), loader_id="greedy-{kind}"))]
'''


def test_a_plugin_that_exits_at_import_or_answers_nan_is_reported_and_the_app_runs_on(workspace, tmp_path):
    from tests.dataset_files import image

    (workspace.plugins_dir / "quitter.py").write_text(EXITING_PLUGIN, encoding="utf-8")
    for kind in ("nan", "inf"):
        (workspace.plugins_dir / f"greedy_{kind}.py").write_text(GREEDY_PLUGIN.format(kind=kind), encoding="utf-8")
    listing = cli("plugins")
    assert listing.returncode == 1
    assert "quitter" in listing.stdout and "FAILED" in listing.stdout and "SystemExit" in listing.stderr
    for c in ("cats", "dogs"):
        for i in range(2):
            image(tmp_path / "data" / c / f"{i}.png", side=36)
    scan = cli("scan", tmp_path / "data", "--json")
    assert scan.returncode == 0, scan.stderr
    assert json.loads(scan.stdout)["loader"] == "folder"  # neither NaN nor infinity claimed the folder

    from alexnet_desktop.core.plugins import PluginHost

    host = PluginHost(workspace.plugins_dir)
    assert host.best_loader(tmp_path / "data").id == "folder"
    broken = {r.name: r.error for r in host.failures}
    assert "SystemExit" in broken["quitter"]
    assert "returned nan" in broken["greedy_nan"] and "returned inf" in broken["greedy_inf"]


# -- 6. NaN and logit outputs ------------------------------------------------------------------


@pytest.mark.slow
def test_nan_outputs_are_unreadable_and_never_sorted_under_a_class(models, photos, tmp_path):
    out = tmp_path / "p.csv"
    done = cli("predict", models / "nan.keras", photos, "--out", out)
    assert done.returncode == 0, done.stderr
    import csv

    rows = list(csv.DictReader(out.open(newline="", encoding="utf-8")))
    assert len(rows) == 3 and all(not r["label"] and "not a number" in r["error"] for r in rows)
    done = cli("sort", out, "--to", tmp_path / "sorted", "--min-confidence", "0.9")
    assert done.returncode == 0, done.stderr
    assert not [p for p in (tmp_path / "sorted").rglob("*.jpg")]
    # A hand-made (or older) file whose confidences read "nan" is not sorted either.
    old = tmp_path / "old.csv"
    old.write_text("path,label,confidence\n" + "".join(f"{p},cat,nan\n" for p in sorted(photos.iterdir())), encoding="utf-8")
    done = cli("sort", old, "--to", tmp_path / "sorted2", "--min-confidence", "0.9", "--dry-run")
    assert done.returncode == 0 and "Would copy 0 file(s)" in done.stdout and "not a number" in done.stdout


@pytest.mark.slow
def test_a_model_that_outputs_logits_is_noticed_and_its_outputs_made_probabilities(models, photos, tmp_path):
    out = tmp_path / "p.json"
    done = cli("predict", models / "logits.keras", photos, "--out", out)
    assert done.returncode == 0, done.stderr
    assert "not probabilities" in done.stderr and "softmax" in done.stderr
    for item in json.loads(out.read_text(encoding="utf-8"))["predictions"]:
        assert 0.5 <= item["confidence"] <= 1 and abs(sum(item["probabilities"].values()) - 1) < 1e-6
    raw = tmp_path / "raw.csv"  # what an older version wrote for such a model
    raw.write_text(f"path,label,confidence\n{next(photos.iterdir())},cat,91.5\n", encoding="utf-8")
    done = cli("sort", raw, "--to", tmp_path / "sorted")
    assert done.returncode == 1 and "line 2" in done.stderr and "not a probability" in done.stderr


# -- 7. files other programs read ---------------------------------------------------------------


@pytest.mark.slow
def test_exported_cells_never_run_as_formulas_and_sort_reads_its_escaping_back(models, tmp_path):
    import csv

    from tests.dataset_files import image

    folder = tmp_path / "photos"
    image(folder / "=1+2.jpg", side=12)
    image(folder / "@SUM(A1).jpg", side=12)
    labels = tmp_path / "labels.txt"
    labels.write_text('=HYPERLINK("http://evil.example","x")\n-2+3\n', encoding="utf-8")
    out = tmp_path / "p.csv"
    done = cli("predict", models / "ok.keras", ".", "--labels", labels, "--out", out, cwd=folder)
    assert done.returncode == 0, done.stderr
    with out.open(newline="", encoding="utf-8") as f:
        cells = [c for row in csv.reader(f) for c in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in cells
    elsewhere = tmp_path / "elsewhere"
    image(elsewhere / "=1+2.jpg", colour=(0, 0, 255), side=12)  # a different file of the same name
    done = cli("sort", out, "--to", tmp_path / "sorted", cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    sorted_files = {p.name: p for p in (tmp_path / "sorted").rglob("*.jpg")}
    assert set(sorted_files) == {"=1+2.jpg", "@SUM(A1).jpg"}
    assert sorted_files["=1+2.jpg"].read_bytes() == (folder / "=1+2.jpg").read_bytes()
    from alexnet_desktop.core.labelling.sort_plan import safe_folder_name

    # The labels came back unescaped: their folders are the classes' own names made safe.
    assert {p.parent.name for p in sorted_files.values()} <= {
        safe_folder_name('=HYPERLINK("http://evil.example","x")'), "-2+3"}


def test_relative_paths_in_a_predictions_file_name_files_beside_it(tmp_path):
    from tests.dataset_files import image

    for where, colour in (("here", (255, 0, 0)), ("there", (0, 255, 0))):
        image(tmp_path / where / "a.jpg", colour=colour, side=12)
    (tmp_path / "here" / "p.csv").write_text("path,label,confidence\na.jpg,cat,0.9\n", encoding="utf-8")
    done = cli("sort", tmp_path / "here" / "p.csv", "--to", tmp_path / "sorted", cwd=tmp_path / "there")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "sorted" / "cat" / "a.jpg").read_bytes() == (tmp_path / "here" / "a.jpg").read_bytes()


# -- 8. BOM, malformed JSON, --to ../sorted -------------------------------------------------------


def test_a_spreadsheet_saved_csv_with_a_bom_is_read_and_sort_to_a_parent_folder_works(tmp_path):
    labelled = make_inbox(tmp_path / "in", 4)
    csv_path = tmp_path / "work" / "p.csv"
    csv_path.parent.mkdir()
    text = "path,label,confidence\r\n" + "".join(f"{p},{label},0.9\r\n" for p, label in labelled)
    csv_path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    done = cli("sort", "p.csv", "--to", "../sorted", cwd=csv_path.parent)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "sorted").rglob("*.jpg"))) == 4


@pytest.mark.parametrize("text", [
    '{"predictions": [', '[]', '{"predictions": 3}', '{"predictions": [3]}', '{"predictions": [{"label": "a"}]}',
    '{"predictions": [{"path": "a.jpg", "confidence": "high"}]}', "[" * 100000 + "]" * 100000, '"just text"',
])
def test_malformed_predictions_json_is_one_line_naming_the_file(tmp_path, text):
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    done = cli("sort", bad, "--to", tmp_path / "out")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and str(bad) in done.stderr


# -- 10. folder links that loop ----------------------------------------------------------------------


@pytest.mark.parametrize("link", ["..", ".", "../..", "../eight"])
def test_a_link_from_a_class_folder_up_to_the_root_or_above_is_a_loop_never_followed(tmp_path, link):
    from tests.dataset_files import image

    root = tmp_path / "data"
    for c in ("eight", "seven"):
        for i in range(2):
            image(root / c / f"{c}_{i}.png", side=36)
    (root / "seven" / "loop").symlink_to(link, target_is_directory=True)
    done = cli("scan", root, "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    expect = 4 if link == "../eight" else 2  # a link sideways into another class is followed once
    assert report["counts"] == {"eight": 2, "seven": expect}, report
    if link != "../eight":
        assert any(p["path"] == str(root / "seven" / "loop") and "loop" in p["reason"] for p in report["passed_over"])


def test_a_class_folder_that_is_a_link_to_the_root_is_a_loop(tmp_path):
    from tests.dataset_files import image

    root = tmp_path / "data"
    for c in ("eight", "seven"):
        image(root / c / f"{c}.png", side=36)
    (root / "all").symlink_to(".", target_is_directory=True)
    report = json.loads(cli("scan", root, "--json").stdout)
    assert report["counts"].get("all", 0) == 0 and report["counts"]["eight"] == 1


# -- 4. small inputs, huge cost: each bomb ends fast, names the file, and stays small --------------

MEASURE = """
import resource, subprocess, sys, time
t = time.time()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=60)
print(done.returncode, time.time() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
sys.stderr.write(done.stderr + done.stdout)
"""


def measured(*args: str, cwd: Path | None = None) -> tuple[int, float, int, str]:
    """`alexnet-desktop ARGS` in a fresh process: exit status, seconds, peak memory (MB), its output."""
    done = subprocess.run([sys.executable, "-c", MEASURE, sys.executable, "-m", "alexnet_desktop", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=120)
    assert done.stdout, done.stderr
    rc, seconds, peak = done.stdout.split()
    return int(rc), float(seconds), int(peak), done.stderr


def test_a_pickle_bomb_is_refused_at_once_naming_the_file(tmp_path):
    from tests.dataset_files import pickle_bomb, write_cifar_python

    root = write_cifar_python(tmp_path / "cifar")
    (root / "data_batch_2").write_bytes(pickle_bomb())
    rc, seconds, peak, out = measured("scan", root)
    assert rc == 1 and str(root / "data_batch_2") in out and "pickle bomb" in out, out
    assert seconds < 30


def test_a_refused_pickle_names_its_file(tmp_path):
    import pickle

    from tests.dataset_files import write_cifar_python

    root = write_cifar_python(tmp_path / "cifar")
    (root / "data_batch_3").write_bytes(pickle.dumps({b"data": os.system}, protocol=2))
    done = cli("scan", root)
    assert done.returncode == 1 and f"{root / 'data_batch_3'}: refused" in done.stderr, done.stderr


def test_a_cifar_archive_bomb_and_an_mnist_gzip_bomb_stop_early_naming_the_file(tmp_path):
    from tests.dataset_files import cifar_tar_bomb, mnist_gz_bomb

    (tmp_path / "cifar").mkdir()
    archive = cifar_tar_bomb(tmp_path / "cifar" / "cifar-10-python.tar.gz")
    rc, seconds, peak, out = measured("scan", tmp_path / "cifar")
    assert rc == 1 and str(archive) in out and "bomb" in out, out
    assert seconds < 30 and peak < 250, (seconds, peak)  # the archive unpacks to 300 MB
    mnist = mnist_gz_bomb(tmp_path / "mnist")
    rc, seconds, peak, out = measured("scan", mnist)
    assert rc == 1 and str(mnist / "train-images-idx3-ubyte.gz") in out and "bomb" in out, out
    assert seconds < 30 and peak < 250, (seconds, peak)


def test_a_keras_file_whose_weights_unpack_hugely_is_refused_before_keras_reads_it(models, photos, tmp_path):
    from tests.dataset_files import keras_bomb

    bomb = keras_bomb(tmp_path / "bomb.keras", models / "ok.keras")
    (tmp_path / "bomb.labels.txt").write_text("cat\ndog\n", encoding="utf-8")
    assert bomb.stat().st_size < 5_000_000
    rc, seconds, peak, out = measured("predict", bomb, photos)
    assert rc == 1 and str(bomb) in out and "zip bomb" in out, out
    assert seconds < 30 and peak < 1500, (seconds, peak)


@pytest.mark.slow
def test_a_scan_of_16_bit_giants_within_the_pixel_limit_stays_small(tmp_path):
    from tests.dataset_files import image, png16_bomb

    root = tmp_path / "data"
    (root / "a").mkdir(parents=True)
    for i in range(3):
        png16_bomb(root / "a" / f"giant_{i}.png")
    for i in range(2):
        image(root / "b" / f"b{i}.png", side=36)
    rc, seconds, peak, out = measured("scan", root, "--json")
    assert rc == 0, out
    assert seconds < 30 and peak < 1200, (seconds, peak)


@pytest.mark.slow
def test_a_scan_of_transparent_giants_stays_small_and_lays_them_on_the_background(tmp_path):
    """A 10000x10000 RGBA PNG of a few hundred KB: flattened a block of rows at a time (whole-image
    copies cost 2 GB a file before), with the same pixels as compositing the whole image."""
    from PIL import Image, ImageDraw

    from alexnet_desktop.core.data.images import BACKGROUND, decode_image
    from tests.dataset_files import image

    root = tmp_path / "data"
    (root / "a").mkdir(parents=True)
    giant = Image.new("RGBA", (10000, 10000), (0, 0, 0, 0))
    draw = ImageDraw.Draw(giant)
    for x in range(0, 10000, 500):
        draw.ellipse((x, x, x + 400, x + 400), fill=(200, 30, 30, 128))
    giant.save(root / "a" / "giant_0.png")
    del giant, draw
    for i in (1, 2):
        (root / "a" / f"giant_{i}.png").write_bytes((root / "a" / "giant_0.png").read_bytes())
    for i in range(2):
        image(root / "b" / f"b{i}.png", side=36)
    rc, seconds, peak, out = measured("scan", root, "--json")
    assert rc == 0, out
    assert seconds < 30 and peak < 1300, (seconds, peak)
    small = Image.new("RGBA", (40, 30), (0, 0, 0, 0))
    ImageDraw.Draw(small).rectangle((5, 5, 30, 20), fill=(200, 30, 30, 128))
    small.save(tmp_path / "small.png")
    expected = Image.alpha_composite(Image.new("RGBA", small.size, BACKGROUND + (255,)), small).convert("RGB")
    got = decode_image(tmp_path / "small.png")
    assert abs(got.astype(int) - np.asarray(expected).astype(int)).max() <= 1


def test_a_16_bit_giant_decodes_in_bounded_memory_and_a_deeper_one_is_refused_by_its_bytes(tmp_path):
    from alexnet_desktop.core.data import images
    from tests.dataset_files import png16_bomb

    giant = png16_bomb(tmp_path / "giant.png", side=2000)
    assert images.decode_image(giant, size=16).shape == (16, 16, 3)
    small_limit = images.MAX_DECODED_BYTES
    try:
        images.MAX_DECODED_BYTES = 2000 * 2000 * 2 - 1  # one byte short of what it decodes to
        with pytest.raises(images.ImageDecodeError, match="MB decoded"):
            images.decode_image(giant, size=16)
    finally:
        images.MAX_DECODED_BYTES = small_limit


# -- 9. messages name the file and speak plainly -----------------------------------------------------


def test_a_deeply_nested_model_config_is_refused_naming_the_file(models, photos, tmp_path):
    import zipfile

    nested = tmp_path / "nested.keras"
    with zipfile.ZipFile(models / "ok.keras") as zin, zipfile.ZipFile(nested, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, ("[" * 200000 + "]" * 200000).encode() if item.filename == "config.json" else data)
    (tmp_path / "nested.labels.txt").write_text("cat\ndog\n", encoding="utf-8")
    done = cli("predict", nested, photos)
    assert done.returncode == 1 and str(nested) in done.stderr and "nested too deeply" in done.stderr, done.stderr


@pytest.mark.slow
def test_a_model_with_the_wrong_input_is_refused_in_plain_words(models, photos):
    done = cli("predict", models / "grey.keras", photos)
    assert done.returncode == 1 and str(models / "grey.keras") in done.stderr, done.stderr
    assert "(8, 8, 1)" in done.stderr and "\x1b[" not in done.stderr and "Functional.call" not in done.stderr


def test_a_run_whose_manifest_says_another_image_size_is_refused_before_decoding(tmp_path, photos):
    from alexnet_desktop.core.runs.folder import RunFolder
    from alexnet_desktop.core.runs.manifest import RunManifest
    from alexnet_desktop.core.tf_runtime import keras

    k = keras()
    run = RunFolder.create(tmp_path / "runs", "tiny", "data")
    RunManifest.from_record({"class_names": ["a", "b"], "image_size": 8, "status": "finished"}).write(run.path)
    run.write_labels(["a", "b"])
    inputs = k.Input((8, 8, 3))
    model = k.Model(inputs, k.layers.Dense(2, activation="softmax")(k.layers.Flatten()(inputs)))
    model.compile("sgd", "sparse_categorical_crossentropy")
    run.save_checkpoint(model)
    run.save_model(model)
    manifest = json.loads((run.path / "run.json").read_text(encoding="utf-8"))
    manifest["image_size"] = 4000
    (run.path / "run.json").write_text(json.dumps(manifest), encoding="utf-8")
    rc, seconds, peak, out = measured("predict", run.path, photos)
    assert rc == 1 and str(run.path / "run.json") in out and "4000" in out, out
    assert peak < 1500, peak


def test_files_the_app_writes_get_the_users_mode_not_a_private_one(tmp_path):
    """mkstemp makes its files 0600 and a rename keeps that: a run's manifest, an exported
    predictions file or a heat map would be unreadable to colleagues under the usual umask."""
    import stat

    from alexnet_desktop.core.files import user_mode
    from alexnet_desktop.core.files import atomic_write_text

    atomic_write_text(tmp_path / "run.json", "{}")
    assert stat.S_IMODE((tmp_path / "run.json").stat().st_mode) == user_mode()
    old = os.umask(0o022)
    try:
        assert user_mode() == 0o644
    finally:
        os.umask(old)
