"""Runs that are small on disk, listed, freed and deleted, each step in a fresh process.

A run of the small CNN is trained by `alexnet-desktop train`; its size is checked against the
targets (resumable: at most 4.2x its weights; freed: at most 1.1x), its resume state freed,
and the freed run predicts and trains further (a fresh optimizer, said so). An older run
(model.keras with optimizer state) is listed, freed (its model rewritten with weights only)
and still predicts. Delete refuses a run that a live process trains; a disk that fills up
mid-run stops it with the last whole checkpoint, which a new process resumes.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import h5py
import pytest

from alexnet_desktop.core.files import sha256_file
from tests.conftest import write_colour_dataset

HERE = Path(__file__).parent
SMALL = ["--arch", "small-cnn", "--image-size", "32", "--batch-size", "4"]
# Files whose size does not grow with the model (manifest, history, split, labels, model card,
# its pictures, TensorBoard's per-epoch logs): allowed on top of the targets' ratios.
FIXED_FILES_ALLOWANCE = 200_000


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="", PYTHONPATH=str(HERE.parent),
                ALEXNET_DESKTOP_HOME=str(home / "workspace"), HOME=str(home), XDG_DATA_HOME=str(home / "share"))


def cli(home: Path, *args, ok: bool = True, script: str | None = None) -> subprocess.CompletedProcess:
    """`alexnet-desktop ARGS` in a fresh process (after `script`, a patch, when given)."""
    code = (script or "") + "\nimport sys\nfrom alexnet_desktop.cli import main\nsys.exit(main(sys.argv[1:]))"
    out = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                         timeout=300, env=_env(home))
    if ok:
        assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-3000:]
    return out


def weight_bytes(model_file: Path) -> int:
    """Bytes of the model's weights, read from the saved file (no TensorFlow needed)."""
    sizes: list[int] = []
    with zipfile.ZipFile(model_file) as archive:
        with h5py.File(io.BytesIO(archive.read("model.weights.h5")), "r") as weights:
            weights["layers"].visititems(lambda _n, obj: sizes.append(obj.nbytes) if isinstance(obj, h5py.Dataset) else None)
    return sum(sizes)


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def listed(home: Path, runs: Path) -> dict[str, dict]:
    return {r["name"]: r for r in json.loads(cli(home, "runs", "--run-dir", runs, "--json").stdout)}


@pytest.fixture
def trained(tmp_path) -> tuple[Path, Path, Path]:
    """(home, runs folder, a finished two-epoch run) trained by the CLI."""
    data = write_colour_dataset(tmp_path / "data", per_class=8, side=40)
    runs = tmp_path / "runs"
    out = cli(tmp_path, "train", data, *SMALL, "--epochs", "2", "--run-dir", runs, "--json")
    return tmp_path, runs, Path(json.loads(out.stdout.strip().splitlines()[-1])["run_dir"])


@pytest.mark.slow
def test_a_run_is_small_frees_its_resume_state_and_trains_on_from_its_weights(trained):
    home, runs, run = trained
    weights = weight_bytes(run / "model.keras")
    model, checkpoint = (run / "model.keras").stat().st_size, (run / "checkpoint.keras").stat().st_size
    assert model <= 1.1 * weights and model + checkpoint <= 4.2 * weights, (weights, model, checkpoint)
    assert folder_bytes(run) <= 4.2 * weights + FIXED_FILES_ALLOWANCE
    entry = listed(home, runs)[run.name]
    assert entry["resume_state"] == "resumable" and entry["status"] == "finished" and entry["epochs_done"] == 2
    assert entry["size_bytes"] == folder_bytes(run) and entry["architecture"] == "small-cnn"
    kept = sha256_file(run / "model.keras")

    freed = cli(home, "runs", "free", run.name, "--run-dir", runs)
    assert "freed" in freed.stdout and not (run / "checkpoint.keras").exists()
    assert sha256_file(run / "model.keras") == kept
    assert folder_bytes(run) <= 1.1 * weights + FIXED_FILES_ALLOWANCE
    entry = listed(home, runs)[run.name]
    assert entry["resume_state"] == "weights" and entry["size_bytes"] == folder_bytes(run)
    assert "freed" in cli(home, "runs", "--run-dir", runs).stdout

    predicted = cli(home, "predict", run, home / "data" / "red")
    assert predicted.stdout.count("red_") == 8
    more = cli(home, "train", "--resume", run, "--more-epochs", "1")
    assert "fresh optimizer" in more.stdout + more.stderr
    manifest = json.loads((run / "run.json").read_text(encoding="utf-8"))
    assert manifest["epochs_done"] == 3 and manifest["resumed"][-1]["fresh_optimizer"] is True
    assert (run / "checkpoint.keras").is_file()  # resumable again until freed again


@pytest.mark.slow
def test_an_older_run_with_optimizer_state_in_its_model_is_listed_freed_and_still_predicts(trained):
    home, runs, run = trained
    # The layout before: model.keras the same file as the checkpoint (optimizer state included).
    shutil.copyfile(run / "checkpoint.keras", run / "model.keras")
    manifest = json.loads((run / "run.json").read_text(encoding="utf-8"))
    manifest["sha256"]["model.keras"] = manifest["sha256"]["checkpoint.keras"]
    (run / "run.json").write_text(json.dumps(manifest), encoding="utf-8")
    weights = weight_bytes(run / "model.keras")
    assert listed(home, runs)[run.name]["resume_state"] == "resumable"

    cli(home, "runs", "free", run, "--run-dir", runs)
    assert (run / "model.keras").stat().st_size <= 1.1 * weights and not (run / "checkpoint.keras").exists()
    assert cli(home, "predict", run, home / "data" / "blue").stdout.count("blue_") == 8
    cli(home, "evaluate", run, home / "data")
    entry = listed(home, runs)[run.name]
    assert isinstance(entry["test_accuracy"], float) and entry["resume_state"] == "weights"


def _fake_run(runs: Path, name: str, status: str = "finished", owner: dict | None = None) -> Path:
    run = runs / name
    run.mkdir(parents=True)
    (run / "run.json").write_text(json.dumps({"status": status, "class_names": ["a", "b"], "owner": owner,
                                              "architecture": {"id": "small-cnn"}}), encoding="utf-8")
    (run / "model.keras").write_bytes(b"not read by delete")
    return run


HOLD_LOCK = """
import sys, time
from pathlib import Path
from alexnet_desktop.core.training.run_space import TrainingLock
from alexnet_desktop.core.runs.folder import RunFolder
lock = TrainingLock(RunFolder(Path(sys.argv[1]))).acquire()
print("locked", flush=True)
sys.stdin.read()  # held until the test closes our stdin
"""


def test_delete_refuses_a_run_being_trained_and_trashes_one_that_is_not(tmp_path):
    runs = tmp_path / "runs"
    busy, idle = _fake_run(runs, "busy"), _fake_run(runs, "idle")
    # A run killed mid-training reads "running" in its manifest; its dead owner does not block it.
    stale = _fake_run(runs, "stale", "running", {"pid": 2**22 + 12345, "host": os.uname().nodename})
    trainer = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(busy)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, env=_env(tmp_path))
    try:
        assert trainer.stdout.readline().strip() == "locked"
        refused = cli(tmp_path, "runs", "delete", "busy", "idle", "--run-dir", runs, "--yes", ok=False)
        assert refused.returncode == 1 and "being trained" in refused.stderr and str(busy) in refused.stderr
        assert busy.is_dir() and idle.is_dir()  # nothing deleted when one of them is busy
        statuses = {name: r["status"] for name, r in listed(tmp_path, runs).items()}
        assert statuses == {"busy": "running", "idle": "finished", "stale": "interrupted"}
        assert cli(tmp_path, "runs", "free", busy, ok=False).returncode == 1
    finally:
        trainer.stdin.close()
        trainer.wait(timeout=60)
    done = cli(tmp_path, "runs", "delete", "busy", "idle", "stale", "--run-dir", runs)
    assert done.stdout.count("moved to the trash") == 3 and not any(p.exists() for p in (busy, idle, stale))
    trashed = {p.name for p in (tmp_path / "share" / "Trash" / "files").iterdir()}
    assert trashed == {"busy", "idle", "stale"}


def test_delete_without_a_trash_asks_and_scripts_say_yes(tmp_path):
    runs = tmp_path / "runs"
    run = _fake_run(runs, "r1")
    no_trash = "import send2trash\ndef _none(path):\n    raise OSError('no trash here')\nsend2trash.send2trash = _none\n"
    kept = cli(tmp_path, "runs", "delete", run, "--run-dir", runs, script=no_trash, ok=False)
    assert kept.returncode == 1 and "--yes" in kept.stderr and run.is_dir()
    cli(tmp_path, "runs", "delete", run, "--run-dir", runs, "--yes", script=no_trash)
    assert not run.exists()
    not_a_run = tmp_path / "photos"
    not_a_run.mkdir()
    assert cli(tmp_path, "runs", "delete", not_a_run, "--yes", ok=False).returncode == 1 and not_a_run.is_dir()


FULL_AT_EPOCH_2 = """
import errno
from alexnet_desktop.core.runs.folder import RunFolder
saves = []
original = RunFolder._save_keras
def save(self, model, dest, with_optimizer):
    saves.append(dest.name)
    if saves.count("checkpoint.keras") == 2:  # the disk fills while epoch 2's checkpoint is written
        tmp = self.path / ".checkpoint.saving.keras"
        tmp.write_bytes(b"half a checkpoint")
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        finally:
            tmp.unlink()
    return original(self, model, dest, with_optimizer)
RunFolder._save_keras = save
"""


@pytest.mark.slow
def test_a_disk_that_fills_mid_run_stops_it_with_the_last_whole_checkpoint(tmp_path):
    data = write_colour_dataset(tmp_path / "data", per_class=6, side=40)
    runs = tmp_path / "runs"
    out = cli(tmp_path, "train", data, *SMALL, "--epochs", "3", "--run-dir", runs, script=FULL_AT_EPOCH_2, ok=False)
    assert out.returncode == 1
    said = out.stdout + out.stderr
    assert "disk filled up while saving epoch 2" in said and "checkpoint of epoch 1" in said, said[-2000:]
    (run,) = runs.iterdir()
    manifest = json.loads((run / "run.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "failed" and manifest["epochs_done"] == 1
    assert not [p for p in run.iterdir() if p.name.startswith(".") and "saving" in p.name]
    resumed = cli(tmp_path, "train", "--resume", run)  # a new process loads the checkpoint of epoch 1
    assert "Resuming after epoch 1 of 3" in resumed.stdout + resumed.stderr
    assert json.loads((run / "run.json").read_text(encoding="utf-8"))["epochs_done"] == 3


@pytest.mark.slow
def test_training_refuses_to_start_when_the_disk_cannot_hold_its_checkpoints(tmp_path):
    data = write_colour_dataset(tmp_path / "data", per_class=4, side=40)
    runs = tmp_path / "runs"
    small_disk = ("import shutil, collections\nU = collections.namedtuple('U', 'total used free')\n"
                  "shutil.disk_usage = lambda p: U(10**9, 10**9 - 3 * 10**6, 3 * 10**6)\n")
    out = cli(tmp_path, "train", data, *SMALL, "--epochs", "1", "--run-dir", runs, script=small_disk, ok=False)
    assert out.returncode == 1 and "not enough disk space" in out.stderr and "3.0 MB is free" in out.stderr, out.stderr
    assert not runs.exists() or not list(runs.iterdir())


def test_free_keeps_the_checkpoint_when_the_model_is_missing_or_changed(tmp_path):
    runs = tmp_path / "runs"
    run = _fake_run(runs, "r1")
    (run / "checkpoint.keras").write_bytes(b"the only resume state")
    manifest = json.loads((run / "run.json").read_text(encoding="utf-8"))
    manifest["sha256"] = {"model.keras": ["0" * 64]}  # what the app saved is not what is there now
    (run / "run.json").write_text(json.dumps(manifest), encoding="utf-8")
    changed = cli(tmp_path, "runs", "free", "r1", "--run-dir", runs, ok=False)
    assert changed.returncode == 1 and "changed after the app saved it" in changed.stderr
    (run / "model.keras").unlink()
    missing = cli(tmp_path, "runs", "free", "r1", "--run-dir", runs, ok=False)
    assert missing.returncode == 1 and "no model.keras" in missing.stderr
    assert (run / "checkpoint.keras").read_bytes() == b"the only resume state"


def _small_tmpfs(where: Path, megabytes: int) -> bool:
    """Mount a tmpfs of `megabytes` at `where`; False where this process may not (not root)."""
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(where)],
                          capture_output=True, text=True)
    return done.returncode == 0


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_real_disk_that_fills_mid_run_leaves_a_loadable_checkpoint(tmp_path):
    """The runs folder on a 40 MB tmpfs: after the first epoch is saved, a file fills the rest of
    the disk; the run stops with a message, and a new process predicts with the run and resumes
    it once space is freed. (No fault injected: the file system itself says ENOSPC.)"""
    disk = tmp_path / "disk"
    if not _small_tmpfs(disk, 40):
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    try:
        data = write_colour_dataset(tmp_path / "data", per_class=6, side=40)
        runs = disk / "runs"
        train = subprocess.Popen([sys.executable, "-m", "alexnet_desktop", "train", str(data), *SMALL, "--epochs", "200",
                                  "--run-dir", str(runs), "--events"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 text=True, env=_env(tmp_path))
        said = []
        for line in train.stdout:  # the events, one JSON line each, until the first epoch is saved
            said.append(line)
            if '"event": "EpochEnded"' in line:
                break
        filler = disk / "filler"
        with open(filler, "wb") as f:
            try:
                while True:
                    f.write(b"\0" * (1 << 20))
                    f.flush()
            except OSError:
                pass  # the disk is full now
        rest, _ = train.communicate(timeout=600)
        said = "".join(said) + rest
        assert train.returncode != 0 and "disk filled up" in said, said[-2000:]
        (run,) = runs.iterdir()
        assert not [p for p in run.iterdir() if p.name.startswith(".") and "saving" in p.name]
        filler.unlink()
        cli(tmp_path, "predict", run, data / "red")  # the best model loads in a new process
        load = ("import sys; from alexnet_desktop.core.model.model_files import load_model_file; "
                "from alexnet_desktop.core.training.run_space import holds_optimizer; "
                "load_model_file(sys.argv[1]); print(holds_optimizer(sys.argv[1]))")
        done = subprocess.run([sys.executable, "-c", load, str(run / "checkpoint.keras")], capture_output=True,
                              text=True, timeout=300, env=_env(tmp_path))
        assert done.returncode == 0 and done.stdout.split()[-1] == "True", done.stderr[-2000:]  # with the optimizer's state
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)
