"""The main window: Data, Model, Train, Predict and Plugins pages over one shared state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget

from alexnet_desktop import __version__
from alexnet_desktop.core import tf_runtime
from alexnet_desktop.core.threads import lower_priority
from alexnet_desktop.core.wording import shown
from alexnet_desktop.core.data.loading import DEMO_LOADER
from alexnet_desktop.gui.data_page import DataPage
from alexnet_desktop.gui.desktop import SHORTCUTS, RecentList, about_html, app_icon
from alexnet_desktop.gui.evaluate_page import EvaluatePage
from alexnet_desktop.gui.model_page import ModelPage
from alexnet_desktop.gui.plugins_page import PluginsPage
from alexnet_desktop.gui.predict_page import PredictPage
from alexnet_desktop.gui.runs_watcher import RunsWatcher
from alexnet_desktop.gui.runs_page import RunsPage
from alexnet_desktop.gui import i18n, theme
from alexnet_desktop.gui.i18n import core_text, tr
from alexnet_desktop.gui.state import AppState
from alexnet_desktop.gui.train_page import TrainPage
from alexnet_desktop.gui.worker import JobRunner

# The demo trains at 128 px: its images are 128 px, and AlexNet runs several times faster
# there than at 227 px, so the demo takes minutes on a CPU.
DEMO_SETTINGS = {"image_size": 128, "epochs": 10, "batch_size": 32}


class _TensorFlowLoader(QObject):
    loaded = Signal(object)  # the device line: a core Text, translated where it is shown

    @Slot()
    def run(self) -> None:
        # TensorFlow's thread pools start from this thread and inherit its lower priority.
        lower_priority()
        try:
            text = tf_runtime.start_runtime()
        except Exception as exc:  # a broken TensorFlow install must not take the window down
            text = self.tr("TensorFlow could not be loaded: {0}").format(exc)
        self.loaded.emit(text)
        self.thread().quit()


class MainWindow(QMainWindow):
    """The application window. TensorFlow loads in the background after it appears."""

    # The user chose another language: the app closes this window and opens one in it.
    reopen_requested = Signal()

    def __init__(self, state: AppState, *, first_launch_demo: bool = True) -> None:
        super().__init__()
        self.state = state
        self.runs_watcher = RunsWatcher(state, self)  # every model list follows the runs folder on disk
        # False once a signal (SIGTERM, Ctrl-C in the terminal) closes the app: nobody may be
        # there to answer "Stop it and quit?", so training stops as if they had said yes.
        self.ask_before_quitting = True
        self.setWindowTitle(f"AlexNet Desktop {__version__}")
        self.tabs = QTabWidget()
        self.data_page = DataPage(state)
        self.model_page = ModelPage(state)
        self.train_page = TrainPage(state)
        self.runs_page = RunsPage(state, is_training=self.train_page.is_training)
        self.runs_page.resume_requested.connect(self._resume_run)
        self.train_page.job_ended.connect(self.runs_page.refresh)
        self.evaluate_page = EvaluatePage(state)
        # A run that finishes is evaluated on its validation images: show that at once.
        self.train_page.evaluated.connect(self.evaluate_page.show_evaluation)
        self.predict_page = PredictPage(state)
        self.plugins_page = PluginsPage(state)
        for page, title, tip in (
            (self.data_page, self.tr("Data"), self.tr("Choose and check the images to train on")),
            (self.model_page, self.tr("Model"), self.tr("Choose the network and its training settings")),
            (self.train_page, self.tr("Train"), self.tr("Train and watch the curves")),
            (self.runs_page, self.tr("Runs"), self.tr("Every run: resume, delete, compare curves")),
            (self.evaluate_page, self.tr("Evaluate"),
             self.tr("Confusion matrix, per-class figures and the images behind them")),
            (self.predict_page, self.tr("Predict"), self.tr("Label a folder of images with a trained model")),
            (self.plugins_page, self.tr("Plugins"), self.tr("Installed plugins, and any that failed")),
        ):
            self.tabs.addTab(page, title)
            self.tabs.setTabToolTip(self.tabs.count() - 1, tip)
        self.setCentralWidget(self.tabs)
        self._show_plugin_failures()
        # A plugin can also fail later, inside its loader or architecture, in any page's job.
        for runner in self.findChildren(JobRunner):
            runner.failed.connect(self._show_plugin_failures)
        self.device_text: object = None  # what TensorFlow found (see show_device)
        self.device_label = QLabel(self.tr("Loading TensorFlow…"))
        self.statusBar().addPermanentWidget(self.device_label)
        self.resize(1200, 800)
        self._tf_thread: QThread | None = None
        self._load_tf_when_painted = False
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.recent_datasets, self.recent_models = RecentList("datasets"), RecentList("models")
        self.data_page.scan_finished.connect(self._remember_dataset)
        self.data_page.prediction_input.connect(self._offer_to_predict)
        self.predict_page.model_file_chosen.connect(self.recent_models.add)
        self.predict_page.retrain_requested.connect(self._retrain)
        # Predicting again with the retrained model: back to the page whose images it labels.
        self.predict_page.retrainer.predict_again.connect(lambda _run: self.tabs.setCurrentWidget(self.predict_page))
        self.train_page.run_finished.connect(self.predict_page.run_finished)
        self._build_menus()
        theme.apply(QApplication.instance(), self)
        QApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        self._restore_window()
        if first_launch_demo:
            QTimer.singleShot(0, self._choose_initial_dataset)

    # ---- menus, recent files, drops, window state ----------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("Open &dataset folder…"), "Ctrl+O", self.data_page.ask_folder,
                     self.tr("Choose a folder of images to train on"))
        self.recent_datasets_menu = file_menu.addMenu(self.tr("Recent datasets"))
        self._action(file_menu, self.tr("Open &model…"), "Ctrl+Shift+O", self._open_model,
                     self.tr("Choose a .keras model to predict with"))
        self.recent_models_menu = file_menu.addMenu(self.tr("Recent models"))
        file_menu.aboutToShow.connect(self._fill_recent_menus)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), "Ctrl+Q", self.close, self.tr("Close the app"))
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        appearance = view_menu.addMenu(self.tr("Appearance"))
        group = QActionGroup(self)
        self.theme_actions = {}
        for choice, text, tip in (("system", self.tr("As the system"), self.tr("Light or dark, as the desktop is")),
                                  ("light", self.tr("Light"), self.tr("Always light")),
                                  ("dark", self.tr("Dark"), self.tr("Always dark"))):
            action = self._action(appearance, text, None, lambda _=False, c=choice: self.set_theme(c), tip)
            action.setCheckable(True)
            action.setChecked(choice == theme.chosen())
            group.addAction(action)
            self.theme_actions[choice] = action
        language_menu = view_menu.addMenu(self.tr("Language"))
        group = QActionGroup(self)
        self.language_actions = {}
        for choice, name in i18n.CHOICES:
            text = name or self.tr("As the system")
            action = self._action(language_menu, text, None, lambda _=False, c=choice: self.set_language(c),
                                  self.tr("The language of the app's windows"))
            action.setCheckable(True)
            action.setChecked(choice == i18n.chosen())
            group.addAction(action)
            self.language_actions[choice] = action
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for i in range(self.tabs.count()):
            self._action(go_menu, self.tabs.tabText(i).split(" (")[0], f"Ctrl+{i + 1}",
                         lambda _=False, i=i: self.tabs.setCurrentIndex(i), self.tabs.tabToolTip(i))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), "F1", self.show_shortcuts,
                     self.tr("Every keyboard shortcut of the app"))
        self._action(help_menu, self.tr("&About AlexNet Desktop"), None, self.show_about,
                     self.tr("Versions, and the device training runs on"))

    def set_theme(self, choice: str) -> None:
        """Light, dark, or as the system (remembered)."""
        theme.save_choice(choice)
        self.theme_actions[choice].setChecked(True)
        theme.apply(QApplication.instance(), self)

    def set_language(self, choice: str, *, ask: bool = True) -> None:
        """Remember the language choice; when it changes what is shown, offer to reopen the
        window in it now (Qt widgets take their text when they are built)."""
        i18n.save_choice(choice)
        self.language_actions[choice].setChecked(True)
        if i18n.language_for(choice) == i18n.current():
            return
        if ask:
            answer = QMessageBox.question(
                self, self.tr("Language"),
                self.tr("Reopen the window in the new language now? The dataset and settings stay chosen; "
                        "prediction results on screen are cleared (exported files are kept). "
                        "Otherwise it applies from the next start."))
            if answer != QMessageBox.Yes:
                return
        self.reopen_requested.emit()

    def _system_scheme_changed(self, *_) -> None:
        if theme.chosen() == "system":
            theme.apply(QApplication.instance(), self)

    def _action(self, menu, text: str, keys: str | None, slot, tip: str) -> QAction:
        action = menu.addAction(text)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _fill_recent_menus(self) -> None:
        for menu, recent, use in ((self.recent_datasets_menu, self.recent_datasets, self.data_page.choose_folder),
                                  (self.recent_models_menu, self.recent_models, self.open_model)):
            menu.clear()
            items = recent.items()
            for path in items:
                action = menu.addAction(str(path))
                action.triggered.connect(lambda _=False, p=path, use=use: use(p))
            menu.setEnabled(bool(items))

    def _remember_dataset(self, _report=None) -> None:
        if self.state.data_path is not None and self.state.loader_id != DEMO_LOADER:
            self.recent_datasets.add(self.state.data_path)

    def _open_model(self) -> None:
        self.tabs.setCurrentWidget(self.predict_page)
        self.predict_page.choose_model_file()

    def open_model(self, path: Path) -> None:
        """Offer a .keras file (or a run folder) on the Predict page and show the page."""
        self.tabs.setCurrentWidget(self.predict_page)
        if Path(path).is_dir():
            self.predict_page.use_run(Path(path))
        else:
            self.predict_page.use_model_file(Path(path))

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        """A dropped folder becomes the dataset (a run folder, the model to predict with);
        a dropped .keras file becomes the model. Anything else is refused with why."""
        for url in event.mimeData().urls():
            if self.open_any(Path(url.toLocalFile())):
                event.acceptProposedAction()
                return

    def _offer_to_predict(self, folder: Path) -> None:
        """A folder of unlabelled images chosen as a dataset: ready on the Predict page, unless
        the user has typed another folder there."""
        if not self.predict_page.folder_edit.text().strip():
            self.predict_page.folder_edit.setText(str(folder))

    def open_any(self, path: Path) -> bool:
        """Open a dropped or command-line path for what it is: a run folder as the model to
        predict with, another folder as the dataset, a .keras file as a model. Anything
        else is refused in the status bar; returns whether it was opened."""
        path = Path(path)
        if path.is_dir() and (path / "run.json").is_file():
            self.open_model(path)
        elif path.is_dir():
            self.tabs.setCurrentWidget(self.data_page)
            self.data_page.choose_folder(path)
        elif path.suffix.lower() == ".keras" and path.is_file():
            self.open_model(path)
        else:
            self.statusBar().showMessage(
                self.tr("{0}: drop a folder of images, a run folder or a .keras model").format(path.name), 10000)
            return False
        return True

    def show_shortcuts(self) -> None:
        """The Help menu's list of keyboard shortcuts."""
        rows = "".join(f"<tr><td><b>{tr('Shortcuts', k)}</b></td><td>{tr('Shortcuts', w)}</td></tr>"
                       for k, w in SHORTCUTS)
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), f"<table cellspacing='6'>{rows}</table>")

    def show_about(self) -> None:
        """Versions, and the device training runs on."""
        QMessageBox.about(self, self.tr("About AlexNet Desktop"), about_html(self.device_label.text()))

    def _restore_window(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        self.tabs.setCurrentIndex(int(settings.value("window/tab", 0) or 0))

    def _save_window(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/tab", self.tabs.currentIndex())

    def _show_plugin_failures(self, *_) -> None:
        failed = len(self.state.host.failures)
        self.tabs.setTabText(self.tabs.indexOf(self.plugins_page), self.tr("Plugins ({0} failed)").format(failed) if failed else self.tr("Plugins"))
        self.plugins_page.refresh()

    def _resume_run(self, run_dir, more_epochs: int, learning_rate, unlabelled=None) -> None:
        self.tabs.setCurrentWidget(self.train_page)
        self.train_page.resume_run(run_dir, more_epochs, learning_rate, unlabelled)

    def _retrain(self, config) -> None:
        """The Predict page's retrain: its run starts on the Train page, which is shown."""
        self.tabs.setCurrentWidget(self.train_page)
        if not self.train_page.start_config(config):
            QMessageBox.warning(self, self.tr("Not retrained"), self.tr(
                "A run is training: retrain with your corrections when it ends (they are kept)."))

    def load_tensorflow_when_painted(self) -> None:
        """Start loading TensorFlow right after the window's first paint. Its import is
        seconds of Python holding the interpreter lock; begun any earlier, it delays the
        first paint by about half a second (benchmarks, R6)."""
        self._load_tf_when_painted = True

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._load_tf_when_painted:
            self._load_tf_when_painted = False
            QTimer.singleShot(0, self.start_tensorflow_loading)

    def start_tensorflow_loading(self) -> None:
        """Import TensorFlow in a background thread; the status bar then names the device."""
        if self._tf_thread is not None or not self.isVisible():
            return  # a window closed before its first paint's timer fired would leave the thread running
        self._tf_thread = QThread(self)
        self._tf_loader = _TensorFlowLoader()
        self._tf_loader.moveToThread(self._tf_thread)
        self._tf_thread.started.connect(self._tf_loader.run)
        self._tf_loader.loaded.connect(self.show_device)
        self._tf_thread.start()

    def show_device(self, text: object) -> None:
        """Name the training device in the status bar, in the window's language."""
        self.device_text = text
        full = shown(text, core_text)
        self.device_label.setText(full)
        self.device_label.setToolTip(full)
        # The status bar squeezes a permanent widget to its size hint's minimum: keep the whole name.
        self.device_label.setMinimumWidth(min(self.device_label.fontMetrics().horizontalAdvance(full) + 12, 900))

    def take_over_from(self, old: "MainWindow") -> None:
        """Carry on where `old` (the same state, another language) left off: its dataset,
        re-scanned for the pages to show, its page, and the device TensorFlow found."""
        self.tabs.setCurrentIndex(old.tabs.currentIndex())
        if old.device_text is not None:
            self.show_device(old.device_text)
        if self.state.data_path is not None:
            self.data_page.choose_folder(self.state.data_path, self.state.loader_id)
        # The Predict page's model (a model file included), folder and options.
        new, was = self.predict_page, old.predict_page
        new._given_names.update(was._given_names)
        for i in range(was.model_combo.count()):
            if new.model_combo.findData(was.model_combo.itemData(i)) < 0:
                new.model_combo.addItem(was.model_combo.itemText(i), was.model_combo.itemData(i))
        new.model_combo.setCurrentIndex(new.model_combo.findData(was.model_combo.currentData()))
        new.folder_edit.setText(was.folder_edit.text())
        new.recursive.setChecked(was.recursive.isChecked())
        new.threshold.setValue(was.threshold.value())

    def _choose_initial_dataset(self) -> None:
        settings = QSettings()
        last = settings.value("data/last_path", "", str)
        last_loader = settings.value("data/last_loader", "", str)
        # The demo is always re-chosen through its own branch: it lives in *this* workspace
        # and trains with the demo settings.
        if last and last_loader != DEMO_LOADER and Path(last).is_dir() and last_loader in self.state.host.loaders:
            self.data_page.choose_folder(Path(last), last_loader)
            return
        if DEMO_LOADER in self.state.host.loaders:
            for key, value in DEMO_SETTINGS.items():
                setattr(self.state.settings, key, value)
            self.model_page.load_settings()
            self.data_page.use_demo()
            self.statusBar().showMessage(self.tr("The demo dataset is chosen: press Start training on the Train page."), 15000)

    def closeEvent(self, event) -> None:
        """Ask before quitting during training; stop every job and wait for its thread."""
        if self.train_page.is_training() and self.ask_before_quitting:
            answer = QMessageBox.question(
                self, self.tr("Training is running"),
                self.tr("A training run is in progress. Stop it and quit? The best model so far is kept."),
            )
            if answer != QMessageBox.Yes:
                event.ignore()
                return
        self._save_window()
        if self.state.data_path is not None:
            settings = QSettings()
            settings.setValue("data/last_path", str(self.state.data_path))
            settings.setValue("data/last_loader", self.state.loader_id or "")
        self.data_page.shutdown()
        self.model_page.shutdown()
        runners = self.findChildren(JobRunner)  # every page's, whatever pages come to have
        for runner in runners:
            runner.request_stop()  # a sort stops between files, every file whole
        for runner in runners:
            runner.wait()
        self.predict_page.shutdown()
        self.evaluate_page.shutdown()
        if self._tf_thread is not None:
            self._tf_thread.wait()
        super().closeEvent(event)
