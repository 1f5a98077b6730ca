"""The finding record every face produces, and secret masking for every output."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    col: int  # 1-based, like flake8's output
    code: str
    message: str
    #: Stable identity for baselines: a hash of the offending line's content (or of the
    #: secret for PRD5xx), never the secret itself.
    fingerprint: str = ""

    def text(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"


def mask(value: str) -> str:
    """A hint that identifies a secret to its owner without disclosing it.

    At most a quarter of the characters (never more than four at the start and two at
    the end) are shown: ``sk-p…9f``. Short values show one character or none.
    """
    value = str(value)
    length = len(value)
    if length <= 3:
        return "…"
    head = min(4, max(1, length // 4))
    tail = min(2, length // 8)
    return value[:head] + "…" + (value[-tail:] if tail else "")


def hint(value: str) -> str:
    """The masked hint in quotes, as messages print it."""
    return f'"{mask(value)}"'


#: Families whose findings name the secret more precisely than detect-secrets does: the
#: variable, the argument, the compose key or the env-file entry.
SPECIFIC_SECRET_FAMILIES = ("PRD2", "PRD4")


def drop_shadowed_secrets(findings: list[Finding]) -> list[Finding]:
    """One secret, one finding: a PRD5xx finding on a line where a PRD2xx or PRD4xx
    finding already stands is the same secret seen by detect-secrets, and is dropped
    (the flake8 plugin does the same for Python files when its secrets scan is on)."""
    specific = {(f.path, f.line) for f in findings if f.code.startswith(SPECIFIC_SECRET_FAMILIES)}
    if not specific:
        return findings
    return [f for f in findings
            if not (f.code.startswith("PRD5") and (f.path, f.line) in specific)]
