"""Plugins tried in a separate process, with a time limit, before they are loaded into this one.

A plugin's code runs inside the app, so one that sleeps at import, in a hook or in `detect`
would hold every command, and one that calls `os._exit` would end it. Before the host imports a
plugin from the user folder or a third-party package (the built-ins are trusted), a fresh
interpreter (`plugin_probe`) imports it, calls its hooks and its loaders' `detect` on an empty
folder; a probe that overruns `PROBE_TIMEOUT_S`, exits or crashes disables the plugin with that
reason. Verdicts are cached, in the workspace's cache folder, under the plugin file's path, size,
time and SHA-256, so a plugin is tried again only once it changes. A hook that overruns its time
in the app itself (`mark_overrun`) is written there too and disables the plugin at the next start.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from alexnet_desktop.core.files import TEXT_LIMIT, read_bytes, read_text, temporary_beside
from alexnet_desktop.core.wording import say

# Seconds a probe may take: a fresh interpreter importing the plugin (and what it imports, Keras
# included) on a busy machine. The environment variable shortens it for the suite's hostile plugins.
PROBE_TIMEOUT_S = float(os.environ.get("ALEXNET_DESKTOP_PLUGIN_CHECK_TIMEOUT", "60"))
CACHE_NAME = "plugin-checks.json"
OK = "ok"  # what a probe prints last when the plugin let it finish


@dataclass
class Candidate:
    """A plugin to be tried: where it comes from ("user folder" or "entry point"), its name, what
    the probe loads (a file or folder path, or an entry point's name) and its fingerprint."""

    source: str
    name: str
    target: str
    fingerprint: str


def fingerprint_path(path: Path) -> str:
    """The path, size, time and SHA-256 of a plugin file, or of every file of a plugin folder
    (a folder whose files cannot be read gets a fingerprint that never matches)."""
    files = [path] if not path.is_dir() else sorted(p for p in path.rglob("*") if p.suffix == ".py")
    digest = hashlib.sha256(str(path.resolve()).encode())
    for file in files[:1000]:
        try:
            st = os.stat(file)
            digest.update(f"{file}|{st.st_size}|{st.st_mtime_ns}".encode())
            digest.update(read_bytes(file, TEXT_LIMIT))
        except (OSError, ValueError) as exc:
            digest.update(f"{file}|unreadable {exc}|{os.urandom(8).hex()}".encode())
    return digest.hexdigest()


class CheckCache:
    """The verdicts of past probes (and hooks found overrunning), by plugin, in a JSON file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, dict[str, str]] = {}
        if path is not None:
            try:
                loaded = json.loads(read_text(path, 4 * 1024 * 1024))
                self.entries = {k: v for k, v in loaded.items() if isinstance(v, dict)} if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                self.entries = {}  # none yet, or damaged: every plugin is tried again

    def verdict(self, candidate: Candidate) -> str | None:
        """The cached verdict for `candidate` ("" when it passed, else the reason it is
        disabled); None when it has not been tried since it last changed."""
        entry = self.entries.get(f"{candidate.source}:{candidate.target}")
        if not entry or entry.get("fingerprint") != candidate.fingerprint:
            return None
        return str(entry.get("reason", ""))

    def record(self, candidate: Candidate, reason: str) -> None:
        """Remember `reason` ("" for a pass) for `candidate` as it is now, and save."""
        self.entries[f"{candidate.source}:{candidate.target}"] = {"fingerprint": candidate.fingerprint, "reason": reason}
        self.save()

    def save(self) -> None:
        """Write the cache atomically; a cache that cannot be written only means trying again."""
        if self.path is None:
            return
        name = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = temporary_beside(self.path, ".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.entries, f, indent=1, sort_keys=True)
            os.replace(name, self.path)
        except OSError:
            if name is not None and os.path.exists(name):
                os.unlink(name)  # a full disk: no half-written cache left behind


def _reason(code: int | None, stdout: str, timed_out: bool) -> str:
    """Why a probe's outcome disables its plugin; empty when it does not."""
    if timed_out:
        return say("disabled: it did not finish loading within {0:g} s (it waits or loops at import, in a hook or "
                   "in detect), so it was not loaded", PROBE_TIMEOUT_S)
    if code is not None and code < 0:
        return say("disabled: it crashed the process that tried it (signal {0}), so it was not loaded", -code)
    if code != 0 or not stdout.rstrip().endswith(OK):
        return say("disabled: it ended the process that tried it (exit status {0}), so it was not loaded", code)
    return ""


def probe_all(candidates: list[Candidate], cache: CheckCache) -> dict[str, str]:
    """The reason each of `candidates` is disabled ("" for none), by name: cached verdicts, and
    a probe, all run at once, for each plugin not tried since it changed."""
    verdicts: dict[str, str] = {}
    running = []
    for c in candidates:
        known = cache.verdict(c)
        if known is not None:
            verdicts[c.name] = known
            continue
        command = [sys.executable, "-m", "alexnet_desktop.core.plugin_probe", c.source, c.target]
        running.append((c, subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                            stderr=subprocess.DEVNULL, text=True, errors="replace",
                                            start_new_session=True)))
    deadline = time.monotonic() + PROBE_TIMEOUT_S  # the probes run together: one limit for all
    for c, child in running:
        try:
            out, _ = child.communicate(timeout=max(0.1, deadline - time.monotonic()))
            reason = _reason(child.returncode, out, False)
        except subprocess.TimeoutExpired:
            _end(child)
            reason = _reason(None, "", True)
        verdicts[c.name] = reason
        cache.record(c, reason)
    return verdicts


def _end(child: subprocess.Popen) -> None:
    """Stop a probe that overran, and every process it started (its own session)."""
    import signal

    try:
        os.killpg(child.pid, signal.SIGKILL)
    except OSError:
        child.kill()
    child.communicate()


def mark_overrun(cache: CheckCache, candidate: Candidate | None, what: str, limit_s: float) -> str:
    """Record that `candidate`'s `what` ran over `limit_s` seconds in the app: the plugin is
    disabled from the next start (until its file changes). Returns the message to show."""
    message = say("{0} took more than {1:g} s; the plugin is disabled from the next start", what, limit_s)
    if candidate is not None:
        cache.record(candidate, say("disabled: {0}", message))
    return message
