"""``--fix``: remove the obsolete top-level ``version`` key, and nothing else.

The file is edited as text, line by line, never re-serialised: comments, blank lines,
quoting, key order, CRLF line endings and a UTF-8 byte order mark all stay exactly as
they were. Only the lines of the ``version`` entry go (with a comment on the same line).
A ``version`` key that does not sit on lines of its own (a flow mapping
``{version: "3", services: ...}``) is left for the user: the finding stays.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence

from yaml.nodes import Node, ScalarNode

_LINES_WITH_ENDS = re.compile(r"[^\r\n\x85\u2028\u2029]*(?:\r\n|[\r\n\x85\u2028\u2029])?")


def removable_lines(key: ScalarNode, value: Node,
                    lines: Sequence[str]) -> tuple[int, int] | None:
    """0-based ``(first, last)`` lines holding only this top-level entry, or None."""
    if key.start_mark.column != 0:
        return None
    first = key.start_mark.line
    end = value.end_mark
    last = end.line if end.column > 0 or end.line == first else end.line - 1
    if end.column > 0 and end.line < len(lines):
        rest = lines[end.line][end.column:].strip()
        if rest and not rest.startswith("#"):
            return None
    return first, max(first, last)


def remove_lines(data: bytes, spans: list[tuple[int, int]]) -> bytes:
    """``data`` without the given 0-based line ranges (inclusive), byte for byte
    otherwise. Lines are numbered with YAML's line breaks, as the marks are."""
    bom = data.startswith(codecs.BOM_UTF8)
    text = data.decode("utf-8-sig")
    drop: set[int] = set()
    for first, last in spans:
        drop.update(range(first, last + 1))
    kept = []
    for number, match in enumerate(_LINES_WITH_ENDS.finditer(text)):
        if match.group() and number not in drop:
            kept.append(match.group())
    return (codecs.BOM_UTF8 if bom else b"") + "".join(kept).encode("utf-8")
