"""Files the app writes for the user, and files it reads back.

Writing: temporary names made safely, final modes as the user's umask says (`tempfile.mkstemp`
makes its files private, 0600, which a rename would keep). Reading: every path is checked to be
a regular file (or a folder, where one is wanted) before it is opened, and read whole only up
to a size limit: a named pipe, socket or device is refused by name, never waited on.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path

from alexnet_desktop.core.wording import say


def user_mode() -> int:
    """The mode a new file gets from the user's umask (0644 under the usual 022)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o644  # no /proc (not Linux): the usual umask's mode, without touching the umask


def temporary_beside(path: str | os.PathLike, suffix: str) -> tuple[int, str]:
    """A new, uniquely named hidden file in `path`'s folder (`mkstemp`), with the user's mode;
    returns its descriptor and name."""
    path = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name[:60]}.", suffix=suffix, dir=path.parent)
    try:
        os.fchmod(fd, user_mode())
    except OSError:
        pass  # a file system without modes (FAT, some network shares): nothing to keep private anyway
    return fd, name


_CHUNK = 1024 * 1024  # read a file in pieces this size when hashing it


def sha256_file(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, as hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# What the app reads back whole (run.json, journals, predictions files, settings): far more than
# any it writes, and far less than memory, so /dev/zero or a huge file named by mistake is refused.
TEXT_LIMIT = 64 * 1024 * 1024


class NotAFile(ValueError):
    """A path the app was to read is not a regular file (a pipe, socket, device or folder), or is
    over the size limit for what it holds; the message names the path and what it is."""


def _kind(mode: int) -> str:
    """What a path that is not a regular file is, for a message."""
    if stat.S_ISDIR(mode):
        return say("a folder")
    if stat.S_ISFIFO(mode):
        return say("a named pipe")
    if stat.S_ISSOCK(mode):
        return say("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return say("a device")
    return say("not a regular file")


def check_regular(path: str | os.PathLike, what: str = "") -> os.stat_result:
    """The `stat` of `path` (symbolic links followed), or `NotAFile` naming it unless it is a regular
    file: opening a named pipe would wait for a writer for ever, and a device never ends.
    `FileNotFoundError` and the other `OSError`s of `stat` pass through."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise NotAFile(say("{0}: {1}, not a file{2}", path, _kind(st.st_mode), f" ({what})" if what else ""))
    return st


def check_folder(path: str | os.PathLike) -> os.stat_result:
    """The `stat` of `path`, or `NotAFile` unless it is a folder."""
    st = os.stat(path)
    if not stat.S_ISDIR(st.st_mode):
        raise NotAFile(say("{0}: not a folder ({1})", path, _kind(st.st_mode) if not stat.S_ISREG(st.st_mode)
                           else say("a file")))
    return st


def read_bytes(path: str | os.PathLike, limit: int = TEXT_LIMIT, what: str = "") -> bytes:
    """The contents of the regular file `path`, at most `limit` bytes (`NotAFile` when larger).

    The file is opened without blocking and checked on its descriptor, so a pipe put in its place
    after a check is refused too, not waited on."""
    check_regular(path, what)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotAFile(say("{0}: {1}, not a file", path, _kind(os.fstat(fd).st_mode)))
        data = f.read(limit + 1)
    if len(data) > limit:
        raise NotAFile(say("{0}: larger than {1:,} MB: not a file this app wrote{2}", path, limit // 1_000_000,
                           f" ({what})" if what else ""))
    return data


def read_text(path: str | os.PathLike, limit: int = TEXT_LIMIT, what: str = "", encoding: str = "utf-8") -> str:
    """`read_bytes` decoded as `encoding`; text that is not is refused (`NotAFile`) naming the file
    and the byte where it stops being text."""
    data = read_bytes(path, limit, what)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise NotAFile(say("{0}: not UTF-8 text (byte {1}: {2}){3}", path, exc.start, exc.reason,
                           f" ({what})" if what else "")) from None


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` via a flushed temporary file and a rename."""
    path = Path(path)
    fd, tmp = temporary_beside(path, ".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
