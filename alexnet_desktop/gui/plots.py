"""Live training curves: one PlotDataItem per curve, redrawn from a timer with whole arrays."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QWidget

pg.setConfigOptions(antialias=True, background="w", foreground="k")

TRAIN_BATCH = "train (running mean)"
TRAIN_EPOCH = "train (epoch)"
VAL_EPOCH = "validation (epoch)"
_STYLES = {
    TRAIN_BATCH: dict(pen=pg.mkPen((31, 119, 180, 140), width=1.5)),
    TRAIN_EPOCH: dict(pen=pg.mkPen((31, 119, 180), width=2.5), symbol="o", symbolSize=7, symbolBrush=(31, 119, 180)),
    VAL_EPOCH: dict(pen=pg.mkPen((214, 39, 40), width=2.5), symbol="s", symbolSize=7, symbolBrush=(214, 39, 40)),
}


class _Series:
    def __init__(self) -> None:
        self.x: list[float] = []
        self.y: list[float] = []

    def add(self, x: float, y: float) -> None:
        if math.isfinite(y):
            self.x.append(x)
            self.y.append(y)


class TrainingCurves(QWidget):
    """Loss and accuracy plots, x in epochs; `add_*` only append, a 15 Hz timer redraws."""

    REFRESH_MS = 66

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plots = {}
        self.items = {}
        self.series = {}
        for metric, title in (("loss", "Loss"), ("accuracy", "Accuracy")):
            plot = pg.PlotWidget(title=title)
            plot.showGrid(x=True, y=True, alpha=0.3)
            plot.setLabel("bottom", "epoch")
            plot.getAxis("bottom").enableAutoSIPrefix(False)  # "epoch (x0.001)" reads as nonsense
            plot.addLegend(offset=(-10, 10) if metric == "loss" else (-10, -10))
            if metric == "accuracy":
                plot.setYRange(0, 1.02, padding=0)
            for name, style in _STYLES.items():
                item = plot.plot([], [], name=name, **style)
                item.setClipToView(True)
                item.setDownsampling(auto=True, method="peak")
                self.items[(metric, name)] = item
                self.series[(metric, name)] = _Series()
            self.plots[metric] = plot
            layout.addWidget(plot)
        self._dirty = False
        self.timer = QTimer(self)
        self.timer.setInterval(self.REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def clear(self) -> None:
        """Forget every point (a new run starts)."""
        for s in self.series.values():
            s.x.clear()
            s.y.clear()
        self._dirty = True
        self.refresh()

    def add_batch(self, x: float, loss: float, accuracy: float) -> None:
        """A training batch's running-mean loss and accuracy at fractional epoch `x`."""
        self.series[("loss", TRAIN_BATCH)].add(x, loss)
        self.series[("accuracy", TRAIN_BATCH)].add(x, accuracy)
        self._dirty = True

    def add_epoch(self, epoch: int, logs: dict[str, float]) -> None:
        """An epoch's metrics, plotted at its end (x = epoch number, 1-based)."""
        for metric in ("loss", "accuracy"):
            if metric in logs:
                self.series[(metric, TRAIN_EPOCH)].add(epoch, logs[metric])
            if f"val_{metric}" in logs:
                self.series[(metric, VAL_EPOCH)].add(epoch, logs[f"val_{metric}"])
        self._dirty = True

    def point_count(self, metric: str, name: str) -> int:
        """How many points a curve holds (for tests and the status line)."""
        return len(self.series[(metric, name)].x)

    def drawn_count(self, metric: str, name: str) -> int:
        """How many points the plot item currently draws (what the user sees)."""
        x, _ = self.items[(metric, name)].getOriginalDataset()
        return 0 if x is None else len(x)

    def refresh(self) -> None:
        """Push the series to the plot items if anything changed since the last refresh."""
        if not self._dirty:
            return
        self._dirty = False
        for key, s in self.series.items():
            self.items[key].setData(np.asarray(s.x, dtype=float), np.asarray(s.y, dtype=float))


class ClassBalanceChart(pg.PlotWidget):
    """Horizontal bars of images per class (training part and, when there is one, test part),
    each with its count written at its end.

    Horizontal, so that long class names stay readable with many classes.
    """

    TRAIN_COLOUR = (31, 119, 180)
    TEST_COLOUR = (255, 127, 14)
    MAX_LABELLED = 60  # beyond this many classes the counts would overlap: hover shows them instead

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.showGrid(x=True, y=False, alpha=0.3)
        self.getAxis("bottom").enableAutoSIPrefix(False)
        self.setLabel("bottom", "images")
        self._items: list = []
        self.counts: dict[str, int] = {}
        self.set_counts({})

    def set_counts(self, counts: dict[str, int], test_counts: dict[str, int] | None = None) -> None:
        """Show `counts` (and `test_counts` as a second, orange bar per class)."""
        for item in self._items:
            self.removeItem(item)
        self._items.clear()
        self.counts = dict(counts)
        train_html = f"<span style='color:rgb{self.TRAIN_COLOUR}'>■</span> training"
        test_html = f" &nbsp; <span style='color:rgb{self.TEST_COLOUR}'>■</span> test" if test_counts else ""
        self.setTitle(f"Images per class &nbsp; {train_html}{test_html}" if counts else "Images per class")
        names = list(counts)
        n = len(names)
        ys = np.arange(n, 0, -1, dtype=float)  # the first class at the top
        height = 0.38 if test_counts else 0.7
        parts = [(counts, ys + (height / 2 if test_counts else 0), self.TRAIN_COLOUR)]
        if test_counts:
            parts.append(({c: test_counts.get(c, 0) for c in names}, ys - height / 2, self.TEST_COLOUR))
        for values, y, colour in parts:
            widths = [values[c] for c in names]
            bar = pg.BarGraphItem(x0=0, y=y, height=height, width=widths, brush=colour, pen=None)
            self.addItem(bar)
            self._items.append(bar)
            if n <= self.MAX_LABELLED:
                for yy, value in zip(y, widths):
                    text = pg.TextItem(f"{value:,}", color=(40, 40, 40), anchor=(0, 0.5))
                    text.setPos(value, float(yy))
                    self.addItem(text)
                    self._items.append(text)
        self.getAxis("left").setTicks([[(float(y), name) for y, name in zip(ys, names)]])
        top = max([*counts.values(), *(test_counts or {}).values(), 1])
        self.setXRange(0, top * 1.15, padding=0)
        self.setYRange(0.4, max(n, 1) + 0.6, padding=0)
