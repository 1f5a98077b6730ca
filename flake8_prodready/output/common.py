"""Small helpers shared by the machine formats."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Iterable

from .. import __version__, registry
from ..findings import Finding


def family_name(code: str) -> str:
    """``mock``, ``credentials``... for PRD codes; ``other`` for any other linter's code
    (the flake8 formatter sees pycodestyle's and other plugins' codes too)."""
    try:
        return registry.family_of(code).name
    except KeyError:
        return "other"


def counts_by_family(findings: Iterable[Finding]) -> dict[str, int]:
    counts = Counter(family_name(finding.code) for finding in findings)
    order = [family.name for family in registry.FAMILIES] + ["other"]
    return {name: counts[name] for name in order if counts[name]}


def relative_uri_path(path: str, root: str | os.PathLike | None) -> str:
    """``path`` relative to ``root`` in POSIX form when it lies below it, else as given
    (absolute paths stay absolute)."""
    base = Path(root) if root is not None else Path.cwd()
    try:
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()
    if relative == ".." or relative.startswith(".." + os.sep):
        return Path(os.path.abspath(path)).as_posix()
    return Path(relative).as_posix()


def tool_version() -> str:
    return __version__
