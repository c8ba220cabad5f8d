"""The optimizer and learning-rate schedule of a run, built from its settings.

Schedules that depend only on the step count (step, cosine) are Keras
`LearningRateSchedule` objects inside the optimizer, so they are saved with it and a
resumed run continues at the same point of the schedule; reduce-on-plateau depends on
the validation history and is a callback.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from alexnet_desktop.core.tf_runtime import keras as _keras
from alexnet_desktop.core.training.settings import default, check
from alexnet_desktop.core.wording import Translate, same

@dataclass
class OptimizerSettings:
    """How the weights are updated: the optimizer, its learning rate and the schedule of that rate.

    Field names are those of `TrainConfig`, so `from_config` can pick them out of one.
    """

    optimizer: str = default("optimizer")
    learning_rate: float = default("learning_rate")
    momentum: float = default("momentum")  # SGD only
    weight_decay: float = default("weight_decay")
    lr_schedule: str = default("lr_schedule")
    lr_step_epochs: int = default("lr_step_epochs")  # "step": epochs between reductions
    lr_factor: float = default("lr_factor")  # "step" and "plateau": what the rate is multiplied by
    lr_patience: int = default("lr_patience")  # "plateau": epochs without improvement before a reduction

    @classmethod
    def from_config(cls, config: Any) -> "OptimizerSettings":
        """The settings held by a `TrainConfig` (or anything with the same attribute names)."""
        return cls(**{f.name: getattr(config, f.name) for f in fields(cls)})

    @classmethod
    def from_record(cls, saved: dict[str, Any]) -> "OptimizerSettings":
        """The settings among a run's saved training settings (`RunManifest.training`); a key
        missing from an older run takes its default."""
        return cls(**{f.name: saved[f.name] for f in fields(cls) if f.name in saved})

    def validate(self) -> None:
        """Raise ValueError with a plain message for a setting that cannot work (as declared in
        `core.training.settings`)."""
        check(self)

    def learning_rate_at(self, steps_per_epoch: int, epochs: int) -> Any:
        """The learning rate given to the optimizer: a number, or a step-driven schedule."""
        schedules = _keras().optimizers.schedules
        if self.lr_schedule == "step":
            return schedules.ExponentialDecay(
                self.learning_rate, self.lr_step_epochs * steps_per_epoch, self.lr_factor, staircase=True
            )
        if self.lr_schedule == "cosine":
            return schedules.CosineDecay(self.learning_rate, max(1, epochs * steps_per_epoch))
        return self.learning_rate

    def build(self, steps_per_epoch: int, epochs: int) -> Any:
        """A fresh Keras optimizer for a run of `epochs` epochs of `steps_per_epoch` batches."""
        self.validate()
        optimizers = _keras().optimizers
        lr = self.learning_rate_at(steps_per_epoch, epochs)
        decay = self.weight_decay or None
        if self.optimizer == "adam":
            return optimizers.Adam(lr, weight_decay=decay)
        if self.optimizer == "sgd":
            return optimizers.SGD(lr, momentum=self.momentum, weight_decay=decay)
        return optimizers.RMSprop(lr, weight_decay=decay)

    def callbacks(self, has_validation: bool) -> list:
        """The Keras callbacks the schedule needs (reduce-on-plateau), else none."""
        if self.lr_schedule != "plateau":
            return []
        return [
            _keras().callbacks.ReduceLROnPlateau(
                monitor="val_loss" if has_validation else "loss",
                factor=self.lr_factor,
                patience=self.lr_patience,
                min_lr=self.learning_rate * 1e-4,
                verbose=0,
            )
        ]

    def describe(self, tr: Translate = same) -> str:
        """One line for the Train page and logs, e.g. "sgd (momentum 0.9) at 0.01, step ×0.1 every 30 epochs"."""
        text = f"{self.optimizer}"
        if self.optimizer == "sgd":
            text += tr(" (momentum {0:g})").format(self.momentum)
        text += tr(" at {0:g}").format(self.learning_rate)
        if self.weight_decay:
            text += tr(", weight decay {0:g}").format(self.weight_decay)
        if self.lr_schedule == "step":
            text += tr(", ×{0:g} every {1} epochs").format(self.lr_factor, self.lr_step_epochs)
        elif self.lr_schedule == "cosine":
            text += tr(", cosine decay")
        elif self.lr_schedule == "plateau":
            text += tr(", ×{0:g} after {1} epochs without improvement").format(self.lr_factor, self.lr_patience)
        return text


def current_learning_rate(optimizer: Any) -> float:
    """The rate the optimizer applies at its current step, whether fixed or scheduled."""
    keras = _keras()
    lr = optimizer.learning_rate
    if isinstance(lr, keras.optimizers.schedules.LearningRateSchedule):
        lr = lr(optimizer.iterations)
    return float(keras.ops.convert_to_numpy(lr))
