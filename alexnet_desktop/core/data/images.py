"""The one image decoder: every pixel the app trains on, evaluates or predicts comes from here.

Scanning, training, evaluation, prediction and thumbnails all call `decode_image`, so
training and prediction can never disagree about what an image looks like. The rules:

- the format comes from the file's content, never its extension, and must be one of
  `ALLOWED_FORMATS`; anything else is refused with the format Pillow saw (HEIC, PDF...);
- the pixel count is checked from the header *before* decoding, against `MAX_PIXELS`;
- only the first frame of an animation is used; EXIF orientation is applied;
- alpha is composited on a fixed white background; 16-bit data is scaled, not clipped;
  CMYK, palette, grayscale and the rest become RGB;
- the output is a `uint8` array of shape (H, W, 3);
- every failure is an `ImageDecodeError` that names the file and gives a human reason.
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from alexnet_desktop.core.wording import say
from alexnet_desktop.core.files import NotAFile, check_regular

ALLOWED_FORMATS = ("JPEG", "PNG", "BMP", "GIF", "TIFF", "WEBP")
# The extensions taken for images, and the content format each promises. The decoder goes by
# content; the scan flags a file whose content is not what its extension says.
SUFFIX_FORMATS = {
    ".jpg": "JPEG", ".jpeg": "JPEG", ".jpe": "JPEG", ".jfif": "JPEG", ".png": "PNG", ".bmp": "BMP",
    ".gif": "GIF", ".tif": "TIFF", ".tiff": "TIFF", ".webp": "WEBP",
}
IMAGE_SUFFIXES = frozenset(SUFFIX_FORMATS)
# 100 megapixels: a 10000x10000 scan still opens, a decompression bomb does not.
MAX_PIXELS = 100_000_000
# And at most this many bytes of decoded pixels (100 megapixels of RGBA): a 16-bit or
# 32-bit image within the pixel limit would otherwise still cost gigabytes.
MAX_DECODED_BYTES = 400_000_000
# What all the decodes in flight, in every thread, may hold together (see `_DecodeBudget`).
DECODE_BUDGET = 1_200_000_000
_MODE_BYTES = {"1": 1, "L": 1, "P": 1, "LA": 2, "La": 2, "PA": 2, "I;16": 2, "I;16L": 2, "I;16B": 2, "I;16N": 2,
               "RGB": 3, "YCbCr": 3, "LAB": 3, "HSV": 3, "RGBA": 4, "RGBa": 4, "RGBX": 4, "CMYK": 4, "I": 4, "F": 4}
BACKGROUND = (255, 255, 255)
# How an image becomes the model's square input (a run's `resize` setting): "stretch" both
# sides to the size (the seeds' way), "crop" the centre square of the shorter side, or "pad"
# the whole image, scaled to fit, to a square with black bars.
RESIZE_MODES = ("stretch", "crop", "pad")
RESIZE_DESCRIPTIONS = {
    "stretch": "stretch to image_size x image_size, bilinear",
    "crop": "centre square of the shorter side, scaled to image_size x image_size, bilinear",
    "pad": "scaled to fit image_size x image_size (bilinear), centred on black bars",
}


# Pillow's own bomb check would fire at a different limit from ours; ours runs first.
Image.MAX_IMAGE_PIXELS = None


class ImageDecodeError(Exception):
    """An image that cannot be used, with the file and a reason a person can act on."""

    def __init__(self, path: os.PathLike | str, reason: str) -> None:
        super().__init__(say("{0}: {1}", path, reason))
        self.path = Path(path)
        self.reason = reason


@dataclass(frozen=True)
class ImageInfo:
    """What the header of an image file says, read without decoding its pixels."""

    format: str
    width: int
    height: int
    mode: str
    frames: int = 1


def _open(path: Path, max_pixels: int) -> Image.Image:
    try:
        check_regular(path)  # a named pipe would be waited on for ever, a device read for ever
        im = Image.open(path, formats=ALLOWED_FORMATS)
    except NotAFile as exc:
        raise ImageDecodeError(path, str(exc).removeprefix(f"{path}: ")) from None
    except UnidentifiedImageError:
        raise ImageDecodeError(path, _unsupported_reason(path)) from None
    except FileNotFoundError:
        raise ImageDecodeError(path, say("file not found (moved or deleted?)")) from None
    except PermissionError:
        raise ImageDecodeError(path, say("permission denied: the file cannot be read")) from None
    except IsADirectoryError:
        raise ImageDecodeError(path, say("is a folder, not an image")) from None
    except MemoryError:
        raise ImageDecodeError(path, say("not enough memory to read this image")) from None
    except Exception as exc:  # noqa: BLE001 - a damaged header raises whatever its parser trips on
        raise ImageDecodeError(path, _decode_reason(exc)) from None
    if im.width * im.height > max_pixels:
        im.close()
        raise ImageDecodeError(
            path, say("too large: {0}x{1} pixels is over the limit of {2:,} pixels", im.width, im.height, max_pixels)
        )
    decoded = im.width * im.height * _MODE_BYTES.get(im.mode, 4)
    if decoded > MAX_DECODED_BYTES:
        im.close()
        raise ImageDecodeError(
            path, say("too large: {0}x{1} pixels of {2} would take {3:,} MB decoded, over the limit of {4:,} MB",
                      im.width, im.height, im.mode, decoded // 1_000_000, MAX_DECODED_BYTES // 1_000_000)
        )
    if im.width < 1 or im.height < 1:
        im.close()
        raise ImageDecodeError(path, say("the image has no pixels"))
    return im


HEIC = say("HEIC/HEIF photo: not supported; convert it to JPEG first")
AVIF = say("AVIF image: not supported; convert it to JPEG or PNG first")
PDF = say("a PDF document, not an image")
SVG = say("an SVG/XML file: vector images are not supported")
# Pictures the decoder cannot read, by extension: the listing says which and what to do
# rather than "not an image file extension" (a phone's HEIC photos are the usual case).
UNSUPPORTED_SUFFIXES = {".heic": HEIC, ".heif": HEIC, ".avif": AVIF, ".pdf": PDF, ".svg": SVG}


def _unsupported_reason(path: Path) -> str:
    try:
        with open(path, "rb") as f:
            head = f.read(32)
    except OSError as exc:
        return say("cannot be read ({0})", exc.strerror or exc)
    if not head:
        return say("empty file (0 bytes)")
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc", b"ftypmsf1"):
        return HEIC
    if head[4:12].startswith(b"ftypavif"):
        return AVIF
    if head.startswith(b"%PDF"):
        return PDF
    if head.lstrip().startswith((b"<svg", b"<?xml")):
        return SVG
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and all(c.isprintable() or c in "\t\r\n\f" for c in text):
        return say("a text file, not an image")
    if len(head) < 16:  # no supported format's header fits in fewer bytes
        return say("too short to be an image ({0} bytes)", len(head))
    return say("not an image in a supported format ({0})", ", ".join(ALLOWED_FORMATS))


def probe_image(path: os.PathLike | str, max_pixels: int = MAX_PIXELS) -> ImageInfo:
    """Read an image's header (format, size, mode) without decoding its pixels."""
    path = Path(path)
    with _open(path, max_pixels) as im:
        try:
            # Counting frames walks every page of a TIFF or GIF: a damaged later page fails here.
            frames = getattr(im, "n_frames", 1)
        except MemoryError:
            raise ImageDecodeError(path, say("not enough memory to read this image")) from None
        except Exception as exc:  # noqa: BLE001 - whatever the parser trips on, the file is at fault
            raise ImageDecodeError(path, _decode_reason(exc)) from None
        return ImageInfo(im.format, im.width, im.height, im.mode, frames)


class _DecodeBudget:
    """Bytes that the decodes in flight may hold together, shared by every thread.

    A decode reserves what it will cost before it starts and waits while others hold the
    rest, so a scan's memory is bounded by the budget, not by its worst image times its
    thread count; one image dearer than the whole budget still runs, alone.
    """

    def __init__(self, total: int) -> None:
        self.total = total
        self.used = 0
        self._cond = threading.Condition()

    @contextmanager
    def reserve(self, cost: int) -> Iterator[None]:
        """Hold `cost` bytes of the budget (at most all of it) for the `with` block."""
        cost = min(cost, self.total)
        with self._cond:
            self._cond.wait_for(lambda: self.used == 0 or self.used + cost <= self.total)
            self.used += cost
        try:
            yield
        finally:
            with self._cond:
                self.used -= cost
                self._cond.notify_all()


_budget = _DecodeBudget(DECODE_BUDGET)


def _decode_cost(im: Image.Image) -> int:
    # The decoded pixels, a conversion's copy of them, and an 8-bit RGB result.
    return im.width * im.height * (2 * _MODE_BYTES.get(im.mode, 4) + 3)


def _to_rgb(im: Image.Image, shrink: int = 1) -> Image.Image:
    """`im` as RGB, or as 8-bit grey ("L") for deep grey modes, which the caller resizes
    before making RGB (three times smaller while it is large). A transparent image is
    flattened reduced by `shrink` (the caller's resize then has less to do)."""
    mode = im.mode
    if mode == "RGB":
        return im
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        return _deep_grey(im, shrink)
    if (mode == "P" and "transparency" in im.info) or mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        return _flatten_alpha(im, shrink)
    return im.convert("RGB")


def _deep_grey(im: Image.Image, shrink: int = 1) -> Image.Image:
    """16-bit (and 32-bit) grey as 8-bit grey ("L"): the full range scaled down, not clipped at
    255, a block of rows at a time (a whole 100-megapixel image in float64 is 800 MB), each
    block box-averaged by `shrink` when the caller wants a smaller image anyway."""
    width, height = im.size
    peak = 65535.0 if im.mode.startswith("I;16") else float(im.getextrema()[1])
    if im.mode == "F":
        top = 1.0 if peak <= 1.0 else 255.0
    else:
        top = 65535.0 if im.mode.startswith("I;16") or peak > 255 else 255.0
    f = shrink if width >= shrink and height >= shrink else 1
    ow, oh = width // f, height // f
    rows = max(1, 2_000_000 // max(1, width) // f)  # output rows per block
    out = np.empty((oh, ow), dtype=np.uint8)
    for r in range(0, oh, rows):
        n = min(rows, oh - r)
        block = np.asarray(im.crop((0, r * f, ow * f, (r + n) * f))).astype(np.float32)
        if f > 1:
            block = block.reshape(n, f, ow, f).mean(axis=(1, 3))
        out[r : r + n] = np.clip(block * (255.0 / top), 0, 255).astype(np.uint8)
    return Image.fromarray(out, "L")


def _flatten_alpha(im: Image.Image, shrink: int = 1) -> Image.Image:
    """`im` laid over the fixed background as RGB, a block of rows at a time, each block reduced
    by `shrink` (a box average) when the caller wants a smaller image anyway: each whole-image
    RGBA copy of a 100-megapixel image (a conversion, the background, the composite) is 400 MB."""
    width, height = im.size
    background = np.array(BACKGROUND, dtype=np.uint16)
    rows = max(shrink, (1_000_000 // max(1, width)) // shrink * shrink)
    blocks = []
    for top in range(0, height, rows):
        block = np.asarray(im.crop((0, top, width, min(height, top + rows))).convert("RGBA"))
        alpha = block[..., 3:].astype(np.uint16)
        rgb = (block[..., :3] * alpha + background * (255 - alpha) + 127) // 255
        flat = Image.fromarray(rgb.astype(np.uint8), "RGB")
        blocks.append(flat.reduce(shrink) if shrink > 1 else flat)
    out = Image.new("RGB", (blocks[0].width, sum(b.height for b in blocks)))
    y = 0
    for block in blocks:
        out.paste(block, (0, y))
        y += block.height
    return out


def _shrink(dims: tuple[int, int], size: int | None, keep_aspect: bool) -> int:
    """A whole factor an image may be reduced by before its final resize to `size` and still
    keep twice the pixels that resize needs (1: no reduction)."""
    if not size:
        return 1
    side = max(dims) if keep_aspect else min(dims)
    return max(1, side // (2 * size))


def decode_image(
    path: os.PathLike | str, size: int | None = None, max_pixels: int = MAX_PIXELS, *, keep_aspect: bool = False,
    resize: str = "stretch",
) -> np.ndarray:
    """Decode an image file to a uint8 RGB array, made `size`x`size` if given, the way `resize`
    says (one of `RESIZE_MODES`: the one place the rule lives, for training, prediction,
    evaluation and explanations alike); or, with `keep_aspect` (for showing it to a person),
    fitted within `size`x`size`.

    Raises `ImageDecodeError` naming the file and the reason for anything it cannot use.
    """
    if resize not in RESIZE_MODES:
        raise ValueError(say("resize must be one of {0}, not {1!r}", ", ".join(RESIZE_MODES), resize))
    path = Path(path)
    try:
        with _open(path, max_pixels) as src:
            if size and src.format == "JPEG":
                # Decode straight to a reduced scale (1/2..1/8) no smaller than the target;
                # the larger side is asked for because EXIF rotation may swap the sides.
                src.draft("RGB", (size, size))
            with _budget.reserve(_decode_cost(src)):
                src.seek(0)
                im = src
                # exif_transpose copies even an upright image: only called when it turns one.
                if src.getexif().get(0x0112, 1) != 1:
                    im = ImageOps.exif_transpose(src)
                im = _to_rgb(im, _shrink(im.size, size, keep_aspect))
                if size and keep_aspect:
                    scale = min(1.0, size / max(im.size))
                    target = (max(1, round(im.size[0] * scale)), max(1, round(im.size[1] * scale)))
                    if target != im.size:
                        im = im.resize(target, Image.BILINEAR)
                elif size:
                    im = square(im, size, resize)
                if im.mode != "RGB":
                    im = im.convert("RGB")
                array = np.asarray(im, dtype=np.uint8)
    except ImageDecodeError:
        raise
    except Image.DecompressionBombError as exc:
        raise ImageDecodeError(path, say("too large to decode safely ({0})", exc)) from None
    except MemoryError:
        raise ImageDecodeError(path, say("not enough memory to decode this image")) from None
    except Exception as exc:  # noqa: BLE001 - fuzzing found 18 kinds (TypeError, KeyError...): all the file's fault
        raise ImageDecodeError(path, _decode_reason(exc)) from None
    if array.ndim != 3 or array.shape[2] != 3:
        raise ImageDecodeError(path, say("decoded to an unexpected shape {0}", array.shape))
    return array


def square(im: Image.Image, size: int, resize: str = "stretch") -> Image.Image:
    """`im` made `size`x`size` by `resize` (see `RESIZE_MODES`)."""
    w, h = im.size
    if resize == "crop":
        side = min(w, h)
        left, top = (w - side) // 2, (h - side) // 2
        box = (left, top, left + side, top + side)
        return im if (w, h) == (size, size) else im.resize((size, size), Image.BILINEAR, box=box)
    if resize == "pad":
        scale = size / max(w, h)
        target = (max(1, round(w * scale)), max(1, round(h * scale)))
        if target != im.size:
            im = im.resize(target, Image.BILINEAR)
        if target == (size, size):
            return im
        canvas = Image.new(im.mode, (size, size), 0)
        canvas.paste(im, ((size - target[0]) // 2, (size - target[1]) // 2))
        return canvas
    if resize != "stretch":
        raise ValueError(say("resize must be one of {0}, not {1!r}", ", ".join(RESIZE_MODES), resize))
    return im if (w, h) == (size, size) else im.resize((size, size), Image.BILINEAR)


def _decode_reason(exc: BaseException) -> str:
    text = str(exc)
    if "truncated" in text.lower() or isinstance(exc, EOFError):
        return say("truncated or incomplete file (a broken download?)")
    if not isinstance(exc, (OSError, ValueError)):
        # A parser's internal error ("Missing dimensions", "index out of range") means the
        # file's structure is damaged; its type says more than its text.
        text = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return say("corrupt image data ({0})", text or type(exc).__name__)
