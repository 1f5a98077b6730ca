"""Rendering findings: flake8's text format, plus the machine formats.

``render(findings, fmt, ...)`` is the one entry point every face uses. Messages are
already masked by the checks that build them; nothing here ever sees a secret in full.
"""

from __future__ import annotations

from typing import Iterable, TextIO

from ..findings import Finding

FORMATS = ("text",)


def sort_key(finding: Finding) -> tuple:
    return (finding.path, finding.line, finding.col, finding.code)


def render_text(findings: Iterable[Finding], stream: TextIO) -> None:
    for finding in sorted(findings, key=sort_key):
        stream.write(finding.text() + "\n")


def render(findings: Iterable[Finding], fmt: str, stream: TextIO, **context: object) -> None:
    """Write ``findings`` to ``stream`` in ``fmt``. ``context`` carries run metadata
    (tool name, files checked) for formats that record it."""
    if fmt == "text":
        render_text(findings, stream)
        return
    raise ValueError(f"unknown format {fmt!r}")
