"""False-positive census: run the plugin over real, pinned production packages.

    .venv/bin/python bench/false_positive_census.py                 # PRD1,PRD3
    .venv/bin/python bench/false_positive_census.py --select PRD2   # another family
    .venv/bin/python bench/false_positive_census.py --dump /tmp/census.txt

Installs the PACKAGES below (exact pins, ``--no-deps``: we only read their sources) into a
scratch venv under ``bench/.cache/`` (gitignored, reused while the pins are unchanged),
then runs flake8 from *this* interpreter (so the plugin from this checkout) over each
package's source directory with its own test directories excluded. Prints lines checked
and findings per 10k lines by code and by package; ``--dump`` writes every finding with
its source line, for reading.

Every package here is mature production code, so every finding is a candidate false
positive until a reader has judged it (docs/census.md keeps a sample with verdicts).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import venv
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
VENV = CACHE / "census-venv"

#: distribution -> (pinned version, import directories to check)
PACKAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "django": ("5.2.17", ("django",)),
    "flask": ("3.1.3", ("flask",)),
    "requests": ("2.34.2", ("requests",)),
    "sqlalchemy": ("2.0.54", ("sqlalchemy",)),
    "fastapi": ("0.142.2", ("fastapi",)),
    "starlette": ("1.7.0", ("starlette",)),
    "pydantic": ("2.13.5", ("pydantic",)),
    "httpx": ("0.28.1", ("httpx",)),
    "celery": ("5.6.3", ("celery",)),
    "werkzeug": ("3.1.9", ("werkzeug",)),
    "jinja2": ("3.1.6", ("jinja2",)),
    "click": ("8.5.0", ("click",)),
    "aiohttp": ("3.14.3", ("aiohttp",)),
}

#: The packages' own test directories (not production code, not counted).
EXCLUDE = ("tests", "test", "testing", "__pycache__")
OUTPUT = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) (?P<text>.*)$")


def site_packages(env: Path) -> Path:
    found = sorted(env.glob("lib/python*/site-packages")) or sorted(env.glob("Lib/site-packages"))
    if not found:
        raise SystemExit(f"census: no site-packages under {env}")
    return found[0]


def ensure_venv() -> Path:
    """The scratch venv with the pinned packages; rebuilt when the pins change."""
    pins = [f"{name}=={version}" for name, (version, _) in PACKAGES.items()]
    marker = VENV / "census-pins.txt"
    if marker.is_file() and marker.read_text(encoding="utf-8").split() == pins:
        return site_packages(VENV)
    CACHE.mkdir(parents=True, exist_ok=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    python = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", *pins], check=True)
    marker.write_text("\n".join(pins) + "\n", encoding="utf-8")
    return site_packages(VENV)


def python_files(directory: Path) -> list[Path]:
    files = []
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if d not in EXCLUDE)
        files.extend(Path(dirpath) / name for name in sorted(filenames) if name.endswith(".py"))
    return files


def count_lines(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(1 for _ in handle)


def run_flake8(site: Path, targets: list[str], select: str, jobs: str) -> tuple[list[dict], str]:
    # The packages' root is site-packages: an empty [tool.prodready] there makes paths
    # relative to it (django/db/...), so only the packages' own test dirs look like tests.
    (site / "pyproject.toml").write_text("[tool.prodready]\n", encoding="utf-8")
    command = [sys.executable, "-m", "flake8", "--isolated", "--select", select,
               "--jobs", jobs, "--exclude", ",".join(EXCLUDE), *targets]
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    proc = subprocess.run(command, cwd=site, capture_output=True, text=True, env=env)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"census: flake8 failed ({proc.returncode}):\n{proc.stderr}")
    findings = []
    for line in proc.stdout.splitlines():
        match = OUTPUT.match(line)
        if match:
            item = match.groupdict()
            item["line"] = int(item["line"])
            findings.append(item)
    return findings, proc.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", default="PRD1,PRD3",
                        help="codes/prefixes (default %(default)s)")
    parser.add_argument("--dump", help="write every finding with its source line to this file")
    parser.add_argument("--jobs", default="auto", help="flake8 --jobs (default %(default)s)")
    args = parser.parse_args(argv)

    site = ensure_venv()
    targets, lines_by_package = [], {}
    for name, (_, directories) in PACKAGES.items():
        lines = 0
        for directory in directories:
            if not (site / directory).is_dir():
                raise SystemExit(f"census: {directory} not installed in {site}")
            targets.append(directory)
            lines += sum(count_lines(path) for path in python_files(site / directory))
        lines_by_package[name] = lines
    total_lines = sum(lines_by_package.values())
    findings, stderr = run_flake8(site, targets, args.select, args.jobs)

    package_of = {d: name for name, (_, dirs) in PACKAGES.items() for d in dirs}
    by_code = Counter(f["code"] for f in findings)
    by_package: dict[str, Counter] = defaultdict(Counter)
    for finding in findings:
        top = finding["path"].lstrip("./").split("/", 1)[0]
        by_package[package_of.get(top, top)][finding["code"]] += 1

    files = sum(len(python_files(site / d)) for d in targets)
    print(f"census: {len(PACKAGES)} packages, {files} files, {total_lines} lines checked, "
          f"select {args.select}")
    print(f"{'code':8} {'findings':>8} {'per 10k lines':>14}")
    for code in sorted(by_code):
        print(f"{code:8} {by_code[code]:8d} {by_code[code] * 10000 / total_lines:14.2f}")
    print(f"{'total':8} {len(findings):8d} {len(findings) * 10000 / total_lines:14.2f}")
    print()
    print(f"{'package':12} {'version':>9} {'lines':>8}  findings by code")
    for name, (version, _) in PACKAGES.items():
        counts = ", ".join(f"{c} {n}" for c, n in sorted(by_package[name].items())) or "-"
        print(f"{name:12} {version:>9} {lines_by_package[name]:8d}  {counts}")
    if "Traceback" in stderr:
        print("\nflake8 stderr had a traceback:\n" + stderr, file=sys.stderr)
        return 2
    if args.dump:
        cache: dict[str, list[str]] = {}
        with open(args.dump, "w", encoding="utf-8") as out:
            for finding in sorted(findings, key=lambda f: (f["code"], f["path"], f["line"])):
                path = finding["path"]
                if path not in cache:
                    cache[path] = (site / path).read_text(encoding="utf-8",
                                                          errors="replace").splitlines()
                source = cache[path][finding["line"] - 1].strip()
                out.write(f"{path}:{finding['line']}:{finding['col']}: {finding['code']} "
                          f"{finding['text']}\n    {source}\n")
        print(f"\nall findings written to {args.dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
