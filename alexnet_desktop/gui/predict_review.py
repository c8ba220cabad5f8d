"""The Predict page's review pane: the grid of predicted images, labelled by keyboard, and the
side panel with the selected image, its probabilities, its heat map and the keys."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from alexnet_desktop.core.labelling.session import LabelSession
from alexnet_desktop.gui.detail_panel import DetailPanel
from alexnet_desktop.gui.viewer import GridModel, LabelGrid, ThumbnailLoader
from alexnet_desktop.gui.widgets import open_path, scrolled


class ReviewPane(QSplitter):
    """The grid beside the selected image; `relabelled` after the user changed labels."""

    relabelled = Signal()

    def __init__(self, session: LabelSession, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Horizontal, parent)
        self.session = session
        self.loader = ThumbnailLoader(parent=self)
        self.grid_model = GridModel(session, self.loader, self)
        self.grid = LabelGrid(session, self.grid_model)
        self.grid.labelled.connect(self._labelled)
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.grid.doubleClicked.connect(self._open_image)
        self.detail = DetailPanel()
        self.keys_help = QLabel()
        self.keys_help.setWordWrap(True)

        side = QWidget()
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(self.detail, 1)
        sv.addWidget(self.keys_help)
        # Scrolls rather than making the window taller than a 1280x800 screen: the image,
        # five bars, the path and the keys need about 700 px.
        side_scroll = scrolled(side)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.addWidget(self.grid)
        self.addWidget(side_scroll)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)

    def shutdown(self) -> None:
        """Stop the thumbnail thread (the window is closing)."""
        self.loader.close()

    def _labelled(self, i: int) -> None:
        self.grid_model.row_changed(i)
        if self.grid.currentIndex().isValid():
            self.detail.show_row(self.session, self.grid.currentIndex().data(GridModel.RowRole))
        self.relabelled.emit()

    def _current_changed(self, current, _previous) -> None:
        self.detail.show_row(self.session, current.data(GridModel.RowRole) if current.isValid() else None)

    def _open_image(self, index) -> None:
        open_path(index.data(GridModel.PathRole), self)
