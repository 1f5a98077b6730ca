"""The pre-commit hooks, end to end with the real pre-commit.

``pre-commit try-repo <this repo> <hook> --all-files`` for each hook on a temporary git
repository with violating and clean files: each hook must fail, with the expected codes,
on the violating files only. Then the configuration docs/getting-started.md tells users
to paste (repo URL and rev pointed at this checkout) must pass on a clean repository and
fail on the violating one.

pre-commit builds each hook's environment by pip-installing this repository at a commit:
try-repo uses a fresh store every time (one install per hook), the pasted-config runs
share one PRE_COMMIT_HOME (one install for all). The repository under test is a snapshot
commit of the current working tree, so uncommitted work is tested too.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from project_helpers import (CLEAN_PY, VIOLATING_PY, clean_env, make_project)

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]

COMPOSE_BAD = ('version: "3.8"\nservices:\n  db:\n    image: postgres:16\n'
               '    environment:\n      POSTGRES_PASSWORD: hunter2-prod-pw\n')
COMPOSE_OK = ('services:\n  db:\n    image: postgres:16\n    environment:\n'
              '      POSTGRES_PASSWORD_FILE: /run/secrets/db\n')
SECRET_BAD = "staging access key: AKIAZ4QW7RT2KXHB3N5M\n"

VIOLATING = {"src/app.py": VIOLATING_PY, "docker-compose.yml": COMPOSE_BAD,
             "notes.txt": SECRET_BAD}
CLEAN = {"src/ok.py": CLEAN_PY, "compose.yaml": COMPOSE_OK, "README.txt": "Hello.\n"}

#: hook id -> {(file, code)} it must report on VIOLATING (it may report more codes of its
#: own family on those files, never anything on CLEAN).
EXPECTED = {
    "prodready-python": ({("src/app.py", "PRD101"), ("src/app.py", "PRD301")}, "PRD[123]"),
    "prodready-compose": ({("docker-compose.yml", "PRD401"),
                           ("docker-compose.yml", "PRD402")}, "PRD4"),
    "prodready-secrets": ({("notes.txt", "PRD501")}, "PRD5"),
}
FINDING = re.compile(r"^(?:\./)?(?P<path>[^\s:]+):\d+:\d+: (?P<code>[A-Z]+\d+) ", re.M)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=clean_env(), check=True,
                          capture_output=True, text=True).stdout


def commit_all(repo: Path) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", "snapshot")
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """A git repository holding this checkout's working tree (tracked and untracked,
    not ignored files) as one commit."""
    snapshot = tmp_path_factory.mktemp("hook-repo")
    listed = subprocess.run(["git", "ls-files", "-z", "-co", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            target = snapshot / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git(snapshot, "init", "-q")
    return snapshot, commit_all(snapshot)


@pytest.fixture(scope="module")
def repos(tmp_path_factory) -> dict:
    made = {}
    for name, files in (("violating", {**VIOLATING, **CLEAN}), ("clean", CLEAN)):
        repo = make_project(tmp_path_factory.mktemp(name), files, pyproject=None)
        git(repo, "init", "-q")
        commit_all(repo)
        made[name] = repo
    return made


def pre_commit(cwd: Path, *args: str, home: Path | None = None) -> subprocess.CompletedProcess:
    env = clean_env()
    env.pop("PRE_COMMIT_HOME", None)
    if home is not None:
        env["PRE_COMMIT_HOME"] = str(home)
    env["PRE_COMMIT_COLOR"] = "never"
    return subprocess.run([*PRE_COMMIT, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=900)


def reported(text: str) -> set:
    return {(m.group("path"), m.group("code")) for m in FINDING.finditer(text)}


@pytest.mark.parametrize("hook", list(EXPECTED))
def test_try_repo_each_hook(hook, hook_repo, repos):
    repo, ref = hook_repo
    result = pre_commit(repos["violating"], "try-repo", str(repo), hook, "--ref", ref,
                        "--all-files", "--verbose")
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert f"- hook id: {hook}" in out and "Failed" in out, out
    found = reported(out)
    expected, family = EXPECTED[hook]
    assert expected <= found, out
    assert all(re.match(family, code) for _, code in found), out
    assert not {path for path, _ in found} & set(CLEAN), out


def pasted_config(repo: Path, ref: str) -> str:
    text = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    block = text.split("<!-- BEGIN pre-commit-config -->", 1)[1].split(
        "<!-- END pre-commit-config -->", 1)[0]
    yaml = block.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert "repo: https://github.com/flake8-prodready/flake8-prodready" in yaml
    return re.sub(r"rev: \S+", f"rev: {ref}", yaml.replace(
        "https://github.com/flake8-prodready/flake8-prodready", str(repo)))


def test_the_documented_config_passes_clean_and_fails_violations(hook_repo, repos,
                                                                 tmp_path_factory):
    repo, ref = hook_repo
    home = tmp_path_factory.mktemp("pre-commit-home")
    config = pasted_config(repo, ref)
    for name in ("clean", "violating"):
        (repos[name] / ".pre-commit-config.yaml").write_text(config)
    clean = pre_commit(repos["clean"], "run", "--all-files", home=home)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.count("Passed") == 3, clean.stdout
    bad = pre_commit(repos["violating"], "run", "--all-files", home=home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert bad.stdout.count("Failed") == 3, bad.stdout
    found = reported(bad.stdout)
    for expected, _ in EXPECTED.values():
        assert expected <= found, bad.stdout
    assert not {path for path, _ in found} & set(CLEAN)
