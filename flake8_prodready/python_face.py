"""The flake8 plugin's checks run in-process, for ``prodready check``: no flake8 subprocess.

What flake8 does around a plugin, done the same way here so that ``prodready check`` and
``flake8 --select PRD`` agree finding for finding:

- lines are read with ``tokenize.open`` (PEP 263 encoding), falling back to latin-1,
  and a UTF-8 BOM is stripped, as flake8's ``FileProcessor`` does;
- a line ``# flake8: noqa`` on its own skips the whole file (on a line with code it does
  not, as in flake8);
- ``# noqa`` / ``# noqa: PRD301,PRD2`` use flake8's own regular expression and prefix
  matching; a finding anywhere in a multi-line logical line (a call spread over lines,
  a triple-quoted string) is matched against the comment anywhere in that line's token
  range, which is flake8's ``_noqa_line_mapping``. ``# noqa:PRD`` (letters only) is not a
  code list to flake8, so it is a blanket ``# noqa``; we keep that quirk rather than
  disagree with flake8.

A file that cannot be read or parsed gets a PRD901/PRD902 finding and the run goes on;
flake8 itself reports a syntax error as E999 and never calls the plugin.
"""

from __future__ import annotations

import ast
import re
import tokenize
from typing import Callable, Iterable, Sequence

from . import registry
from .baseline import line_fingerprint
from .config import Settings
from .context import classifier_for
from .findings import Finding
from .noqa import suppresses

NOQA_FILE = re.compile(r"\s*# flake8[:=]\s*noqa", re.I)

UNREADABLE = registry.get("PRD901")
UNPARSABLE = registry.get("PRD902")
INTERNAL = registry.get("PRD903")

#: The codes that make ``prodready check`` run the Python face: PRD1xx-PRD3xx. (The
#: plugin's optional detect-secrets pass is not run here: the secrets face already scans
#: every text file, Python included, and would report the same secret twice.)
PYTHON_CODES = frozenset(code for code, rule in registry.RULES.items()
                         if registry.PYTHON in rule.faces and code[:4] in ("PRD1", "PRD2", "PRD3"))


def wants(path: str) -> bool:
    """flake8's default ``--filename=*.py``."""
    return path.endswith(".py")


def read_lines(path: str) -> list[str]:
    try:
        with tokenize.open(path) as handle:
            lines = handle.readlines()
    except (SyntaxError, UnicodeError):
        with open(path, encoding="latin-1") as handle:
            lines = handle.readlines()
    if lines and lines[0][:1] == "\ufeff":
        lines[0] = lines[0][1:]
    return lines


def noqa_line_mapping(lines: Sequence[str]) -> dict[int, str]:
    """Line number -> the text searched for ``# noqa`` (flake8's ``_noqa_line_mapping``):
    every line of a multi-line token range maps to the whole range's text."""
    mapping: dict[int, str] = {}
    iterator = iter(lines)
    try:
        tokens = list(tokenize.generate_tokens(lambda: next(iterator, "")))
    except (tokenize.TokenError, SyntaxError):
        return {}
    unset = len(lines) + 2
    min_line, max_line = unset, -1
    for kind, _, (start_line, _), (end_line, _), _ in tokens:
        if kind in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        min_line = min(min_line, start_line)
        max_line = max(max_line, end_line)
        if kind in (tokenize.NL, tokenize.NEWLINE):
            joined = "".join(lines[min_line - 1:max_line])
            for number in range(min_line, max_line + 1):
                mapping[number] = joined
            min_line, max_line = unset, -1
    return mapping


def is_inline_ignored(code: str, noqa_text: str) -> bool:
    """flake8's ``Violation.is_inline_ignored``."""
    return suppresses(noqa_text, code)


def configure(settings: Settings) -> None:
    """Give the plugin class the settings flake8's ``parse_options`` would have given it.
    The baseline is applied by the caller, over all faces at once, so not here."""
    from .config import OPTIONS_BY_NAME
    from .plugin import ProdReadyChecker

    if "secrets-in-python" in OPTIONS_BY_NAME:
        settings = settings.with_overrides({"secrets-in-python": False},
                                           "prodready check (the secrets face scans .py)")
    ProdReadyChecker.settings = settings
    ProdReadyChecker.enabled = settings.enabled_codes
    ProdReadyChecker.classifier = classifier_for(settings)
    if hasattr(ProdReadyChecker, "baseline"):
        ProdReadyChecker.baseline = None


def check_file(path: str) -> list[Finding]:
    """One file through the plugin (``configure`` first)."""
    from .plugin import ProdReadyChecker

    try:
        lines = read_lines(path)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return [Finding(path, 1, 1, UNREADABLE.code, UNREADABLE.format(reason=reason))]
    if any(NOQA_FILE.match(line) for line in lines):
        return []
    try:
        tree = ast.parse("".join(lines))
    except SyntaxError as error:
        line = max(1, min(error.lineno or 1, max(len(lines), 1)))
        reason = f"Python syntax error: {error.msg}"
        return [Finding(path, line, max(1, error.offset or 1), UNPARSABLE.code,
                        UNPARSABLE.format(reason=reason))]
    except (ValueError, RecursionError, MemoryError) as error:  # NUL bytes, deep nesting
        reason = f"Python source not parsable: {type(error).__name__}: {error}"[:200]
        return [Finding(path, 1, 1, UNPARSABLE.code, UNPARSABLE.format(reason=reason))]
    mapping: dict[int, str] | None = None
    findings = []
    for line, col0, text, _ in ProdReadyChecker(tree, path, lines).run():
        code, _, message = text.partition(" ")
        if mapping is None:
            mapping = noqa_line_mapping(lines)
        physical = lines[line - 1] if 0 < line <= len(lines) else ""
        noqa_text = mapping.get(line, physical)
        if is_inline_ignored(code, noqa_text):
            continue
        findings.append(Finding(path, line, (col0 or 0) + 1, code, message,
                                line_fingerprint(physical)))
    return findings


def check(paths: Iterable[str], settings: Settings, args: object = None,
          progress: Callable[[str], None] | None = None) -> list[Finding]:
    """Every Python file of ``paths`` (already filtered by :func:`wants`)."""
    configure(settings)
    findings: list[Finding] = []
    for path in paths:
        if progress is not None:
            progress(path)
        try:
            findings.extend(check_file(path))
        except Exception as error:  # one file's failure must not stop the run
            text = f"{type(error).__name__}: {error}"[:200]
            findings.append(Finding(path, 1, 1, INTERNAL.code, INTERNAL.format(error=text)))
    return findings
