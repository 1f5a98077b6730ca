"""Per-commit latency of each pre-commit hook on a 20-file change.

    .venv/bin/python bench/hook_latency.py [--runs 5]

Builds a snapshot commit of this working tree, a throw-away repository with 20 changed
files taken from examples/ (14 Python, 3 compose/env, 3 other text), installs the hooks
once (shared PRE_COMMIT_HOME), then times `pre-commit run HOOK --files <the 20>` and
prints the median wall time per hook. This is what a developer waits for on `git commit`
(pre-commit's own start-up included).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ("prodready-python", "prodready-compose", "prodready-secrets")
ENV = dict(os.environ, GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@example.com",
           GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@example.com",
           PRE_COMMIT_COLOR="never")


def sh(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True)


def snapshot(target: Path) -> str:
    listed = subprocess.run(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    sh("git", "init", "-q", cwd=target)
    sh("git", "add", "-A", cwd=target)
    sh("git", "commit", "-qm", "snapshot", cwd=target)
    return sh("git", "rev-parse", "HEAD", cwd=target).stdout.strip()


def change(repo: Path) -> list[str]:
    examples = ROOT / "examples"
    python = sorted(p for p in examples.rglob("*.py") if p.stat().st_size > 0)
    files = []
    for i in range(14):
        source = python[i % len(python)]
        name = f"src/pkg{i // len(python)}/{source.name}"
        files.append((source, name))
    files += [(examples / "docker-compose.production.yml", "docker-compose.yml"),
              (examples / ".env.production", ".env.production"),
              (examples / ".env.example", ".env.example"),
              (examples / "README.md", "README.md"),
              (examples / "src/worker/Dockerfile", "Dockerfile"),
              (ROOT / "LICENSE", "LICENSE")]
    for source, name in files:
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, repo / name)
    sh("git", "add", "-A", cwd=repo)
    return [name for _, name in files]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "hooks").mkdir()
        ref = snapshot(tmp_path / "hooks")
        repo = tmp_path / "repo"
        repo.mkdir()
        sh("git", "init", "-q", cwd=repo)
        names = change(repo)
        (repo / ".pre-commit-config.yaml").write_text(
            f"repos:\n-   repo: {tmp_path / 'hooks'}\n    rev: {ref}\n    hooks:\n"
            + "".join(f"    -   id: {hook}\n" for hook in HOOKS))
        env_home = dict(ENV, PRE_COMMIT_HOME=str(tmp_path / "home"))
        pre_commit = [sys.executable, "-m", "pre_commit"]
        started = time.perf_counter()
        subprocess.run([*pre_commit, "install-hooks"], cwd=repo, env=env_home,
                       capture_output=True, check=True)
        print(f"install-hooks (one environment for all three): "
              f"{time.perf_counter() - started:.1f} s")
        print(f"{len(names)} staged files; median of {args.runs} runs:")
        for hook in HOOKS:
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                subprocess.run([*pre_commit, "run", hook, "--files", *names], cwd=repo,
                               env=env_home, capture_output=True)
                times.append(time.perf_counter() - started)
            print(f"  {hook:18s} {statistics.median(times) * 1000:6.0f} ms")
        started = time.perf_counter()
        for _ in range(args.runs):
            subprocess.run([*pre_commit, "run", "--files", *names], cwd=repo, env=env_home,
                           capture_output=True)
        print(f"  {'all three':18s} {(time.perf_counter() - started) / args.runs * 1000:6.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
