"""The one place TensorFlow is imported, lazily, after the environment is set up.

The GUI paints its window before anything here is called; the first call imports
TensorFlow (seconds) with the settings applied first: quiet logs, the Keras backend,
and GPU memory growth so one app does not take a whole card it does not need.

Quiet start: TensorFlow's C++ start-up writes to the process's stderr whatever its log level
(absl's "before InitializeLog" line, cuInit errors, oneDNN notices), so while it imports and
finds its devices, file descriptor 2 is pointed at a temporary file; what it wrote is shown
only if the start fails, or always with `--verbose` (`ALEXNET_DESKTOP_VERBOSE=1`). A GPU
that is present but unusable is said once, in words, by `device_summary`.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
import tempfile
import threading
from typing import Any, Iterator

from alexnet_desktop.core.wording import Text, say

_lock = threading.Lock()
_tf: Any = None
_started = False
VERBOSE_ENV = "ALEXNET_DESKTOP_VERBOSE"
_startup_noise = ""  # what TensorFlow wrote while starting, kept for the device line's reason


def verbose() -> bool:
    """True when the user asked to see TensorFlow's own start-up messages (`--verbose`)."""
    return os.environ.get(VERBOSE_ENV) == "1"


@contextlib.contextmanager
def quiet_start() -> Iterator[None]:
    """Hold back what TensorFlow's C++ code writes to stderr in the block (shown if it fails)."""
    global _startup_noise
    if verbose():
        yield
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no stderr to redirect (a windowed app)
        yield
        return
    with tempfile.TemporaryFile() as held:
        os.dup2(held.fileno(), 2)
        failed = True
        try:
            yield
            failed = False
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            held.seek(0)
            text = held.read().decode("utf-8", "replace")
            _startup_noise += text
            if failed and text:
                sys.stderr.write(text)


def tensorflow() -> Any:
    """Import and return `tensorflow`, configured; later calls return the same module."""
    global _tf
    with _lock:
        if _tf is None:
            os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "0" if verbose() else "2")
            os.environ.setdefault("KERAS_BACKEND", "tensorflow")
            with quiet_start():
                tf = _import_tensorflow()
            # TensorFlow and Keras leave objects that live as long as the process; every full
            # collection walked them all, stopping every thread (the window's too). Frozen,
            # they are never walked again; nothing leaks, as these modules are never unloaded.
            gc.freeze()
            _tf = tf
        return _tf


def _import_tensorflow() -> Any:
    with _without_sklearn_wrappers():
        import tensorflow as tf

    for gpu in tf.config.list_physical_devices("GPU"):
        try:
            tf.config.experimental.set_memory_growth(gpu, True)
        except RuntimeError:
            pass  # already initialised by someone else: growth cannot change now
    importlib.import_module("keras")  # imported now so that it is frozen below with TensorFlow
    if not verbose():
        import absl.logging

        absl.logging.set_verbosity(absl.logging.ERROR)  # Keras's Python-side warnings on saving and loading
        tf.get_logger().setLevel("ERROR")
    return tf


@contextlib.contextmanager
def _without_sklearn_wrappers() -> Iterator[None]:
    """Import TensorFlow (and the Keras it loads) without scikit-learn.

    Keras imports scikit-learn, when installed, only for its `keras.wrappers` estimators, which
    the app never uses; that took a fifth of every command's start (benchmarks/NOTES.md). A None
    entry in `sys.modules` makes that import fail, which Keras expects; the entry is removed
    afterwards, so label checking imports scikit-learn as usual when it needs it."""
    if "sklearn" in sys.modules:  # already loaded by someone: nothing to save
        yield
        return
    sys.modules["sklearn"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if sys.modules.get("sklearn", 0) is None:
            del sys.modules["sklearn"]


def keras() -> Any:
    """Import and return `keras` (3.x) on the TensorFlow backend."""
    tensorflow()
    import keras as _keras

    return _keras


def is_loaded() -> bool:
    """True once TensorFlow has been imported by `tensorflow()`."""
    return _tf is not None


def start_runtime() -> Text:
    """Import TensorFlow and start its runtime from the calling thread; return the device line.

    The runtime (its devices and its compute thread pools) starts on the first call that needs
    it, and the pools' threads inherit the priority of the thread that made them. The window's
    device panel used to be that first call, on the GUI thread, so every training and
    prediction thread of TensorFlow ran at the window's own priority and competed with it for
    the cores (benchmark R5). The GUI calls this from its low-priority loader thread instead. Devices must be configured before this is called.
    """
    global _started
    tf = tensorflow()
    with quiet_start():
        tf.config.list_logical_devices()  # starts the runtime in this thread
    _started = True
    return device_summary()


def runtime_started() -> bool:
    """True once TensorFlow's runtime has started in this process, by anyone: from then on its
    devices, thread pools and collective ops can no longer be configured."""
    if _tf is None:
        return False
    from tensorflow.python.eager import context

    return context.context()._context_handle is not None


def is_started() -> bool:
    """True once `start_runtime` has run: TensorFlow's devices can be read without starting it."""
    return _started


def device_summary() -> Text:
    """One line that says what will train: the GPU(s) by name, or the CPU and why."""
    tf = tensorflow()
    gpus = tf.config.list_physical_devices("GPU")
    if gpus:
        names = []
        for g in gpus:
            try:
                names.append(tf.config.experimental.get_device_details(g).get("device_name", g.name))
            except Exception:
                names.append(g.name)
        return say("GPU: {0}", ", ".join(names))
    if nvidia_present():
        why = say("an NVIDIA GPU is present but TensorFlow cannot use it ({0}); run with --verbose for "
                  "TensorFlow's own messages", _gpu_reason())
    elif not tf.test.is_built_with_cuda():
        why = say("this TensorFlow build has no CUDA support")
    else:
        why = say("no NVIDIA GPU or driver was found")
    return say("CPU ({0} cores): {1}", os.cpu_count(), why)


def nvidia_present() -> bool:
    """True when this machine has an NVIDIA GPU with its driver loaded (Linux)."""
    return os.path.exists("/proc/driver/nvidia/version") or os.path.exists("/dev/nvidia0")


def _gpu_reason() -> str:
    """Why TensorFlow found no GPU, in words, from what it wrote while starting."""
    noise = _startup_noise
    if "cuInit" in noise:
        return say("the CUDA driver would not start")
    if "Cannot dlopen" in noise or "Could not find cuda" in noise or "Could not load dynamic library" in noise:
        return say("the CUDA libraries it needs are missing or of another version")
    return say("it reported no usable GPU")
