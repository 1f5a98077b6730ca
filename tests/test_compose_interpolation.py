"""Compose interpolation as docker compose reads it: every form, nesting, escapes."""

from __future__ import annotations

import pytest

from flake8_prodready.compose import interpolation
from flake8_prodready.compose.interpolation import Literal, parse


def shape(segments):
    out = []
    for segment in segments:
        if isinstance(segment, Literal):
            out.append(("text", segment.text, segment.start))
        else:
            out.append((segment.name, segment.operator, segment.start, segment.end,
                        shape(segment.argument)))
    return out


@pytest.mark.parametrize("text, expected", [
    ("${VAR}", [("VAR", "", 0, 6, [])]),
    ("$VAR", [("VAR", "", 0, 4, [])]),
    ("${VAR:-default}", [("VAR", ":-", 0, 15, [("text", "default", 7)])]),
    ("${VAR-default}", [("VAR", "-", 0, 14, [("text", "default", 6)])]),
    ("${VAR:?error text}", [("VAR", ":?", 0, 18, [("text", "error text", 7)])]),
    ("${VAR?error}", [("VAR", "?", 0, 12, [("text", "error", 6)])]),
    ("${VAR:+alt}", [("VAR", ":+", 0, 11, [("text", "alt", 7)])]),
    ("${VAR+alt}", [("VAR", "+", 0, 10, [("text", "alt", 6)])]),
    ("${VAR:-}", [("VAR", ":-", 0, 8, [])]),
    ("$$", [("text", "$", 0)]),
    ("$${VAR:-x}", [("text", "${VAR:-x}", 0)]),
    ("$$VAR", [("text", "$VAR", 0)]),
    ("a$$$VAR", [("text", "a$", 0), ("VAR", "", 3, 7, [])]),
    ("${A:-${B:-pw}}", [("A", ":-", 0, 14, [("B", ":-", 5, 13, [("text", "pw", 10)])])]),
    ("x=${A:-a}/${B}", [("text", "x=", 0), ("A", ":-", 2, 9, [("text", "a", 7)]),
                        ("text", "/", 9), ("B", "", 10, 14, [])]),
    ("${A:-a$$b}", [("A", ":-", 0, 10, [("text", "a$b", 5)])]),
    ("price: 5$", [("text", "price: 5$", 0)]),  # a lone "$" stays text
    ("${unclosed", [("text", "${unclosed", 0)]),
    ("${A:-${B:-x}", [("text", "${A:-${B:-x}", 0)]),  # compose rejects it: all text
    ("${1BAD}", [("text", "${1BAD}", 0)]),
    ("}{", [("text", "}{", 0)]),
])
def test_forms(text, expected):
    assert shape(parse(text)) == expected


def test_literal_defaults_follow_nesting_but_not_partial_text():
    [outer] = parse("${DB_PASSWORD:-${PG_PASSWORD:-postgres}}")
    assert [(lit.text, lit.start) for lit in interpolation.literal_defaults(outer)] == [
        ("postgres", 30)]
    [partial] = parse("${A:-prefix-${B}}")
    assert list(interpolation.literal_defaults(partial)) == []
    [required] = parse("${A:?literal error}")
    assert list(interpolation.literal_defaults(required)) == []
    [alternative] = parse("${A:+x}")
    assert list(interpolation.literal_defaults(alternative)) == []


def test_references_walk_outer_to_inner():
    segments = parse("${A:-${B:-${C}}} $D")
    assert [(ref.name, depth) for ref, depth in interpolation.references(segments)] == [
        ("A", 0), ("B", 1), ("C", 2), ("D", 0)]


def test_helpers():
    assert interpolation.has_references("x ${A}")
    assert not interpolation.has_references("x $${A} $$")
    assert interpolation.decode("pa$$word") == "pa$word"
    assert interpolation.raw_offset("a$$b$$c", 3) == 4


@pytest.mark.parametrize("text", [
    "${A:-" * 20000,
    "${" * 20000,
    "$" * 40000,
    "${A:-${B:-" * 5000 + "}" * 3,
    "${A:-x}" * 10000,
])
def test_hostile_input_stays_linear(text):
    # Each of these would be quadratic or worse with a naive re-scan; here they parse in
    # one pass (the test only needs it to finish), and the segments still tile the text.
    segments = parse(text)
    rebuilt = "".join(s.raw if isinstance(s, Literal) else text[s.start:s.end]
                      for s in segments)
    assert rebuilt == text


def test_nesting_is_bounded():
    text = "${A:-" * 100 + "x" + "}" * 100
    segments = parse(text)
    depths = [depth for _, depth in interpolation.references(segments)]
    assert max(depths) < interpolation.MAX_NESTING
