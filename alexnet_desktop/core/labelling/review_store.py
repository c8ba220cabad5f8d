"""The labels a user gives in review, kept per predicted folder so none is lost in silence.

Each folder predicted on the Predict page has one small JSON file in the workspace's
`reviews/` (named by a hash of the folder's full path): `{"folder": ..., "labels": {file:
label}}`, a label being a class name or null for "uncertain". It is written as the user
labels, so the labels survive a restart, another model (whose classes may differ: a label it
does not know is kept, never dropped) and a new prediction of the same folder. A label is
removed only when the user takes it back.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from alexnet_desktop.core.wording import say

FORMAT = 1
MAX_BYTES = 64 * 1024 * 1024  # a store this large was not written by the app


def _key(path: Path | str) -> str:
    return os.path.normcase(os.path.abspath(path))


class ReviewStore:
    """The review labels of every folder, under `root` (the workspace's `reviews/`)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, folder: Path | str) -> Path:
        """The file holding `folder`'s labels."""
        digest = hashlib.sha256(_key(folder).encode("utf-8", "surrogateescape")).hexdigest()[:20]
        return self.root / f"{digest}.json"

    def load(self, folder: Path | str) -> dict[str, str | None]:
        """`folder`'s labels by file (absolute path); empty when none were given. A store that
        cannot be read raises ValueError naming it, so it is never overwritten unseen."""
        path = self.path_for(folder)
        try:
            if path.stat().st_size > MAX_BYTES:
                raise ValueError(say("{0}: too large to be a store of review labels", path))
            record = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(say("{0}: the saved review labels cannot be read ({1})", path, exc)) from None
        labels = record.get("labels") if isinstance(record, dict) else None
        if not isinstance(labels, dict) or not all(v is None or isinstance(v, str) for v in labels.values()):
            raise ValueError(say("{0}: not a store of review labels", path))
        return dict(labels)

    def update(self, folder: Path | str, given: dict[str, str | None], taken_back: set[str] = frozenset()) -> None:
        """Save the labels `given` for `folder`'s files, forget those `taken_back`, keep the rest."""
        labels = self.load(folder)
        for file in taken_back:
            labels.pop(_key(file), None)
        labels.update({_key(f): v for f, v in given.items()})
        self._write(folder, labels)

    def moved(self, folder: Path | str, moves: dict[str, str]) -> None:
        """Files of `folder` moved (a sort): their labels follow them to their new paths."""
        labels = self.load(folder)
        for old, new in moves.items():
            if _key(old) in labels:
                labels[_key(new)] = labels.pop(_key(old))
        self._write(folder, labels)

    def _write(self, folder: Path | str, labels: dict[str, str | None]) -> None:
        path = self.path_for(folder)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"format": FORMAT, "folder": _key(folder), "labels": labels}, ensure_ascii=False, indent=0)
        fd, tmp = tempfile.mkstemp(prefix=".review-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def unknown_classes(labels: dict[str, str | None], class_names: list[str]) -> list[str]:
    """The labelled classes a model with `class_names` does not know, sorted."""
    known = set(class_names)
    return sorted({v for v in labels.values() if v is not None and v not in known})
