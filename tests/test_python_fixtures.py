"""Every fixture under tests/fixtures/python/ through real flake8, compared both ways."""

from __future__ import annotations

import pytest

from harness import FIXTURES, compare, run_python_fixtures

PYTHON_FIXTURES = sorted((FIXTURES / "python").glob("*.py"))


@pytest.fixture(scope="session")
def python_results(tmp_path_factory):
    root = tmp_path_factory.mktemp("fixture-project")
    return run_python_fixtures(root, PYTHON_FIXTURES)


@pytest.mark.parametrize("fixture", PYTHON_FIXTURES, ids=lambda p: p.name)
def test_fixture(fixture, python_results):
    compare(fixture, python_results[fixture])
