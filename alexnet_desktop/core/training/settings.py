"""The training settings, declared once: name, type, allowed values, default, help text, the
command line's option and the Model page's row.

`TrainConfig` (and its `OptimizerSettings` part) takes its defaults from here and validates by
`check`; `commands/train.py` makes its options with `add_options` and reads them back with
`given`; the Model page builds its form rows from `SETTINGS`; `run.json` keeps the settings by
these names (`RunManifest.training`). Which settings an architecture may give its own default
for is `descriptors.TUNABLE_SETTINGS` (the fields of `Recipe`), as plugins declare them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from alexnet_desktop.core.data.images import RESIZE_MODES
from alexnet_desktop.core.descriptors import TUNABLE_SETTINGS
from alexnet_desktop.core.runs.manifest import MAX_EPOCHS, MAX_IMAGE_SIZE
from alexnet_desktop.core.training.balance import CLASS_WEIGHT_CHOICES
from alexnet_desktop.core.training.devices import MIXED_PRECISION_CHOICES
from alexnet_desktop.core.wording import N_, say

# The optimizers and schedules, with what each is for (shown on the Model page).
OPTIMIZERS = {
    "adam": N_("Adam: a safe default for training from scratch (1e-4 to 1e-3)"),
    "sgd": N_("SGD with momentum: the paper's choice (0.01, momentum 0.9, weight decay 5e-4)"),
    "rmsprop": N_("RMSprop: seed 003's choice (1e-3)"),
}
SCHEDULES = {
    "constant": N_("the same learning rate throughout"),
    "step": N_("multiplied by the factor every N epochs"),
    "cosine": N_("falls along a half cosine to zero at the last epoch"),
    "plateau": N_("multiplied by the factor when the validation loss has not improved for the patience (the paper's rule)"),
}
VAL_SOURCES = ("split", "test")


@dataclass(frozen=True)
class Row:
    """How the Model page shows a setting: its label, its group ("architecture" or "training"),
    the widget's range (a spin box needs one), and when the row is shown at all."""

    label: str
    group: str = "training"
    low: float = 0
    high: float = 10000
    decimals: int = 0  # 0: a whole-number spin box
    step: float = 1
    suffix: str = ""
    special: str = ""  # what the lowest value is shown as (e.g. "never")
    texts: tuple[str, ...] = ()  # for a list: what each choice is shown as (default: its name)
    tips: dict[str, str] | None = None  # for a list: what each choice is for (its tooltip)
    shown_when: tuple[str, tuple[str, ...]] | None = None  # (setting, its values that show the row)


@dataclass(frozen=True)
class Setting:
    """One training setting. `low`/`high` bound a number (`open_low`/`open_high`: the bound itself
    is refused); `choices` list a text's allowed values; `problem` is the error said for a value
    out of them ({0}: the value, {1}: low, {2}: high, {3}: the choices)."""

    name: str
    kind: type
    default: Any
    help: str
    flag: str | None = None  # the `train` command's option; None: set another way
    metavar: str | None = None
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    open_low: bool = False
    open_high: bool = False
    problem: str = ""
    row: Row | None = None  # None: not on the Model page
    default_text: str = ""  # the command line's word for a default of None ("the architecture's")

    @property
    def tunable(self) -> bool:
        """Whether an architecture may give this setting a default of its own."""
        return self.name in TUNABLE_SETTINGS

    def problem_with(self, value: Any) -> str | None:
        """Why `value` cannot be this setting (a translatable sentence), or None when it can."""
        if value is None and self.default is None:
            return None
        if self.choices:
            ok = value in self.choices
        elif self.low is not None or self.high is not None:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            if ok and self.low is not None:
                ok = value > self.low if self.open_low else value >= self.low
            if ok and self.high is not None:
                ok = value < self.high if self.open_high else value <= self.high
        else:
            return None
        return None if ok else say(self.problem, value, self.low, self.high, ", ".join(self.choices))


SETTINGS: tuple[Setting, ...] = (
    Setting("epochs", int, 10, N_("How many passes over the training images"), "--epochs", "N", low=1,
            high=MAX_EPOCHS, problem=N_("epochs must be from {1} to {2}, not {0}"), row=Row(N_("Epochs:"), low=1)),
    Setting("batch_size", int, 32, N_("Images per training step; lower it if memory runs out"), "--batch-size", "N",
            low=1, high=65_536, problem=N_("batch size must be from {1} to {2}, not {0}"), row=Row(N_("Batch size:"), low=1, high=4096)),
    # The optimizer part (OptimizerSettings).
    Setting("optimizer", str, "adam", N_("The optimizer: how the weights are updated"), "--optimizer",
            choices=tuple(OPTIMIZERS), problem=N_("unknown optimizer {0!r} (choose from {3})"),
            row=Row(N_("Optimizer:"), tips=OPTIMIZERS)),
    Setting("learning_rate", float, 1e-4, N_("Step size of the optimizer (1e-4 to 1e-3 suits Adam; 1e-2 suits SGD)"),
            "--lr", "F", low=0, open_low=True, high=10.0, problem=N_("learning rate must be above 0 and at most {2}, not {0}"),
            row=Row(N_("Learning rate:"), low=1e-6, high=1.0, decimals=6, step=1e-4)),
    Setting("momentum", float, 0.9, N_("SGD's momentum (0.9 in the paper; 0 is plain SGD)"), "--momentum", "F",
            low=0, high=1, open_high=True, problem=N_("momentum must be in [0, 1), not {0}"),
            row=Row(N_("Momentum:"), high=0.999, decimals=3, step=0.05, shown_when=("optimizer", ("sgd",)))),
    Setting("weight_decay", float, 0.0,
            N_("Shrinks the weights a little every step (the paper: 0.0005); 0 turns it off"), "--weight-decay", "F",
            low=0, high=1, open_high=True, problem=N_("weight decay must be in [0, 1), not {0}"),
            row=Row(N_("Weight decay:"), high=0.1, decimals=6, step=1e-4)),
    Setting("lr_schedule", str, "constant", N_("How the learning rate changes during the run"), "--schedule",
            choices=tuple(SCHEDULES), problem=N_("unknown learning-rate schedule {0!r} (choose from {3})"),
            row=Row(N_("Schedule:"), texts=tuple(SCHEDULES), tips=SCHEDULES)),
    Setting("lr_step_epochs", int, 30, N_("Epochs between two reductions of the learning rate"), "--lr-step-epochs",
            "N", low=1, problem=N_("the step schedule needs at least 1 epoch between steps, not {0}"),
            row=Row(N_("Every (epochs):"), low=1, shown_when=("lr_schedule", ("step",)))),
    Setting("lr_factor", float, 0.1, N_("What the learning rate is multiplied by at each reduction"), "--lr-factor",
            "F", low=0, high=1, open_low=True, open_high=True,
            problem=N_("the learning-rate factor must be between 0 and 1, not {0}"),
            row=Row(N_("Factor:"), low=0.01, high=0.99, decimals=2, step=0.05,
                    shown_when=("lr_schedule", ("step", "plateau")))),
    Setting("lr_patience", int, 5, N_("Epochs without a better validation loss before the rate is reduced"),
            "--lr-patience", "N", low=1, problem=N_("the plateau patience must be at least 1 epoch, not {0}"),
            row=Row(N_("Patience (epochs):"), low=1, high=1000, shown_when=("lr_schedule", ("plateau",)))),
    # The rest of a run's settings (TrainConfig); SETTINGS' order is the Model page's.
    Setting("data", str, None, "the folder (or file) of labelled images to train on"),
    Setting("arch", str, "alexnet-bn", "architecture id (see `plugins`)", "--arch", "ID"),
    Setting("loader", str, None, "dataset loader", "--loader", "ID", default_text="detected"),
    Setting("loader_options", dict, {}, "the loader's options (--option KEY=VALUE)"),
    Setting("image_size", int, None, N_("Images are resized to this square size; smaller trains much faster on a CPU"),
            "--image-size", "N", low=1, high=MAX_IMAGE_SIZE, problem=N_("image size must be from {1} to {2}, not {0}"),
            row=Row(N_("Input size:"), "architecture", low=16, high=MAX_IMAGE_SIZE, suffix=N_(" px")),
            default_text="the architecture's"),
    Setting("resize", str, "stretch",
            N_("How an image that is not square becomes the square input: stretched (as the seeds do; shapes "
               "get distorted), its centre square cropped (the edges are lost), or the whole image padded with "
               "black bars. Predicting, evaluating and exporting with the run do the same."), "--resize",
            choices=RESIZE_MODES, problem=N_("resize must be one of {3}, not {0!r}"),
            row=Row(N_("Keep the shape:"), "architecture",
                    texts=(N_("stretch to a square"), N_("crop the centre square"), N_("pad to a square")))),
    Setting("val_split", float, 0.2, "fraction held out for validation", "--val-split", "F", low=0, high=1,
            open_high=True, problem=N_("validation split must be in [0, 1), not {0}")),
    Setting("stratified", bool, True, "split class by class (--no-stratify: over all images at once)"),
    Setting("val_source", str, "split",
            "validate on a share of the training images (split) or on the test part (test: as seeds 000 and 002 do; "
            "the best epoch is then chosen on the test images, so their score is optimistic)", "--validate-on",
            choices=VAL_SOURCES, problem=N_("validation source must be 'split' or 'test', not {0!r}")),
    Setting("augmentation", dict, {}, "augmentation settings (--augment, --augment-option); empty: none"),
    Setting("early_stopping", int, 0,
            N_("Stop when validation accuracy has not improved for this many epochs (0: never)"), "--early-stop", "N",
            low=0, high=MAX_EPOCHS, default_text="never",
            problem=N_("early-stopping patience must be from 0 (off) to {2}, not {0}"),
            row=Row(N_("Early stopping:"), suffix=N_(" epochs without a better score"), special=N_("never"))),
    Setting("devices", list, [], "the devices to train on (--device; empty: every GPU, else the CPU)"),
    Setting("mixed_precision", str, "auto",
            N_("float16 arithmetic with float32 weights: about twice as fast on NVIDIA GPUs since Volta, "
               "no faster on a CPU"), "--mixed-precision", choices=MIXED_PRECISION_CHOICES,
            problem=N_("mixed precision must be one of {3}"),
            row=Row(N_("Mixed precision:"), texts=(N_("auto (on GPUs with tensor cores)"), N_("on"), N_("off")))),
    Setting("runs_dir", str, "", "the folder the run folder is made in (--run-dir)",
            problem=N_("no runs folder given")),
    Setting("steps_per_epoch", int, None, "cap batches per epoch (quick smoke runs)", "--steps-per-epoch", "N",
            low=1, high=10_000_000, problem=N_("steps per epoch must be from {1} to {2}, not {0}")),
    Setting("class_weight", str, "none",
            N_("For unbalanced classes: balanced weighs each class's images by how rare the class is in the "
               "training images, so a class with few images is not drowned out"), "--class-weight",
            choices=CLASS_WEIGHT_CHOICES, problem=N_("class weight must be one of {3}, not {0!r}"),
            row=Row(N_("Class weights:"), texts=(N_("none: every image counts once"),
                                                 N_("balanced: every class counts the same")))),
    Setting("seed", int, 1337, N_("Fixes the split, the shuffling and the initial weights, so a run can be repeated"),
            "--seed", "N", row=Row(N_("Seed:"), high=2**31 - 1)),
    Setting("start_from", str, None, "start from the weights of a run (its folder or name) or a .keras model of the same "
            "architecture and input size; the classifier is kept when the classes are the same, else made anew",
            "--from", "RUN|MODEL.keras"),
    Setting("freeze_epochs", int, 0, "with --from: keep the copied layers frozen for the first N epochs",
            "--freeze-epochs", "N", low=0, high=MAX_EPOCHS, problem=N_("freeze epochs must be from {1} to {2}, not {0}")),
    Setting("corrections", list, [], "the user's corrections applied to the dataset (train --corrections FILE; "
            "see core/labelling/corrections.py)"),
    # A pretrained backbone's start (core/model/backbones.py): Keras's cache folder, random, or a file.
    Setting("backbone_weights", str, "imagenet",
            "an ImageNet backbone's start: imagenet (Keras's file in ~/.keras/models or $KERAS_HOME/models; "
            "never downloaded), random, or the weights file to load", "--backbone-weights", "imagenet|random|FILE"),
    Setting("backbone_frozen_epochs", int, None,
            "with ImageNet backbone weights: the first N epochs train only the new classifier, the backbone frozen",
            "--backbone-frozen-epochs", "N", low=0, high=MAX_EPOCHS, default_text="the architecture's",
            problem=N_("backbone frozen epochs must be from {1} to {2}, not {0}")),
    Setting("fine_tune_factor", float, None,
            "with ImageNet backbone weights: after the frozen epochs the whole network trains at F times the "
            "learning rate", "--fine-tune-factor", "F", low=0, high=1, open_low=True, default_text="the architecture's",
            problem=N_("the fine-tuning factor must be in (0, 1], not {0}")),
    # FixMatch (core/training/fixmatch.py): the unlabelled folder, read where it is.
    Setting("unlabelled", str, None, "also learn from the unlabelled images in FOLDER (FixMatch; read where they are, "
            "never copied)", "--unlabelled", "FOLDER"),
    Setting("unlabelled_threshold", float, 0.95,
            "with --unlabelled: confidence that makes a prediction a target", "--threshold", "F", low=0, high=1,
            open_low=True, problem=N_("the confidence threshold must be in (0, 1], not {0}")),
    Setting("unlabelled_ratio", int, 4, "with --unlabelled: unlabelled images per labelled one in a step",
            "--unlabelled-ratio", "N", low=1, problem=N_("unlabelled images per labelled one must be at least 1, not {0}")),
)
SETTING = {s.name: s for s in SETTINGS}


def default(name: str) -> Any:
    """The app's default for the setting `name` (a fresh copy of a list or dict)."""
    value = SETTING[name].default
    return type(value)() if isinstance(value, (list, dict)) else value


def recipe_settings(recipe: Any) -> dict[str, Any]:
    """The settings "use the reference's settings" applies: each an architecture may tune, as the
    recipe states it, else the app's default (a recipe that names no schedule used none)."""
    return {**{name: default(name) for name in TUNABLE_SETTINGS}, **recipe.settings()}


def check(values: Any) -> None:
    """Raise ValueError with a plain message for the first setting of `values` (a TrainConfig or
    OptimizerSettings) that is out of its declared range or choices."""
    for setting in SETTINGS:
        if hasattr(values, setting.name):
            value = getattr(values, setting.name)
            if setting.name == "runs_dir":
                if not value:
                    raise ValueError(say(setting.problem))
                continue
            problem = setting.problem_with(value)
            if problem:
                raise ValueError(problem)


def option_help(setting: Setting) -> str:
    """The command line's help for `setting`: its help text and its default (the architecture's first,
    for a setting an architecture may choose)."""
    shown = setting.default
    if shown is None and setting.default_text:
        return f"{setting.help} (default: {setting.default_text})"
    if shown is None or shown in ({}, []):
        return setting.help
    text = f"{shown:g}" if isinstance(shown, float) else str(shown)
    return f"{setting.help} (default: {'the architecture’s, else ' if setting.tunable else ''}{text})"


def add_options(parser: Any) -> None:
    """Add an option to the argparse `parser` for each setting that has a flag; an option left out
    is None, so the architecture's default or the app's applies (see `given`)."""
    for setting in SETTINGS:
        if setting.flag:
            parser.add_argument(setting.flag, dest=setting.name, type=setting.kind if not setting.choices else None,
                                choices=setting.choices or None, metavar=setting.metavar, help=option_help(setting))


def given(args: Any) -> dict[str, Any]:
    """The settings the command line gave (the options `add_options` made that were used)."""
    return {s.name: getattr(args, s.name) for s in SETTINGS if s.flag and getattr(args, s.name, None) is not None}
