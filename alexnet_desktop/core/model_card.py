"""The model card of a run: one page to attach to a lab notebook.

`write_model_card(run)` writes `model_card.md` and `model_card.html` (self-contained: the
curves are an embedded PNG) into the run folder from what the run already recorded:
run.json, history.csv and eval.json. It is rewritten when a run ends and after each
evaluation, so it always says what the folder holds.
"""

from __future__ import annotations

import base64
import html
import io
import json
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from alexnet_desktop.core.runs import RunFolder, atomic_write_text

CARD_MD = "model_card.md"
CARD_HTML = "model_card.html"
CURVES_PNG = "curves.png"


def curves_image(history: list[dict[str, float]], width: int = 900, height: int = 320) -> Image.Image:
    """Loss and accuracy per epoch, training (blue) and validation (red), drawn with Pillow
    (the core does not use Qt)."""
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    panels = (("loss", 0), ("accuracy", width // 2))
    for metric, x0 in panels:
        left, top, right, bottom = x0 + 50, 30, x0 + width // 2 - 15, height - 35
        draw.rectangle([left, top, right, bottom], outline=(160, 160, 160))
        draw.text((left, 8), metric.capitalize() + " (blue: training, red: validation)", fill="black")
        series = [(metric, (31, 119, 180)), (f"val_{metric}", (214, 39, 40))]
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


def _table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def card_markdown(run: RunFolder) -> str:
    """The model card as Markdown (the curves as `curves.png` beside it)."""
    m = run.read_manifest()
    history = run.read_history()
    try:
        evals = json.loads((run.path / "eval.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        evals = {}
    arch, data, split = m.get("architecture", {}), m.get("dataset", {}), m.get("split", {})
    training, best = m.get("training", {}), m.get("best") or {}
    out = [f"# Model card: {run.path.name}", ""]
    out += [f"**Status:** {m.get('status')} · **created** {m.get('created', '?')} · **epochs** "
            f"{m.get('epochs_done', 0)} of {training.get('epochs', '?')}", ""]
    if best.get("value") is not None:
        out += [f"**Best {best.get('metric', '').replace('_', ' ')}:** {best['value']:.4f} at epoch {m.get('best_epoch')}", ""]
    if m.get("note"):
        out += [f"_{m['note']}_", ""]
    out += ["## Architecture", f"{arch.get('name', arch.get('id'))} (`{arch.get('id')}`), input "
            f"{m.get('image_size')}x{m.get('image_size')} RGB. Reference: {arch.get('reference', '')}.", ""]
    out += ["## Data", f"`{data.get('root')}` read by the `{data.get('loader')}` loader; fingerprint "
            f"`{str(data.get('fingerprint', ''))[:16]}…`.", ""]
    counts = data.get("counts") or {}
    out += [_table(["class", "images"], [[c, n] for c, n in counts.items()]), ""]
    held_out = "the dataset's test part" if split.get("source") == "test" else f"{split.get('val_fraction', 0):.0%} held out"
    out += [f"Split: {data.get('train_count')} training and {data.get('val_count')} validation images "
            f"({held_out}, "
            f"seed {split.get('seed')}, {'stratified' if split.get('stratified') else 'not stratified'}; "
            f"identical images kept on one side). {len(data.get('rejected') or [])} file(s) could not be used.", ""]
    opt = m.get("optimization") or {}
    aug = {k: v for k, v in (m.get("augmentation") or {}).items() if v}
    out += ["## Training", f"{opt.get('summary', training.get('optimizer'))}; batch {training.get('batch_size')}; "
            f"seed {training.get('seed')}; augmentation: {', '.join(f'{k} {v}' for k, v in aug.items()) or 'none'}; "
            f"device: {m.get('device')} ({m.get('strategy', 'one device')}).", ""]
    if history:
        out += [f"![Curves]({CURVES_PNG})", ""]
        keys = [k for k in ("loss", "accuracy", "val_loss", "val_accuracy", "learning_rate") if k in history[0]]
        shown = history if len(history) <= 20 else history[:5] + history[-15:]
        out += [_table(["epoch", *keys], [[int(r["epoch"]), *(f"{r[k]:.4g}" for k in keys)] for r in shown]), ""]
    for key, e in evals.items():
        out += [f"## Evaluation: {e.get('source', key)}", f"{e['count']} images · accuracy {e['accuracy']:.4f} · "
                f"loss {e['loss']:.4f} · " + " · ".join(f"top-{k} {v:.4f}" for k, v in e.get("top_k_accuracy", {}).items() if k != "1"),
                ""]
        out += [_table(["class", "precision", "recall", "F1", "images"],
                       [[c, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", v["support"]]
                        for c, v in e["per_class"].items()]), ""]
        names = e["class_names"]
        out += ["Confusion matrix (rows: true class, columns: predicted):", "",
                _table(["", *names], [[n, *row] for n, row in zip(names, e["confusion"])]), ""]
    versions = m.get("versions") or {}
    out += ["## Reproduce", "Software: " + ", ".join(f"{k} {v}" for k, v in versions.items()) + ".", "",
            "Settings are in `run.json` (`training`); `alexnet-desktop train --resume` continues this run.", ""]
    return "\n".join(out)


def _markdown_to_html(md: str, png: bytes | None) -> str:
    """The small Markdown the card uses (headings, tables, emphasis, an image) as HTML."""
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
        elif line.startswith("![") and png:
            body.append(f'<img alt="curves" src="data:image/png;base64,{base64.b64encode(png).decode()}">')
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
    png = None
    if history:
        buf = io.BytesIO()
        curves_image(history).save(buf, "PNG")
        png = buf.getvalue()
        tmp = run.path / f".{CURVES_PNG}.tmp"
        tmp.write_bytes(png)
        tmp.replace(run.path / CURVES_PNG)
    atomic_write_text(run.path / CARD_MD, md)
    atomic_write_text(run.path / CARD_HTML, _markdown_to_html(md, png))
    return run.path / CARD_HTML
