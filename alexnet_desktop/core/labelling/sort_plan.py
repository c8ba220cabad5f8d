"""The plan of a sort (its dry run): every source, the class folder and the name it will get.

Class names become safe folder names (no separators, no "." or "..", no reserved Windows
names); a name already taken in a class folder gets " (2)", " (3)"... before its suffix, so
nothing is ever overwritten. `sorting.py` carries a plan out under its journal.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from alexnet_desktop.core.labelling.session import UNCERTAIN_LABEL
from alexnet_desktop.core.wording import Translate, same, say

_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_folder_name(name: str) -> str:
    """`name` made into one safe folder name on Linux, macOS and Windows.

    Separators, control characters and characters Windows forbids become "_"; leading
    dots (".", "..", hidden names) become "_"; trailing dots and spaces (which Windows
    drops) are removed; reserved device names (CON, NUL, COM1...) get a "_" suffix; the
    result is at most 100 characters and never empty.
    """
    text = unicodedata.normalize("NFC", str(name)).strip()
    text = re.sub(r'[\x00-\x1f\x7f/\\:*?"<>|]', "_", text)
    text = text.rstrip(". ")
    # A leading dot would hide the folder ("." and ".." are not names at all).
    text = re.sub(r"^\.+", "_", text) or "_unnamed"
    if text.split(".")[0].upper() in _RESERVED:
        text += "_"
    return text[:100]


def class_folders(labels: Iterable[str]) -> dict[str, str]:
    """Each label's folder name: safe, and distinct even when two labels make the same name
    ("a/b" and "a_b") or differ only in case (which case-insensitive file systems merge)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for label in sorted(set(labels)):
        base = safe_folder_name(label)
        name, n = base, 2
        while name.casefold() in taken:
            name = f"{base}_{n}"
            n += 1
        taken.add(name.casefold())
        out[label] = name
    return out


@dataclass(frozen=True)
class SortStep:
    """One file: where it is, where it goes."""

    index: int
    source: Path
    dest: Path
    label: str


@dataclass
class SortPlan:
    """What a sort will do (the dry run): its steps, and the files it leaves alone and why."""

    out: Path
    move: bool
    steps: list[SortStep]
    left: list[tuple[Path, str]] = field(default_factory=list)
    folders: dict[str, str] = field(default_factory=dict)  # label -> folder name

    def counts(self) -> dict[str, int]:
        """Files per destination folder."""
        out: dict[str, int] = {}
        for s in self.steps:
            out[s.dest.parent.name] = out.get(s.dest.parent.name, 0) + 1
        return out

    def describe(self, tr: Translate = same) -> str:
        """The dry run as text: what goes where, renames, and what is left alone."""
        what = tr("Would move {0} file(s) into {1}:") if self.move else tr("Would copy {0} file(s) into {1}:")
        lines = [what.format(len(self.steps), self.out)]
        lines += [f"  {folder}/: {n}" for folder, n in sorted(self.counts().items())]
        renamed = [s for s in self.steps if s.dest.name != s.source.name]
        if renamed:
            lines.append(tr("{0} file(s) renamed to avoid a name already taken, e.g. {1} -> {2}/{3}").format(
                len(renamed), renamed[0].source.name, renamed[0].dest.parent.name, renamed[0].dest.name))
        odd = [(label, f) for label, f in self.folders.items() if label != f]
        if odd:
            lines.append(tr("Class names changed to safe folder names: ") + ", ".join(f"{a!r} -> {b!r}" for a, b in odd))
        if self.left:
            lines.append(tr("{0} file(s) left where they are:").format(len(self.left)))
            lines += [f"  {p}: {why}" for p, why in self.left[:20]]
        return "\n".join(lines)


NAME_MAX = 255  # bytes in one file name on the common file systems


def _name_key(name: str) -> str:
    # Case- and normalisation-blind, as the destination may be (exFAT sticks, macOS):
    # "Case.png" and "case.png", or "café" composed and decomposed, must not meet there.
    return unicodedata.normalize("NFC", name).casefold()


def _fit(stem: str, tail: str) -> str:
    """`stem + tail`, the stem shortened (by whole characters) to fit NAME_MAX bytes."""
    while len(os.fsencode(stem + tail)) > NAME_MAX and stem:
        stem = stem[:-1]
    return stem + tail


def _unique(folder: Path, name: str, taken: set[str]) -> Path:
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, n = name, 2
    while _name_key(candidate) in taken or (folder / candidate).exists() or (folder / candidate).is_symlink():
        candidate = _fit(stem, f" ({n}){suffix}")
        n += 1
    taken.add(_name_key(candidate))
    return folder / candidate


def plan_sort(
    labelled: Iterable[tuple[str | Path, str | None]],
    out: str | Path,
    *,
    move: bool = False,
    left: Iterable[tuple[Path, str]] = (),
) -> SortPlan:
    """Plan copying (or moving) each `(file, label)` to `out/<label folder>/`; a label of None
    sends the file to `out/uncertain/`. Missing and non-regular files are left with a reason,
    after the files the caller already leaves (`left`, e.g. ones that could not be read)."""
    # abspath, not Path.absolute(): "../sorted" is normalised, so every check of "inside
    # the output folder" compares like with like.
    out = Path(os.path.abspath(out))
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(say("{0}: exists and is not a folder", out))
    items = [(Path(os.path.abspath(p)), UNCERTAIN_LABEL if label is None else str(label)) for p, label in labelled]
    folders = class_folders(label for _, label in items)
    steps: list[SortStep] = []
    left = list(left)
    taken: dict[str, set[str]] = {}
    seen: set[Path] = set()
    for source, label in items:
        if source in seen:
            left.append((source, say("listed twice; sorted once")))
            continue
        seen.add(source)
        if source.is_symlink() or not source.is_file():
            gone = not source.exists() and not source.is_symlink()
            left.append((source, say("missing") if gone else say("not a regular file")))
            continue
        folder = out / folders[label]
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise ValueError(say("{0}: exists and is not a plain folder; the sort would write outside {1}", folder, out))
        if source.parent == folder:
            left.append((source, say("already in its class folder")))
            continue
        dest = _unique(folder, source.name, taken.setdefault(folder.name, set()))
        steps.append(SortStep(len(steps), source, dest, label))
    return SortPlan(out, move, steps, left, folders)


def relabel_plans(paths: Iterable[Path], label: str) -> list[SortPlan]:
    """Plans that move each file into the `label` folder beside its own class folder (whose
    parent is the dataset folder), one plan per dataset folder."""
    groups: dict[Path, list[Path]] = {}
    for path in paths:
        groups.setdefault(Path(path).parent.parent, []).append(Path(path))
    return [plan_sort([(p, label) for p in group], root, move=True) for root, group in groups.items()]
