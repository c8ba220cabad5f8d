"""The settings of a training run as one object, `TrainConfig`, saved whole in each run's
`run.json`; the Model page edits a draft of it and argparse leaves unset options to it. What each
setting may be and its default are declared in `core.training.settings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from alexnet_desktop.core.data.augment import Augmentation
from alexnet_desktop.core.descriptors import TUNABLE_SETTINGS
from alexnet_desktop.core.training.optimization import OptimizerSettings
from alexnet_desktop.core.training.settings import SETTINGS, check, default
from alexnet_desktop.core.wording import say


@dataclass(kw_only=True)
class TrainConfig(OptimizerSettings):
    """Everything that decides a training run; saved in its `run.json`.

    The optimizer and its learning-rate schedule are the fields it inherits.
    """

    data: str
    arch: str = default("arch")
    loader: str | None = default("loader")  # None: the loader most confident about `data`
    loader_options: dict[str, Any] = field(default_factory=dict)
    epochs: int = default("epochs")
    batch_size: int = default("batch_size")
    image_size: int | None = default("image_size")  # None: the architecture's default
    val_split: float = default("val_split")
    stratified: bool = default("stratified")
    val_source: str = default("val_source")  # "split": a share of the training images; "test": the dataset's test part
    augmentation: dict[str, Any] = field(default_factory=dict)  # Augmentation settings; empty: none
    seed: int = default("seed")
    early_stopping: int = default("early_stopping")  # epochs without a better monitored value; 0: never
    devices: list[str] = field(default_factory=list)  # empty: every GPU, else the CPU; several: data-parallel
    mixed_precision: str = default("mixed_precision")  # "auto": on GPUs with tensor cores; "on"; "off"
    runs_dir: str = default("runs_dir")
    steps_per_epoch: int | None = default("steps_per_epoch")  # cap on batches per epoch, for smoke tests
    class_weight: str = default("class_weight")  # "balanced": each class weighs the same in the loss
    resize: str = default("resize")  # how an image becomes the square input
    start_from: str | None = default("start_from")  # a run folder or .keras file the new model starts from
    freeze_epochs: int = default("freeze_epochs")  # with start_from: epochs the copied layers are not trained
    backbone_weights: str = default("backbone_weights")  # "imagenet", "random" or a weights file
    backbone_frozen_epochs: int | None = default("backbone_frozen_epochs")  # None: the architecture's
    fine_tune_factor: float | None = default("fine_tune_factor")  # None: the architecture's
    unlabelled: str | None = default("unlabelled")  # a folder of unlabelled images also learnt from (FixMatch)
    unlabelled_threshold: float = default("unlabelled_threshold")  # confidence above which a prediction is a target
    unlabelled_ratio: int = default("unlabelled_ratio")  # unlabelled images per labelled one in each step
    # The user's corrections applied to `data` ({"file", "label", "sha256"} each; see
    # core/labelling/corrections.py): saved here so run.json lists them and a resume reuses them.
    corrections: list[dict[str, str]] = field(default_factory=list)

    def validate(self) -> None:
        """Raise ValueError with a plain message for a setting that cannot work: each out of its
        declared range or choices (`core.training.settings`), then those that go together."""
        check(self)
        if self.freeze_epochs and not self.start_from:
            raise ValueError(say("freezing layers needs a run or model to start from"))
        Augmentation.from_dict(self.augmentation)
        if any(not isinstance(c, dict) or not c.get("file") for c in self.corrections):
            raise ValueError(say("each correction needs a file and a label"))

    @classmethod
    def for_architecture(cls, architecture: Any, **given: Any) -> "TrainConfig":
        """A new run's settings: those `given`, else the architecture's own defaults (its
        descriptor's `defaults`), else TrainConfig's. `architecture` may be None (unknown)."""
        return cls(**{**dict(getattr(architecture, "defaults", None) or {}), **given})

    def switch_architecture(self, old: Any, new: Any) -> None:
        """Choose the architecture `new` instead of `old` (descriptors, or None): each setting an
        architecture may tune that still has `old`'s default takes `new`'s; one the user
        changed is kept; so is the input size, unless it was `old`'s own."""
        before, after = architecture_defaults(old), architecture_defaults(new)
        for name in TUNABLE_SETTINGS:
            if getattr(self, name) == before[name]:
                setattr(self, name, after[name])
        if new is not None and (old is None or self.image_size in (None, old.default_input_shape[0])):
            self.image_size = new.default_input_shape[0]
        if new is not None:
            self.arch = new.id

    @classmethod
    def from_manifest(cls, saved: dict[str, Any], where: str = "run.json") -> "TrainConfig":
        """The config saved in a run's `run.json` ("training"), ignoring keys it no longer has."""
        from typing import get_type_hints

        from alexnet_desktop.core.schema import SchemaError, check_fields

        if not saved:
            raise SchemaError(say("{0}: the field {1!r} is missing: the run's settings are not recorded", where, "training"))
        check_fields(f"{where}: training", saved, get_type_hints(cls), required=("data",))
        known = {f.name for f in fields(cls)}
        config = cls(**{k: v for k, v in saved.items() if k in known})
        for setting in SETTINGS:  # each within the bounds the settings schema declares, named
            problem = setting.problem_with(getattr(config, setting.name)) if hasattr(config, setting.name) else None
            if problem:
                raise SchemaError(say("{0}: training: the field {1!r}: {2}", where, setting.name, problem))
        return config



def default_of(name: str) -> Any:
    """The app's default for the setting `name` (for help texts and the window's draft)."""
    return default(name)


def architecture_defaults(architecture: Any) -> dict[str, Any]:
    """The settings an architecture may tune as a new run on it starts: its own defaults over TrainConfig's."""
    own = dict(getattr(architecture, "defaults", None) or {})
    return {name: own.get(name, default_of(name)) for name in TUNABLE_SETTINGS}
