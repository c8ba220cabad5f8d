"""`run.json`, the manifest of a run, as the typed `RunManifest`; the only module that reads or
writes the file.

A manifest records what a run was trained on, how, and how far it got. `RunManifest.read`,
`write` and `change` are the only ways to the file (atomically replaced, never edited in place);
`from_record` turns a record of any format so far into this version's fields, keeping keys it
does not know, and `to_record` gives the JSON back. The manifest a new run begins with is made
by `core.training.new_run.new_manifest`.

Formats: 1, written before the manifest was typed (the same keys, some missing in older
runs: no `sha256` before hashes were recorded, no `said`, `resumed` or `cluster`); 2, typed
(`start_from` only in runs made since a run could start from another); 3, this module's: the
training settings are stored once, in `training` (formats 1 and 2 also kept the optimizer's in
`optimization`, which a resume with a new rate left stale). All read the same way: a missing
key takes its field's default, and an older `optimization` fills only what `training` lacks.
"""

from __future__ import annotations

import functools
import json
import os
import stat
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from alexnet_desktop.core.files import NotAFile, read_text
from alexnet_desktop.core.wording import say

MANIFEST = "run.json"
FORMAT = 3


def _read_record(path: Path) -> dict[str, Any]:
    """The JSON of the manifest at `path`; a clear error if it is missing or damaged."""
    path = Path(path)
    try:
        record = json.loads(read_text(path))
    except FileNotFoundError:
        raise FileNotFoundError(say("{0}: not a run folder (no {1})", path.parent, MANIFEST)) from None
    except NotAFile:
        raise
    except ValueError as exc:
        raise ValueError(say("{0}: damaged manifest ({1})", path, exc)) from None
    if not isinstance(record, dict):
        raise ValueError(say("{0}: damaged manifest ({1})", path, say("not a JSON object")))
    return record


# run.json's path -> (its size, time and inode when read, its text): see `read_if_changed`.
_texts: dict[str, tuple[tuple[int, int, int], str]] = {}


def read_if_changed(path: Path) -> "RunManifest | None":
    """The manifest at `path`, parsed from its text read again only when the file changed (one
    `stat`): the window lists every run whenever a run starts or ends, while the training thread
    holds the interpreter. None when there is no readable manifest. Each call gives its own copy."""
    key = str(path)
    try:
        st = os.stat(key)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    stamp = (st.st_size, st.st_mtime_ns, st.st_ino)  # a manifest is replaced whole (a new inode)
    cached = _texts.get(key)
    try:
        text = cached[1] if cached is not None and cached[0] == stamp else read_text(path)
        record = json.loads(text)
        manifest = RunManifest.from_record(record) if isinstance(record, dict) else None
    except (OSError, ValueError):
        return None  # not kept: a damaged manifest is looked at again next time
    _texts[key] = (stamp, text)
    return manifest


def _write_record(path: Path, record: dict[str, Any]) -> None:
    """Replace the manifest at `path` atomically (a temporary file, flushed, then renamed)."""
    from alexnet_desktop.core.files import atomic_write_text

    atomic_write_text(Path(path), json.dumps(record, indent=2, ensure_ascii=False, default=str))


@dataclass
class ArchitectureRecord:
    """The architecture a run trained: its plugin id, name and reference (paper or seed)."""

    id: str = ""
    name: str = ""
    reference: str = ""


@dataclass
class DatasetRecord:
    """Where a run's images came from, their fingerprint, and how many went where."""

    root: str = ""
    loader: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    fingerprint: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    train_count: int = 0
    val_count: int = 0
    rejected: list[dict[str, str]] = field(default_factory=list)
    corrections: dict[str, Any] = field(default_factory=dict)  # what the user's corrections changed (the list itself is in "training")


@dataclass
class SplitRecord:
    """How the validation images were chosen: a share of the training part, or the test part."""

    source: str = "split"
    val_fraction: float = 0.0
    seed: int | None = None
    stratified: bool = True
    duplicates_kept_together: bool = True
    leaks: list[dict[str, str]] = field(default_factory=list)


@dataclass
class BestRecord:
    """The best value of the monitored metric so far (None before the first epoch)."""

    metric: str = "val_accuracy"
    value: float | None = None


@dataclass
class OwnerRecord:
    """The process training the run (see `runs.effective_status`)."""

    pid: int | None = None
    host: str = ""


_NESTED = {"architecture": ArchitectureRecord, "dataset": DatasetRecord, "split": SplitRecord, "best": BestRecord,
           "owner": OwnerRecord}


def _typed(cls: type, value: Any) -> Any:
    """A record's sub-object as `cls`, its unknown keys dropped; a missing one is `cls()`."""
    if isinstance(value, cls):
        return value
    known = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in (value or {}).items() if k in known}) if isinstance(value, dict) or value is None else cls()


MAX_IMAGE_SIZE = 1024  # the largest square side a run may say it was trained at
# A run.json edited to say 1e12 epochs done would train for ever: the settings' own bounds
# (core/training/settings.py) use this too.
MAX_EPOCHS = 100_000


# The top-level fields a run is resumed, listed and predicted with: checked by type on reading
# (the others are shown as they are, and old runs may hold anything in them).
_CHECKED = ("status", "class_names", "image_size", "epochs_done", "best_epoch", "training", "sha256")


@functools.lru_cache(maxsize=1)
def _checked_hints() -> dict[str, Any]:
    from typing import get_type_hints

    hints = get_type_hints(RunManifest)
    return {name: hints[name] for name in _CHECKED}


def check_record(record: dict[str, Any], where: str = MANIFEST) -> None:
    """Raise `SchemaError` (naming `where`, the field and what it should be) for a record whose
    top-level fields have the wrong types or are out of bounds. The training settings are checked
    against the settings schema where a run's settings are read (`TrainConfig.from_manifest`)."""
    from alexnet_desktop.core.schema import check_fields, check_range

    check_fields(where, record, _checked_hints())
    check_range(where, "epochs_done", record.get("epochs_done"), 0, MAX_EPOCHS)
    check_range(where, "best_epoch", record.get("best_epoch"), 0, MAX_EPOCHS)


@dataclass
class RunManifest:
    """What a run was trained on, how, and how far it got; saved as its `run.json`."""

    format: int = FORMAT
    status: str = "unknown"
    created: str = ""
    architecture: ArchitectureRecord = field(default_factory=ArchitectureRecord)
    dataset: DatasetRecord = field(default_factory=DatasetRecord)
    class_names: list[str] = field(default_factory=list)
    split: SplitRecord = field(default_factory=SplitRecord)
    image_size: int | None = None
    preprocessing: dict[str, Any] = field(default_factory=dict)
    augmentation: dict[str, Any] = field(default_factory=dict)
    training: dict[str, Any] = field(default_factory=dict)  # the settings (core.training.settings), stored once
    device: str = ""
    strategy: str = ""
    cluster: dict[str, Any] | None = None
    versions: dict[str, str] = field(default_factory=dict)
    epochs_done: int = 0
    best_epoch: int | None = None
    best: BestRecord = field(default_factory=BestRecord)
    owner: OwnerRecord | None = None
    sha256: dict[str, list[str]] | None = None  # None: saved before hashes were recorded
    resumed: list[dict[str, Any]] = field(default_factory=list)
    start_from: dict[str, Any] | None = None  # the run or model file it started from (see core.training.start_from)
    updated: str = ""
    finished: str = ""
    note: str = ""
    error: str | None = None
    said: dict[str, Any] = field(default_factory=dict)  # note and error as translatable records
    skipped_files: list[dict[str, str]] = field(default_factory=list)
    class_weights: dict[str, float] = field(default_factory=dict)  # by class name; empty: every image counts once
    extra: dict[str, Any] = field(default_factory=dict)  # keys this version does not know, kept as read

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> "RunManifest":
        """The manifest of a `run.json` record of any format so far (see the module's docstring)."""
        check_record(record)
        known = {f.name for f in fields(cls)} - {"extra"}
        record = _settings_once(record)
        values: dict[str, Any] = {}
        for name in known & set(record):
            value = record[name]
            if name in _NESTED and not (name == "owner" and value is None):
                value = _typed(_NESTED[name], value)
            values[name] = value
        manifest = cls(**values, extra={k: v for k, v in record.items() if k not in known})
        manifest.format = FORMAT
        size = manifest.image_size
        if size is not None and (not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= MAX_IMAGE_SIZE):
            raise ValueError(say("image_size is {0}, not a whole number of pixels from 1 to {1}",
                                 json.dumps(size), MAX_IMAGE_SIZE))
        return manifest

    def to_record(self) -> dict[str, Any]:
        """The manifest as `run.json`'s JSON object."""
        record = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}
        record = {k: (asdict(v) if k in _NESTED and v is not None else v) for k, v in record.items()}
        if not record["dataset"].get("corrections"):
            record["dataset"].pop("corrections", None)  # a run without corrections reads back as it was written
        return {**record, **self.extra}

    @classmethod
    def read(cls, run_dir: Path) -> "RunManifest":
        """The manifest of the run folder `run_dir`."""
        path = Path(run_dir) / MANIFEST
        try:
            return cls.from_record(_read_record(path))
        except (TypeError, ValueError) as exc:
            if str(exc).startswith(str(path)):
                raise
            raise ValueError(say("{0}: damaged manifest ({1})", path, exc)) from None

    def write(self, run_dir: Path) -> None:
        """Save as `run_dir`'s `run.json`, atomically."""
        _write_record(Path(run_dir) / MANIFEST, self.to_record())

    @property
    def validated_on_test(self) -> bool:
        """True when the run chose its best epoch on the dataset's test part (`--validate-on test`),
        so that its scores on those images are optimistic (see `optimistic_note`)."""
        return self.split.source == "test"

    @property
    def planned_epochs(self) -> int:
        """The epochs the run is to train for (0 when not recorded, or not a whole number: a
        resume refuses such a run, naming the field)."""
        epochs = self.training.get("epochs")
        return epochs if isinstance(epochs, int) and not isinstance(epochs, bool) and epochs > 0 else 0

    @property
    def resize(self) -> str:
        """How the run makes its square inputs ("stretch" for runs from before the choice existed)."""
        return str(self.preprocessing.get("resize_mode") or self.training.get("resize") or "stretch")

    @classmethod
    def change(cls, run_dir: Path, **changes: Any) -> "RunManifest":
        """Read `run_dir`'s manifest, set the top-level fields `changes` names, check the result
        as any manifest read is checked, and save it; returns the new manifest."""
        record = {**cls.read(run_dir).to_record(), **changes}
        manifest = cls.from_record(record)
        manifest.write(run_dir)
        return manifest


def _settings_once(record: dict[str, Any]) -> dict[str, Any]:
    """A record of format 1 or 2 with its `optimization` folded into `training` (where
    `training` lacks a key) and dropped: the settings are stored once."""
    older = record.get("optimization")
    if not isinstance(older, dict):
        return record
    training = dict(record.get("training") or {})
    for key, value in older.items():
        if key != "summary":
            training.setdefault(key, value)
    return {**{k: v for k, v in record.items() if k != "optimization"}, "training": training}


def optimistic_note() -> str:
    """What is said beside a score measured on the images a run chose its best epoch on."""
    return say("validated on the test part: the best epoch was chosen on these images, so this score is optimistic")
