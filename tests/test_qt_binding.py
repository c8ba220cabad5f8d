"""The Qt binding does not lose references to None in the calls pyqtgraph makes on every redraw.

PySide6 6.12.0 did (one per QGraphicsItem.update() and per Python paint()): the live
curves made thousands such calls a minute and the app aborted with "none_dealloc". The
project pins it out; this test keeps a future version from bringing it back.
"""

from __future__ import annotations

import gc
import sys

import numpy as np
import pyqtgraph as pg


def _none_refs_lost(call, n=500) -> int:
    call()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(n):
        call()
    gc.collect()
    return before - sys.getrefcount(None)


def test_redrawing_a_curve_keeps_every_reference_to_none(qtbot):
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.show()
    item = plot.plot(np.arange(100.0), np.arange(100.0))
    rng = np.random.default_rng(0)
    # A cache may hold a few more; a binding that drops them loses one or more per call.
    assert _none_refs_lost(lambda: item.setData(np.arange(100.0), rng.random(100))) < 50
    assert _none_refs_lost(plot.grab, n=100) < 20
