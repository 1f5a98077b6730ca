"""``--format json``: one document, described by ``findings.schema.json`` beside this file.

The schema is versioned: ``"version": 1`` changes only by adding optional fields; removing
or renaming a field, or changing its meaning, makes version 2. Findings are sorted like
the text output, so two runs over the same tree give byte-identical documents.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterable, TextIO

from .. import registry
from ..findings import Finding
from .common import counts_by_family, family_name, tool_version

SCHEMA_VERSION = 1
SCHEMA_ID = ("https://github.com/flake8-prodready/flake8-prodready/blob/main/"
             "flake8_prodready/output/findings.schema.json")
SCHEMA_PATH = Path(__file__).with_name("findings.schema.json")


def finding_record(finding: Finding) -> dict:
    rule = registry.RULES.get(finding.code)
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.col,
        "code": finding.code,
        "name": rule.name if rule else None,
        "family": family_name(finding.code),
        "message": finding.message,
        "fingerprint": finding.fingerprint or None,
        "help_uri": rule.help_uri if rule else None,
    }


def document(findings: Iterable[Finding], tool: object = "prodready",
             files: object = None, **_: object) -> dict:
    findings = list(findings)
    return {
        "$schema": SCHEMA_ID,
        "version": SCHEMA_VERSION,
        "tool": {"name": str(tool), "version": tool_version()},
        "summary": {
            "files_checked": files if isinstance(files, int) else None,
            "findings": len(findings),
            "by_family": counts_by_family(findings),
            "by_code": dict(sorted(Counter(f.code for f in findings).items())),
        },
        "findings": [finding_record(finding) for finding in findings],
    }


def render_json(findings: Iterable[Finding], stream: TextIO, **context: object) -> None:
    json.dump(document(findings, **context), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
