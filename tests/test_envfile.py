"""Env files read as docker compose reads them."""

from __future__ import annotations

from flake8_prodready.compose.envfile import BadLine, Entry, parse


def test_assignments_comments_and_quotes():
    text = (
        "# comment\n"
        "\n"
        "export A=1\n"
        "B = two # inline comment\n"
        "C=x#not-a-comment\n"
        'D="quoted # not a comment" # comment\n'
        "E='single $NOT_INTERPOLATED'\n"
        'F="multi\n'
        'line"\n'
        "G\n"
        "H=\n"
        '  I="esc\\"aped\\n"\n'
    )
    entries, bad = parse(text)
    assert bad == []
    assert entries == [
        Entry("A", "1", 3, 10, ""),
        Entry("B", "two", 4, 5, ""),
        Entry("C", "x#not-a-comment", 5, 3, ""),
        Entry("D", "quoted # not a comment", 6, 4, '"'),
        Entry("E", "single $NOT_INTERPOLATED", 7, 4, "'"),
        Entry("F", "multi\nline", 8, 4, '"'),
        Entry("H", "", 11, 3, ""),
        Entry("I", 'esc"aped\n', 12, 6, '"'),
    ]


def test_bad_lines():
    entries, bad = parse("A=1\nnot an assignment\n=value\nB='open\nC=3\n")
    assert [entry.name for entry in entries] == ["A"]
    assert bad == [BadLine(2, 1, "this line is not KEY=VALUE"),
                   BadLine(3, 1, "this line is not KEY=VALUE"),
                   BadLine(4, 3, "unterminated '-quoted value")]


def test_crlf_and_empty():
    entries, bad = parse("A=1\r\nB=2\r\n")
    assert [(e.name, e.value) for e in entries] == [("A", "1"), ("B", "2")]
    assert parse("") == ([], [])
