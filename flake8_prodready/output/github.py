"""GitHub Actions workflow commands: one ``::error`` annotation per finding.

Escaping follows the runner's rules (actions/toolkit ``command.ts``): in the message,
``%``, CR and LF are percent-encoded; in property values ``:`` and ``,`` as well, since
they delimit the properties. Without it a message with a comma would cut the title short.
"""

from __future__ import annotations

from typing import Iterable, TextIO

from .. import registry
from ..findings import Finding


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def level(code: str) -> str:
    # The tool's own trouble (PRD9xx) is a warning: the file was not vouched for, but
    # nothing wrong was found in it.
    return "warning" if code.startswith("PRD9") else "error"


def annotation(finding: Finding) -> str:
    rule = registry.RULES.get(finding.code)
    title = f"{finding.code} {rule.name}" if rule else finding.code
    properties = ",".join([
        f"file={escape_property(finding.path)}",
        f"line={finding.line}",
        f"col={max(1, finding.col)}",
        f"title={escape_property(title)}",
    ])
    message = escape_data(f"{finding.code} {finding.message}")
    return f"::{level(finding.code)} {properties}::{message}"


def render_github(findings: Iterable[Finding], stream: TextIO) -> None:
    for finding in findings:
        stream.write(annotation(finding) + "\n")
