"""Exporting a trained model to another format, with its class names and preprocessing beside it.

The exporter plugins convert; this module checks and loads the model the same way prediction
does (a run's recorded hash, the safe loader), refuses to overwrite anything, and writes two
files beside the export so that it travels with what it needs:

- `<name>.labels.txt`: the class names, one per line, in output order;
- `<name>.preprocessing.json`: the input the export takes (uint8 RGB, size, how images are
  decoded and made square: `resize_mode` stretch, crop or pad, as the run was trained; the
  export takes the image already resized, so its user must resize the same way), the class names again, the format and where the model came from.

`predict MODEL.keras` finds `<name>.labels.txt` on its own; the other formats are read by
their own runtimes (`tf.saved_model.load`, the TFLite interpreter, onnxruntime).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from alexnet_desktop.core.descriptors import Exporter
from alexnet_desktop.core.events import Cancelled, Emit, Progress, no_emit
from alexnet_desktop.core.files import sha256_file
from alexnet_desktop.core.model.input_range import RAW, SCALES
from alexnet_desktop.core.model.models import preprocessing
from alexnet_desktop.core.plugins import PluginHost
from alexnet_desktop.core.model.loaded import load_for_prediction
from alexnet_desktop.core.wording import N_, say


@dataclass
class Exported:
    """What an export wrote: the model (a file or a folder) and the two files beside it."""

    path: Path
    labels: Path
    preprocessing: Path
    format: str


def sidecar(dest: Path, what: str) -> Path:
    """`<dest name without its suffix>.<what>` beside `dest` (labels.txt, preprocessing.json)."""
    dest = Path(dest)
    stem = dest.name[: -len(dest.suffix)] if dest.suffix else dest.name
    return dest.with_name(f"{stem}.{what}")


def export_paths(exporter: Exporter, dest: str | Path) -> list[Path]:
    """What exporting to `dest` writes: the model (the format's suffix added if missing), its
    label file and its preprocessing file."""
    dest = Path(dest)
    if exporter.suffix and dest.suffix.lower() != exporter.suffix:
        dest = dest.with_name(dest.name + exporter.suffix)
    return [dest, sidecar(dest, "labels.txt"), sidecar(dest, "preprocessing.json")]


def _scaled_source(loaded, tmp: Path) -> Path:
    """The `.keras` file to convert: the model itself, or, for a model made elsewhere that expects
    another input range, the model behind its scaling layer (saved in `tmp`), so the export takes
    0..255 pixels like every other."""
    if loaded.input_scale == RAW and not loaded.model.name.endswith("_scaled"):  # see input_range.with_input_scale
        return loaded.source
    scaled = tmp / "scaled-source.keras"
    loaded.model.save(str(scaled))
    return scaled


def _scale_note(loaded) -> dict:
    if loaded.input_scale == RAW:
        return {}
    return {"scale": say("inside the model: a {0} layer in front, added for a model that expects {1}",
                         "InputScale" if loaded.input_scale == "caffe" else "Rescaling", say(SCALES[loaded.input_scale]))}


def export_model(host: PluginHost, model: str | Path, format_id: str, dest: str | Path,
                 labels: str | Path | None = None, emit: Emit = no_emit, stop: threading.Event | None = None,
                 input_scale: str | None = None) -> Exported:
    """Export `model` (a run folder, or a `.keras` file with its labels) with the exporter
    `format_id` to `dest`, which must not exist yet (its folder is made if missing).

    The export job: emits `Progress(step, 3, "export steps")` as it checks and loads the model,
    converts it, and puts the files in place; with `stop` set before the conversion or before
    the files are put in place it raises `Cancelled` and leaves nothing under the name."""
    stop = stop or threading.Event()
    exporter = host.exporter(format_id)
    targets = export_paths(exporter, dest)
    dest = targets[0]
    for target in targets:
        if target.exists() or target.is_symlink():
            raise FileExistsError(say("{0}: exists; nothing is overwritten (choose another name)", target))
    loaded = load_for_prediction(model, labels, input_scale=input_scale)
    emit(Progress(1, 3, N_("export steps")))
    if stop.is_set():
        raise Cancelled()
    dest.parent.mkdir(parents=True, exist_ok=True)  # as `--out ~/models/scenes` on a new machine expects
    # Written under a temporary name in the same folder and renamed at the end, so a failed
    # or interrupted export leaves nothing half-written under the name asked for.
    with tempfile.TemporaryDirectory(prefix=".alexnet-export-", dir=dest.parent) as tmp:
        staged = Path(tmp) / dest.name
        exporter.export(_scaled_source(loaded, Path(tmp)), staged)
        if not staged.exists():
            raise OSError(say("the {0} exporter wrote nothing", exporter.name))
        staged_labels = Path(tmp) / targets[1].name
        staged_labels.write_text("".join(f"{c}\n" for c in loaded.class_names), encoding="utf-8")
        staged_pre = Path(tmp) / targets[2].name
        staged_pre.write_text(json.dumps({
            "format": exporter.id,
            "class_names": loaded.class_names,
            "input": {"shape": [None, loaded.image_size, loaded.image_size, 3], "dtype": "uint8",
                      "channels": "RGB"},
            "output": "one probability per class, in the order of class_names",
            "image_size": loaded.image_size,
            # The export takes the image already made square: its user must resize the same way.
            "preprocessing": {**preprocessing(loaded.resize), **_scale_note(loaded), **loaded.inside},
            "source": str(loaded.source),
            "source_sha256": sha256_file(loaded.source),
        }, indent=2, ensure_ascii=False), encoding="utf-8")
        emit(Progress(2, 3, N_("export steps")))
        if stop.is_set():
            raise Cancelled()
        for staged_file, target in zip((staged, staged_labels, staged_pre), targets):
            shutil.move(str(staged_file), str(target))
    emit(Progress(3, 3, N_("export steps")))
    return Exported(dest, targets[1], targets[2], exporter.id)
