"""The settings of a training run, with the one set of defaults the window and the CLI share.

`TrainConfig` is saved whole in each run's `run.json`; the Model page edits a draft of it and
argparse leaves unset options to it.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any

from alexnet_desktop.core.data.augment import Augmentation
from alexnet_desktop.core.data.images import RESIZE_MODES
from alexnet_desktop.core.training.balance import CLASS_WEIGHT_CHOICES
from alexnet_desktop.core.descriptors import TUNABLE_SETTINGS
from alexnet_desktop.core.training.devices import MIXED_PRECISION_CHOICES
from alexnet_desktop.core.training.manifest import MAX_EPOCHS, MAX_IMAGE_SIZE
from alexnet_desktop.core.training.optimization import OptimizerSettings
from alexnet_desktop.core.wording import say


@dataclass(kw_only=True)
class TrainConfig(OptimizerSettings):
    """Everything that decides a training run; saved in its `run.json`.

    The optimizer and its learning-rate schedule are the fields it inherits.
    """

    data: str
    arch: str = "alexnet-bn"
    loader: str | None = None  # None: the loader most confident about `data`
    loader_options: dict[str, Any] = field(default_factory=dict)
    epochs: int = 10
    batch_size: int = 32
    image_size: int | None = None  # None: the architecture's default
    val_split: float = 0.2
    stratified: bool = True
    val_source: str = "split"  # "split": a share of the training images; "test": the dataset's test part
    augmentation: dict[str, Any] = field(default_factory=dict)  # Augmentation settings; empty: none
    seed: int = 1337
    early_stopping: int = 0  # stop after this many epochs without a better monitored value; 0: never
    devices: list[str] = field(default_factory=list)  # empty: every GPU, else the CPU; several: data-parallel
    mixed_precision: str = "auto"  # "auto": on GPUs with tensor cores; "on"; "off"
    runs_dir: str = ""
    steps_per_epoch: int | None = None  # cap on batches per epoch, for smoke tests
    class_weight: str = "none"  # "balanced": each class weighs the same in the loss (see core/training/balance.py)
    resize: str = "stretch"  # how an image becomes the square input: one of images.RESIZE_MODES
    start_from: str | None = None  # a run folder or .keras file whose weights the new model starts with
    freeze_epochs: int = 0  # with start_from: epochs during which the copied layers are not trained

    def validate(self) -> None:
        """Raise ValueError with a plain message for a setting that cannot work."""
        if not 1 <= self.epochs <= MAX_EPOCHS:
            raise ValueError(say("epochs must be from 1 to {0}, not {1}", MAX_EPOCHS, self.epochs))
        if self.batch_size < 1:
            raise ValueError(say("batch size must be at least 1, not {0}", self.batch_size))
        if self.image_size is not None and not 1 <= self.image_size <= MAX_IMAGE_SIZE:
            raise ValueError(say("image size must be from 1 to {0}, not {1}", MAX_IMAGE_SIZE, self.image_size))
        super().validate()
        if not 0 <= self.val_split < 1:
            raise ValueError(say("validation split must be in [0, 1), not {0}", self.val_split))
        if self.val_source not in ("split", "test"):
            raise ValueError(say("validation source must be 'split' or 'test', not {0!r}", self.val_source))
        if self.early_stopping < 0:
            raise ValueError(say("early-stopping patience must be 0 (off) or more, not {0}", self.early_stopping))
        if self.mixed_precision not in MIXED_PRECISION_CHOICES:
            raise ValueError(say("mixed precision must be one of {0}", ", ".join(MIXED_PRECISION_CHOICES)))
        if self.freeze_epochs < 0:
            raise ValueError(say("freeze epochs must be 0 or more, not {0}", self.freeze_epochs))
        if self.freeze_epochs and not self.start_from:
            raise ValueError(say("freezing layers needs a run or model to start from"))
        Augmentation.from_dict(self.augmentation)
        if self.class_weight not in CLASS_WEIGHT_CHOICES:
            raise ValueError(say("class weight must be one of {0}, not {1!r}", ", ".join(CLASS_WEIGHT_CHOICES), self.class_weight))
        if self.resize not in RESIZE_MODES:
            raise ValueError(say("resize must be one of {0}, not {1!r}", ", ".join(RESIZE_MODES), self.resize))
        if not self.runs_dir:
            raise ValueError(say("no runs folder given"))

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
    def from_manifest(cls, saved: dict[str, Any]) -> "TrainConfig":
        """The config saved in a run's `run.json` ("training"), ignoring keys it no longer has."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in saved.items() if k in known})



def default_of(name: str) -> Any:
    """`TrainConfig`'s default for the field `name` (for help texts and the window's draft)."""
    for f in fields(TrainConfig):
        if f.name == name:
            if f.default is not MISSING:
                return f.default
            if f.default_factory is not MISSING:
                return f.default_factory()
            raise KeyError(say("{0} has no default", name))
    raise KeyError(name)


def architecture_defaults(architecture: Any) -> dict[str, Any]:
    """The settings an architecture may tune as a new run on it starts: its own defaults over TrainConfig's."""
    own = dict(getattr(architecture, "defaults", None) or {})
    return {name: own.get(name, default_of(name)) for name in TUNABLE_SETTINGS}
