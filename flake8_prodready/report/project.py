"""The project tree, walked once: every file, every directory, root-relative POSIX paths.

Existence checks during entry-point and import resolution are set look-ups here, not
``stat`` calls, so resolving imports of a 5,000-file tree costs no file-system traffic.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path
from typing import Optional, Sequence

from ..context import matches_any
from ..hookcli import SKIPPED_DIRS

#: Larger files are not read by the report itself (Dockerfiles, scripts, compose files).
MAX_READ_BYTES = 5 * 1024 * 1024


class Project:
    """``files``: the files to consider (absolute or cwd-relative paths, as
    :func:`flake8_prodready.hookcli.discover` lists them, so the report sees exactly what
    the checks saw); by default the tree is walked here, skipping the usual tool folders."""

    def __init__(self, root: str | os.PathLike, files: Optional[Sequence[str]] = None,
                 exclude: tuple = ()) -> None:
        self.root = Path(root).resolve()
        self._root_text = str(self.root)
        self.files: list[str] = []
        self.dirs: set[str] = {""}
        if files is not None:
            self._take(files)
        else:
            self._walk(exclude)
        self._index()

    def _take(self, files: Sequence[str]) -> None:
        root = str(self.root)
        for name in files:
            relative = os.path.relpath(os.path.abspath(name), root).replace(os.sep, "/")
            if relative.startswith("../") or relative == "..":
                continue
            self.files.append(relative)
            parent = posixpath.dirname(relative)
            while parent and parent not in self.dirs:
                self.dirs.add(parent)
                parent = posixpath.dirname(parent)

    def _walk(self, exclude: tuple) -> None:
        for directory, dirnames, filenames in os.walk(self.root):
            relative_dir = os.path.relpath(directory, self.root).replace(os.sep, "/")
            relative_dir = "" if relative_dir == "." else relative_dir
            kept = []
            for name in sorted(dirnames):
                child = posixpath.join(relative_dir, name)
                if name in SKIPPED_DIRS or (exclude and matches_any(child, exclude)):
                    continue
                kept.append(name)
                self.dirs.add(child)
            dirnames[:] = kept
            for name in sorted(filenames):
                child = posixpath.join(relative_dir, name)
                if exclude and matches_any(child, exclude):
                    continue
                self.files.append(child)

    def _index(self) -> None:
        self.files = sorted(set(self.files))
        self.file_set = frozenset(self.files)
        self.python_files = [path for path in self.files if path.endswith(".py")]
        # Directories that hold Python code somewhere below: the only ones that can act as
        # (namespace) packages. A "docs/" or "static/" folder never shadows a library.
        code_dirs = set()
        for path in self.python_files:
            parent = posixpath.dirname(path)
            while parent and parent not in code_dirs:
                code_dirs.add(parent)
                parent = posixpath.dirname(parent)
        self.code_dirs = frozenset(code_dirs)

    def is_file(self, relative: str) -> bool:
        return relative in self.file_set

    def is_dir(self, relative: str) -> bool:
        return relative in self.dirs

    def absolute(self, relative: str) -> str:
        return str(self.root / relative) if relative else str(self.root)

    def read_text(self, relative: str) -> Optional[str]:
        """The file's text, or None when it is missing, too large, binary or not UTF-8."""
        if relative not in self.file_set:
            return None
        try:
            with open(os.path.join(self._root_text, relative), "rb") as handle:
                data = handle.read(MAX_READ_BYTES + 1)
            if len(data) > MAX_READ_BYTES:
                return None
            if b"\0" in data:
                return None
            return data.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return None


def normalize(relative: str) -> Optional[str]:
    """A root-relative path normalised, or None when it leaves the project."""
    if not relative or relative == ".":
        return ""
    path = posixpath.normpath(relative.replace("\\", "/"))
    if path == ".":
        return ""
    if path.startswith("../") or path == ".." or path.startswith("/"):
        return None
    return path
