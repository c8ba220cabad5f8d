"""Background threads that yield the CPU to the window.

A desktop app on a 2-core machine runs TensorFlow, decoding and the GUI on the same cores.
Work threads lower their own scheduling priority (Linux `nice` applies per thread, and the
threads they start, such as TensorFlow's pools and decode pools, inherit it), so the GUI
thread is scheduled first when it wakes: the window keeps answering during training and
prediction, at almost no cost to them (it sleeps most of the time).
"""

from __future__ import annotations

import os
import threading

# nice 10 gives a thread about a tenth of the CPU weight of a normal one when both are ready.
BACKGROUND_NICENESS = 10


def lower_priority(niceness: int = BACKGROUND_NICENESS) -> bool:
    """Lower the calling thread's priority (and that of threads it starts); False where the
    platform does not allow it (priorities are then left alone)."""
    try:
        tid = threading.get_native_id()
        current = os.getpriority(os.PRIO_PROCESS, tid)
        if current < niceness:
            os.setpriority(os.PRIO_PROCESS, tid, niceness)
        return True
    except (AttributeError, OSError):
        return False
