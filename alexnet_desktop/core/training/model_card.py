"""The model card of a run: one page to attach to a lab notebook.

`write_model_card(run)` writes `model_card.md` and `model_card.html` (self-contained: the
curves and heat maps are embedded PNGs) into the run folder from what the run already
recorded: run.json, history.csv, eval.json and `explanations.png`. It is rewritten when a
run ends and after each evaluation, so it always says what the folder holds.

`write_explanations(run, loaded, evaluation)` makes `explanations.png` when the run evaluates
its validation images with its model at hand: the app's default heat map (occlusion, the
method that finds a located object; see `core/model/explain.py`) over a few of the images, the
most confident mistakes first. Occlusion costs about 1.7 s an image for AlexNet-BN at 227 px
on 2 CPU cores, so the card shows `EXPLAINED` images: seconds at the end of a run that took
minutes, and Grad-CAM, cheaper, does not find the object.
"""

from __future__ import annotations

import base64
import html
import io
import threading
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from alexnet_desktop.core.runs.evaluations import read_evaluations
from alexnet_desktop.core.runs.manifest import optimistic_note
from alexnet_desktop.core.training.fixmatch import METRIC as CONFIDENT
from alexnet_desktop.core.training.optimization import OptimizerSettings
from alexnet_desktop.core.files import atomic_write_text
from alexnet_desktop.core.runs.folder import RunFolder

CARD_MD = "model_card.md"
CARD_HTML = "model_card.html"
CURVES_PNG = "curves.png"
EXPLANATIONS_PNG = "explanations.png"
EXPLAINED = 4  # images in the card's heat-map figure
TILE = 200  # px, the longer side of each image there


def curves_image(history: list[dict[str, float]], width: int = 900, height: int = 320) -> Image.Image:
    """Loss and accuracy per epoch, training (blue) and validation (red), drawn with Pillow
    (the core does not use Qt)."""
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    panels = (("loss", 0), ("accuracy", width // 2))
    for metric, x0 in panels:
        left, top, right, bottom = x0 + 50, 30, x0 + width // 2 - 15, height - 35
        draw.rectangle([left, top, right, bottom], outline=(160, 160, 160))
        series = [(metric, (31, 119, 180)), (f"val_{metric}", (214, 39, 40))]
        shares = metric == "accuracy" and any(CONFIDENT in r for r in history)
        series += [(CONFIDENT, (44, 160, 44))] if shares else []
        draw.text((left, 8), metric.capitalize() + " (blue: training, red: validation"
                  + (", green: unlabelled above the threshold)" if shares else ")"), fill="black")
        values = [r[k] for r in history for k, _ in series if k in r]
        if not values:
            continue
        lo, hi = (0.0, 1.0) if metric == "accuracy" else (min(values + [0.0]), max(values))
        hi = hi if hi > lo else lo + 1
        epochs = [int(r.get("epoch", i + 1)) for i, r in enumerate(history)]
        e0, e1 = min(epochs), max(epochs)
        span = max(e1 - e0, 1)
        for frac in (0, 0.5, 1):
            y = bottom - frac * (bottom - top)
            draw.text((x0 + 5, y - 6), f"{lo + frac * (hi - lo):.2f}", fill=(90, 90, 90))
        draw.text((left, bottom + 8), f"epoch {e0}", fill=(90, 90, 90))
        draw.text((right - 60, bottom + 8), f"epoch {e1}", fill=(90, 90, 90))
        for key, colour in series:
            points = [
                (left + (e - e0) / span * (right - left), bottom - (r[key] - lo) / (hi - lo) * (bottom - top))
                for e, r in zip(epochs, history) if key in r
            ]
            if len(points) > 1:
                draw.line(points, fill=colour, width=2)
            for x, y in points:
                draw.ellipse([x - 2.5, y - 2.5, x + 2.5, y + 2.5], fill=colour)
    return img


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def chosen_for_explanation(images: list[dict[str, Any]], count: int = EXPLAINED) -> list[dict[str, Any]]:
    """The evaluated images the card explains: the most confident mistakes, then correct ones."""
    mistakes = sorted((i for i in images if i["predicted"] != i["true"]), key=lambda i: -i["confidence"])
    return (mistakes + [i for i in images if i["predicted"] == i["true"]])[:count]


def _legible(pixels: Any) -> Any:
    """A tile smaller than `TILE` (a 32 px CIFAR image) enlarged by a whole factor to about
    `TILE`, each pixel a sharp block, so its heat map can be read on the card."""
    import numpy as np

    factor = TILE // max(pixels.shape[:2])
    return np.repeat(np.repeat(pixels, factor, axis=0), factor, axis=1) if factor > 1 else pixels


def write_explanations(run: RunFolder, loaded: Any, images: list[dict[str, Any]],
                       stop: threading.Event | None = None) -> Path | None:
    """`explanations.png`: the default heat map of the predicted class over each image that
    `chosen_for_explanation` picks from `images` (an evaluation's), captioned with its true
    and predicted class; None (and the file left as it was) when no image can be read."""
    from alexnet_desktop.core.events import Cancelled
    from alexnet_desktop.core.model.explain import DEFAULT_METHOD, explain, overlay
    from alexnet_desktop.core.data.images import ImageDecodeError, decode_image

    tiles = []
    for item in chosen_for_explanation(images):
        if stop is not None and stop.is_set():
            return None
        try:
            shown = decode_image(item["path"], size=TILE, keep_aspect=True)
            seen = decode_image(item["path"], size=loaded.image_size, resize=loaded.resize)
        except (ImageDecodeError, OSError):
            continue  # moved or changed since it was evaluated: the card shows the others
        try:
            e = explain(loaded.model, seen, DEFAULT_METHOD, loaded.class_names.index(item["predicted"]), stop=stop)
        except Cancelled:
            return None
        tiles.append((_legible(overlay(shown, e.heat)), f"true {item['true']}",
                      f"said {item['predicted']} {item['confidence']:.0%}"))
    if not tiles:
        return None
    pad, text = 8, 30
    img = Image.new("RGB", (len(tiles) * (TILE + pad) + pad, TILE + text + 2 * pad), "white")
    draw = ImageDraw.Draw(img)
    for k, (pixels, true, said) in enumerate(tiles):
        x = pad + k * (TILE + pad)
        img.paste(Image.fromarray(pixels), (x + (TILE - pixels.shape[1]) // 2, pad + (TILE - pixels.shape[0]) // 2))
        colour = (0, 0, 0) if true.split(" ", 1)[1] == said.split(" ")[1] else (200, 30, 30)
        draw.text((x, pad + TILE + 2), true, fill=(60, 60, 60))
        draw.text((x, pad + TILE + 15), said, fill=colour)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    path = run.path / EXPLANATIONS_PNG
    _atomic_write_bytes(path, buf.getvalue())
    return path


def _table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def card_markdown(run: RunFolder) -> str:
    """The model card as Markdown (the curves as `curves.png` beside it)."""
    m = run.manifest()
    history = run.read_history()
    try:
        evals = read_evaluations(run.path)
    except ValueError:
        evals = {}  # damaged: the card is still written, without them
    arch, data, split, training, best = m.architecture, m.dataset, m.split, m.training, m.best
    out = [f"# Model card: {run.path.name}", ""]
    out += [f"**Status:** {m.status} · **created** {m.created or '?'} · **epochs** "
            f"{m.epochs_done} of {training.get('epochs', '?')}", ""]
    if best.value is not None:
        out += [f"**Best {best.metric.replace('_', ' ')}:** {best.value:.4f} at epoch {m.best_epoch}"
                + (f" ({optimistic_note()})" if m.validated_on_test else ""), ""]
    if m.note:
        out += [f"_{m.note}_", ""]
    out += ["## Architecture", f"{arch.name or arch.id} (`{arch.id}`), input "
            f"{m.image_size}x{m.image_size} RGB. Reference: {arch.reference}.", ""]
    out += ["## Data", f"`{data.root}` read by the `{data.loader}` loader; fingerprint "
            f"`{data.fingerprint[:16]}…`.", ""]
    counts = data.counts
    out += [_table(["class", "images"], [[c, n] for c, n in counts.items()]), ""]
    held_out = "the dataset's test part" if split.source == "test" else f"{split.val_fraction:.0%} held out"
    out += [f"Split: {data.train_count} training and {data.val_count} validation images "
            f"({held_out}, "
            f"seed {split.seed}, {'stratified' if split.stratified else 'not stratified'}; "
            f"identical images kept on one side). {len(data.rejected)} file(s) could not be used.", ""]
    opt = OptimizerSettings.from_record(training)
    aug = {k: v for k, v in m.augmentation.items() if v}
    out += ["## Training", f"{opt.describe()}; batch {training.get('batch_size')}; "
            f"seed {training.get('seed')}; augmentation: {', '.join(f'{k} {v}' for k, v in aug.items()) or 'none'}; "
            f"device: {m.device} ({m.strategy or 'one device'}).", ""]
    out += _what_else_it_learnt_from(m)
    if history:
        out += [f"![Curves]({CURVES_PNG})", ""]
        keys = [k for k in ("loss", "accuracy", "val_loss", "val_accuracy", CONFIDENT, "learning_rate")
                if k in history[0]]
        shown = history if len(history) <= 20 else history[:5] + history[-15:]
        out += [_table(["epoch", *keys], [[int(r["epoch"]), *(f"{r[k]:.4g}" for k in keys)] for r in shown]), ""]
    for key, e in evals.items():
        out += [f"## Evaluation: {e.source or key}", f"{e.count} images · accuracy {e.accuracy:.4f} · "
                f"loss {e.loss:.4f} · " + " · ".join(f"top-{k} {v:.4f}" for k, v in e.top_k_accuracy.items() if k != "1"),
                ""]
        if e.optimistic:
            out += [f"_Note: {optimistic_note()}._", ""]
        out += [_table(["class", "precision", "recall", "F1", "images"],
                       [[c, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", v["support"]]
                        for c, v in e.per_class.items()]), ""]
        names = e.class_names
        out += ["Confusion matrix (rows: true class, columns: predicted):", "",
                _table(["", *names], [[n, *row] for n, row in zip(names, e.confusion)]), ""]
    if (run.path / EXPLANATIONS_PNG).is_file():
        out += ["## Where the model looks",
                "Occlusion heat maps of the predicted class over validation images, the most confident mistakes "
                "first (red: where hiding the image lowers the class's score most).", "",
                f"![Heat maps]({EXPLANATIONS_PNG})", ""]
    versions = m.versions
    out += ["## Reproduce", "Software: " + ", ".join(f"{k} {v}" for k, v in versions.items()) + ".", "",
            "Settings are in `run.json` (`training`); `alexnet-desktop train --resume` continues this run.", ""]
    return "\n".join(out)


def _what_else_it_learnt_from(m: Any) -> list[str]:
    """The card's lines on a backbone's starting weights and on an unlabelled folder, if any."""
    out = []
    backbone = m.extra.get("backbone") or {}
    if backbone:
        kind = "ImageNet weights from Keras's file" if backbone.get("weights") == "imagenet" else \
            "the weights in the file chosen for it,"
        start = (f"{kind} `{backbone.get('file')}` (SHA-256 `{str(backbone.get('sha256'))[:16]}…`; "
                 f"Keras's name for its ImageNet file: `{backbone.get('keras_file_name')}`)" if backbone.get("file")
                 else "random weights (no weights file)")
        out += ["## Starting weights", f"The backbone began from {start}, its inputs prepared as "
                f"`{backbone.get('preprocessing')}`; frozen for the first {backbone.get('frozen_epochs', 0)} "
                f"epoch(s), then fine-tuned at {backbone.get('fine_tune_factor')} times the rate.", ""]
    unlabelled = m.extra.get("unlabelled") or {}
    if unlabelled:
        out += ["## Unlabelled images", f"Also learnt from {unlabelled.get('files')} unlabelled images in "
                f"`{unlabelled.get('folder')}` (hash `{str(unlabelled.get('sha256'))[:16]}…`; "
                f"copies of labelled images left out: {unlabelled.get('in_labelled_set', 0)}) by FixMatch: a "
                f"prediction at least {unlabelled.get('threshold')} confident became a target, "
                f"{unlabelled.get('ratio')} unlabelled per labelled image. `{CONFIDENT}` is the share of them "
                "above the threshold." + _folder_changes(m), ""]
    return out


def _folder_changes(m: Any) -> str:
    """A sentence on the resumes at which the unlabelled folder had changed, if any."""
    changed = [r["at_epoch"] for r in m.resumed if isinstance(r, dict) and r.get("unlabelled_before")]
    return (f" The folder changed while the run was stopped (resumed after epoch {', '.join(map(str, changed))}): "
            "the figures above are its last state; `resumed` in run.json keeps the earlier ones.") if changed else ""


def _markdown_to_html(md: str, pngs: dict[str, bytes]) -> str:
    """The small Markdown the card uses (headings, tables, emphasis, images) as HTML, each
    image embedded from `pngs` (file name -> bytes)."""
    body, table = [], []

    def flush() -> None:
        if table:
            rows = [r for r in table if not set(r.replace("|", "")) <= {"-"}]
            cells = [[html.escape(c.strip()) for c in r.strip().strip("|").split("|")] for r in rows]
            body.append("<table><tr>" + "".join(f"<th>{c}</th>" for c in cells[0]) + "</tr>"
                        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in cells[1:]) + "</table>")
            table.clear()

    for line in md.splitlines():
        if line.startswith("|"):
            table.append(line)
            continue
        flush()
        if line.startswith("# "):
            body.append(f"<h1>{html.escape(line[2:])}</h1>")
        elif line.startswith("## "):
            body.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif line.startswith("!["):
            alt, _, name = line[2:].rstrip(")").partition("](")
            if name in pngs:
                body.append(f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{base64.b64encode(pngs[name]).decode()}">')
        elif line.strip():
            text = html.escape(line)
            for mark, tag in (("**", "b"), ("_", "i"), ("`", "code")):
                parts = text.split(mark)
                text = "".join(p if i % 2 == 0 else f"<{tag}>{p}</{tag}>" for i, p in enumerate(parts)) if len(parts) % 2 else text
            body.append(f"<p>{text}</p>")
    flush()
    style = ("body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}"
             "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:2px 8px;text-align:right}"
             "th{background:#eee}img{max-width:100%}")
    return f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head><body>{''.join(body)}</body></html>"


def write_model_card(run: RunFolder) -> Path:
    """Write `model_card.md`, `model_card.html` and `curves.png` into the run; returns the HTML path."""
    md = card_markdown(run)
    history = run.read_history()
    pngs = {}
    if history:
        buf = io.BytesIO()
        curves_image(history).save(buf, "PNG")
        pngs[CURVES_PNG] = buf.getvalue()
        _atomic_write_bytes(run.path / CURVES_PNG, pngs[CURVES_PNG])
    try:
        pngs[EXPLANATIONS_PNG] = (run.path / EXPLANATIONS_PNG).read_bytes()
    except OSError:
        pass
    atomic_write_text(run.path / CARD_MD, md)
    atomic_write_text(run.path / CARD_HTML, _markdown_to_html(md, pngs))
    return run.path / CARD_HTML
