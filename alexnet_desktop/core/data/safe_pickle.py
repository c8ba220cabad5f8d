"""Reading the pickled arrays that some datasets are distributed as, without running code.

A pickle can name any importable function and make the reader call it, so an ordinary
`pickle.load` of a downloaded file can run arbitrary code. CIFAR-10's python batches are
dicts of numbers, byte strings and numpy arrays; this reader accepts exactly the numpy
functions that rebuild an array and refuses every other global with `UnsafePickleError`.
"""

from __future__ import annotations

import io
import pickle
from typing import Any, BinaryIO

import numpy as np

from alexnet_desktop.core.wording import say



def _latin1_bytes(text: str, encoding: str = "latin1") -> bytes:
    # Protocol-2 pickles written by Python 3 spell a bytes object as _codecs.encode(str, "latin1").
    if not isinstance(text, str) or encoding not in ("latin1", "latin-1"):
        raise UnsafePickleError(say("refused: an unexpected _codecs.encode call"))
    return text.encode("latin1")


# (module, name) pairs a numpy array's pickle refers to, under numpy 1 and 2 module names.
_ALLOWED = {
    ("numpy", "ndarray"): np.ndarray,
    ("numpy", "dtype"): np.dtype,
    ("numpy.core.multiarray", "_reconstruct"): np._core.multiarray._reconstruct,
    ("numpy._core.multiarray", "_reconstruct"): np._core.multiarray._reconstruct,
    ("numpy.core.numeric", "_frombuffer"): np._core.numeric._frombuffer,
    ("numpy._core.numeric", "_frombuffer"): np._core.numeric._frombuffer,
    ("_codecs", "encode"): _latin1_bytes,
}


class UnsafePickleError(pickle.UnpicklingError):
    """The pickle refers to something other than plain data and numpy arrays."""


class _ArraysOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        try:
            return _ALLOWED[(module, name)]
        except KeyError:
            raise UnsafePickleError(
                say("refused: the file asks to load {0}.{1}, which a data file never needs", module, name)
            ) from None


# Values a data file may hold once its shared parts are counted as often as they are used:
# CIFAR-10's largest batch holds about 10,000 labels and names. A "billion laughs" pickle of
# lists holding themselves expands to 10^12 in a few kilobytes.
MAX_VALUES = 10_000_000


def _check(value: Any, where: str = "") -> None:
    """Refuse object arrays, structures that contain themselves and structures that would expand
    beyond MAX_VALUES; each object is walked once, however often it is shared."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        node, expanded = stack.pop()
        key = id(node)
        if isinstance(node, np.ndarray):
            # An object-dtype array holds arbitrary Python objects; the data sets never do.
            if node.dtype.hasobject:
                raise UnsafePickleError(say("{0}refused: an array of Python objects, not of numbers", where))
            continue
        if not isinstance(node, (dict, list, tuple)):
            continue
        if not expanded and sizes.get(key) == -1:
            # Still being walked, so it is inside itself: a cycle, which no data file holds and
            # which numpy would try to unroll without end.
            raise UnsafePickleError(say("{0}refused: a list or dict that contains itself, which a data file never holds",
                                        where))
        if key in sizes and not expanded:
            continue
        children = [c for kv in node.items() for c in kv] if isinstance(node, dict) else list(node)
        if not expanded:
            sizes[key] = -1  # being walked until its sizes are summed
            stack.append((node, True))
            stack.extend((c, False) for c in children if isinstance(c, (dict, list, tuple, np.ndarray)))
            continue
        total = len(children) + sum(max(sizes.get(id(c), 0), 0) for c in children)
        if total > MAX_VALUES:
            raise UnsafePickleError(say("{0}refused: its lists share themselves so as to expand to more than {1:,} "
                                        "values (a pickle bomb)", where, MAX_VALUES))
        sizes[key] = total


def load_arrays(data: bytes | BinaryIO, where: str = "") -> Any:
    """Unpickle `data` (bytes or a binary file) allowing only plain data and numpy arrays.

    Python 2 pickles (CIFAR-10's) are read with `encoding="bytes"`, so their str keys
    come back as bytes, as the CIFAR-10 page documents. `where` (the file) starts every
    refusal's message.
    """
    prefix = f"{where}: " if where else ""
    stream = io.BytesIO(data) if isinstance(data, (bytes, bytearray)) else data
    try:
        value = _ArraysOnly(stream, encoding="bytes").load()
    except UnsafePickleError as exc:
        raise UnsafePickleError(prefix + str(exc)) from None
    except RecursionError:
        raise UnsafePickleError(say("{0}refused: nested too deeply for a data file", prefix)) from None
    _check(value, prefix)
    return value
