"""The project installs without a network: its wheel builds offline and carries the plugins,
the icon, the .desktop entry and the translations; pip installs it from a folder with
`--no-index` (tools/wheelhouse.sh does the same with every dependency's wheel beside it)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

# Builds and installs a wheel: minutes.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.timeout(300)
def test_the_wheel_builds_and_installs_offline_with_everything_it_needs(tmp_path):
    house = tmp_path / "wheelhouse"
    env_offline = {"PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PATH": "/usr/bin:/bin"}
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(house), str(ROOT)],
        capture_output=True, text=True, env=env_offline, timeout=280)
    assert build.returncode == 0, build.stderr[-3000:]
    (wheel,) = house.glob("alexnet_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("alexnet_desktop_plugins/exporters.py", "alexnet_desktop_plugins/folder_loader.py",
                   "alexnet_desktop_resources/alexnet-desktop.svg", "alexnet_desktop_resources/alexnet-desktop.png",
                   "alexnet_desktop_resources/alexnet-desktop.desktop", "alexnet_desktop/core/data/images.py",
                   "alexnet_desktop_resources/i18n/alexnet_desktop_zh_CN.qm"):
        assert needed in names, needed
    assert not any("screenshots" in n for n in names)  # the README's pictures stay out of the install
    (entry_points,) = [n for n in names if n.endswith("entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "exporters = alexnet_desktop_plugins.exporters" in text and "alexnet-desktop = alexnet_desktop.cli:main" in text

    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-index", "--find-links", str(house), "--no-deps",
         "--target", str(target), "alexnet-desktop"], capture_output=True, text=True, env=env_offline, timeout=120)
    assert install.returncode == 0, install.stderr[-3000:]
    assert (target / "alexnet_desktop_resources" / "alexnet-desktop.desktop").is_file()
