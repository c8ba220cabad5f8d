"""Writers for the on-disk layouts the seeds' datasets come in, at a tiny scale."""

from __future__ import annotations

import gzip
import io
import pickle
import struct
import tarfile
from pathlib import Path

import numpy as np
from PIL import Image

CIFAR_NAMES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]


def image(path: Path, colour=(200, 40, 40), side: int = 40, fmt: str | None = None) -> Path:
    """A small noisy image of one colour."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(abs(hash(path.name)) % 2**32)
    a = np.clip(np.array(colour) + rng.integers(-20, 20, (side, side, 3)), 0, 255).astype(np.uint8)
    Image.fromarray(a).save(path, format=fmt)
    return path


def cifar_arrays(per_batch: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Rows of 3072 bytes (R plane, G plane, B plane) and labels, as CIFAR-10 stores them."""
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, (per_batch, 3072), dtype=np.uint8), rng.integers(0, 10, per_batch)


def write_cifar_python(folder: Path, per_batch: int = 4) -> Path:
    """`cifar-10-batches-py/` with five data batches, a test batch and the meta file."""
    root = folder / "cifar-10-batches-py"
    root.mkdir(parents=True)
    names = [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]
    for i, name in enumerate(names):
        data, labels = cifar_arrays(per_batch, i)
        batch = {b"batch_label": name.encode(), b"labels": labels.tolist(), b"data": data,
                 b"filenames": [f"f{j}.png".encode() for j in range(per_batch)]}
        (root / name).write_bytes(pickle.dumps(batch, protocol=2))
    (root / "batches.meta").write_bytes(pickle.dumps({b"label_names": [n.encode() for n in CIFAR_NAMES]}, protocol=2))
    return root


def write_cifar_binary(folder: Path, per_batch: int = 4) -> Path:
    """`cifar-10-batches-bin/` with `data_batch_N.bin`, `test_batch.bin`, `batches.meta.txt`."""
    root = folder / "cifar-10-batches-bin"
    root.mkdir(parents=True)
    for i, name in enumerate([f"data_batch_{i}.bin" for i in range(1, 6)] + ["test_batch.bin"]):
        data, labels = cifar_arrays(per_batch, i)
        records = np.concatenate([labels.astype(np.uint8)[:, None], data], axis=1)
        (root / name).write_bytes(records.tobytes())
    (root / "batches.meta.txt").write_text("\n".join(CIFAR_NAMES) + "\n\n")
    return root


def tar_folder(folder: Path, archive: Path) -> Path:
    """Pack `folder` into a .tar.gz as the CIFAR-10 site distributes it."""
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname=folder.name)
    return archive


def write_mnist(folder: Path, n_train: int = 12, n_test: int = 5, gz: bool = True) -> Path:
    """MNIST idx files (train and t10k images and labels)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(3)
    for prefix, n in (("train", n_train), ("t10k", n_test)):
        images = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
        labels = (np.arange(n) % 10).astype(np.uint8)
        files = {
            f"{prefix}-images-idx3-ubyte": b"\x00\x00\x08\x03" + struct.pack(">3I", n, 28, 28) + images.tobytes(),
            f"{prefix}-labels-idx1-ubyte": b"\x00\x00\x08\x01" + struct.pack(">I", n) + labels.tobytes(),
        }
        for name, data in files.items():
            if gz:
                (folder / (name + ".gz")).write_bytes(gzip.compress(data))
            else:
                (folder / name).write_bytes(data)
    return folder


def pickle_bytes(obj) -> bytes:
    """`obj` pickled, for tests of the restricted unpickler."""
    buf = io.BytesIO()
    pickle.dump(obj, buf, protocol=2)
    return buf.getvalue()
