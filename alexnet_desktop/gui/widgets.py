"""Small widgets shared by several pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QMessageBox, QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from alexnet_desktop.core.descriptors import Option
from alexnet_desktop.gui.i18n import plugin_text


class PathEdit(QWidget):
    """A file or folder path: a line edit and a button that opens a chooser."""

    def __init__(self, text: str, title: str, parent: QWidget | None = None,
                 tip: str = "", *, pick_file: bool = False) -> None:
        super().__init__(parent)
        self.pick_file = pick_file
        self.edit = QLineEdit(text)
        self.edit.setPlaceholderText(self.tr("(not set)"))
        self.edit.setMinimumWidth(280)
        self.edit.setToolTip(tip or title)
        self.title = title
        button = QPushButton(self.tr("Browse…"))
        button.setToolTip(title)
        button.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(button)

    def text(self) -> str:
        """The path as typed or chosen."""
        return self.edit.text().strip()

    def _browse(self) -> None:
        start = self.text() or str(Path.home())
        if self.pick_file:
            path, _ = QFileDialog.getOpenFileName(self, self.title, start)
        else:
            path = QFileDialog.getExistingDirectory(self, self.title, start)
        if path:
            self.edit.setText(path)


class OptionsForm(QWidget):
    """A form built from a loader's typed `Option` list; `values()` returns what the user set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._editors: dict[str, tuple[Option, QWidget]] = {}

    def set_options(self, options: tuple[Option, ...]) -> None:
        """Replace the form with editors for `options`, set to their defaults."""
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._editors.clear()
        for opt in options:
            editor = self._editor(opt)
            editor.setToolTip(plugin_text(opt.help))
            label = QLabel(self.tr("{0}:").format(plugin_text(opt.title)))
            label.setToolTip(plugin_text(opt.help))
            self._layout.addRow(label, editor)
            self._editors[opt.name] = (opt, editor)
        self.setVisible(bool(options))

    @staticmethod
    def _editor(opt: Option) -> QWidget:
        if opt.type == "bool":
            w = QCheckBox()
            w.setChecked(bool(opt.default))
        elif opt.type == "int":
            w = QSpinBox()
            w.setRange(-(10**9), 10**9)
            w.setValue(int(opt.default))
        elif opt.type == "float":
            w = QDoubleSpinBox()
            w.setDecimals(6)
            w.setRange(-1e12, 1e12)
            w.setValue(float(opt.default))
        elif opt.type == "choice":
            w = QComboBox()
            for choice in opt.choices:
                w.addItem(plugin_text(choice), choice)
            w.setCurrentIndex(w.findData(opt.default))
        elif opt.type == "path":
            # A path option names a file when its name says so ("CSV file"), else a folder.
            w = PathEdit(str(opt.default or ""), plugin_text(opt.title), pick_file="file" in opt.title.lower())
        else:
            w = QLineEdit(str(opt.default or ""))
        return w

    def values(self) -> dict[str, Any]:
        """The current value of every option."""
        out = {}
        for name, (opt, w) in self._editors.items():
            if isinstance(w, QCheckBox):
                out[name] = w.isChecked()
            elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
                out[name] = w.value()
            elif isinstance(w, QComboBox):
                out[name] = w.currentData()
            elif isinstance(w, PathEdit):
                out[name] = w.text()
            else:
                out[name] = w.text()
        return out


def open_path(path, parent: QWidget | None = None) -> bool:
    """Open a file or folder with the desktop's default application (file manager, viewer,
    browser); where the desktop has none, say where the file is instead of doing nothing."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    QMessageBox.information(parent, QCoreApplication.translate("Widgets", "Open"), QCoreApplication.translate(
        "Widgets", "No application on this desktop opens it. It is here:\n{0}").format(path))
    return False


def button(text: str, tip: str, slot) -> QPushButton:
    """A push button with its tooltip, connected to `slot`."""
    b = QPushButton(text)
    b.setToolTip(tip)
    b.clicked.connect(slot)
    return b


def heading(text: str) -> QLabel:
    """A bold section label."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area that fills it out: a tall panel scrolls instead of
    raising the minimum height of its page, which would make the window grow by itself."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.NoFrame)
    return area


def titled(title: QWidget, body: QWidget) -> QWidget:
    """`title` above `body`, which takes the height left, without margins of their own."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(title)
    layout.addWidget(body, 1)
    return box


def hrow(*items) -> QHBoxLayout:
    """A horizontal row: a str becomes a label, `(widget, stretch)` stretches, a widget is added as is."""
    row = QHBoxLayout()
    for item in items:
        if isinstance(item, str):
            row.addWidget(QLabel(item))
        elif isinstance(item, tuple):
            row.addWidget(*item)
        else:
            row.addWidget(item)
    return row


def start_folder(key: str, beside: Path | str | None) -> Path:
    """Where a file dialog for `key` ("export", "sort"...) opens: the folder last used for it,
    else `beside` (the run or the images concerned), else the home folder."""
    from PySide6.QtCore import QSettings

    last = QSettings().value(f"folders/{key}", "")
    for candidate in (last, beside):
        if candidate and Path(str(candidate)).is_dir():
            return Path(str(candidate))
    return Path.home()


def remember_folder(key: str, path: Path | str) -> None:
    """The folder of `path` is where the next dialog for `key` opens."""
    from PySide6.QtCore import QSettings

    path = Path(path)
    QSettings().setValue(f"folders/{key}", str(path if path.is_dir() else path.parent))
