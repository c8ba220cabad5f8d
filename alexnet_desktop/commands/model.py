"""`explain` and `export`: where a model looks, and the model in another format."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

from alexnet_desktop.commands.common import ProgressPrinter, add_input_scale, host, run_stoppable


def cmd_explain(args) -> int:
    from alexnet_desktop.core.events import Cancelled
    from alexnet_desktop.core.model.explain_files import HeatFailed, HeatWritten, explain_files
    from alexnet_desktop.core.model.loaded import load_for_prediction

    loaded = load_for_prediction(args.model, args.labels, image_size=args.image_size,
                                 input_scale=args.input_scale)
    printer = ProgressPrinter()
    failed = 0
    layers: set[str] = set()

    def show(event: Any) -> None:
        nonlocal failed
        if isinstance(event, HeatWritten):
            printer.done()
            layers.add(event.layer)
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
    results = run_stoppable(job, stop, printer)
    if results is None:
        return 130
    used = f" on layer {', '.join(sorted(layers))}" if layers else ""
    print(f"{len(results) - failed} of {len(results)} images explained ({args.method}{used}) -> {args.out}",
          file=sys.stderr)
    return 1 if failed else 0


def cmd_export(args) -> int:
    from alexnet_desktop.core.model.export import export_model

    print(f"Exporting {args.model} as {args.format}", file=sys.stderr)
    done = export_model(host(), args.model, args.format, args.out, args.labels, input_scale=args.input_scale)
    print(f"{done.path}\n  class names: {done.labels}\n  preprocessing: {done.preprocessing}")
    return 0


def add_parsers(sub) -> None:
    """Add `explain`, `export` to the subcommands `sub`."""
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
    add_input_scale(s)
    s.set_defaults(func=cmd_explain)

    s = sub.add_parser("export", help="export a model to another format, with its class names and preprocessing")
    s.add_argument("model", metavar="MODEL", help="a run folder, or a .keras file (with --labels or labels beside it)")
    s.add_argument("--format", required=True, metavar="ID",
                   help="keras, savedmodel, tflite, tflite-quantised or onnx (see `plugins` for all)")
    s.add_argument("--out", required=True, metavar="PATH", help="the file (or folder, for savedmodel) to write; "
                   "never overwritten; the format's suffix is added if missing")
    s.add_argument("--labels", metavar="FILE", help="class names for a bare .keras model (one per line)")
    add_input_scale(s)
    s.set_defaults(func=cmd_export)
