"""Which files to check: explicit paths, folders walked for JSON and YAML, and stdin.

Files named explicitly are always checked. Files found by walking a folder are checked
only when they hold tool definitions (the app decides after parsing), so a repository's
package.json or CI config does not produce noise.
"""

from __future__ import annotations

import fnmatch
import os
from typing import Iterable, Iterator, List, Sequence, Tuple

from .record import Fixed

SUFFIXES = (".json", ".yaml", ".yml")
# Folders never walked into (they are tool caches and dependencies, not sources).
SKIPPED_DIRS = frozenset({
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".mypy_cache",
    ".pytest_cache", ".ruff_cache", ".tox", ".nox", "build", "dist", ".eggs", "site-packages",
})
STDIN = "-"


class Candidate(Fixed):  # (a frozen dataclass costs five times as much start-up)
    __slots__ = ()
    path: str        # where to read it ("-" for standard input)
    filename: str    # how to name it in diagnostics
    explicit: bool   # named on the command line (always checked)


def _excluded(path: str, exclude: Sequence[str]) -> bool:
    if not exclude:
        return False
    norm = path.replace(os.sep, "/")
    parts = norm.split("/")
    for pattern in exclude:
        if fnmatch.fnmatch(norm, pattern) or any(fnmatch.fnmatch(part, pattern) for part in parts):
            return True
    return False


def discover(paths: Iterable[str], stdin_filename: str = "<stdin>",
             exclude: Sequence[str] = (), force_exclude: bool = False,
             include: Sequence[str] = ()) -> Iterator[Candidate]:
    paths = list(paths)
    seen = set()
    # A file named on the command line stays explicit even when a folder given before it
    # already walked past it (`fcschema check tools tools/extra.json`).
    named = {os.path.realpath(p) for p in paths
             if p != STDIN and not os.path.isdir(p) and not (force_exclude and _excluded(p, exclude))}
    for given in paths:
        if given == STDIN:
            yield Candidate(STDIN, stdin_filename, True)
            continue
        if os.path.isdir(given):
            real_folders: dict = {}
            for found, is_link, folder, name in _walk(given, exclude, include):
                key = _real_path(found, is_link, folder, name, real_folders)
                if key not in seen:
                    seen.add(key)
                    yield Candidate(found, found, key in named)
            continue
        if force_exclude and _excluded(given, exclude):
            continue
        key = os.path.realpath(given)
        if key in seen:
            continue
        seen.add(key)
        yield Candidate(given, given, True)


def _real_path(path: str, is_link: bool, folder: str, name: str, real_folders: dict) -> str:
    """``os.path.realpath(path)`` for a file ``name`` found in ``folder`` by walking,
    resolving each folder once (``real_folders`` remembers them) instead of every
    component for every file."""
    if is_link:
        return os.path.realpath(path)
    real_folder = real_folders.get(folder)
    if real_folder is None:
        real_folder = real_folders[folder] = os.path.realpath(folder).rstrip(os.sep) + os.sep
    return real_folder + name


def _included(name: str, path: str, include: Sequence[str]) -> bool:
    if not include:
        return name.lower().endswith(SUFFIXES)
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path.replace(os.sep, "/"), p) for p in include)


def _walk(top: str, exclude: Sequence[str], include: Sequence[str] = ()) -> List[Tuple[str, bool, str, str]]:
    """(path, is a symbolic link, its folder, its name) of the files below ``top``, in a
    stable order (each folder's files, then its subfolders, by name). Symlinked folders
    are not followed, so a symlink loop cannot trap the walk. ``os.scandir`` gives each
    entry's kind and path with the folder listing, so no file costs a system call (or a
    ``os.path.join``) of its own."""
    found: List[Tuple[str, bool, str, str]] = []
    strip = top in (".", "./")
    folders = [top]
    while folders:
        root = folders.pop()
        try:
            with os.scandir(root) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue
        subfolders = []
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_link = entry.is_symlink()
            except OSError:
                continue
            is_dir_link = False
            if is_link:
                try:
                    is_dir_link = entry.is_dir()  # a linked folder: not walked, not a file
                except OSError:
                    pass  # a link loop or dangling link: a file that cannot be read (FCS002)
            path = entry.path  # (``os.path.join(root, name)``, made by scandir)
            if is_dir:
                if name not in SKIPPED_DIRS and not name.endswith(".egg-info") and not _excluded(path, exclude):
                    subfolders.append(path)
                continue
            if is_dir_link:
                continue
            if _included(name, path, include):
                if strip and path.startswith("./"):
                    path = path[2:]
                if not _excluded(path, exclude):
                    found.append((path, is_link, root, name))
        folders.extend(reversed(subfolders))
    return found
