"""PRD1xx: mock, fake, dummy, simulated and placeholder data in production code."""

from __future__ import annotations

from . import PYTHON, Rule

RULES = (
    Rule(
        code="PRD101",
        name="mock-library-import",
        summary="A mocking or fake-data library is imported in production code.",
        message="mocking/fake-data library '{module}' imported in production code; "
        "keep it in tests",
        rationale="Test doubles and generated data belong to the test suite. A production "
        "module that imports unittest.mock, faker or responses either ships fake behaviour "
        "or drags test-only dependencies into the runtime image.",
        faces=frozenset({PYTHON}),
        options=("test-paths", "dev-paths"),
    ),
    Rule(
        code="PRD102",
        name="mock-module-import",
        summary="A module or name whose own name marks it as mock, fake, dummy or stub is "
        "imported in production code.",
        message="'{name}' is named as mock/fake/stub code and imported in production code",
        rationale="The seed audit's 'kailash_mock.py' and 'dev_compatibility' modules were "
        "only harmless while nothing active imported them. An import from production code "
        "is how a stand-in becomes the real thing.",
        faces=frozenset({PYTHON}),
        options=("test-paths", "dev-paths"),
    ),
    Rule(
        code="PRD103",
        name="mock-definition",
        summary="A function, class or variable named as mock, fake, dummy or stub is defined "
        "in production code.",
        message="{kind} '{name}' is named as mock/fake/stub code in production code",
        rationale="A 'fake_quote()' in a service module is fake behaviour waiting for a "
        "caller. Name it for what it does, or move it to the tests.",
        faces=frozenset({PYTHON}),
        options=("test-paths", "dev-paths"),
    ),
    Rule(
        code="PRD104",
        name="mock-comment",
        summary="A comment marks the code it annotates as mock, fake, simulated or "
        "placeholder data or behaviour.",
        message="comment marks this code as {marker}: '{comment}'",
        rationale="Developers label stand-ins honestly ('# Mock quote ID', '# Simulate "
        "processing time') and then forget them. The label is the most reliable signal "
        "that the value or behaviour on that line is not real.",
        faces=frozenset({PYTHON}),
        options=("test-paths", "dev-paths"),
    ),
    Rule(
        code="PRD105",
        name="placeholder-value",
        summary="A placeholder literal (filler text, a sample person, a reserved example "
        "address or phone number, a to-be-replaced marker) is used as data.",
        message="placeholder value {kind} used as data",
        rationale="Values such as filler text, sample names, example.com addresses or "
        "555-01xx numbers are made up. In production code they end up in customer-facing "
        "records, e-mails and responses.",
        faces=frozenset({PYTHON}),
        options=("test-paths", "dev-paths"),
    ),
)
