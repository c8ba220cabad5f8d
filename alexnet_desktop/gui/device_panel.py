"""The Train page's device panel: what trains, and how busy it is."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from alexnet_desktop.core.training.devices import DeviceMonitor
from alexnet_desktop.core.wording import shown
from alexnet_desktop.gui.i18n import core_text
from alexnet_desktop.gui.widgets import scrolled


class DevicePanel(QGroupBox):
    """What trains and how busy it is: the run's device and strategy, then a reading per
    device (GPU memory and utilisation where the driver tells, this process's CPU and
    memory), refreshed every two seconds while it is on screen."""

    INTERVAL_MS = 2000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Device"))
        self.monitor = DeviceMonitor()
        self.device = QLabel(self.tr("Not training yet; the status bar names the device TensorFlow found."))
        self.device.setWordWrap(True)
        self.readings = QLabel("")
        self.readings.setWordWrap(True)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.device)
        inner.addWidget(self.readings)
        inner.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body))  # the page's lower part is short: scroll, never cut a line off
        self.timer = QTimer(self, interval=self.INTERVAL_MS, timeout=self.refresh)

    def set_device(self, text: str) -> None:
        """The run's device line (from `RunStarted`)."""
        self.device.setText(self.tr("<b>Training on:</b> {0}").format(shown(text, core_text)))

    def refresh(self) -> None:
        """Read every device now."""
        self.readings.setText("<br>".join(r.text(core_text) for r in self.monitor.readings()))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()
        self.timer.start()

    def hideEvent(self, event) -> None:
        self.timer.stop()
        super().hideEvent(event)
