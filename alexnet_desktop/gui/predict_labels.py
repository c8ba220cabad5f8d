"""The Predict page's keeper of the user's labels: saved per folder as they are given (the
review store, core/labelling/review_store.py), put back on every new prediction of the folder
whatever the model, following files a sort moves, and never dropped in silence."""

from __future__ import annotations

import os
from dataclasses import replace

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from alexnet_desktop.core.labelling.review_store import ReviewStore, unknown_classes
from alexnet_desktop.core.labelling.session import LabelSession
from alexnet_desktop.core.wording import shown_error
from alexnet_desktop.gui.i18n import core_text


def _key(path) -> str:
    return os.path.normcase(os.path.abspath(path))


class LabelKeeper(QObject):
    """Keeps `session`'s labels in `store`; `note` says what it put back, kept or could not save."""

    def __init__(self, session: LabelSession, store: ReviewStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.store = session, store
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.PlainText)
        self.folder = ""  # the folder whose predictions are shown, whose labels the store keeps
        self.saved: dict[str, str | None] = {}  # its labels as saved, put back on its rows as they come

    def begin(self, folder: str) -> None:
        """A prediction of `folder` starts: read its saved labels."""
        self.folder = folder
        try:
            self.saved = self.store.load(folder)
        except ValueError as exc:  # kept on disk as it is; never overwritten unseen
            self.saved, self.folder = {}, ""
            self.note.setText(self.tr("Your earlier labels of this folder cannot be read, so labels given now "
                                      "are not saved: {0}").format(shown_error(exc, core_text)))
            return
        self.note.setText(self.tr("{0:,} label(s) you gave this folder earlier are put back.").format(
            len(self.saved)) if self.saved else "")

    def model_ready(self, class_names: list[str]) -> None:
        """The model's classes are known: name the labelled classes it does not know."""
        unknown = unknown_classes(self.saved, class_names)
        if unknown:
            self.note.setText(self.tr(
                "Your labels name classes this model does not know: {0}. They are kept (and count when you retrain); "
                "choose a model with these classes to see its predictions for them.").format(", ".join(unknown)))

    def restore(self, added: range) -> None:
        """Put the saved labels back on the rows just predicted; they win."""
        for i in added:
            key = _key(self.session.rows[i].path)
            if key in self.saved:
                self.session.manual[i] = self.saved[key]

    def save(self) -> None:
        """Save the user's labels of the folder shown (called as they are given)."""
        if not self.folder:
            return
        rows = self.session.rows
        given = {str(rows[i].path): label for i, label in self.session.manual.items()}
        taken_back = {str(r.path) for i, r in enumerate(rows) if i not in self.session.manual}
        self._write(lambda: self.store.update(self.folder, given, taken_back))

    def moved(self, moves: dict) -> None:
        """A sort moved files (or its undo put them back): the rows and saved labels follow them."""
        where = {row.path: i for i, row in enumerate(self.session.rows)}
        for old, new in moves.items():
            i = where.get(old)
            if i is not None:
                self.session.rows[i] = replace(self.session.rows[i], path=new)
        if self.folder:
            self._write(lambda: self.store.moved(self.folder, {str(a): str(b) for a, b in moves.items()}))

    def _write(self, change) -> None:
        try:
            change()
            self.saved = self.store.load(self.folder)
        except (OSError, ValueError) as exc:
            self.note.setText(self.tr("Your labels could not be saved: {0}").format(shown_error(exc, core_text)))
