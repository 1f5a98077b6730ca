"""Run the real tools on fixture files and compare with the expectations written in them.

A fixture marks every finding it must produce on the line where it must appear:

    "quote_id": "Q2024001",  # Mock quote ID  # expect: PRD104:28

``expect: CODE:COL`` (COL 1-based, as flake8 prints it; several separated by spaces or
commas). Look-alikes that must stay quiet carry ``ok: CODE`` so that the registry test can
see every code has a negative case; every line without ``expect`` is checked to produce
nothing at all. Directives in the first lines of a fixture:

    # fixture-path: src/app/handlers.py      where the file is placed (default src/app/NAME)
    # flake8-args: --extend-select PRD209   extra flake8 arguments
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
EXPECT = re.compile(r"expect:\s*((?:PRD\d{3}(?::\d+)?[\s,]*)+)")
EXPECT_ITEM = re.compile(r"(PRD\d{3})(?::(\d+))?")
OK_MARK = re.compile(r"\bok:\s*((?:PRD\d{3}[\s,]*)+)")
DIRECTIVE = re.compile(r"^#\s*(fixture-path|flake8-args):\s*(.+?)\s*$")
OUTPUT = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) (?P<text>.*)$")


def expectations(text: str) -> set[tuple[int, int, str]]:
    """``(line, col, code)`` for every ``expect:`` mark; col 0 when not given."""
    found = set()
    for number, line in enumerate(text.splitlines(), 1):
        for match in EXPECT.finditer(line):
            for code, col in EXPECT_ITEM.findall(match.group(1)):
                found.add((number, int(col) if col else 0, code))
    return found


def directives(text: str) -> dict[str, str]:
    found = {}
    for line in text.splitlines()[:5]:
        match = DIRECTIVE.match(line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def clean_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    return env


def run_flake8(cwd: Path, paths: list[str], *args: str) -> list[dict]:
    """Real flake8 in a subprocess; parsed findings (PRD codes only)."""
    command = [sys.executable, "-m", "flake8", "--select", "PRD", "--jobs", "1", *args, *paths]
    proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=clean_env(),
                          timeout=600)
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        raise AssertionError(f"flake8 failed ({proc.returncode}):\n{proc.stderr}")
    results = []
    for line in proc.stdout.splitlines():
        match = OUTPUT.match(line)
        assert match, f"unparsable flake8 output line: {line!r}"
        item = match.groupdict()
        item["line"] = int(item["line"])
        item["col"] = int(item["col"])
        results.append(item)
    return results


def lay_out(root: Path, fixtures: list[Path]) -> dict[Path, str]:
    """Copy fixtures into a scratch project under ``root``; map fixture -> placed path."""
    (root / "pyproject.toml").write_text("[tool.prodready]\n", encoding="utf-8")
    placed = {}
    for fixture in fixtures:
        text = fixture.read_text(encoding="utf-8")
        relative = directives(text).get("fixture-path", f"src/app/{fixture.name}")
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        placed[fixture] = relative
    return placed


def run_python_fixtures(root: Path, fixtures: list[Path]) -> dict[Path, list[dict]]:
    """One flake8 run per distinct set of extra arguments; findings per fixture."""
    placed = lay_out(root, fixtures)
    groups: dict[str, list[Path]] = defaultdict(list)
    for fixture in fixtures:
        groups[directives(fixture.read_text(encoding="utf-8")).get("flake8-args", "")].append(
            fixture)
    by_fixture: dict[Path, list[dict]] = {fixture: [] for fixture in fixtures}
    for args, members in groups.items():
        results = run_flake8(root, [placed[f] for f in members], *args.split())
        by_path = {placed[f]: f for f in members}
        for result in results:
            fixture = by_path[result["path"].lstrip("./")]
            by_fixture[fixture].append(result)
    return by_fixture


def compare(fixture: Path, results: list[dict]) -> None:
    expected = expectations(fixture.read_text(encoding="utf-8"))
    actual = {(r["line"], r["col"], r["code"]) for r in results}
    # An expectation without a column matches a finding of that code on that line.
    loose = {(line, code) for line, col, code in expected if col == 0}
    actual_cmp = {(line, 0 if (line, code) in loose else col, code) for line, col, code in actual}
    missing = sorted(expected - actual_cmp)
    unexpected = sorted(actual_cmp - expected)
    messages = {(r["line"], r["code"]): r["text"] for r in results}
    detail = [f"missing  {line}:{col} {code}" for line, col, code in missing]
    detail += [f"extra    {line}:{col} {code} {messages.get((line, code), '')}"
               for line, col, code in unexpected]
    assert not detail, f"{fixture.name}:\n" + "\n".join(detail)


def marked_codes(pattern: re.Pattern, root: Path) -> set[str]:
    """Codes named by ``expect:`` or ``ok:`` marks anywhere under ``root``."""
    codes = set()
    for path in root.rglob("*"):
        if path.is_file() and path.suffix not in (".pyc",):
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            for match in pattern.finditer(text):
                codes.update(re.findall(r"PRD\d{3}", match.group(1)))
    return codes
