"""The prediction viewer: a virtualised thumbnail grid over a `LabelSession`, keyboard first.

Only the thumbnails on screen are asked for; they are decoded by the one decoder in a
`JobRunner` (newest request first, so scrolling fast never queues a backlog) and
kept in a bounded cache. The grid holds row numbers, not images, so 100,000 predictions
cost a list of integers.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractListModel, QModelIndex, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QWidget

from alexnet_desktop.core.data.thumbnails import ThumbnailDecoded, decode_requested
from alexnet_desktop.core.labelling.session import UNCERTAIN_LABEL, UNCERTAINTY_KEYS, LabelSession
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


def qimage(pixels: np.ndarray) -> QImage:
    """An RGB uint8 array as a QImage that owns its pixels."""
    a = np.ascontiguousarray(pixels, dtype=np.uint8)
    h, w = a.shape[:2]
    return QImage(a.data, w, h, 3 * w, QImage.Format_RGB888).copy()


class ThumbnailLoader(QObject):
    """Decodes thumbnails in a `JobRunner`; `ready(path, QImage)` on the GUI thread.

    Requests are served newest first and a request for a file already waiting is ignored,
    so what the user looks at now is decoded next. The job runs while requests wait and
    ends when none are left; the next request starts it again.
    """

    ready = Signal(str, QImage)
    unreadable = Signal(str, str)  # a file whose thumbnail cannot be made, and why
    KEEP = 400  # waiting requests kept; far off-screen ones are dropped and asked again when seen

    def __init__(self, size: int = THUMB, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.size = size
        self._stack: list[str] = []
        self._waiting: set[str] = set()
        self._lock = threading.Lock()  # the stack is filled here and emptied by the job's thread
        self._closed = False
        self.runner = JobRunner(self, event=self._decoded, finished=self._resume)

    def request(self, path: str) -> None:
        """Ask for `path`'s thumbnail (again, if it was asked before: it moves to the front)."""
        with self._lock:
            if path in self._waiting:
                self._stack.remove(path)
            self._waiting.add(path)
            self._stack.append(path)
            del self._stack[:-self.KEEP]
            self._waiting.intersection_update(self._stack)
        self._resume()

    def close(self) -> None:
        """Stop decoding (the window is closing) and wait for the thread to end."""
        self._closed = True
        self.runner.request_stop()
        self.runner.wait(10_000)

    def _resume(self) -> None:
        # Also on `finished`: a request that came while the job was ending is served.
        if not self._closed and self._stack and not self.runner.is_running():
            self.runner.start(self._decode_waiting)

    def _decode_waiting(self, emit, stop) -> None:
        decode_requested(self._next_waiting, self.size, emit, stop)

    def _next_waiting(self) -> str | None:
        """The newest request not yet decoded (None when none is left); called by the job's thread."""
        with self._lock:
            if not self._stack:
                return None
            path = self._stack.pop()
            self._waiting.discard(path)
            return path

    def _decoded(self, event: ThumbnailDecoded) -> None:
        # A small thumbnail becomes a QImage here, on the GUI thread: core makes no Qt objects.
        if event.error:
            self.unreadable.emit(event.path, event.error)
        self.ready.emit(event.path, qimage(event.pixels) if event.pixels is not None else QImage())


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
        self._unreadable: dict[str, str] = {}  # path -> why its thumbnail cannot be made
        loader.unreadable.connect(self._unreadable.__setitem__)
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
            why = wording.shown(r.error or self._unreadable.get(str(r.path), ""), core_text)
            return str(r.path) + (f"\n{why}" if why else "")
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

    def position(self, i: int) -> int | None:
        """Where session row `i` is in the grid, None when the filter hides it."""
        return self._position.get(i)

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
    """The grid, keyboard first: arrows move; 1-9 and 0 give classes 1-10, letters (not U or N)
    classes 11 and on; U marks uncertain; Enter accepts the model's label; Backspace forgets
    the user's label; N jumps to the next image to review (the least sure one not yet looked
    at). Each key that labels moves on to the next image; Backspace stays on it."""

    labelled = Signal(int)  # session row whose label the user changed
    all_reviewed = Signal()  # N was pressed and every image shown has been looked at

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
                                 "Backspace: undo label · N: next to review"))
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
        """The key of each class, in class order: 1..9, 0, then a..z without n and u."""
        keys = [*"1234567890", *"abcdefghijklmopqrstvwxyz"]
        return keys[:n]

    def currentChanged(self, current, previous) -> None:
        # The current image is the one the side panel shows: the user has looked at it.
        super().currentChanged(current, previous)
        if current.isValid():
            self.session.mark_seen(current.data(GridModel.RowRole))

    def review_next(self) -> None:
        """Select the most uncertain image shown that the user has not looked at yet (by the
        grid's order when it is an uncertainty order, else by margin)."""
        model = self.model()
        by = model.sort if model.sort in UNCERTAINTY_KEYS else "margin"
        i = self.session.next_to_review(model.order, by)
        if i is None:
            self.all_reviewed.emit()
            return
        index = model.index(model.position(i))
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def keyPressEvent(self, event) -> None:
        text = event.text().lower()
        rows = sorted({self.model().data(ix, GridModel.RowRole) for ix in self.selectedIndexes()})
        keys = self.class_keys(len(self.session.class_names))
        action = None
        if text == "n":
            self.review_next()
            return
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
        # Backspace takes a label back: the image stays current, so the next key cannot land elsewhere.
        if action != self.session.clear_label and len(rows) == 1 and current.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(self.model().index(current.row() + 1))
