"""The layer rules of shared/design.md, as import-linter contracts in pyproject.toml: the core
imports no Qt, GUI or CLI; plugins import only the plugin API; pages do not import each other.
And the house rule that keeps modules readable: none over 500 lines."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_contracts_hold(capsys):
    from importlinter.cli import lint_imports

    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    assert code == 0, capsys.readouterr().out[-4000:]


def test_the_contracts_catch_a_broken_rule(tmp_path, capsys):
    """A contract that is broken today (the GUI imports the core) is reported, so the check can fail."""
    from importlinter.cli import lint_imports

    config = tmp_path / "contracts.toml"
    config.write_text('[tool.importlinter]\nroot_packages = ["alexnet_desktop"]\n\n'
                      '[[tool.importlinter.contracts]]\nname = "a rule the app breaks"\ntype = "forbidden"\n'
                      'source_modules = ["alexnet_desktop.gui"]\nforbidden_modules = ["alexnet_desktop.core"]\n')
    assert lint_imports(config_filename=str(config), no_cache=True) != 0
    assert "BROKEN" in capsys.readouterr().out


def test_no_module_is_over_500_lines():
    long = {str(p.relative_to(ROOT)): n for p in [*ROOT.glob("alexnet_desktop/**/*.py"), *ROOT.glob("plugins/*.py")]
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert not long, long
