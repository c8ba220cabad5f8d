"""Live training curves: one PlotDataItem per curve, redrawn from a timer with whole arrays."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from alexnet_desktop.gui.i18n import tr

pg.setConfigOptions(antialias=True, background="w", foreground="k")

# The curves' names: keys in English, legends in the user's language.
TRAIN_BATCH = QT_TRANSLATE_NOOP("Plots", "train (running mean)")
TRAIN_EPOCH = QT_TRANSLATE_NOOP("Plots", "train (epoch)")
VAL_EPOCH = QT_TRANSLATE_NOOP("Plots", "validation (epoch)")
_STYLES = {
    TRAIN_BATCH: dict(pen=pg.mkPen((31, 119, 180, 140), width=1.5)),
    TRAIN_EPOCH: dict(pen=pg.mkPen((31, 119, 180), width=2.5), symbol="o", symbolSize=7, symbolBrush=(31, 119, 180)),
    VAL_EPOCH: dict(pen=pg.mkPen((214, 39, 40), width=2.5), symbol="s", symbolSize=7, symbolBrush=(214, 39, 40)),
}


class PointLabels(pg.GraphicsObject):
    """Many short texts at points of a plot (the confusion matrix's numbers, the class counts
    beside their bars), painted in one pass at the font's own size.

    One `pg.TextItem` per text made a large confusion matrix freeze the window as a run
    finished; painted together they cost about a millisecond (benchmarks/NOTES.md).
    """

    follows_theme = True  # texts without a colour of their own repaint in the theme's colour

    def __init__(self, align: Qt.AlignmentFlag = Qt.AlignCenter) -> None:
        super().__init__()
        self.align = align  # Qt.AlignCenter: centred on the point; Qt.AlignLeft: starts at it
        self.labels: list[tuple[float, float, str, QColor | None]] = []
        self.bounds = QRectF()

    def set_labels(self, labels: list[tuple[float, float, str, QColor | None]], bounds: QRectF) -> None:
        """Show `labels` (x, y, text, colour or None for the theme's) within `bounds` (plot coordinates)."""
        self.prepareGeometryChange()
        self.labels, self.bounds = labels, QRectF(bounds)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self.bounds

    def paint(self, painter: QPainter, *_) -> None:
        # The view stretches the plot to the pane: each text is placed through that
        # transform but drawn unscaled, so it keeps the font's size and shape.
        to_device = painter.transform()
        theme = pg.mkColor(pg.getConfigOption("foreground"))
        left = bool(self.align & Qt.AlignLeft)
        painter.save()
        painter.resetTransform()
        for x, y, text, colour in self.labels:
            at = to_device.map(QPointF(x, y))
            painter.setPen(colour if colour is not None else theme)
            box = QRectF(at.x() + 3, at.y() - 12, 400, 24) if left else QRectF(at.x() - 50, at.y() - 12, 100, 24)
            painter.drawText(box, self.align | Qt.AlignVCenter, text)
        painter.restore()


class _Series:
    """A growing x/y series in numpy buffers that double when full, so a redraw hands
    pyqtgraph views of arrays instead of converting 100,000-point lists 15 times a second."""

    def __init__(self) -> None:
        self._x = np.empty(256)
        self._y = np.empty(256)
        self.n = 0
        self.drawn = 0  # how many points the plot item had at the last refresh

    def add(self, x: float, y: float) -> None:
        if not math.isfinite(y):
            return
        if self.n == len(self._x):
            self._x = np.concatenate([self._x, np.empty(self.n)])
            self._y = np.concatenate([self._y, np.empty(self.n)])
        self._x[self.n], self._y[self.n] = x, y
        self.n += 1

    def clear(self) -> None:
        self.n = 0
        self.drawn = -1  # differs from n: the next refresh empties the plot item

    @property
    def x(self) -> np.ndarray:
        return self._x[: self.n]

    @property
    def y(self) -> np.ndarray:
        return self._y[: self.n]


def y_title(metric: str) -> str:
    """The y-axis title of a plot of `metric` ("loss" or "accuracy")."""
    return tr("Plots", "accuracy (0-1)") if metric == "accuracy" else tr("Plots", "loss (cross-entropy)")


class EpochAxis(pg.AxisItem):
    """An x axis in whole epochs: no tick at 0.2 of an epoch, even on an empty plot."""

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802 - pyqtgraph's name
        return [(max(spacing, 1.0), offset) for spacing, offset in super().tickSpacing(minVal, maxVal, size)]


def _plot(title: str, y_label: str = "") -> pg.PlotWidget:
    plot = pg.PlotWidget(title=title, axisItems={"bottom": EpochAxis("bottom")})
    plot.showGrid(x=True, y=True, alpha=0.3)
    plot.setLabel("bottom", tr("Plots", "epoch"))
    if y_label:
        plot.setLabel("left", y_label)
    plot.getAxis("bottom").enableAutoSIPrefix(False)  # "epoch (x0.001)" reads as nonsense
    # Room for "0.0002" from the start: the axis widens only after a paint has found its
    # labels too wide, and until then pyqtgraph draws none (the learning rate had no labels).
    plot.getAxis("left").setWidth(56)
    return plot


def _legend_below(plot: pg.PlotWidget, columns: int = 2) -> pg.LegendItem:
    """A legend in a row under the plot's axis, which curves never run under (inside the plot,
    the rising accuracy curves ran under any corner's legend)."""
    item = plot.getPlotItem()
    legend = pg.LegendItem(colCount=columns, labelTextSize="8pt", verSpacing=-6, horSpacing=12)
    item.layout.addItem(legend, 4, 1)
    item.legend = legend  # where PlotItem.addItem enters each named curve
    return legend


class TrainingCurves(QWidget):
    """The training dashboard's plots, x in epochs: loss, accuracy, learning rate, speed.

    `add_*` only append to arrays; a 10 Hz timer pushes what changed to the plot items
    (downsampled and clipped to view), so a run of 100 epochs x 1000 batches stays smooth.
    The best epoch is marked with a vertical line on the loss and accuracy plots.
    """

    # 5 Hz: a repaint of the four plots is costly in software and faster refreshes took CPU
    # from training (benchmarks/NOTES.md); curves that move five times a second read as live.
    REFRESH_MS = 200
    SPEED = QT_TRANSLATE_NOOP("Plots", "images/s")
    RATE = QT_TRANSLATE_NOOP("Plots", "learning rate")
    CONFIDENT = QT_TRANSLATE_NOOP("Plots", "unlabelled above threshold")
    CONFIDENT_LOG = "unlabelled_confident"  # FixMatch's share of confident unlabelled images (core/training/fixmatch.py)
    SPEED_SMOOTHING = 0.1  # weight of the newest batch in the images/s moving average

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plots = {}
        self.items = {}
        self.series = {}
        self.best_lines = {}
        for i, (metric, title) in enumerate((("loss", tr("Plots", "Loss")), ("accuracy", tr("Plots", "Accuracy")))):
            plot = _plot(title, y_title(metric))
            _legend_below(plot)
            if metric == "accuracy":
                plot.setYRange(-0.03, 1.05, padding=0)  # room for the markers at 0 and 1
            for name, style in _STYLES.items():
                self._add_item(plot, metric, name, style)
            line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen((44, 160, 44), width=1.5, style=Qt.DashLine),
                                   label=tr("Plots", "best"), labelOpts={"position": 0.93, "color": (44, 160, 44)})
            line.setVisible(False)
            plot.addItem(line)
            self.best_lines[metric] = line
            self.plots[metric] = plot
            layout.addWidget(plot, 0, i)
        rate = _plot(tr("Plots", "Learning rate"), tr("Plots", "rate"))
        # With the SI prefix on, pyqtgraph scales 0.001 to "1 m" units but, with no axis
        # label to carry the prefix, drew no tick labels at all: plain numbers instead.
        rate.getAxis("left").enableAutoSIPrefix(False)
        self._add_item(rate, "lr", self.RATE, dict(pen=pg.mkPen((148, 103, 189), width=2), symbol="o", symbolSize=5,
                                                   symbolBrush=(148, 103, 189)))
        speed = _plot(tr("Plots", "Speed"), tr("Plots", "images/s"))
        self._add_item(speed, "speed", self.SPEED, dict(pen=pg.mkPen((255, 127, 14), width=1.5)))
        self.plots.update(lr=rate, speed=speed)
        layout.addWidget(rate, 1, 0)
        layout.addWidget(speed, 1, 1)
        layout.setRowStretch(0, 3)
        layout.setRowStretch(1, 2)
        # An axis whose range moves is re-laid out and its labels redrawn in Python at every
        # redraw, most of a redraw's cost: x spans the run's epochs from the start, and the
        # loss and speed axes only grow, in steps of 1-2-5 (so a redraw mostly reuses them).
        for metric in ("loss", "speed"):
            self.plots[metric].disableAutoRange()
        self._y_tops: dict[str, float] = {}
        self._speed = float("nan")
        self._dirty = False
        self.timer = QTimer(self)
        self.timer.setInterval(self.REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def _add_item(self, plot: pg.PlotWidget, metric: str, name: str, style: dict) -> None:
        item = plot.plot([], [], name=tr("Plots", name), **style)
        item.setClipToView(True)
        item.setDownsampling(auto=True, method="peak")
        self.items[(metric, name)] = item
        self.series[(metric, name)] = _Series()

    def set_epochs(self, epochs: int) -> None:
        """Fix the x axes to the run's epochs, so they are not re-laid out at every redraw."""
        for plot in self.plots.values():
            plot.setXRange(0, max(epochs, 1), padding=0.02)

    def clear(self) -> None:
        """Forget every point (a new run starts)."""
        self._y_tops.clear()
        for s in self.series.values():
            s.clear()
        for line in self.best_lines.values():
            line.setVisible(False)
        self._speed = float("nan")
        self._dirty = True
        self.refresh()

    def add_batch(self, x: float, loss: float, accuracy: float, images_per_second: float = float("nan")) -> None:
        """A training batch's running-mean loss and accuracy, and its speed, at fractional epoch `x`."""
        self.series[("loss", TRAIN_BATCH)].add(x, loss)
        self.series[("accuracy", TRAIN_BATCH)].add(x, accuracy)
        if math.isfinite(images_per_second):
            a = self.SPEED_SMOOTHING
            self._speed = images_per_second if not math.isfinite(self._speed) else a * images_per_second + (1 - a) * self._speed
            self.series[("speed", self.SPEED)].add(x, self._speed)
        self._dirty = True

    def add_epoch(self, epoch: int, logs: dict[str, float], is_best: bool = False) -> None:
        """An epoch's metrics, plotted at its end (x = epoch number, 1-based)."""
        for metric in ("loss", "accuracy"):
            if metric in logs:
                self.series[(metric, TRAIN_EPOCH)].add(epoch, logs[metric])
            if f"val_{metric}" in logs:
                self.series[(metric, VAL_EPOCH)].add(epoch, logs[f"val_{metric}"])
        if "learning_rate" in logs and logs["learning_rate"] > 0:
            self.series[("lr", self.RATE)].add(epoch, logs["learning_rate"])
        if self.CONFIDENT_LOG in logs:
            # Made on a run's first such epoch: a run without an unlabelled folder shows no legend entry for it.
            if ("accuracy", self.CONFIDENT) not in self.series:
                self._add_item(self.plots["accuracy"], "accuracy", self.CONFIDENT,
                               dict(pen=pg.mkPen((140, 86, 75), width=2, style=Qt.DotLine), symbol="t", symbolSize=6,
                                    symbolBrush=(140, 86, 75)))
            self.series[("accuracy", self.CONFIDENT)].add(epoch, logs[self.CONFIDENT_LOG])
        if is_best:
            self.mark_best(epoch)
        self._dirty = True

    def mark_best(self, epoch: int) -> None:
        """Move the "best" line to `epoch`."""
        for line in self.best_lines.values():
            line.setPos(epoch)
            line.setVisible(True)

    @property
    def best_epoch(self) -> int | None:
        """The epoch the best line marks, if any."""
        line = self.best_lines["loss"]
        return int(round(line.value())) if line.isVisible() else None

    def point_count(self, metric: str, name: str) -> int:
        """How many points a curve holds (for tests and the status line)."""
        return self.series[(metric, name)].n

    def drawn_count(self, metric: str, name: str) -> int:
        """How many points the plot item currently holds (what the user sees, at most MAX_DRAWN)."""
        x, _ = self.items[(metric, name)].getOriginalDataset()
        return 0 if x is None else len(x)

    # A plot a few hundred pixels wide cannot show more points than this, and drawing every
    # batch of a long run made each redraw take most of a frame: longer series are thinned by stride.
    MAX_DRAWN = 2000

    def refresh(self) -> None:
        """Push the series to the plot items if anything changed since the last refresh."""
        if not self._dirty:
            return
        self._dirty = False
        for key, s in self.series.items():
            if s.drawn == s.n:
                continue  # unchanged: its plot is not repainted (the learning rate changes once an epoch)
            s.drawn = s.n
            x, y = s.x, s.y
            if s.n > self.MAX_DRAWN:
                step = -(-s.n // self.MAX_DRAWN)
                # Thinned from the end, so the newest point is always drawn.
                x, y = x[::-1][::step][::-1], y[::-1][::step][::-1]
            if key[0] == "lr" and s.n:
                # A log scale only when the rate spans a decade or more: on a constant rate its
                # minor ticks crowd into an unreadable column of labels. On a linear scale the
                # axis runs from 0: left to itself, a constant 0.001 sat on a -0.5..0.5 axis
                # labelled "0".
                log = bool(y.max() > 10 * y.min())
                self.plots["lr"].setLogMode(y=log)
                if not log:
                    self.plots["lr"].setYRange(0, _nice_ceiling(float(y.max())), padding=0.03)
            self.items[key].setData(x, y)
        for metric in ("loss", "speed"):
            highs = [float(s.y.max()) for (m, _), s in self.series.items() if m == metric and s.n]
            top = _nice_ceiling(max(highs)) if highs else 1.0
            if self._y_tops.get(metric) != top:
                self._y_tops[metric] = top
                # A little padding: a tick exactly at the plot's edge loses its label.
                self.plots[metric].setYRange(0, top, padding=0.03)


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5 x 10^k at or above `value` (with 5% headroom)."""
    if not math.isfinite(value) or value <= 0:
        return 1.0
    value *= 1.05
    scale = 10 ** math.floor(math.log10(value))
    return next(m * scale for m in (1, 2, 5, 10) if m * scale >= value)


class RunComparison(QWidget):
    """Validation accuracy and loss per epoch of several runs, overlaid (seed 003 compares a
    run with augmentation to one without this way)."""

    COLOURS = [(31, 119, 180), (214, 39, 40), (44, 160, 44), (148, 103, 189), (255, 127, 14),
               (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207)]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plots = {}
        for metric, title in (("accuracy", tr("Plots", "Accuracy (validation solid, training dashed)")),
                               ("loss", tr("Plots", "Loss"))):
            plot = _plot(title, y_title(metric))
            plot.addLegend(offset=(-10, -10) if metric == "accuracy" else (-10, 10))
            if metric == "accuracy":
                plot.setYRange(-0.03, 1.05, padding=0)  # room for the markers at 0 and 1
            self.plots[metric] = plot
            layout.addWidget(plot)
        self.shown: list[str] = []

    def set_runs(self, runs: list[tuple[str, list[dict[str, float]]]]) -> None:
        """Show each `(name, history rows)`; validation solid, training dashed, one colour a run."""
        for plot in self.plots.values():
            plot.clear()
            plot.addLegend().clear()
        self.shown = [name for name, _ in runs]
        for i, (name, rows) in enumerate(runs):
            colour = self.COLOURS[i % len(self.COLOURS)]
            epochs = np.array([r.get("epoch", j + 1) for j, r in enumerate(rows)], dtype=float)
            for metric, plot in self.plots.items():
                for key, style, label in ((f"val_{metric}", Qt.SolidLine, name), (metric, Qt.DashLine, None)):
                    ys = np.array([r.get(key, np.nan) for r in rows], dtype=float)
                    if np.isfinite(ys).any():
                        plot.plot(epochs, ys, pen=pg.mkPen(colour, width=2, style=style), name=label,
                                  symbol="o" if style == Qt.SolidLine else None, symbolSize=5, symbolBrush=colour)


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
        self.setLabel("bottom", tr("Plots", "images"))
        self._items: list = []
        self.labels = PointLabels(Qt.AlignLeft)
        self.addItem(self.labels)
        self.counts: dict[str, int] = {}
        self.set_counts({})

    def set_counts(self, counts: dict[str, int], test_counts: dict[str, int] | None = None) -> None:
        """Show `counts` (and `test_counts` as a second, orange bar per class)."""
        for item in self._items:
            self.removeItem(item)
        self._items.clear()
        self.counts = dict(counts)
        title = tr("Plots", "Images per class")
        train_html = f"<span style='color:rgb{self.TRAIN_COLOUR}'>■</span> " + tr("Plots", "training")
        test_html = f" &nbsp; <span style='color:rgb{self.TEST_COLOUR}'>■</span> " + tr("Plots", "test") if test_counts else ""
        self.setTitle(f"{title} &nbsp; {train_html}{test_html}" if counts else title)
        names = list(counts)
        n = len(names)
        ys = np.arange(n, 0, -1, dtype=float)  # the first class at the top
        height = 0.38 if test_counts else 0.7
        parts = [(counts, ys + (height / 2 if test_counts else 0), self.TRAIN_COLOUR)]
        if test_counts:
            parts.append(({c: test_counts.get(c, 0) for c in names}, ys - height / 2, self.TEST_COLOUR))
        labels: list[tuple[float, float, str, QColor | None]] = []
        for values, y, colour in parts:
            widths = [values[c] for c in names]
            bar = pg.BarGraphItem(x0=0, y=y, height=height, width=widths, brush=colour, pen=None)
            self.addItem(bar)
            self._items.append(bar)
            if n <= self.MAX_LABELLED:
                labels.extend((float(value), float(yy), f"{value:,}", None) for yy, value in zip(y, widths))
        self.getAxis("left").setTicks([[(float(y), name) for y, name in zip(ys, names)]])
        top = max([*counts.values(), *(test_counts or {}).values(), 1])
        self.labels.set_labels(labels, QRectF(0, 0, top * 1.15, n + 1))
        self.setXRange(0, top * 1.15, padding=0)
        self.setYRange(0.4, max(n, 1) + 0.6, padding=0)
