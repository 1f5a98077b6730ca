"""Per-file facts decided once, before any rule runs.

Rules never look at paths: whether a file is production, test or development code, and
which codes are enabled for it, is computed here from the settings.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from . import registry
from .config import DEFAULT_TEST_PATHS, Settings

PRODUCTION = "production"
TEST = "test"
DEV = "dev"


def relative_posix(path: str, root: str | os.PathLike | None) -> str:
    """``path`` relative to the project root, in POSIX form, without a leading ``./``.

    Only segments below the root are classified, so a checkout under ``/builds/test/``
    does not make every file test code. A path outside the root is kept as it was given.
    """
    given = path.replace("\\", "/")
    relative = given
    if root is not None and path not in ("-", "stdin"):
        try:
            relative = os.path.relpath(os.path.abspath(path), root).replace("\\", "/")
        except ValueError:  # another drive on Windows
            relative = given
        if relative == ".." or relative.startswith("../"):
            relative = given
    while relative.startswith("./"):
        relative = relative[2:]
    return relative.lstrip("/")


def _translate(glob: str, crosses_slash: bool) -> str:
    """Glob to regex: ``**`` any text, ``*`` any text within a segment (or across
    segments in a path glob, like flake8's ``exclude``), ``?`` one character, ``[...]`` a
    set."""
    star = ".*" if crosses_slash else "[^/]*"
    out = []
    i = 0
    while i < len(glob):
        char = glob[i]
        if glob.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append(star)
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = glob.find("]", i + 2)
            if end == -1:
                out.append(re.escape(char))
            else:
                inner = glob[i + 1:end]
                if inner.startswith("!"):
                    inner = "^" + inner[1:]
                out.append("[" + inner.replace("\\", "\\\\") + "]")
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def _glob_regex(globs: tuple[str, ...]) -> re.Pattern | None:
    """One regex for a set of globs.

    A glob without a slash matches any single path segment (a directory name or the file
    name); a glob with a slash matches the whole relative path (``*`` may cross slashes,
    as in flake8's own ``exclude``).
    """
    parts = []
    for glob in globs:
        glob = glob.strip().replace("\\", "/").rstrip("/")
        if not glob:
            continue
        while glob.startswith("./"):
            glob = glob[2:]
        body = _translate(glob, crosses_slash="/" in glob)
        if "/" in glob:
            parts.append(f"(?:^{body}(?:/.*)?$)")
        else:
            parts.append(f"(?:(?:^|/){body}(?:/|$))")
    if not parts:
        return None
    return re.compile("|".join(parts), re.DOTALL)


class PathClassifier:
    def __init__(self, test_globs: tuple[str, ...], dev_globs: tuple[str, ...]) -> None:
        self._test = _glob_regex(tuple(DEFAULT_TEST_PATHS) + tuple(test_globs))
        self._dev = _glob_regex(tuple(dev_globs))

    def classify(self, relative_path: str) -> str:
        if self._test is not None and self._test.search(relative_path):
            return TEST
        if self._dev is not None and self._dev.search(relative_path):
            return DEV
        return PRODUCTION


def matches_any(relative_path: str, globs: tuple[str, ...]) -> bool:
    regex = _compiled(tuple(globs))
    return bool(regex and regex.search(relative_path))


@lru_cache(maxsize=64)
def _compiled(globs: tuple[str, ...]) -> re.Pattern | None:
    return _glob_regex(globs)


@dataclass(frozen=True)
class FileContext:
    """What every rule may know about the file it checks."""

    path: str  # as displayed
    relative_path: str  # relative to the project root, POSIX
    kind: str  # PRODUCTION, TEST or DEV
    enabled: frozenset  # codes enabled for this file (selection, kind and per-file-ignores)
    settings: Settings | None = None  # the run's settings, for rules with options

    @property
    def is_production(self) -> bool:
        return self.kind == PRODUCTION


def file_context(path: str, settings: Settings, face: str,
                 classifier: PathClassifier | None = None,
                 enabled: frozenset | None = None) -> FileContext:
    """Classify ``path`` and decide which codes may be reported on it from ``face``."""
    relative = relative_posix(path, settings.root)
    if classifier is None:
        classifier = classifier_for(settings)
    kind = classifier.classify(relative)
    codes = set(settings.enabled_codes if enabled is None else enabled)
    for glob, ignored in settings.per_file_ignores.items():
        if matches_any(relative, (glob,)):
            codes = {code for code in codes if not code.startswith(tuple(ignored))}
    if kind != PRODUCTION:
        codes = {code for code in codes if registry.RULES[code].applies_to_tests}
    codes = {code for code in codes if face in registry.RULES[code].faces}
    return FileContext(path, relative, kind, frozenset(codes), settings)


def classifier_for(settings: Settings) -> PathClassifier:
    return PathClassifier(tuple(settings.test_paths), tuple(settings.dev_paths))
