"""The Train page's "Cluster" group: train as one worker of several machines, as the CLI's
`--cluster HOST:PORT,... --worker-index N` does, for labs that never open a terminal."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QLineEdit, QSpinBox, QWidget

from alexnet_desktop.core.training.cluster import DEFAULT_TIMEOUT_S, ClusterSpec


class ClusterBox(QGroupBox):
    """Checked: Start runs this machine as worker N of the listed cluster (in a process of its own)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Train as one worker of a cluster (several machines)"))
        self.setCheckable(True)
        self.setChecked(False)
        self.setToolTip(self.tr("Start the same training on every machine, each with its own index; worker 0, the "
                                "chief, writes the run folder. Every machine needs the dataset at the same path or an "
                                "identical copy."))
        self.workers = QLineEdit()
        self.workers.setPlaceholderText("192.168.1.20:12345,192.168.1.21:12345")
        self.workers.setToolTip(self.tr("Every worker's address and port, the chief first, the same list on every machine"))
        self.index = QSpinBox()
        self.index.setRange(0, 999)
        self.index.setToolTip(self.tr("This machine's place in the list: 0 is the chief"))
        self.timeout = QDoubleSpinBox()
        self.timeout.setRange(1, 24 * 3600)
        self.timeout.setDecimals(0)
        self.timeout.setValue(DEFAULT_TIMEOUT_S)
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setToolTip(self.tr("How long to wait for the other machines before giving up"))
        form = QFormLayout(self)
        form.addRow(self.tr("Workers (HOST:PORT, chief first):"), self.workers)
        form.addRow(self.tr("This machine's index:"), self.index)
        form.addRow(self.tr("Wait for the others:"), self.timeout)

    def spec(self) -> ClusterSpec | None:
        """The cluster to join, None when unchecked; raises `ClusterError` for a bad list or index."""
        if not self.isChecked():
            return None
        return ClusterSpec.from_flags(self.workers.text(), self.index.value(), self.timeout.value())

    def set_spec(self, workers: str, index: int, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        """Fill the fields and check the group (for a test, or settings restored)."""
        self.workers.setText(workers)
        self.index.setValue(index)
        self.timeout.setValue(timeout_s)
        self.setChecked(True)
