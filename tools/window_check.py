"""Start the real app once under Xvfb with Qt's xcb platform (not offscreen) and check it.

The window must appear within a minute, a screenshot of the screen must not be blank, and
Ctrl+Q must close the app with exit status 0 and no traceback. `.ci/run` calls this after
installing only README's apt line, so a system library Qt's xcb plugin needs and README
does not list fails CI instead of a user. Needs Xvfb, xdotool and ImageMagick's `import`.

Usage: python tools/window_check.py [SCREENSHOT.png]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageStat

ROOT = Path(__file__).resolve().parent.parent
TITLE = "AlexNet Desktop"


def fail(message: str, app: subprocess.Popen | None = None) -> None:
    if app is not None:
        app.kill()
        out, err = app.communicate()
        message += f"\n--- the app's output ---\n{out[-4000:]}{err[-4000:]}"
    sys.exit(f"window check: {message}")


def wait_for(condition, seconds: float, app: subprocess.Popen | None = None):
    """Poll `condition()` (an external process's state) until it returns something true."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if app is not None and app.poll() is not None:
            fail(f"the app exited with status {app.returncode} before its window was checked", app)
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    return None


def blank(png: Path) -> bool:
    """True for a screen of (nearly) one colour: nothing was drawn."""
    image = Image.open(png).convert("RGB")
    small = image.resize((160, 100))
    return len(small.getcolors(maxcolors=1 << 16) or range(1 << 16)) < 16 or max(ImageStat.Stat(image).stddev) < 8


def owners_outside_readme() -> list[str]:
    """The Debian packages that hold a library Qt's xcb platform loads and that README's apt
    line does not bring (itself, through its dependencies, or as a package every Debian has).
    The window check's own tools pull in libraries too (ImageMagick brings GLib), so the window
    appearing here would not prove README's line is enough on a bare machine; this does."""
    import re

    import PySide6

    if shutil.which("dpkg-query") is None or shutil.which("apt-cache") is None:
        return []  # not Debian: nothing to compare with
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"sudo apt-get install ([a-z0-9 .+-]+)", readme).group(1).split()
    qt = Path(PySide6.__file__).parent / "Qt"
    libs = [qt / "plugins" / "platforms" / "libqxcb.so", *(qt / "lib" / f"libQt6{m}.so.6"
                                                            for m in ("Core", "Gui", "Widgets", "XcbQpa", "DBus"))]
    needed = set()
    for lib in filter(Path.exists, libs):
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True).stdout
        needed |= {m.group(1) for m in re.finditer(r"=> (/\S+)", out) if str(qt) not in m.group(1)}
    owners = set()
    for path in needed:
        real = os.path.realpath(path)
        for candidate in {path, real, real.replace("/usr/lib/", "/lib/", 1), real.replace("/lib/", "/usr/lib/", 1)}:
            found = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True).stdout
            if found:
                owners |= {o.strip().split(":")[0] for o in found.split(":", 1)[0].split(",")}
                break
    brought = subprocess.run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts",
                              "--no-breaks", "--no-replaces", "--no-enhances", "--installed", *listed],
                             capture_output=True, text=True).stdout
    allowed = set(listed) | {w.split(":")[0] for w in re.findall(r"(?m)^\s*(?:\|?Depends|PreDepends): <?([^\s>]+)", brought)}
    allowed |= set(re.findall(r"(?m)^([^\s]+)$", brought))
    base = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Priority}\n"], capture_output=True, text=True).stdout
    allowed |= {line.split()[0] for line in base.splitlines() if line.split()[1:] in (["required"], ["important"])}
    return sorted(owners - allowed)


def main(shot: Path) -> None:
    missing = owners_outside_readme()
    if missing:
        fail(f"Qt's xcb platform needs libraries from {', '.join(missing)}, which README's apt line does not "
             "bring: add them to it")
    for tool in ("Xvfb", "xdotool", "import"):
        if shutil.which(tool) is None:
            fail(f"{tool} is not installed (apt-get install xvfb xdotool imagemagick)")
    display = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                   and not Path(f"/tmp/.X{n}-lock").exists())
    xvfb = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    home = Path(tempfile.mkdtemp(prefix="alexnet-window-check-"))
    try:
        if not wait_for(lambda: Path(f"/tmp/.X11-unix/X{display}").exists(), 30):
            fail("Xvfb did not start")
        env = dict(os.environ, DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb", ALEXNET_DESKTOP_HOME=str(home / "ws"),
                   XDG_CONFIG_HOME=str(home / "config"), HOME=str(home))
        app = subprocess.Popen([str(ROOT / ".venv" / "bin" / "alexnet-desktop")], env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)

        def window_id():
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", TITLE], env=env,
                                   capture_output=True, text=True)
            return found.stdout.split()[0] if found.stdout.split() else None

        wid = wait_for(window_id, 60, app)
        if not wid:
            fail("no window titled 'AlexNet Desktop' appeared within 60 s", app)

        def painted():
            subprocess.run(["import", "-display", f":{display}", "-window", "root", str(shot)], env=env,
                           capture_output=True)
            return shot.is_file() and not blank(shot)

        if not wait_for(painted, 30, app):
            fail(f"the screen stayed blank for 30 s ({shot})", app)
        subprocess.run(["xdotool", "windowfocus", "--sync", wid, "key", "--clearmodifiers", "ctrl+q"], env=env,
                       capture_output=True, timeout=30)
        try:
            out, err = app.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            fail("Ctrl+Q did not close the app within 60 s", app)
        if app.returncode != 0 or "Traceback" in err:
            fail(f"the app closed with status {app.returncode}:\n{err[-4000:]}")
        print(f"window check: the window appeared, was drawn ({shot}) and closed cleanly")
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else tempfile.mktemp(suffix=".png", prefix="alexnet-window-")).resolve())
