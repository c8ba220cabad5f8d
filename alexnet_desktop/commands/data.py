"""`plugins`, `scan` and `summary`: what is installed, what a dataset holds, what an architecture is."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from alexnet_desktop.commands.common import ProgressPrinter, host, parse_options, resolve_data


def cmd_plugins(args) -> int:
    plugins = host()
    if args.json:
        print(json.dumps(
            {
                "plugins": [
                    {"name": r.name, "source": r.source, "module": r.module, "ok": r.ok, "provides": r.provides, "error": r.error}
                    for r in plugins.records.values()
                ],
                "dataset_loaders": [{"id": d.id, "name": d.name} for d in plugins.loaders.values()],
                "architectures": [{"id": a.id, "name": a.name, "min_input_size": a.min_input_size, "defaults": dict(a.defaults)}
                                  for a in plugins.architectures.values()],
                "exporters": [{"id": e.id, "name": e.name} for e in plugins.exporters.values()],
            },
            indent=2,
        ))
        return 0 if not plugins.failures else 1
    print("Dataset loaders:")
    for d in plugins.loaders.values():
        print(f"  {d.id:<16} {d.name}")
        for o in d.options:
            print(f"  {'':<16}   --option {o.name}=<{o.type}> (default {o.default!r}): {o.help}")
    print("Architectures:")
    for a in plugins.architectures.values():
        print(f"  {a.id:<16} {a.name} (input {a.default_input_shape[0]}px, at least {a.min_input_size}px)")
        if a.defaults:
            print(f"  {'':<16}   starts from: {', '.join(f'{k} {v:g}' if isinstance(v, float) else f'{k} {v}' for k, v in a.defaults.items())}")
    print("Exporters:")
    for e in plugins.exporters.values():
        print(f"  {e.id:<16} {e.name}")
    if not plugins.exporters:
        print("  (none installed)")
    print("Plugins:")
    for r in plugins.records.values():
        print(f"  {r.name:<16} {'ok' if r.ok else 'FAILED':<7} {r.source}: {r.module}")
    for r in plugins.failures:
        print(f"\nplugin {r.name!r} failed:\n{r.error.rstrip()}", file=sys.stderr)
    return 0 if not plugins.failures else 1


def cmd_scan(args) -> int:
    from alexnet_desktop.core.data.loading import scan_data

    from alexnet_desktop.core.data.datasets import DatasetError
    from alexnet_desktop.core.data.predict_input import is_predict_input
    from alexnet_desktop.core.plugins import PluginError

    printer = ProgressPrinter()
    try:
        dataset, report = scan_data(host(), resolve_data(args.data), args.loader, parse_options(args.option), printer)
    except (DatasetError, PluginError):
        if args.loader or not is_predict_input(Path(args.data)):
            raise
        return _scan_predict_input(Path(args.data), args.json, printer)
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


def _scan_predict_input(folder: Path, as_json: bool, printer: ProgressPrinter) -> int:
    """A folder of images without classes: report it as the input of a prediction."""
    from alexnet_desktop.core.data.predict_input import check_predict_input

    found = check_predict_input(folder, printer)
    printer.done()
    if as_json:
        print(json.dumps(found.to_dict(), indent=2))
        return 0
    print(f"{folder}: a folder of {len(found.images)} image(s) to predict (no class folders, so not a dataset to "
          f"train on)\n  label it with: alexnet-desktop predict RUN {folder}")
    if found.unreadable:
        print(f"\n{len(found.unreadable)} file(s) cannot be read:")
        for p, r in found.unreadable:
            print(f"  {p}: {r}")
    if found.passed_over:
        print(f"\n{len(found.passed_over)} file(s) passed over:")
        for p, r in found.passed_over[:20]:
            print(f"  {p}: {r}")
    return 0


def cmd_summary(args) -> int:
    from alexnet_desktop.core.model.summary import model_summary

    summary = model_summary(host().architecture(args.arch), args.classes, args.image_size)
    print(json.dumps(summary.to_dict(), indent=2) if args.json else summary.to_text())
    return 0


def add_parsers(sub) -> None:
    """Add `plugins`, `scan`, `summary` to the subcommands `sub`."""
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
