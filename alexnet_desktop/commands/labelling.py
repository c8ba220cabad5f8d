"""`predict`, `evaluate`, `sort` and `undo`: a trained model put to work on folders."""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

from alexnet_desktop.commands.common import ProgressPrinter, add_input_scale, host, parse_options, resolve_data, run_stoppable


def cmd_predict(args) -> int:
    from alexnet_desktop.core.events import Progress
    from alexnet_desktop.core.labelling.predict import PredictionWriter
    from alexnet_desktop.core.labelling.predict_folder import ModelReady, PassedOver, Rows, predict_folder

    out = Path(args.out) if args.out else None
    if out is not None:
        # Refused before the model loads: an existing file is never replaced unless asked.
        PredictionWriter(out, [], overwrite=args.overwrite).abort()
    printer = ProgressPrinter()
    writer: PredictionWriter | None = None
    counts: dict[str, int] = {}
    errors = total = 0

    def show(event) -> None:
        nonlocal writer, errors, total
        if isinstance(event, ModelReady) and out:
            writer = PredictionWriter(out, event.loaded.class_names, args.top_k, overwrite=args.overwrite)
        elif isinstance(event, PassedOver):
            for path, why in event.files:
                print(f"passed over {path}: {why}", file=sys.stderr)
        elif isinstance(event, Progress):
            total = event.total
            printer(event)
        elif isinstance(event, Rows):
            if writer:
                writer.write(event.predictions)
            for r in event.predictions:
                if r.error:
                    errors += 1
                else:
                    counts[r.label] = counts.get(r.label, 0) + 1
                if not writer:
                    printer.done()
                    print(f"{r.path}\t{r.label or 'ERROR'}\t{r.confidence:.4f}\t{r.error}" if r.error else f"{r.path}\t{r.label}\t{r.confidence:.4f}")
        else:
            printer(event)

    try:
        predict_folder(args.model, args.folder, labels=args.labels, image_size=args.image_size,
                       input_scale=args.input_scale, recursive=args.recursive, batch_size=args.batch_size, emit=show)
    except BaseException:
        if writer:
            writer.abort()
        raise
    printer.done()
    if writer:
        writer.close()
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    print(f"{total} images: {summary}" + (f"; {errors} unreadable" if errors else "") + (f" -> {out}" if out else ""), file=sys.stderr)
    return 0


def cmd_evaluate(args) -> int:
    from alexnet_desktop.core.training.evaluation import evaluate_model

    printer = ProgressPrinter()
    data = resolve_data(args.data) if args.data else None
    evaluated = evaluate_model(args.model, host(), data, loader=args.loader, options=parse_options(args.option),
                               labels=args.labels, image_size=args.image_size, input_scale=args.input_scale,
                               batch_size=args.batch_size, emit=printer)
    printer.done()
    print(json.dumps(evaluated.evaluation.to_dict()) if args.json else evaluated.evaluation.to_text())
    return 0


def cmd_sort(args) -> int:
    from alexnet_desktop.core.labelling.predict import read_predictions, sort_labels
    from alexnet_desktop.core.labelling.sort_plan import plan_sort
    from alexnet_desktop.core.labelling.sorting import SortCancelled, SortJournalled, run_sort, sort_files

    printer = ProgressPrinter()
    stop = threading.Event()

    def show(event) -> None:
        if isinstance(event, SortJournalled):
            print(f"journal: {event.journal}", file=sys.stderr)
        else:
            printer(event)

    if args.resume:
        journal, job = args.resume, lambda: run_sort(args.resume, show, stop)
    else:
        if not args.predictions or not args.to:
            raise ValueError("give a PREDICTIONS file and --to DIR (or --resume JOURNAL)")
        if not 0 <= args.min_confidence <= 1:
            raise ValueError(f"--min-confidence must be between 0 and 1, not {args.min_confidence}")
        labelled, left = sort_labels(read_predictions(args.predictions), args.min_confidence)
        plan = plan_sort(labelled, args.to, move=args.move, left=left)
        if args.dry_run:
            print(plan.describe())
            return 0
        if plan.left:
            print(f"{len(plan.left)} file(s) left where they are (see --dry-run)", file=sys.stderr)
        journal, job = None, lambda: sort_files(plan, show, stop)
    try:
        result = run_stoppable(job, stop, printer)
    except SortCancelled as stopped:
        print(f"stopped after {stopped.done} file(s); finish with: alexnet-desktop sort --resume {stopped.journal}",
              file=sys.stderr)
        return 130
    if result is None:  # a second Ctrl-C: the journal still resumes it
        print(f"interrupted; finish with: alexnet-desktop sort --resume {journal or '<the journal above>'}", file=sys.stderr)
        return 130
    print(f"sorted {result.done} file(s); undo with: alexnet-desktop undo {result.journal}")
    return 0


def cmd_undo(args) -> int:
    from alexnet_desktop.core.labelling.sorting import SortCancelled, undo_sort

    printer, stop = ProgressPrinter(), threading.Event()
    try:
        result = run_stoppable(lambda: undo_sort(args.journal, printer, stop), stop, printer)
    except SortCancelled as stopped:
        print(f"stopped after {stopped.done} of {stopped.total} file(s); finish with: alexnet-desktop undo {args.journal}",
              file=sys.stderr)
        return 130
    if result is None:
        print(f"interrupted; finish with: alexnet-desktop undo {args.journal}", file=sys.stderr)
        return 130
    for path, why in result.problems:
        print(f"not undone: {path}: {why}", file=sys.stderr)
    if result.done == result.total and result.done_before == result.total:
        print(f"nothing to undo: all {result.total} file(s) of this sort were already put back")
        return 0
    kept = f"; {len(result.problems)} kept where they are (see above)" if result.problems else ""
    print(f"undid {result.done} of {result.total} file(s){kept}")
    return 0 if not result.problems else 1


def add_parsers(sub) -> None:
    """Add `predict`, `evaluate`, `sort`, `undo` to the subcommands `sub`."""
    from alexnet_desktop.core.labelling.predict import PREDICTION_BATCH_SIZE

    s = sub.add_parser("predict", help="label every image of a folder with a trained model")
    s.add_argument("model", metavar="MODEL")
    s.add_argument("folder", metavar="FOLDER")
    s.add_argument("--out", metavar="FILE", help="write FILE.csv or FILE.json (default: lines on stdout); "
                   "an existing file is never replaced unless --overwrite is given")
    s.add_argument("--overwrite", action="store_true", help="replace the --out file if it exists")
    s.add_argument("--labels", metavar="FILE", help="class names for a bare .keras model (one per line)")
    s.add_argument("--top-k", type=int, default=3, metavar="K", help="top-k list in JSON output")
    s.add_argument("--batch-size", type=int, default=PREDICTION_BATCH_SIZE, metavar="N")
    s.add_argument("--recursive", action="store_true", help="also predict images in sub-folders")
    s.add_argument("--image-size", type=int, default=None, metavar="N",
                   help="the square size a bare .keras model was trained at, if its input takes any size")
    add_input_scale(s)
    s.set_defaults(func=cmd_predict)

    s = sub.add_parser("evaluate", help="loss, accuracy, per-class precision/recall/F1 and the confusion matrix")
    s.add_argument("model", metavar="MODEL")
    s.add_argument("data", metavar="DATA", nargs="?",
                   help="labelled images (default for a run: its validation split); a dataset with a test part is judged on it")
    s.add_argument("--loader", metavar="ID", help="dataset loader (default: detected)")
    s.add_argument("--option", action="append", metavar="KEY=VALUE", help="a loader option (repeatable)")
    s.add_argument("--labels", metavar="FILE", help="class names for a bare .keras model (one per line)")
    s.add_argument("--batch-size", type=int, default=PREDICTION_BATCH_SIZE, metavar="N")
    s.add_argument("--json", action="store_true", help="machine-readable output (every image's result included)")
    s.add_argument("--image-size", type=int, default=None, metavar="N",
                   help="the square size a bare .keras model was trained at, if its input takes any size")
    add_input_scale(s)
    s.set_defaults(func=cmd_evaluate)

    s = sub.add_parser("sort", help="copy (or move) predicted files into one folder per class, journalled and undoable")
    s.add_argument("predictions", metavar="PREDICTIONS", nargs="?", help="a .csv or .json written by `predict --out`")
    s.add_argument("--to", metavar="DIR", help="the output folder; each class gets a sub-folder")
    s.add_argument("--move", action="store_true", help="move instead of copy (each copy is verified before its source is removed)")
    s.add_argument("--min-confidence", type=float, default=0.0, metavar="F",
                   help="predictions below F go to DIR/uncertain/ (labels set by hand always count)")
    s.add_argument("--dry-run", action="store_true", help="show what would happen; change nothing")
    s.add_argument("--resume", metavar="JOURNAL", help="finish a sort that was interrupted")
    s.set_defaults(func=cmd_sort)

    s = sub.add_parser("undo", help="undo a sort from its journal (files moved back, copies removed)")
    s.add_argument("journal", metavar="JOURNAL")
    s.set_defaults(func=cmd_undo)
