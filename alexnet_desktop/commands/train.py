"""`train`: a new run, a resume, or one worker of a cluster, with Ctrl-C stopping after a batch."""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

from alexnet_desktop.core.training.config import TrainConfig, default_of
from alexnet_desktop.core.training.settings import add_options, given, recipe_settings
from alexnet_desktop.commands.common import EventPrinter, ProgressPrinter, host, parse_options, resolve_data, run_stoppable


def cmd_train(args) -> int:
    cluster = _join_cluster(args)  # before anything else touches TensorFlow
    from alexnet_desktop.core.training.cluster import PeerLost
    from alexnet_desktop.core.training.fit import resume, train
    from alexnet_desktop.core.runs.manifest import optimistic_note

    plugins = host()
    printer = EventPrinter() if args.events else ProgressPrinter()
    stop = threading.Event()
    if args.resume:
        _check_resume_options(args, cluster)
        job = lambda: resume(args.resume, plugins, printer, stop, more_epochs=args.more_epochs,  # noqa: E731
                             learning_rate=args.learning_rate, unlabelled=args.unlabelled)
    else:
        if not args.data and not args.config and not (args.start_from and args.corrections):
            raise ValueError("give the DATA to train on (or --resume RUN)")
        config = _train_config(args, plugins)
        job = lambda: train(config, plugins, printer, stop)  # noqa: E731
    try:
        result = run_stoppable(job, stop, printer)
    except PeerLost as exc:
        return _rejoin(args, cluster, exc)
    if result is None:
        return 130
    if args.events:  # the app's worker process: how it ended, as data (see core.training.worker_process)
        from alexnet_desktop.core.training.worker_process import outcome_line

        print(outcome_line(result.status, result.error), flush=True)
    elsewhere = cluster is not None and not cluster.is_chief  # its run folder was temporary
    optimistic = result.best_value is not None and not elsewhere and _validated_on_test(result.run_dir)
    if args.events:
        pass  # the outcome line said how it ended
    elif args.json:
        print(json.dumps({"run_dir": None if elsewhere else str(result.run_dir), "status": result.status,
                          "best_epoch": result.best_epoch, "monitor": result.monitor, "best_value": result.best_value,
                          "optimistic": optimistic, "note": result.note, "error": result.error,
                          "worker": cluster.to_record() if cluster else None}))
    elif elsewhere:
        print(f"{result.status}: {cluster.describe()}; the run folder is on the chief, {cluster.workers[0]}")
        if result.error:
            print(f"error: {result.error}", file=sys.stderr)
    else:
        best = f", best {result.monitor} {result.best_value:.4f} at epoch {result.best_epoch}" if result.best_value is not None else ""
        print(f"{result.status}: {result.run_dir}{best}")
        if optimistic:
            print(f"note: {optimistic_note()}")
        if result.error:
            print(f"error: {result.error}", file=sys.stderr)
        if result.retry_batch_size:
            print(f"hint: resume with a smaller batch: alexnet-desktop train DATA --batch-size {result.retry_batch_size} ...",
                  file=sys.stderr)
        if result.status in ("stopped", "diverged", "failed") and result.run_dir != Path():
            print(f"resume with: alexnet-desktop train --resume {result.run_dir}"
                  + (" --lr SMALLER" if result.status == "diverged" else ""), file=sys.stderr)
    return 0 if result.status in ("finished", "stopped") else 1


def _validated_on_test(run_dir: Path) -> bool:
    """Whether the run chose its best epoch on the test part, so its best value is optimistic."""
    from alexnet_desktop.core.runs.manifest import RunManifest

    try:
        return run_dir != Path() and RunManifest.read(run_dir).validated_on_test
    except (OSError, ValueError):
        return False


# A worker that lost a peer starts itself again (a fresh TensorFlow) to wait for it, this many times.
MAX_REJOINS = 5


def _cluster_timeout(text: str) -> float:
    """argparse's type for --cluster-timeout: refused here, before anything starts."""
    from alexnet_desktop.core.training.cluster import ClusterError, check_timeout

    try:
        return check_timeout(text)
    except ClusterError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


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
    _tell(args, f"{spec.describe()} at {spec.address}; waiting up to {spec.timeout_s:g} s for "
                f"{', '.join(spec.peers) or 'no other worker'}")
    try:
        start_cluster(spec)
    except ClusterUnreachable as exc:
        # TensorFlow's wait for the cluster cannot be cancelled, and it would hold the exit.
        print(f"alexnet-desktop train: error: {exc}", file=sys.stderr, flush=True)
        _say_outcome(args, "error", str(exc))
        sys.stdout.flush()
        os._exit(1)
    _tell(args, f"cluster formed: {spec.describe()}")
    return spec


def _tell(args, text: str) -> None:
    """A cluster status line: on stderr for a terminal, and as a Message event for the app."""
    print(text, file=sys.stderr, flush=True)
    if args.events:
        from alexnet_desktop.core.events import Message
        from alexnet_desktop.core.training.worker_process import event_to_line

        print(event_to_line(Message(text)), flush=True)


def _say_outcome(args, outcome: str, error: str) -> None:
    """With --events, the last stdout line: how this worker ended (see core.training.worker_process)."""
    if args.events:
        from alexnet_desktop.core.training.worker_process import outcome_line

        print(outcome_line(outcome, error), flush=True)


def _rejoin(args, spec, exc) -> int:
    """After a lost peer, start this worker again (same command) to wait for the cluster to form again."""
    done = int(os.environ.get("ALEXNET_DESKTOP_REJOINS", "0"))
    if done >= MAX_REJOINS:
        print(f"alexnet-desktop train: error: {exc} (gave up after {done} restarts)", file=sys.stderr)
        _say_outcome(args, "error", f"{exc} (gave up after {done} restarts)")
        return 1
    _tell(args, f"warning: {exc}")
    _tell(args, f"restarting {spec.describe()} to wait for it (up to {spec.timeout_s:g} s)")
    sys.stdout.flush()
    os.environ["ALEXNET_DESKTOP_REJOINS"] = str(done + 1)
    os.execv(sys.executable, [sys.executable, "-m", "alexnet_desktop", *sys.argv[1:]])
    return 1  # not reached


def _train_config(args, plugins) -> Any:
    from alexnet_desktop.core.data.augment import Augmentation, preset
    from alexnet_desktop.core.workspace import Workspace

    if args.config:
        from alexnet_desktop.core.files import read_text

        # The settings the app's Train page saved for a cluster worker it starts: the same
        # schema as a run.json's training section.
        try:
            saved = json.loads(read_text(args.config, what="--config"))
            if not isinstance(saved, dict):
                raise ValueError("not a JSON object of settings")
            config = TrainConfig.from_manifest(saved, where=str(args.config))
        except ValueError as exc:
            raise ValueError(exc if str(exc).startswith(args.config) else f"{args.config}: {exc}") from None
        config.validate()
        return config
    options = parse_options(args.option)
    if args.test:
        options["test_folder"] = args.test
    # Settings given on the command line win over the reference's recipe (--recipe), which
    # wins over the architecture's own defaults, then TrainConfig's: an option left unset is None here.
    if args.start_from and (args.arch is None or args.image_size is None):
        # A run to start from gives its architecture and input size unless they are given.
        source = start_from_run(args.start_from, args.run_dir)
        if source is not None:
            args.arch = args.arch or source.architecture.id or None
            args.image_size = args.image_size or source.image_size
    arch = args.arch or default_of("arch")
    descriptor = plugins.architectures.get(arch) if plugins is not None else None
    tuned: dict[str, Any] = {}
    if args.recipe:
        recipe = plugins.architecture(arch).recipe
        if recipe is None:
            raise ValueError(f"architecture {arch!r} has no reference training settings")
        tuned.update(recipe_settings(recipe))
    tuned.update(given(args))
    data = args.data
    if args.corrections:
        from alexnet_desktop.core.labelling.corrections import read_corrections, with_hashes

        tuned["corrections"] = [c.to_record() for c in with_hashes(read_corrections(args.corrections))]
        if not data:
            # With --from RUN and no DATA: the run's own dataset, read as that run read it.
            source = start_from_run(args.start_from, args.run_dir)
            if source is None or not source.training.get("data"):
                raise ValueError("give the DATA to train on: --from names a model file, which keeps no dataset")
            data = source.training["data"]
            tuned.setdefault("loader", source.training.get("loader"))
            options = {**dict(source.training.get("loader_options") or {}), **options}
    if args.no_stratify:
        tuned["stratified"] = False
    if args.augment is not None:
        tuned["augmentation"] = preset(args.augment).to_dict()
    if args.augment_option:
        # On top of the preset (or the recipe's, or the default: none).
        base = Augmentation.from_dict(tuned.get("augmentation", default_of("augmentation")))
        tuned["augmentation"] = base.with_options(args.augment_option).to_dict()
    if args.device:
        tuned["devices"] = list(args.device)
    return TrainConfig.for_architecture(
        descriptor,
        data=resolve_data(data),
        loader_options=options,
        runs_dir=str(Path(args.run_dir) if args.run_dir else Workspace.default().ensure().runs_dir),
        **tuned,
    )


def start_from_run(given: str, run_dir: str | None) -> Any:
    """The manifest of the run `given` names (a path or a run of the workspace), or None for a model file."""
    from alexnet_desktop.core.runs.manifest import RunManifest
    from alexnet_desktop.core.training.start_from import resolve_source
    from alexnet_desktop.core.workspace import Workspace

    path = resolve_source(given, run_dir or Workspace.default().runs_dir)
    return RunManifest.read(path) if path.is_dir() else None


def _check_resume_options(args, cluster) -> None:
    """Refuse what --resume cannot do, rather than pass it over: a resumed run keeps its own settings."""
    from alexnet_desktop.core.training.settings import SETTING, given

    if args.data:
        raise ValueError("--resume continues a run on its own data: give no DATA with it")
    if cluster:
        raise ValueError("a cluster's run goes on by starting the same command again, not with --resume")
    if args.epochs is not None:
        raise ValueError("--resume goes on to the run's own number of epochs; to train longer, give "
                         "--more-epochs N (epochs beyond the plan) instead of --epochs")
    fixed = [SETTING[name].flag for name in given(args) if name not in ("learning_rate", "unlabelled")]
    fixed += [flag for flag, value in (("--corrections", args.corrections), ("--recipe", args.recipe),
                                       ("--option", args.option), ("--test", args.test), ("--augment", args.augment),
                                       ("--augment-option", args.augment_option), ("--no-stratify", args.no_stratify),
                                       ("--device", args.device)) if value]
    if fixed:
        raise ValueError(f"--resume goes on with the run's own settings, so it takes no {', '.join(fixed)}; it takes "
                         f"{SETTING['learning_rate'].flag} (a new rate), --more-epochs N, and {SETTING['unlabelled'].flag} "
                         "FOLDER where the run's unlabelled folder has moved")


def add_parsers(sub) -> None:
    """Add `train` to the subcommands `sub`."""
    s = sub.add_parser("train", help="train a model on a dataset (makes a run folder), or resume a run")
    s.add_argument("data", metavar="DATA", nargs="?")
    s.add_argument("--resume", metavar="RUN", help="continue a stopped, failed or interrupted run from its last finished epoch")
    add_options(s)  # every setting of core.training.settings that has a flag
    s.add_argument("--corrections", metavar="FILE",
                   help="a CSV of corrections (file,label[,sha256]; what the Predict page saves): each image gets "
                   "its corrected label, replacing the dataset's, or is added; an empty label leaves it out. Files "
                   "are not copied. With --from RUN and no DATA: the run's own dataset")
    s.add_argument("--more-epochs", type=int, default=0, metavar="N", help="with --resume: train N epochs beyond the plan")
    s.add_argument("--recipe", action="store_true",
                   help="train with the architecture's reference settings (optimizer, rate, schedule, batch, epochs); "
                   "options given here still win")
    s.add_argument("--option", action="append", metavar="KEY=VALUE", help="a loader option (repeatable; see `plugins`)")
    s.add_argument("--test", metavar="DATA", help="a separate test folder of the same layout (the folder loader's test_folder)")
    s.add_argument("--no-stratify", action="store_true", help="split over all images at once, not class by class")
    s.add_argument("--augment", metavar="PRESET",
                   help="training augmentation: none, paper (random crop + flip), seed001, seed003")
    s.add_argument("--augment-option", action="append", metavar="NAME=VALUE",
                   help="change one augmentation setting on top of --augment (repeatable): random_crop, horizontal_flip, "
                   "vertical_flip (true/false); rotation (degrees, 0-180); width_shift, height_shift, shear, zoom, "
                   "brightness (fractions, 0 to below 1)")
    s.add_argument("--device", action="append", metavar="DEV",
                   help="train on this device (repeat for data-parallel training over several, e.g. --device GPU:0 "
                   "--device GPU:1; default: every GPU, else the CPU)")
    s.add_argument("--run-dir", metavar="DIR", help="folder to put the run folder in (default: the workspace's runs)")
    s.add_argument("--json", action="store_true", help="print the result as JSON")
    s.add_argument("--cluster", metavar="HOST:PORT,...",
                   help="train as one worker of several machines: every worker's address, the chief first; the same "
                   "list on every machine (instead of TF_CONFIG)")
    s.add_argument("--worker-index", type=int, metavar="N", help="with --cluster: this machine's place in the list (0: chief)")
    s.add_argument("--cluster-timeout", type=_cluster_timeout, metavar="S",
                   help="seconds to wait for the other workers before giving up (default 300)")
    s.add_argument("--config", metavar="FILE", help=argparse.SUPPRESS)  # the app's saved settings, for its cluster runs
    s.add_argument("--events", action="store_true", help=argparse.SUPPRESS)  # one JSON line per event, for the app
    s.set_defaults(func=cmd_train)
