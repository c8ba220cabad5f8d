"""Which files of a folder are images: every folder the app reads is listed here.

Names are judged by extension and never opened: junk that operating systems leave beside
photos (`.DS_Store`, `._x`, `__MACOSX/`) and hidden files are passed over and counted;
symbolic links to folders are followed once, never round a loop; pipes, sockets and devices
are reported, never opened. Whether a listed file really is an image is `images.py`'s job.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from alexnet_desktop.core.data.images import IMAGE_SUFFIXES, UNSUPPORTED_SUFFIXES
from alexnet_desktop.core.wording import say

JUNK_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db"})
JUNK_DIRS = frozenset({"__macosx", ".git", ".svn", "@eadir"})


def is_junk(path: Path) -> bool:
    """True for files that operating systems leave beside images (`.DS_Store`, `._x`, ...)."""
    return _is_junk_name(path.name) or any(p.lower() in JUNK_DIRS for p in path.parts[:-1])


def _is_junk_name(name: str) -> bool:
    name = name.lower()
    return name in JUNK_NAMES or name.startswith("._")


def is_image_name(name: str) -> bool:
    """True for a file name with an image extension that is not system junk."""
    return Path(name).suffix.lower() in IMAGE_SUFFIXES and not is_junk(Path(name))


def has_images(folder: Path, limit: int = 200) -> bool:
    """True when `folder` itself (not its sub-folders) holds an image file among its first
    `limit` entries; cheap enough for `detect` on any folder a user picks."""
    try:
        with os.scandir(folder) as entries:
            return any(is_image_name(e.name) and e.is_file() for e in itertools.islice(entries, limit))
    except OSError:
        return False


@dataclass
class FileListing:
    """The image files under a folder, and what was passed over on the way."""

    files: list[Path]
    junk: list[Path]
    other: list[Path]  # files without an image extension (READMEs, CSVs...)
    problems: list[tuple[Path, str]]  # folders or links that could not be followed
    hidden: list[Path] = field(default_factory=list)  # names starting with "." (not descended into)

    def passed_over(self) -> list[tuple[Path, str]]:
        """Everything found but not listed as an image, each with the reason."""
        return ([(p, say("system junk file")) for p in self.junk]
                + [(p, say("hidden file or folder (its name starts with '.')")) for p in self.hidden]
                + [(p, UNSUPPORTED_SUFFIXES.get(p.suffix.lower()) or say("not an image file extension"))
                   for p in self.other]
                + list(self.problems))


def list_image_files(root: os.PathLike | str, recursive: bool = True) -> FileListing:
    """Every file with an image extension under `root`, sorted, junk and other files counted.

    Symbolic links to folders are followed once; a link that leads back into a folder
    already visited, to `root` itself or to any folder above it (a loop: a class folder's
    `loop -> ..` would list the other classes' images as its own), or nowhere (dangling) is
    reported, never followed.
    """
    root = Path(root)
    listing = FileListing([], [], [], [])
    seen_dirs: set[tuple[int, int]] = set()
    # The folders above root count as visited: a link up to one of them is a loop from the start.
    absolute = Path(os.path.abspath(root))
    for above in (*absolute.parents, *absolute.resolve().parents):
        try:
            st = above.stat()
        except OSError:
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
    # By name only: junk folders are never entered (`_walk`), and a Path per test doubled
    # the time a large folder takes to list.
    for path, name in _walk(root, recursive, seen_dirs, listing):
        if _is_junk_name(name):
            listing.junk.append(path)
        elif name.startswith("."):
            listing.hidden.append(path)
        elif os.path.splitext(name)[1].lower() in IMAGE_SUFFIXES:
            listing.files.append(path)
        else:
            listing.other.append(path)
    listing.files.sort()
    return listing


def _walk(folder: Path, recursive: bool, seen: set, listing: FileListing) -> Iterator[tuple[Path, str]]:
    try:
        st = folder.stat()
    except OSError as exc:
        listing.problems.append((folder, say("cannot open folder ({0})", exc.strerror or exc)))
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        listing.problems.append((folder, say("symbolic link loop: this folder was already visited")))
        return
    seen.add(key)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        listing.problems.append((folder, say("cannot list folder ({0})", exc.strerror or exc)))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
            is_file = entry.is_file(follow_symlinks=True)
        except OSError as exc:
            listing.problems.append((path, say("cannot be read ({0})", exc.strerror or exc)))
            continue
        if is_dir:
            if entry.name.lower() in JUNK_DIRS:
                listing.junk.append(path)
            elif entry.name.startswith("."):
                # Hidden folders hold caches and thumbnails (.thumbnails, .cache), not photos.
                listing.hidden.append(path)
            elif recursive:
                yield from _walk(path, recursive, seen, listing)
        elif is_file:
            yield path, entry.name
        elif entry.is_symlink() and not os.path.exists(entry.path):
            listing.problems.append((path, say("dangling symbolic link: its target does not exist")))
        else:
            # Opening a named pipe would block forever, so it is never opened.
            listing.problems.append((path, say("not a regular file (a pipe, socket or device)")))
