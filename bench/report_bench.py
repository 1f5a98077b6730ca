"""How much does ``prodready report`` add to the checks themselves?

Generates a 5,000-file Python project (50 packages of 100 modules that import each other,
absolute and relative imports, imports inside functions and try blocks, three compose
services, a fifth of the modules unreachable), then measures, median of several runs:

- the import-graph step alone: the tree index, entry points, every file's imports parsed
  once, each service's closure and the whole-tree importer graph (``build_report`` with
  the findings handed in, so no check runs);
- the checks: every face ``prodready report`` runs (``run_faces``), the same work as
  ``prodready check`` without its output;
- the whole ``generate`` (checks + report), and rendering.

    .venv/bin/python bench/report_bench.py [--files 5000] [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from flake8_prodready.config import load_settings
from flake8_prodready.hookcli import discover
from flake8_prodready.report import build_report, generate, render_json, render_markdown
from flake8_prodready.report.faces import run_faces

MODULE = '''\
"""Module {package}.{name}: generated for the report benchmark."""

import logging
import os
from typing import Optional

from {package} import {sibling}
from .{sibling2} import helper_{sibling2}
import {other_package}.{other}

try:
    from {other_package} import {other2}
except ImportError:
    {other2} = None

logger = logging.getLogger(__name__)
TIMEOUT = int(os.getenv("TIMEOUT_{upper}", "30"))


def helper_{name}(value: Optional[int] = None) -> int:
    """Return a value computed from the configuration."""
    if value is None:
        value = TIMEOUT
    return value * 2


class Service{index}:
    def __init__(self, client) -> None:
        self.client = client
        self.cache = {{}}

    def fetch(self, key: str) -> dict:
        if key in self.cache:
            return self.cache[key]
        try:
            result = self.client.get(key)
        except KeyError:
            logger.warning("missing key %s", key)
            raise
        self.cache[key] = result
        return result

    def lazy(self):
        from {package} import {lazy}
        return {lazy}


def compute_{name}(items: list) -> list:
    out = []
    for item in items:
        if item % 3 == 0:
            out.append(helper_{name}(item))
        elif item % 5 == 0:
            out.append(item + TIMEOUT)
        else:
            out.append(item)
    return out
'''


def generate_tree(root: Path, files: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    per_package = 100
    packages = max(1, files // per_package)
    # A fifth of the packages are never imported by the live ones: inactive code.
    live = max(1, packages * 4 // 5)
    names = {p: [f"m{i:03d}" for i in range(per_package)] for p in range(packages)}
    count = 0
    for p in range(packages):
        package = f"pkg{p:02d}"
        directory = root / "src" / "app" / package
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "__init__.py").write_text("")
        count += 1
        for index, name in enumerate(names[p]):
            pool = range(live) if p < live else range(live, packages)
            other_p = rng.choice(list(pool))
            text = MODULE.format(
                package=f"app.{package}", name=name, index=index, upper=name.upper(),
                sibling=rng.choice(names[p]), sibling2=rng.choice(names[p]),
                other_package=f"app.pkg{other_p:02d}", other=rng.choice(names[other_p]),
                other2=rng.choice(names[other_p]), lazy=rng.choice(names[p]))
            (directory / f"{name}.py").write_text(text)
            count += 1
    (root / "src" / "app" / "__init__.py").write_text("")
    (root / "src" / "app" / "main.py").write_text(
        "from app.pkg00 import m000\nfrom app.pkg01 import m001\n")
    (root / "src" / "app" / "worker.py").write_text("import app.pkg02.m002\n")
    (root / "pyproject.toml").write_text("[project]\nname = 'bench'\n")
    (root / "Dockerfile").write_text("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n"
                                     "ENV PYTHONPATH=/app/src\n"
                                     'CMD ["python", "-m", "app.main"]\n')
    (root / "docker-compose.yml").write_text(
        "services:\n"
        "  api:\n    build: .\n    command: uvicorn app.main:app --host 0.0.0.0\n"
        "  worker:\n    build: .\n    command: celery -A app.worker worker\n"
        "  web:\n    build: .\n"
        "  db:\n    image: postgres:16\n")
    return {"python_files": count + 3, "packages": packages, "live_packages": live}


def timed(function, runs: int):
    """(median wall seconds, median CPU seconds of this process, last result).

    CPU time is reported too because wall time on a shared 2-core machine moves with
    whatever else runs; the process's own CPU time moves much less.
    """
    walls, cpus = [], []
    result = None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    return statistics.median(walls), statistics.median(cpus), result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="generate into this directory and keep it")
    args = parser.parse_args(argv)
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="report-bench-"))
    try:
        shape = generate_tree(root, args.files)
        settings = load_settings(start=root)
        files = discover([str(root)], settings)
        absolute = [os.path.abspath(name) for name in files]
        lines = sum(Path(name).read_text().count("\n") for name in absolute
                    if name.endswith(".py"))
        print(f"tree: {shape['python_files']} Python files, {lines} lines, "
              f"{shape['packages']} packages ({shape['live_packages']} reachable), "
              f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")

        empty = {"python": [], "compose": [], "secrets": []}
        rows = []
        face_times = {}
        for face in ("python", "compose", "secrets"):
            wall, cpu, (found, skipped) = timed(
                lambda face=face: run_faces(absolute, settings, only=(face,)), args.runs)
            face_times[face] = (wall, cpu)
            state = "ran" if face in found else f"not run: {skipped.get(face)}"
            rows.append((f"  check: {face} face ({state})", wall, cpu))
        check_wall = sum(wall for wall, _ in face_times.values())
        check_cpu = sum(cpu for _, cpu in face_times.values())
        rows.append(("  checks, all faces", check_wall, check_cpu))
        sources = [Path(name).read_bytes() for name in absolute if name.endswith(".py")]

        def parse_all() -> None:
            for source in sources:
                ast.parse(source)  # not kept: live trees would slow the GC down

        parse_wall, parse_cpu, _ = timed(parse_all, args.runs)
        rows.append(("  (floor: bare ast.parse of every file)", parse_wall, parse_cpu))
        graph_wall, graph_cpu, _ = timed(
            lambda: build_report(root, settings, empty, {}, files=files), args.runs)
        rows.append(("  import graph + report step alone", graph_wall, graph_cpu))
        full_wall, full_cpu, full = timed(lambda: generate(root, settings, files), args.runs)
        rows.append(("  generate (checks + report)", full_wall, full_cpu))
        render_wall, render_cpu, _ = timed(
            lambda: (render_markdown(full), render_json(full)), args.runs)
        rows.append(("  render Markdown + JSON", render_wall, render_cpu))
        print(f"classification: {len(full.files_by('active'))} active, "
              f"{len(full.files_by('inactive'))} inactive; verdict {full.verdict}")
        print(f"median of {args.runs} runs            wall s    CPU s")
        for label, wall, cpu in rows:
            print(f"{label:<40} {wall:7.2f}  {cpu:7.2f}")
        print(f"import graph step / all checks: {100 * graph_wall / check_wall:.0f}% wall, "
              f"{100 * graph_cpu / check_cpu:.0f}% CPU; / Python face alone: "
              f"{100 * graph_cpu / face_times['python'][1]:.0f}% CPU")
        print(f"import graph step / bare parse: {graph_cpu / parse_cpu:.2f}x CPU")
        print(f"generate / all checks: {full_wall / check_wall:.2f}x wall, "
              f"{full_cpu / check_cpu:.2f}x CPU")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
