"""Hardcoded credentials, side by side: PRD2xx against bandit (B105-B107) and ruff (S105-S107).

    .venv/bin/python bench/credentials_vs_peers.py            # suite + census
    .venv/bin/python bench/credentials_vs_peers.py --suite-only
    .venv/bin/python bench/credentials_vs_peers.py --dump /tmp/peers.txt

Two measurements per tool:

1. **Suite positives**: every ``# expect: PRD2nn`` mark of tests/fixtures/python/PRD2*.py
   (the strict PRD209 excluded: it is an opinion, not a credential), laid out exactly as
   the fixture test lays them out (test-code fixtures under tests/). A peer counts as
   finding a positive when it reports anything inside the statement that holds the
   marked line (generous to the peers: their codes need not match ours).
2. **Census findings**: every finding on the production code of the pinned packages of
   bench/false_positive_census.py (same pins, same scratch venv, same test-directory
   exclusions). All of that is mature code without real hardcoded credentials, so every
   finding is a candidate false alarm.

bandit and ruff are installed into a scratch venv ``bench/.venv-peers`` (gitignored),
pinned below.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
import tempfile
import venv
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import false_positive_census as census  # noqa: E402
from harness import FIXTURES, expectations, lay_out  # noqa: E402

PEERS_VENV = ROOT / "bench" / ".venv-peers"
PEER_PINS = ("bandit==1.9.4", "ruff==0.17.6")
SUITE_CODES = tuple(f"PRD20{n}" for n in range(1, 9))


def peers_bin() -> Path:
    bindir = PEERS_VENV / ("Scripts" if os.name == "nt" else "bin")
    marker = PEERS_VENV / "peer-pins.txt"
    if not (marker.is_file() and marker.read_text(encoding="utf-8").split() == list(PEER_PINS)):
        venv.EnvBuilder(with_pip=True, clear=True).create(PEERS_VENV)
        subprocess.run([str(bindir / "python"), "-m", "pip", "install", "-q", *PEER_PINS],
                       check=True)
        marker.write_text("\n".join(PEER_PINS) + "\n", encoding="utf-8")
    return bindir


# --- the tools ---------------------------------------------------------------------------

def run_ours(cwd: Path, paths: list[str]) -> list[tuple[str, int, str]]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    command = [sys.executable, "-m", "flake8", "--isolated", "--select", "PRD2",
               "--exclude", ",".join(census.EXCLUDE), "--format", "%(path)s\t%(row)d\t%(code)s",
               *paths]
    proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        raise SystemExit(f"flake8 failed ({proc.returncode}):\n{proc.stderr}")
    found = []
    for line in proc.stdout.splitlines():
        path, row, code = line.split("\t")
        found.append((os.path.normpath(path), int(row), code))
    return found


def run_ruff(bindir: Path, cwd: Path, paths: list[str]) -> list[tuple[str, int, str]]:
    command = [str(bindir / "ruff"), "check", "--isolated", "--no-cache", "--select",
               "S105,S106,S107", "--output-format", "json", "--exit-zero", *paths]
    proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"ruff failed:\n{proc.stderr}")
    return [(os.path.normpath(os.path.relpath(item["filename"], cwd)),
             item["location"]["row"], item["code"]) for item in json.loads(proc.stdout)]


def run_bandit(bindir: Path, cwd: Path, paths: list[str]) -> list[tuple[str, int, str]]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(paths))
    results = []
    # bandit takes files on its command line; batches keep the command line short.
    for start in range(0, len(paths), 400):
        command = [str(bindir / "bandit"), "-q", "-f", "json", "-t", "B105,B106,B107",
                   *paths[start:start + 400]]
        proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"bandit failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
        data = json.loads(proc.stdout or "{}")
        results += [(os.path.normpath(item["filename"]), item["line_number"], item["test_id"])
                    for item in data.get("results", [])]
    os.unlink(listing.name)
    return results


# --- suite -------------------------------------------------------------------------------

def statement_spans(text: str) -> dict[int, tuple[int, int]]:
    """Line -> (first, last) line of the innermost statement that contains it."""
    spans: dict[int, tuple[int, int]] = {}
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.stmt) and not isinstance(
                node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first, last = node.lineno, node.end_lineno or node.lineno
            for line in range(first, last + 1):
                if line not in spans or spans[line][1] - spans[line][0] > last - first:
                    spans[line] = (first, last)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            spans.setdefault(node.lineno, (node.lineno, node.lineno))
    return spans


def suite(bindir: Path) -> tuple[int, dict[str, int], dict[str, list]]:
    fixtures = sorted((FIXTURES / "python").glob("PRD2*.py"))
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        placed = lay_out(root, fixtures)
        positives = []  # (placed path, line, span)
        for fixture in fixtures:
            text = fixture.read_text(encoding="utf-8")
            spans = statement_spans(text)
            for line, _col, code in sorted(expectations(text)):
                if code in SUITE_CODES:
                    positives.append((os.path.normpath(placed[fixture]), line,
                                      spans.get(line, (line, line))))
        paths = sorted({os.path.normpath(p) for p in placed.values()})
        runs = {"flake8-prodready PRD2": run_ours(root, paths),
                "bandit B105-B107": run_bandit(bindir, root, paths),
                "ruff S105-S107": run_ruff(bindir, root, paths)}
    found, missed = {}, {}
    for tool, results in runs.items():
        lines = {(path, line) for path, line, _ in results}
        hit = [p for p in positives
               if any((p[0], line) in lines for line in range(p[2][0], p[2][1] + 1))]
        found[tool] = len(hit)
        missed[tool] = [(p[0], p[1]) for p in positives if p not in hit]
    return len(positives), found, missed


# --- census ------------------------------------------------------------------------------

def census_run(bindir: Path) -> tuple[int, dict[str, list]]:
    site = census.ensure_venv()
    (site / "pyproject.toml").write_text("[tool.prodready]\n", encoding="utf-8")
    files = []
    for _name, (_version, directories) in census.PACKAGES.items():
        for directory in directories:
            files += [str(path.relative_to(site)) for path in census.python_files(site / directory)]
    lines = sum(census.count_lines(site / path) for path in files)
    runs = {"flake8-prodready PRD2": run_ours(site, files),
            "bandit B105-B107": run_bandit(bindir, site, files),
            "ruff S105-S107": run_ruff(bindir, site, files)}
    return lines, runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite-only", action="store_true", help="skip the census packages")
    parser.add_argument("--dump", help="write every census finding of every tool here")
    args = parser.parse_args(argv)
    bindir = peers_bin()

    total, found, missed = suite(bindir)
    census_lines, census_runs = (0, {}) if args.suite_only else census_run(bindir)

    print(f"suite: {total} positives in tests/fixtures/python/PRD2*.py (PRD201-PRD208)")
    if census_runs:
        print(f"census: {len(census.PACKAGES)} packages, {census_lines} lines of production "
              f"code (bench/false_positive_census.py pins)")
    print()
    header = f"{'tool':24} {'suite positives found':>22}"
    if census_runs:
        header += f" {'census findings':>16} {'per 10k lines':>14}"
    print(header)
    for tool in found:
        row = f"{tool:24} {found[tool]:>15d} of {total:<4d}"
        if census_runs:
            count = len(census_runs[tool])
            row += f" {count:16d} {count * 10000 / census_lines:14.2f}"
        print(row)
    ours = "flake8-prodready PRD2"
    if missed[ours]:
        print(f"\nmissed by {ours}: {missed[ours]}")
    for tool, results in census_runs.items():
        codes = Counter(code for _, _, code in results)
        print(f"\n{tool} census findings by code: "
              + (", ".join(f"{c} {n}" for c, n in sorted(codes.items())) or "-"))
    if args.dump and census_runs:
        site = census.ensure_venv()
        with open(args.dump, "w", encoding="utf-8") as out:
            for tool, results in census_runs.items():
                out.write(f"== {tool}\n")
                for path, line, code in sorted(results):
                    source = (site / path).read_text(encoding="utf-8", errors="replace"
                                                     ).splitlines()[line - 1].strip()
                    out.write(f"{path}:{line}: {code}\n    {source}\n")
        print(f"\ncensus findings written to {args.dump}")
    ok = not missed[ours] and (not census_runs or all(
        len(census_runs[ours]) < len(results) for tool, results in census_runs.items()
        if tool != ours))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
