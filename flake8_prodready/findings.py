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
