"""Per-line ``noqa`` comments, with flake8's semantics, in any text file.

flake8 only reads ``# noqa``; in the file types the secrets hook scans (TypeScript, JSON5,
SQL) a ``#`` comment may not exist, so ``// noqa`` and ``/* noqa`` and ``-- noqa`` count
too. Otherwise the rules are flake8's: a bare ``noqa`` (or ``noqa:PRD`` without digits,
which flake8 also reads as bare) suppresses every code on the line; ``noqa: PRD511,PRD5``
suppresses the codes it names and the codes starting with a named prefix.
"""

from __future__ import annotations

import re

# flake8.defaults.NOQA_INLINE_REGEXP with more comment starters. Linear: the code list is
# a sequence of disjoint tokens.
NOQA = re.compile(r"(?:#|//|/\*|--)\s*noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?",
                  re.IGNORECASE)
_SPLIT = re.compile(r"[,\s]")


def noqa_codes(line: str) -> frozenset | None:
    """None: no noqa. Empty set: a blanket noqa. Otherwise the codes/prefixes named."""
    if "noqa" not in line.lower():
        return None
    match = NOQA.search(line)
    if match is None:
        return None
    codes = match.group("codes")
    if codes is None:
        return frozenset()
    return frozenset(part.strip().upper() for part in _SPLIT.split(codes) if part.strip())


def is_suppressed(line: str, code: str) -> bool:
    codes = noqa_codes(line)
    if codes is None:
        return False
    return not codes or code in codes or code.startswith(tuple(codes))
