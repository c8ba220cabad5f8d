"""The questions the Predict page asks about a model made elsewhere: which `.keras` file and its
class names, the range of numbers it expects, the size it was trained at. Each returns the
answer, or None when the user cancelled; the page decides what to do with it. (The texts keep
the Predict page's translation context.)"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from alexnet_desktop.core.model.input_range import SCALES, remember_scale
from alexnet_desktop.core.model.loaded import read_labels
from alexnet_desktop.core.runs.folder import LABELS
from alexnet_desktop.core.wording import shown_error
from alexnet_desktop.gui.i18n import core_text, tr


def ask_model_file(parent: QWidget) -> tuple[Path, list[str] | None] | None:
    """A .keras file, with its class names when no labels.txt is beside it (None: cancelled)."""
    path, _ = QFileDialog.getOpenFileName(parent, tr("PredictPage", "Choose a Keras model"), str(Path.home()),
                                          tr("PredictPage", "Keras models (*.keras)"))
    if not path:
        return None
    beside = (Path(path).with_name(f"{Path(path).stem}.{LABELS}"), Path(path).parent / LABELS)
    if any(f.is_file() for f in beside):
        return Path(path), None
    answer = QMessageBox.question(
        parent, tr("PredictPage", "Class names"), tr("PredictPage", "{0} has no {1} beside it. Load its class names "
                                                     "from a file (one per line, or a JSON list)? Choose No to type them.")
        .format(Path(path).name, LABELS), QMessageBox.Yes | QMessageBox.No | QMessageBox.Cancel)
    if answer == QMessageBox.Cancel:
        return None
    names = _names_from_file(parent, Path(path)) if answer == QMessageBox.Yes else _typed_names(parent)
    return (Path(path), names) if names is not None else None


def _names_from_file(parent: QWidget, model: Path) -> list[str] | None:
    label_file, _ = QFileDialog.getOpenFileName(parent, tr("PredictPage", "Class names"), str(model.parent),
                                                tr("PredictPage", "Label files (*.txt *.json);;All files (*)"))
    if not label_file:
        return None
    try:
        return read_labels(Path(label_file))
    except (OSError, ValueError) as exc:
        QMessageBox.warning(parent, tr("PredictPage", "Class names"), shown_error(exc, core_text))
        return None


def _typed_names(parent: QWidget) -> list[str] | None:
    text, ok = QInputDialog.getMultiLineText(
        parent, tr("PredictPage", "Class names"),
        tr("PredictPage", "Type the class names, one per line, in the order of the model's outputs:"))
    return [t.strip() for t in text.splitlines() if t.strip()] if ok else None


def ask_input_scale(parent: QWidget, model_ref: str) -> bool:
    """Ask the range of numbers a model without a Rescaling layer expects (the CLI's
    --input-scale) and remember it beside the model file; False when not answered or not saved."""
    names = [core_text(text) for text in SCALES.values()]
    choice, ok = QInputDialog.getItem(
        parent, tr("PredictPage", "Input range"),
        tr("PredictPage", "{0} has no Rescaling layer at its input. Which range of numbers was it trained on?").format(
            Path(model_ref).name), names, 0, False)
    if not ok:
        return False
    try:
        remember_scale(model_ref, list(SCALES)[names.index(choice)])
    except OSError as exc:
        QMessageBox.warning(parent, tr("PredictPage", "Input range"), shown_error(exc, core_text))
        return False
    return True


def ask_input_size(parent: QWidget, model_ref: str) -> int | None:
    """Ask the square size a model whose input takes any size was trained at (the CLI's --image-size)."""
    size, ok = QInputDialog.getInt(
        parent, tr("PredictPage", "Input size"),
        tr("PredictPage", "{0} takes images of any size. Which square size, in pixels, was it trained at?").format(
            Path(model_ref).name), 224, 8, 4096)
    return size if ok else None
