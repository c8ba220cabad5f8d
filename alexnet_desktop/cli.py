"""`alexnet-desktop`: the app with no arguments, the same core jobs from a terminal with one.

Every subcommand takes `--help`; long jobs draw a progress bar on a terminal; an error is
one line on stderr and exit status 1 (2 for wrong usage).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any, Sequence

from alexnet_desktop import __version__
from alexnet_desktop.core.events import Message, Progress

DEMO_KEYWORD = "demo"


class ProgressPrinter:
    """Turns core events into a progress bar and lines on stderr."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self._bar = False

    def __call__(self, event: Any) -> None:
        from alexnet_desktop.core.training import events as t

        if isinstance(event, Progress):
            if self.tty and event.total:
                width = 30
                filled = int(width * event.done / event.total)
                self._write(f"\r[{'#' * filled}{'.' * (width - filled)}] {event.done}/{event.total} {event.what}", bar=True)
        elif isinstance(event, t.BatchEnded):
            if self.tty:
                self._write(
                    f"\repoch {event.epoch + 1} batch {event.step}/{event.steps}  loss {event.loss:.4f}  "
                    f"acc {event.accuracy:.3f}  {event.images_per_second:.1f} img/s",
                    bar=True,
                )
        elif isinstance(event, t.EpochEnded):
            self._line(f"epoch {event.epoch + 1}: {event.metrics_text()}  ({event.seconds:.1f}s){'  *best' if event.is_best else ''}")
        elif isinstance(event, t.RunStarted):
            self._line(
                f"run {event.run_dir}\n{event.train_count} training / {event.val_count} validation images, "
                f"{len(event.class_names)} classes, {event.epochs} epochs of {event.steps_per_epoch} batches on {event.device}"
                + (f"; {event.initial_epoch} epochs already done" if event.initial_epoch else "")
            )
        elif isinstance(event, Message):
            self._line(("warning: " if event.level == "warning" else "") + event.text)

    def _write(self, text: str, bar: bool) -> None:
        self.stream.write(text.ljust(100)[:110] if bar else text)
        self.stream.flush()
        self._bar = bar

    def _line(self, text: str) -> None:
        if self._bar:
            self.stream.write("\n")
            self._bar = False
        self.stream.write(text + "\n")
        self.stream.flush()

    def done(self) -> None:
        """End a progress bar line, if one is open."""
        if self._bar:
            self.stream.write("\n")
            self._bar = False


class EventPrinter:
    """Writes each training event as one JSON line on stdout (for the app, which runs a cluster
    worker as a separate process: see `core.worker_process`)."""

    def __call__(self, event: Any) -> None:
        from alexnet_desktop.core.training.worker_process import event_to_line

        line = event_to_line(event)
        if line:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    def done(self) -> None:
        """Nothing to end: there is no progress bar."""


def _host():
    from alexnet_desktop.core.plugins import default_host

    return default_host()


def resolve_data(data: str) -> str:
    """`demo` names the built-in demo dataset (written into the workspace on first use)."""
    if data == DEMO_KEYWORD and not Path(data).exists():
        from alexnet_desktop.core.workspace import Workspace

        loader = _host().loader("demo-shapes")
        return str(loader.prepare(Workspace.default().ensure().datasets_dir))
    return data


def parse_options(pairs: Sequence[str] | None) -> dict[str, str]:
    """`--option KEY=VALUE` pairs as a dict of strings (typed later by `load_dataset`)."""
    out = {}
    for pair in pairs or ():
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"--option takes KEY=VALUE, not {pair!r}")
        out[key.strip()] = value
    return out


# -- subcommands --------------------------------------------------------------------------


def cmd_plugins(args) -> int:
    host = _host()
    if args.json:
        print(json.dumps(
            {
                "plugins": [
                    {"name": r.name, "source": r.source, "module": r.module, "ok": r.ok, "provides": r.provides, "error": r.error}
                    for r in host.records.values()
                ],
                "dataset_loaders": [{"id": d.id, "name": d.name} for d in host.loaders.values()],
                "architectures": [{"id": a.id, "name": a.name, "min_input_size": a.min_input_size} for a in host.architectures.values()],
                "exporters": [{"id": e.id, "name": e.name} for e in host.exporters.values()],
            },
            indent=2,
        ))
        return 0 if not host.failures else 1
    print("Dataset loaders:")
    for d in host.loaders.values():
        print(f"  {d.id:<16} {d.name}")
        for o in d.options:
            print(f"  {'':<16}   --option {o.name}=<{o.type}> (default {o.default!r}): {o.help}")
    print("Architectures:")
    for a in host.architectures.values():
        print(f"  {a.id:<16} {a.name} (input {a.default_input_shape[0]}px, at least {a.min_input_size}px)")
    print("Exporters:")
    for e in host.exporters.values():
        print(f"  {e.id:<16} {e.name}")
    if not host.exporters:
        print("  (none installed)")
    print("Plugins:")
    for r in host.records.values():
        print(f"  {r.name:<16} {'ok' if r.ok else 'FAILED':<7} {r.source}: {r.module}")
    for r in host.failures:
        print(f"\nplugin {r.name!r} failed:\n{r.error.rstrip()}", file=sys.stderr)
    return 0 if not host.failures else 1


def cmd_scan(args) -> int:
    from alexnet_desktop.core.data.scan import scan_dataset
    from alexnet_desktop.core.data.loading import load_dataset

    data = resolve_data(args.data)
    dataset = load_dataset(_host(), data, args.loader, parse_options(args.option))
    printer = ProgressPrinter()
    report = scan_dataset(dataset, printer)
    printer.done()
    if args.json:
        print(report.to_json())
        return 0
    print(f"{report.root}  (loader: {report.loader_id})")
    counts = report.counts()
    width = max(map(len, counts), default=5)
    for name, n in counts.items():
        print(f"  {name:<{width}}  {n:>6}")
    print(f"  {'total':<{width}}  {sum(counts.values()):>6} usable images in {len(counts)} classes")
    if report.rejected:
        print(f"\n{len(report.rejected)} file(s) rejected:")
        for p, r in report.rejected:
            print(f"  {p}: {r}")
    for items, title in (
        (report.passed_over, "passed over (not images of a class)"),
        (report.flagged, "used, but worth a look"),
    ):
        if items:
            print(f"\n{len(items)} file(s) {title}:")
            for p, r in items[:20]:
                print(f"  {p}: {r}")
            if len(items) > 20:
                print(f"  ... and {len(items) - 20} more (see --json)")
    if dataset.test_samples:
        tests = report.counts("test")
        print(f"\ntest part: {sum(tests.values())} usable images ({', '.join(f'{k} {v}' for k, v in tests.items())})")
    for n in report.notes:
        print(f"note: {n}")
    for w in report.warnings:
        print(f"warning: {w}")
    return 0


def cmd_summary(args) -> int:
    from alexnet_desktop.core.model.summary import model_summary

    summary = model_summary(_host().architecture(args.arch), args.classes, args.image_size)
    print(json.dumps(summary.to_dict(), indent=2) if args.json else summary.to_text())
    return 0


def cmd_train(args) -> int:
    cluster = _join_cluster(args)  # before anything else touches TensorFlow
    from alexnet_desktop.core.training.cluster import PeerLost
    from alexnet_desktop.core.training.fit import resume, train

    host = _host()
    printer = EventPrinter() if args.events else ProgressPrinter()
    stop = threading.Event()
    if args.resume:
        if args.data:
            raise ValueError("--resume continues a run on its own data: give no DATA with it")
        if cluster:
            raise ValueError("a cluster's run goes on by starting the same command again, not with --resume")
        job = lambda: resume(args.resume, host, printer, stop, more_epochs=args.more_epochs, learning_rate=args.lr)  # noqa: E731
    else:
        if not args.data and not args.config:
            raise ValueError("give the DATA to train on (or --resume RUN)")
        config = _train_config(args, host)
        job = lambda: train(config, host, printer, stop)  # noqa: E731
    try:
        result = _run_stoppable(job, stop, printer)
    except PeerLost as exc:
        return _rejoin(cluster, exc)
    if result is None:
        return 130
    elsewhere = cluster is not None and not cluster.is_chief  # its run folder was temporary
    if args.events:
        pass  # the last event said how it ended
    elif args.json:
        print(json.dumps({"run_dir": None if elsewhere else str(result.run_dir), "status": result.status,
                          "best_epoch": result.best_epoch, "monitor": result.monitor, "best_value": result.best_value,
                          "note": result.note, "error": result.error,
                          "worker": cluster.to_record() if cluster else None}))
    elif elsewhere:
        print(f"{result.status}: {cluster.describe()}; the run folder is on the chief, {cluster.workers[0]}")
        if result.error:
            print(f"error: {result.error}", file=sys.stderr)
    else:
        best = f", best {result.monitor} {result.best_value:.4f} at epoch {result.best_epoch}" if result.best_value is not None else ""
        print(f"{result.status}: {result.run_dir}{best}")
        if result.error:
            print(f"error: {result.error}", file=sys.stderr)
        if result.retry_batch_size:
            print(f"hint: resume with a smaller batch: alexnet-desktop train DATA --batch-size {result.retry_batch_size} ...",
                  file=sys.stderr)
        if result.status in ("stopped", "diverged", "failed") and result.run_dir != Path():
            print(f"resume with: alexnet-desktop train --resume {result.run_dir}"
                  + (" --lr SMALLER" if result.status == "diverged" else ""), file=sys.stderr)
    return 0 if result.status in ("finished", "stopped") else 1


# A worker that lost a peer starts itself again (a fresh TensorFlow) to wait for it, this many times.
MAX_REJOINS = 5


def _join_cluster(args) -> Any:
    """Join the cluster that `--cluster` or `TF_CONFIG` describes; None when there is none."""
    from alexnet_desktop.core.training.cluster import ClusterSpec, ClusterUnreachable, cluster_from_environment, start_cluster

    if args.cluster:
        spec = ClusterSpec.from_flags(args.cluster, args.worker_index, args.cluster_timeout)
    else:
        if args.worker_index is not None:
            raise ValueError("--worker-index goes with --cluster HOST:PORT,HOST:PORT")
        spec = cluster_from_environment(args.cluster_timeout)
    if spec is None:
        return None
    print(f"{spec.describe()} at {spec.address}; waiting up to {spec.timeout_s:g} s for "
          f"{', '.join(spec.peers) or 'no other worker'}", file=sys.stderr, flush=True)
    try:
        start_cluster(spec)
    except ClusterUnreachable as exc:
        # TensorFlow's wait for the cluster cannot be cancelled, and it would hold the exit.
        print(f"alexnet-desktop train: error: {exc}", file=sys.stderr, flush=True)
        sys.stdout.flush()
        os._exit(1)
    print(f"cluster formed: {spec.describe()}", file=sys.stderr, flush=True)
    return spec


def _rejoin(spec, exc) -> int:
    """After a lost peer, start this worker again (same command) to wait for the cluster to form again."""
    done = int(os.environ.get("ALEXNET_DESKTOP_REJOINS", "0"))
    if done >= MAX_REJOINS:
        print(f"alexnet-desktop train: error: {exc} (gave up after {done} restarts)", file=sys.stderr)
        return 1
    print(f"warning: {exc}\nrestarting {spec.describe()} to wait for it (up to {spec.timeout_s:g} s)",
          file=sys.stderr, flush=True)
    sys.stdout.flush()
    os.environ["ALEXNET_DESKTOP_REJOINS"] = str(done + 1)
    os.execv(sys.executable, [sys.executable, "-m", "alexnet_desktop", *sys.argv[1:]])
    return 1  # not reached


def _run_stoppable(job, stop: threading.Event, printer) -> Any:
    """Run `job`; the first Ctrl-C stops it after the current batch (resumable), a second aborts."""
    import signal

    def first_interrupt(signum, frame):
        stop.set()
        printer.done()
        print("stopping after this batch (Ctrl-C again to abort)", file=sys.stderr)
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, first_interrupt)
    try:
        return job()
    except KeyboardInterrupt:
        printer.done()
        print("interrupted", file=sys.stderr)
        return None
    finally:
        signal.signal(signal.SIGINT, previous)
        printer.done()


def _train_config(args, host) -> Any:
    from alexnet_desktop.core.data.augment import preset
    from alexnet_desktop.core.training.config import TrainConfig
    from alexnet_desktop.core.workspace import Workspace

    if args.config:
        # The settings the app's Train page saved for a cluster worker it starts.
        saved = json.loads(Path(args.config).read_text(encoding="utf-8"))
        config = TrainConfig.from_manifest(saved)
        config.validate()
        return config
    options = parse_options(args.option)
    if args.test:
        options["test_folder"] = args.test
    # Settings given on the command line win over the reference's recipe (--recipe),
    # which wins over TrainConfig's defaults.
    tuned = {}
    if args.recipe:
        recipe = host.architecture(args.arch).recipe
        if recipe is None:
            raise ValueError(f"architecture {args.arch!r} has no reference training settings")
        tuned.update(recipe.settings())
    given = {
        "epochs": args.epochs, "batch_size": args.batch_size, "optimizer": args.optimizer, "learning_rate": args.lr,
        "momentum": args.momentum, "weight_decay": args.weight_decay, "lr_schedule": args.schedule,
        "lr_step_epochs": args.lr_step_epochs, "lr_factor": args.lr_factor, "lr_patience": args.lr_patience,
    }
    tuned.update({k: v for k, v in given.items() if v is not None})
    return TrainConfig(
        data=resolve_data(args.data),
        arch=args.arch,
        loader=args.loader,
        loader_options=options,
        stratified=not args.no_stratify,
        val_source=args.validate_on,
        augmentation=preset(args.augment).to_dict(),
        image_size=args.image_size,
        val_split=args.val_split,
        seed=args.seed,
        **tuned,
        early_stopping=args.early_stop,
        devices=list(args.device or []),
        mixed_precision=args.mixed_precision,
        runs_dir=str(Path(args.run_dir) if args.run_dir else Workspace.default().ensure().runs_dir),
        steps_per_epoch=args.steps_per_epoch,
    )


def cmd_predict(args) -> int:
    from alexnet_desktop.core.labelling.predict import PredictionWriter, folder_listing, load_for_prediction, predict_files

    out = Path(args.out) if args.out else None
    if out is not None:
        # Refused before the model loads: an existing file is never replaced unless asked.
        PredictionWriter(out, [], overwrite=args.overwrite).abort()
    loaded = load_for_prediction(args.model, args.labels, image_size=args.image_size)
    listing = folder_listing(args.folder, recursive=args.recursive)
    files = listing.files
    for path, why in listing.passed_over():
        print(f"passed over {path}: {why}", file=sys.stderr)
    writer = PredictionWriter(out, loaded.class_names, args.top_k, overwrite=args.overwrite) if out else None
    printer = ProgressPrinter()
    counts: dict[str, int] = {}
    errors = 0
    try:
        for batch in predict_files(loaded, files, batch_size=args.batch_size, emit=printer):
            if writer:
                writer.write(batch)
            for r in batch:
                if r.error:
                    errors += 1
                else:
                    counts[r.label] = counts.get(r.label, 0) + 1
                if not writer:
                    printer.done()
                    print(f"{r.path}\t{r.label or 'ERROR'}\t{r.confidence:.4f}\t{r.error}" if r.error else f"{r.path}\t{r.label}\t{r.confidence:.4f}")
    except BaseException:
        if writer:
            writer.abort()
        raise
    printer.done()
    if writer:
        writer.close()
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    print(f"{len(files)} images: {summary}" + (f"; {errors} unreadable" if errors else "") + (f" -> {out}" if out else ""), file=sys.stderr)
    return 0


def cmd_evaluate(args) -> int:
    from alexnet_desktop.core.training.evaluation import evaluate_samples, save_evaluation, validation_samples
    from alexnet_desktop.core.labelling.predict import load_for_prediction
    from alexnet_desktop.core.training.runs import RunFolder
    from alexnet_desktop.core.data.loading import load_dataset

    model_ref = Path(args.model)
    run = RunFolder(model_ref) if model_ref.is_dir() else None
    loaded = load_for_prediction(model_ref, args.labels, image_size=args.image_size)
    if args.data:
        dataset = load_dataset(_host(), resolve_data(args.data), args.loader, parse_options(args.option))
        # A dataset with a held-out test part is judged on that part, never on what it trained on.
        samples = dataset.test_samples or dataset.samples
        source = f"{args.data} ({'its test part' if dataset.test_samples else 'all its images'})"
        key = str(Path(args.data).resolve())
    elif run is not None:
        samples, source, key = validation_samples(run), "validation split", "validation"
    else:
        raise ValueError("give DATA to evaluate a .keras model on")
    printer = ProgressPrinter()
    evaluation = evaluate_samples(loaded, samples, source=source, batch_size=args.batch_size, emit=printer)
    printer.done()
    if run is not None:
        save_evaluation(run, evaluation, key)
    print(json.dumps(evaluation.to_dict()) if args.json else evaluation.to_text())
    return 0


def cmd_sort(args) -> int:
    from alexnet_desktop.core.labelling.predict import read_predictions, sort_labels
    from alexnet_desktop.core.labelling.sorting import plan_sort, run_sort, start_sort

    printer = ProgressPrinter()
    stop = threading.Event()
    if args.resume:
        journal = Path(args.resume)
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
        journal = start_sort(plan).path
        print(f"journal: {journal}", file=sys.stderr)
    result = _run_stoppable(lambda: run_sort(journal, printer, stop), stop, printer)
    if result is None or result.cancelled:
        print(f"stopped after {result.done if result else '?'} file(s); finish with: alexnet-desktop sort --resume {journal}",
              file=sys.stderr)
        return 130
    print(f"sorted {result.done} file(s); undo with: alexnet-desktop undo {journal}")
    return 0


def cmd_undo(args) -> int:
    from alexnet_desktop.core.labelling.sorting import undo_sort

    result = undo_sort(args.journal, ProgressPrinter())
    for path, why in result.problems:
        print(f"not undone: {path}: {why}", file=sys.stderr)
    kept = f"; {len(result.problems)} kept where they are (see above)" if result.problems else ""
    print(f"undid {result.done} of {result.total} file(s){kept}")
    return 0 if not result.problems else 1


def cmd_export(args) -> int:
    from alexnet_desktop.core.model.export import export_model

    print(f"Exporting {args.model} as {args.format}", file=sys.stderr)
    done = export_model(_host(), args.model, args.format, args.out, args.labels)
    print(f"{done.path}\n  class names: {done.labels}\n  preprocessing: {done.preprocessing}")
    return 0


def cmd_explain(args) -> int:
    from alexnet_desktop.core.events import Cancelled
    from alexnet_desktop.core.model.explain_files import HeatFailed, HeatWritten, explain_files
    from alexnet_desktop.core.labelling.predict import load_for_prediction

    loaded = load_for_prediction(args.model, args.labels, image_size=args.image_size)
    printer = ProgressPrinter()
    failed = 0

    def show(event: Any) -> None:
        nonlocal failed
        if isinstance(event, HeatWritten):
            printer.done()
            print(f"{event.source}\t{event.class_name}\t{event.probability:.4f}\t{event.png}")
        elif isinstance(event, HeatFailed):
            failed += 1
            printer.done()
            print(f"alexnet-desktop explain: error: {event.source}: {event.reason}", file=sys.stderr)
        else:
            printer(event)

    def job():
        try:
            return explain_files(loaded, [Path(p) for p in args.images], args.out, method=args.method,
                                 class_name=args.class_name, emit=show, stop=stop)
        except Cancelled:
            return None

    stop = threading.Event()
    results = _run_stoppable(job, stop, printer)
    if results is None:
        return 130
    print(f"{len(results) - failed} of {len(results)} images explained ({args.method}) -> {args.out}", file=sys.stderr)
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    p = argparse.ArgumentParser(
        prog="alexnet-desktop",
        description="Train image classifiers on your own folders and label folders with them. "
        "With no command, opens the app.",
        epilog="DATA may be 'demo' for the built-in demo dataset. MODEL is a run folder, or a .keras file with --labels.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("plugins", help="list plugins and what they provide; report broken ones")
    s.add_argument("--json", action="store_true", help="machine-readable output")
    s.set_defaults(func=cmd_plugins)

    s = sub.add_parser("scan", help="check a dataset: classes, counts, files that cannot be used and why")
    s.add_argument("data", metavar="DATA")
    s.add_argument("--loader", metavar="ID", help="dataset loader (default: detected)")
    s.add_argument("--option", action="append", metavar="KEY=VALUE", help="a loader option (repeatable; see `plugins`)")
    s.add_argument("--json", action="store_true", help="machine-readable output")
    s.set_defaults(func=cmd_scan)

    s = sub.add_parser("summary", help="the layer table of an architecture (like Keras' model.summary())")
    s.add_argument("--arch", required=True, metavar="ID")
    s.add_argument("--classes", type=int, default=1000, metavar="N")
    s.add_argument("--image-size", type=int, default=None, metavar="N", help="default: the architecture's")
    s.add_argument("--json", action="store_true", help="machine-readable output, with the total parameter count")
    s.set_defaults(func=cmd_summary)

    s = sub.add_parser("train", help="train a model on a dataset (makes a run folder), or resume a run")
    s.add_argument("data", metavar="DATA", nargs="?")
    s.add_argument("--resume", metavar="RUN", help="continue a stopped, failed or interrupted run from its last finished epoch")
    s.add_argument("--more-epochs", type=int, default=0, metavar="N", help="with --resume: train N epochs beyond the plan")
    s.add_argument("--arch", default="alexnet-bn", metavar="ID", help="architecture id (see `plugins`; default alexnet-bn)")
    s.add_argument("--loader", metavar="ID", help="dataset loader (default: detected)")
    s.add_argument("--recipe", action="store_true",
                   help="train with the architecture's reference settings (optimizer, rate, schedule, batch, epochs); "
                   "options given here still win")
    s.add_argument("--epochs", type=int, metavar="N", help="default 10")
    s.add_argument("--batch-size", type=int, metavar="N", help="default 32")
    s.add_argument("--image-size", type=int, default=None, metavar="N", help="square input size (default: the architecture's)")
    s.add_argument("--option", action="append", metavar="KEY=VALUE", help="a loader option (repeatable; see `plugins`)")
    s.add_argument("--test", metavar="DATA", help="a separate test folder of the same layout (the folder loader's test_folder)")
    s.add_argument("--val-split", type=float, default=0.2, metavar="F", help="fraction held out for validation (default 0.2)")
    s.add_argument("--no-stratify", action="store_true", help="split over all images at once, not class by class")
    s.add_argument("--validate-on", choices=("split", "test"), default="split",
                   help="validate on a share of the training images (default) or on the test part")
    s.add_argument("--augment", default="none", metavar="PRESET",
                   help="training augmentation: none, paper (random crop + flip), seed001, seed003")
    s.add_argument("--optimizer", choices=("adam", "sgd", "rmsprop"), help="default adam")
    s.add_argument("--lr", type=float, metavar="F", help="learning rate (default 1e-4)")
    s.add_argument("--momentum", type=float, metavar="F", help="SGD momentum (default 0.9)")
    s.add_argument("--weight-decay", type=float, metavar="F", help="default 0 (the paper: 0.0005)")
    s.add_argument("--schedule", choices=("constant", "step", "cosine", "plateau"),
                   help="learning-rate schedule (default constant)")
    s.add_argument("--lr-step-epochs", type=int, metavar="N", help="step schedule: epochs between reductions (default 30)")
    s.add_argument("--lr-factor", type=float, metavar="F", help="step and plateau: factor of each reduction (default 0.1)")
    s.add_argument("--lr-patience", type=int, metavar="N", help="plateau: epochs without improvement (default 5)")
    s.add_argument("--early-stop", type=int, default=0, metavar="N",
                   help="stop after N epochs without a better validation accuracy (default: never)")
    s.add_argument("--device", action="append", metavar="DEV",
                   help="train on this device (repeat for data-parallel training over several, e.g. --device GPU:0 "
                   "--device GPU:1; default: every GPU, else the CPU)")
    s.add_argument("--mixed-precision", choices=("auto", "on", "off"), default="auto",
                   help="float16 compute on GPUs with tensor cores (default auto)")
    s.add_argument("--seed", type=int, default=1337, metavar="N")
    s.add_argument("--run-dir", metavar="DIR", help="folder to put the run folder in (default: the workspace's runs)")
    s.add_argument("--steps-per-epoch", type=int, default=None, metavar="N", help="cap batches per epoch (quick smoke runs)")
    s.add_argument("--json", action="store_true", help="print the result as JSON")
    s.add_argument("--cluster", metavar="HOST:PORT,...",
                   help="train as one worker of several machines: every worker's address, the chief first; the same "
                   "list on every machine (instead of TF_CONFIG)")
    s.add_argument("--worker-index", type=int, metavar="N", help="with --cluster: this machine's place in the list (0: chief)")
    s.add_argument("--cluster-timeout", type=float, metavar="S",
                   help="seconds to wait for the other workers before giving up (default 300)")
    s.add_argument("--config", metavar="FILE", help=argparse.SUPPRESS)  # the app's saved settings, for its cluster runs
    s.add_argument("--events", action="store_true", help=argparse.SUPPRESS)  # one JSON line per event, for the app
    s.set_defaults(func=cmd_train)

    s = sub.add_parser("predict", help="label every image of a folder with a trained model")
    s.add_argument("model", metavar="MODEL")
    s.add_argument("folder", metavar="FOLDER")
    s.add_argument("--out", metavar="FILE", help="write FILE.csv or FILE.json (default: lines on stdout); "
                   "an existing file is never replaced unless --overwrite is given")
    s.add_argument("--overwrite", action="store_true", help="replace the --out file if it exists")
    s.add_argument("--labels", metavar="FILE", help="class names for a bare .keras model (one per line)")
    s.add_argument("--top-k", type=int, default=3, metavar="K", help="top-k list in JSON output")
    s.add_argument("--batch-size", type=int, default=64, metavar="N")
    s.add_argument("--recursive", action="store_true", help="also predict images in sub-folders")
    s.add_argument("--image-size", type=int, default=None, metavar="N",
                   help="the square size a bare .keras model was trained at, if its input takes any size")
    s.set_defaults(func=cmd_predict)

    s = sub.add_parser("evaluate", help="loss, accuracy, per-class precision/recall/F1 and the confusion matrix")
    s.add_argument("model", metavar="MODEL")
    s.add_argument("data", metavar="DATA", nargs="?",
                   help="labelled images (default for a run: its validation split); a dataset with a test part is judged on it")
    s.add_argument("--loader", metavar="ID", help="dataset loader (default: detected)")
    s.add_argument("--option", action="append", metavar="KEY=VALUE", help="a loader option (repeatable)")
    s.add_argument("--labels", metavar="FILE", help="class names for a bare .keras model (one per line)")
    s.add_argument("--batch-size", type=int, default=64, metavar="N")
    s.add_argument("--json", action="store_true", help="machine-readable output (every image's result included)")
    s.add_argument("--image-size", type=int, default=None, metavar="N",
                   help="the square size a bare .keras model was trained at, if its input takes any size")
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

    from alexnet_desktop.core.model.explain import DEFAULT_METHOD, METHODS

    s = sub.add_parser("explain", help="heat maps of where in each image the evidence for a class lies")
    s.add_argument("model", metavar="MODEL")
    s.add_argument("images", metavar="IMAGE", nargs="+")
    s.add_argument("--out", required=True, metavar="DIR",
                   help="writes DIR/<stem>.heat.png (the overlay) and DIR/<stem>.heat.npy (float32, the image's "
                   "height x width); existing files are never replaced (<stem>-2... instead)")
    s.add_argument("--method", choices=METHODS, default=DEFAULT_METHOD,
                   help=f"occlusion: what hiding each part costs the class (64 passes); grad-cam: one pass, "
                   f"coarser (default: {DEFAULT_METHOD})")
    s.add_argument("--class", dest="class_name", metavar="NAME", help="the class to explain (default: the predicted one)")
    s.add_argument("--labels", metavar="FILE", help="class names for a bare .keras model (one per line)")
    s.add_argument("--image-size", type=int, default=None, metavar="N",
                   help="the square size a bare .keras model was trained at, if its input takes any size")
    s.set_defaults(func=cmd_explain)

    s = sub.add_parser("export", help="export a model to another format, with its class names and preprocessing")
    s.add_argument("model", metavar="MODEL", help="a run folder, or a .keras file (with --labels or labels beside it)")
    s.add_argument("--format", required=True, metavar="ID",
                   help="keras, savedmodel, tflite, tflite-quantised or onnx (see `plugins` for all)")
    s.add_argument("--out", required=True, metavar="PATH", help="the file (or folder, for savedmodel) to write; "
                   "never overwritten; the format's suffix is added if missing")
    s.add_argument("--labels", metavar="FILE", help="class names for a bare .keras model (one per line)")
    s.set_defaults(func=cmd_export)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `alexnet-desktop` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    if not argv or (argv[0] not in commands and not argv[0].startswith("-") and Path(argv[0]).exists()):
        # No command, or paths (a file manager's "Open with", the .desktop entry's %F):
        # the window, with those opened.
        from alexnet_desktop.gui.app import run_app

        return run_app(open_paths=argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
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
        return 1


if __name__ == "__main__":  # python -m alexnet_desktop.cli, as python -m alexnet_desktop
    sys.exit(main())
