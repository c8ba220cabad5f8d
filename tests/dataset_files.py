"""Writers for the on-disk layouts the seeds' datasets come in, at a tiny scale."""

from __future__ import annotations

import gzip
import io
import os
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


def write_messy_dataset(root: Path) -> dict[str, str]:
    """A folder-per-class dataset of real-world files, good and bad.

    Returns what each notable file should give: "ok", "rejected: <words of the reason>",
    "flagged: <words>", or "passed over: <words>".
    """
    good, odd = root / "good", root / "odd"
    odd.mkdir(parents=True)
    expect: dict[str, str] = {}
    for i in range(3):
        image(good / f"plain_{i}.jpg", (30, 160, 30), side=48)
    image(good / "plain_0_copy.jpg", (0, 0, 0))
    (good / "plain_0_copy.jpg").write_bytes((good / "plain_0.jpg").read_bytes())
    expect["plain_0_copy.jpg"] = "flagged: exact duplicate"
    data = (good / "plain_1.jpg").read_bytes()
    (good / "truncated.jpg").write_bytes(data[: len(data) // 2])
    expect["truncated.jpg"] = "rejected: truncated"
    (good / "zero.jpg").write_bytes(b"")
    expect["zero.jpg"] = "rejected: empty file"
    (good / "notes.png").write_text("this is not a picture\n")
    expect["notes.png"] = "rejected: text file"
    Image.new("CMYK", (40, 40), (0, 200, 200, 0)).save(odd / "cmyk.jpg")
    expect["cmyk.jpg"] = "ok"
    Image.fromarray(np.full((40, 40), 40000, dtype=np.uint16)).save(odd / "sixteen.png")
    expect["sixteen.png"] = "ok"
    Image.new("P", (40, 40), 5).save(odd / "palette.gif")
    expect["palette.gif"] = "ok"
    frames = [Image.new("RGB", (40, 40), c) for c in ((255, 0, 0), (0, 255, 0))]
    frames[0].save(odd / "animated.gif", save_all=True, append_images=frames[1:])
    expect["animated.gif"] = "ok"
    Image.new("RGBA", (40, 40), (255, 0, 0, 128)).save(odd / "rgba.png")
    expect["rgba.png"] = "ok"
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (60, 40), (200, 200, 0)).save(odd / "rotated.jpg", exif=exif)
    expect["rotated.jpg"] = "ok"
    image(odd / "really_a_jpeg.png", fmt="JPEG")
    expect["really_a_jpeg.png"] = "flagged: content is JPEG"
    Image.new("RGB", (8, 8)).save(odd / "tiny.png")
    expect["tiny.png"] = "flagged: tiny"
    # 20000 x 20000 = 400 megapixels, declared in a 1-bit PNG of a few kilobytes.
    Image.new("1", (20000, 20000)).save(odd / "huge.png")
    expect["huge.png"] = "rejected: too large"
    image(odd / "фото_日本.jpg", (10, 10, 200))
    expect["фото_日本.jpg"] = "ok"
    (odd / "loop").symlink_to(odd)
    expect["loop"] = "passed over: symbolic link loop"
    locked = image(odd / "locked.jpg")
    locked.chmod(0)
    expect["locked.jpg"] = "rejected: permission denied"
    os.mkfifo(odd / "pipe.jpg")
    expect["pipe.jpg"] = "passed over: not a regular file"
    (odd / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (odd / "._rgba.png").write_bytes(b"\0\5\26\7")
    expect[".DS_Store"] = expect["._rgba.png"] = "passed over: junk"
    (odd / "README.txt").write_text("where these came from\n")
    expect["README.txt"] = "passed over: not an image"
    return expect
