"""``prodready-compose``: lint docker-compose files and committed env files (PRD4xx).

    prodready-compose [--fix] [options] [PATH ...]

Directories are searched for compose files (``compose.yaml``, ``docker-compose.yml``,
``docker-compose.*.yml``, ``compose.override.yml``… and the ``compose-paths`` globs) and
env files (``.env``, ``.env.*``, ``*.env``). Files named explicitly (as pre-commit passes
them) are always checked: YAML files as compose files, anything else as an env file
(except source code and documents such as ``.env.sh`` or ``README.md``).
Files found by walking a directory that git ignores are skipped: an ignored ``.env`` is
not committed, which is exactly where a secret belongs.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import re
import subprocess
import sys
from collections import defaultdict
from typing import Callable, Iterator, Sequence

from .. import registry
from ..config import Settings
from ..context import PRODUCTION, classifier_for, file_context, matches_any, relative_posix
from ..findings import Finding
from ..hookcli import base_parser, internal_error, run_hook
from . import checks, fix

PROG = "prodready-compose"
COMPOSE_NAME = re.compile(r"^(?:docker-)?compose(?:[.-][^/]+)?\.ya?ml$", re.IGNORECASE)
#: ``.env.sh``/``.env.js``… are code that reads the environment, not env files.
CODE_SUFFIXES = (".py", ".sh", ".bash", ".js", ".mjs", ".cjs", ".ts", ".json", ".yml",
                 ".yaml", ".toml", ".md", ".rst", ".ps1", ".go", ".rb")
_UNREADABLE = registry.get("PRD901")
_UNPARSABLE = registry.get("PRD902")


def is_compose_name(name: str) -> bool:
    return bool(COMPOSE_NAME.match(name))


def is_env_name(name: str) -> bool:
    lowered = name.lower()
    if not (lowered == ".env" or lowered.startswith(".env.") or lowered.endswith(".env")):
        return False
    return not lowered.endswith(CODE_SUFFIXES)


def _basename(path: str) -> str:
    return posixpath.basename(path.replace("\\", "/"))


def wants_for(settings: Settings) -> Callable[[str], bool]:
    globs = tuple(settings.compose_paths)

    def wants(path: str) -> bool:
        name = _basename(path)
        if is_compose_name(name) or is_env_name(name):
            return True
        return bool(globs) and matches_any(relative_posix(path, settings.root), globs)
    return wants


def face_of(path: str, settings: Settings) -> str:
    name = _basename(path)
    if is_compose_name(name) or name.lower().endswith((".yml", ".yaml")):
        return "compose"
    if settings.compose_paths and matches_any(relative_posix(path, settings.root),
                                              tuple(settings.compose_paths)):
        return "compose"
    return "env"


class _EverythingProduction:
    """A classifier for ``compose-secrets-in-tests``: the secret rules apply everywhere."""

    @staticmethod
    def classify(relative_path: str) -> str:
        return PRODUCTION


def git_ignored(paths: list[str]) -> set[str]:
    """The ``paths`` git ignores (one ``git check-ignore`` per directory; nothing when
    git or a repository is missing). Tracked files are never reported as ignored."""
    by_directory: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        by_directory[os.path.dirname(path) or "."].append(path)
    ignored: set[str] = set()
    for directory, members in by_directory.items():
        names = [os.path.basename(path) for path in members]
        try:
            completed = subprocess.run(
                ["git", "-C", directory, "check-ignore", "-z", "--stdin"],
                input="\0".join(names).encode("utf-8", "surrogateescape"),
                capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            return ignored
        if completed.returncode not in (0, 1):
            continue  # not a repository
        hits = set(completed.stdout.decode("utf-8", "surrogateescape").split("\0"))
        ignored.update(path for path, name in zip(members, names) if name in hits)
    return ignored


def read_text(path: str, settings: Settings) -> tuple[str | None, str, bytes]:
    """``(text, reason, raw bytes)``; ``text`` is None (and ``reason`` says why) when the
    file cannot be checked as UTF-8 text."""
    try:
        size = os.path.getsize(path)
        limit = settings.max_file_size
        if limit and size > limit:
            return None, f"{size} bytes, larger than max-file-size ({limit} bytes)", b""
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return None, f"cannot read it ({error.strerror or error})", b""
    if b"\0" in data[:8192]:
        return None, "binary file (NUL bytes)", data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, (f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
                      f"{error.start})"), data
    return text.lstrip("\ufeff") if text.startswith("\ufeff") else text, "", data


def enabled_codes(path: str, face: str, settings: Settings, classifier) -> frozenset:
    context = file_context(path, settings, face, classifier)
    is_test = context.kind != PRODUCTION or matches_any(
        context.relative_path, tuple(settings.compose_test_paths))
    if not is_test:
        return context.enabled
    if settings.compose_secrets_in_tests:
        return file_context(path, settings, face, _EverythingProduction()).enabled
    return frozenset(code for code in context.enabled
                     if registry.RULES[code].applies_to_tests)


def check_file(path: str, settings: Settings, classifier, apply_fix: bool,
               notes: list[str]) -> list[Finding]:
    face = face_of(path, settings)
    if face == "env" and _basename(path).lower().endswith(CODE_SUFFIXES):
        return []  # .env.sh, settings.py: code that reads the environment, not env files
    enabled = enabled_codes(path, face, settings, classifier)
    if not enabled:
        return []
    text, reason, data = read_text(path, settings)
    if text is None:
        if _UNREADABLE.code not in enabled:
            return []
        return [Finding(path, 1, 1, _UNREADABLE.code, _UNREADABLE.format(reason=reason))]
    if face == "env":
        return checks.check_env(path, text, enabled)
    findings, version_keys, lines = checks.check_compose(path, text, enabled)
    if apply_fix and version_keys:
        findings = apply_version_fix(path, data, findings, version_keys, lines, notes)
    return findings


def apply_version_fix(path: str, data: bytes, findings: list[Finding], version_keys: list,
                      lines: Sequence[str], notes: list[str]) -> list[Finding]:
    spans = {}
    for key, value in version_keys:
        span = fix.removable_lines(key, value, lines)
        if span is not None:
            spans[(key.start_mark.line + 1, key.start_mark.column + 1)] = span
    if not spans:
        notes.append(f"{path}: the 'version' key is not on lines of its own; remove it "
                     "by hand")
        return findings
    try:
        with open(path, "wb") as handle:
            handle.write(fix.remove_lines(data, list(spans.values())))
    except OSError as error:
        notes.append(f"{path}: cannot write the fix ({error.strerror or error})")
        return findings
    notes.append(f"fixed {path}: removed the obsolete top-level 'version' key")
    return [finding for finding in findings
            if not (finding.code == "PRD401" and (finding.line, finding.col) in spans)]


def check(files: list, settings: Settings, args: argparse.Namespace) -> Iterator[Finding]:
    explicit = set(getattr(args, "paths", ()) or ())
    walked = [path for path in files if path not in explicit]
    ignored = git_ignored(walked) if walked else set()
    classifier = classifier_for(settings)
    apply_fix = bool(getattr(args, "fix", False))
    notes: list[str] = []
    for path in files:
        if path in ignored:
            continue
        try:
            yield from check_file(path, settings, classifier, apply_fix, notes)
        except Exception as error:  # one file's bug must not hide the other files
            yield internal_error(path, error)
    for note in notes:
        print(f"{PROG}: {note}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = base_parser(PROG, "Lint docker-compose files and committed env files for "
                         "inline secrets, secret defaults and the obsolete version key "
                         "(PRD4xx).")
    parser.add_argument("--fix", action="store_true",
                        help="remove the obsolete top-level 'version' key (the only change "
                        "this hook ever makes)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return run_hook(argv, build_parser(), lambda path: True, check, PROG,
                    wants_for=wants_for)


if __name__ == "__main__":
    raise SystemExit(main())
