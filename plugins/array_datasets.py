"""Dataset loader plugins: CIFAR-10 and MNIST, read offline from the files as distributed.

CIFAR-10 comes as python batches (`cifar-10-batches-py/`, pickles), binary batches
(`cifar-10-batches-bin/`), or either `.tar.gz` archive; MNIST (and Fashion-MNIST) as idx
files, gzipped or not. The pickles are read with the restricted unpickler of
`core/data/safe_pickle.py`, archives are read member by member without unpacking anything to
disk, and every size and label is checked. The images are then written once, as PNGs,
into the workspace as a folder-per-class dataset with `train/` and `test/` parts, so
that training and prediction read them through the one decoder like any other image.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import struct
import tarfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from alexnet_desktop.plugin_api import (
    Dataset, DatasetError, DatasetLoader, UnsafePickleError, dataset_from_class_folders, hookimpl,
    load_arrays, say, unpacked_dir, write_image_folders, write_once,
)


FORMAT_VERSION = 1
CIFAR_ARCHIVES = ("cifar-10-python.tar.gz", "cifar-10-binary.tar.gz")
CIFAR_PY = ["data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5"]
CIFAR_BIN = [f"{n}.bin" for n in CIFAR_PY]
MNIST_RE = re.compile(r"^(train|t10k)-(images|labels)[.-]idx([13])-ubyte(\.gz)?$")
MNIST_CLASSES = [str(d) for d in range(10)]
CIFAR_CLASSES = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")
# Class names become folder names: nothing that could climb out of the dataset folder.
SAFE_NAME = re.compile(r"^[\w][\w .-]{0,63}$")


@dataclass
class _Member:
    """One file of the distribution: where it is and how to read its bytes."""

    where: str  # shown in messages: a path, or "archive.tar.gz:member"
    size: int
    read: Callable[[], bytes]


def _folder_members(folder: Path) -> dict[str, _Member]:
    """The files in `folder` and one level down, by base name (the archives' own layout)."""
    found: dict[str, _Member] = {}
    try:
        candidates = [p for p in sorted(folder.iterdir())]
    except OSError:
        return found
    for p in candidates:
        if p.is_dir():
            try:
                candidates += sorted(c for c in p.iterdir() if c.is_file())
            except OSError:
                continue
    for p in candidates:
        if p.is_file() and p.name not in found:
            found[p.name] = _Member(str(p), p.stat().st_size, p.read_bytes)
    return found


# Budgets on what an archive or a .gz may unpack to: CIFAR-10's largest file is 31 MB and all
# of it 180 MB; MNIST's largest is 47 MB. A 14 MB .tar.gz of zeros unpacks to gigabytes.
MAX_MEMBER_BYTES = 256_000_000
MAX_ARCHIVE_BYTES = 512_000_000
_CIFAR_MEMBERS = frozenset(CIFAR_PY + CIFAR_BIN + ["test_batch", "test_batch.bin", "batches.meta", "batches.meta.txt"])


def _archive_members(archive: Path) -> dict[str, _Member]:
    """The CIFAR-10 files inside a tar archive, by base name, read without unpacking to disk,
    within MAX_MEMBER_BYTES each and MAX_ARCHIVE_BYTES in all (from the headers, before reading)."""
    found: dict[str, _Member] = {}
    total = 0
    try:
        with tarfile.open(archive, "r:*") as tar:
            for info in tar:
                name = Path(info.name).name
                if not info.isfile() or name not in _CIFAR_MEMBERS or name in found:
                    continue
                total += info.size
                if info.size > MAX_MEMBER_BYTES or total > MAX_ARCHIVE_BYTES:
                    raise DatasetError(say("{0}:{1}: unpacks to {2:,} MB, far beyond any CIFAR-10 file (an archive bomb?); "
                                           "not read", archive, info.name, info.size // 1_000_000))
                data = tar.extractfile(info).read(info.size)
                found[name] = _Member(f"{archive}:{info.name}", info.size, lambda d=data: d)
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise DatasetError(say("{0}: cannot read the archive ({1})", archive, exc)) from None
    return found


def _gunzip(data: bytes, where: str, limit: int = MAX_MEMBER_BYTES) -> bytes:
    """`data` (one or more gzip members) decompressed; refused as soon as it passes `limit`
    bytes, so a bomb is never unpacked further than that."""
    out = []
    size = 0
    try:
        while data:
            stream = zlib.decompressobj(16 + zlib.MAX_WBITS)
            while data and not stream.eof:
                chunk = stream.decompress(data, 1 << 20)
                size += len(chunk)
                if size > limit:
                    raise DatasetError(say("{0}: decompresses to more than {1:,} bytes, more than its header says or "
                                           "any MNIST file holds (a gzip bomb?); not read further", where, limit))
                out.append(chunk)
                data = stream.unconsumed_tail
            if not stream.eof:
                raise DatasetError(say("{0}: cannot decompress (truncated)", where))
            data = stream.unused_data
    except zlib.error as exc:
        raise DatasetError(say("{0}: cannot decompress ({1})", where, exc)) from None
    return b"".join(out)


def _source_folder(path: Path) -> Path:
    return path.parent if path.is_file() else path


def _cifar_kind(names: set[str]) -> str | None:
    if set(CIFAR_PY) <= names:
        return "python"
    if set(CIFAR_BIN) <= names:
        return "binary"
    return None


def _read_cifar(members: dict[str, _Member], names: list[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    kind = _cifar_kind(set(members))
    files = {"train": CIFAR_PY, "test": ["test_batch"]} if kind == "python" else {"train": CIFAR_BIN, "test": ["test_batch.bin"]}
    read = _cifar_python_batch if kind == "python" else _cifar_binary_batch
    parts = {}
    for part, batch_names in files.items():
        images, labels = [], []
        for name in batch_names:
            if name not in members:
                continue  # a missing test batch only means no test set; the train batches were checked
            x, y = read(members[name])
            if y.size and y.max() >= len(names):
                raise DatasetError(say("{0}: label {1} but only {2} class names", members[name].where, int(y.max()), len(names)))
            images.append(x)
            labels.append(y)
        if images:
            parts[part] = (np.concatenate(images), np.concatenate(labels))
    return parts


def _cifar_python_batch(m: _Member) -> tuple[np.ndarray, np.ndarray]:
    try:
        batch = load_arrays(m.read(), m.where)
        data = np.asarray(batch[b"data"], dtype=np.uint8)
        labels = np.asarray(batch[b"labels"], dtype=np.int64)
    except UnsafePickleError:
        raise  # its message names the file
    except (KeyError, TypeError, ValueError, EOFError, pickle.UnpicklingError) as exc:
        raise DatasetError(say("{0}: not a CIFAR-10 python batch ({1})", m.where, exc)) from None
    if data.ndim != 2 or data.shape[1] != 3072 or len(labels) != len(data):
        raise DatasetError(say("{0}: expected N x 3072 pixel rows and N labels, found {1} and {2}", m.where, data.shape, len(labels)))
    return data.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1), labels


def _cifar_binary_batch(m: _Member) -> tuple[np.ndarray, np.ndarray]:
    raw = np.frombuffer(m.read(), dtype=np.uint8)
    if raw.size % 3073:
        raise DatasetError(say("{0}: {1} bytes is not a whole number of 3073-byte CIFAR-10 records", m.where, raw.size))
    records = raw.reshape(-1, 3073)
    return records[:, 1:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1), records[:, 0].astype(np.int64)


def _idx(m: _Member, dims: int) -> np.ndarray:
    data = m.read()
    if m.where.endswith(".gz"):
        # The header first: it says how many bytes the file may unpack to.
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, 4 + 4 * dims)
        except zlib.error as exc:
            raise DatasetError(say("{0}: cannot decompress ({1})", m.where, exc)) from None
        expected = 4 + 4 * dims + (int(np.prod(struct.unpack(f">{dims}I", head[4:]), dtype=np.int64))
                                   if len(head) == 4 + 4 * dims else 0)
        if expected > MAX_MEMBER_BYTES:
            raise DatasetError(say("{0}: its header says {1:,} bytes of pixels, far beyond any MNIST file; not read",
                                   m.where, expected))
        data = _gunzip(data, m.where, limit=expected)
    if len(data) < 4 + 4 * dims or data[:3] != b"\x00\x00\x08" or data[3] != dims:
        raise DatasetError(say("{0}: not an idx file of unsigned bytes with {1} dimension(s)", m.where, dims))
    shape = struct.unpack(f">{dims}I", data[4 : 4 + 4 * dims])
    body = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims)
    if body.size != int(np.prod(shape)):
        raise DatasetError(say("{0}: header says {1} but the file holds {2} values (truncated?)", m.where, shape, body.size))
    return body.reshape(shape)


def _mnist_members(path: Path) -> dict[tuple[str, str], _Member]:
    found = {}
    for name, m in _folder_members(_source_folder(path)).items():
        match = MNIST_RE.match(name)
        if match:
            found.setdefault((match.group(1), match.group(2)), m)
    return found


def _read_mnist(members: dict[tuple[str, str], _Member]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    parts = {}
    for prefix, part in (("train", "train"), ("t10k", "test")):
        if (prefix, "images") not in members or (prefix, "labels") not in members:
            if part == "train":
                raise DatasetError(say("no MNIST training files (train-images-idx3-ubyte and train-labels-idx1-ubyte)"))
            continue
        x = _idx(members[(prefix, "images")], 3)
        y = _idx(members[(prefix, "labels")], 1).astype(np.int64)
        if len(x) != len(y):
            raise DatasetError(say("{0}: {1} images but {2} labels", members[(prefix, "images")].where, len(x), len(y)))
        if y.size and y.max() > 9:
            raise DatasetError(say("{0}: label {1} is not a digit", members[(prefix, "labels")].where, int(y.max())))
        parts[part] = (x, y)
    return parts


def _unpack(kind: str, source: Path, files: dict[str, int], read: Callable[[], tuple[list[str], dict]]) -> Dataset:
    """Write the arrays once into the workspace and read them back as folders.

    `files` (what was read, and sizes) identifies the source, so changed files are
    unpacked afresh; `read()` returns the class names and the parts, and is only called
    when nothing matching has been unpacked yet.
    """
    identity = {"format": kind, "version": FORMAT_VERSION, "source": str(source.resolve()), "files": files}
    key = hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()[:12]
    dest = unpacked_dir() / f"{kind}-{key}"

    def write(tmp: Path) -> None:
        class_names, parts = read()
        for part, (x, y) in parts.items():
            write_image_folders(tmp / part, x, y, class_names)

    root = write_once(dest, identity, write)
    dataset = dataset_from_class_folders(root, loader_id=kind)
    dataset.options = {}
    dataset.notes.append(say("images unpacked from {0} into {1}", source, root))
    return dataset


def _identity(members: dict, archive: Path | None) -> dict[str, int]:
    if archive is not None:
        st = archive.stat()
        return {str(archive): st.st_size, "mtime_ns": st.st_mtime_ns}
    return {m.where: m.size for m in sorted(members.values(), key=lambda m: m.where)}


def _cifar_archive(path: Path, members: dict[str, _Member]) -> Path | None:
    """The archive to read, when CIFAR-10 is only there packed (`members`: the folder's files)."""
    if path.is_file():
        return path
    if _cifar_kind(set(members)) is None:
        return next((Path(members[n].where) for n in CIFAR_ARCHIVES if n in members), None)
    return None


def load_cifar10(path: Path) -> Dataset:
    """Read CIFAR-10 (python or binary batches, or their archive) as train and test parts."""
    path = Path(path)
    members = {} if path.is_file() else _folder_members(path)
    archive = _cifar_archive(path, members)
    if archive is None and _cifar_kind(set(members)) is None:
        raise DatasetError(say("{0}: no CIFAR-10 batches found (data_batch_1..5 and test_batch, or the .tar.gz)", path))

    def read():
        found = _archive_members(archive) if archive is not None else members
        if _cifar_kind(set(found)) is None:
            raise DatasetError(say("{0}: the archive holds no CIFAR-10 batches", archive))
        names = _cifar_class_names(found)
        return names, _read_cifar(found, names)

    return _unpack("cifar10", path, _identity(members, archive), read)


def _cifar_class_names(members: dict[str, _Member]) -> list[str]:
    """The class names from the batches' meta file (CIFAR-10's own order), else the published list."""
    meta = members.get("batches.meta") or members.get("batches.meta.txt")
    where = meta.where if meta else "CIFAR-10"
    try:
        if "batches.meta" in members:
            names = [n.decode() for n in load_arrays(meta.read(), meta.where)[b"label_names"]]
        elif meta is not None:
            names = [n.strip() for n in meta.read().decode().splitlines() if n.strip()]
        else:
            names = list(CIFAR_CLASSES)
    except UnsafePickleError:
        raise  # its message names the file
    except (KeyError, TypeError, ValueError, AttributeError, EOFError, pickle.UnpicklingError) as exc:
        raise DatasetError(say("{0}: cannot read the class names ({1})", where, exc)) from None
    bad = [n for n in names if not SAFE_NAME.match(n)]
    if bad:
        raise DatasetError(say("{0}: class name(s) unfit for a folder name: {1}", where, bad))
    return names


def _names(folder: Path) -> set[str]:
    """File names in `folder` and one level down, without reading or stat-ing files (detect is
    called on the GUI thread for any folder the user picks)."""
    names: set[str] = set()
    try:
        with os.scandir(folder) as entries:
            for e in entries:
                names.add(e.name)
                if e.is_dir() and e.name.startswith(("cifar", "mnist", "MNIST")):
                    names.update(os.listdir(e.path))
    except OSError:
        pass
    return names


def detect_cifar10(path: Path) -> float:
    """Sure of a folder (or archive) holding the CIFAR-10 batches as distributed."""
    path = Path(path)
    if path.is_file():
        return 0.95 if path.name in CIFAR_ARCHIVES else 0.0
    names = _names(path)
    if _cifar_kind(names) or names & set(CIFAR_ARCHIVES):
        return 0.95
    return 0.0


def load_mnist(path: Path) -> Dataset:
    """Read MNIST-style idx files (train and t10k) as train and test parts."""
    path = Path(path)
    members = _mnist_members(path)
    if ("train", "images") not in members:
        raise DatasetError(say("{0}: no MNIST idx files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz])", path))
    return _unpack("mnist", path, _identity(members, None), lambda: (MNIST_CLASSES, _read_mnist(members)))


def detect_mnist(path: Path) -> float:
    """Sure of a folder holding MNIST's idx files."""
    found = {(m.group(1), m.group(2)) for n in _names(_source_folder(Path(path))) if (m := MNIST_RE.match(n))}
    return 0.95 if {("train", "images"), ("train", "labels")} <= found else 0.0


CIFAR10_LOADER = DatasetLoader(
    id="cifar10",
    name="CIFAR-10 files",
    description=(
        "CIFAR-10 as distributed (seed 003): the python or binary batches, or their .tar.gz. "
        "The 60,000 32x32 images are unpacked once into the workspace; the test batch is the test set."
    ),
    detect=detect_cifar10,
    load=load_cifar10,
)

MNIST_LOADER = DatasetLoader(
    id="mnist",
    name="MNIST idx files",
    description=(
        "MNIST (or Fashion-MNIST) idx files, gzipped or not (seed 003). The images are unpacked once "
        "into the workspace; t10k is the test set. Classes are the digits 0-9."
    ),
    detect=detect_mnist,
    load=load_mnist,
)


@hookimpl
def register_dataset_loaders():
    """Provide the CIFAR-10 and MNIST loaders."""
    return [CIFAR10_LOADER, MNIST_LOADER]
