"""`python -m alexnet_desktop.core.plugin_probe SOURCE TARGET`: try one plugin in this fresh
process, for `plugin_check`: import it, call its hooks and its loaders' `detect` on an empty
folder, and print "ok" last. An exception is fine (the host records it when it loads the plugin
itself); what the check is for is a plugin that never lets this process finish, or ends it."""

from __future__ import annotations

import sys
import tempfile
from importlib.metadata import entry_points
from pathlib import Path


def main(argv: list[str]) -> int:
    """Try the plugin named by `argv` (source, then a path or an entry point's name)."""
    from alexnet_desktop.core.plugin_check import OK
    from alexnet_desktop.core.plugins import ENTRY_POINT_GROUP, PluginHost, import_user_plugin

    source, target = argv[0], argv[1]
    host = PluginHost(None, entry_points=False, check=False)
    try:
        if source == "user folder":
            name, module = import_user_plugin(Path(target))
        else:
            ep = next(e for e in entry_points(group=ENTRY_POINT_GROUP) if e.name == target)
            name, module = ep.name, ep.load()
        host.register(module, name)  # every hook called, failures recorded, not raised
        with tempfile.TemporaryDirectory() as empty:
            host.detect_loaders(Path(empty), limit_s=None)
    except BaseException:  # noqa: BLE001 - even SystemExit: only an exit that skips this line counts
        pass
    print(OK, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
