"""Keep the app's translations in step with its source: `python tools/translations.py update`
re-reads every translatable string into `resources/i18n/*.ts` (keeping the translations
already made, marking new strings unfinished, dropping strings the code no longer has), and
`... compile` turns each `.ts` into the `.qm` the app loads (with Qt's `lrelease`).
`... untranslated` prints a language's unfinished strings as a JSON object (source: ""), and
`... fill FILE.json` takes the translations written into that object back into the .ts.

The strings are what the GUI passes through Qt's translation system:
- `self.tr("…")` inside a class: the class is the context (as Qt's `lupdate` does);
- `QCoreApplication.translate("Context", "…")` and `QT_TRANSLATE_NOOP("Context", "…")`;
- in the core and the plugins, `tr("…")`, `N_("…")` and `say("…", …)` (see
  `core/wording.py`), in the context `core`;
- the text the installed plugins and the core's tables give the GUI (names, descriptions,
  option labels and help; optimizers and schedules), in the contexts `plugins` and `core`,
  where `gui/i18n.plugin_text` and `core_text` look them up.

Qt's own `pyside6-lupdate` reads the first two as well but not the third, and it keeps
strings the code dropped as "vanished"; this script writes the same Qt Linguist format, so
a translator can still open the files in Linguist.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "alexnet_desktop" / "gui"]
CORE_SOURCES = [ROOT / "alexnet_desktop" / "core", ROOT / "plugins"]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ["zh_CN"]


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class _Finder(ast.NodeVisitor):
    def __init__(self, filename: str, core: bool = False) -> None:
        self.filename, self.core, self.classes, self.found = filename, core, [], []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        args = [_literal(a) for a in node.args]
        if self.core:
            # core.wording: tr("…") in a function handed a translator, N_("…") on data,
            # say("…", values) for a sentence that is translated where it is shown.
            one_literal = len(args) == 1 or name == "say"
            if name in ("tr", "N_", "say") and args and args[0] is not None and one_literal and isinstance(func, ast.Name):
                self.found.append(("core", args[0], self.filename, node.lineno))
        elif name == "tr" and args and args[0] is not None and self.classes and isinstance(func, ast.Attribute):
            self.found.append((self.classes[-1], args[0], self.filename, node.lineno))
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 and None not in args[:2]:
            self.found.append((args[0], args[1], self.filename, node.lineno))
        elif name == "tr" and not isinstance(func, ast.Attribute) and len(args) >= 2 and None not in args[:2]:
            self.found.append((args[0], args[1], self.filename, node.lineno))  # i18n.tr(context, text)
        self.generic_visit(node)


def source_strings() -> list[tuple[str, str, str, int]]:
    """(context, text, file, line) of every translatable string in the GUI's code."""
    found = []
    for folder in SOURCES:
        for path in sorted(folder.rglob("*.py")):
            finder = _Finder(str(path.relative_to(ROOT)))
            finder.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
            found += finder.found
    for folder in CORE_SOURCES:
        for path in sorted(folder.rglob("*.py")):
            finder = _Finder(str(path.relative_to(ROOT)), core=True)
            finder.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
            found += finder.found
    return found


def catalogue_strings() -> list[tuple[str, str, str, int]]:
    """The built-in plugins' and the core's texts the GUI shows (contexts `plugins`, `core`)."""
    sys.path.insert(0, str(ROOT))
    from alexnet_desktop.core.plugins import default_host
    from alexnet_desktop.gui.i18n import catalogue

    return [(context, text, "", 0) for context, text in catalogue(default_host())]


def all_strings() -> list[tuple[str, str, str, int]]:
    """Every translatable string, in order, once per context."""
    seen, out = set(), []
    for entry in source_strings() + catalogue_strings():
        if (entry[0], entry[1]) not in seen:
            seen.add((entry[0], entry[1]))
            out.append(entry)
    return out


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """The finished and unfinished translations in a .ts file, by (context, source)."""
    if not path.exists():
        return {}
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = translation.text if translation is not None and translation.text else ""
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            out[(name, message.findtext("source"))] = text
    return out


def write_ts(path: Path, language: str, strings, translations: dict[tuple[str, str], str]) -> tuple[int, int]:
    """Write the .ts file for `language`; returns (strings, of which untranslated)."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    contexts: dict[str, ET.Element] = {}
    missing = 0
    for context, text, filename, line in strings:
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message")
        if filename:
            # The file, not the line: a line number would change the .ts at every edit above it.
            ET.SubElement(message, "location", filename=f"../../{filename}")
        ET.SubElement(message, "source").text = text
        translated = translations.get((context, text), "")
        element = ET.SubElement(message, "translation")
        if translated:
            element.text = translated
        else:
            element.set("type", "unfinished")
            missing += 1
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return len(strings), missing


def ts_path(language: str) -> Path:
    """Where a language's translation source lives."""
    return I18N / f"alexnet_desktop_{language}.ts"


def update() -> int:
    """Re-extract the strings into each language's .ts; returns how many lack a translation."""
    strings = all_strings()
    missing = 0
    for language in LANGUAGES:
        total, lacking = write_ts(ts_path(language), language, strings, read_ts(ts_path(language)))
        print(f"{ts_path(language).relative_to(ROOT)}: {total} strings, {lacking} untranslated")
        missing += lacking
    return missing


def untranslated(language: str) -> dict[str, str]:
    """The sources of `language`'s unfinished strings, each mapped to "" (to be filled in)."""
    done = read_ts(ts_path(language))
    return {text: "" for context, text, _, _ in all_strings() if not done.get((context, text))}


def fill(language: str, table: dict[str, str]) -> int:
    """Give `language`'s unfinished strings the translations in `table` (source: translation);
    returns how many are still unfinished."""
    translations = read_ts(ts_path(language))
    strings = all_strings()
    for context, text, _, _ in strings:
        if not translations.get((context, text)) and table.get(text):
            translations[(context, text)] = table[text]
    return write_ts(ts_path(language), language, strings, translations)[1]


def lrelease() -> str:
    """Qt's lrelease, as PySide6 installs it."""
    found = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    return found


def compile_all() -> None:
    """Compile each .ts into its .qm."""
    for language in LANGUAGES:
        source = ts_path(language)
        subprocess.run([lrelease(), "-silent", str(source), "-qm", str(source.with_suffix(".qm"))], check=True)
        print(f"{source.with_suffix('.qm').relative_to(ROOT)} written")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["update", "compile", "all", "untranslated", "fill"])
    parser.add_argument("table", nargs="?", help="fill: a JSON file of source: translation")
    parser.add_argument("--language", default=LANGUAGES[0])
    args = parser.parse_args()
    if args.action == "untranslated":
        print(json.dumps(untranslated(args.language), ensure_ascii=False, indent=1))
        return 0
    if args.action == "fill":
        left = fill(args.language, json.loads(Path(args.table).read_text(encoding="utf-8")))
        print(f"{ts_path(args.language).relative_to(ROOT)}: {left} untranslated")
        return 1 if left else 0
    missing = 0
    if args.action in ("update", "all"):
        missing = update()
    if args.action in ("compile", "all"):
        compile_all()
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
