"""The dataset check on a corpus of real-world files, good and bad; leaks and duplicates."""

from __future__ import annotations

import json
import os

from alexnet_desktop.cli import main
from alexnet_desktop.core.data.datasets import Split
from alexnet_desktop.core.data.scan import find_leaks, scan_dataset
from tests.dataset_files import image, write_messy_dataset


def test_every_corpus_file_gives_what_it_should(host, tmp_path):
    root = tmp_path / "messy"
    expect = write_messy_dataset(root)
    if os.geteuid() == 0:
        expect["locked.jpg"] = "ok"  # root can read anything: the permission case is not testable here
    dataset = host.loader("folder").load(root)
    report = scan_dataset(dataset)
    outcome: dict[str, str] = {}
    for s in report.accepted:
        outcome[s.path.name] = "ok"
    for p, r in report.flagged:
        outcome[p.name] = f"flagged: {r}"
    for p, r in report.rejected:
        outcome[p.name] = f"rejected: {r}"
    for p, r in report.passed_over:
        outcome[p.name] = f"passed over: {r}"
    for name, want in expect.items():
        kind, _, words = want.partition(": ")
        got = outcome.get(name, "missing")
        assert got.startswith(kind), (name, got)
        assert words.lower() in got.lower(), (name, got)
    assert report.counts() == {"good": 4, "odd": 9 + (1 if os.geteuid() == 0 else 0)}
    text = " ".join(report.warnings)
    assert "duplicate" in text and "extension" in text and "smaller than" in text


def test_same_image_in_train_and_test_and_under_two_labels(host, tmp_path):
    root = tmp_path / "data"
    for part in ("train", "test"):
        for c, colour in (("a", (200, 0, 0)), ("b", (0, 0, 200))):
            for i in range(3):
                image(root / part / c / f"{part}_{i}.png", colour)
    (root / "test" / "a" / "test_0.png").write_bytes((root / "train" / "a" / "train_0.png").read_bytes())
    (root / "train" / "b" / "confused.png").write_bytes((root / "train" / "a" / "train_1.png").read_bytes())
    report = scan_dataset(host.loader("folder").load(root))
    text = " ".join(report.warnings)
    assert "1 test image(s) are also in the training images" in text
    assert "under two different labels" in text
    flagged = {p.name: r for p, r in report.flagged}
    assert "identical to training image" in flagged["test_0.png"]
    assert "labelled 'b', not 'a'" in flagged["confused.png"]


def test_split_keeps_copies_together(tmp_path):
    from alexnet_desktop.core.data.datasets import Sample
    from pathlib import Path

    samples = [Sample(Path(f"x{i}.png"), "a") for i in range(10)]
    digests = {s.path: f"d{i // 2}" for i, s in enumerate(samples)}  # five pairs of copies
    for seed in range(20):
        train, val = Split(0.3, seed).apply(samples, digests)
        assert not find_leaks(train, val, digests)
        assert len(val) in (2, 4)


def test_cli_scan_reports_and_json(tmp_path, capsys):
    root = tmp_path / "messy"
    write_messy_dataset(root)
    assert main(["scan", str(root)]) == 0
    out = capsys.readouterr().out
    assert "rejected" in out and "truncated" in out and "worth a look" in out
    assert main(["scan", str(root), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["good"] == 4 and data["flagged"] and data["rejected"]
    assert main(["scan", str(root), "--option", "recursive=maybe"]) == 1
    assert "takes a bool" in capsys.readouterr().err
