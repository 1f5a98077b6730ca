"""What every command-line face shares: arguments, configuration, file walking, exit codes.

A hook module defines its own checks and calls :func:`run_hook`; the argument parsing,
``[tool.prodready]`` loading, selection, output format and exit status (0 clean, 1
findings, 2 usage/configuration/internal error) are the same for all of them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable, Iterable, Sequence

from . import output
from .config import OPTIONS, ConfigError, Settings, load_settings
from .findings import Finding

#: check(paths, settings, args) -> findings. ``paths`` are files already filtered to the
#: face's files (the face's ``wants(path)``), ``args`` the parsed namespace.
FaceCheck = Callable[[list, Settings, argparse.Namespace], Iterable[Finding]]

SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv",
                          "node_modules", "__pycache__", ".mypy_cache", ".pytest_cache",
                          ".ruff_cache", "build", "dist", ".eggs"})


def base_parser(prog: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("paths", nargs="*", default=["."], help="files or directories")
    parser.add_argument("--format", default="text", help="output format: "
                        + ", ".join(output.FORMATS))
    parser.add_argument("--config", metavar="PYPROJECT",
                        help="pyproject.toml to read [tool.prodready] from "
                        "(default: the nearest one above the working directory)")
    for option in OPTIONS:
        flag = f"--{option.name}"
        if option.kind in ("codes", "list"):
            parser.add_argument(flag, dest=f"opt_{option.attr}", default=None,
                                metavar="A,B", help=option.help)
        elif option.kind == "bool":
            parser.add_argument(flag, dest=f"opt_{option.attr}", default=None,
                                action=argparse.BooleanOptionalAction, help=option.help)
        elif option.kind in ("int", "float", "str"):
            parser.add_argument(flag, dest=f"opt_{option.attr}", default=None,
                                help=option.help)
    return parser


def settings_from_args(args: argparse.Namespace) -> Settings:
    settings = load_settings(pyproject=args.config) if args.config else load_settings()
    overrides = {option.name: getattr(args, f"opt_{option.attr}", None) for option in OPTIONS}
    return settings.with_overrides(overrides, "command line")


def iter_files(paths: Sequence[str], wants: Callable[[str], bool],
               explicit_ok: bool = True) -> list[str]:
    """Files under ``paths`` that ``wants`` accepts; an explicitly named file is taken when
    ``explicit_ok`` (pre-commit passes exactly the files it filtered)."""
    found = []
    for path in paths:
        if os.path.isdir(path):
            for directory, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
                for filename in sorted(filenames):
                    full = os.path.join(directory, filename)
                    if wants(full):
                        found.append(os.path.normpath(full))
        elif explicit_ok or wants(path):
            found.append(path)
    return found


def run_hook(argv: Sequence[str] | None, parser: argparse.ArgumentParser,
             wants: Callable[[str], bool], check: FaceCheck, tool: str) -> int:
    args = parser.parse_args(argv)
    if args.format not in output.FORMATS:
        parser.error(f"unknown format {args.format!r} (choose from "
                     f"{', '.join(output.FORMATS)})")
    try:
        settings = settings_from_args(args)
    except ConfigError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return 2
    missing = [path for path in args.paths if not os.path.exists(path)]
    for path in missing:
        print(f"{parser.prog}: error: {path}: no such file or directory", file=sys.stderr)
    files = iter_files([p for p in args.paths if p not in missing], wants)
    try:
        findings = list(check(files, settings, args))
    except Exception as error:  # a last resort: one line, never a traceback
        print(f"{parser.prog}: internal error: {type(error).__name__}: {error}",
              file=sys.stderr)
        return 2
    output.render(findings, args.format, sys.stdout, tool=tool, files=len(files))
    if missing:
        return 2
    return 1 if findings else 0
