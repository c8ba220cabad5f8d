"""The one way tests run the command line: `alexnet-desktop ARGS` in a fresh process, as a user's
shell would start it (a new interpreter, nothing imported from the test's process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cli_env(**extra: str) -> dict[str, str]:
    """The environment a command-line run gets: the test's own (its workspace and settings
    folders), TensorFlow quiet and on the CPU, and the repository importable (for tests' plugins)."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env.update(extra)
    return env


def _merged(base: dict[str, str], extra: dict[str, str | None]) -> dict[str, str]:
    merged = {**base, **extra}
    return {k: v for k, v in merged.items() if v is not None}


def run_cli(*args: object, ok: bool = False, cwd: Path | None = None, timeout: float = 300,
            env: dict[str, str | None] | None = None) -> subprocess.CompletedProcess:
    """`alexnet-desktop ARGS` in a fresh process, its output captured as text. `env` adds to (or
    replaces entries of, or with None drops) `cli_env()`. With `ok`, a non-zero exit fails the test, showing the
    command and the end of its stderr."""
    done = subprocess.run([sys.executable, "-m", "alexnet_desktop", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout, env=_merged(cli_env(), env or {}))
    if ok:
        assert done.returncode == 0, (
            f"alexnet-desktop {' '.join(map(str, args))} exited {done.returncode}:\n{done.stderr[-3000:]}")
    return done


def run_in_one_process(*commands: list[object], timeout: float = 900,
                       env: dict[str, str | None] | None = None) -> tuple[list[dict], str]:
    """Each of `commands` (argument lists) through the command line's `main`, in order, in one new
    process (tests/fresh_uses.py): `([{"args", "code", "out"}, ...], the process's stderr)`. For tests that check a model
    reopens in a process that did not build it, where one start-up serves several commands.
    `env` as for `run_cli`."""
    import json

    done = subprocess.run([sys.executable, str(ROOT / "tests" / "fresh_uses.py"),
                           json.dumps([[str(a) for a in c] for c in commands])],
                          capture_output=True, text=True, timeout=timeout, env=_merged(cli_env(), env or {}))
    assert done.returncode == 0, f"the commands' process exited {done.returncode}:\n{done.stderr[-3000:]}"
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr
