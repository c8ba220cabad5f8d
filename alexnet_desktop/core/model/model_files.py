"""Loading model files without running code that came with them.

A model file is data from someone else's machine. The app loads only the `.keras` format,
and before Keras sees it the archive is checked here: it must be a whole zip with a
`config.json`, and every object that config names must come from Keras, from this app,
or from a layer an installed plugin registered. A `Lambda` layer (marshalled Python
bytecode) or a function or class from any other module is refused, whatever Keras's own
`safe_mode` (always on as well) would have done with it: the check does not depend on the
Keras version. Legacy `.h5` and pickled models are refused by name, because loading them
can run code.

The run folder records a SHA-256 of every model the app saves (`RunFolder.accepted_hashes`);
a model whose bytes no longer match is refused before loading (`ModelChangedError`) unless
the caller explicitly allows it.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any, Iterable

from alexnet_desktop.core.tf_runtime import keras as _keras
from alexnet_desktop.core.files import sha256_file
from alexnet_desktop.core.wording import plain, say

# What each refused kind of file is, and why it is not loaded.
REFUSED_SUFFIXES = {
    ".h5": "a legacy HDF5 Keras model: the format can carry Lambda code that runs on loading",
    ".hdf5": "a legacy HDF5 Keras model: the format can carry Lambda code that runs on loading",
    ".pkl": "a Python pickle: loading a pickle can run any code",
    ".pickle": "a Python pickle: loading a pickle can run any code",
    ".joblib": "a joblib pickle: loading a pickle can run any code",
    ".pt": "a PyTorch file (a pickle): loading it can run any code",
    ".pth": "a PyTorch file (a pickle): loading it can run any code",
    ".npy": "a NumPy array file, not a model",
    ".pb": "a TensorFlow graph, not a Keras model; load the .keras file of the run",
}
# Modules whose objects a config may name. Plugins' own layers are added at load time: those
# their architectures declare, and those in Keras's registry of serialisable objects.
TRUSTED_MODULES = ("keras", "alexnet_desktop", "alexnet_desktop_plugins")
# Keras's markers for plain data inside a config (tensors, arrays, slices); "__lambda__",
# marshalled bytecode, is not among them.
DATA_MARKERS = frozenset({"__keras_tensor__", "__tensor__", "__numpy__", "__bytes__", "__ellipsis__",
                          "__slice__", "__typespec__"})
CONFIG_LIMIT = 64 * 1024 * 1024  # a model config is kilobytes; refuse a "config" bomb
# Keras stores the weights uncompressed (floats barely compress anyway): a member that
# unpacks to many times its stored size, beyond a few megabytes, is a zip bomb, not weights.
MAX_EXPANSION = 20
EXPANSION_FLOOR = 64 * 1024 * 1024
MAX_UNPACKED = 4 * 1024**3  # all members together; AlexNet with its optimizer state is under 1 GB


class UnsafeModelError(ValueError):
    """A model file the app will not load, with the file and the reason."""


class ModelChangedError(UnsafeModelError):
    """A model whose bytes differ from the SHA-256 the app recorded when it saved it."""




def loadable_layer_classes() -> set[type]:
    """The custom layer classes a model may hold and still be loaded: those plugins declare and
    those registered with Keras (the app's shared blocks among them)."""
    import alexnet_desktop.core.model.layers  # noqa: F401  (registers the shared blocks with Keras)
    from alexnet_desktop.core.plugins import declared_layers

    registered = {obj for obj in _keras().saving.get_custom_objects().values() if isinstance(obj, type)}
    return set(declared_layers()) | registered


def model_custom_objects(config: Any) -> dict[str, type]:
    """The custom layers to hand Keras for a model, under the names it saves them by: the app's
    shared blocks (`core/model/layers.py`) and each architecture plugin's declared
    `custom_layers`. Passed explicitly, so a model reopens in a process that never built one.

    With the model's `config`, each name goes to the class of the module the config names:
    two plugins may each have a layer called `Scale`, and Keras looks layers up by name only."""
    import alexnet_desktop.core.model.layers  # noqa: F401  (registers the shared blocks with Keras)
    from alexnet_desktop.core.plugins import declared_layers

    by_origin = {(layer.__module__, layer.__name__): layer for layer in declared_layers()}
    objects: dict[str, type] = {}
    for module, class_name, registered in _named_classes(config):
        layer = by_origin.get((module, class_name))
        if layer is None:
            continue
        name = registered or class_name
        if objects.get(name, layer) is not layer:
            raise UnsafeModelError(say("it holds two different layers named {0} (from {1} and {2}); Keras cannot "
                                       "tell them apart", name, objects[name].__module__, module))
        objects[name] = layer
    return objects


def _named_classes(node: Any):
    """(module, class_name, registered_name) of every object a model config names."""
    if isinstance(node, list):
        for item in node:
            yield from _named_classes(item)
    elif isinstance(node, dict):
        if isinstance(node.get("class_name"), str) and isinstance(node.get("module"), str):
            yield node["module"], node["class_name"], node.get("registered_name")
        for value in node.values():
            yield from _named_classes(value)


def _trusted_modules() -> tuple[str, ...]:
    # The modules of the classes and functions plugins registered or declared; never
    # Python's own (builtins, os...), whatever was registered.
    from alexnet_desktop.core.plugins import declared_layers

    registered = {getattr(obj, "__module__", None) for obj in _keras().saving.get_custom_objects().values()
                  if isinstance(obj, type) or callable(obj)}
    registered |= {layer.__module__ for layer in declared_layers()}
    return TRUSTED_MODULES + tuple(sorted(m for m in registered
                                          if m and m.split(".")[0] not in sys.stdlib_module_names))


def _is_trusted(module: str, trusted: Iterable[str]) -> bool:
    return any(module == t or module.startswith(t + ".") for t in trusted)


def _walk(node: Any, trusted: tuple[str, ...], where: str = "config") -> None:
    if isinstance(node, list):
        for i, item in enumerate(node):
            _walk(item, trusted, f"{where}[{i}]")
        return
    if not isinstance(node, dict):
        return
    class_name = node.get("class_name")
    if isinstance(class_name, str):
        if class_name == "Lambda":
            raise UnsafeModelError(say("it contains a Lambda layer ({0}): Python code that would run on loading", where))
        if class_name.startswith("__") and class_name not in DATA_MARKERS:  # "__lambda__": bytecode
            raise UnsafeModelError(say("it contains serialised Python code ({0} at {1})", class_name, where))
    module = node.get("module")
    if module is not None and (not isinstance(module, str) or not _is_trusted(module, trusted)):
        raise UnsafeModelError(
            say("it asks for {0!r} from the module {1!r} ({2}); only Keras, this app and installed plugins may "
                "provide a model's parts, and a plugin's own layer must be declared on its Architecture "
                "(custom_layers)", class_name, module, where)
        )
    for key, value in node.items():
        _walk(value, trusted, f"{where}.{key}")


def check_keras_archive(path: str | Path) -> Any:
    """Refuse (UnsafeModelError) a `.keras` file that is damaged or names code from outside
    Keras, this app and the installed plugins; read without loading anything. Returns its config."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            for name in names:
                p = PurePosixPath(name)
                if p.is_absolute() or ".." in p.parts:
                    raise UnsafeModelError(say("{0}: the archive holds a file outside itself ({1!r})", path, name))
            unpacked = 0
            for info in archive.infolist():
                unpacked += info.file_size
                if info.file_size > EXPANSION_FLOOR and info.file_size > MAX_EXPANSION * max(1, info.compress_size):
                    raise UnsafeModelError(say("{0}: {1} unpacks from {2:,} to {3:,} MB, a zip bomb, not a model's weights",
                                               path, info.filename, info.compress_size // 1_000_000 or 1,
                                               info.file_size // 1_000_000))
            if unpacked > MAX_UNPACKED:
                raise UnsafeModelError(say("{0}: unpacks to {1:,} MB, beyond any model this app can train", path,
                                           unpacked // 1_000_000))
            if "config.json" not in names:
                raise UnsafeModelError(say("{0}: not a Keras model archive (no config.json inside)", path))
            info = archive.getinfo("config.json")
            if info.file_size > CONFIG_LIMIT:
                raise UnsafeModelError(say("{0}: its config.json is {1:,} bytes, far beyond any model's", path, info.file_size))
            # Not archive.testzip(): it reads every weight once more (hundreds of MB for
            # AlexNet) only to repeat the checksums Keras's own reading verifies anyway.
            config = json.loads(archive.read("config.json").decode("utf-8"))
    except UnsafeModelError:
        raise
    except (zipfile.BadZipFile, EOFError) as exc:
        raise UnsafeModelError(say("{0}: not a whole .keras file (damaged or truncated: {1})", path, exc)) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise UnsafeModelError(say("{0}: its config.json is not valid JSON ({1})", path, exc)) from None
    except RecursionError:
        raise UnsafeModelError(say("{0}: its config.json is nested too deeply to be a model's", path)) from None
    except OSError as exc:
        raise UnsafeModelError(say("{0}: cannot be read ({1})", path, exc.strerror or exc)) from None
    try:
        _walk(config, _trusted_modules())
    except UnsafeModelError as exc:
        raise UnsafeModelError(say("{0}: not loaded: {1}", path, exc)) from None
    except RecursionError:
        raise UnsafeModelError(say("{0}: its config.json is nested too deeply to be a model's", path)) from None
    return config


def check_model_suffix(path: str | Path) -> None:
    """Refuse any file that is not `.keras`, saying what it looks like and why."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".keras":
        return
    if suffix in REFUSED_SUFFIXES:
        raise UnsafeModelError(say("{0}: not loaded: {1}. Only .keras models are loaded; re-save it with "
                                   "model.save('name.keras') where it was made", path, REFUSED_SUFFIXES[suffix]))
    raise UnsafeModelError(say("{0}: only .keras models (or run folders) can be loaded", path))


def load_model_file(path: str | Path, *, compile: bool = False, accepted_hashes: Iterable[str] | None = None) -> Any:
    """Load a `.keras` model after the checks above, with Keras's safe mode on.

    `accepted_hashes`, when given (the run's record), must contain the file's SHA-256,
    or the file is refused as changed since the app saved it.
    """
    path = Path(path)
    check_model_suffix(path)
    if not path.is_file():
        raise FileNotFoundError(say("{0}: no such model file", path))
    if accepted_hashes is not None:
        accepted = set(accepted_hashes)
        actual = sha256_file(path)
        if actual not in accepted:
            raise ModelChangedError(
                say("{0}: the file changed after this app saved it (its SHA-256 is {1}…, the run recorded {2}). "
                    "It was not loaded; if you changed it on purpose, load it as a model file instead of through "
                    "its run", path, actual[:16], ", ".join(sorted(h[:16] + "…" for h in accepted)) or say("another"))
            )
    config = check_keras_archive(path)
    try:
        custom_objects = model_custom_objects(config)
    except UnsafeModelError as exc:
        raise UnsafeModelError(say("{0}: not loaded: {1}", path, exc)) from None
    try:
        return _keras().saving.load_model(str(path), compile=compile, safe_mode=True, custom_objects=custom_objects)
    except Exception as exc:  # Keras raises many types for a bad file; the user needs one message
        first = plain(str(exc) or type(exc).__name__).strip().splitlines()[0][:300]
        raise UnsafeModelError(say("{0}: cannot be loaded ({1}: {2})", path, type(exc).__name__, first)) from exc
