"""Sorting into class folders: safe names, no overwrite, verified copies, interrupted and
failed sorts resumed, and undo restoring the original tree byte for byte."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from alexnet_desktop.core.labelling import sorting
from alexnet_desktop.core.events import Progress
from alexnet_desktop.core.labelling.sorting import (
    Journal, SortCancelled, SortJournalled, run_sort, sort_all, sort_files, start_sort, undo_all, undo_sort,
)
from alexnet_desktop.core.labelling.sort_plan import class_folders, plan_sort, relabel_plans, safe_folder_name
from alexnet_desktop.core.labelling.session import UNCERTAIN_LABEL as UNCERTAIN


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` (journals aside) by relative path, with its bytes."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.name.endswith(".journal")}


def make_inbox(root: Path, n: int = 12) -> list[tuple[Path, str]]:
    """`n` files in two sub-folders, some with the same name, labelled cat/dog in turn."""
    labelled = []
    for i in range(n):
        folder = root / ("a" if i % 2 else "b")
        folder.mkdir(parents=True, exist_ok=True)
        p = folder / f"img{i // 2}.jpg"  # a/img0.jpg and b/img0.jpg: the same name twice
        p.write_bytes(bytes([i]) * (1000 + 37 * i))
        labelled.append((p, "cat" if i % 3 else "dog"))
    return labelled


@pytest.mark.parametrize("name, safe", [
    ("cat", "cat"), ("..", "_unnamed"), (".", "_unnamed"), (".hidden", "_hidden"), ("a/b", "a_b"), ("a\\b", "a_b"),
    ("../../etc", "__.._etc"), ("CON", "CON_"), ("nul.txt", "nul.txt_"), ("  x. ", "x"), ("", "_unnamed"),
    ("what?*", "what__"), ("é", "é"),
])
def test_class_names_become_safe_folder_names(name, safe):
    assert safe_folder_name(name) == safe


def test_labels_that_make_the_same_folder_get_different_ones():
    folders = class_folders(["a/b", "a_b", "Cat", "cat"])
    assert len({f.casefold() for f in folders.values()}) == 4


def test_dry_run_writes_nothing_and_says_what_would_happen(tmp_path):
    labelled = make_inbox(tmp_path / "in")
    before = tree(tmp_path)
    plan = plan_sort(labelled + [(tmp_path / "in" / "gone.jpg", "cat")], tmp_path / "out")
    assert not (tmp_path / "out").exists() and tree(tmp_path) == before
    text = plan.describe()
    assert "Would copy 12 file(s)" in text and "cat/: 8" in text and "dog/: 4" in text
    assert "renamed to avoid a name already taken" in text and "gone.jpg: missing" in text


def test_copy_never_overwrites_and_leaves_the_sources_untouched(tmp_path):
    labelled = make_inbox(tmp_path / "in")
    (tmp_path / "out" / "cat").mkdir(parents=True)
    (tmp_path / "out" / "cat" / "img1.jpg").write_bytes(b"the user's own file")
    sources = tree(tmp_path / "in")
    result = sort_files(plan_sort(labelled + [(labelled[0][0], "dog")], tmp_path / "out"))
    assert result.done == result.total == 12
    assert tree(tmp_path / "in") == sources
    assert (tmp_path / "out" / "cat" / "img1.jpg").read_bytes() == b"the user's own file"
    sorted_files = tree(tmp_path / "out")
    assert len(sorted_files) == 13  # 12 copies and the user's file
    assert sorted(sorted_files.values()) == sorted([*sources.values(), b"the user's own file"])
    assert "img1 (2).jpg" in {Path(k).name for k in sorted_files}
    assert not list((tmp_path / "out").rglob("*.partial"))


def test_low_confidence_goes_to_uncertain_and_nothing_goes_outside_out(tmp_path):
    labelled = make_inbox(tmp_path / "in", 4)
    plan = plan_sort([(labelled[0][0], None), (labelled[1][0], "../../escape"), (labelled[2][0], "..")],
                     tmp_path / "out")
    sort_files(plan)
    out = tmp_path / "out"
    assert {p.parent.name for p in out.rglob("*.jpg")} == {UNCERTAIN, "__.._escape", "_unnamed"}
    assert all(out in p.resolve().parents for p in out.rglob("*"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out", "workspace"]  # the autouse fixture


def test_a_journal_that_points_outside_out_is_refused(tmp_path):
    labelled = make_inbox(tmp_path / "in", 2)
    journal = start_sort(plan_sort(labelled, tmp_path / "out"))
    lines = journal.path.read_text().splitlines()
    step = json.loads(lines[1])
    step["dst"] = str(tmp_path / "elsewhere" / "x.jpg")
    journal.path.write_text("\n".join([lines[0], json.dumps(step), *lines[2:]]) + "\n")
    with pytest.raises(ValueError, match="journal was changed"):
        run_sort(journal.path)
    assert not (tmp_path / "elsewhere").exists()


def test_a_failure_mid_copy_leaves_every_file_whole_and_the_sort_resumes(tmp_path, monkeypatch):
    labelled = make_inbox(tmp_path / "in")
    sources = tree(tmp_path / "in")
    opened = {"n": 0}
    real_open = open

    class DiskFull:
        def __init__(self, f):
            self.f = f

        def write(self, data):
            self.f.write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.f, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

    def failing_open(path, mode="r", *args, **kw):
        f = real_open(path, mode, *args, **kw)
        if "w" in mode and str(path).endswith(".partial"):
            opened["n"] += 1
            if opened["n"] == 5:
                return DiskFull(f)
        return f

    monkeypatch.setattr(sorting, "open", failing_open, raising=False)
    plan = plan_sort(labelled, tmp_path / "out", move=True)
    journal = start_sort(plan)
    with pytest.raises(OSError, match="No space"):
        run_sort(journal.path)
    monkeypatch.undo()
    # Four moved, the fifth failed: every file is whole in exactly one place, no partial file.
    assert len(tree(tmp_path / "in")) == 8 and len(tree(tmp_path / "out")) == 4
    assert sorted([*tree(tmp_path / "in").values(), *tree(tmp_path / "out").values()]) == sorted(sources.values())
    assert not list((tmp_path / "out").rglob("*.partial"))
    result = run_sort(journal.path)
    assert result.done == 12 and tree(tmp_path / "in") == {}
    assert sorted(tree(tmp_path / "out").values()) == sorted(sources.values())


def test_a_move_stopped_after_k_of_n_resumes_and_undo_restores_the_tree_byte_for_byte(tmp_path):
    labelled = make_inbox(tmp_path / "in")
    original = tree(tmp_path / "in")
    stop = threading.Event()

    def emit(event):
        if isinstance(event, Progress) and event.done == 5:
            stop.set()

    journal = start_sort(plan_sort(labelled, tmp_path / "out", move=True))
    with pytest.raises(SortCancelled) as stopped:
        run_sort(journal.path, emit, stop)
    assert (stopped.value.done, stopped.value.total, stopped.value.journal) == (5, 12, journal.path)
    assert len(tree(tmp_path / "in")) == 7 and len(tree(tmp_path / "out")) == 5
    assert run_sort(journal.path).done == 12
    assert tree(tmp_path / "in") == {}
    undo = undo_sort(journal.path)
    assert undo.problems == [] and undo.done == 12
    assert tree(tmp_path / "in") == original
    assert [p.name for p in (tmp_path / "out").iterdir()] == [journal.path.name]  # class folders removed


def test_a_kill_between_copy_and_removal_is_resolved_by_resume_and_by_undo(tmp_path, monkeypatch):
    labelled = make_inbox(tmp_path / "in", 6)
    original = tree(tmp_path / "in")
    real_append = Journal.append

    def append_then_die(self, record):
        real_append(self, record)
        if record.get("step") == 2 and record.get("state") == "copied":
            raise KeyboardInterrupt  # as if killed: the copy is verified, the source not yet removed

    journal = start_sort(plan_sort(labelled, tmp_path / "out", move=True))
    monkeypatch.setattr(Journal, "append", append_then_die)
    with pytest.raises(KeyboardInterrupt):
        run_sort(journal.path)
    monkeypatch.undo()
    assert len(tree(tmp_path / "in")) == 4 and len(tree(tmp_path / "out")) == 3  # file 2 is in both, whole
    undo_sort(journal.path)
    assert tree(tmp_path / "in") == original and tree(tmp_path / "out") == {}


def test_undo_of_a_copy_keeps_a_copy_the_user_changed(tmp_path):
    labelled = make_inbox(tmp_path / "in", 4)
    result = sort_files(plan_sort(labelled, tmp_path / "out"))
    edited = next((tmp_path / "out").rglob("*.jpg"))
    edited.write_bytes(b"edited by the user")
    undo = undo_sort(result.journal)
    assert [p for p, _ in undo.problems] == [edited] and edited.read_bytes() == b"edited by the user"
    assert len(tree(tmp_path / "out")) == 1 and len(tree(tmp_path / "in")) == 4


def test_cli_sort_dry_run_sort_and_undo(tmp_path, capsys):
    from alexnet_desktop import cli

    labelled = make_inbox(tmp_path / "in", 6)
    original = tree(tmp_path / "in")
    csv_path = tmp_path / "p.csv"
    lines = ["path,label,confidence,cat,dog,top_k,source,error"]
    for i, (p, label) in enumerate(labelled):
        source = "manual" if i == 0 else "predicted"
        lines.append(f"{p},{label},{0.3 if i < 2 else 0.9},,,,{source},")
    lines.append(f"{tmp_path / 'in' / 'bad.jpg'},,,,,,,truncated file")
    csv_path.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    assert cli.main(["sort", str(csv_path), "--to", str(out), "--move", "--min-confidence", "0.5", "--dry-run"]) == 0
    text = capsys.readouterr().out
    assert "Would move 6 file(s)" in text and "uncertain/: 1" in text and "bad.jpg: not predicted: truncated file" in text
    assert not out.exists()
    assert cli.main(["sort", str(csv_path), "--to", str(out), "--move", "--min-confidence", "0.5"]) == 0
    assert len(tree(out)) == 6 and len(list((out / UNCERTAIN).iterdir())) == 1  # the manual label kept its class
    journal = next(out.glob(".alexnet-sort-*.journal"))
    assert cli.main(["undo", str(journal)]) == 0
    assert tree(tmp_path / "in") == original


def _digests(root: Path) -> dict[str, list[str]]:
    """The hashes of every file under `root` (journals and partial copies aside), by file name."""
    import hashlib

    out: dict[str, list[str]] = {}
    for p in root.rglob("*"):
        if p.is_file() and not p.name.startswith(".alexnet-"):
            out.setdefault(p.name, []).append(hashlib.sha256(p.read_bytes()).hexdigest())
    return out


def _cli(*args: str) -> list[str]:
    import sys

    return [sys.executable, "-m", "alexnet_desktop", *args]


def _run_killed(cmd: list[str], delay: float) -> bool:
    """Run `cmd`; SIGKILL it after `delay` seconds unless it ended. True if it was killed."""
    import subprocess

    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _, err = proc.communicate(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return True
    assert proc.returncode == 0, err.decode()[-2000:]
    return False


def _run_killed_when(cmd: list[str], reached) -> bool:
    """Run `cmd`; SIGKILL it as soon as `reached()` is true unless it ended first. True if it
    was killed. The kill follows the work's progress, not a clock, so it lands while files move
    however fast or loaded the machine is."""
    import subprocess

    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while proc.poll() is None:
        if reached():
            proc.kill()
            proc.communicate()
            return True
        try:
            proc.wait(timeout=0.002)
        except subprocess.TimeoutExpired:
            pass
    err = proc.stderr.read()
    assert proc.returncode == 0, err.decode()[-2000:]
    return False


def _files_in(folder: Path, pattern: str) -> int:
    return sum(1 for p in folder.glob(pattern) if p.is_file())


@pytest.mark.timeout(600)
@pytest.mark.slow
def test_a_move_of_1000_files_killed_at_random_points_loses_nothing_and_undo_restores_it(tmp_path):
    import csv
    import os
    import random

    seed = int(os.environ.get("SORT_KILL_SEED", "20261123"))
    rng = random.Random(seed)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    rows = []
    for i in range(1000):
        p = inbox / f"img_{i:04d}.jpg"
        p.write_bytes(rng.randbytes(rng.randint(200, 3000)))
        rows.append({"path": str(p), "label": ("cat", "dog", "bird")[i % 3], "confidence": "0.9"})
    original = _digests(inbox)
    predictions = tmp_path / "predictions.csv"
    with open(predictions, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["path", "label", "confidence"])
        writer.writeheader()
        writer.writerows(rows)
    out = tmp_path / "sorted"

    def everything_still_there(exactly_once: bool) -> None:
        now = _digests(inbox)
        for name, digests in _digests(out).items():
            now.setdefault(name, []).extend(digests)
        for name, (digest,) in original.items():
            got = now.get(name, [])
            # Between the verified copy and the removal of its source a file exists twice.
            assert got and set(got) == {digest}, f"{name} lost or changed (seed {seed})"
            if exactly_once:
                assert len(got) == 1, f"{name} exists {len(got)} times (seed {seed})"

    # Each run is killed once it has brought a random number more files (1 to 60) to the class
    # folders: wherever in a file's copy, check and removal that moment falls.
    kills = 0
    for _ in range(40):
        journals = sorted(out.glob(".alexnet-sort-*.journal"))
        cmd = _cli("sort", "--resume", str(journals[-1])) if journals else _cli(
            "sort", str(predictions), "--to", str(out), "--move")
        target = _files_in(out, "*/*") + rng.randint(1, 60)
        if not _run_killed_when(cmd, lambda: _files_in(out, "*/*") >= target):
            break
        kills += 1
        everything_still_there(exactly_once=False)
    else:
        _run_killed(_cli("sort", "--resume", str(sorted(out.glob(".alexnet-sort-*.journal"))[-1])), 300)
    assert kills >= 5, f"only {kills} kills: the sort ended too soon to test anything"
    everything_still_there(exactly_once=True)
    assert not list(inbox.iterdir()), "every file was moved"
    assert {p.name for p in out.iterdir() if p.is_dir()} == {"cat", "dog", "bird"}
    assert not list(out.rglob("*.partial"))

    (journal,) = out.glob(".alexnet-sort-*.journal")
    back = rng.randint(1, 900)  # undo, killed too, once that many files are back (or not, if it ends first)
    _run_killed_when(_cli("undo", str(journal)), lambda: _files_in(inbox, "*") >= back)
    _run_killed(_cli("undo", str(journal)), 300)
    assert _digests(inbox) == original
    assert not [p for p in out.iterdir() if p.is_dir()]


@pytest.mark.parametrize("code, words", [(28, "No space left on device"), (30, "Read-only file system")])
def test_a_full_or_read_only_destination_stops_the_sort_with_every_source_whole(tmp_path, monkeypatch, code, words):
    import os

    inbox = tmp_path / "inbox"
    labelled = make_inbox(inbox, 12)
    before = tree(inbox)
    real_open = open
    fail_after = 4 if code == 28 else 0  # a disk fills up part-way; a read-only one from the start
    opened = []

    def failing_open(file, mode="r", *args, **kwargs):
        if "w" in mode and str(file).endswith(".partial"):
            opened.append(file)
            if len(opened) > fail_after:
                raise OSError(code, os.strerror(code), str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(sorting, "open", failing_open, raising=False)
    out = tmp_path / "sorted"
    with pytest.raises(sorting.SortStopped) as stopped:
        sort_files(plan_sort(labelled, out, move=True))
    message = str(stopped.value)
    assert words in message and "every file whole" in message and "--resume" in message
    assert stopped.value.done == fail_after
    # Moved files are in the destination whole; every other source is untouched.
    moved = tree(out)
    assert len(moved) == fail_after
    remaining = tree(inbox)
    assert sorted(list(moved.values()) + list(remaining.values())) == sorted(before.values())
    assert all(before[k] == v for k, v in remaining.items())
    assert not list(out.rglob("*.partial"))
    # Once there is room again, the same journal finishes the job.
    monkeypatch.undo()
    result = run_sort(stopped.value.journal)
    assert result.done == result.total == 12 and not tree(inbox)


@pytest.mark.parametrize("move", [True, False])
def test_sort_and_undo_keep_the_files_modification_times(tmp_path, move):
    """#32: a photo's date is its modification time to many viewers; a sort must not reset it."""
    import os

    labelled = make_inbox(tmp_path / "in", n=4)
    stamps = {}
    for i, (path, _) in enumerate(labelled):
        os.utime(path, ns=(1_500_000_000_000_000_000 + i, 1_400_000_000_000_000_000 + i * 1_000_000_000))
        stamps[path.read_bytes()] = os.stat(path).st_mtime_ns  # by content: two files share a name
    journal = start_sort(plan_sort(labelled, tmp_path / "out", move=move))
    assert run_sort(journal.path).done == 4
    sorted_files = [p for p in (tmp_path / "out").rglob("*") if p.is_file() and p != journal.path]
    assert {p.read_bytes(): p.stat().st_mtime_ns for p in sorted_files} == stamps
    assert undo_sort(journal.path).problems == []
    assert {p.read_bytes(): p.stat().st_mtime_ns for p in (tmp_path / "in").rglob("*") if p.is_file()} == stamps


def test_an_undo_stopped_part_way_is_finished_by_undoing_again(tmp_path):
    labelled = make_inbox(tmp_path / "in")
    original = tree(tmp_path / "in")
    events, stop = [], threading.Event()

    def emit(event):
        events.append(event)
        if isinstance(event, Progress) and event.done == 4 and "restored" in event.what:
            stop.set()

    result = sort_files(plan_sort(labelled, tmp_path / "out", move=True), emit)
    assert isinstance(events[0], SortJournalled) and events[0].journal == result.journal and events[0].total == 12
    with pytest.raises(SortCancelled) as stopped:
        undo_sort(result.journal, emit, stop)
    assert stopped.value.done == 4 and len(tree(tmp_path / "in")) == 4
    assert undo_sort(result.journal).done == 12 and tree(tmp_path / "in") == original


def test_a_relabel_across_two_datasets_has_a_journal_each_and_one_undo_puts_all_back(tmp_path):
    for root in ("a", "b"):
        for label in ("cat", "dog"):
            (tmp_path / root / label).mkdir(parents=True)
        (tmp_path / root / "cat" / "x.png").write_bytes(root.encode() * 10)
    before = tree(tmp_path)
    paths = [tmp_path / "a" / "cat" / "x.png", tmp_path / "b" / "cat" / "x.png"]
    plans = relabel_plans(paths, "dog")
    assert sorted(p.out for p in plans) == [tmp_path / "a", tmp_path / "b"]
    journals, names = [], iter(tmp_path / f"j{i}.journal" for i in range(9))
    results = sort_all(plans, lambda: next(names), lambda e: isinstance(e, SortJournalled) and journals.append(e.journal))
    assert [r.done for r in results] == [1, 1] and len(set(journals)) == 2
    assert (tmp_path / "a" / "dog" / "x.png").exists() and (tmp_path / "b" / "dog" / "x.png").exists()
    assert [r.done for r in undo_all(journals)] == [1, 1]
    assert tree(tmp_path) == before


def _cut_journal(journal: Path, keep) -> None:
    lines = journal.read_text().splitlines()
    journal.write_text("".join(line + "\n" for i, line in enumerate(lines) if keep(i, json.loads(line))))


@pytest.mark.parametrize("cut", [1, 3, 6])
def test_a_finished_move_whose_last_journal_lines_were_deleted_is_undone_whole(tmp_path, cut):
    labelled = make_inbox(tmp_path / "in", 6)
    original = tree(tmp_path / "in")
    journal = start_sort(plan_sort(labelled, tmp_path / "out", move=True)).path
    assert run_sort(journal).done == 6
    total = len(journal.read_text().splitlines())
    _cut_journal(journal, lambda i, record: i < total - cut)  # the last "copied"/"done" lines lost
    undo = undo_sort(journal)
    assert undo.problems == [] and undo.done == 6
    assert tree(tmp_path / "in") == original and tree(tmp_path / "out") == {}


def test_a_move_whose_last_journal_lines_were_deleted_resumes_without_touching_a_file(tmp_path):
    labelled = make_inbox(tmp_path / "in", 6)
    original = tree(tmp_path / "in")
    journal = start_sort(plan_sort(labelled, tmp_path / "out", move=True)).path
    run_sort(journal)
    sorted_tree = tree(tmp_path / "out")
    _cut_journal(journal, lambda i, record: record.get("step") not in (4, 5) or record.get("state") == "planned")
    assert run_sort(journal).done == 6  # steps 4 and 5 are found already sorted
    assert tree(tmp_path / "out") == sorted_tree and tree(tmp_path / "in") == {}
    undo_sort(journal)
    assert tree(tmp_path / "in") == original


def test_a_copy_whose_original_was_deleted_and_whose_lines_were_lost_keeps_the_copy(tmp_path):
    labelled = make_inbox(tmp_path / "in", 3)
    journal = start_sort(plan_sort(labelled, tmp_path / "out", move=False)).path
    run_sort(journal)
    _cut_journal(journal, lambda i, record: record.get("step") != 2 or record.get("state") == "planned")
    Path(labelled[2][0]).unlink()
    undo = undo_sort(journal)
    assert [why for _, why in undo.problems] == [f"kept: the original {labelled[2][0]} is gone, so this may be the only copy"]
    assert len(tree(tmp_path / "out")) == 1 and len(tree(tmp_path / "in")) == 2


def test_steps_deleted_from_a_journal_are_named_and_their_files_left_where_they_are(tmp_path):
    labelled = make_inbox(tmp_path / "in", 4)
    journal = start_sort(plan_sort(labelled, tmp_path / "out", move=True)).path
    run_sort(journal)
    _cut_journal(journal, lambda i, record: record.get("step") != 3)  # every line of step 3
    messages = []
    undo = undo_sort(journal, messages.append)
    assert undo.done == 3 and len(tree(tmp_path / "in")) == 3 and len(tree(tmp_path / "out")) == 1
    assert [(path, why[:50]) for path, why in undo.problems] == [(journal, "1 of the sort's 4 steps are missing from the journ")]
    warnings = [e.text for e in messages if getattr(e, "level", "") == "warning"]
    assert any("1 of the sort's 4 steps are missing from the journal" in w for w in warnings), warnings


def test_a_byte_that_is_not_utf8_costs_only_the_step_of_its_line(tmp_path):
    labelled = make_inbox(tmp_path / "in", 4)
    original = tree(tmp_path / "in")
    journal = start_sort(plan_sort(labelled, tmp_path / "out", move=True)).path
    run_sort(journal)
    lines = journal.read_bytes().splitlines(keepends=True)
    damaged = [line.replace(b'"step"', b'"st\xffep"') if (b'"step": 1,' in line and b'"done"' in line)
               or (b'"step": 2,' in line and b'"planned"' in line) else line for line in lines]
    journal.write_bytes(b"".join(damaged) + b"\xfe\xff trailing garbage\n")
    undo = undo_sort(journal)  # step 1 lost its "done" line only: its copy is verified and moved back
    assert undo.done == 3 and [why[:24] for _, why in undo.problems] == ["step 2: its planned line"]
    assert len(tree(tmp_path / "in")) == 3 and len(tree(tmp_path / "out")) == 1
    assert {name: data for name, data in original.items() if name in tree(tmp_path / "in")} == tree(tmp_path / "in")


def test_resuming_a_journal_with_steps_deleted_names_them_and_sorts_the_rest(tmp_path):
    labelled = make_inbox(tmp_path / "in", 4)
    journal = start_sort(plan_sort(labelled, tmp_path / "out", move=True)).path
    _cut_journal(journal, lambda i, record: record.get("step") != 3)  # step 3 never announced
    messages = []
    assert run_sort(journal, messages.append).done == 3
    assert len(tree(tmp_path / "in")) == 1 and len(tree(tmp_path / "out")) == 3
    assert any("1 of the sort's 4 steps are missing from the journal" in getattr(e, "text", "") for e in messages)
