"""The descriptor objects that plugins return from their hooks.

Each hook in `alexnet_desktop.hookspecs` returns a list of these. They are plain
dataclasses so that a plugin needs nothing from the app but this module, and so that
the GUI can build its forms from the typed `Option` lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable

OPTION_TYPES = ("bool", "int", "float", "str", "path", "choice")


@dataclass(frozen=True)
class Option:
    """One typed setting of a dataset loader; the Data page builds its form from these."""

    name: str
    type: str
    default: Any
    help: str
    label: str = ""
    choices: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.type not in OPTION_TYPES:
            raise ValueError(f"option {self.name!r}: type must be one of {OPTION_TYPES}, not {self.type!r}")
        if self.type == "choice" and self.default not in self.choices:
            raise ValueError(f"option {self.name!r}: default {self.default!r} is not among its choices")

    def coerce(self, value: Any) -> Any:
        """`value` as this option's type; text (from the command line) is parsed, with a clear error."""
        if not isinstance(value, str) or self.type in ("str", "path"):
            return value
        text = value.strip()
        try:
            if self.type == "bool":
                if text.lower() in ("1", "true", "yes", "on"):
                    return True
                if text.lower() in ("0", "false", "no", "off"):
                    return False
                raise ValueError
            if self.type == "int":
                return int(text)
            if self.type == "float":
                return float(text)
        except ValueError:
            raise ValueError(f"option {self.name!r} takes a {self.type}, not {value!r}") from None
        if self.choices and text not in self.choices:
            raise ValueError(f"option {self.name!r} must be one of {', '.join(self.choices)}, not {value!r}")
        return text

    @property
    def title(self) -> str:
        """The label to show in a form: the given one, or the name made readable."""
        return self.label or self.name.replace("_", " ").capitalize()


@dataclass(frozen=True)
class DatasetLoader:
    """Reads one on-disk layout of labelled images into a `Dataset`.

    `detect(path)` says how sure (0..1) the loader is that a folder is in its format, so the
    Data page can propose the right loader; `load(path, **options)` returns the `Dataset`.
    `prepare(folder)` is only for loaders that bring their own data (the demo): it writes
    the data once under `folder` and returns the dataset root.
    """

    id: str
    name: str
    description: str
    detect: Callable[[Path], float]
    load: Callable[..., Any]
    options: tuple[Option, ...] = ()
    prepare: Callable[[Path], Path] | None = None

    def default_options(self) -> dict[str, Any]:
        """The options with their defaults, as `load` takes them."""
        return {o.name: o.default for o in self.options}


@dataclass(frozen=True)
class Recipe:
    """The training settings an architecture's reference used, offered on the Model page.

    Field names are those of the run settings (`TrainConfig`); `source` says where they
    come from, so the user knows what "use the reference's settings" will reproduce.
    """

    source: str
    # None: the reference does not say; the app's default applies (core.training.settings).
    optimizer: str | None = None
    learning_rate: float | None = None
    batch_size: int | None = None
    epochs: int | None = None
    momentum: float | None = None
    weight_decay: float | None = None
    lr_schedule: str | None = None
    lr_factor: float | None = None
    lr_patience: int | None = None

    def settings(self) -> dict[str, Any]:
        """The settings the reference states, without `source`."""
        return {k: v for k, v in self.__dict__.items() if k != "source" and v is not None}


# The run settings an architecture may choose its own defaults for (`Architecture.defaults`).
TUNABLE_SETTINGS = tuple(f.name for f in fields(Recipe) if f.name != "source")


@dataclass(frozen=True)
class Pretrained:
    """ImageNet weights an architecture's backbone can start from, found on this machine only.

    `file_name` is Keras's own name for the file (what `keras.applications` saves in its cache
    folder for `weights="imagenet", include_top=False`); `origin` is where Keras downloads it
    from, said to the user and never fetched by the app. `backbone` names the backbone
    sub-model inside the built network; `preprocessing` says what the model does to its input
    before the backbone (recorded in run.json). The backbone is frozen for `frozen_epochs`
    epochs while the new classifier learns, then trained at `fine_tune_factor` times the rate.
    """

    file_name: str
    origin: str
    backbone: str
    preprocessing: str
    frozen_epochs: int = 2
    fine_tune_factor: float = 0.1


@dataclass(frozen=True)
class Architecture:
    """A network the app can train: `build(num_classes, input_shape)` returns a fresh keras.Model.

    `min_input_size` is the smallest square input the layers can take; the app refuses a
    smaller one with a message that names it rather than letting Keras fail deep inside.
    `recipe` is how its reference trained it, if known. `defaults` are the settings a new run on
    it starts from where they differ from the app's (any of `TUNABLE_SETTINGS`, e.g.
    `{"learning_rate": 1e-3}`); the user's own choices still win. `custom_layers` are the plugin's own
    Keras layer classes that its models contain, or a function of no arguments that returns
    them (so the plugin need not import Keras before a model is built or loaded): the app
    hands them to Keras whenever it loads a model, in any process, so a saved model reopens
    without the plugin having built one first. Keras's own layers, and the shared blocks of
    the plugin API, need no declaring. `pretrained` says which ImageNet weights its backbone can
    start from (see `Pretrained`).
    """

    id: str
    name: str
    description: str
    reference: str
    default_input_shape: tuple[int, int, int]
    min_input_size: int
    build: Callable[[int, tuple[int, int, int]], Any]
    recipe: Recipe | None = None
    custom_layers: tuple[type, ...] | Callable[[], Any] = ()
    defaults: dict[str, Any] = field(default_factory=dict, compare=False)
    pretrained: Pretrained | None = None  # ImageNet weights its backbone may start from

    def __post_init__(self) -> None:
        unknown = sorted(set(self.defaults) - set(TUNABLE_SETTINGS))
        if unknown:
            raise ValueError(f"architecture {self.id!r}: defaults may set {', '.join(TUNABLE_SETTINGS)}, "
                             f"not {', '.join(unknown)}")
        if not callable(self.custom_layers):
            check_layer_classes(self.id, self.custom_layers)

    def layer_classes(self) -> tuple[type, ...]:
        """The declared custom layer classes (calling the function that returns them, if one was given)."""
        found = self.custom_layers() if callable(self.custom_layers) else self.custom_layers
        return check_layer_classes(self.id, found)


def check_layer_classes(arch_id: str, found: Any) -> tuple[type, ...]:
    """`found` as a tuple of classes, or a TypeError that names the architecture."""
    if not isinstance(found, (tuple, list)) or not all(isinstance(c, type) for c in found):
        raise TypeError(f"architecture {arch_id!r}: custom_layers must be layer classes, not {found!r}")
    return tuple(found)


@dataclass(frozen=True)
class Exporter:
    """Writes a trained model to another format: `export(model_path, dest)`."""

    id: str
    name: str
    suffix: str
    export: Callable[[Path, Path], Any]


@dataclass
class PluginRecord:
    """What the host knows of one plugin: where it came from and whether it works."""

    name: str
    source: str  # "entry point", "user folder" or "registered"
    module: str = ""
    import_error: str = ""  # a traceback when it failed to import or register
    hook_errors: list[str] = field(default_factory=list)  # one traceback per failed hook call
    provides: list[str] = field(default_factory=list)  # "architecture:alexnet-bn", ...

    @property
    def ok(self) -> bool:
        """True when the plugin imported and every hook it implements answered."""
        return not self.import_error and not self.hook_errors

    @property
    def error(self) -> str:
        """All of this plugin's failures as one text, empty when it works."""
        return "\n".join(filter(None, [self.import_error, *self.hook_errors]))
