"""The one decoder: formats by content, modes to uint8 RGB, orientation, limits, clear errors."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from alexnet_desktop.core.data.image_files import list_image_files
from alexnet_desktop.core.data.images import ImageDecodeError, decode_image, probe_image


def test_modes_become_uint8_rgb(tmp_path):
    cases = {
        "rgba.png": Image.new("RGBA", (10, 8), (255, 0, 0, 0)),  # fully transparent -> white background
        "grey.png": Image.new("L", (10, 8), 100),
        "palette.gif": Image.new("P", (10, 8), 3),
        "cmyk.jpg": Image.new("CMYK", (10, 8), (0, 255, 255, 0)),
        "sixteen.png": Image.fromarray(np.full((8, 10), 65535, dtype=np.uint16)),
        "plain.webp": Image.new("RGB", (10, 8), (0, 0, 255)),
        "plain.bmp": Image.new("RGB", (10, 8), (0, 255, 0)),
        "plain.tiff": Image.new("RGB", (10, 8), (9, 9, 9)),
    }
    for name, im in cases.items():
        im.save(tmp_path / name)
        a = decode_image(tmp_path / name)
        assert a.dtype == np.uint8 and a.shape == (8, 10, 3), name
    assert decode_image(tmp_path / "rgba.png")[0, 0].tolist() == [255, 255, 255]
    assert decode_image(tmp_path / "sixteen.png")[0, 0].tolist() == [255, 255, 255]  # scaled, not clipped to 255 by luck
    assert decode_image(tmp_path / "cmyk.jpg")[0, 0, 0] > 200  # cyan-free, magenta+yellow: red


def test_resize_and_format_from_content(tmp_path):
    Image.new("RGB", (300, 200), (10, 20, 30)).save(tmp_path / "photo.png", format="JPEG")  # a JPEG named .png
    a = decode_image(tmp_path / "photo.png", size=64)
    assert a.shape == (64, 64, 3)
    assert probe_image(tmp_path / "photo.png").format == "JPEG"


def test_exif_orientation_is_applied(tmp_path):
    im = Image.new("RGB", (40, 20), (255, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise when shown
    im.save(tmp_path / "rotated.jpg", exif=exif)
    assert decode_image(tmp_path / "rotated.jpg").shape == (40, 20, 3)


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.jpg", b"", "empty file"),
        ("notes.jpg", b"hello, I am text\n", "text file"),
        ("doc.jpg", b"%PDF-1.4 binary\x00\xff", "PDF"),
        ("phone.jpg", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "HEIC"),
    ],
)
def test_bad_files_get_a_reason_naming_the_file(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(ImageDecodeError) as info:
        decode_image(tmp_path / name)
    assert reason in info.value.reason and name in str(info.value)


def test_truncated_and_oversized(tmp_path):
    Image.new("RGB", (200, 200), (1, 2, 3)).save(tmp_path / "full.jpg")
    data = (tmp_path / "full.jpg").read_bytes()
    (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 2])
    with pytest.raises(ImageDecodeError, match="truncated"):
        decode_image(tmp_path / "cut.jpg")
    with pytest.raises(ImageDecodeError, match="over the limit"):
        decode_image(tmp_path / "full.jpg", max_pixels=100)


def test_listing_skips_junk_and_survives_symlink_loops(tmp_path):
    (tmp_path / "a").mkdir()
    Image.new("RGB", (4, 4)).save(tmp_path / "a" / "x.png")
    (tmp_path / "a" / ".DS_Store").write_bytes(b"junk")
    (tmp_path / "a" / "._x.png").write_bytes(b"junk")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    (tmp_path / "dangling.png").symlink_to(tmp_path / "nowhere.png")
    listing = list_image_files(tmp_path)
    assert listing.files == [tmp_path / "a" / "x.png"]
    assert len(listing.junk) == 2
    reasons = " ".join(r for _, r in listing.problems)
    assert "loop" in reasons and "dangling" in reasons
