"""``prodready report``: the production-readiness audit, generated and true.

    prodready report [PATH] [--format markdown|json] [--output FILE]

Finds the production entry points (``[tool.prodready] entry-points``, or the compose files'
``command:``/``entrypoint:`` and their Dockerfiles' ``CMD``/``ENTRYPOINT``), follows each
one's static imports to the project files it runs, runs every check, and writes per
service and standard PASS/FAIL with the findings, the inactive files with a
recommendation, the compose and env findings, a compliance matrix, what could not be seen,
and a verdict. Exit status: 0 PASS, 1 FAIL or INCOMPLETE, 2 usage or configuration error.

Public API: :func:`generate` (runs the checks), :func:`build_report` (pure: takes the
findings), :func:`render_markdown`, :func:`render_json`, :func:`main`.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Optional, Sequence

from ..config import OPTIONS, ConfigError, Settings, load_settings
from .build import build_report
from .model import PASS, Report
from .render_json import render_json
from .render_markdown import render_markdown

__all__ = ["build_report", "generate", "main", "render_json", "render_markdown", "Report"]

PROG = "prodready report"
FORMATS = {"markdown": render_markdown, "md": render_markdown, "json": render_json}


def generate(root: str | os.PathLike, settings: Settings,
             files: Optional[Sequence[str]] = None) -> Report:
    """Run every face over the tree at ``root`` and build its report."""
    from ..hookcli import discover
    from .faces import run_faces

    if files is None:
        files = discover([str(root)], settings)
    findings, not_run = run_faces([os.path.abspath(name) for name in files], settings)
    return build_report(root, settings, findings, not_run, files=files,
                        display_root=_display(root))


def _display(root: str | os.PathLike) -> str:
    # The directory's name only: the same report for every checkout and working directory.
    return os.path.basename(os.path.abspath(str(root))) or "/"


def _parser() -> argparse.ArgumentParser:
    from ..hookcli import add_common_arguments

    parser = argparse.ArgumentParser(
        prog=PROG, description="Write the production-readiness report of a project: "
        "per service and standard PASS/FAIL with findings, inactive files, a compliance "
        "matrix and a verdict.")
    parser.add_argument("path", nargs="?", default=".", help="project root (default: .)")
    add_common_arguments(parser, paths=False)
    parser.set_defaults(format="markdown")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write the report to FILE instead of standard output")
    return parser


def settings_for(root: str, config: Optional[str], args: argparse.Namespace) -> Settings:
    settings = load_settings(pyproject=config) if config else load_settings(start=root)
    overrides = {option.name: getattr(args, f"opt_{option.attr}", None) for option in OPTIONS}
    return settings.with_overrides(overrides, "command line")


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    render = FORMATS.get(args.format)
    if render is None:
        parser.error(f"unknown format {args.format!r} (choose from markdown, json)")
    if not os.path.isdir(args.path):
        print(f"{PROG}: error: {args.path}: not a directory", file=sys.stderr)
        return 2
    try:
        settings = settings_for(args.path, args.config, args)
        report = generate(args.path, settings)
        document = render(report)
    except ConfigError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # a last resort: one line, never a traceback
        print(f"{PROG}: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(document)
        except OSError as error:
            print(f"{PROG}: error: {args.output}: {error.strerror or error}",
                  file=sys.stderr)
            return 2
    else:
        sys.stdout.write(document)
    return 0 if report.verdict == PASS else 1
