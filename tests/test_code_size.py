"""The house rule that keeps code readable, checked on the syntax tree: no function or method
over 80 lines, no module over 450, in alexnet_desktop/ and plugins/."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_FUNCTION_LINES = 80
MAX_MODULE_LINES = 450


def _sources() -> list[Path]:
    return sorted([*ROOT.glob("alexnet_desktop/**/*.py"), *ROOT.glob("plugins/**/*.py")])


def _functions(tree: ast.AST, prefix: str = ""):
    """(qualified name, node) of every function and method, nested ones included."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            name = f"{prefix}{node.name}"
            if not isinstance(node, ast.ClassDef):
                yield name, node
            yield from _functions(node, name + ".")
        else:
            yield from _functions(node, prefix)


def offenders(files: list[Path], root: Path = ROOT) -> dict[str, int]:
    """'path' (a module) or 'path:Qualified.name' (a function) -> its length in lines, for each
    over its limit. A function's lines run from its `def` (decorators excluded) to its last line."""
    found = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(root).as_posix()
        if (lines := len(text.splitlines())) > MAX_MODULE_LINES:
            found[where] = lines
        for name, node in _functions(ast.parse(text, filename=str(path))):
            if (lines := node.end_lineno - node.lineno + 1) > MAX_FUNCTION_LINES:
                found[f"{where}:{name}"] = lines
    return found


def test_no_function_over_80_lines_and_no_module_over_450():
    found = offenders(_sources())
    assert not found, f"over the limit ({MAX_FUNCTION_LINES} lines a function, {MAX_MODULE_LINES} a module): {found}"


def test_the_check_catches_a_long_method_and_a_long_module(tmp_path):
    body = "\n".join(f"        x = {i}" for i in range(MAX_FUNCTION_LINES))
    short = tmp_path / "short.py"
    short.write_text(f"class A:\n    def ok(self):\n{body[:-len(body.splitlines()[-1]) - 1]}\n")
    long = tmp_path / "long.py"
    long.write_text(f"class A:\n    def grown(self):\n{body}\n" + "\n" * MAX_MODULE_LINES)
    assert offenders([short, long], tmp_path) == {"long.py": MAX_MODULE_LINES + MAX_FUNCTION_LINES + 2,
                                                  "long.py:A.grown": MAX_FUNCTION_LINES + 1}
