"""The labelling loop in the real window on an X server, as CI runs it.

`tools/screenshots.py --quick` under `xvfb-run` on Qt's xcb platform (not offscreen): the app
opens on its demo data, trains, predicts a folder, takes three corrections by keyboard,
retrains with them, predicts again, sorts after the dry run and undoes, through its widgets
and dialogs; every step saves a screenshot. README's screenshots come from the same script.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from screenshots import PAGES  # noqa: E402  (tools/screenshots.py)

pytestmark = [pytest.mark.slow, pytest.mark.window]


def test_the_labelling_loop_runs_in_the_real_window_and_saves_a_screenshot_of_each_step(tmp_path):
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        if os.environ.get("ALEXNET_REQUIRE_XVFB"):
            pytest.fail("xvfb-run is missing (.ci/run installs xvfb)")
        pytest.skip("xvfb-run is not installed (sudo apt-get install xvfb)")
    shots = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "TMPDIR": str(tmp_path)}
    proc = subprocess.run([xvfb, "-a", "-s", "-screen 0 1600x1000x24", sys.executable, str(ROOT / "tools" / "screenshots.py"),
                           "--quick", "--out", str(shots)], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stderr[-4000:] + proc.stdout[-1000:]
    assert "the loop held" in proc.stdout and "Traceback" not in proc.stderr, proc.stderr[-4000:]
    assert sorted(p.stem for p in shots.glob("*.png")) == sorted(PAGES.split(","))
    for path in shots.glob("*.png"):
        with Image.open(path) as im:
            grey = im.convert("L")
            low, high = grey.getextrema()
            assert high - low > 64, f"{path.name} is blank"
            if path.stem != "sort":  # the dry-run dialog is its own window
                assert im.size == (1280, 800), (path.name, im.size)
