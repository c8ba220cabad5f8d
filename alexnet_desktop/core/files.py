"""Files the app writes for the user: temporary names made safely, final modes as the user's
umask says (`tempfile.mkstemp` makes its files private, 0600, which a rename would keep)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


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
