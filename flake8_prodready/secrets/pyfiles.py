"""The secrets scan inside the flake8 plugin, for Python files (``secrets-in-python``).

Called by :mod:`flake8_prodready.plugin` after its walk, only when the option is on and a
PRD5xx code is enabled for the file; importing this module imports detect_secrets, so the
plugin imports it lazily. flake8 applies ``# noqa`` to what we return, as for every code.

Dedup with PRD2xx: where the plugin already reported a PRD2xx finding on a line, the
detect-secrets findings of that line are dropped. The PRD2xx rule is the more specific one
(it names the variable, the argument or the environment lookup); both look at the same
literal, and a line flagged twice for one secret is noise.
"""

from __future__ import annotations

from typing import Sequence

from ..config import Settings
from ..context import FileContext
from .scanner import SecretScanner, normalise_newlines

_SCANNERS: dict[int, tuple[Settings, SecretScanner]] = {}


def scanner_for(settings: Settings) -> SecretScanner:
    # flake8 parses options once per process; the Settings object is the run's identity.
    # (The engine below it is shared per detect-secrets configuration anyway.)
    cached = _SCANNERS.get(id(settings))
    if cached is None or cached[0] is not settings:
        cached = (settings, SecretScanner(settings))
        _SCANNERS[id(settings)] = cached
    return cached[1]


def python_secret_results(filename: str, lines: Sequence[str], ctx: FileContext,
                          settings: Settings, reported_lines: set) -> list[tuple]:
    """``(line, col0, "PRD5nn message")`` for the file's secrets, minus lines in
    ``reported_lines`` (where a PRD2xx finding stands)."""
    scanner = scanner_for(settings)
    if not scanner.wants(filename):
        return []
    text = normalise_newlines("".join(lines))
    limit = settings.secrets_max_line_length
    if limit and any(len(line) > limit + 1 for line in lines):
        return []  # a generated or minified module: flake8's own checks still run
    original = text.split("\n")
    results = []
    for finding in scanner.scan_text(filename, text, ctx.enabled, original_lines=original):
        if finding.line in reported_lines:
            continue
        results.append((finding.line, finding.col - 1, f"{finding.code} {finding.message}"))
    return results
