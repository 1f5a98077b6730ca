"""``# noqa`` comments with flake8's semantics, for every face.

flake8's rule (flake8/defaults.py and ``Violation.is_inline_ignored``): a bare ``# noqa``
silences every code on the line; ``# noqa: PRD301,PRD2`` silences the codes it names and
the codes starting with a named prefix; ``# noqa:PRD`` (letters only) is not a code list
to flake8's regular expression, so it is a bare ``noqa``. The Python face applies this to
flake8's logical-line mapping, the compose and env checks to the reported YAML/env line,
the secrets hook to any text file, where ``// noqa``, ``/* noqa`` and ``-- noqa`` count
too (TypeScript, JSON5 and SQL have no ``#`` comments).
"""

from __future__ import annotations

import re

# flake8/defaults.py NOQA_INLINE_REGEXP, verbatim (flake8 >= 6). Linear: the code list is
# a sequence of disjoint tokens.
NOQA_INLINE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?",
                         re.IGNORECASE)
NOQA_ANY_COMMENT = re.compile(
    r"(?:#|//|/\*|--)\s*noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
_CODE_LIST_SPLIT = re.compile(r"[,\s]")


def noqa_codes(text: str, pattern: re.Pattern = NOQA_INLINE) -> frozenset | None:
    """None: no noqa. Empty set: a blanket noqa. Otherwise the codes/prefixes named."""
    if "noqa" not in text and "NOQA" not in text.upper():
        return None
    match = pattern.search(text)
    if match is None:
        return None
    codes = match.group("codes")
    if codes is None:
        return frozenset()
    return frozenset(item.strip() for item in _CODE_LIST_SPLIT.split(codes) if item.strip())


def suppresses(text: str, code: str, pattern: re.Pattern = NOQA_INLINE) -> bool:
    """True when a noqa comment in ``text`` silences ``code``."""
    codes = noqa_codes(text, pattern)
    if codes is None:
        return False
    return not codes or code in codes or code.startswith(tuple(codes))
