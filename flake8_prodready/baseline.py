"""Adopting the tool on an existing code base: a committed baseline of known findings.

``prodready baseline`` records every current finding as (file, code, hash) with a count;
afterwards every face (the flake8 plugin, the hooks, ``prodready check``) reports only
findings that are not in it. The hash is of the offending line's content with
whitespace collapsed (or of the face's own fingerprint, e.g. the secret's hash for
PRD5xx), never of its line number: adding an import at the top of a file moves every
line but suppresses the same findings. A new finding in the same file, even with the
same code, is reported, because its line differs (or, for a copy of an identical line,
because the count is exceeded). A fixed finding drops out when the baseline is
rewritten.

No message and no source text is stored: a secret's line is only ever present as a
truncated SHA-256 over the code, a format tag and the line.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .config import ConfigError, Settings
from .context import relative_posix
from .findings import Finding

VERSION = 1
DEFAULT_NAME = ".prodready-baseline.json"
#: Domain separation: these hashes never equal any other tool's hash of the same line.
_DOMAIN_TAG = "prodready-baseline-v1"
_NEWLINES = re.compile(r"\r\n|\r|\n")

Key = tuple  # (relative path, code, hash)


def normalise(line: str) -> str:
    """Whitespace collapsed, so re-indenting or re-wrapping spaces is not a new finding."""
    return " ".join(line.split())


def line_fingerprint(line: str) -> str:
    """The fingerprint of a finding on ``line``: what Finding.fingerprint holds for the
    Python face and what the plugin computes, so both agree on the same finding."""
    return hashlib.sha256(normalise(line).encode("utf-8", "replace")).hexdigest()[:16]


def entry_hash(code: str, fingerprint: str) -> str:
    # The "sha256:" prefix keeps the committed file quiet under detect-secrets: its
    # high-entropy detectors only match quoted strings made entirely of hex or base64
    # characters, and a bare 16-digit hex hash in quotes is exactly that.
    data = f"{_DOMAIN_TAG}\0{code}\0{fingerprint}".encode("utf-8", "replace")
    return "sha256:" + hashlib.sha256(data).hexdigest()[:16]


class LineCache:
    """Lines of files on disk, read once; for findings whose face set no fingerprint."""

    def __init__(self) -> None:
        self._files: dict[str, list[str]] = {}

    def line(self, path: str, number: int) -> str:
        lines = self._files.get(path)
        if lines is None:
            try:
                with open(path, "rb") as handle:
                    text = handle.read().decode("utf-8", "replace")
                lines = _NEWLINES.split(text)
            except OSError:
                lines = []
            self._files[path] = lines
        return lines[number - 1] if 0 < number <= len(lines) else ""


def fingerprint_of(finding: Finding, lines: LineCache) -> str:
    return finding.fingerprint or line_fingerprint(lines.line(finding.path, finding.line))


class Baseline:
    def __init__(self, entries: Counter, path: Path | None = None) -> None:
        self.entries = entries
        self.path = path

    def __len__(self) -> int:
        return sum(self.entries.values())

    def filter(self, findings: Iterable[Finding], root: str | os.PathLike,
               lines: LineCache | None = None) -> tuple[list[Finding], int]:
        """(findings not in the baseline, number suppressed)."""
        lines = lines or LineCache()
        remaining = Counter(self.entries)
        kept, suppressed = [], 0
        for finding in sorted(findings):
            key = (relative_posix(finding.path, root), finding.code,
                   entry_hash(finding.code, fingerprint_of(finding, lines)))
            if remaining[key] > 0:
                remaining[key] -= 1
                suppressed += 1
            else:
                kept.append(finding)
        return kept, suppressed

    def filter_plugin_results(self, relative_path: str, results: Sequence[tuple],
                              lines: Sequence[str]) -> list[tuple]:
        """The flake8 plugin's ``(line, col, "PRDnnn message", type)`` tuples for one
        file, without those in the baseline."""
        remaining = Counter({key: count for key, count in self.entries.items()
                             if key[0] == relative_path})
        if not remaining:
            return list(results)
        kept = []
        for result in sorted(results, key=lambda r: (r[0], r[1], r[2])):
            line, code = result[0], result[2].split(" ", 1)[0]
            text = lines[line - 1] if 0 < line <= len(lines) else ""
            key = (relative_path, code, entry_hash(code, line_fingerprint(text)))
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(result)
        return kept


def baseline_path(settings: Settings) -> Path | None:
    """The configured baseline file (relative to the project root), or None when the
    option is set to an empty string."""
    name = getattr(settings, "baseline", DEFAULT_NAME)
    if not name:
        return None
    path = Path(name)
    return path if path.is_absolute() else Path(settings.root) / path


def load(path: Path) -> Baseline:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as error:
        raise ConfigError(f"{path}: cannot read the baseline: {error}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(
            data.get("findings"), list):
        raise ConfigError(f"{path}: not a flake8-prodready baseline (version {VERSION}); "
                          f"rewrite it with 'prodready baseline'")
    entries: Counter = Counter()
    for item in data["findings"]:
        try:
            key = (str(item["path"]), str(item["code"]), str(item["hash"]))
            count = int(item.get("count", 1))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ConfigError(f"{path}: malformed baseline entry {item!r}") from None
        entries[key] += max(count, 0)
    return Baseline(entries, path)


def load_for(settings: Settings) -> Baseline | None:
    """The project's baseline, or None when there is none (no file is not an error: the
    default name is looked for, not required)."""
    path = baseline_path(settings)
    if path is None or not path.is_file():
        return None
    return load(path)


def build(findings: Iterable[Finding], root: str | os.PathLike,
          lines: LineCache | None = None) -> dict:
    lines = lines or LineCache()
    counts: Counter = Counter()
    for finding in findings:
        counts[(relative_posix(finding.path, root), finding.code,
                entry_hash(finding.code, fingerprint_of(finding, lines)))] += 1
    return {
        "version": VERSION,
        "generator": "prodready baseline (flake8-prodready)",
        "about": "Known findings, suppressed until fixed. hash = truncated SHA-256 of the "
                 "finding's line with whitespace collapsed (or of the face's fingerprint); "
                 "no source text or secret is stored. Rewrite with 'prodready baseline'.",
        "findings": [{"path": path, "code": code, "hash": digest, "count": count}
                     for (path, code, digest), count in sorted(counts.items())],
    }


def write(path: Path, findings: Iterable[Finding], root: str | os.PathLike) -> int:
    """Write the baseline; return the number of findings recorded."""
    document = build(findings, root)
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return sum(item["count"] for item in document["findings"])


def same_file(a: str | os.PathLike, b: Path | None) -> bool:
    if b is None:
        return False
    try:
        return os.path.abspath(a) == os.path.abspath(b)
    except (OSError, ValueError):
        return False


#: For type checkers of callers that pass their own line source.
LineSource = Callable[[str, int], str]
