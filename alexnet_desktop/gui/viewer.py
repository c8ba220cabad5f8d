"""The prediction viewer: a virtualised thumbnail grid over a `LabelSession`, keyboard first.

Only the thumbnails on screen are asked for; they are decoded by the one decoder in a
background thread (newest request first, so scrolling fast never queues a backlog) and
kept in a bounded cache. The grid holds row numbers, not images, so 100,000 predictions
cost a list of integers.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractListModel, QModelIndex, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QLabel, QListView, QProgressBar, QStyle,
    QStyledItemDelegate, QVBoxLayout, QWidget,
)


from alexnet_desktop.core.events import Progress
from alexnet_desktop.core.model.explain import DEFAULT_METHOD, GRAD_CAM, METHOD_NAMES, METHODS, OCCLUSION
from alexnet_desktop.core.model.explain_image import HeatMap, HeatProgress, ImageDecoded, ModelLoaded, explain_image
from alexnet_desktop.core.data.images import ImageDecodeError, decode_image
from alexnet_desktop.core.labelling.session import UNCERTAIN_LABEL, LabelSession
from alexnet_desktop.core.threads import lower_priority
from alexnet_desktop.core import wording
from alexnet_desktop.gui.i18n import core_text, tr
from alexnet_desktop.gui.worker import JobRunner

# The labels the app gives (the folders they sort into keep the English name).
SPECIAL_LABELS = {UNCERTAIN_LABEL: QT_TRANSLATE_NOOP("Labels", "uncertain"),
                  "unreadable": QT_TRANSLATE_NOOP("Labels", "unreadable")}


def label_text(label: str) -> str:
    """A label as shown: a class name as it is, the app's own labels in the user's language."""
    return tr("Labels", SPECIAL_LABELS[label]) if label in SPECIAL_LABELS else label

THUMB = 112


def _qimage(pixels: np.ndarray) -> QImage:
    a = np.ascontiguousarray(pixels, dtype=np.uint8)
    h, w = a.shape[:2]
    return QImage(a.data, w, h, 3 * w, QImage.Format_RGB888).copy()


class ThumbnailLoader(QObject):
    """Decodes thumbnails in one background thread; `ready(path, QImage)` on the GUI thread.

    Requests are served newest first and a request for a file already waiting is ignored,
    so what the user looks at now is decoded next.
    """

    ready = Signal(str, QImage)

    def __init__(self, size: int = THUMB, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.size = size
        self._stack: list[str] = []
        self._waiting: set[str] = set()
        self._cv = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="thumbnails", daemon=True)
        self._thread.start()

    def request(self, path: str) -> None:
        """Ask for `path`'s thumbnail (again, if it was asked before: it moves to the front)."""
        with self._cv:
            if path in self._waiting:
                self._stack.remove(path)
            self._waiting.add(path)
            self._stack.append(path)
            del self._stack[:-400]  # far off-screen requests are dropped; they are asked again when seen
            self._waiting.intersection_update(self._stack)
            self._cv.notify()

    def close(self) -> None:
        """Stop the thread (the window is closing) and wait for it."""
        with self._cv:
            self._closed = True
            self._cv.notify()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        lower_priority()
        while True:
            with self._cv:
                while not self._stack and not self._closed:
                    self._cv.wait()
                if self._closed:
                    return
                path = self._stack.pop()
                self._waiting.discard(path)
            try:
                image = _qimage(decode_image(path, size=self.size, keep_aspect=True))
            except (ImageDecodeError, OSError):
                image = QImage()
            self.ready.emit(path, image)


class GridModel(QAbstractListModel):
    """The rows of the session that the filter shows, in the chosen order."""

    PathRole = Qt.UserRole + 1
    RowRole = Qt.UserRole + 2
    CACHE = 3000  # thumbnails kept (about 40 MB at 112 px)

    def __init__(self, session: LabelSession, loader: ThumbnailLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loader = loader
        self.order: list[int] = []
        self.show, self.sort = "all", "name"
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._position: dict[int, int] = {}  # session row -> grid position
        self._row_of_path: dict[str, int] = {}
        loader.ready.connect(self._thumbnail_ready)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.order)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self.order):
            return None
        i = self.order[index.row()]
        r = self.session.rows[i]
        if role == self.RowRole:
            return i
        if role == self.PathRole:
            return str(r.path)
        if role == Qt.DisplayRole:
            return r.path.name
        if role == Qt.ToolTipRole:
            return str(r.path) + (f"\n{wording.shown(r.error, core_text)}" if r.error else "")
        if role == Qt.DecorationRole:
            key = str(r.path)
            pixmap = self._pixmaps.get(key)
            if pixmap is None:
                self.loader.request(key)
                return None
            self._pixmaps.move_to_end(key)
            return pixmap
        return None

    def set_view(self, show: str | None = None, sort: str | None = None) -> None:
        """Filter and order the grid (see `LabelSession.view`)."""
        self.show = show or self.show
        self.sort = sort or self.sort
        self.beginResetModel()
        self.order = self.session.view(self.show, self.sort)
        self._position = {i: p for p, i in enumerate(self.order)}
        self._row_of_path = {str(self.session.rows[i].path): i for i in self.order}
        self.endResetModel()

    def rows_added(self, rows: range) -> None:
        """New predictions arrived: append those the filter shows (the order is kept while
        predicting, so the grid does not jump under the user)."""
        new = [i for i in rows if self.session.matches(i, self.show)]
        if not new:
            return
        start = len(self.order)
        self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
        for i in new:
            self._position[i] = len(self.order)
            self._row_of_path[str(self.session.rows[i].path)] = i
            self.order.append(i)
        self.endInsertRows()

    def row_changed(self, i: int) -> None:
        """Repaint session row `i` (its label changed)."""
        p = self._position.get(i)
        if p is not None:
            index = self.index(p)
            self.dataChanged.emit(index, index)

    def _thumbnail_ready(self, path: str, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image) if not image.isNull() else QPixmap()
        self._pixmaps[path] = pixmap
        while len(self._pixmaps) > self.CACHE:
            self._pixmaps.popitem(last=False)
        p = self._position.get(self._row_of_path.get(path, -1))
        if p is not None:
            index = self.index(p)
            self.dataChanged.emit(index, index, [Qt.DecorationRole])


class TileDelegate(QStyledItemDelegate):
    """A tile: the thumbnail, then the label (bold and marked ✎ when set by hand, grey and
    marked ? when uncertain, red when unreadable) and the model's confidence."""

    def __init__(self, session: LabelSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def sizeHint(self, option, index) -> QSize:
        return QSize(THUMB + 16, THUMB + 44)

    def paint(self, painter: QPainter, option, index) -> None:
        painter.save()
        rect = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.State_Selected)
        painter.fillRect(rect, option.palette.highlight() if selected else option.palette.base())
        i = index.data(GridModel.RowRole)
        r = self.session.rows[i]
        pixmap = index.data(Qt.DecorationRole)
        box = QRect(rect.left() + (rect.width() - THUMB) // 2, rect.top() + 2, THUMB, THUMB)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            scaled = pixmap.scaled(box.size(), Qt.KeepAspectRatio, Qt.FastTransformation)
            painter.drawPixmap(box.left() + (THUMB - scaled.width()) // 2, box.top() + (THUMB - scaled.height()) // 2, scaled)
        else:
            painter.fillRect(box, option.palette.alternateBase())  # the thumbnail's place, while it loads
        label = self.session.label(i)
        manual = self.session.is_manual(i)
        if label == "":
            text, colour = label_text("unreadable"), QColor(200, 30, 30)
        elif label is None:
            text, colour = "? " + label_text(UNCERTAIN_LABEL), QColor(120, 120, 120)
        else:
            text, colour = ("✎ " if manual else "") + label, option.palette.text().color()
        if selected:
            colour = option.palette.highlightedText().color()
        font = painter.font()
        font.setBold(manual)
        painter.setFont(font)
        painter.setPen(colour)
        line = QRect(rect.left() + 2, box.bottom() + 3, rect.width() - 4, 18)
        painter.drawText(line, Qt.AlignHCenter | Qt.AlignVCenter, painter.fontMetrics().elidedText(text, Qt.ElideRight, line.width()))
        font.setBold(False)
        painter.setFont(font)
        if r.label:
            painter.drawText(line.translated(0, 17), Qt.AlignHCenter | Qt.AlignVCenter, f"{r.confidence:.0%}")
        painter.restore()


class LabelGrid(QListView):
    """The grid, keyboard first: arrows move; 1-9 and 0 give classes 1-10, letters (not U)
    classes 11 and on; U marks uncertain; Enter accepts the model's label; Backspace forgets
    the user's label. Each key that labels moves on to the next image."""

    labelled = Signal(int)  # session row whose label the user changed

    def __init__(self, session: LabelSession, model: GridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setModel(model)
        self.setViewMode(QListView.IconMode)
        self.setResizeMode(QListView.Adjust)
        self.setMovement(QListView.Static)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.Batched)  # lays out in slices: 100,000 rows never block the window
        self.setBatchSize(500)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setSpacing(2)
        self.setItemDelegate(TileDelegate(session, self))
        self.setToolTip(self.tr("Arrows: move · 1-9, 0, letters: set the class · U: uncertain · Enter: accept · "
                                 "Backspace: undo label"))
        self.empty_text = ""  # said in the middle of the grid while it has no rows

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.empty_text and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.viewport().rect().adjusted(20, 20, -20, -20),
                             Qt.AlignCenter | Qt.TextWordWrap, self.empty_text)
            painter.end()

    @staticmethod
    def class_keys(n: int) -> list[str]:
        """The key of each class, in class order: 1..9, 0, then a..z without u."""
        keys = [*"1234567890", *(c for c in "abcdefghijklmnopqrstvwxyz")]
        return keys[:n]

    def keyPressEvent(self, event) -> None:
        text = event.text().lower()
        rows = sorted({self.model().data(ix, GridModel.RowRole) for ix in self.selectedIndexes()})
        keys = self.class_keys(len(self.session.class_names))
        action = None
        if text and text in keys:
            label = self.session.class_names[keys.index(text)]
            action = lambda i: self.session.set_label(i, label)  # noqa: E731
        elif text == "u":
            action = self.session.mark_uncertain
        elif event.key() in (Qt.Key_Return, Qt.Key_Enter):
            action = self.session.accept
        elif event.key() == Qt.Key_Backspace:
            action = self.session.clear_label
        if action is None or not rows:
            super().keyPressEvent(event)
            return
        for i in rows:
            action(i)
            self.labelled.emit(i)
        current = self.currentIndex()
        if len(rows) == 1 and current.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(self.model().index(current.row() + 1))


class DetailPanel(QWidget):
    """The selected image large, its top-k probabilities as bars, and its path; with a model
    set (`set_model`), a heat map over the image (occlusion by default, or Grad-CAM) for the
    predicted or a chosen class, made on the image as the model sees it and laid over the
    image at its own aspect ratio.

    The image is decoded in a worker, the heat map after it: a 24-megapixel photo took
    580 ms to decode as PNG and 100 ms as JPEG, which on the GUI thread froze the window at
    every arrow key. While it decodes, the last image stays (no blink between quick ones).
    A heat map still being made when the selection, method or class changes is stopped
    (occlusion takes about a second on a CPU)."""

    TOP_K = 5
    SIZE = 320

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(280)
        self.loaded = None  # core.predict.LoadedModel
        self._model_run: Path | None = None  # a run whose model is offered, not loaded yet (offer_model)
        self._shown: tuple | None = None
        self.runner = JobRunner(self, event=self._image_ready, succeeded=self._heat_ready, failed=self._heat_failed,
                                finished=self._next_image)
        self._wanted: tuple | None = None  # (path, heat map wanted, class to explain), latest only
        self.explain = QCheckBox(self.tr("Heat map for"))
        self.explain.setToolTip(self.tr("A heat map over the parts of the image that are evidence for the class"))
        self.explain.setEnabled(False)
        self.explain.toggled.connect(self._refresh)
        self.method = QComboBox()
        tips = {OCCLUSION: self.tr("Occlusion: how much hiding each part of the image lowers the class's score "
                                   "(64 passes of the model; about a second on a CPU)"),
                GRAD_CAM: self.tr("Grad-CAM: the last convolution's maps weighed by the class score's gradient "
                                  "(one pass; as coarse as that layer's grid)")}
        for m in METHODS:
            self.method.addItem(core_text(METHOD_NAMES[m]), m)
            self.method.setItemData(self.method.count() - 1, tips[m], Qt.ToolTipRole)
        self.method.setCurrentIndex(self.method.findData(DEFAULT_METHOD))
        self.method.setToolTip(self.tr("How the heat map is made"))
        self.method.setEnabled(False)
        self.method.currentIndexChanged.connect(self._refresh)
        self.heat_status = QLabel()
        self.heat_status.setWordWrap(True)
        self.explain_class = QComboBox()
        self.explain_class.setToolTip(self.tr("Explain the predicted class, or another one"))
        self.explain_class.currentIndexChanged.connect(self._refresh)
        self.image = QLabel(self.tr("Select an image"))
        self.image.setAlignment(Qt.AlignCenter)
        self.image.setMinimumSize(256, 256)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.path = QLabel()
        self.path.setWordWrap(True)
        self.path.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.bars: list[tuple[QLabel, QProgressBar]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.image)
        row = QHBoxLayout()
        row.addWidget(self.explain)
        row.addWidget(self.explain_class, 1)
        layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("made by")))
        row.addWidget(self.method, 1)
        layout.addLayout(row)
        layout.addWidget(self.heat_status)
        layout.addWidget(self.title)
        for _ in range(self.TOP_K):
            name, bar = QLabel(), QProgressBar()
            bar.setRange(0, 1000)
            bar.setTextVisible(True)
            layout.addWidget(name)
            layout.addWidget(bar)
            self.bars.append((name, bar))
        layout.addWidget(self.path)
        layout.addStretch(1)
        self.show_row(None, None)

    def _fit(self, pixels: np.ndarray) -> QPixmap:
        """The image as a pixmap, small ones (CIFAR's 32 px, the demo's 128) enlarged to the panel."""
        pixmap = QPixmap.fromImage(_qimage(pixels))
        if max(pixmap.width(), pixmap.height()) < self.SIZE:
            mode = Qt.FastTransformation if max(pixmap.width(), pixmap.height()) <= 64 else Qt.SmoothTransformation
            pixmap = pixmap.scaled(self.SIZE, self.SIZE, Qt.KeepAspectRatio, mode)
        return pixmap

    def set_model(self, loaded) -> None:
        """The model whose reasons the heat map shows (None: no heat map)."""
        self.loaded, self._model_run = loaded, None
        self._offer_classes(loaded.class_names if loaded else None)

    def offer_model(self, run_dir: Path, class_names: list[str]) -> None:
        """Offer the heat map with the model of run `run_dir`, loaded in the worker the first
        time a heat map is asked for: a run that just finished shows its evaluation without
        a second copy of its model in memory until the user wants one."""
        self.loaded, self._model_run = None, Path(run_dir)
        self._offer_classes(class_names)

    def model_run(self) -> Path | None:
        """The run folder whose model the heat map uses (loaded or offered), if known."""
        if self._model_run is not None:
            return self._model_run
        return Path(self.loaded.source).parent if self.loaded is not None else None

    def _offer_classes(self, class_names: list[str] | None) -> None:
        self.explain.setEnabled(class_names is not None)
        self.method.setEnabled(class_names is not None)
        self.explain_class.blockSignals(True)
        self.explain_class.clear()
        self.explain_class.addItem(self.tr("the predicted class"), None)
        for i, name in enumerate(class_names or []):
            self.explain_class.addItem(name, i)
        self.explain_class.blockSignals(False)

    def _refresh(self) -> None:
        if self._shown:
            self.show_row(*self._shown)

    def _request_image(self, path: Path) -> None:
        heat = self.explain.isChecked() and (self.loaded is not None or self._model_run is not None)
        self._wanted = (path, heat, self.explain_class.currentData(), self.method.currentData())
        if self.runner.is_running():
            self.runner.request_stop()  # a heat map nobody will see: the next starts when it has stopped
        self.heat_status.setText("")
        self._next_image()

    def _next_image(self) -> None:
        if self.runner.is_running() or self._wanted is None:
            return
        path, heat, class_index, method = self._wanted
        self._wanted = None
        loaded, size = self.loaded if heat else None, self.SIZE  # the model only when it is needed
        run = self._model_run

        def job(emit, stop):
            return explain_image(path, size, heat=heat, loaded=loaded, run=run, class_index=class_index,
                                 method=method, emit=emit, stop=stop)

        self.runner.start(job)

    def _is_shown(self, path: Path) -> bool:
        if not self._shown:
            return False
        session, i = self._shown
        return i < len(session.rows) and str(session.rows[i].path) == str(path)

    def _image_ready(self, event) -> None:
        if isinstance(event, ModelLoaded):  # an offered model, loaded for its first heat map: kept for the next
            if self.loaded is None and self._model_run == event.run:
                self.loaded = event.loaded
            return
        if isinstance(event, HeatProgress):
            progress = event.progress
            if self._is_shown(event.path) and isinstance(progress, Progress) and progress.done < progress.total:
                self.heat_status.setText(self.tr("Making the heat map: {0} of {1} views").format(progress.done, progress.total))
            return
        if not isinstance(event, ImageDecoded) or not self._is_shown(event.path):
            return  # the user has moved on; the next image is on its way
        if event.pixels is None:
            self.image.setPixmap(QPixmap())
            self.image.setText(wording.shown(event.reason, core_text))
        else:
            self.image.setPixmap(self._fit(event.pixels))
        self.image.setToolTip("")

    def _heat_ready(self, result: HeatMap | None) -> None:
        if result is None:
            return
        if self._is_shown(result.path):
            self.image.setPixmap(self._fit(result.pixels))
            self.image.setToolTip(self.tr("Heat map for {0}").format(result.class_name))
            self.heat_status.setText(self.tr("{0} map for {1} ({2:.1%}): red is where the evidence lies").format(
                core_text(METHOD_NAMES[result.method]), result.class_name, result.probability))

    def _heat_failed(self, message: str, _tb: str) -> None:
        self.image.setToolTip(self.tr("No heat map: {0}").format(message))
        self.heat_status.setText(self.tr("No heat map: {0}").format(message))

    def show_row(self, session: LabelSession | None, i: int | None) -> None:
        """Show session row `i`, or nothing."""
        self._shown = (session, i) if session is not None and i is not None else None
        for name, bar in self.bars:
            name.hide()
            bar.hide()
        if session is None or i is None:
            self.image.setPixmap(QPixmap())
            self.image.setText(self.tr("Select an image"))
            self.title.setText("")
            self.path.setText("")
            return
        r = session.rows[i]
        self._request_image(r.path)
        label = session.label(i)
        shown = label_text("unreadable") if label == "" else (label_text(UNCERTAIN_LABEL) if label is None else label)
        how = self.tr("set by you") if session.is_manual(i) else self.tr("predicted")
        self.title.setText(f"<b>{shown}</b> ({how})"
                           + (self.tr(" · model: {0} {1:.1%}").format(r.label, r.confidence) if r.label else ""))
        self.path.setText(str(Path(r.path)))
        if r.probabilities:
            for (name, bar), (cls, p) in zip(self.bars, r.top_k(session.class_names, self.TOP_K)):
                name.setText(cls)
                bar.setValue(int(round(p * 1000)))
                bar.setFormat(f"{p:.1%}")
                name.show()
                bar.show()
