"""Env files (``.env``, ``.env.production``, ``app.env``) read the way docker compose reads
them: ``KEY=VALUE`` lines, an optional ``export`` prefix, ``#`` comment lines, inline
``  # comments`` after unquoted values, single-quoted values taken literally, and
double-quoted values with backslash escapes (both may span lines). A bare ``KEY`` passes
the variable through from the environment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ASSIGNMENT = re.compile(r"^(?P<indent>[ \t]*)(?:export[ \t]+)?"
                         r"(?P<name>[A-Za-z_][A-Za-z0-9_.-]*)[ \t]*(?P<eq>=)?[ \t]*")
_INLINE_COMMENT = re.compile(r"[ \t]#")
_DOUBLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "$": "$"}


@dataclass(frozen=True)
class Entry:
    name: str
    value: str
    line: int  # 1-based line of the value's first character
    col: int  # 1-based column of the value's first character
    quote: str  # "", "'" or '"'


@dataclass(frozen=True)
class BadLine:
    line: int
    col: int
    reason: str


def parse(text: str) -> tuple[list[Entry], list[BadLine]]:
    """Entries and the lines that are not ``KEY=VALUE``, comments or blank."""
    lines = text.splitlines()
    entries: list[Entry] = []
    bad: list[BadLine] = []
    index = 0
    while index < len(lines):
        raw = lines[index]
        number = index + 1
        index += 1
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _ASSIGNMENT.match(raw)
        if match is None:
            bad.append(BadLine(number, len(raw) - len(raw.lstrip()) + 1,
                               "this line is not KEY=VALUE"))
            continue
        rest = raw[match.end():]
        if match.group("eq") is None:
            if rest.strip() and not rest.lstrip().startswith("#"):
                bad.append(BadLine(number, len(match.group("indent")) + 1,
                                   "this line is not KEY=VALUE"))
            continue  # a bare KEY: passed through from the environment
        col = match.end() + 1
        quote = rest[:1] if rest[:1] in ("'", '"') else ""
        if not quote:
            comment = _INLINE_COMMENT.search(rest)
            value = (rest[:comment.start()] if comment else rest).rstrip()
            entries.append(Entry(match.group("name"), value, number, col, ""))
            continue
        value, consumed = _quoted(lines, index - 1, match.end(), quote)
        if value is None:
            bad.append(BadLine(number, col, f"unterminated {quote}-quoted value"))
            break
        entries.append(Entry(match.group("name"), value, number, col + 1, quote))
        index += consumed
    return entries, bad


def _quoted(lines: list[str], line_index: int, start: int,
            quote: str) -> tuple[str | None, int]:
    """The value of a quoted string starting at ``lines[line_index][start]`` and the
    number of extra lines it spans; ``None`` when it is never closed."""
    parts: list[str] = []
    position = start + 1
    current = line_index
    while current < len(lines):
        raw = lines[current]
        while position < len(raw):
            char = raw[position]
            if char == quote:
                return "".join(parts), current - line_index
            if quote == '"' and char == "\\" and position + 1 < len(raw):
                escaped = raw[position + 1]
                parts.append(_DOUBLE_ESCAPES.get(escaped, "\\" + escaped))
                position += 2
                continue
            parts.append(char)
            position += 1
        parts.append("\n")
        current += 1
        position = 0
    return None, 0
