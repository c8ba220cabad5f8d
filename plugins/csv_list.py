"""Dataset loader plugin: a CSV file that lists images and their labels (seed 001's data frame).

The CSV has a header row. The file column is the one named `imageName`, `filename`,
`file`, `path`, `image` or `id` (or as set); the label column `label`, `class`,
`category` or `target` (or as set). File paths are relative to the image root, which is
the CSV's own folder unless set; absolute paths are used as they are. The delimiter
(comma, semicolon, tab) is sniffed. Rows whose file is missing or whose label is empty,
and later rows that give an already listed file another label, are passed over and listed.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

from alexnet_desktop.core.datasets import Dataset, DatasetError, Sample, dataset_from_samples
from alexnet_desktop.hookspecs import DatasetLoader, Option, hookimpl

PATH_COLUMNS = ("imagename", "image_name", "filename", "file_name", "file", "path", "filepath", "image", "img", "id")
LABEL_COLUMNS = ("label", "labels", "class", "class_name", "category", "target", "y")
MAX_BYTES = 512 * 2**20  # a CSV listing images is small; anything this big is not one


def find_csv(path: Path, csv_file: str = "") -> Path:
    """The CSV to read: `path` itself, the named one, or the only CSV in the folder `path`."""
    path = Path(path)
    if path.is_file():
        return path
    if csv_file:
        chosen = Path(csv_file)
        return chosen if chosen.is_absolute() else path / chosen
    found = sorted(p for p in path.glob("*.csv") if p.is_file()) if path.is_dir() else []
    if len(found) == 1:
        return found[0]
    if not found:
        raise DatasetError(f"{path}: no .csv file in this folder")
    names = ", ".join(p.name for p in found)
    raise DatasetError(f"{path}: several CSV files ({names}); choose one in the CSV file option")


def _pick(fieldnames: list[str], wanted: str, candidates: tuple[str, ...], what: str, csv_path: Path) -> str:
    if wanted:
        if wanted not in fieldnames:
            raise DatasetError(f"{csv_path}: no column {wanted!r} (columns: {', '.join(fieldnames)})")
        return wanted
    lowered = {f.strip().lower(): f for f in fieldnames}
    for c in candidates:
        if c in lowered:
            return lowered[c]
    raise DatasetError(
        f"{csv_path}: cannot tell which column holds the {what} (columns: {', '.join(fieldnames)}); set it in the options"
    )


def _reader(csv_path: Path, head: int | None = None):
    """A DictReader over the CSV; `head` reads only that many bytes (enough for `detect`)."""
    try:
        if csv_path.stat().st_size > MAX_BYTES:
            raise DatasetError(f"{csv_path}: {csv_path.stat().st_size:,} bytes is too large for a list of images")
        with open(csv_path, "rb") as f:
            raw = f.read(head) if head else f.read()
        # A cut may split a multi-byte character; only the cut end may be dropped.
        text = raw.decode("utf-8-sig", errors="ignore" if head else "strict")
    except UnicodeDecodeError:
        raise DatasetError(f"{csv_path}: not a UTF-8 text file") from None
    except OSError as exc:
        raise DatasetError(f"{csv_path}: cannot be read ({exc.strerror or exc})") from None
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(text.splitlines(), dialect=dialect)
    if not reader.fieldnames or len(reader.fieldnames) < 2:
        raise DatasetError(f"{csv_path}: expected a header row with a file column and a label column")
    return reader


def load_csv_list(
    path: Path, csv_file: str = "", path_column: str = "", label_column: str = "", image_root: str = ""
) -> Dataset:
    """Read the images a CSV lists, with their labels."""
    csv_path = find_csv(Path(path), csv_file)
    reader = _reader(csv_path)
    path_col = _pick(reader.fieldnames, path_column, PATH_COLUMNS, "file names", csv_path)
    label_col = _pick(reader.fieldnames, label_column, LABEL_COLUMNS, "labels", csv_path)
    root = Path(image_root) if image_root else csv_path.parent
    samples: list[Sample] = []
    passed: list[tuple[Path, str]] = []
    labels_of: dict[Path, str] = {}
    repeats = 0
    for row_number, row in enumerate(reader, start=2):
        name = (row.get(path_col) or "").strip()
        label = (row.get(label_col) or "").strip()
        if not name:
            passed.append((csv_path, f"row {row_number}: no file name"))
            continue
        file = Path(name) if Path(name).is_absolute() else root / name
        if not label:
            passed.append((file, f"row {row_number} of {csv_path.name}: empty label"))
        elif not file.is_file():
            passed.append((file, f"row {row_number} of {csv_path.name}: listed but not found"))
        elif file in labels_of:
            if labels_of[file] != label:
                passed.append((file, f"row {row_number} of {csv_path.name}: labelled {label!r} here but {labels_of[file]!r} earlier"))
            else:
                repeats += 1
        else:
            labels_of[file] = label
            samples.append(Sample(file, label))
    if not samples:
        raise DatasetError(f"{csv_path}: none of the listed files was found under {root}")
    notes = [f"{repeats} row(s) list a file a second time with the same label"] if repeats else []
    options = {"csv_file": str(csv_path), "path_column": path_col, "label_column": label_col, "image_root": str(root)}
    return dataset_from_samples(csv_path.parent, samples, "csv", options, passed_over=passed, notes=notes)


def detect_csv_list(path: Path) -> float:
    """Likely when there is one CSV with a file and a label column whose first files exist."""
    try:
        csv_path = find_csv(Path(path))
        reader = _reader(csv_path, head=64 * 1024)
        path_col = _pick(reader.fieldnames, "", PATH_COLUMNS, "", csv_path)
        _pick(reader.fieldnames, "", LABEL_COLUMNS, "", csv_path)
    except (DatasetError, OSError):
        return 0.0
    rows = list(itertools.islice(reader, 10))
    found = sum(1 for r in rows if (csv_path.parent / (r.get(path_col) or "").strip()).is_file())
    return 0.85 if rows and found >= len(rows) / 2 else 0.05


CSV_LOADER = DatasetLoader(
    id="csv",
    name="CSV list of images",
    description=(
        "A CSV file with a header, one row per image: its file name and its label "
        "(seed 001's imageName,label data frame). Paths are relative to the CSV's folder."
    ),
    detect=detect_csv_list,
    load=load_csv_list,
    options=(
        Option("csv_file", "path", "", "The CSV file (empty: the only .csv in the chosen folder).", label="CSV file"),
        Option("path_column", "str", "", "The column with the file names (empty: imageName, filename, path...)."),
        Option("label_column", "str", "", "The column with the labels (empty: label, class, category...)."),
        Option("image_root", "path", "", "The folder the file names are relative to (empty: the CSV's folder)."),
    ),
)


@hookimpl
def register_dataset_loaders():
    """Provide the CSV list loader."""
    return [CSV_LOADER]
