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


def _check(value: Any) -> None:
    # An object-dtype array holds arbitrary Python objects; the data sets never do.
    if isinstance(value, np.ndarray) and value.dtype.hasobject:
        raise UnsafePickleError(say("refused: an array of Python objects, not of numbers"))
    if isinstance(value, dict):
        for k, v in value.items():
            _check(k)
            _check(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _check(v)


def load_arrays(data: bytes | BinaryIO) -> Any:
    """Unpickle `data` (bytes or a binary file) allowing only plain data and numpy arrays.

    Python 2 pickles (CIFAR-10's) are read with `encoding="bytes"`, so their str keys
    come back as bytes, as the CIFAR-10 page documents.
    """
    stream = io.BytesIO(data) if isinstance(data, (bytes, bytearray)) else data
    value = _ArraysOnly(stream, encoding="bytes").load()
    _check(value)
    return value
