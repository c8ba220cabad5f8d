"""`alexnet-desktop`: the app with no arguments, the same core jobs from a terminal with one.

Every subcommand takes `--help`; long jobs draw a progress bar on a terminal; an error is
one line on stderr and exit status 1 (2 for wrong usage).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from alexnet_desktop import __version__
from alexnet_desktop.commands import checking, data, labelling, model, runs, train
from alexnet_desktop.core.tf_runtime import VERBOSE_ENV


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    p = argparse.ArgumentParser(
        prog="alexnet-desktop",
        description="Train image classifiers on your own folders and label folders with them. "
        "With no command, opens the app.",
        epilog="DATA may be 'demo' for the built-in demo dataset. MODEL is a run folder, or a .keras file with --labels.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--verbose", action="store_true",
                   help="show TensorFlow's own start-up messages (anywhere on the line, with any command or none)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for group in (data, train, labelling, model, runs, checking):
        group.add_parsers(sub)
    return p


# Options whose values may start with "-" (argparse would take `--input-scale -1-1` for two options).
DASHED_VALUES = ("--input-scale",)


def _joined_values(argv: list[str]) -> list[str]:
    """`--input-scale -1-1` as `--input-scale=-1-1`, which argparse reads as meant."""
    out: list[str] = []
    for arg in argv:
        if out and out[-1] in DASHED_VALUES and arg.startswith("-"):
            out[-1] = f"{out[-1]}={arg}"
        else:
            out.append(arg)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `alexnet-desktop` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--verbose" in argv:  # read before anything imports TensorFlow, by the window too
        argv = [a for a in argv if a != "--verbose"]
        os.environ[VERBOSE_ENV] = "1"
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    if not argv or (argv[0] not in commands and not argv[0].startswith("-") and Path(argv[0]).exists()):
        # No command, or paths (a file manager's "Open with", the .desktop entry's %F):
        # the window, with those opened.
        from alexnet_desktop.gui.app import run_app

        return run_app(open_paths=argv)
    args = parser.parse_args(_joined_values(argv))
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from alexnet_desktop.commands.common import print_plugin_traceback
    from alexnet_desktop.core.plugins import INPUT_ERRORS

    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except (*INPUT_ERRORS, LookupError, RuntimeError) as exc:
        from alexnet_desktop.core.wording import plain

        # One line, without the terminal colours Keras puts in its messages.
        print(f"alexnet-desktop {args.command}: error: {plain(str(exc))}", file=sys.stderr)
        print_plugin_traceback(exc)
        if getattr(args, "events", False):  # the app's worker process reads how it ended as data
            from alexnet_desktop.core.training.worker_process import outcome_line

            print(outcome_line("error", plain(str(exc))), flush=True)
        return 1


if __name__ == "__main__":  # python -m alexnet_desktop.cli, as python -m alexnet_desktop
    sys.exit(main())
