"""Every `alexnet-desktop` command README.md shows, run as written, in order, in fresh processes.

The commands are read from README.md itself (its bash blocks and its inline commands), so a
command README promises and the app no longer takes fails here. Each runs through bash, as a
user types it, with HOME pointing at a folder that holds small datasets at the paths README
uses (`~/data/intel`, `~/data/labels.csv`, ...) and the default workspace `~/AlexNetDesktop`.
Only what makes the suite slow is changed: every training runs one epoch, at 67 px where
README gives more or no size, on the small CNN where it names no network, and once where README
shows it twice. `<run>` is the run made last (for `train --resume <run>`, one killed after its
first epoch), `<stamp>` the journal the sort printed. A `# ... 58,311,430 parameters` comment is
checked against the output. The one command this machine cannot run (two GPUs) must fail
with a message naming the device; a command naming another machine (the cluster recipe) is
never run here, only checked to be one. The commands run in three parts, each cut before a
training that needs nothing made before it and run in a home of its own, so that they can run
side by side.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.dataset_files import image, tar_folder, write_cifar_python, write_flowers17

# Every README command in fresh processes: minutes (README's full run, not the quick loop).
pytestmark = pytest.mark.slow

README = Path(__file__).resolve().parent.parent / "README.md"
# What this machine (no GPU) answers instead of running the command, and what it must say.
NEEDS_HARDWARE = {"--device GPU:0": "GPU:0"}
# An address other than this machine's loopback: such a command is never run here (README's
# two-workstation recipe names 192.168.1.x; tests/test_multiworker.py runs it on 127.0.0.1).
OTHER_MACHINE = re.compile(r"\b(?!127\.)\d{1,3}(?:\.\d{1,3}){3}\b")
# The smallest input every architecture takes (AlexNet's 67 px; the others take less).
SMALLEST = 67
# What trains where README names no architecture (see `faster`).
STAND_IN = "small-cnn"


def readme_commands() -> list[tuple[str, str]]:
    """(command, its comment) for each `alexnet-desktop ...` in README's bash blocks and inline code,
    and each `cp` or `mv` of files under `~/` that prepares one, in order."""
    text = README.read_text(encoding="utf-8")
    found: list[tuple[int, str, str]] = []
    for block in re.finditer(r"```bash\n(.*?)```", text, re.S):
        offset = block.start(1)
        for line in block.group(1).splitlines(keepends=True):
            command, _, comment = line.partition(" #")
            if command.startswith("alexnet-desktop ") or re.match(r"(cp|mv) (-r )?~/", command):
                found.append((offset, command.strip(), comment.strip()))
            offset += len(line)
    for inline in re.finditer(r"`(alexnet-desktop [^`]+)`", text):
        if len(inline.group(1).split()) > 2:  # "`alexnet-desktop explain` shows..." names a command
            found.append((inline.start(), inline.group(1).strip(), ""))
    ordered, seen = [], set()
    for _, command, comment in sorted(found):  # a training README shows twice runs once
        if command not in seen or not command.startswith("alexnet-desktop train"):
            ordered.append((command, comment))
            seen.add(command)
    return ordered


def faster(command: str) -> str:
    """The command as README gives it, with every training cut to one epoch and at most AlexNet's
    smallest input (67 px), where README gives more or leaves the size to the architecture: at
    its default 227 px each run writes about a gigabyte of weights and optimizer state. Where README names no
    architecture, the small CNN trains: these commands show options, which act the same on every
    network, and each architecture is trained, reopened and exported from new processes in
    test_reopen.py (the default one's 58M weights cost each command here ten seconds more)."""
    words = command.split()
    if words[1] != "train":
        return command
    command = re.sub(r"--more-epochs \d+", "--more-epochs 1", command)
    if "--resume" in words:
        return command
    command = re.sub(r"--epochs \d+", "--epochs 1", command)
    command = command if "--epochs" in command else command + " --epochs 1"
    if "--arch" not in command and "--from" not in command:  # a --from run keeps its network
        command += f" --arch {STAND_IN}"
    if "--image-size" not in command:
        return command + f" --image-size {SMALLEST}"
    return re.sub(r"--image-size (\d+)", lambda m: f"--image-size {min(int(m.group(1)), SMALLEST)}", command)


def write_home(home: Path) -> None:
    """The datasets README's commands name, small, at the paths it names."""
    data = home / "data"
    colours = {"forest": (40, 160, 40), "sea": (40, 40, 200)}
    for part, count in (("seg_train", 5), ("seg_test", 2)):
        for label, colour in colours.items():
            for i in range(count):
                image(data / "intel" / part / part / label / f"{i}.jpg", colour, side=48)
    for i in range(3):  # shades of their own: files the same as labelled ones are not unlabelled
        image(data / "intel" / "seg_pred" / "seg_pred" / f"{i}.jpg", (50 + 20 * i, 150, 60), side=48)
    shutil.copytree(data / "intel" / "seg_train", data / "seg_train")
    shutil.copytree(data / "intel" / "seg_pred", data / "seg_pred")
    # Kaggle's cats and dogs: labels in the file names, train/ beside test1/; and a CSV list.
    for i in range(5):
        image(data / "dogs-vs-cats" / "train" / f"cat.{i}.jpg", (200, 40, 40), side=48)
        image(data / "dogs-vs-cats" / "train" / f"dog.{i}.jpg", (40, 40, 200), side=48)
    image(data / "dogs-vs-cats" / "test1" / "1.jpg", side=48)
    shutil.copytree(data / "dogs-vs-cats" / "train", data / "train")
    rows = ["imageName,label"] + [f"{a}.{i}.jpg,{a}" for a in ("cat", "dog") for i in range(5)]
    (data / "labels.csv").write_text("\n".join(rows) + "\n")
    tar_folder(write_cifar_python(home / "cifar", per_batch=4), data / "cifar-10-python.tar.gz")
    for i, colour in enumerate(((40, 160, 40), (40, 40, 200))):  # `explain ... ~/photos/*.jpg`
        image(home / "photos" / f"photo_{i}.jpg", colour, side=64)
    write_flowers17(data / "17flowers")


def kill_after_first_epoch(command: str, home: Path, env: dict) -> None:
    """Start a training and kill it (SIGKILL) once its first epoch is saved: a run to resume."""
    runs = home / "AlexNetDesktop" / "runs"
    before = set(runs.iterdir())
    proc = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=home, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        for _ in range(1200):
            new = [p for p in runs.iterdir() if p not in before]
            history = new[0] / "history.csv" if new else None
            if history and history.is_file() and len(history.read_text().splitlines()) >= 2:
                break
            try:
                proc.wait(timeout=0.25)  # the poll's pace; the training must not end by itself
                pytest.fail(f"{command} ended (status {proc.returncode}) before it could be killed")
            except subprocess.TimeoutExpired:
                pass
    finally:
        proc.kill()
        proc.wait()


def fresh_start(command: str) -> bool:
    """Whether `command` depends on nothing an earlier command made and makes a run: a training
    of its own that this machine can run."""
    words = command.split()
    return (words[1] == "train" and not {"--resume", "--from"} & set(words) and "<run>" not in command
            and not any(k in command for k in NEEDS_HARDWARE) and not OTHER_MACHINE.search(command))


def parts(commands: list[tuple[str, str]], count: int) -> list[list[tuple[str, str]]]:
    """`commands` in `count` runs of about equal length, each cut just before a fresh training, so
    that what a command needs (`<run>`, a predictions file, `<stamp>`) is made in its own part."""
    starts = [i for i, (command, _) in enumerate(commands) if fresh_start(command)]
    cuts = sorted({min(starts, key=lambda i: abs(i - len(commands) * k / count)) for k in range(1, count)} - {0})
    bounds = [0, *cuts, len(commands)]
    return [commands[a:b] for a, b in zip(bounds, bounds[1:])]


# README's commands in three parts, each in a home of its own, so that the parts can run at once.
PARTS = 3


def test_the_parts_hold_every_command_once_in_order():
    commands = readme_commands()
    assert len(commands) >= 25, commands
    split = parts(commands, PARTS)
    assert len(split) == PARTS and [c for part in split for c in part] == commands
    assert all(fresh_start(part[0][0]) for part in split[1:])


@pytest.mark.timeout(1800)
@pytest.mark.parametrize("part", range(PARTS))
def test_every_command_readme_shows_runs_as_written(part, tmp_path):
    commands = parts(readme_commands(), PARTS)[part]
    home = tmp_path / "home"
    write_home(home)
    env = {k: v for k, v in os.environ.items() if k not in ("ALEXNET_DESKTOP_HOME", "XDG_CONFIG_HOME")}
    env.update(HOME=str(home), TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="",
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}")
    runs = home / "AlexNetDesktop" / "runs"
    journal = None
    for command, comment in commands:
        if OTHER_MACHINE.search(command):
            assert "--cluster" in command, f"{command}: names another machine but is not a cluster recipe"
            continue
        if command.split()[1:3] == ["train", "--resume"] and "--more-epochs" not in command:
            # AlexNet's epochs are long enough to be caught between the first and the last.
            kill_after_first_epoch(f"alexnet-desktop train ~/data/intel --epochs 3 --image-size {SMALLEST}", home, env)
        if "<run>" in command:
            newest = max(runs.iterdir(), key=lambda p: p.stat().st_mtime)
            command = command.replace("<run>", newest.name)
        if "<stamp>" in command:
            assert journal is not None, f"{command}: no sort printed its journal before"
            command = re.sub(r"~/sorted/\.alexnet-sort-<stamp>\.journal", str(journal), command)
        out = subprocess.run(["bash", "-c", faster(command)], cwd=home, env=env, capture_output=True, text=True,
                             timeout=900)
        said = out.stdout + out.stderr
        hardware = next((v for k, v in NEEDS_HARDWARE.items() if k in command), None)
        if hardware:
            assert out.returncode != 0 and hardware in said, f"{command}:\n{said[-3000:]}"
            continue
        assert out.returncode == 0, f"README's command failed: {command}\n{said[-3000:]}"
        for number in re.findall(r"\d{1,3}(?:,\d{3})+", comment):
            assert number in said or number.replace(",", "") in said, f"{command}: README says {number}:\n{said[-2000:]}"
        for name in re.findall(r"[\w-]+\.(?:jpg|png)\b", comment):  # "# lists circles_000.jpg, ..."
            assert name in said, f"{command}: README says it lists {name}:\n{said[-3000:]}"
        if found := re.search(r"journal: (\S+)", said):
            journal = Path(found.group(1))
    if any(c.split()[1] == "sort" for c, _ in commands):
        assert journal is not None
    if any(c.split()[1] == "explain" for c, _ in commands):
        assert sorted(p.name for p in (home / "maps").iterdir()) == [
            "photo_0.heat.npy", "photo_0.heat.png", "photo_1.heat.npy", "photo_1.heat.png"]
