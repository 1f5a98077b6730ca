"""Every compose and env fixture through the real hook, ``main(argv)`` in-process.

Fixtures mark each expected finding on its line (``# expect: PRD402:26``, 1-based column)
and look-alikes with ``# ok: PRD402``; every other line must stay quiet. Directives in the
first five lines: ``# fixture-path: deploy/docker-compose.yml`` (where the file is placed,
which decides how it is recognised and classified) and ``# hook-args: --flag`` (extra
command-line arguments).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flake8_prodready.compose.cli import main
from harness import FIXTURES, OUTPUT, compare

COMPOSE_FIXTURES = sorted((FIXTURES / "compose").glob("*"))
ENV_FIXTURES = sorted((FIXTURES / "env").glob("*"))
HOOK_ARGS = re.compile(r"^#\s*hook-args:\s*(.+?)\s*$", re.MULTILINE)
FIXTURE_PATH = re.compile(r"^#\s*fixture-path:\s*(.+?)\s*$", re.MULTILINE)


def run_fixture(fixture: Path, tmp_path: Path, monkeypatch, capsys) -> tuple[int, list[dict]]:
    text = fixture.read_text(encoding="utf-8")
    head = "\n".join(text.splitlines()[:5])
    relative = FIXTURE_PATH.search(head).group(1)
    args = HOOK_ARGS.search(head)
    (tmp_path / "pyproject.toml").write_text("[tool.prodready]\n", encoding="utf-8")
    target = tmp_path / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(fixture.read_bytes())
    monkeypatch.chdir(tmp_path)
    code = main([relative, *(args.group(1).split() if args else [])])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    results = []
    for line in captured.out.splitlines():
        match = OUTPUT.match(line)
        assert match, f"unparsable output line: {line!r}"
        assert match["path"] == relative
        results.append({"line": int(match["line"]), "col": int(match["col"]),
                        "code": match["code"], "text": match["text"]})
    return code, results


@pytest.mark.parametrize("fixture", COMPOSE_FIXTURES + ENV_FIXTURES, ids=lambda p: p.name)
def test_fixture(fixture, tmp_path, monkeypatch, capsys):
    code, results = run_fixture(fixture, tmp_path, monkeypatch, capsys)
    compare(fixture, results)
    assert code == (1 if results else 0)
