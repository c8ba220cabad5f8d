"""The fused augmenter: each change does what its setting says, and draws are repeatable."""

import numpy as np
import pytest

from alexnet_desktop.core.data.augment import CROP_FRACTION, Augmentation, augment_batch, build_augmenter, preset, preview


def _ramp(size=64, batch=16):
    """A batch of images whose red channel is the column index and green the row index."""
    cols, rows = np.meshgrid(np.arange(size), np.arange(size))
    image = np.stack([cols, rows, np.full_like(cols, 128)], -1).astype(np.uint8)
    return np.repeat(image[None], batch, axis=0)


def _run(aug, images, index=0, seed=3):
    return augment_batch(build_augmenter(aug, images.shape[1], seed), images, index).numpy()


def test_nothing_on_builds_no_augmenter():
    assert build_augmenter(Augmentation(), 32, 0) is None
    images = _ramp()
    assert augment_batch(None, images) is images


def test_flips_mirror_exactly_and_both_ways_occur():
    images = _ramp()
    out = _run(Augmentation(horizontal_flip=True), images)
    same = [np.array_equal(o, images[0]) for o in out]
    mirrored = [np.array_equal(o, images[0][:, ::-1]) for o in out]
    assert all(s or m for s, m in zip(same, mirrored)) and any(same) and any(mirrored)


def test_paper_crop_covers_227_of_256_of_the_side_inside_the_image():
    size = 128
    out = _run(Augmentation(random_crop=True), _ramp(size)).astype(int)
    span = out[:, size // 2, -1, 0] - out[:, size // 2, 0, 0]  # red = source column
    assert np.all(np.abs(span - (size - 1) * CROP_FRACTION) <= 2)
    assert out[..., 0].min() >= 0 and out[..., 0].max() <= size - 1
    assert len(set(out[:, size // 2, 0, 0])) > 4  # the crop lands in different places


def test_rotation_and_zoom_keep_the_centre_and_change_the_rest():
    size = 65
    images = _ramp(size)
    out = _run(Augmentation(rotation=30, zoom=0.3), images).astype(int)
    c = size // 2
    assert np.all(np.abs(out[:, c, c, :2] - images[0, c, c, :2]) <= 1)
    assert not np.array_equal(out[0], images[0]) and not np.array_equal(out[0], out[1])


def test_shifts_stay_within_their_fraction():
    size = 100
    out = _run(Augmentation(width_shift=0.1), _ramp(size)).astype(int)
    shift = out[:, size // 2, size // 2, 0] - size // 2
    assert np.abs(shift).max() <= 10 + 1 and np.abs(shift).max() >= 3


def test_brightness_moves_whole_images_within_the_range():
    images = np.full((32, 8, 8, 3), 128, np.uint8)
    out = _run(Augmentation(brightness=0.2), images).astype(int)
    means = out.reshape(32, -1).mean(1)
    assert np.all(np.abs(means - 128) <= 0.2 * 255 + 1) and means.std() > 5
    assert all(len(np.unique(o)) == 1 for o in out)  # the same change over the whole image


@pytest.mark.parametrize("name", ["paper", "seed001", "seed003"])
def test_the_same_seed_and_batch_give_the_same_images_and_another_batch_others(name):
    images = _ramp(48, 4)
    first, again = _run(preset(name), images, 5), _run(preset(name), images, 5)
    assert first.dtype == np.uint8 and first.shape == images.shape
    assert np.array_equal(first, again)
    assert not np.array_equal(first, _run(preset(name), images, 6))


def test_preview_gives_distinct_versions_of_one_image():
    image = _ramp(40, 1)[0]
    versions = preview(preset("seed001"), image, count=6)
    assert len(versions) == 6 and len({v.tobytes() for v in versions}) == 6


# Keras' ImageDataGenerator argument -> the Augmentation setting that does the same.
GENERATOR_ARGUMENTS = {
    "rotation_range": "rotation", "width_shift_range": "width_shift", "height_shift_range": "height_shift",
    "shear_range": "shear", "zoom_range": "zoom", "horizontal_flip": "horizontal_flip", "vertical_flip": "vertical_flip",
}


def test_the_seed003_preset_is_exactly_the_generator_seed_003_trains_with():
    import ast
    from pathlib import Path

    source = (Path(__file__).parent / "fixtures" / "seed003_generator.txt").read_text(encoding="utf-8")
    call = ast.parse(source).body[0].value  # datagen = ImageDataGenerator(...); its comments are not arguments
    given = {GENERATOR_ARGUMENTS[k.arg]: ast.literal_eval(k.value) for k in call.keywords}
    assert given == {"width_shift": 0.1, "height_shift": 0.1, "horizontal_flip": True, "vertical_flip": False}
    assert preset("seed003") == Augmentation(**given)


def test_options_change_one_setting_each_on_top_of_a_preset():
    changed = preset("seed003").with_options(["rotation=10", " zoom = 0.25", "vertical_flip=yes", "horizontal_flip=off"])
    assert changed == Augmentation(width_shift=0.1, height_shift=0.1, rotation=10, zoom=0.25, vertical_flip=True)


@pytest.mark.parametrize("option, words", [
    ("rotation=181", ["rotation", "0 to 180", "181"]),
    ("zoom=1", ["zoom", "below 1"]),
    ("shear=-0.1", ["shear", "from 0"]),
    ("brightness=lots", ["brightness", "fraction", "lots"]),
    ("width_shift=nan", ["width_shift"]),
    ("vertical_flip=2", ["vertical_flip", "true or false"]),
    ("spin=3", ["spin", "rotation", "zoom"]),
    ("rotation", ["NAME=VALUE"]),
])
def test_a_bad_option_names_the_setting_and_what_it_accepts(option, words):
    with pytest.raises(ValueError) as caught:
        preset("none").with_options([option])
    assert all(w in str(caught.value) for w in words), str(caught.value)


def _cli(*args):
    from tests.cli import run_cli

    return run_cli(*args)


@pytest.mark.slow  # trains in a new process: the longest test of this file by far
def test_cli_augment_options_reach_run_json(colour_dataset, tmp_path):
    import json

    done = _cli("train", colour_dataset, "--arch", "small-cnn", "--image-size", 32, "--epochs", 1, "--batch-size", 4,
                "--steps-per-epoch", 1, "--run-dir", tmp_path / "runs", "--json",
                "--augment", "seed003", "--augment-option", "rotation=10", "--augment-option", "horizontal_flip=false")
    assert done.returncode == 0, done.stderr[-2000:]
    run_dir = json.loads(done.stdout.strip().splitlines()[-1])["run_dir"]
    saved = json.loads((tmp_path / "runs" / run_dir / "run.json").read_text(encoding="utf-8"))
    assert Augmentation.from_dict(saved["training"]["augmentation"]) == Augmentation(
        width_shift=0.1, height_shift=0.1, rotation=10)


def test_cli_bad_augment_option_is_a_one_line_error(colour_dataset, tmp_path):
    done = _cli("train", colour_dataset, "--arch", "small-cnn", "--run-dir", tmp_path / "runs",
                "--augment-option", "rotation=400")
    assert done.returncode == 1
    assert done.stderr.strip() == ("alexnet-desktop train: error: augmentation rotation must be a number of degrees "
                                   "from 0 to 180, not 400")
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())
