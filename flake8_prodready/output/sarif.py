"""``--format sarif``: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps).

Rule metadata comes from the registry: ``name``, ``shortDescription`` = the rule's
summary, ``fullDescription`` = its rationale, ``helpUri`` = its docs page. Every rule of
the registry is listed (code-scanning UIs show rule help even for rules with no result
in this run); codes that are not ours (other flake8 plugins, seen by the flake8
formatter) get a minimal rule entry so every result has a ``ruleIndex``.

Locations are relative to ``%SRCROOT%`` (the project root) when the file lies below it,
which is what GitHub's upload action expects; ``columnKind`` is Unicode code points,
matching flake8's 1-based character columns.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, TextIO
from urllib.parse import quote

from .. import registry
from ..findings import Finding
from .common import relative_uri_path, tool_version
from .github import level

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/flake8-prodready/flake8-prodready"
#: Families whose findings are security problems: GitHub shows them under "security".
SECURITY_FAMILIES = frozenset({"PRD2", "PRD4", "PRD5"})


def rule_descriptor(rule: registry.Rule) -> dict:
    tags = [rule.family.name]
    if rule.family.prefix in SECURITY_FAMILIES:
        tags.append("security")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "helpUri": rule.help_uri,
        "help": {"text": f"{rule.summary}\n\n{rule.rationale}\n\nSee {rule.help_uri}"},
        "defaultConfiguration": {"enabled": rule.default_enabled,
                                 "level": level(rule.code)},
        "properties": {"tags": tags},
    }


def foreign_descriptor(code: str) -> dict:
    return {"id": code, "shortDescription": {"text": f"{code} (reported through flake8)"}}


def uri_for(path: str, root: str | Path | None) -> tuple[str, bool]:
    """(uri, relative?) for a finding's path."""
    posix = relative_uri_path(path, root)
    if posix.startswith("/"):
        return Path(posix).as_uri(), False
    return quote(posix), True


def sarif_log(findings: Iterable[Finding], tool: object = "prodready",
              root: str | Path | None = None, driver_name: str = "flake8-prodready",
              driver_version: str | None = None, **_: object) -> dict:
    findings = list(findings)
    descriptors = [rule_descriptor(rule) for rule in registry.RULES.values()]
    index = {descriptor["id"]: i for i, descriptor in enumerate(descriptors)}
    for finding in findings:
        if finding.code not in index:
            index[finding.code] = len(descriptors)
            descriptors.append(foreign_descriptor(finding.code))
    results = []
    for finding in findings:
        uri, relative = uri_for(finding.path, root)
        location = {"uri": uri}
        if relative:
            location["uriBaseId"] = "%SRCROOT%"
        result = {
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": level(finding.code),
            "message": {"text": f"{finding.code} {finding.message}"},
            "locations": [{"physicalLocation": {
                "artifactLocation": location,
                "region": {"startLine": max(1, finding.line),
                           "startColumn": max(1, finding.col)},
            }}],
        }
        if finding.fingerprint:
            result["partialFingerprints"] = {"prodready/v1": finding.fingerprint}
        results.append(result)
    base = Path(root) if root is not None else Path.cwd()
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": driver_name,
                "version": driver_version or tool_version(),
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }},
            "invocations": [{"executionSuccessful": True,
                             "commandLine": str(tool)}],
            "originalUriBaseIds": {"%SRCROOT%": {"uri": base.resolve().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render_sarif(findings: Iterable[Finding], stream: TextIO, **context: object) -> None:
    json.dump(sarif_log(findings, **context), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
