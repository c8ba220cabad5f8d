"""What makes the app a desktop citizen: its icon, the menus with their shortcuts, recent
datasets and models, the window's remembered size and layout, and the About box."""

from __future__ import annotations

import importlib.resources
import platform
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtGui import QIcon

from alexnet_desktop import __version__

RECENT_LIMIT = 8
# The shortcuts the Help menu lists: (keys, what they do), translated where they are shown.
SHORTCUTS = [
    ("Ctrl+O", QT_TRANSLATE_NOOP("Shortcuts", "Open a dataset folder")),
    ("Ctrl+Shift+O", QT_TRANSLATE_NOOP("Shortcuts", "Open a .keras model for predicting")),
    ("Ctrl+1 … Ctrl+7", QT_TRANSLATE_NOOP("Shortcuts", "Go to the Data, Model, Train, Runs, Evaluate, Predict or Plugins page")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("Shortcuts", "Quit (asks first while training)")),
    ("F1", QT_TRANSLATE_NOOP("Shortcuts", "This list")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Predict page: 1-9, 0, letters"),
     QT_TRANSLATE_NOOP("Shortcuts", "Label the selected images with a class")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Predict page: U"), QT_TRANSLATE_NOOP("Shortcuts", "Mark the selected images uncertain")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Predict page: Enter / Backspace"),
     QT_TRANSLATE_NOOP("Shortcuts", "Accept the prediction / undo your label")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Drop a folder or a .keras file on the window"),
     QT_TRANSLATE_NOOP("Shortcuts", "Open it as a dataset or a model")),
]


def resource(name: str) -> Path:
    """A file shipped in `resources/` (installed as the `alexnet_desktop_resources` package)."""
    return Path(str(importlib.resources.files("alexnet_desktop_resources") / name))


def app_icon() -> QIcon:
    """The application's icon (vector, with a 256 px bitmap for where SVG is not drawn)."""
    icon = QIcon(str(resource("alexnet-desktop.svg")))
    icon.addFile(str(resource("alexnet-desktop.png")))
    return icon


class RecentList:
    """Recently used paths of one kind (datasets, models), newest first, kept in QSettings."""

    def __init__(self, key: str, limit: int = RECENT_LIMIT) -> None:
        self.key, self.limit = f"recent/{key}", limit

    def items(self) -> list[Path]:
        """The remembered paths that still exist, newest first."""
        raw = QSettings().value(self.key, [], list) or []
        return [Path(p) for p in raw if p and Path(p).exists()]

    def add(self, path: str | Path) -> None:
        """Put `path` first (once)."""
        path = str(Path(path).absolute())
        items = [path] + [str(p) for p in self.items() if str(p) != path]
        QSettings().setValue(self.key, items[: self.limit])


def versions() -> list[tuple[str, str]]:
    """The app's and its main libraries' versions, for the About box and bug reports."""
    import PySide6

    out = [("AlexNet Desktop", __version__), ("Python", platform.python_version()),
           ("PySide6 (Qt)", f"{PySide6.__version__} ({PySide6.QtCore.qVersion()})")]
    for package in ("tensorflow", "keras", "pyqtgraph", "numpy", "Pillow", "pluggy", "onnx"):
        try:
            out.append((package, version(package)))
        except PackageNotFoundError:
            pass
    out.append((QCoreApplication.translate("About", "System"),
                f"{platform.system()} {platform.release()} ({platform.machine()})"))
    return out


def about_html(device: str) -> str:
    """The About box's text: what the app is, its versions, and the device it trains on."""
    rows = "".join(f"<tr><td>{name}</td><td>{value}</td></tr>" for name, value in versions())
    return (
        f"<h3>AlexNet Desktop {__version__}</h3>"
        + "<p>" + QCoreApplication.translate(
            "About", "Train image classifiers on your own folders, then label and sort folders of images. "
            "Everything runs on this computer; nothing is sent anywhere.") + "</p>"
        f"<table cellspacing='6'>{rows}<tr><td>{QCoreApplication.translate('About', 'Training on')}</td>"
        f"<td>{device}</td></tr></table>"
        + "<p>" + QCoreApplication.translate("About", "Python at {0}").format(f"<code>{sys.executable}</code>") + "</p>"
    )
