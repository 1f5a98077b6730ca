"""``prodready baseline``: known findings suppressed in every face, new ones reported."""

from __future__ import annotations

import json
import sys

import pytest

from project_helpers import VIOLATING_PY, flake8, make_project, parse, prodready, run

AWS_KEY = "AKIAZ4QW7RT2KXHB3N5M"
DB_PASSWORD = "Tr0ub4dor-horse-staple-9x"
ENV_FILE = f"DB_PASSWORD={DB_PASSWORD}\n"
NOTES = f"staging access key: {AWS_KEY}\n"

NEW_FALLBACK = """

def load_users(fetch):
    try:
        return fetch()
    except Exception:
        return {}
"""


@pytest.fixture
def project(tmp_path):
    make_project(tmp_path, {"src/app.py": VIOLATING_PY, "deploy/.env.production": ENV_FILE,
                            "deploy/notes.txt": NOTES})
    result = prodready(tmp_path, "baseline", ".")
    assert result.returncode == 0, result.stderr
    return tmp_path


def codes(result, path="src/app.py"):
    return sorted((line, code) for p, line, _, code in parse(result.stdout) if p == path)


def test_findings_are_recorded_without_any_secret(project):
    text = (project / ".prodready-baseline.json").read_text()
    data = json.loads(text)
    assert data["version"] == 1
    recorded = {(item["path"], item["code"]) for item in data["findings"]}
    assert {("src/app.py", "PRD101"), ("src/app.py", "PRD301")} <= recorded
    assert ("deploy/.env.production", "PRD511") in recorded
    assert ("deploy/notes.txt", "PRD501") in recorded
    for secret in (AWS_KEY, DB_PASSWORD):
        for start in range(0, len(secret) - 5):
            assert secret[start:start + 6] not in text, "part of a secret in the baseline"
    assert "MagicMock" not in text and "except" not in text  # no source text at all


def test_baseline_silences_every_face(project):
    result = prodready(project, "check", ".")
    assert result.returncode == 0, result.stdout
    assert "known findings suppressed by the baseline" in result.stdout
    assert flake8(project, "--select", "PRD", "src").returncode == 0
    secrets = run([sys.executable, "-m", "flake8_prodready.secrets", "deploy"], project)
    assert secrets.returncode == 0, secrets.stdout + secrets.stderr


def test_lines_moved_by_an_unrelated_edit_stay_suppressed(project):
    app = project / "src" / "app.py"
    app.write_text('"""Products."""\n\nimport logging\n\n' + VIOLATING_PY.replace(
        "        return []", "        return   []"))  # moved 4 lines, re-spaced
    env = project / "deploy" / ".env.production"
    env.write_text("# production\n\nLOG_LEVEL=INFO\n" + ENV_FILE)
    notes = project / "deploy" / "notes.txt"
    notes.write_text("Keys\n====\n\n" + NOTES)
    assert prodready(project, "check", ".").returncode == 0
    assert flake8(project, "--select", "PRD", "src").returncode == 0


def test_a_new_finding_in_the_same_file_is_reported(project):
    app = project / "src" / "app.py"
    app.write_text("import os\n" + VIOLATING_PY + NEW_FALLBACK)
    result = prodready(project, "check", ".")
    assert result.returncode == 1
    assert codes(result) == [(19, "PRD301")]
    assert {(line, code) for p, line, _, code in parse(
        flake8(project, "--select", "PRD", "src").stdout)} == {(19, "PRD301")}


def test_a_copy_of_a_known_line_is_still_new(project):
    app = project / "src" / "app.py"
    app.write_text(VIOLATING_PY + VIOLATING_PY.replace("load_products", "load_prices")
                   .replace("from unittest.mock import MagicMock\n", ""))
    result = prodready(project, "check", ".")
    assert result.returncode == 1
    assert [code for _, code in codes(result)] == ["PRD301"]


def test_a_new_secret_is_reported(project):
    env = project / "deploy" / ".env.production"
    env.write_text(ENV_FILE + "API_PASSWORD=xK9#mQ2$vL7pR4wZ\n")
    result = prodready(project, "check", ".")
    assert result.returncode == 1
    assert [line for line, _ in codes(result, "deploy/.env.production")] == [2]


def test_fixed_findings_drop_out_when_rewritten(project):
    (project / "src" / "app.py").write_text(VIOLATING_PY.replace(
        "from unittest.mock import MagicMock\n", "").replace("MagicMock()", "object()"))
    assert prodready(project, "baseline", ".").returncode == 0
    data = json.loads((project / ".prodready-baseline.json").read_text())
    assert ("src/app.py", "PRD101") not in {(i["path"], i["code"]) for i in data["findings"]}


def test_the_baseline_file_is_not_scanned(project):
    result = prodready(project, "check", ".", "--baseline", "")
    assert ".prodready-baseline.json" not in result.stdout
    assert "suppressed" not in result.stdout and result.returncode == 1


def test_a_malformed_baseline_is_a_configuration_error(project):
    (project / ".prodready-baseline.json").write_text('{"version": 99}')
    result = prodready(project, "check", ".")
    assert result.returncode == 2 and "not a flake8-prodready baseline" in result.stderr
    result = flake8(project, "--select", "PRD", "src")
    assert result.returncode == 2 and "baseline" in result.stderr
    assert "Traceback" not in result.stderr
