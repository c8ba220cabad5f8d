"""The journal of a sort: an append-only file of JSON lines, each flushed to disk before the
step it announces, that resume and undo read back.

A journal is a file the user can open in an editor, so what it says is checked before a file
is moved on its word:

- every line carries `check`, the SHA-256 of the journal's id and the line's own fields, written
  by the sort; a line that no longer matches its check was changed, and the step it belongs to
  is left alone (a changed header makes the whole journal unusable);
- a journal is used only where the sort wrote it: in its output folder (the command line's
  journals) or at the path recorded in its header (the app's, in the workspace);
- the header records the folders the sources came from; undo restores files only into them.

The check is a plain hash, not a signature: it catches hand edits and damage, not someone who
recomputes it on purpose.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alexnet_desktop.core.files import read_bytes
from alexnet_desktop.core.schema import check_fields
from alexnet_desktop.core.wording import say
from alexnet_desktop.core.files import atomic_write_text

KIND = "alexnet-desktop sort"
JOURNAL_FORMAT = 2  # 2: every line carries its check
# The fields a journal's header and each of its steps (lines merged) must have, and their types:
# a journal with lines deleted is refused naming the step, before any file is touched.
_HEADER_FIELDS = {"out": str, "journal": str, "op": str, "sources": list}
_STEP_FIELDS = {"src": str, "dst": str}


def _check(key: str, record: dict[str, Any]) -> str:
    fields = {k: v for k, v in record.items() if k != "check"}
    return hashlib.sha256((key + json.dumps(fields, sort_keys=True, ensure_ascii=False)).encode("utf-8")).hexdigest()


def _signed(key: str, record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "check": _check(key, record)}


def _abs(path: str | Path) -> str:
    return os.path.abspath(path)


@dataclass
class JournalState:
    """What a journal says, its checks verified: the header, each step's fields merged in order,
    the steps undone, and the steps with a changed line (`changed`): nothing may act on those,
    whose fields are kept only to name them."""

    header: dict[str, Any]
    steps: dict[int, dict[str, Any]]
    undone: set[int]
    changed: set[int]

    @property
    def missing(self) -> int:
        """How many of the steps the header announces have no line left (lines deleted)."""
        announced = self.header.get("steps")
        if not isinstance(announced, int) or isinstance(announced, bool):
            return 0
        return len(set(range(announced)) - set(self.steps))

    @property
    def out(self) -> Path:
        """The output folder the sort wrote into."""
        return Path(self.header["out"])

    @property
    def move(self) -> bool:
        """True for a move, False for a copy."""
        return self.header["op"] == "move"

    def source_folder_recorded(self, source: Path) -> bool:
        """True when `source` sits directly in a folder the sort took files from."""
        return _abs(Path(source).parent) in set(self.header.get("sources", ()))


class Journal:
    """The append-only record of one sort; every line is flushed to disk before the step it announces."""

    def __init__(self, path: Path, key: str = "") -> None:
        self.path = Path(path)
        self.key = key  # the header's id, which every line's check includes

    @classmethod
    def create(cls, path: Path, out: Path, move: bool, steps: list[dict[str, Any]]) -> "Journal":
        """Write a new journal at `path` for a sort into `out` whose planned `steps` are given
        (dicts with step, src, dst, label), all at once (temporary file, flush, rename): a sort
        killed while planning leaves no journal, never one with half its steps."""
        if path.exists():
            raise FileExistsError(say("{0}: a journal of that name exists", path))
        key = secrets.token_hex(16)
        header = {"kind": KIND, "format": JOURNAL_FORMAT, "id": key, "out": _abs(out), "journal": _abs(path),
                  "op": "move" if move else "copy", "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
                  "steps": len(steps), "sources": sorted({_abs(Path(s["src"]).parent) for s in steps})}
        records = [_signed(key, header)] + [_signed(key, {**s, "state": "planned"}) for s in steps]
        atomic_write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        return cls(path, key)

    def append(self, record: dict[str, Any]) -> None:
        """Write one record, with its check, and make it durable."""
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(_signed(self.key, record), ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())

    def records(self) -> list[dict[str, Any]]:
        """Every complete record. A line that is not one (cut short by a crash, or damaged: not
        UTF-8, not JSON) is passed over, so that the steps it spoke of are judged by the rest."""
        out = []
        try:
            data = read_bytes(self.path, what=say("a sort journal"))
        except FileNotFoundError:
            raise FileNotFoundError(say("{0}: no such journal", self.path)) from None
        for line in data.splitlines():
            try:
                out.append(json.loads(line.decode("utf-8")))
            except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
                continue
        if not out or not isinstance(out[0], dict) or out[0].get("kind") != KIND:
            raise ValueError(say("{0}: not a sort journal", self.path))
        return out

    def state(self) -> JournalState:
        """Read and verify the journal: its header's check and place, and each line's check.

        Raises ValueError naming the journal when the header was changed or the journal is not
        where the sort wrote it; a changed step line only marks that step as changed."""
        records = self.records()
        header = records[0]
        key = header.get("id")
        if header.get("format") != JOURNAL_FORMAT or not isinstance(key, str) or header.get("check") != _check(key, header):
            raise ValueError(say("{0}: the journal's header was changed or is of an older version (it fails its "
                                 "check), so it is not used; every file stays where it is", self.path))
        check_fields(str(self.path), header, _HEADER_FIELDS, required=tuple(_HEADER_FIELDS))
        self.key = key
        here = _abs(self.path)
        if here != header.get("journal") and _abs(self.path.parent) != header.get("out"):
            raise ValueError(say("{0}: a sort journal is used only where the sort wrote it (in {1}); every file "
                                 "stays where it is", self.path, header.get("out")))
        steps: dict[int, dict[str, Any]] = {}
        undone: set[int] = set()
        changed: set[int] = set()
        for r in records[1:]:
            index = r.get("undone", r.get("step")) if isinstance(r, dict) else None
            if not isinstance(index, int) or isinstance(index, bool):
                raise ValueError(say("{0}: a line of the journal was changed, so it is not used; every file stays "
                                     "where it is", self.path))
            if r.get("check") != _check(key, r):
                changed.add(index)  # its fields are kept only to name the step in messages
            if "undone" in r:
                undone.add(index)
            else:
                steps.setdefault(index, {}).update({k: v for k, v in r.items() if k != "check"})
        for index, step in steps.items():
            try:
                check_fields(say("{0}: step {1}", self.path, index), step, _STEP_FIELDS, required=tuple(_STEP_FIELDS))
            except ValueError:
                changed.add(index)  # its planned line was deleted or damaged: nothing may act on it
        return JournalState(header, steps, undone, changed)
