"""Rendering findings: flake8's text format, plus the machine formats.

``render(findings, fmt, stream, **context)`` is the one entry point every face uses.
Messages are already masked by the checks that build them; nothing here ever sees a
secret in full.

Formats:

- ``text``: flake8's ``path:line:col: CODE message``, one per line, sorted by path, line,
  column and code, so editors' and CI's flake8 problem matchers work unchanged;
- ``json``: one document, schema ``findings.schema.json`` beside this module (versioned:
  ``"version": 1``; see docs/output-formats.md);
- ``sarif``: SARIF 2.1.0 with rule metadata from the registry, for code-scanning upload;
- ``github``: GitHub Actions workflow commands (``::error file=...``), annotations on the
  pull request without any upload step.

``context`` carries run metadata that some formats record: ``tool`` (the command's name),
``files`` (how many files were checked), ``root`` (the directory SARIF URIs are relative
to; default: the working directory).
"""

from __future__ import annotations

from typing import Iterable, TextIO

from ..findings import Finding

FORMATS = ("text", "json", "sarif", "github")
#: Formats whose standard output must stay one parseable document.
MACHINE_FORMATS = frozenset({"json", "sarif"})


def sort_key(finding: Finding) -> tuple:
    return (finding.path, finding.line, finding.col, finding.code, finding.message)


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=sort_key)


def render_text(findings: Iterable[Finding], stream: TextIO) -> None:
    for finding in sorted_findings(findings):
        stream.write(finding.text() + "\n")


def render(findings: Iterable[Finding], fmt: str, stream: TextIO, **context: object) -> None:
    """Write ``findings`` to ``stream`` in ``fmt``. ``context`` carries run metadata
    (tool name, files checked, project root) for formats that record it."""
    findings = sorted_findings(findings)
    if fmt == "text":
        render_text(findings, stream)
    elif fmt == "json":
        from .jsonfmt import render_json
        render_json(findings, stream, **context)
    elif fmt == "sarif":
        from .sarif import render_sarif
        render_sarif(findings, stream, **context)
    elif fmt == "github":
        from .github import render_github
        render_github(findings, stream)
    else:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
