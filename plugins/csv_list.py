"""Dataset loader plugin: a CSV file that lists images and their labels (seed 001's data frame).

The CSV has a header row. The file column is the one named `imageName`, `filename`,
`file`, `path`, `image` or `id` (or as set); the label column `label`, `class`,
`category` or `target` (or as set). File paths are relative to the image root: unless set,
the CSV's own folder, or the one sub-folder of it that holds the listed files (a CSV beside
its `images/`); absolute paths are used as they are. The delimiter
(comma, semicolon, tab) is sniffed. Rows whose file is missing or whose label is empty,
and later rows that give an already listed file another label, are passed over and listed.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

from alexnet_desktop.plugin_api import (
    Dataset, DatasetError, DatasetLoader, Option, Sample, dataset_from_samples, hookimpl, say,
)


PATH_COLUMNS = ("imagename", "image_name", "filename", "file_name", "file", "path", "filepath", "image", "img", "id")
LABEL_COLUMNS = ("label", "labels", "class", "class_name", "category", "target", "y")
MAX_BYTES = 512 * 2**20  # a CSV listing images is small; anything this big is not one
HEAD_ROWS = 10  # rows looked at to tell where the listed files are
MAX_SUBFOLDERS = 50  # folder entries looked through for the images' folder


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
        raise DatasetError(say("{0}: no .csv file in this folder", path))
    names = ", ".join(p.name for p in found)
    raise DatasetError(say("{0}: several CSV files ({1}); choose one in the CSV file option", path, names))


def _pick(fieldnames: list[str], wanted: str, candidates: tuple[str, ...], what: str, csv_path: Path) -> str:
    if wanted:
        if wanted not in fieldnames:
            raise DatasetError(say("{0}: no column {1!r} (columns: {2})", csv_path, wanted, ", ".join(fieldnames)))
        return wanted
    lowered = {f.strip().lower(): f for f in fieldnames}
    for c in candidates:
        if c in lowered:
            return lowered[c]
    raise DatasetError(
        say("{0}: cannot tell which column holds the {1} (columns: {2}); set it in the options",
            csv_path, what, ", ".join(fieldnames))
    )


def _reader(csv_path: Path, head: int | None = None):
    """A DictReader over the CSV; `head` reads only that many bytes (enough for `detect`)."""
    try:
        if csv_path.stat().st_size > MAX_BYTES:
            raise DatasetError(say("{0}: {1:,} bytes is too large for a list of images", csv_path, csv_path.stat().st_size))
        with open(csv_path, "rb") as f:
            raw = f.read(head) if head else f.read()
        # A cut may split a multi-byte character; only the cut end may be dropped.
        text = raw.decode("utf-8-sig", errors="ignore" if head else "strict")
    except UnicodeDecodeError:
        raise DatasetError(say("{0}: not a UTF-8 text file", csv_path)) from None
    except OSError as exc:
        raise DatasetError(say("{0}: cannot be read ({1})", csv_path, exc.strerror or exc)) from None
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(text.splitlines(), dialect=dialect)
    if reader.fieldnames and len(reader.fieldnames) == 1:
        # The sniffer can miss a separator (a short file, quoted fields): one in the header is the hint.
        separator = next((s for s in ";\t|" if s in reader.fieldnames[0]), None)
        if separator:
            reader = csv.DictReader(text.splitlines(), delimiter=separator)
    if not reader.fieldnames or len(reader.fieldnames) < 2:
        raise DatasetError(say("{0}: expected a header row with a file column and a label column, separated by "
                               "commas, semicolons or tabs; the first line is {1!r}", csv_path,
                               (text.splitlines() or [""])[0][:120]))
    return reader


def load_csv_list(
    path: Path, csv_file: str = "", path_column: str = "", label_column: str = "", image_root: str = ""
) -> Dataset:
    """Read the images a CSV lists, with their labels."""
    csv_path = find_csv(Path(path), csv_file)
    reader = _reader(csv_path)
    path_col = _pick(reader.fieldnames, path_column, PATH_COLUMNS, say("file names"), csv_path)
    label_col = _pick(reader.fieldnames, label_column, LABEL_COLUMNS, say("labels"), csv_path)
    if image_root:
        root = Path(image_root)
    else:
        rows = list(reader)
        root = guess_image_root(csv_path, [(r.get(path_col) or "").strip() for r in rows[:HEAD_ROWS]])
        reader = iter(rows)
    samples: list[Sample] = []
    passed: list[tuple[Path, str]] = []
    labels_of: dict[Path, str] = {}
    repeats = 0
    for row_number, row in enumerate(reader, start=2):
        name = (row.get(path_col) or "").strip()
        label = (row.get(label_col) or "").strip()
        if not name:
            passed.append((csv_path, say("row {0}: no file name", row_number)))
            continue
        file = Path(name) if Path(name).is_absolute() else root / name
        if not label:
            passed.append((file, say("row {0} of {1}: empty label", row_number, csv_path.name)))
        elif not file.is_file():
            passed.append((file, say("row {0} of {1}: listed but not found", row_number, csv_path.name)))
        elif file in labels_of:
            if labels_of[file] != label:
                passed.append((file, say("row {0} of {1}: labelled {2!r} here but {3!r} earlier", row_number, csv_path.name, label, labels_of[file])))
            else:
                repeats += 1
        else:
            labels_of[file] = label
            samples.append(Sample(file, label))
    if not samples:
        raise DatasetError(say("{0}: none of the listed files was found under {1}", csv_path, root))
    notes = [say("{0} row(s) list a file a second time with the same label", repeats)] if repeats else []
    options = {"csv_file": str(csv_path), "path_column": path_col, "label_column": label_col, "image_root": str(root)}
    return dataset_from_samples(csv_path.parent, samples, "csv", options, passed_over=passed, notes=notes)


def detect_csv_list(path: Path) -> float:
    """Likely when there is one CSV with a file and a label column whose first files exist."""
    try:
        csv_path = find_csv(Path(path))
        reader = _reader(csv_path, head=64 * 1024)
        path_col = _pick(reader.fieldnames, "", PATH_COLUMNS, "", csv_path)
        label_col = _pick(reader.fieldnames, "", LABEL_COLUMNS, "", csv_path)
    except (DatasetError, OSError):
        return 0.0
    rows = [((r.get(path_col) or "").strip(), (r.get(label_col) or "").strip()) for r in itertools.islice(reader, HEAD_ROWS)]
    names = [n for n, _ in rows]
    found = _found_under(csv_path.parent, names) or _found_under(guess_image_root(csv_path, names), names)
    if found and "confidence" not in reader.fieldnames and any(Path(n).parent.name != label for n, label in rows):
        # A list of the folder's own images whose labels are not their folders' names is what the
        # folder is, even beside two image folders (train/, test/) the folder loader reads as classes.
        return 0.95
    # Below the folder loader's 0.9 for two or more class folders: a CSV beside class folders
    # (a list of predictions, say) does not make them a CSV dataset.
    return 0.85 if _found_under(csv_path.parent, names) or _found_under(guess_image_root(csv_path, names), names) else 0.05


def _found_under(root: Path, names: list[str]) -> bool:
    """True when at least half of the listed `names` (and one) are files under `root`."""
    found = sum(1 for n in names if n and (root / n).is_file())
    return bool(names) and found >= max(1, len(names) / 2)


def guess_image_root(csv_path: Path, names: list[str]) -> Path:
    """The folder the CSV's file names are relative to: its own folder, else the one sub-folder
    of it under which they are found (seed 001's list names `cat.1.jpg`, its images are in
    `train/`); the CSV's folder when neither holds them (the rows then say "not found")."""
    here = csv_path.parent
    if _found_under(here, names):
        return here
    subs = sorted(d for d in itertools.islice(here.iterdir(), MAX_SUBFOLDERS) if d.is_dir() and not d.name.startswith("."))
    holding = [d for d in subs if _found_under(d, names)]
    return holding[0] if len(holding) == 1 else here


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
        Option("image_root", "path", "", "The folder the file names are relative to (empty: the CSV's folder, or "
               "its one sub-folder that holds the listed files)."),
    ),
)


@hookimpl
def register_dataset_loaders():
    """Provide the CSV list loader."""
    return [CSV_LOADER]
