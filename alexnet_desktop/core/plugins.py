"""The plugin host: finds plugins, collects their descriptors, and isolates their failures.

Plugins come from the `alexnet_desktop` entry-point group (the built-ins too) and from
the user plugin folder; nothing else is ever imported. Each import and each hook call
is guarded on its own, so a broken plugin is recorded with its traceback and skipped
while every other plugin keeps working.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import importlib
import importlib.util
import math
import numbers
import pickle
import struct
import sys
import tarfile
import threading
import traceback
import zipfile
import zlib
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pluggy

from alexnet_desktop import hookspecs
from alexnet_desktop.core.files import check_regular
from alexnet_desktop.core.plugin_check import CACHE_NAME, Candidate, CheckCache, fingerprint_path, mark_overrun, probe_all
from alexnet_desktop.core.descriptors import Architecture, DatasetLoader, Exporter, PluginRecord
from alexnet_desktop.core.wording import say

ENTRY_POINT_GROUP = "alexnet_desktop"
# What a plugin's code may fail with and still leave the app running: anything it raises, even
# SystemExit (a plugin calling sys.exit() must not end every command, or keep the window shut)
# and other BaseException subclasses. KeyboardInterrupt is the user's: every `except
# PLUGIN_FAILURES` below has an `except KeyboardInterrupt: raise` before it.
PLUGIN_FAILURES = (BaseException,)
USER_MODULE_PREFIX = "alexnet_desktop_user_plugins"
DETECT_LIMIT_S = 10.0  # what a third-party loader's detect may take before its plugin is disabled

# hook name -> (descriptor type, attribute of PluginHost that collects them)
_HOOKS = {
    "register_dataset_loaders": (DatasetLoader, "loaders"),
    "register_architectures": (Architecture, "architectures"),
    "register_exporters": (Exporter, "exporters"),
}


class PluginError(LookupError):
    """Raised when a loader, architecture or exporter id is not provided by any working plugin,
    or when a plugin's code failed; `details` then holds its traceback."""

    details: str = ""


class PluginHost:
    """Loads plugins and holds what they provide: loaders, architectures and exporters by id."""

    def __init__(self, user_plugin_dir: Path | None = None, *, entry_points: bool = True, check: bool = True) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.records: dict[str, PluginRecord] = {}
        self.loaders: dict[str, DatasetLoader] = {}
        self.architectures: dict[str, Architecture] = {}
        self.exporters: dict[str, Exporter] = {}
        self.user_plugin_dir = user_plugin_dir
        # Plugins not shipped with the app are tried in another process first (see plugin_check).
        self.checks = CheckCache(user_plugin_dir.parent / "cache" / CACHE_NAME if user_plugin_dir else None)
        self.candidates: dict[str, Candidate] = {}
        self.disabled: dict[str, str] = {}
        eps = _entry_points() if entry_points else []
        users = _user_plugins(user_plugin_dir) if user_plugin_dir is not None else []
        if check:
            self._check([Candidate("entry point", ep.name, ep.name, _ep_fingerprint(ep)) for ep in eps if not _built_in(ep)]
                        + [Candidate("user folder", name, str(path), fingerprint_path(path)) for name, path, init in users
                           if init.is_file()])  # not a file: refused by name at import, no probe needed
        self._load_entry_points(eps)
        self._load_user_folder(users)
        self.collect()

    def _check(self, candidates: list[Candidate]) -> None:
        self.candidates = {c.name: c for c in candidates}
        self.disabled = {name: reason for name, reason in probe_all(candidates, self.checks).items() if reason}

    # -- finding plugins -------------------------------------------------------------

    def _load_entry_points(self, eps: list[Any]) -> None:
        for ep in eps:
            if ep.name in self.disabled:
                self._fail(ep.name, "entry point", ep.value, self.disabled[ep.name])
                continue
            try:
                plugin = ep.load()
            except KeyboardInterrupt:
                raise
            except PLUGIN_FAILURES:
                self._fail(ep.name, "entry point", ep.value, traceback.format_exc())
                continue
            self._register(plugin, ep.name, "entry point", ep.value)

    def _load_user_folder(self, plugins: list[tuple[str, Path, Path]]) -> None:
        for name, path, init in plugins:
            if name in self.disabled:
                self._fail(name, "user folder", str(path), self.disabled[name])
                continue
            try:
                _, module = import_user_plugin(path)
            except KeyboardInterrupt:
                raise
            except PLUGIN_FAILURES:
                self._fail(name, "user folder", str(path), traceback.format_exc())
                continue
            self._register(module, name, "user folder", str(path))

    def register(self, plugin: Any, name: str) -> PluginRecord:
        """Register a plugin object or module at run time (tests, embedding) and re-collect."""
        record = self._register(plugin, name, "registered", getattr(plugin, "__name__", type(plugin).__name__))
        self.collect()
        return record

    def _register(self, plugin: Any, name: str, source: str, module: str) -> PluginRecord:
        record = PluginRecord(name=name, source=source, module=module)
        try:
            self.pm.register(plugin, name=name)
        except KeyboardInterrupt:
            raise
        except PLUGIN_FAILURES:
            record.import_error = traceback.format_exc()
        self.records[name] = record
        return record

    def _fail(self, name: str, source: str, module: str, error: str) -> None:
        self.records[name] = PluginRecord(name=name, source=source, module=module, import_error=error)

    # -- collecting descriptors ---------------------------------------------------

    def collect(self) -> None:
        """Call every hook of every plugin, one at a time, and index the descriptors by id."""
        for record in self.records.values():
            record.hook_errors.clear()
            record.provides.clear()
        for hook_name, (kind, attr) in _HOOKS.items():
            found: dict[str, Any] = {}
            for impl in getattr(self.pm.hook, hook_name).get_hookimpls():
                record = self.records.setdefault(
                    impl.plugin_name, PluginRecord(name=impl.plugin_name, source="registered")
                )
                try:
                    items = impl.function()
                    _check_descriptors(items, kind, hook_name)
                except KeyboardInterrupt:
                    raise
                except PLUGIN_FAILURES:
                    record.hook_errors.append(f"{hook_name} failed:\n{traceback.format_exc()}")
                    continue
                for item in items:
                    item = _guarded(item, record)
                    if item.id in found:
                        record.hook_errors.append(
                            f"{hook_name}: id {item.id!r} is already provided by another plugin; "
                            "this one is skipped"
                        )
                        continue
                    found[item.id] = item
                    record.provides.append(f"{kind.__name__}:{item.id}")
            setattr(self, attr, dict(sorted(found.items())))
        for arch in self.architectures.values():
            if arch.custom_layers:
                _DECLARED_LAYERS[arch.id] = (arch, self._record_of(f"Architecture:{arch.id}"))

    # -- lookups --------------------------------------------------------------------

    @property
    def failures(self) -> list[PluginRecord]:
        """The plugins that failed to import or whose hooks raised."""
        return [r for r in self.records.values() if not r.ok]

    def loader(self, loader_id: str) -> DatasetLoader:
        """The dataset loader with this id, or a PluginError that lists the known ones."""
        return _lookup(self.loaders, loader_id, say("dataset loader"))

    def architecture(self, arch_id: str) -> Architecture:
        """The architecture with this id, or a PluginError that lists the known ones."""
        return _lookup(self.architectures, arch_id, say("architecture"))

    def exporter(self, format_id: str) -> Exporter:
        """The exporter with this id, or a PluginError that lists the known ones."""
        return _lookup(self.exporters, format_id, say("export format"))

    def detect_loaders(self, path: Path, limit_s: float | None = DETECT_LIMIT_S) -> list[tuple[float, DatasetLoader]]:
        """Every loader's confidence that `path` is in its format, most confident first.

        A loader whose `detect` raises counts as 0 and is recorded against its plugin; so does
        one not shipped with the app that runs over `limit_s`, and its plugin is disabled from
        the next start (the call is left to finish on its own: a thread cannot be stopped).
        """
        scored = []
        for loader in self.loaders.values():
            provided = f"DatasetLoader:{loader.id}"
            record = self._record_of(provided)
            candidate = self.candidates.get(record.name) if record else None
            try:
                answer = _within(loader.detect, Path(path), limit_s if candidate else None)
                if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
                    # "1.0" or True would pass float() and claim the dataset.
                    self._blame(provided, f"detect({path}) returned {answer!r} "
                                f"({type(answer).__name__}); it must return a number from 0 to 1")
                    answer = 0.0
                score = float(answer)
            except _Overran:
                score = 0.0
                self._blame(provided, mark_overrun(self.checks, candidate, f"DatasetLoader {loader.id!r}: "
                                                   f"detect({path})", limit_s or 0))
            except KeyboardInterrupt:
                raise
            except PLUGIN_FAILURES:
                score = 0.0
                self._blame(provided, f"detect({path}) failed:\n{traceback.format_exc()}")
            if not math.isfinite(score):
                # NaN would defeat the ordering and infinity would claim every folder.
                self._blame(provided, f"detect({path}) returned {score}; it must return a number from 0 to 1")
                score = 0.0
            scored.append((min(max(score, 0.0), 1.0), loader))
        scored.sort(key=lambda s: (-s[0], s[1].id))
        return scored

    def _record_of(self, provided: str) -> PluginRecord | None:
        return next((r for r in self.records.values() if provided in r.provides), None)

    def _blame(self, provided: str, error: str) -> None:
        for record in self.records.values():
            if provided in record.provides:
                record.hook_errors.append(error)

    def best_loader(self, path: Path) -> DatasetLoader:
        """The loader most confident about `path`; a PluginError if none recognises it."""
        scored = self.detect_loaders(path)
        if not scored or scored[0][0] <= 0:
            raise PluginError(say("{0}: no dataset loader recognises this folder (choose one with --loader)", path))
        return scored[0][1]


# What a plugin's function may raise for a bad input (a damaged archive, a refused pickle, a
# malformed CSV): passed on as it is, the input's fault. Any other exception is the plugin's.
INPUT_ERRORS = (OSError, ValueError, EOFError, pickle.UnpicklingError, tarfile.TarError, zipfile.BadZipFile,
             csv.Error, struct.error, zlib.error)
# The functions of each descriptor that run plugin code after collection.
_GUARDED = {DatasetLoader: ("load", "prepare"), Architecture: ("build",), Exporter: ("export",)}


def _guarded(item: Any, record: PluginRecord) -> Any:
    """`item` with its plugin functions wrapped: an unexpected exception inside one is added
    to the plugin's record (its traceback shows in the Plugins view and `plugins`) and raised
    again as a PluginError that names the plugin, so no caller mistakes it for bad data."""
    changes = {}
    for attr in _GUARDED.get(type(item), ()):
        fn = getattr(item, attr)
        if fn is None or getattr(fn, "_guarded", False):
            continue
        changes[attr] = _guard(fn, record, f"{type(item).__name__} {item.id!r}: {attr}")
    return dataclasses.replace(item, **changes) if changes else item


def _guard(fn: Any, record: PluginRecord, what: str) -> Any:
    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except INPUT_ERRORS:
            raise
        except KeyboardInterrupt:
            raise
        except PLUGIN_FAILURES as exc:
            record.hook_errors.append(f"{what} failed:\n{traceback.format_exc()}")
            error = PluginError(
                say("the plugin {0!r} failed in {1}: {2}: {3} (its traceback is in the Plugins list)",
                    record.name, what, type(exc).__name__, exc)
            )
            error.details = traceback.format_exc()
            raise error from exc

    call._guarded = True
    return call


class _Overran(Exception):
    """A plugin's call ran over its time limit."""


def _within(fn: Any, arg: Any, limit_s: float | None) -> Any:
    """`fn(arg)`, or `_Overran` after `limit_s` seconds (None: no limit), its exception raised
    here. The call runs in a daemon thread, left behind when it overruns; it ends with the process."""
    if limit_s is None:
        return fn(arg)
    outcome: dict[str, Any] = {}

    def call() -> None:
        try:
            outcome["value"] = fn(arg)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread below
            outcome["error"] = exc

    thread = threading.Thread(target=call, name="plugin call", daemon=True)
    thread.start()
    thread.join(limit_s)
    if thread.is_alive():
        raise _Overran()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _entry_points() -> list[Any]:
    return sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)


def _built_in(ep: Any) -> bool:
    """Whether an entry point comes with the app itself (trusted: not tried in another process)."""
    dist = getattr(ep, "dist", None)
    return dist is not None and (dist.name or "").replace("_", "-").lower() == "alexnet-desktop"


def _ep_fingerprint(ep: Any) -> str:
    dist = getattr(ep, "dist", None)
    return f"{ep.value}|{getattr(dist, 'name', '')}|{getattr(dist, 'version', '')}"


def _user_plugins(folder: Path) -> list[tuple[str, Path, Path]]:
    """The plugins in the user folder: (name, its file or package folder, the file to import)."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "_")):
            continue
        if path.suffix == ".py":
            found.append((path.stem, path, path))
        elif path.is_dir() and (path / "__init__.py").exists():
            found.append((path.stem, path, path / "__init__.py"))
    return found


def import_user_plugin(path: Path) -> tuple[str, Any]:
    """Import a user-folder plugin (a `.py` file or a package folder): its name and module. Its
    file must be a regular one (a named pipe would hold the import for ever)."""
    init = path / "__init__.py" if path.is_dir() else path
    check_regular(init, say("a plugin"))
    name = path.stem
    module_name = f"{USER_MODULE_PREFIX}.{name}"
    spec = importlib.util.spec_from_file_location(module_name, init,
                                                  submodule_search_locations=[str(path)] if init != path else None)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return name, module


def _lookup(table: dict[str, Any], key: str, what: str) -> Any:
    try:
        return table[key]
    except KeyError:
        known = ", ".join(table) or say("none")
        raise PluginError(say("no {0} {1!r} (known: {2})", what, key, known)) from None


def _check_descriptors(items: Any, kind: type, hook_name: str) -> None:
    if not isinstance(items, (list, tuple)):
        raise TypeError(f"{hook_name} must return a list of {kind.__name__}, not {type(items).__name__}")
    for item in items:
        if not isinstance(item, kind):
            raise TypeError(f"{hook_name} returned {item!r}, which is not a {kind.__name__}")


_default_host: PluginHost | None = None
# Every architecture, in any host of this process, that declared custom layers, with its
# plugin's record: models are loaded outside any one host's view.
_DECLARED_LAYERS: dict[str, tuple[Architecture, PluginRecord | None]] = {}


def declared_layers() -> list[type]:
    """The custom layer classes every architecture plugin loaded in this process declared on
    its descriptor; the default host's plugins (entry points and the user plugin folder) are
    loaded first, so a process that only opens a model knows them too. A declaration that
    fails is recorded against its plugin and skipped."""
    default_host()
    layers: list[type] = []
    for arch_id, (arch, record) in list(_DECLARED_LAYERS.items()):
        try:
            layers.extend(arch.layer_classes())
        except Exception:
            del _DECLARED_LAYERS[arch_id]
            if record is not None:
                record.hook_errors.append(f"Architecture {arch_id!r}: custom_layers failed:\n{traceback.format_exc()}")
    return list(dict.fromkeys(layers))


def default_host() -> PluginHost:
    """The process-wide host: entry points plus the workspace's user plugin folder."""
    global _default_host
    if _default_host is None:
        from alexnet_desktop.core.workspace import Workspace

        _default_host = PluginHost(Workspace.default().plugins_dir)
    return _default_host
