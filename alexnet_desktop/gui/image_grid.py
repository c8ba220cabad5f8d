"""A scrollable grid of captioned images (dataset samples, augmentation previews)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget


def array_to_pixmap(pixels: np.ndarray) -> QPixmap:
    """A QPixmap of a uint8 (H, W, 3) array (copied, so the array may go away)."""
    a = np.ascontiguousarray(pixels, dtype=np.uint8)
    h, w = a.shape[:2]
    image = QImage(a.data, w, h, 3 * w, QImage.Format_RGB888)
    return QPixmap.fromImage(image.copy())


class ImageGrid(QScrollArea):
    """Shows images with captions in as many columns as fit the width."""

    def __init__(self, tile: int = 96, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tile = tile
        self.setWidgetResizable(True)
        self._items: list[tuple[np.ndarray, str, str]] = []
        self._columns = 0
        self._inner = QWidget()
        self._grid = QGridLayout(self._inner)
        self._grid.setSpacing(6)
        self._grid.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.setWidget(self._inner)
        self._empty = QLabel()
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignCenter)

    def set_images(self, items: list[tuple[np.ndarray, str, str]], empty_text: str = "") -> None:
        """Replace the grid with (pixels, caption, tooltip) items; `empty_text` shows when there are none."""
        self._items = list(items)
        self._empty.setText(empty_text)
        self._columns = 0
        self._relayout()

    def count(self) -> int:
        """How many images are shown."""
        return len(self._items)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._column_count() != self._columns:
            self._relayout()

    def _column_count(self) -> int:
        return max(1, (self.viewport().width() - 12) // (self.tile + 10))

    def _relayout(self) -> None:
        while self._grid.count():
            w = self._grid.takeAt(0).widget()
            if w is not None and w is not self._empty:
                w.hide()  # gone now, not when the event loop next deletes it
                w.deleteLater()
        self._columns = self._column_count()
        if not self._items:
            self._grid.addWidget(self._empty, 0, 0)
            return
        for i, (pixels, caption, tip) in enumerate(self._items):
            cell = QWidget()
            v = QVBoxLayout(cell)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(2)
            picture = QLabel()
            picture.setPixmap(array_to_pixmap(pixels).scaled(self.tile, self.tile, Qt.KeepAspectRatio, Qt.SmoothTransformation))
            picture.setFixedSize(self.tile, self.tile)
            picture.setAlignment(Qt.AlignCenter)
            text = QLabel(caption)
            text.setAlignment(Qt.AlignHCenter)
            text.setFixedWidth(self.tile)
            metrics = text.fontMetrics()
            text.setText(metrics.elidedText(caption, Qt.ElideRight, self.tile))
            cell.setToolTip(tip or caption)
            v.addWidget(picture)
            v.addWidget(text)
            self._grid.addWidget(cell, i // self._columns, i % self._columns)
