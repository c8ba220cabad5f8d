"""Small widgets shared by several pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSpinBox, QWidget,
)

from alexnet_desktop.core.descriptors import Option


class PathEdit(QWidget):
    """A file or folder path: a line edit and a button that opens a chooser."""

    def __init__(self, text: str = "", title: str = "Choose", parent: QWidget | None = None,
                 tip: str = "") -> None:
        super().__init__(parent)
        self.edit = QLineEdit(text)
        self.edit.setPlaceholderText("(not set)")
        self.edit.setMinimumWidth(280)
        self.edit.setToolTip(tip or title)
        self.title = title
        button = QPushButton("Browse…")
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
        if "file" in self.title.lower():
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
            editor.setToolTip(opt.help)
            label = QLabel(opt.title + ":")
            label.setToolTip(opt.help)
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
            w.addItems(list(opt.choices))
            w.setCurrentText(str(opt.default))
        elif opt.type == "path":
            w = PathEdit(str(opt.default or ""), opt.title)
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
                out[name] = w.currentText()
            elif isinstance(w, PathEdit):
                out[name] = w.text()
            else:
                out[name] = w.text()
        return out


def open_path(path) -> bool:
    """Open a file or folder with the desktop's default application (file manager, viewer, browser)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


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
