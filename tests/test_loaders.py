"""Every seed's data layout read by its loader plugin, proposed by `detect`, with problems listed."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import numpy as np
import pytest

from alexnet_desktop.core.data.datasets import DatasetError, Sample, Split
from alexnet_desktop.core.data.images import decode_image
from alexnet_desktop.core.data.safe_pickle import UnsafePickleError, load_arrays
from tests.dataset_files import (
    image, pickle_bytes, tar_folder, write_cifar_binary, write_cifar_python, write_mnist,
)


def best(host, path):
    return host.best_loader(Path(path)).id


def test_intel_scenes_layout_with_nesting_test_and_pred_parts(host, tmp_path):
    root = tmp_path / "intel"
    for part in ("seg_train", "seg_test"):
        for cls in ("buildings", "forest", "sea"):
            for i in range(3):
                image(root / part / part / cls / f"{i}.jpg")
    image(root / "seg_test" / "seg_test" / "glacier" / "0.jpg")  # a class with no training images
    for i in range(2):
        image(root / "seg_pred" / "seg_pred" / f"{i}.jpg")
    assert best(host, root) == "folder"
    assert best(host, root / "seg_train") == "folder"
    ds = host.loader("folder").load(root)
    assert ds.class_names == ["buildings", "forest", "sea"]
    assert len(ds.samples) == 9 and len(ds.test_samples) == 9
    assert all("seg_train" in str(s.path) for s in ds.samples)
    reasons = {p.name: r for p, r in ds.passed_over}
    assert "prediction input" in reasons["seg_pred"]
    assert "no training images" in reasons["0.jpg"]
    from alexnet_desktop.core.labelling.predict import folder_listing

    assert len(folder_listing(root / "seg_pred").files) == 2  # the wrapper folder is stepped into
    # The nested folder alone, and an explicit test folder.
    ds = host.loader("folder").load(root / "seg_train", test_folder=str(root / "seg_test"))
    assert len(ds.samples) == 9 and len(ds.test_samples) == 9


def test_unlabelled_flat_folder_is_not_a_dataset(host, tmp_path):
    for i in range(5):
        image(tmp_path / "seg_pred" / f"{i}.jpg")
    assert host.detect_loaders(tmp_path / "seg_pred")[0][0] < 0.5
    with pytest.raises(DatasetError, match="prediction input"):
        host.loader("folder").load(tmp_path / "seg_pred")


def test_labels_from_file_names(host, tmp_path):
    folder = tmp_path / "kaggle" / "train"
    for i in range(3):
        image(folder / f"cat.{i}.jpg")
        image(folder / f"dog.{i}.jpg", (40, 40, 200))
    image(folder / "Cat.9.jpg")
    image(folder / "1234.jpg")
    assert best(host, folder) == "filename"
    ds = host.loader("filename").load(folder)
    assert ds.class_names == ["cat", "dog"] and ds.counts() == {"cat": 4, "dog": 3}
    assert any("differ only in case" in n for n in ds.notes)
    (ambiguous,) = [(p.name, r) for p, r in ds.passed_over]
    assert ambiguous[0] == "1234.jpg" and "ambiguous" in ambiguous[1]
    assert host.loader("filename").load(folder, case_sensitive=True).class_names == ["Cat", "cat", "dog"]
    # Kaggle's download: train/ labelled by name beside test1/ of bare numbers.
    for i in range(3):
        image(tmp_path / "kaggle" / "test1" / f"{i + 1}.jpg")
    assert best(host, tmp_path / "kaggle") == "filename"
    assert host.loader("filename").load(tmp_path / "kaggle").root == folder


@pytest.mark.parametrize(
    "name, label",
    [("cat.123.jpg", "cat"), ("dog.7.v2.png", "dog"), ("golden_retriever_12.jpg", "golden_retriever"),
     ("tulip (3).png", "tulip"), ("123.jpg", None), ("_4.png", None)],
)
def test_file_name_rule(name, label):
    from alexnet_desktop_plugins.filename_labels import label_from_name

    assert label_from_name(name) == label


def test_csv_list_like_seed_001(host, tmp_path):
    images = tmp_path / "kaggle" / "train"
    for i in range(3):
        image(images / f"cat.{i}.jpg")
        image(images / f"dog.{i}.jpg", (40, 40, 200))
    csv = tmp_path / "kaggle" / "labels.csv"
    rows = ["imageName,label"] + [f"train/cat.{i}.jpg,cat" for i in range(3)] + [f"train/dog.{i}.jpg,dog" for i in range(3)]
    rows += ["train/missing.jpg,cat", "train/cat.0.jpg,dog", "train/dog.0.jpg,"]
    csv.write_text("\n".join(rows) + "\n")
    assert best(host, csv.parent) == "csv"
    ds = host.loader("csv").load(csv)
    assert ds.counts() == {"cat": 3, "dog": 3}
    reasons = " | ".join(r for _, r in ds.passed_over)
    assert "not found" in reasons and "labelled 'dog' here but 'cat' earlier" in reasons and "empty label" in reasons
    # Semicolons, other column names, and a separate image root.
    (tmp_path / "other.csv").write_text("file;class\ncat.1.jpg;cat\ndog.1.jpg;dog\n")
    ds = host.loader("csv").load(tmp_path / "other.csv", image_root=str(images))
    assert ds.counts() == {"cat": 1, "dog": 1}
    with pytest.raises(DatasetError, match="which column holds the file names"):
        (tmp_path / "bad.csv").write_text("a,b\nx,y\n")
        host.loader("csv").load(tmp_path / "bad.csv")


@pytest.mark.parametrize("variant", ["python", "binary", "python-archive", "binary-archive"])
def test_cifar10_as_distributed(host, tmp_path, workspace, variant):
    kind, _, archived = variant.partition("-")
    src = tmp_path / "downloads"
    folder = (write_cifar_python if kind == "python" else write_cifar_binary)(src, per_batch=4)
    path = folder
    if archived:
        path = tar_folder(folder, src / f"cifar-10-{kind}.tar.gz")
        import shutil

        shutil.rmtree(folder)
    assert best(host, path) == "cifar10"
    ds = host.loader("cifar10").load(path)
    assert len(ds.samples) == 20 and len(ds.test_samples) == 4
    assert set(ds.class_names) <= set(["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"])
    assert workspace.datasets_dir in ds.samples[0].path.parents
    # Pixels are CIFAR's planes put back together: red plane first.
    from tests.dataset_files import cifar_arrays

    data, labels = cifar_arrays(4, 0)
    first = sorted(ds.samples, key=lambda s: s.path.name)[0]
    assert first.path.name.startswith("00001")
    expected = data[0].reshape(3, 32, 32).transpose(1, 2, 0)
    assert np.array_equal(decode_image(first.path), expected)
    # A second load reuses the unpacked images.
    mtime = first.path.stat().st_mtime_ns
    host.loader("cifar10").load(path)
    assert first.path.stat().st_mtime_ns == mtime


def test_mnist_idx_files(host, tmp_path):
    folder = write_mnist(tmp_path / "mnist", gz=True)
    assert best(host, folder) == "mnist"
    ds = host.loader("mnist").load(folder)
    assert ds.class_names == [str(d) for d in range(10)]
    assert len(ds.samples) == 12 and len(ds.test_samples) == 5
    assert decode_image(ds.samples[0].path).shape == (28, 28, 3)
    plain = write_mnist(tmp_path / "plain", gz=False)
    data = (plain / "train-images-idx3-ubyte").read_bytes()
    (plain / "train-images-idx3-ubyte").write_bytes(data[:-100])
    with pytest.raises(DatasetError, match="truncated"):
        host.loader("mnist").load(plain)


def test_restricted_unpickler_refuses_code(tmp_path):
    arrays = {b"data": np.arange(6, dtype=np.uint8), b"labels": [1, 2]}
    for protocol in (2, 4, 5):
        out = load_arrays(pickle.dumps(arrays, protocol=protocol))
        assert out[b"data"].tolist() == list(range(6))

    class Evil:
        def __reduce__(self):
            return (os.system, ("touch " + str(tmp_path / "pwned"),))

    with pytest.raises(UnsafePickleError, match="system"):
        load_arrays(pickle_bytes({b"data": Evil()}))
    assert not (tmp_path / "pwned").exists()
    with pytest.raises(UnsafePickleError, match="Python objects"):
        load_arrays(pickle_bytes(np.array([1, "x"], dtype=object)))


def test_cifar_batch_with_code_is_refused(host, tmp_path):
    folder = write_cifar_python(tmp_path, per_batch=2)

    class Evil:
        def __reduce__(self):
            return (os.system, ("touch " + str(tmp_path / "pwned"),))

    (folder / "data_batch_3").write_bytes(pickle_bytes({b"data": Evil(), b"labels": [0]}))
    with pytest.raises(UnsafePickleError):
        host.loader("cifar10").load(folder)
    assert not (tmp_path / "pwned").exists()


def test_flowers17(host, tmp_path):
    folder = tmp_path / "17flowers" / "jpg"
    for n in range(1, 1361, 7):  # a sample of the numbering, every class touched
        image(folder / f"image_{n:04d}.jpg", side=8)
    image(folder / "image_1361.jpg", side=8)
    (folder / "files.txt").write_text("image_0001.jpg\n")
    assert host.loader("flowers17").detect(tmp_path / "17flowers") == 0.5
    ds = host.loader("flowers17").load(tmp_path / "17flowers")
    labels = {s.path.name: s.label for s in ds.samples}
    assert labels["image_0001.jpg"] == "Daffodil" and labels["image_0078.jpg"] == "Daffodil"
    assert labels["image_0085.jpg"] == "Snowdrop" and labels["image_1359.jpg"] == "Pansy"
    assert len(ds.class_names) == 17
    assert [p.name for p, _ in ds.passed_over] == ["image_1361.jpg"]
    assert any("missing" in n for n in ds.notes)


def test_split_is_reproducible_and_optionally_unstratified():
    samples = [Sample(Path(f"{c}{i}.jpg"), c) for c in "ab" for i in range(20)] + [Sample(Path("c0.jpg"), "c")]
    train, val = Split(0.25, 21).apply(samples)
    assert (train, val) == Split(0.25, 21).apply(list(reversed(samples)))
    assert sum(s.label == "a" for s in val) == 5 and len(train) + len(val) == 41
    train2, val2 = Split(0.25, 21, stratified=False).apply(samples)
    assert len(val2) == 10 and set(train2) | set(val2) == set(samples)
    assert val2 != val


def _csv_beside_its_images(root, prefix=""):
    """A folder holding `labels.csv` and `images/`, the CSV naming the files as `prefix + name`."""
    rows = ["imageName,label"]
    for i in range(3):
        for label, colour in (("cat", (200, 40, 40)), ("dog", (40, 40, 200))):
            image(root / "images" / f"{label}.{i}.jpg", colour, side=24)
            rows.append(f"{prefix}{label}.{i}.jpg,{label}")
    (root / "labels.csv").write_text("\n".join(rows) + "\n")
    return root


def _scan_json(folder):
    from tests.cli import run_cli

    return json.loads(run_cli("scan", folder, "--json", ok=True, timeout=120).stdout)


@pytest.mark.parametrize("prefix", ["", "images/"])
def test_a_folder_with_one_csv_list_and_its_images_is_read_as_that_list(tmp_path, prefix):
    folder = _csv_beside_its_images(tmp_path / "kaggle", prefix)
    report = _scan_json(folder)
    assert report["loader"] == "csv" and report["counts"] == {"cat": 3, "dog": 3}
    assert not report["rejected"] and not report["passed_over"]


def test_class_folders_with_a_stray_csv_are_still_class_folders(tmp_path):
    from tests.conftest import write_colour_dataset

    folder = write_colour_dataset(tmp_path / "colours", per_class=3, side=24)
    # A list of the same images (as `predict --out` writes) beside them changes nothing.
    rows = ["path,label"] + [f"{c}/{c}_{i}.png,{c}" for c in ("blue", "red") for i in range(3)]
    (folder / "predictions.csv").write_text("\n".join(rows) + "\n")
    report = _scan_json(folder)
    assert report["loader"] == "folder" and report["counts"] == {"blue": 3, "red": 3}


def test_the_data_page_reads_a_folder_with_a_csv_list_as_that_list(qtbot, window, tmp_path):
    folder = _csv_beside_its_images(tmp_path / "kaggle")
    page = window.data_page
    with qtbot.waitSignal(page.scan_finished, timeout=30000):
        page.choose_folder(folder)
    assert page.loader_combo.currentData() == "csv"
    assert page.chart.counts == {"cat": 3, "dog": 3}
    qtbot.waitUntil(lambda: not page.runner.is_running())


def test_a_csv_list_beside_two_image_folders_is_read_as_the_list_and_a_semicolon_list_too(tmp_path):
    """#32: a Kaggle-style folder (labels.csv, train/, test/) is not a two-class folder dataset;
    a list separated by ';' is read as well."""
    from PIL import Image

    folder = tmp_path / "kaggle"
    rows = ["file;label"]
    for part in ("train", "test"):
        (folder / part).mkdir(parents=True)
        for i in range(4):
            Image.new("RGB", (12, 12), (40 * i, 90, 200)).save(folder / part / f"{part}{i}.png")
            rows.append(f"{part}/{part}{i}.png;{'cat' if i % 2 else 'dog'}")
    (folder / "labels.csv").write_text("\n".join(rows) + "\n")
    report = _scan_json(folder)
    assert report["loader"] == "csv" and report["counts"] == {"cat": 4, "dog": 4}
