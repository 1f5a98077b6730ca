"""Compose variable interpolation, parsed the way ``docker compose`` reads it.

``$$`` is an escaped dollar (a literal ``$``, often a shell variable for the container);
``$VAR`` and ``${VAR}`` are plain references; ``${VAR:-default}`` / ``${VAR-default}``
carry a default (used when the variable is unset, or also when empty for ``:-``);
``${VAR:?error}`` / ``${VAR?error}`` make the variable required; ``${VAR:+alt}`` /
``${VAR+alt}`` substitute ``alt`` only when the variable *is* set. Defaults may nest:
``${DB_PASSWORD:-${PG_PASSWORD:-postgres}}``.

The parser is a single left-to-right scan (each character is looked at once), so hostile
scalars cannot make it slow; nesting deeper than :data:`MAX_NESTING` is read as literal
text rather than recursed into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Union

MAX_NESTING = 32
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Operators after the name inside braces, longest first.
_OPERATORS = (":-", ":?", ":+", "-", "?", "+")
DEFAULT_OPERATORS = frozenset({":-", "-"})


@dataclass
class Literal:
    text: str  # decoded: "$$" already turned into "$"
    start: int  # offset of the first raw character in the scanned string
    raw: str  # as written


@dataclass
class Reference:
    name: str
    start: int  # offset of the "$"
    end: int  # offset after the closing brace (or the name, for $VAR)
    operator: str = ""  # "" for ${VAR} and $VAR
    argument: list = field(default_factory=list)  # segments of the default/error/alt text
    argument_start: int = -1

    @property
    def has_default(self) -> bool:
        return self.operator in DEFAULT_OPERATORS


Segment = Union[Literal, Reference]


_REFERENCE_START = re.compile(r"\$(?:\{[A-Za-z_]|[A-Za-z_])")


def has_references(text: str) -> bool:
    """Does ``text`` reference a variable (``$$`` being an escaped dollar)?

    Without escapes and with braces closed, a regex answers; otherwise the parser does.
    (``${A x}``, which compose rejects, counts as a reference here.)"""
    if "$" not in text:
        return False
    if "$$" in text or ("${" in text and "}" not in text):
        return any(isinstance(segment, Reference) for segment in parse(text))
    return bool(_REFERENCE_START.search(text))


def decode(text: str) -> str:
    """``text`` with ``$$`` turned into ``$`` (meaningful when it has no references)."""
    return text.replace("$$", "$") if "$$" in text else text


def raw_offset(raw: str, decoded_offset: int) -> int:
    """The offset in ``raw`` of the character at ``decoded_offset`` of ``decode(raw)``."""
    if "$$" not in raw:
        return decoded_offset
    raw_index = decoded = 0
    while decoded < decoded_offset and raw_index < len(raw):
        raw_index += 2 if raw.startswith("$$", raw_index) else 1
        decoded += 1
    return raw_index


def parse(text: str) -> list[Segment]:
    """Split ``text`` into literal runs and references (see the module docstring)."""
    segments, _ = _parse(text, 0, 0, inside_braces=False)
    return segments


def _parse(text: str, position: int, depth: int, inside_braces: bool) -> tuple[list, int]:
    """Segments from ``position`` up to the end, or up to the ``}`` closing the enclosing
    reference when ``inside_braces``; returns them and the offset where it stopped."""
    segments: list[Segment] = []
    literal_start = position
    literal_parts: list[str] = []
    length = len(text)

    def flush(end: int) -> None:
        if end > literal_start:
            segments.append(Literal("".join(literal_parts), literal_start,
                                    text[literal_start:end]))

    while position < length:
        char = text[position]
        if inside_braces and char == "}":
            flush(position)
            return segments, position
        if char != "$":
            next_special = _next_special(text, position, inside_braces)
            literal_parts.append(text[position:next_special])
            position = next_special
            continue
        following = text[position + 1:position + 2]
        if following == "$":
            literal_parts.append("$")
            position += 2
            continue
        if following == "{" and depth < MAX_NESTING:
            reference = _braced(text, position, depth)
            if reference is _UNTERMINATED:
                # No closing brace anywhere after this point (compose rejects the value):
                # the rest is text. Stopping here keeps the scan linear.
                literal_parts.append(text[position:])
                position = length
                break
            if reference is not None:
                flush(position)
                segments.append(reference)
                position = reference.end
                literal_start, literal_parts = position, []
                continue
        name = _NAME.match(text, position + 1)
        if name and following != "{":
            flush(position)
            segments.append(Reference(name.group(0), position, name.end()))
            position = name.end()
            literal_start, literal_parts = position, []
            continue
        # A lone "$" (compose rejects it as an invalid template): keep it as text.
        literal_parts.append("$")
        position += 1
    flush(position)
    return segments, position


def _next_special(text: str, position: int, inside_braces: bool) -> int:
    dollar = text.find("$", position)
    end = len(text) if dollar < 0 else dollar
    if inside_braces:
        brace = text.find("}", position, end)
        if brace >= 0:
            end = brace
    return max(end, position + 1) if end == position else end


_UNTERMINATED = Reference("", -1, -1)


def _braced(text: str, start: int, depth: int) -> Reference | None:
    """``${...}`` starting at ``start``; None when it is not a well-formed reference,
    :data:`_UNTERMINATED` when its closing brace is missing."""
    name = _NAME.match(text, start + 2)
    if not name:
        return None
    position = name.end()
    if text.startswith("}", position):
        return Reference(name.group(0), start, position + 1)
    for operator in _OPERATORS:
        if text.startswith(operator, position):
            argument_start = position + len(operator)
            argument, stop = _parse(text, argument_start, depth + 1, inside_braces=True)
            if stop >= len(text):  # unterminated: compose rejects it too
                return _UNTERMINATED
            return Reference(name.group(0), start, stop + 1, operator, argument,
                             argument_start)
    return None


def references(segments: list[Segment]) -> Iterator[tuple[Reference, int]]:
    """Every reference with its nesting depth, outermost first (iteratively)."""
    stack = [(segment, 0) for segment in reversed(segments) if isinstance(segment, Reference)]
    while stack:
        reference, depth = stack.pop()
        yield reference, depth
        stack.extend((inner, depth + 1) for inner in reversed(reference.argument)
                     if isinstance(inner, Reference))


def literal_defaults(reference: Reference) -> Iterator[Literal]:
    """The literal values ``reference`` falls back to: its default when that is plain
    text, and, through nested references with defaults, their plain-text defaults.

    ``${A:-prefix-${B}}`` yields nothing: a partial literal is not a whole value.
    """
    stack = [reference]
    while stack:
        current = stack.pop()
        if not current.has_default:
            continue
        argument = current.argument
        if len(argument) == 1 and isinstance(argument[0], Literal):
            yield argument[0]
        elif all(isinstance(part, Reference) for part in argument):
            stack.extend(reversed(argument))
