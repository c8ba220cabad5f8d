"""`runs`: list the runs of a runs folder with their sizes; free their resume state; delete them."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path


def _runs_dir(args) -> Path:
    from alexnet_desktop.core.workspace import Workspace

    return Path(args.run_dir) if args.run_dir else Workspace.default().runs_dir


def cmd_runs(args) -> int:
    from alexnet_desktop.core.training.run_space import human_size, summarize_runs
    from alexnet_desktop.core.wording import count

    if args.run_dir and not Path(args.run_dir).is_dir():
        raise ValueError(f"{args.run_dir}: no such runs folder")
    runs = summarize_runs(_runs_dir(args))
    if args.json:
        print(json.dumps([asdict(r) for r in runs], indent=1))
        return 0
    if not runs:
        print(f"no runs in {_runs_dir(args)}")
        return 0
    header = ("RUN", "ARCHITECTURE", "DATASET", "STATUS", "EPOCHS", "BEST VAL", "TEST", "SIZE", "RESUME")
    rows = [(r.name, r.architecture, r.dataset, r.status, f"{r.epochs_done}/{r.epochs_planned}",
             "-" if r.best_val_accuracy is None else f"{r.best_val_accuracy:.3f}",
             "-" if r.test_accuracy is None else f"{r.test_accuracy:.3f}", human_size(r.size_bytes),
             {"resumable": "yes", "weights": "freed", "none": "-"}[r.resume_state]) for r in runs]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    print(f"{count(len(runs), 'run', 'runs')}, {human_size(sum(r.size_bytes for r in runs))} in all")
    return 0


def cmd_free(args) -> int:
    from alexnet_desktop.core.training.run_space import find_run, free_resume_state, human_size

    total = 0
    for given in args.runs:
        run = find_run(given, _runs_dir(args))
        freed = free_resume_state(run)
        total += freed
        print(f"{run.path.name}: {'freed ' + human_size(freed) if freed else 'no resume state to free'}")
    if total:
        print(f"freed {human_size(total)}; the runs keep their models, and train on from them with a fresh optimizer")
    else:
        print("nothing was freed")
    return 0


def _trash():
    """send2trash's function when it is installed, else None."""
    try:
        from send2trash import send2trash
    except ImportError:
        return None
    return send2trash


def cmd_delete(args) -> int:
    from alexnet_desktop.core.training.run_space import RunBusyError, delete_run, find_run, is_training

    runs = [find_run(given, _runs_dir(args)) for given in args.runs]
    busy = [r for r in runs if is_training(r)]
    if busy:
        raise RunBusyError(", ".join(str(r.path) for r in busy) + ": being trained; stop the training first")
    trash, failed = _trash(), 0
    for run in runs:
        try:
            how = delete_run(run, trash)
        except OSError as exc:  # send2trash's TrashPermissionError among them: no trash here
            if not _confirmed(args, run, exc):
                print(f"{run.path.name}: kept", file=sys.stderr)
                failed += 1
                continue
            how = delete_run(run, None)
        print(f"{run.path.name}: " + ("moved to the trash (its space comes back when the trash is emptied)"
                                      if how == "trash" else "deleted"))
    return 1 if failed else 0


def _confirmed(args, run, why: BaseException) -> bool:
    """Ask before deleting for good (there is no trash); `--yes` answers for scripts."""
    if args.yes:
        return True
    print(f"{run.path}: cannot move it to the trash ({why}).", file=sys.stderr)
    if not sys.stdin.isatty():
        print("Run again with --yes to delete it for good.", file=sys.stderr)
        return False
    return input("Delete it for good? [y/N] ").strip().lower() in ("y", "yes")


def add_parsers(sub) -> None:
    """Add `runs` (with `free` and `delete`) to the subcommands `sub`."""
    s = sub.add_parser("runs", help="list the runs with their sizes; free their resume state; delete them")
    s.add_argument("--run-dir", metavar="DIR", help="the runs folder (default: the workspace's runs)")
    s.add_argument("--json", action="store_true", help="the list as JSON, for scripts")
    s.set_defaults(func=cmd_runs)
    actions = s.add_subparsers(dest="action", metavar="ACTION")
    f = actions.add_parser("free", help="drop the resume state (the checkpoint with the optimizer's state) of runs; "
                                        "their models stay and can still be trained further")
    f.add_argument("runs", nargs="+", metavar="RUN", help="a run folder, or a run's name in the runs folder")
    f.add_argument("--run-dir", metavar="DIR", default=argparse.SUPPRESS, help="the runs folder (default: the workspace's runs)")
    f.set_defaults(func=cmd_free)
    d = actions.add_parser("delete", help="move runs to the trash (or, where there is none, delete them after asking); "
                                          "never a run that is training")
    d.add_argument("runs", nargs="+", metavar="RUN", help="a run folder, or a run's name in the runs folder")
    d.add_argument("--run-dir", metavar="DIR", default=argparse.SUPPRESS, help="the runs folder (default: the workspace's runs)")
    d.add_argument("--yes", action="store_true", help="where there is no trash, delete for good without asking")
    d.set_defaults(func=cmd_delete)
