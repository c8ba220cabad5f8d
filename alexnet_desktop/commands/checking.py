"""`check-labels`: the images whose label is probably wrong, near-duplicates across classes and
outliers, found by the check-labels core job."""

from __future__ import annotations

import json
import threading

from alexnet_desktop.commands.common import ProgressPrinter, host, parse_options, resolve_data, run_stoppable

SHOWN = 30  # rows of each list printed as text (all of them with --json)


def cmd_check_labels(args) -> int:
    from alexnet_desktop.core.checking.decisions import corrections_path
    from alexnet_desktop.core.checking.job import CheckRequest, check_labels
    from alexnet_desktop.core.events import Cancelled

    request = CheckRequest(resolve_data(args.data), run=args.run, thorough=args.thorough, folds=args.folds,
                           loader=args.loader, options=parse_options(args.option))
    printer, stop = ProgressPrinter(), threading.Event()
    try:
        result = run_stoppable(lambda: check_labels(host(), request, printer, stop), stop, printer)
    except Cancelled:
        print("stopped: nothing was checked", flush=True)
        return 130
    if result is None:
        return 130
    out = result.to_dict()
    out["how"]["corrections_file"] = str(corrections_path(result.root))
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    _print_text(out)
    return 0


def _print_text(out: dict) -> None:
    how = out["how"]
    print(f"{len(out['label_issues'])} image(s) whose label is probably wrong (most likely first):")
    for x in out["label_issues"][:SHOWN]:
        print(f"  {x['score']:.3f}  {x['given']} -> {x['suggested']}  {x['file']}")
    print(f"\n{len(out['near_duplicates'])} near-duplicate pair(s) across classes:")
    for x in out["near_duplicates"][:SHOWN]:
        print(f"  {x['labels'][0]} / {x['labels'][1]}  {x['files'][0]}  {x['files'][1]}")
    print(f"\n{len(out['outliers'])} outlier(s):")
    for x in out["outliers"][:SHOWN]:
        print(f"  {x['score']:.3f}  {x['label']}  {x['file']}")
    if any(len(out[k]) > SHOWN for k in ("label_issues", "near_duplicates", "outliers")):
        print(f"(the first {SHOWN} of each; all of them with --json)")
    print(f"\nhow: {how['path']} path, {how['folds']} folds: {how['method']}")
    print(f"run: {how['run']} ({how['run_source']})")
    print(f"{how['images']} images checked; {how['too_few_to_judge']} not judged (too few of their class for "
          f"{how['folds']} folds); {len(how['unreadable'])} unreadable; {how['seconds']:.0f} s")
    for x in how["unreadable"][:SHOWN]:
        print(f"  unreadable: {x['file']}: {x['reason']}")
    print(f"review them in the app (Data page, Check labels); decisions go to {how['corrections_file']}")


def add_parsers(sub) -> None:
    """Add `check-labels` to the subcommands `sub`."""
    s = sub.add_parser("check-labels", help="find images whose label is probably wrong, near-duplicates across "
                       "classes and outliers (confident learning, cleanlab)")
    s.add_argument("data", metavar="DATA")
    s.add_argument("--run", metavar="RUN", help="the run whose network measures the images (default: the newest "
                   "run on the same images, else a quick model trained first)")
    s.add_argument("--thorough", action="store_true", help="also retrain the network on each fold and combine its "
                   "probabilities with the linear classifier's (slower; more of what it lists is right)")
    s.add_argument("--folds", type=int, default=5, metavar="K", help="cross-validation folds (default 5)")
    s.add_argument("--loader", metavar="ID", help="dataset loader (default: detected)")
    s.add_argument("--option", action="append", metavar="KEY=VALUE", help="a loader option (repeatable)")
    s.add_argument("--json", action="store_true", help="machine-readable output")
    s.set_defaults(func=cmd_check_labels)
