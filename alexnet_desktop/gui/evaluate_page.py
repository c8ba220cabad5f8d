"""The Evaluate page: a run's figures, its confusion matrix as a heat map, and the images
behind each cell, where a wrong label in the data can be put right (with undo)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QHeaderView, QInputDialog, QLabel, QProgressBar, QSplitter, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from alexnet_desktop.core.training.evaluation import Evaluated, Evaluation, evaluate_model
from alexnet_desktop.core.events import Progress
from alexnet_desktop.core.labelling.session import LabelSession
from alexnet_desktop.core.labelling.predict import Prediction
from alexnet_desktop.core.labelling.predict_folder import ModelReady
from alexnet_desktop.core.runs.folder import RunFolder, effective_status, list_runs
from alexnet_desktop.core.labelling.sort_plan import relabel_plans
from alexnet_desktop.core.labelling.sorting import SortJournalled, sort_all, undo_all
from alexnet_desktop.gui.plots import PointLabels
from alexnet_desktop.core.runs.manifest import optimistic_note
from alexnet_desktop.core.wording import shown
from alexnet_desktop.gui.i18n import core_text, status_text
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.detail_panel import DetailPanel
from alexnet_desktop.gui.viewer import GridModel, LabelGrid, ThumbnailLoader
from alexnet_desktop.gui.widgets import PathEdit, button, heading, hrow, open_path, scrolled
from alexnet_desktop.gui.worker import JobRunner

# The name core gives a run's validation split as an evaluation's source, translated where shown.
VALIDATION_SOURCE = QT_TRANSLATE_NOOP("EvaluatePage", "validation split")


class ConfusionMatrix(pg.PlotWidget):
    """The confusion matrix as a heat map with its numbers; a click on a cell emits (true, predicted)."""

    cell_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.image = pg.ImageItem()
        self.image.setColorMap(pg.colormap.get("CET-L12"))  # white to blue: numbers stay readable
        self.addItem(self.image)
        self.getViewBox().invertY(True)
        # Cells as wide as the pane allows (square cells left most of it empty and the class
        # names under them overlapping).
        self.setLabel("left", self.tr("true class"))
        self.setLabel("bottom", self.tr("predicted class"))
        self.labels = PointLabels(Qt.AlignCenter)
        self.addItem(self.labels)
        self.names: list[str] = []
        self.scene().sigMouseClicked.connect(self._clicked)
        # Until there is a matrix: no axes (they would show a meaningless -400..400), a hint.
        self.placeholder = pg.TextItem(self.tr("The confusion matrix appears here after an evaluation"),
                                       color=pg.getConfigOption("foreground"), anchor=(0.5, 0.5))
        self.placeholder.follows_theme = True
        self.placeholder.setPos(0.5, 0.5)
        self.addItem(self.placeholder)
        self.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        for axis in ("left", "bottom"):
            self.getAxis(axis).hide()

    def show_matrix(self, names: list[str], counts: list[list[int]], normalised: list[list[float]], as_share: bool) -> None:
        """Draw the matrix, coloured by the row share, labelled by count or share, in the theme's colours."""
        self._shown = (names, counts, normalised, as_share)
        dark = QApplication.palette().window().color().lightness() < 128
        # Light: white to blue. Dark: the plot's background to blue, numbers light throughout.
        self.image.setColorMap(pg.ColorMap([0, 1], [(30, 30, 32), (40, 110, 220)]) if dark
                               else pg.colormap.get("CET-L12"))
        self.placeholder.hide()
        for axis in ("left", "bottom"):
            self.getAxis(axis).show()
        self.names = list(names)
        share = np.asarray(normalised, dtype=float)
        self.image.setImage(share.T, levels=(0, 1))  # ImageItem is indexed [x, y]
        n = len(names)
        big = n <= 25
        dark_theme = dark
        light, dark = QColor(255, 255, 255), QColor(30, 30, 30)
        cells = []
        for r in range(n):
            for c in range(n):
                if not big and counts[r][c] == 0:
                    continue
                text = f"{share[r, c]:.0%}" if as_share else f"{counts[r][c]}"
                cells.append((c + 0.5, r + 0.5, text, light if dark_theme or share[r, c] > 0.55 else dark))
        self.labels.set_labels(cells, QRectF(0, 0, n, n))
        self._set_ticks()
        self.setRange(xRange=(0, n), yRange=(0, n), padding=0.02)

    def _set_ticks(self) -> None:
        """Class names on both axes where they fit under their columns; where they would
        overlap, the columns are numbered and the rows say which number is which class."""
        names = [name[:14] for name in self.__dict__.get("names", ())]  # resized before __init__ ends
        if not names:
            return
        metrics = QFontMetrics(self.getAxis("bottom").font())
        cell = self.getViewBox().width() / len(names)
        fits = max(metrics.horizontalAdvance(name) for name in names) + 8 <= cell
        self.getAxis("bottom").setTicks([[(i + 0.5, name if fits else str(i + 1)) for i, name in enumerate(names)]])
        self.getAxis("left").setTicks([[(i + 0.5, name if fits else f"{i + 1} {name}") for i, name in enumerate(names)]])
        # The row names need their whole width: pyqtgraph's axis keeps the width it first had
        # and cut ten classes' names off at 1200x800.
        rows = [name if fits else f"{i + 1} {name}" for i, name in enumerate(names)]
        self.getAxis("left").setWidth(max(metrics.horizontalAdvance(r) for r in rows) + 24)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._set_ticks()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        # The theme changed (View > Appearance): draw the matrix again in its colours.
        if event.type() == QEvent.PaletteChange and self.__dict__.get("_shown"):
            self.show_matrix(*self._shown)

    def _clicked(self, event) -> None:
        point = self.getViewBox().mapSceneToView(event.scenePos())
        row, col = int(np.floor(point.y())), int(np.floor(point.x()))
        if 0 <= row < len(self.names) and 0 <= col < len(self.names):
            self.cell_clicked.emit(row, col)


class EvaluatePage(QWidget):
    """Choose a run and (optionally) labelled data; see the figures; click a cell to see its images."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = JobRunner(self, event=self._on_event, succeeded=self.show_evaluation, failed=self._on_failed,
                                finished=self._update_buttons, cancelled=self._on_cancelled)
        self.fix_runner = JobRunner(self, event=self._on_fix_event, succeeded=self._fixed, failed=self._on_fix_failed,
                                    finished=self._update_buttons)
        self.evaluation: Evaluation | None = None
        self.last_journals: list[Path] = []  # of the last move, for Undo move
        self.session = LabelSession()
        self.loader = ThumbnailLoader(parent=self)
        self.grid_model = GridModel(self.session, self.loader, self)
        self._cell: list[dict] = []

        self.run_combo = QComboBox()
        self.run_combo.setToolTip(self.tr("The run whose best model is evaluated"))
        self.run_combo.setMinimumContentsLength(40)
        self.data_edit = PathEdit("", self.tr("Choose a labelled folder"))
        self.data_edit.edit.setPlaceholderText(self.tr("(empty: the run's validation images)"))
        self.data_edit.setToolTip(self.tr("Labelled images to evaluate on; a dataset with a test part is judged on that part"))
        self.evaluate_button = button(self.tr("Evaluate"), self.tr("Measure the model on the images"), self.start)
        self.cancel_button = button(self.tr("Cancel"), self.tr("Stop after the current batch"), self.runner.request_stop)
        self.card_button = button(self.tr("Model card"), self.tr("Open the run's model card (dataset, split, architecture, "
                                  "settings, curves, confusion matrix, per-class table): an HTML page for a lab notebook"),
                                  self.open_card)
        self.progress = QProgressBar()
        # Shown while a job runs: idle, an empty bar reads as a text field. Its place is kept.
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        self.progress.hide()
        self.summary = QLabel(self.tr("Choose a run and press Evaluate. A run is evaluated on its validation images when it finishes."))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.as_share = QCheckBox(self.tr("Show shares of each row"))
        self.as_share.setToolTip(self.tr("Numbers in the matrix as the share of each true class instead of counts"))
        self.as_share.toggled.connect(self._redraw_matrix)
        self.matrix = ConfusionMatrix()
        self.matrix.cell_clicked.connect(self.show_cell)
        self.table = self._class_table()
        self.cell_title = QLabel(self.tr("Click a cell of the matrix to see its images, least confident first."))
        self.cell_title.setWordWrap(True)
        self.grid = LabelGrid(self.session, self.grid_model)
        self.grid.empty_text = self.tr("Click a cell of the confusion matrix to see its images here.")
        self.grid.selectionModel().currentChanged.connect(
            lambda cur, _prev: self.detail.show_row(self.session, cur.data(GridModel.RowRole) if cur.isValid() else None))
        self.detail = DetailPanel()
        self.grid.doubleClicked.connect(self._open_image)
        self.move_button = button(self.tr("Move to class folder…"), self.tr("The selected images are labelled wrongly in the "
                                  "data: move them to the right class folder (undo puts them back)"), self.move_selected)
        self.undo_button = button(self.tr("Undo move"), self.tr("Put the files of the last move back"), self.undo_move)

        split = self._panes()

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Evaluate")))
        self.check_button = button(self.tr("Check labels…"), self.tr("Find the images of the run's dataset whose label "
                                   "is probably wrong, measured with this run's network, and review them"),
                                   self.check_labels)
        self.check_dialog = None  # the last Check labels window opened
        layout.addLayout(hrow(self.tr("Run:"), (self.run_combo, 1), self.card_button, self.check_button))
        self.evaluate_why = QLabel()  # why Evaluate is disabled, beside it
        self.evaluate_why.setWordWrap(True)
        layout.addLayout(hrow(self.tr("Images:"), (self.data_edit, 1), self.evaluate_button, self.cancel_button,
                              self.evaluate_why, (self.progress, 1)))
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        state.runs_changed.connect(self.refresh_runs)
        self.refresh_runs()
        self._update_buttons()

    def _class_table(self) -> QTableWidget:
        """Precision, recall, F1 and image count of each class."""
        table = QTableWidget(0, 5)
        table.setHorizontalHeaderLabels([self.tr("Class"), self.tr("Precision"), self.tr("Recall"), self.tr("F1"),
                                         self.tr("Images")])
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        return table

    def _panes(self) -> QSplitter:
        """The matrix and the class table above; a cell's images, their details and the move
        buttons below."""
        top = QSplitter(Qt.Horizontal)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.matrix, 1)
        lv.addWidget(self.as_share)
        top.addWidget(left)
        top.addWidget(self.table)
        top.setSizes([600, 400])
        bottom = QSplitter(Qt.Horizontal)
        bottom.addWidget(self.grid)
        bottom.addWidget(scrolled(self.detail))  # the picture and bars scroll rather than raise the page
        bottom.setSizes([700, 300])
        lower = QWidget()
        bl = QVBoxLayout(lower)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addLayout(hrow((self.cell_title, 1), self.move_button, self.undo_button))
        bl.addWidget(bottom, 1)
        split = QSplitter(Qt.Vertical)
        split.addWidget(top)
        split.addWidget(lower)
        split.setSizes([420, 300])
        return split

    def refresh_runs(self) -> None:
        """The runs with a model, newest first, keeping the selection."""
        current = self.run_combo.currentData()
        self.run_combo.blockSignals(True)
        self.run_combo.clear()
        for run, manifest in list_runs(self.state.workspace.runs_dir):
            if run.model_path.is_file():
                self.run_combo.addItem(f"{run.path.name} · {status_text(effective_status(manifest))}", str(run.path))
        if current and self.run_combo.findData(current) >= 0:
            self.run_combo.setCurrentIndex(self.run_combo.findData(current))
        self.run_combo.blockSignals(False)
        self._update_buttons()

    def open_card(self) -> Path | None:
        """Write the chosen run's model card afresh and open it; returns its path."""
        from alexnet_desktop.core.training.model_card import write_model_card

        ref = self.run_combo.currentData()
        if not ref:
            return None
        path = write_model_card(RunFolder(Path(ref)))
        open_path(path, self)
        return path

    def start(self) -> None:
        """Evaluate the chosen run on the chosen data (or its validation images) in a worker."""
        ref = self.run_combo.currentData()
        if not ref or self.runner.is_running():
            return
        data = self.data_edit.text()
        host = self.state.host

        def job(emit, stop):
            return evaluate_model(ref, host, data or None, heat_maps=True, emit=emit, stop=stop)

        self.progress.setRange(0, 0)
        self.summary.setText(self.tr("Evaluating…"))
        self.runner.start(job)
        self._update_buttons()

    def show_evaluation(self, evaluated: Evaluated) -> None:
        """Show an evaluation (from the worker, or from a run that just finished)."""
        e = evaluated.evaluation
        self.evaluation = e
        if evaluated.run_dir is not None and self.run_combo.findData(str(evaluated.run_dir)) < 0:
            self.refresh_runs()
        if evaluated.run_dir is not None:
            self.run_combo.setCurrentIndex(max(0, self.run_combo.findData(str(evaluated.run_dir))))
            shown_model = self.detail.model_run()
            if shown_model is None or shown_model.resolve() != Path(evaluated.run_dir).resolve():
                # A run that just finished, or another run's model still loaded from before:
                # the heat map must explain this run's model.
                self.detail.offer_model(Path(evaluated.run_dir), e.class_names)
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        tops = " · ".join(self.tr("top-{0} {1:.1%}").format(k, v) for k, v in e.top_k.items() if k > 1)
        left = self.tr(" · {0} file(s) not evaluated").format(len(e.left)) if e.left else ""
        a = e.averages()["macro"]
        self.summary.setText(
            self.tr("<b>{0}</b>: {1} images · <b>accuracy {2:.1%}</b> · loss {3:.4f}").format(
                self.tr(e.source), e.count, e.accuracy, e.loss)
            + (f" · {tops}" if tops else "") + self.tr(" · macro F1 {0:.3f}").format(a["f1"]) + left
            + (f"<br><i>{shown(optimistic_note(), core_text)}</i>" if e.optimistic else "")
        )
        self.table.setRowCount(len(e.class_names))
        for r, (name, c) in enumerate(zip(e.class_names, e.per_class)):
            for col, text in enumerate((name, f"{c['precision']:.3f}", f"{c['recall']:.3f}", f"{c['f1']:.3f}", str(c["support"]))):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, col, item)
        self._redraw_matrix()
        self.session.rows.clear()
        self.session.class_names = list(e.class_names)
        self.grid_model.set_view("all", "name")
        self._update_buttons()

    def _redraw_matrix(self) -> None:
        if self.evaluation is not None:
            e = self.evaluation
            self.matrix.show_matrix(e.class_names, e.confusion, e.normalised(), self.as_share.isChecked())

    def show_cell(self, true: int, predicted: int) -> None:
        """Show the images of one cell in the grid, least confident first."""
        if self.evaluation is None:
            return
        names = self.evaluation.class_names
        self._cell = self.evaluation.cell(names[true], names[predicted])
        self.session.rows.clear()
        self.session.manual.clear()
        self.session.add([Prediction(Path(im["path"]), im["predicted"], im["confidence"]) for im in self._cell])
        self.grid_model.set_view("all", "confidence-low")
        text = (self.tr("<b>{0}</b> correct: labelled <b>{1}</b>, predicted <b>{2}</b> (least confident first)")
                if true == predicted else
                self.tr("<b>{0}</b> mistaken: labelled <b>{1}</b>, predicted <b>{2}</b> (least confident first)"))
        self.cell_title.setText(text.format(len(self._cell), names[true], names[predicted]))
        self._update_buttons()

    def _open_image(self, index) -> None:
        open_path(index.data(GridModel.PathRole), self)

    def move_selected(self, label: str | None = None) -> None:
        """Move the selected images' files to another class folder of their dataset (with undo)."""
        rows = sorted({ix.data(GridModel.RowRole) for ix in self.grid.selectedIndexes()})
        if not rows or self.evaluation is None:
            return
        if label is None:
            suggestion = self.evaluation.class_names.index(self.session.rows[rows[0]].label)
            label, ok = QInputDialog.getItem(self, self.tr("Move to class folder"), self.tr("The right class:"),
                                             self.evaluation.class_names, suggestion, False)
            if not ok:
                return
        plans = relabel_plans([self.session.rows[i].path for i in rows], label)
        workspace = self.state.workspace
        self.last_journals = []
        self.fix_runner.start(lambda emit, stop: ("moved", sort_all(plans, lambda: workspace.new_journal("relabel"),
                                                                     emit, stop)))
        self._update_buttons()

    def _on_fix_failed(self, message: str, _tb: str) -> None:
        # Every file is whole (core/labelling/sorting.py); Undo move puts back what was moved.
        self.cell_title.setText(self.tr("<b>Could not move:</b> {0}").format(message))

    def _on_fix_event(self, event) -> None:
        if isinstance(event, SortJournalled):
            self.last_journals.append(event.journal)

    def undo_move(self) -> None:
        """Put the files of the last move back."""
        if self.last_journals and not self.fix_runner.is_running():
            journals = list(self.last_journals)
            self.fix_runner.start(lambda emit, stop: ("undone", undo_all(journals, emit, stop)))

    def _fixed(self, result) -> None:
        kind, results = result
        done = sum(r.done for r in results)
        if kind == "moved":
            self.cell_title.setText(self.tr("Moved {0} file(s) to the right class folder; evaluate again to see the "
                                            "effect, or Undo move. Train again to learn from the corrected data.")
                                    .format(done))
        else:
            self.last_journals = []
            self.cell_title.setText(self.tr("Put {0} file(s) back.").format(done))
        self._update_buttons()

    def _on_event(self, event) -> None:
        if isinstance(event, ModelReady):
            self.detail.set_model(event.loaded)
        elif isinstance(event, Progress) and event.total:
            self.progress.setRange(0, event.total)
            self.progress.setValue(event.done)

    def _on_failed(self, message: str, _tb: str) -> None:
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        self.summary.setText(self.tr("<b>Could not evaluate:</b> {0}").format(message))

    def check_labels(self) -> None:
        """Open the Check labels window on the selected run's dataset, measured with that run."""
        from alexnet_desktop.core.runs.folder import RunFolder
        from alexnet_desktop.gui.label_check import CheckLabelsDialog

        run = Path(self.run_combo.currentData())
        data = RunFolder(run).manifest().dataset
        loader = self.state.host.loaders.get(data.loader)
        # The run records every option its dataset carried; the loader is given only those it declares.
        declared = {o.name for o in loader.options} if loader else set()
        options = {k: v for k, v in data.options.items() if k in declared}
        self.check_dialog = CheckLabelsDialog(self.state.host, Path(data.root), loader.id if loader else None, options,
                                              run=run, parent=self)
        self.check_dialog.open()
        self.check_dialog.start()

    def _on_cancelled(self) -> None:
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        self.summary.setText(self.tr("Cancelled: nothing was saved."))

    def shutdown(self) -> None:
        """Stop the thumbnail thread (the window is closing)."""
        self.loader.close()

    def _update_buttons(self) -> None:
        busy = self.runner.is_running() or self.fix_runner.is_running()
        self.progress.setVisible(busy)
        self.evaluate_button.setEnabled(not busy and self.run_combo.count() > 0)
        self.evaluate_why.setText("" if busy or self.run_combo.count() else self.tr(
            "No trained run yet: train one on the Train page."))
        self.card_button.setEnabled(self.run_combo.count() > 0)
        self.check_button.setEnabled(self.run_combo.count() > 0)
        self.cancel_button.setEnabled(self.runner.is_running())
        self.move_button.setEnabled(not busy and bool(self.session.rows))
        self.undo_button.setEnabled(not busy and bool(self.last_journals))
