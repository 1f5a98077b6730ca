"""Helpers for the command-line tests: throw-away projects and real runs of the tools."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

VIOLATING_PY = textwrap.dedent("""\
    from unittest.mock import MagicMock


    def load_products(fetch):
        try:
            return fetch()
        except Exception:
            return []


    CLIENT = MagicMock()
    """)
#: (line, col, code) that VIOLATING_PY produces at src/app.py.
VIOLATING_PY_FINDINGS = {(1, 1, "PRD101"), (8, 16, "PRD301")}

CLEAN_PY = textwrap.dedent("""\
    import os


    def database_url():
        return os.environ["DATABASE_URL"]
    """)


def make_project(root: Path, files: dict, pyproject: str = "[tool.prodready]\n") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    if pyproject is not None:
        (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def clean_env() -> dict:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    return env


def bin_path(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def run(command: list, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          env=clean_env(), timeout=600, **kwargs)


def prodready(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return run([bin_path("prodready"), *args], cwd)


def flake8(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "flake8", "--jobs", "1", *args], cwd)


def parse(stdout: str) -> set:
    """(path, line, col, code) of every flake8-format line."""
    found = set()
    for line in stdout.splitlines():
        parts = line.split(":", 3)
        if len(parts) == 4 and parts[1].isdigit() and parts[2].isdigit():
            path = parts[0][2:] if parts[0].startswith("./") else parts[0]
            found.add((path, int(parts[1]), int(parts[2]), parts[3].split()[0]))
    return found


def git_init(root: Path) -> None:
    run(["git", "init", "-q"], root).check_returncode()
    run(["git", "add", "-A"], root).check_returncode()
    run(["git", "commit", "-qm", "init"], root).check_returncode()
