"""Several `alexnet-desktop` commands, one after another, in one new process that never built the model.

Usage: python tests/fresh_uses.py 'JSON list of argument lists'. Each command runs through the
command line's own `main`, its standard output captured; the last line printed is a JSON list of
`{"args", "code", "out"}`, one per command, in order. A test that only needs a process that did
not build the model (reopening is what it checks, not start-up) pays one start-up for them all.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys


def main() -> int:
    """Run each argument list through `alexnet_desktop.cli.main` and print the outcomes as JSON."""
    from alexnet_desktop.cli import main as cli_main

    done = []
    for args in json.loads(sys.argv[1]):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = cli_main([str(a) for a in args])
        done.append({"args": args, "code": code, "out": out.getvalue()})
    print(json.dumps(done))
    return 0


if __name__ == "__main__":
    sys.exit(main())
