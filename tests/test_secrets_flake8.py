"""The detect-secrets scan inside flake8 (``secrets-in-python``): off by default, PRD2xx
wins on a shared line, flake8's noqa applies, and the output never shows a secret."""

from __future__ import annotations

from pathlib import Path

import secrets_corpus
from harness import run_flake8

SOURCE = '''\
"""Planted secrets in a Python module."""
GITHUB_TOKEN = "{github}"
session = "{jwt}"
STRIPE = "{stripe}"  # noqa: PRD507
stripe_key_id = "{stripe}"  # noqa
config = {{"hooks": "{slack_webhook}"}}
'''


def project(tmp_path: Path, pyproject: str = "[tool.prodready]\n") -> dict:
    values = secrets_corpus.planted_values()
    (tmp_path / "pyproject.toml").write_text(pyproject)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text(SOURCE.format(**values))
    return values


def test_off_by_default(tmp_path):
    project(tmp_path)
    codes = {r["code"] for r in run_flake8(tmp_path, ["src/app.py"])}
    assert codes and not {c for c in codes if c.startswith("PRD5")}  # ok: PRD509


def test_on_reports_prd5_and_dedups_with_prd2(tmp_path):
    values = project(tmp_path)
    results = run_flake8(tmp_path, ["src/app.py"], "--prodready-secrets-in-python=true")
    got = {(r["line"], r["code"]) for r in results}
    # line 2: PRD201 (the credential rule names the variable); detect-secrets' GitHub
    # token finding on the same line is dropped.
    assert (2, "PRD201") in got and not {c for line, c in got if line == 2 and c[:4] == "PRD5"}
    assert (3, "PRD509") in got  # expect: PRD509 (no PRD2 finding on this line)
    assert (6, "PRD506") in got
    assert not {c for line, c in got if line in (4, 5)}  # flake8's own noqa
    text = "\n".join(r["text"] for r in results)
    for value in values.values():
        assert value not in text


def test_on_through_pyproject(tmp_path):
    project(tmp_path, "[tool.prodready]\nsecrets-in-python = true\n")
    got = {(r["line"], r["code"]) for r in run_flake8(tmp_path, ["src/app.py"])}
    assert (3, "PRD509") in got


def test_bad_secrets_configuration_is_a_clean_error(tmp_path):
    import subprocess
    import sys

    from harness import clean_env

    project(tmp_path, "[tool.prodready]\nsecrets-in-python = true\n"
                      "secrets-baseline = \"missing.baseline\"\n")
    proc = subprocess.run([sys.executable, "-m", "flake8", "--select", "PRD", "src/app.py"],
                          cwd=tmp_path, capture_output=True, text=True, env=clean_env())
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "missing.baseline" in proc.stderr
