"""Preparing a training run's images: read the dataset, check every file, split it.

Shared by a new run and a resume, so both train on exactly the split the settings decide.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from alexnet_desktop.core.data.datasets import Dataset, Sample, Split
from alexnet_desktop.core.data.loading import load_dataset
from alexnet_desktop.core.data.scan import ScanReport, find_leaks, scan_dataset
from alexnet_desktop.core.events import Emit, Message
from alexnet_desktop.core.labelling.corrections import Applied, Correction, apply_corrections
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.training.config import TrainConfig
from alexnet_desktop.core.wording import say


@dataclass
class TrainingData:
    """The checked dataset and the images each side of the split gets."""

    dataset: Dataset
    report: ScanReport
    split: Split
    class_names: list[str]
    train: list[Sample]
    val: list[Sample]
    leaks: list
    corrections: Applied | None = None  # what the user's corrections changed, when there were any


def prepare_data(config: TrainConfig, host: PluginHost, emit: Emit, stop: threading.Event) -> TrainingData:
    """Load and scan `config.data`, then split it; raise ValueError for data that cannot train.

    Validation comes from a share of the training part, or from the dataset's test part
    when `val_source` is "test"; the test part never goes into training.
    """
    emit(Message(say("Reading {0}", config.data)))
    dataset = load_dataset(host, config.data, config.loader, config.loader_options)
    applied = None
    if config.corrections:
        dataset, applied = apply_corrections(dataset, [Correction.from_record(c) for c in config.corrections])
        emit(Message(applied.summary()))
        for line, level in applied.lines():
            emit(Message(line, level))
    emit(Message(say("Checking {0:,} images in {1}…", len(dataset.samples) + len(dataset.test_samples), config.data)))
    report = scan_dataset(dataset, emit, stop)
    split = Split(config.val_split if config.val_source == "split" else 0.0, config.seed, config.stratified)
    train_samples, val_samples = split.apply(report.training_part(), report.digests)
    if config.val_source == "test":
        val_samples = report.test_part()
        if not val_samples:
            raise ValueError(say("{0}: validation on the test part was asked for, but the dataset has no usable "
                                 "test images", config.data))
    leaks = find_leaks(train_samples, val_samples, report.digests)
    if leaks:
        emit(Message(say("{0} validation image(s) are identical to training images: the validation score will be "
                         "too high", len(leaks)), "warning"))
    classes = sorted({s.label for s in train_samples})
    if len(classes) < 2:
        raise ValueError(say("{0}: training needs images of at least 2 classes, found {1}", config.data, len(classes)))
    class_names = list(dataset.class_names)
    missing = [c for c in class_names if c not in classes]
    if missing:
        emit(Message(say("No usable training images for class(es) {0}", ", ".join(missing)), "warning"))
    return TrainingData(dataset, report, split, class_names, train_samples, val_samples, leaks, applied)
