"""Robustness check: run every Python rule on every file of the standard library (and
of the census packages, when bench/.cache/census-venv exists) and count internal errors.

    .venv/bin/python bench/stdlib_crash_check.py
    .venv/bin/python bench/stdlib_crash_check.py --paths some/dir other/dir

The plugin is driven in-process, exactly as flake8 drives it (``tree``, ``filename``,
``lines``), with every registered code enabled (strict ones too) and every file treated
as production code, so no rule is skipped because of a path: the standard library's own
``test/`` directories are checked like the rest. Files that do not parse on this
interpreter are counted and skipped (flake8 reports those as E999 before any plugin
runs). Exit status 1 if any PRD903 (internal error) or any exception escaped.
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
import sysconfig
import tempfile
import time
import tokenize
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flake8_prodready import registry  # noqa: E402
from flake8_prodready.config import load_settings  # noqa: E402
from flake8_prodready.context import classifier_for  # noqa: E402
from flake8_prodready.plugin import ProdReadyChecker  # noqa: E402

CENSUS_SITE = ROOT / "bench" / ".cache" / "census-venv"


def default_paths() -> list[Path]:
    paths = [Path(sysconfig.get_paths()["stdlib"])]
    paths += sorted(CENSUS_SITE.glob("lib/python*/site-packages"))
    return paths


def python_files(directory: Path):
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if d not in ("__pycache__",))
        if "site-packages" in Path(dirpath).parts and directory.name != "site-packages":
            dirnames[:] = []  # the stdlib's own site-packages: other people's code
        for name in sorted(filenames):
            if name.endswith(".py"):
                yield Path(dirpath) / name


def configure() -> None:
    with tempfile.TemporaryDirectory() as empty:
        settings = load_settings(start=empty)
    ProdReadyChecker.settings = settings
    ProdReadyChecker.enabled = frozenset(registry.RULES)  # strict rules included
    ProdReadyChecker.classifier = classifier_for(settings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paths", nargs="*", type=Path, help="directories (default: the "
                        "standard library and the census packages)")
    args = parser.parse_args(argv)
    configure()
    paths = args.paths or default_paths()
    files = unparsable = lines_checked = 0
    codes: Counter = Counter()
    failures = []
    started = time.perf_counter()
    for directory in paths:
        for path in python_files(directory):
            try:
                with tokenize.open(path) as handle:
                    text = handle.read()
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    tree = ast.parse(text, str(path))
            except (SyntaxError, UnicodeDecodeError, ValueError, OSError):
                unparsable += 1
                continue
            lines = text.splitlines(True)
            files += 1
            lines_checked += len(lines)
            # A production-looking name: every Python rule runs on every file.
            checker = ProdReadyChecker(tree, "src/checked_module.py", lines)
            try:
                for line, _col, message, _type in checker.run():
                    code = message.split(" ", 1)[0]
                    codes[code] += 1
                    if code == "PRD903":
                        failures.append(f"{path}:{line}: {message}")
            except Exception as error:  # the plugin must never let one escape
                failures.append(f"{path}: escaped {type(error).__name__}: {error}")
    elapsed = time.perf_counter() - started
    print(f"crash check: {files} files ({lines_checked} lines) checked in {elapsed:.1f}s "
          f"on Python {sys.version.split()[0]}; {unparsable} unparsable on this interpreter "
          f"skipped")
    print("paths: " + ", ".join(str(p) for p in paths))
    print(f"findings (all codes enabled): {sum(codes.values())}; internal errors (PRD903): "
          f"{codes['PRD903']}; escaped exceptions: "
          f"{sum(1 for f in failures if 'escaped' in f)}")
    for failure in failures[:50]:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
