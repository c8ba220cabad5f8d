"""ImageNet weights for an architecture's backbone (`Architecture.pretrained`), found offline.

The weights are never downloaded. `TrainConfig.backbone_weights` says where they come from:
"imagenet" looks in Keras's cache folder (`$KERAS_HOME/models`, else `~/.keras/models`) under
Keras's own file name; "random" starts from random weights; anything else is a weights file
the user chose. A missing file is a `MissingWeights` naming the exact file expected, where to
put it and where a machine with internet gets it; a file that is not that backbone's weights
is refused with its reason. The loaded file is recorded in run.json with its SHA-256.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any

from alexnet_desktop.core.descriptors import Architecture
from alexnet_desktop.core.wording import say

IMAGENET = "imagenet"
RANDOM = "random"


class MissingWeights(FileNotFoundError):
    """The backbone's weights file is not on this machine; the message says what to copy where."""


def keras_cache_dir() -> Path:
    """Where Keras keeps the weights it downloaded: `$KERAS_HOME/models`, else `~/.keras/models`."""
    home = os.environ.get("KERAS_HOME")
    return (Path(home) if home else Path.home() / ".keras") / "models"


def cached_file(pretrained: Any) -> Path:
    """Where Keras keeps a backbone's ImageNet weights file (present or not)."""
    return keras_cache_dir() / pretrained.file_name


def find_weights(arch: Architecture, choice: str) -> Path | None:
    """The weights file `choice` names for `arch`'s backbone; None for random weights or an
    architecture without a pretrained backbone. Raises `MissingWeights` when it is absent."""
    pretrained = arch.pretrained
    if pretrained is None or choice == RANDOM:
        return None
    if choice and choice != IMAGENET:
        path = Path(choice).expanduser()
        if not path.is_file():
            raise MissingWeights(say("{0}: no such weights file for {1}'s backbone (Keras names it {2})",
                                     choice, arch.name, pretrained.file_name))
        return path
    path = cached_file(pretrained)
    if not path.is_file():
        raise MissingWeights(say(
            "{0}'s ImageNet weights are not on this machine: expected {1} in {2}. Copy that file from the same "
            "folder of a machine that has it (Keras saves it there the first time it uses these weights; it is "
            "downloaded from {3}); or choose the file yourself, or train from random weights (Backbone weights on "
            "the Model page; --backbone-weights FILE or random on the command line)", arch.name, pretrained.file_name,
            path.parent, pretrained.origin))
    return path


def backbone_of(model: Any, name: str) -> Any:
    """The nested model called `name` inside `model` (looking through nested models)."""
    for layer in model.layers:
        if layer.name == name:
            return layer
        if hasattr(layer, "layers"):
            found = _find(layer, name)
            if found is not None:
                return found
    raise ValueError(say("the model has no backbone called {0}", name))


def _find(model: Any, name: str) -> Any:
    try:
        return backbone_of(model, name)
    except ValueError:
        return None


def load_backbone_weights(model: Any, arch: Architecture, path: Path) -> None:
    """Load the weights file `path` into `arch`'s backbone inside `model`; a file that is not
    those weights (other layers, other shapes, not HDF5) is a ValueError naming it."""
    backbone = backbone_of(model, arch.pretrained.backbone)
    try:
        with warnings.catch_warnings():
            # A file of other weights makes Keras warn once per layer it skips (hundreds of
            # lines) before it raises: the one error below says it instead.
            warnings.simplefilter("ignore")
            backbone.load_weights(str(path))
    except Exception as exc:  # Keras raises ValueError, OSError or KeyError for a file of other weights
        raise ValueError(say("{0}: not the weights {1} needs (Keras's {2}): {3}",
                             path, arch.name, arch.pretrained.file_name, _first_reason(exc))) from None


def _first_reason(exc: BaseException, most: int = 300) -> str:
    """The start of Keras's error: its first line, and the next where the first ends in a colon."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()] or [type(exc).__name__]
    first = lines[0][:-1] + ": " + lines[1] if lines[0].endswith(":") and len(lines) > 1 else lines[0]
    return first if len(first) <= most else first[:most] + "…"


def set_backbone_frozen(model: Any, arch: Architecture, frozen: bool) -> None:
    """Freeze (or free) the backbone; Keras runs a frozen batch normalisation in inference mode,
    so its ImageNet statistics stay while the new classifier learns. Recompile afterwards."""
    backbone_of(model, arch.pretrained.backbone).trainable = not frozen


def record(arch: Architecture, choice: str, path: Path | None, frozen_epochs: int, factor: float) -> dict[str, Any]:
    """What run.json keeps of the backbone's start ("backbone")."""
    from alexnet_desktop.core.files import sha256_file

    pretrained = arch.pretrained
    return {
        "weights": RANDOM if path is None else IMAGENET if choice in ("", IMAGENET) else "file",
        "file": str(path) if path else None,
        "sha256": sha256_file(path) if path else None,
        "keras_file_name": pretrained.file_name,
        "preprocessing": pretrained.preprocessing,
        "frozen_epochs": frozen_epochs,
        "fine_tune_factor": factor,
    }


def frozen_epochs(arch: Architecture, path: Path | None, epochs: int, chosen: int | None = None) -> int:
    """The epochs the backbone stays frozen: the user's choice, else the descriptor's, when
    weights were loaded and the run is long enough to train it afterwards; 0 otherwise (random
    weights learn from the start)."""
    if arch.pretrained is None or path is None:
        return 0
    frozen = arch.pretrained.frozen_epochs if chosen is None else chosen
    return frozen if frozen < epochs else 0


def fine_tune_factor(arch: Architecture, chosen: float | None = None) -> float:
    """The fraction of the learning rate a thawed backbone trains at: the user's, else the descriptor's."""
    return chosen if chosen is not None else arch.pretrained.fine_tune_factor if arch.pretrained else 1.0


def start_warnings(arch: Architecture, path: Path | None, epochs: int, frozen: int | None,
                   factor: float | None) -> list[str]:
    """What the user's frozen epochs and fine-tuning factor will not do here, in words (none
    when they apply or were not given): they only shape a backbone that starts from weights."""
    if frozen is None and factor is None:
        return []
    if arch.pretrained is None:
        return [say("{0} has no pretrained backbone: the backbone's frozen epochs and fine-tuning factor do nothing",
                    arch.name)]
    if path is None:
        return [say("the backbone starts from random weights and is never frozen: the backbone's frozen epochs and "
                    "fine-tuning factor do nothing")]
    if frozen is not None and frozen >= epochs:
        return [say("the backbone is not frozen: {0} frozen epochs leave none of the {1} to fine-tune it", frozen, epochs)]
    return []
