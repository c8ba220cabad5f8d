"""Writers for the on-disk layouts the seeds' datasets come in, at a tiny scale."""

from __future__ import annotations

import gzip
import io
import os
import pickle
import struct
import tarfile
import zlib
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


def write_flowers17(folder: Path, per_species: int = 10, side: int = 16) -> Path:
    """Oxford's Flowers-17 as it unpacks (`17flowers/jpg/image_NNNN.jpg`, 80 images a species in
    order), with the first `per_species` of each species, each species its own colour."""
    for k in range(17):
        for n in range(80 * k + 1, 80 * k + 1 + per_species):
            image(folder / "jpg" / f"image_{n:04d}.jpg", (10 * k, 200 - 10 * k, 90), side=side)
    return folder


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


def _exif_image(path: Path, orientation: int) -> None:
    """A 60x40 image whose left half is red, saved with an EXIF orientation tag."""
    a = np.zeros((40, 60, 3), np.uint8)
    a[:, :30] = (220, 20, 20)
    a[:, 30:] = (20, 20, 220)
    exif = Image.Exif()
    exif[0x0112] = orientation
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(a).save(path, exif=exif)


def write_hostile_corpus(root: Path) -> dict[str, str]:
    """A folder-per-class dataset with more than 40 kinds of bad or odd files and folders.

    Classes `cats` and `dogs` hold good images besides the odd ones; `empty` holds
    nothing; `only_broken` holds only files that cannot be decoded. Returns, for each odd
    entry (its path relative to `root`), what it must give: "ok", "rejected: <words>",
    "flagged: <words>" or "passed over: <words>".
    """
    cats, dogs = root / "cats", root / "dogs"
    expect: dict[str, str] = {}

    def want(path: Path, outcome: str) -> None:
        expect[str(path.relative_to(root))] = outcome

    for i in range(6):
        image(cats / f"cat_{i}.jpg", (200, 120, 40), side=48)
        image(dogs / f"dog_{i}.png", (40, 90, 200), side=48)
    good = (cats / "cat_0.jpg").read_bytes()
    # Damaged and disguised files.
    (cats / "truncated.jpg").write_bytes(good[: len(good) // 2])
    want(cats / "truncated.jpg", "rejected: truncated")
    (cats / "zero.jpg").write_bytes(b"")
    want(cats / "zero.jpg", "rejected: empty file")
    (cats / "header_only.jpg").write_bytes(good[:20])
    want(cats / "header_only.jpg", "rejected: ")
    (cats / "random.jpg").write_bytes(np.random.default_rng(1).integers(0, 256, 4096, dtype=np.uint8).tobytes())
    want(cats / "random.jpg", "rejected: not an image")
    (cats / "heic_photo.jpg").write_bytes(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + bytes(64))
    want(cats / "heic_photo.jpg", "rejected: HEIC")
    (cats / "avif_photo.jpg").write_bytes(b"\0\0\0\x1cftypavif\0\0\0\0avifmif1" + bytes(64))
    want(cats / "avif_photo.jpg", "rejected: AVIF")
    (cats / "notes.jpg").write_text("shopping list: milk, eggs\n")
    want(cats / "notes.jpg", "rejected: text file")
    (cats / "page.jpg").write_text("<!DOCTYPE html><html><body>404 Not Found</body></html>")
    want(cats / "page.jpg", "rejected: text file")
    (cats / "drawing.png").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    want(cats / "drawing.png", "rejected: SVG")
    (cats / "paper.jpg").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    want(cats / "paper.jpg", "rejected: PDF")
    (cats / "archive.jpg").write_bytes(b"PK\x03\x04" + bytes(60))
    want(cats / "archive.jpg", "rejected: not an image")
    png = io.BytesIO()
    Image.new("RGB", (40, 40), (10, 200, 10)).save(png, format="PNG")
    broken_crc = bytearray(png.getvalue())
    broken_crc[40] ^= 0xFF  # inside IHDR/IDAT: a checksum that no longer matches
    (cats / "bad_crc.png").write_bytes(bytes(broken_crc))
    want(cats / "bad_crc.png", "rejected: ")
    gif = io.BytesIO()
    Image.new("P", (40, 40), 3).save(gif, format="GIF")
    (cats / "truncated.gif").write_bytes(gif.getvalue()[:30])
    want(cats / "truncated.gif", "rejected: ")
    # Decompression bombs, by header: tens of thousands of pixels a side in a few kilobytes.
    Image.new("1", (20000, 20000)).save(cats / "bomb.png")
    want(cats / "bomb.png", "rejected: too large")
    Image.new("L", (12000, 9000)).save(cats / "bomb.gif")
    want(cats / "bomb.gif", "rejected: too large")
    # Formats and modes that must all become RGB.
    Image.new("CMYK", (40, 40), (0, 200, 200, 0)).save(cats / "cmyk.jpg")
    want(cats / "cmyk.jpg", "ok")
    Image.fromarray(np.full((40, 40), 40000, dtype=np.uint16)).save(cats / "sixteen_bit.png")
    want(cats / "sixteen_bit.png", "ok")
    Image.fromarray(np.linspace(0, 1, 1600, dtype=np.float32).reshape(40, 40)).save(cats / "float.tif")
    want(cats / "float.tif", "ok")
    Image.new("L", (40, 40), 128).save(cats / "grey.jpg")
    want(cats / "grey.jpg", "ok")
    Image.new("LA", (40, 40), (128, 100)).save(cats / "grey_alpha.png")
    want(cats / "grey_alpha.png", "ok")
    Image.new("1", (40, 40), 1).save(cats / "one_bit.bmp")
    want(cats / "one_bit.bmp", "ok")
    pal = Image.new("P", (40, 40), 1)
    pal.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    pal.save(cats / "palette_transparent.png", transparency=0)
    want(cats / "palette_transparent.png", "ok")
    Image.new("RGBA", (40, 40), (255, 0, 0, 0)).save(cats / "fully_transparent.png")
    want(cats / "fully_transparent.png", "ok")
    frames = [Image.new("RGB", (40, 40), c) for c in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    frames[0].save(cats / "animated.gif", save_all=True, append_images=frames[1:])
    want(cats / "animated.gif", "ok")
    frames[0].save(cats / "multipage.tif", save_all=True, append_images=frames[1:])
    want(cats / "multipage.tif", "ok")
    Image.new("RGB", (40, 40), (90, 90, 9)).save(cats / "photo.webp")
    want(cats / "photo.webp", "ok")
    Image.new("RGB", (64, 64), (9, 90, 90)).save(cats / "progressive.jpg", progressive=True)
    want(cats / "progressive.jpg", "ok")
    (cats / "trailing_garbage.jpg").write_bytes(good + b"\0garbage after the end of the image" * 10)
    want(cats / "trailing_garbage.jpg", "ok")
    Image.new("RGB", (4000, 12), (50, 50, 50)).save(cats / "very_wide.png")
    want(cats / "very_wide.png", "flagged: tiny: 4000x12")
    image(cats / "upper_case.JPG")
    want(cats / "upper_case.JPG", "ok")
    image(cats / "really_a_png.jpg", fmt="PNG")
    want(cats / "really_a_png.jpg", "flagged: content is PNG")
    Image.new("RGB", (8, 8)).save(cats / "tiny.png")
    want(cats / "tiny.png", "flagged: tiny")
    for orientation in range(1, 9):
        _exif_image(dogs / f"exif_{orientation}.jpg", orientation)
        want(dogs / f"exif_{orientation}.jpg", "ok")
    # Names.
    image(dogs / "фото_日本_🐶.png", (40, 90, 200))
    want(dogs / "фото_日本_🐶.png", "ok")
    long_name = "a" * 240 + ".png"
    image(dogs / long_name, (40, 90, 210))
    want(dogs / long_name, "ok")
    image(dogs / "Case.png", (40, 95, 200))
    image(dogs / "case.png", (45, 90, 200))
    want(dogs / "Case.png", "ok")
    want(dogs / "case.png", "ok")
    nfc, nfd = "caf\u00e9.png", "cafe\u0301.png"
    image(dogs / nfc, (40, 90, 205))
    image(dogs / nfd, (40, 91, 200))
    want(dogs / nfc, "ok")
    want(dogs / nfd, "ok")
    image(dogs / "spaces  and\ttab.png", (41, 90, 200))
    want(dogs / "spaces  and\ttab.png", "ok")
    image(dogs / "new\nline.png", (42, 90, 200))
    want(dogs / "new\nline.png", "ok")
    image(dogs / "nested" / "deeper" / "deep_dog.png", (40, 92, 200))
    want(dogs / "nested" / "deeper" / "deep_dog.png", "ok")
    # Links, specials, permissions, hidden and system files.
    (dogs / "loop").symlink_to(dogs)
    want(dogs / "loop", "passed over: symbolic link loop")
    (dogs / "dangling.png").symlink_to(root / "nowhere.png")
    want(dogs / "dangling.png", "passed over: dangling")
    (dogs / "link_to_dog.png").symlink_to(dogs / "dog_0.png")
    want(dogs / "link_to_dog.png", "flagged: duplicate")
    locked = image(dogs / "locked.png", (40, 90, 200))
    locked.chmod(0)
    want(dogs / "locked.png", "ok" if os.geteuid() == 0 else "rejected: permission denied")
    locked_dir = dogs / "locked_folder"
    image(locked_dir / "inside.png", (40, 90, 200))
    locked_dir.chmod(0)
    if os.geteuid() != 0:
        want(locked_dir, "passed over: cannot")
    os.mkfifo(dogs / "pipe.png")
    want(dogs / "pipe.png", "passed over: not a regular file")
    (dogs / "folder.png").mkdir()
    image(dogs / ".hidden.png", (40, 90, 200))
    want(dogs / ".hidden.png", "passed over: hidden")
    image(dogs / ".thumbnails" / "t.png", (40, 90, 200))
    want(dogs / ".thumbnails", "passed over: hidden")
    (dogs / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    want(dogs / ".DS_Store", "passed over: junk")
    (dogs / "._dog_0.png").write_bytes(b"\0\5\26\7")
    want(dogs / "._dog_0.png", "passed over: junk")
    (dogs / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    want(dogs / "Thumbs.db", "passed over: junk")
    image(dogs / "__MACOSX" / "x.png", (40, 90, 200))
    want(dogs / "__MACOSX", "passed over: junk")
    (dogs / "README.txt").write_text("where these came from\n")
    want(dogs / "README.txt", "passed over: not an image")
    (dogs / "labels.csv").write_text("file,label\n")
    want(dogs / "labels.csv", "passed over: not an image")
    image(root / "loose_file.png", (0, 0, 0))
    want(root / "loose_file.png", "passed over: not inside a class folder")
    # Whole classes that give nothing.
    (root / "empty").mkdir()
    want(root / "empty", "passed over: empty folder")
    (root / "only_broken").mkdir()
    (root / "only_broken" / "a.jpg").write_bytes(b"")
    (root / "only_broken" / "b.png").write_text("not a picture")
    want(root / "only_broken" / "a.jpg", "rejected: empty file")
    want(root / "only_broken" / "b.png", "rejected: text file")
    return expect


# -- issue 21's corpus: damaged later frames, fuzzed files, small files that cost a lot ------


def _frames(fmt: str, n: int = 3, side: int = 16) -> bytearray:
    """`n` noisy frames saved as one multi-frame file (a single frame where the format has one)."""
    ims = [Image.fromarray(np.random.default_rng(i).integers(0, 255, (side, side, 3), dtype=np.uint8)) for i in range(n)]
    buf = io.BytesIO()
    extra = {"save_all": True, "append_images": ims[1:]} if n > 1 else {}
    ims[0].save(buf, format=fmt, **extra)
    return bytearray(buf.getvalue())


def tiff_with_damaged_second_page(path: Path) -> Path:
    """A three-page TIFF whose second page has lost its width tag (Pillow: "Missing dimensions")."""
    data = _frames("TIFF")
    ifd0 = struct.unpack_from("<I", data, 4)[0]
    ifd1 = struct.unpack_from("<I", data, ifd0 + 2 + 12 * struct.unpack_from("<H", data, ifd0)[0])[0]
    for i in range(struct.unpack_from("<H", data, ifd1)[0]):
        if struct.unpack_from("<H", data, ifd1 + 2 + 12 * i)[0] == 256:  # ImageWidth
            struct.pack_into("<H", data, ifd1 + 2 + 12 * i, 255)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(data))
    return path


def gif_with_damaged_later_frame(path: Path) -> Path:
    """An animated GIF cut off just inside its second frame's header (Pillow: "index out of range")."""
    data = _frames("GIF")
    flags = data[10]
    i, descriptors = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0), []
    while i < len(data) and data[i] in (0x21, 0x2C):  # walk the extension and image blocks
        if data[i] == 0x21:
            i += 2
        else:
            descriptors.append(i)
            f = data[i + 9]
            i += 10 + (3 * 2 ** ((f & 7) + 1) if f & 0x80 else 0) + 1
        while data[i]:
            i += data[i] + 1
        i += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(data[: descriptors[1] + 12]))
    return path


def fuzzed_images(folder: Path, per_format: int = 40, seed: int = 21) -> list[Path]:
    """Bit flips and truncations of a small file of every supported format (TIFF and GIF with
    several frames, PNG animated), `per_format` of each, seeded."""
    import random

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    originals = {"tif": _frames("TIFF"), "gif": _frames("GIF"), "png": _frames("PNG"), "webp": _frames("WEBP"),
                 "jpg": _frames("JPEG", 1), "bmp": _frames("BMP", 1)}
    out = []
    for ext, data in originals.items():
        for k in range(per_format):
            b = bytearray(data)
            if k % 3 == 0:
                b = b[: rng.randrange(1, len(b))]
            else:
                for _ in range(rng.randint(1, 8)):
                    i = rng.randrange(len(b))
                    b[i] ^= 1 << rng.randrange(8)
            path = folder / f"fuzz_{k:03d}.{ext}"
            path.write_bytes(bytes(b))
            out.append(path)
    return out


def _zeros_deflated(n_mb: int, wbits: int) -> bytes:
    """`n_mb` megabytes of zeros, compressed (a few hundred KB): the body of every bomb here."""
    c = zlib.compressobj(1, zlib.DEFLATED, wbits)
    zero = bytes(1 << 20)
    return b"".join(c.compress(zero) for _ in range(n_mb)) + c.flush()


def pickle_bomb() -> bytes:
    """A CIFAR-style batch of a few hundred bytes whose lists share themselves: 2^40 values unpacked."""
    x: list = [1, 2]
    for _ in range(40):
        x = [x, x]
    return pickle.dumps({b"batch_label": b"x", b"labels": x, b"data": x}, protocol=2)


def cifar_tar_bomb(path: Path, n_mb: int = 300) -> Path:
    """`cifar-10-python.tar.gz` whose `data_batch_1` is `n_mb` MB of zeros (about 1.4 MB packed)."""
    header = tarfile.TarInfo("cifar-10-batches-py/data_batch_1")
    header.size = n_mb << 20
    block = header.tobuf(format=tarfile.GNU_FORMAT)
    tail = bytes(1024)  # the tar's end marker
    # Three gzip members, which gzip (and tar through it) reads as one stream.
    path.write_bytes(gzip.compress(block) + _gzip_wrap(_zeros_deflated(n_mb, -15), n_mb << 20) + gzip.compress(tail))
    return path


def mnist_gz_bomb(folder: Path, n_mb: int = 300) -> Path:
    """MNIST idx files whose images header says 60000x28x28 but which unpack to `n_mb` MB of zeros."""
    write_mnist(folder)
    head = b"\x00\x00\x08\x03" + struct.pack(">3I", 60000, 28, 28)
    (folder / "train-images-idx3-ubyte.gz").write_bytes(gzip.compress(head) + _gzip_wrap(_zeros_deflated(n_mb, -15), n_mb << 20))
    return folder


def _gzip_wrap(deflated: bytes, size: int) -> bytes:
    """A raw deflate stream of `size` zero bytes as one gzip member."""
    whole, zero = 0, bytes(1 << 20)
    for _ in range(size >> 20):
        whole = zlib.crc32(zero, whole)
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + deflated + struct.pack("<II", whole, size & 0xFFFFFFFF)


def keras_bomb(path: Path, good: Path, n_mb: int = 300) -> Path:
    """`good` (a .keras file) with its weights replaced by `n_mb` MB of zeros, deflated to about 1 MB."""
    import zipfile

    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for item in zin.infolist():
            if item.filename.endswith(".h5"):
                with zout.open(item.filename, "w", force_zip64=True) as f:
                    zero = bytes(1 << 20)
                    for _ in range(n_mb):
                        f.write(zero)
            else:
                zout.writestr(item.filename, zin.read(item.filename))
    return path


def png16_bomb(path: Path, side: int = 10000) -> Path:
    """A 16-bit grey PNG of `side` x `side` (within the pixel limit), about 200 KB on disk."""
    a = np.zeros((side, side), dtype=np.uint16)
    a[::97] = 40000
    Image.fromarray(a).save(path, compress_level=9)
    return path


def pickle_cycle() -> bytes:
    """A CIFAR-style batch whose labels are a list that holds itself twice: finite on disk, endless unrolled."""
    c: list = []
    c.append(c)
    c.append(c)
    return pickle.dumps({b"batch_label": b"x", b"labels": c, b"data": np.zeros((4, 3072), np.uint8)}, protocol=2)
