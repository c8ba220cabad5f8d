"""The layer rules of docs/architecture.md, as import-linter contracts in pyproject.toml: the core
imports no Qt, GUI or CLI; plugins import only the plugin API; pages do not import each other;
core is in floors with no cycle. (The size rule for functions and modules is tests/test_code_size.py.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# In a process of its own: import-linter closes the output streams it was given.
LINT = [str(Path(sys.executable).parent / "lint-imports"), "--no-cache", "--config"]


def test_the_import_contracts_hold():
    out = subprocess.run([*LINT, str(ROOT / "pyproject.toml")], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert out.stdout.count("KEPT") == 4


def test_the_contracts_catch_a_broken_rule(tmp_path):
    """A contract that is broken today (the GUI imports the core) is reported, so the check can fail."""
    config = tmp_path / "contracts.toml"
    config.write_text('[tool.importlinter]\nroot_packages = ["alexnet_desktop"]\n\n'
                      '[[tool.importlinter.contracts]]\nname = "a rule the app breaks"\ntype = "forbidden"\n'
                      'source_modules = ["alexnet_desktop.gui"]\nforbidden_modules = ["alexnet_desktop.core"]\n')
    out = subprocess.run([*LINT, str(config)], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.returncode != 0 and "BROKEN" in out.stdout


def test_the_floors_contract_catches_an_import_from_above(tmp_path):
    """The floors in the wrong order (labelling above training, which uses its prediction) are
    reported broken, so the layers contract can fail."""
    config = tmp_path / "contracts.toml"
    config.write_text('[tool.importlinter]\nroot_packages = ["alexnet_desktop"]\n\n'
                      '[[tool.importlinter.contracts]]\nname = "floors upside down"\ntype = "layers"\n'
                      'containers = ["alexnet_desktop.core"]\nlayers = ["labelling", "training"]\n')
    out = subprocess.run([*LINT, str(config)], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.returncode != 0 and "BROKEN" in out.stdout

