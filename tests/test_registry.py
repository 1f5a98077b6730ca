"""The registry is the single source of truth: every code documented and tested."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_prodready import docs, registry
from harness import EXPECT, OK_MARK, marked_codes

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"


def test_codes_are_valid_flake8_codes_and_unique():
    assert registry.RULES, "no rules registered"
    names = [rule.name for rule in registry.RULES.values()]
    assert len(names) == len(set(names)), "rule names must be unique"
    for code, rule in registry.RULES.items():
        assert registry.CODE_PATTERN.match(code)
        assert rule.code == code
        assert rule.summary and rule.message and rule.rationale
        assert rule.faces, code


def test_docs_are_current():
    assert docs.problems(ROOT / "docs") == []


@pytest.mark.parametrize("code", sorted(registry.RULES))
def test_every_code_has_a_positive_and_a_negative_test(code):
    positives = marked_codes(EXPECT, TESTS)
    negatives = marked_codes(OK_MARK, TESTS)
    assert code in positives, f"{code}: no test marks a finding with 'expect: {code}'"
    assert code in negatives, f"{code}: no test marks a look-alike with 'ok: {code}'"


def test_unknown_codes_are_not_referenced_in_docs():
    # A docs page for a code that is not in the registry is caught by docs.problems too,
    # this checks the index links only to registered codes.
    index = (ROOT / "docs" / "rules" / "index.md").read_text(encoding="utf-8")
    for code in registry.RULES:
        assert f"[{code}]({code}.md)" in index
