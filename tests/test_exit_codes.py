"""Exit status 0 / 1 / 2 on every entry point: the flake8 plugin, ``prodready check``,
``prodready-compose`` and ``prodready-secrets``, including a malformed ``[tool.prodready]``
table and an unknown code in ``select``."""

from __future__ import annotations

import os
import sys

import pytest

from project_helpers import CLEAN_PY, VIOLATING_PY, bin_path, make_project, run

COMPOSE_BAD = 'version: "3.8"\nservices:\n  db:\n    image: postgres:16\n' \
              '    environment:\n      POSTGRES_PASSWORD: hunter2-prod-pw\n'
COMPOSE_OK = 'services:\n  db:\n    image: postgres:16\n    environment:\n' \
             '      POSTGRES_PASSWORD_FILE: /run/secrets/db\n'
SECRET_BAD = "staging access key: AKIAZ4QW7RT2KXHB3N5M\n"
SECRET_OK = "nothing to see here\n"

#: entry point -> (command, file name, violating content, clean content)
ENTRY_POINTS = {
    "flake8": ([sys.executable, "-m", "flake8", "--select", "PRD", "--jobs", "1"],
               "src/app.py", VIOLATING_PY, CLEAN_PY),
    "prodready check": ([bin_path("prodready"), "check"], "src/app.py", VIOLATING_PY,
                        CLEAN_PY),
    "prodready-compose": ([bin_path("prodready-compose")], "docker-compose.yml",
                          COMPOSE_BAD, COMPOSE_OK),
    "prodready-secrets": ([bin_path("prodready-secrets")], "notes.txt", SECRET_BAD,
                          SECRET_OK),
}

BAD_CONFIGS = {
    "malformed table": "[tool.prodready\nselect = [\n",
    "wrong type": "[tool.prodready]\nselect = 5\n",
    "unknown code in select": "[tool.prodready]\nselect = ['PRD1', 'PRD777']\n",
    "unknown key": "[tool.prodready]\nfrobnicate = true\n",
}


def command_for(name):
    command, *rest = ENTRY_POINTS[name]
    if not sys.executable == command[0] and not os.path.exists(command[0]):
        pytest.fail(f"{command[0]} is not installed (pip install -e . after adding it)")
    return command, rest


@pytest.mark.parametrize("name", list(ENTRY_POINTS))
def test_clean_is_0_and_findings_are_1(tmp_path, name):
    command, (path, bad, good) = command_for(name)
    make_project(tmp_path / "clean", {path: good})
    make_project(tmp_path / "bad", {path: bad})
    clean = run([*command, path], tmp_path / "clean")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.strip() == "" or "no findings" in clean.stdout
    found = run([*command, path], tmp_path / "bad")
    assert found.returncode == 1, found.stdout + found.stderr
    assert f"{path}:" in found.stdout and " PRD" in found.stdout


@pytest.mark.parametrize("config", list(BAD_CONFIGS))
@pytest.mark.parametrize("name", list(ENTRY_POINTS))
def test_bad_configuration_is_2_without_a_traceback(tmp_path, name, config):
    command, (path, bad, _) = command_for(name)
    make_project(tmp_path, {path: bad}, pyproject=BAD_CONFIGS[config])
    result = run([*command, path], tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "pyproject.toml" in result.stderr


@pytest.mark.parametrize("name", [n for n in ENTRY_POINTS if n != "flake8"])
def test_usage_errors_are_2(tmp_path, name):
    command, (path, _, good) = command_for(name)
    make_project(tmp_path, {path: good})
    assert run([*command, "--format", "xml", path], tmp_path).returncode == 2
    assert run([*command, "does-not-exist.txt"], tmp_path).returncode == 2
    assert run([*command, "--select", "NOPE1", path], tmp_path).returncode == 2


@pytest.mark.parametrize("command", [
    ["prodready"], ["prodready", "check"], ["prodready", "config"],
    ["prodready", "baseline"], ["prodready", "report"], ["prodready-compose"],
    ["prodready-secrets"]])
def test_help_works_and_exits_0(tmp_path, command):
    result = run([bin_path(command[0]), *command[1:], "--help"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout and "Traceback" not in result.stderr
