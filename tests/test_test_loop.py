"""The two ways to run the tests stay what README says: plain `pytest` is the quick loop that
leaves out every declared marker's tests, and README's command (which `.ci/run` reads from
README itself) runs them all."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# Every test (-m ""), spread over the cores; conftest.py groups each module's tests on one worker
# and puts the longest independent ones first, which the scheduler keeps in that order.
FULL = '.venv/bin/python -m pytest -m "" -n auto --maxprocesses 4 --dist loadgroup --no-loadscope-reorder'


def _pytest_options() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]


def test_the_quick_loop_leaves_out_every_declared_marker():
    options = _pytest_options()
    declared = {m.split(":", 1)[0].strip() for m in options["markers"]}
    # xdist_group only says which tests share a pytest-xdist worker; it selects nothing.
    assert declared - {"xdist_group"} == {"slow", "window", "cluster"}
    addopts = options["addopts"]
    expression = addopts[addopts.index("-m") + 1]
    assert expression == " and ".join(f"not {m}" for m in ("slow", "window", "cluster"))
    assert "--strict-markers" in addopts  # a misspelt marker fails instead of running in the quick loop


def test_ci_runs_exactly_readmes_full_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # The line .ci/run uses to read the command, run here on the real README.
    reader = next(line for line in script.splitlines() if line.startswith("test_command="))
    command = subprocess.run(["bash", "-c", f'{reader}; printf %s "$test_command"'], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout
    assert command == FULL
    assert 'eval "$test_command"' in script
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"&& {FULL}\n" in readme
