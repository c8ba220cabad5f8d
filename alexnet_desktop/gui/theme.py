"""Light and dark appearance: the system's choice by default, or the user's (View menu).

Qt's Fusion style is used in both, with a dark palette for dark, so every page looks the
same on every desktop; the pyqtgraph plots get the palette's background and text colours
(their data colours read on both), and they change with the rest when the system's scheme
changes while the app runs.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

CHOICES = ("system", "light", "dark")
SETTING = "appearance/theme"


def chosen() -> str:
    """The user's choice: "system" (the default), "light" or "dark"."""
    value = QSettings().value(SETTING, "system", str)
    return value if value in CHOICES else "system"


def is_dark(choice: str | None = None) -> bool:
    """Whether the app shows dark: the choice, or for "system" the desktop's colour scheme."""
    choice = choice or chosen()
    if choice != "system":
        return choice == "dark"
    return QApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    """Fusion's colours for a dark desktop, with enough contrast for small text."""
    p = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(232, 232, 232)
    for group in (QPalette.Active, QPalette.Inactive):
        p.setColor(group, QPalette.Window, window)
        p.setColor(group, QPalette.WindowText, text)
        p.setColor(group, QPalette.Base, base)
        p.setColor(group, QPalette.AlternateBase, QColor(52, 52, 56))
        p.setColor(group, QPalette.ToolTipBase, QColor(60, 60, 64))
        p.setColor(group, QPalette.ToolTipText, text)
        p.setColor(group, QPalette.PlaceholderText, QColor(150, 150, 150))
        p.setColor(group, QPalette.Text, text)
        p.setColor(group, QPalette.Button, QColor(58, 58, 62))
        p.setColor(group, QPalette.ButtonText, text)
        p.setColor(group, QPalette.BrightText, QColor(255, 90, 90))
        p.setColor(group, QPalette.Highlight, QColor(42, 110, 190))
        p.setColor(group, QPalette.HighlightedText, QColor(255, 255, 255))
        p.setColor(group, QPalette.Link, QColor(110, 170, 255))
        p.setColor(group, QPalette.Mid, QColor(80, 80, 84))
        p.setColor(group, QPalette.Dark, QColor(25, 25, 27))
        p.setColor(group, QPalette.Light, QColor(75, 75, 80))
    for role, colour in ((QPalette.WindowText, QColor(130, 130, 130)), (QPalette.Text, QColor(130, 130, 130)),
                         (QPalette.ButtonText, QColor(130, 130, 130)), (QPalette.Button, QColor(50, 50, 53)),
                         (QPalette.Base, QColor(38, 38, 40)), (QPalette.Window, window)):
        p.setColor(QPalette.Disabled, role, colour)
    return p


def plot_colours(dark: bool) -> tuple[str, str]:
    """(background, foreground) for the plots."""
    return ("#1e1e20", "#e0e0e0") if dark else ("w", "k")


def apply(app: QApplication, root: QWidget | None = None, choice: str | None = None) -> bool:
    """Apply the choice (or the saved one) to the app and to the plots under `root`; returns
    whether it is dark."""
    dark = is_dark(choice)
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    background, foreground = plot_colours(dark)
    pg.setConfigOptions(background=background, foreground=foreground)  # for plots made later
    if root is not None:
        for view in root.findChildren(pg.GraphicsView):
            view.setBackground(background)
            for item in view.scene().items():
                if isinstance(item, pg.AxisItem):
                    item.setPen(foreground)
                    item.setTextPen(foreground)
                elif isinstance(item, pg.LabelItem):
                    item.setText(item.text, color=foreground)
                elif isinstance(item, pg.LegendItem):
                    item.setLabelTextColor(foreground)
                elif isinstance(item, pg.TextItem) and getattr(item, "follows_theme", False):
                    item.setColor(foreground)
                elif getattr(item, "follows_theme", False):  # plots.PointLabels: reads the colour as it paints
                    item.update()
    return dark


def save_choice(choice: str) -> None:
    """Remember the View menu's choice."""
    QSettings().setValue(SETTING, choice if choice in CHOICES else "system")
