"""More than 40 kinds of bad and odd files through scan, train, evaluate, predict and sort:
no crash, no hang, every file used or reported with its reason, every source unchanged."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import stat
from pathlib import Path

import pytest

from alexnet_desktop.cli import main
from alexnet_desktop.core.data.scan import scan_dataset
from tests.dataset_files import write_hostile_corpus


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under `root` (links not followed): its kind, mode, and bytes' hash or link target."""
    out: dict[str, tuple] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(folder) / name
            st = path.lstat()
            key = str(path.relative_to(root))
            if stat.S_ISLNK(st.st_mode):
                out[key] = ("link", os.readlink(path))
            elif stat.S_ISREG(st.st_mode):
                try:
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                except PermissionError:
                    digest = None
                out[key] = ("file", st.st_mode, st.st_size, st.st_mtime_ns, digest)
            else:
                out[key] = ("other", st.st_mode)
    return out


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    expect = write_hostile_corpus(root)
    yield root, expect
    for folder, dirs, _ in os.walk(root):  # let pytest clean up the locked folder
        for d in dirs:
            os.chmod(Path(folder) / d, 0o755)


def _outcomes(report, root: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for s in report.accepted:
        out[str(s.path.relative_to(root))] = "ok"
    for p, r in report.flagged:
        out[str(p.relative_to(root))] = f"flagged: {r}"
    for p, r in report.rejected:
        out[str(p.relative_to(root))] = f"rejected: {r}"
    for p, r in report.passed_over:
        out[str(p.relative_to(root))] = f"passed over: {r}"
    return out


@pytest.mark.timeout(120)
def test_the_scan_accounts_for_every_file_with_its_reason(host, corpus):
    root, expect = corpus
    assert len(expect) >= 40
    before = snapshot(root)
    report = scan_dataset(host.loader("folder").load(root))
    got = _outcomes(report, root)
    for name, want in expect.items():
        kind, _, words = want.partition(": ")
        assert got.get(name, "missing").startswith(kind), (name, got.get(name, "missing"))
        assert words.lower() in got[name].lower(), (name, got[name])
    # Nothing under the root is silently ignored: every file is an outcome, or lies inside a
    # folder that is one (a hidden, junk, looping or locked folder).
    for key, entry in before.items():
        if entry[0] == "other" and stat.S_ISDIR(entry[1]):
            continue
        parts = Path(key).parts
        assert any(str(Path(*parts[:i])) in got for i in range(1, len(parts) + 1)), f"{key!r} is not accounted for"
    assert "class 'only_broken' has no usable images" in report.warnings
    assert snapshot(root) == before


def test_every_exif_orientation_is_applied(corpus):
    from alexnet_desktop.core.data.images import decode_image

    root, _ = corpus
    for orientation in range(1, 9):
        a = decode_image(root / "dogs" / f"exif_{orientation}.jpg")
        # Stored 60 wide with red on the left; tags 5-8 turn it a quarter, 2-4 mirror or turn it half.
        assert a.shape == ((40, 60, 3) if orientation < 5 else (60, 40, 3)), orientation
        red_first = a[0, 0, 0] > a[0, 0, 2] if orientation < 5 else None
        if orientation in (1, 4):
            assert red_first, orientation
        elif orientation in (2, 3):
            assert not red_first, orientation


@pytest.mark.slow  # trains, evaluates, predicts and sorts a whole corpus: a minute or more
@pytest.mark.timeout(600)
def test_train_evaluate_predict_and_sort_the_corpus_without_losing_or_changing_a_file(corpus, tmp_path, capsys):
    root, _ = corpus
    before = snapshot(root)
    runs = tmp_path / "runs"
    assert main(["train", str(root), "--arch", "small-cnn", "--image-size", "32", "--epochs", "1",
                 "--batch-size", "8", "--run-dir", str(runs)]) == 0
    (run,) = runs.iterdir()
    assert (run / "model.keras").is_file()
    err = capsys.readouterr().err
    assert "only_broken" in err  # the class with nothing usable is named
    # The run keeps every file it could not use, with the reason.
    dataset = json.loads((run / "run.json").read_text(encoding="utf-8"))["dataset"]
    rejected = {Path(r["path"]).name: r["reason"] for r in dataset["rejected"]}
    assert rejected["heic_photo.jpg"].startswith("HEIC") and "too large" in rejected["bomb.png"]
    assert len(rejected) == 17

    assert main(["evaluate", str(run), str(root), "--json"]) == 0
    capsys.readouterr()

    predictions = tmp_path / "predictions.csv"
    assert main(["predict", str(run), str(root), "--recursive", "--out", str(predictions)]) == 0
    err = capsys.readouterr().err
    for reported in ("dangling.png", "pipe.png", ".hidden.png", ".thumbnails", "README.txt", ".DS_Store"):
        assert reported in err, reported
    with open(predictions, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_path = {Path(r["path"]): r for r in rows}
    assert len(by_path) == len(rows)
    # Every predicted row has a label or the reason it has none.
    assert all((r["label"] and not r["error"]) or (r["error"] and not r["label"]) for r in rows)
    assert by_path[root / "cats" / "heic_photo.jpg"]["error"].startswith("HEIC")
    assert by_path[root / "dogs" / ("a" * 240 + ".png")]["label"]

    out = tmp_path / "sorted"
    assert main(["sort", str(predictions), "--to", str(out)]) == 0
    err = capsys.readouterr().err
    copied = {}
    for folder, _, files in os.walk(out):
        for name in files:
            if not name.startswith(".alexnet-sort"):
                p = Path(folder) / name
                copied.setdefault(hashlib.sha256(p.read_bytes()).hexdigest(), []).append(p)
    # A symbolic link is left (with its reason), never followed into a copy or a move.
    readable = [p for p, r in by_path.items() if r["label"] and not p.is_symlink()]
    for p in readable:  # each labelled file arrived, with its bytes
        assert hashlib.sha256(p.read_bytes()).hexdigest() in copied, p
    assert f"{len(rows) - len(readable)} file(s) left where they are" in err
    assert sum(len(v) for v in copied.values()) == len(readable)
    assert not [p for p in out.rglob("*.partial")]
    assert snapshot(root) == before, "a source file was changed"


@pytest.mark.parametrize("command", ["predict {model} {data}", "evaluate {model}", "check-labels {data} --run {model}"])
def test_a_model_or_run_that_is_not_there_is_said_to_be_missing(command, tmp_path, capsys, workspace):
    """Not "only .keras models can be loaded": the path names nothing at all."""
    from tests.conftest import write_colour_dataset

    data = write_colour_dataset(tmp_path / "data", per_class=6)
    missing = tmp_path / "nowhere"
    code = main(command.format(model=missing, data=data).split())
    err = capsys.readouterr().err
    assert code != 0 and f"{missing}: no such file or folder" in err, err
