"""Where a run trains: the distribution strategy, mixed precision, and live device readings.

The paper split AlexNet over two GPUs by hand; here every visible GPU trains a copy of
the model on its share of each batch (`tf.distribute.MirroredStrategy`), and a lab with
several machines gives each one a `TF_CONFIG` for `MultiWorkerMirroredStrategy`.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any

from alexnet_desktop.core.tf_runtime import keras, tensorflow
from alexnet_desktop.core.wording import Translate, same, say, shown

MIXED_PRECISION_CHOICES = ("auto", "on", "off")
# Tensor cores arrived with Volta (compute capability 7.0); older cards run float16 no faster.
MIXED_PRECISION_MIN_CAPABILITY = (7, 0)


@dataclass
class TrainingRuntime:
    """The strategy a run builds and fits its model under, and what it says about it."""

    strategy: Any
    description: str
    replicas: int
    mixed_precision: bool


def _normalise(name: str) -> str:
    """"/cpu:0", "CPU:0", "/device:GPU:1" -> "CPU:0", "GPU:1"."""
    return name.strip().upper().replace("/DEVICE:", "").lstrip("/")


def training_runtime(devices: list[str] | tuple[str, ...] = (), mixed_precision: str = "auto") -> TrainingRuntime:
    """Choose the strategy for `devices` (empty: every GPU, else the CPU).

    In a process started as a worker of a cluster (`core.cluster.start_cluster`), the run
    uses the cluster's `MultiWorkerMirroredStrategy`; with several devices (or several GPUs), a
    `MirroredStrategy` over them; otherwise the default strategy on the one device.
    """
    if mixed_precision not in MIXED_PRECISION_CHOICES:
        raise ValueError(say("mixed precision must be one of {0}, not {1!r}", ", ".join(MIXED_PRECISION_CHOICES), mixed_precision))
    tf = tensorflow()
    logical = {_normalise(d.name): d.name for d in tf.config.list_logical_devices()}
    chosen = []
    for name in devices:
        key = _normalise(name)
        if key not in logical:
            raise ValueError(say("no device {0!r} on this machine (there are: {1})", name, ", ".join(sorted(logical))))
        chosen.append(logical[key])
    gpus = [d for d in chosen if "GPU" in _normalise(d)] if chosen else [
        d.name for d in tf.config.list_logical_devices("GPU")
    ]

    from alexnet_desktop.core.training.cluster import active_cluster

    cluster = active_cluster()
    if cluster is not None:
        strategy = cluster.strategy
        description = say("MultiWorkerMirroredStrategy, {0}", cluster.spec.describe())
    elif os.environ.get("TF_CONFIG"):
        # Too late to join a cluster here: TensorFlow has already started in this process.
        raise ValueError(say("TF_CONFIG is set, but this worker was not started as one: start training with "
                             "`alexnet-desktop train` (or the Train page's cluster settings), which joins the cluster first"))
    elif len(chosen) > 1 or (not chosen and len(gpus) > 1):
        strategy = tf.distribute.MirroredStrategy(chosen or gpus)
        description = say("MirroredStrategy over {0}", ", ".join(_normalise(d) for d in (chosen or gpus)))
    elif len(chosen) == 1:
        strategy = tf.distribute.OneDeviceStrategy(chosen[0])
        description = say("one device: {0}", _normalise(chosen[0]))
    else:
        strategy = tf.distribute.get_strategy()
        description = say("one device: {0}", _normalise(gpus[0]) if gpus else "CPU:0")

    if mixed_precision == "auto":
        use_mixed = bool(gpus) and all(_capability(tf, g) >= MIXED_PRECISION_MIN_CAPABILITY for g in gpus)
    else:
        use_mixed = mixed_precision == "on"
    if use_mixed:
        description = say("{0}, mixed precision (float16 compute, float32 weights)", description)
    return TrainingRuntime(strategy, description, int(strategy.num_replicas_in_sync), use_mixed)


def _capability(tf: Any, logical_gpu: str) -> tuple[int, int]:
    index = int(_normalise(logical_gpu).split(":")[-1])
    physical = tf.config.list_physical_devices("GPU")
    if index >= len(physical):
        return (0, 0)
    try:
        return tuple(tf.config.experimental.get_device_details(physical[index]).get("compute_capability", (0, 0)))
    except Exception:
        return (0, 0)


class precision_policy:
    """Context manager: the Keras dtype policy for building and training one run, restored after."""

    def __init__(self, mixed: bool) -> None:
        self.mixed = mixed

    def __enter__(self) -> None:
        k = keras()
        self._previous = k.config.dtype_policy()
        k.config.set_dtype_policy("mixed_float16" if self.mixed else "float32")

    def __exit__(self, *exc: Any) -> None:
        keras().config.set_dtype_policy(self._previous)


@dataclass
class DeviceReading:
    """One device's state for the device panel; None where the driver does not say."""

    name: str
    kind: str  # "GPU" or "CPU"
    memory_used: int | None = None  # bytes
    memory_total: int | None = None
    utilisation: float | None = None  # percent

    def text(self, tr: Translate = same) -> str:
        """One line, e.g. "GPU 0 NVIDIA H100: 12.3 of 80.0 GiB, 97 % busy"."""
        parts = []
        if self.memory_used is not None:
            gib = self.memory_used / 2**30
            parts.append(tr("{0:.1f} of {1:.1f} GiB").format(gib, self.memory_total / 2**30) if self.memory_total
                         else tr("{0:.2f} GiB in use").format(gib))
        if self.utilisation is not None:
            parts.append(tr("{0:.0f} % busy").format(self.utilisation))
        name = shown(self.name, tr)  # the CPU's is a sentence, a GPU's is the card's model
        return f"{name}: {', '.join(parts)}" if parts else name


class DeviceMonitor:
    """Reads what each device is doing, cheaply enough to poll every second or two.

    NVIDIA GPUs are read through NVML (the `nvidia-ml-py` package, the library nvidia-smi
    itself uses) when it is installed; otherwise through TensorFlow's allocator, which
    knows the memory this process holds but not the utilisation. The CPU reading is this
    process's CPU time over wall time, and its resident memory.
    """

    def __init__(self) -> None:
        self._nvml: Any = None
        try:
            import pynvml

            pynvml.nvmlInit()
            self._nvml = pynvml
        except Exception:  # not installed, or no driver: fall back quietly
            self._nvml = None
        self._last = (time.monotonic(), sum(os.times()[:2]))

    def readings(self) -> list[DeviceReading]:
        """Every GPU, then this process on the CPU."""
        out = self._gpu_readings()
        now, cpu = time.monotonic(), sum(os.times()[:2])
        busy = 100.0 * (cpu - self._last[1]) / max(now - self._last[0], 1e-6)
        self._last = (now, cpu)
        out.append(DeviceReading(say("CPU ({0} cores), this process", os.cpu_count()), "CPU", _resident_bytes(), None, busy))
        return out

    def _gpu_readings(self) -> list[DeviceReading]:
        if self._nvml is not None:
            nv = self._nvml
            out = []
            try:
                for i in range(nv.nvmlDeviceGetCount()):
                    h = nv.nvmlDeviceGetHandleByIndex(i)
                    name = nv.nvmlDeviceGetName(h)
                    name = name.decode() if isinstance(name, bytes) else name
                    mem = nv.nvmlDeviceGetMemoryInfo(h)
                    util = nv.nvmlDeviceGetUtilizationRates(h).gpu
                    out.append(DeviceReading(f"GPU {i} {name}", "GPU", int(mem.used), int(mem.total), float(util)))
                return out
            except Exception:
                pass
        from alexnet_desktop.core import tf_runtime

        if not tf_runtime.is_started():
            # Never import TensorFlow, or start its runtime, just to poll: started here, on the
            # GUI thread, its compute threads would run at the window's priority.
            return []
        tf = tensorflow()
        out = []
        for i, gpu in enumerate(tf.config.list_logical_devices("GPU")):
            try:
                used = int(tf.config.experimental.get_memory_info(f"GPU:{i}")["current"])
            except Exception:
                used = None
            out.append(DeviceReading(f"GPU {i}", "GPU", used))
        return out


def _resident_bytes() -> int | None:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        try:
            import resource

            return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024
        except Exception:
            return None
