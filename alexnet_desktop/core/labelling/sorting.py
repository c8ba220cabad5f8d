"""Sorting labelled files into class folders without ever losing one, and undoing it.

A sort is planned first (the dry run: every source, the class folder and the name it will
get), then carried out step by step under an append-only journal (`journal.py`, which also says how it is checked):

- nothing is overwritten: a name already taken gets " (2)", " (3)"... before its suffix;
- a copy is written to a temporary name in the class folder, flushed, re-read and checked
  against the source's size and SHA-256, and only then given its final name;
- a move is that copy followed by removing the source, only once the copy is verified;
- the journal records each step before it starts and after each stage, flushed to disk, so
  a sort that was cancelled, crashed or killed is resumed from its journal, and any sort,
  finished or not, is undone from it (a moved file goes back, a copy is removed);
- nothing is ever written outside the output folder (`sort_plan.py` makes the plan, with
  safe folder names).

At any moment each file is whole in at least one place; only the one file in flight can
briefly exist twice (source and verified copy), which resume and undo both resolve.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from alexnet_desktop.core.wording import N_, say
from alexnet_desktop.core.events import Emit, Message, Progress, no_emit
from alexnet_desktop.core.jobs import Cancelled
from alexnet_desktop.core.labelling.journal import Journal, JournalState
from alexnet_desktop.core.labelling.sort_plan import SortPlan

_CHUNK = 1 << 20


class SortStopped(OSError):
    """A sort that stopped on an error (a full or read-only destination...), every file whole;
    the message says what happened and how to resume."""

    def __init__(self, message: str, journal: Path, done: int, total: int) -> None:
        super().__init__(message)
        self.journal, self.done, self.total = journal, done, total


class SortCancelled(Cancelled):
    """A sort (or undo) stopped as asked between two files: every file is whole, and the same
    call on its journal finishes it (or undo puts back what it moved)."""

    def __init__(self, journal: Path, done: int, total: int) -> None:
        super().__init__(journal)
        self.journal, self.done, self.total = journal, done, total


@dataclass
class SortResult:
    """How a sort (or its undo) ended."""

    journal: Path
    done: int
    total: int
    problems: list[tuple[Path, str]] = field(default_factory=list)
    done_before: int = 0  # of `done`, those already done before this call (an undo run again)


def _sha256(path: Path) -> tuple[int, str]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return size, h.hexdigest()


def _copy_verified(source: Path, dest: Path, tag: str) -> tuple[int, str]:
    """Copy to a temporary name beside `dest`, flush, re-read and compare, then take `dest`
    (never replacing a file); returns the size and hash."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f"{_partial_prefix(dest)}.{tag}.partial")
    h = hashlib.sha256()
    size = 0
    try:
        with open(source, "rb") as src, open(tmp, "wb") as dst:
            while chunk := src.read(_CHUNK):
                h.update(chunk)
                size += len(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        if _sha256(tmp) != (size, h.hexdigest()):
            raise OSError(say("{0}: the copy does not match its source after writing (disk or memory error)", dest))
        if _sha256(source) != (size, h.hexdigest()):
            raise OSError(say("{0}: changed while it was being copied", source))
        # The copy keeps its source's modification time: a sorted (or restored) photo keeps its date.
        os.utime(tmp, ns=((st := os.stat(source)).st_atime_ns, st.st_mtime_ns))
        try:
            os.link(tmp, dest)  # fails rather than replace a file that appeared meanwhile
        except FileExistsError:
            raise FileExistsError(say("{0}: a file of that name appeared during the sort; not replaced", dest)) from None
        except OSError:
            if dest.exists():
                raise FileExistsError(say("{0}: a file of that name appeared during the sort; not replaced", dest)) from None
            os.rename(tmp, dest)  # a file system without hard links
    finally:
        tmp.unlink(missing_ok=True)
    try:  # make the new name durable
        fd = os.open(dest.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass
    return size, h.hexdigest()


def _partial_prefix(dest: Path) -> str:
    # From a hash of the name, not the name: a 250-byte file name plus a suffix would pass
    # the file system's 255-byte limit.
    return ".alexnet-" + hashlib.sha256(os.fsencode(dest.name)).hexdigest()[:20]


def _remove_partials(dest: Path) -> None:
    for partial in dest.parent.glob(f"{_partial_prefix(dest)}.*.partial"):
        partial.unlink(missing_ok=True)


def start_sort(plan: SortPlan, journal_path: str | Path | None = None) -> Journal:
    """Write the journal of `plan` (header and every planned step) and return it; nothing is moved yet."""
    plan.out.mkdir(parents=True, exist_ok=True)
    path = Path(journal_path) if journal_path else plan.out / f".alexnet-sort-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.journal"
    return Journal.create(path, plan.out, plan.move, [
        {"step": s.index, "src": str(s.source), "dst": str(s.dest), "label": s.label} for s in plan.steps])


def run_sort(
    journal_path: str | Path,
    emit: Emit = no_emit,
    stop: threading.Event | None = None,
) -> SortResult:
    """Carry out (or resume) the sort its journal describes, from wherever it got to.

    A set `stop` raises `SortCancelled` between files; any error stops the sort with every
    file whole, and the same call resumes it later.
    """
    journal = Journal(Path(journal_path))
    state = journal.state()
    steps, out, move = state.steps, state.out, state.move
    if state.undone:
        raise ValueError(say("{0}: this sort has been (partly) undone; it cannot be resumed", journal.path))
    if state.changed:
        raise ValueError(say("{0}: step {1} of the journal was changed (it fails its check), so the sort is not "
                             "resumed; every file stays where it is", journal.path, min(state.changed) + 1))
    total = len(steps)
    done = sum(1 for s in steps.values() if s["state"] == "done")
    _warn_missing(state, emit)
    emit(Progress(done, total, N_("files sorted")))
    for index in sorted(steps):
        step = steps[index]
        if step["state"] == "done":
            continue
        if stop is not None and stop.is_set():
            raise SortCancelled(journal.path, done, total)
        try:
            _sort_step(journal, out, move, index, step, state.source_folder_recorded)
        except OSError as exc:
            where = exc.filename or step["dst"]
            raise SortStopped(
                say("{0}: {1}. The sort stopped with every file whole ({2:,} of {3:,} sorted, the rest still where "
                    "they were); fix the cause (free space, a writable folder) and resume it with: alexnet-desktop "
                    "sort --resume {4}", where, exc.strerror or exc, done, total, journal.path),
                journal.path, done, total,
            ) from exc
        done += 1
        emit(Progress(done, total, N_("files sorted")))
    return SortResult(journal.path, done, total)


def _missing_reason(state: JournalState) -> str:
    """Why the steps whose every line was deleted from the journal are left alone."""
    return say("{0:,} of the sort's {1:,} steps are missing from the journal (lines deleted); the files they name "
               "stay where they are: look for them in {2} and in the folders they came from", state.missing,
               state.header.get("steps"), state.out)


def _warn_missing(state: JournalState, emit: Emit) -> None:
    """Say when lines of planned steps were deleted from the journal: the files they name are
    not known to resume or undo, so they stay wherever they are."""
    if state.missing:
        emit(Message(say("{0}: {1}", state.header.get("journal", ""), _missing_reason(state)), "warning"))


def _sort_step(journal: Journal, out: Path, move: bool, index: int, step: dict[str, Any],
               sources_ok: Callable[[Path], bool]) -> None:
    """Carry one journalled step from where it got to through to "done"."""
    source, dest = Path(step["src"]), Path(step["dst"])
    if not _inside_sort(dest, out):
        raise ValueError(say("{0}: not in a plain class folder of {1}; nothing is written outside it", dest, out))
    if not sources_ok(source):
        raise ValueError(say("{0}: not in a folder the sort took files from; the journal was changed", source))
    _remove_partials(dest)  # left by a copy that was killed
    just_copied = False
    if step["state"] == "planned":
        if dest.exists() and not source.exists() and not source.is_symlink() and not dest.is_symlink():
            # The journal lost this step's later lines (cut or edited): the file was sorted before,
            # so its state is recorded as it is, and no file is touched.
            size, digest = _sha256(dest)
        elif dest.exists():
            # A crash after the copy took its name but before "copied" was recorded.
            if _sha256(dest) != _sha256(source):
                raise FileExistsError(say("{0}: exists and is not a copy of {1}; not replaced", dest, source))
            size, digest = _sha256(dest)
        else:
            if not source.is_file():
                raise FileNotFoundError(say("{0}: gone before it could be sorted", source))
            size, digest = _copy_verified(source, dest, f"{os.getpid()}-{index}")
            just_copied = True
        journal.append({"step": index, "state": "copied", "size": size, "sha256": digest})
        step.update(state="copied", size=size, sha256=digest)
    if step["state"] == "copied":
        if move and source.exists():
            # Checked again only when resuming: a copy verified a moment ago needs no
            # fourth read, but one from an earlier session may have been changed since.
            if not just_copied and _sha256(dest) != (step["size"], step["sha256"]):
                raise OSError(say("{0}: no longer matches {1}; the source is kept", dest, source))
            source.unlink()
        journal.append({"step": index, "state": "done"})
        step["state"] = "done"


@dataclass(frozen=True)
class SortJournalled:
    """A sort job's first event: the journal is written, so Undo can put back whatever the
    sort moves from now on."""

    journal: Path
    total: int


def sort_files(plan: SortPlan, emit: Emit = no_emit, stop: threading.Event | None = None,
               journal_path: str | Path | None = None) -> SortResult:
    """The sort job: journal `plan` (`SortJournalled`), then carry it out (`Progress`; a stop
    raises `SortCancelled`, and `run_sort` on the journal finishes it)."""
    journal = start_sort(plan, journal_path).path
    emit(SortJournalled(journal, len(plan.steps)))
    return run_sort(journal, emit, stop)


def sort_all(plans: Sequence[SortPlan], new_journal: Callable[[], str | Path | None] = lambda: None,
             emit: Emit = no_emit, stop: threading.Event | None = None) -> list[SortResult]:
    """`sort_files` for each plan in turn, each under a journal of its own at `new_journal()`
    (a relabel that touches several dataset folders); a stop leaves the plans not begun untouched."""
    return [sort_files(plan, emit, stop, new_journal()) for plan in plans]


def undo_all(journals: Sequence[str | Path], emit: Emit = no_emit,
             stop: threading.Event | None = None) -> list[SortResult]:
    """The undo job: `undo_sort` for each journal, the last sorted first."""
    return [undo_sort(journal, emit, stop) for journal in reversed(journals)]


def _inside_sort(dest: Path, out: Path) -> bool:
    """True when `dest` is a file directly in a plain class folder of `out`: the only places a
    sort writes, so the only ones its undo may remove anything from."""
    dest = Path(os.path.abspath(dest))
    return dest.parent.parent == Path(os.path.abspath(out)) and not dest.parent.is_symlink() and not out.is_symlink()


def _holds(path: Path, recorded: tuple[Any, Any]) -> bool:
    """True when `path` is a regular file (not a link) with the recorded size and hash."""
    try:
        return not path.is_symlink() and path.is_file() and _sha256(path) == recorded
    except OSError:
        return False


def _restore_unrecorded(dest: Path, source: Path, move: bool, index: int, problems: list[tuple[Path, str]]) -> bool:
    """Undo a step the journal records only as planned although `dest` exists (a crash just after
    the copy, or the journal's later lines lost): True once `dest` is gone with an identical
    `source` in place, False (with the reason in `problems`) when it must stay."""
    if _holds(source, _sha256(dest)):
        dest.unlink()
        return True
    if source.exists() or source.is_symlink():
        return True  # a different file took the original's name: the sorted one stays where it is
    if not move:
        # A copy-sort never removes its originals: this one was deleted, so the copy may be the only one.
        problems.append((dest, say("kept: the original {0} is gone, so this may be the only copy", source)))
        return False
    # A move whose later journal lines were lost: the sorted file is the original, moved back whole.
    _copy_verified(dest, source, f"undo-{os.getpid()}-{index}")
    if not _holds(source, _sha256(dest)):
        problems.append((dest, say("kept: {0} could not be restored whole", source)))
        return False
    dest.unlink()
    return True


def _changed_step(journal: Path, index: int, step: dict[str, Any]) -> tuple[Path, str]:
    """The problem undo reports for a step whose journal lines were changed or lost."""
    if isinstance(step.get("dst"), str):
        return Path(step["dst"]), say("its line in the journal was changed (it fails its check), so undo leaves it")
    return journal, say("step {0}: its planned line is missing or damaged, so undo cannot tell which file it moved "
                        "and leaves it", index)


def undo_sort(journal_path: str | Path, emit: Emit = no_emit, stop: threading.Event | None = None) -> SortResult:
    """Put every file of a sort back as it was: moved files return to where they came from,
    copies are removed, and the folders the sort made are removed when empty.

    A sorted file is removed only once an identical copy (the size and hash the journal
    recorded) is proven to be at its original place, after copying it back there if that
    place is empty. Otherwise it is kept and reported: a copy changed since the sort, an
    original replaced by a different file (a camera reusing names), an original deleted after
    a copy-sort (the copy is then the only one), a path outside the sort's class folders (a
    hand-edited journal). Kept files are not marked undone, so undo may be run again once the
    cause is fixed. Undo is journalled too: an interrupted (or stopped: `SortCancelled`) undo is
    finished by running it again.
    """
    journal = Journal(Path(journal_path))
    state = journal.state()
    steps, undone, out, move = state.steps, state.undone, state.out, state.move
    problems: list[tuple[Path, str]] = []
    if state.missing:
        problems.append((journal.path, _missing_reason(state)))
    todo = [i for i in sorted(steps, reverse=True) if i not in undone]
    total = len(steps)
    count = total - len(todo)
    for index in todo:
        if stop is not None and stop.is_set():
            raise SortCancelled(journal.path, count, total)
        step = steps[index]
        if index in state.changed:
            problems.append(_changed_step(journal.path, index, step))
            continue
        source, dest = Path(step["src"]), Path(step["dst"])
        if not _inside_sort(dest, out) or not state.source_folder_recorded(source):
            problems.append((dest, say("not in a class folder of {0}; the journal was changed, so undo leaves it", out)))
            continue
        recorded = (step.get("size"), step.get("sha256"))
        _remove_partials(dest)
        try:
            if step["state"] == "planned":
                # Never copied (or the copy was not recorded): only a verified copy may be removed.
                if dest.exists() and not dest.is_symlink():
                    if not _restore_unrecorded(dest, source, move, index, problems):
                        continue
            elif dest.is_symlink() or not dest.exists():
                if move and not _holds(source, recorded):
                    problems.append((source, say("its sorted copy {0} is gone; cannot restore", dest)))
                    continue
            else:
                if _sha256(dest) != recorded:
                    problems.append((dest, say("changed since the sort; left in place")))
                    continue
                if not source.exists() and not source.is_symlink():
                    if not move:
                        problems.append((dest, say("kept: the original {0} was deleted after the sort, so this copy "
                                                   "is the only one", source)))
                        continue
                    _copy_verified(dest, source, f"undo-{os.getpid()}-{index}")
                if not _holds(source, recorded):
                    problems.append((dest, say("kept: {0} now holds a different file; move that one aside and undo "
                                               "again", source)))
                    continue
                dest.unlink()
        except OSError as exc:
            problems.append((dest, str(exc)))
            continue
        journal.append({"undone": index})
        count += 1
        emit(Progress(count, total, N_("files restored")))
    for folder in sorted({Path(str(s.get("dst", out))).parent for s in steps.values()}, reverse=True):
        if not _inside_sort(folder / "x", out):
            continue
        try:
            folder.rmdir()  # only if empty
        except OSError:
            pass
    for path, why in problems:
        emit(Message(say("{0}: {1}", path, why), "warning"))
    return SortResult(journal.path, count, total, problems=problems, done_before=total - len(todo))
