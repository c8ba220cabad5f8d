"""The optimizer and learning-rate schedule of a run, built from its settings.

Schedules that depend only on the step count (step, cosine) are Keras
`LearningRateSchedule` objects inside the optimizer, so they are saved with it and a
resumed run continues at the same point of the schedule; reduce-on-plateau depends on
the validation history and is a callback.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any

from alexnet_desktop.core.tf_runtime import keras as _keras
from alexnet_desktop.core.wording import Translate, same, say

OPTIMIZERS = {
    "adam": "Adam: a safe default for training from scratch (1e-4 to 1e-3)",
    "sgd": "SGD with momentum: the paper's choice (0.01, momentum 0.9, weight decay 5e-4)",
    "rmsprop": "RMSprop: seed 003's choice (1e-3)",
}
SCHEDULES = {
    "constant": "the same learning rate throughout",
    "step": "multiplied by the factor every N epochs",
    "cosine": "falls along a half cosine to zero at the last epoch",
    "plateau": "multiplied by the factor when the validation loss has not improved for the patience (the paper's rule)",
}


@dataclass
class OptimizerSettings:
    """How the weights are updated: the optimizer, its learning rate and the schedule of that rate.

    Field names are those of `TrainConfig`, so `from_config` can pick them out of one.
    """

    optimizer: str = "adam"
    learning_rate: float = 1e-4
    momentum: float = 0.9  # SGD only
    weight_decay: float = 0.0
    lr_schedule: str = "constant"
    lr_step_epochs: int = 30  # "step": epochs between reductions
    lr_factor: float = 0.1  # "step" and "plateau": what the rate is multiplied by
    lr_patience: int = 5  # "plateau": epochs without improvement before a reduction

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
        """Raise ValueError with a plain message for a setting that cannot work."""
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(say("unknown optimizer {0!r} (choose from {1})", self.optimizer, ", ".join(OPTIMIZERS)))
        if not (self.learning_rate > 0 and math.isfinite(self.learning_rate)):
            raise ValueError(say("learning rate must be a positive number, not {0}", self.learning_rate))
        if not 0 <= self.momentum < 1:
            raise ValueError(say("momentum must be in [0, 1), not {0}", self.momentum))
        if not 0 <= self.weight_decay < 1:
            raise ValueError(say("weight decay must be in [0, 1), not {0}", self.weight_decay))
        if self.lr_schedule not in SCHEDULES:
            raise ValueError(say("unknown learning-rate schedule {0!r} (choose from {1})", self.lr_schedule, ", ".join(SCHEDULES)))
        if self.lr_step_epochs < 1:
            raise ValueError(say("the step schedule needs at least 1 epoch between steps, not {0}", self.lr_step_epochs))
        if not 0 < self.lr_factor < 1:
            raise ValueError(say("the learning-rate factor must be between 0 and 1, not {0}", self.lr_factor))
        if self.lr_patience < 1:
            raise ValueError(say("the plateau patience must be at least 1 epoch, not {0}", self.lr_patience))

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
