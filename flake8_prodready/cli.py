"""``prodready``: the one-command audit, and the tool's configuration and baseline.

    prodready check [PATH ...]     all three faces over a tree; exit 0 clean, 1 findings,
                                   2 usage/configuration/internal error
    prodready config               effective settings and where each value came from
    prodready baseline [PATH ...]  record today's findings; later runs report only new ones
    prodready report ...           the production-readiness report (flake8_prodready.report)

``prodready --show-config`` is ``prodready config``. ``python -m flake8_prodready`` is
``prodready``.

Output streams: findings go to standard output in the chosen format. The summary line
(files checked, findings by family) goes to standard output after the findings in the
text format, as a linter's "Found N errors" does, and to standard error in the json,
sarif and github formats, so that standard output stays one parseable document (or
nothing but workflow commands). The progress indicator only ever writes to standard
error, only when it is a terminal, and only once a run has taken more than a second.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from typing import Callable, Sequence, TextIO

from . import __version__, baseline, output, python_face, registry
from .config import OPTIONS, ConfigError, Settings
from .findings import Finding, drop_shadowed_secrets
from .hookcli import (FaceRun, add_common_arguments, discover, face_main, run_face,
                      settings_from_args)
from .output.common import counts_by_family

PROG = "prodready"

#: The hook faces ``prodready check`` runs in-process: (face, module, codes it reports).
HOOK_FACES = (
    ("compose", "flake8_prodready.compose",
     lambda rule: bool(rule.faces & {registry.COMPOSE, registry.ENV})),
    ("secrets", "flake8_prodready.secrets",
     lambda rule: registry.SECRETS in rule.faces),
)


def face_codes(belongs: Callable[[registry.Rule], bool]) -> frozenset:
    return frozenset(code for code, rule in registry.RULES.items()
                     if belongs(rule) and not code.startswith("PRD9"))


class Progress:
    """``[12/340] src/app/api.py`` on one rewritten line of a terminal's stderr, after the
    first second only: quick runs and piped runs print nothing."""

    DELAY = 1.0
    INTERVAL = 0.1

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False
        self.total = 0
        self.done = 0

    def step(self, label: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < self.DELAY or now - self.last < self.INTERVAL:
            return
        self.last = now
        width = 70
        text = f"[{self.done}/{self.total}] {label}"
        if len(text) > width:
            text = text[:width - 1] + "…"
        self.stream.write("\r" + text.ljust(width))
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 70 + "\r")
            self.stream.flush()
            self.shown = False


def collect(paths: Sequence[str], settings: Settings, progress: Progress,
            notes: list[str]) -> tuple[list[Finding], list[str], list[FaceRun]]:
    """Findings of every selected face over ``paths`` (before the baseline)."""
    files = discover(paths, settings)
    enabled = settings.enabled_codes
    runs: list[FaceRun] = []
    python_files = [path for path in files if python_face.wants(path)]
    progress.total = len(files)
    if enabled & python_face.PYTHON_CODES:
        run = FaceRun("python", files=python_files, ran=True)
        run.findings = python_face.check(python_files, settings,
                                         progress=lambda path: progress.step(path))
        runs.append(run)
    for face, module_name, belongs in HOOK_FACES:
        if not enabled & face_codes(belongs):
            continue
        main = face_main(module_name)
        if main is None:
            notes.append(f"the {face} face is not available in this installation "
                         f"({module_name} has no main()); its files were not checked")
            continue
        progress.step(f"{face} files")
        runs.append(run_face(face, main, files, settings))
    return [f for run in runs for f in run.findings], files, runs


def summary_line(files: int, findings: Sequence[Finding], suppressed: int) -> str:
    noun = "file" if files == 1 else "files"
    if findings:
        families = ", ".join(f"{name} {count}" for name, count in
                             counts_by_family(findings).items())
        text = (f"{PROG}: {files} {noun} checked, {len(findings)} "
                f"finding{'s' if len(findings) != 1 else ''} ({families})")
    else:
        text = f"{PROG}: {files} {noun} checked, no findings"
    if suppressed:
        text += f"; {suppressed} known finding{'s' if suppressed != 1 else ''} " \
                f"suppressed by the baseline"
    return text


def error(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2


def split_missing(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    present = [path for path in paths if os.path.exists(path)]
    missing = [path for path in paths if not os.path.exists(path)]
    return present, missing


def cmd_check(args: argparse.Namespace) -> int:
    if args.format not in output.FORMATS:
        return error(f"unknown format {args.format!r} (choose from "
                     f"{', '.join(output.FORMATS)})")
    try:
        settings = settings_from_args(args)
        known = baseline.load_for(settings)
    except ConfigError as problem:
        return error(str(problem))
    paths, missing = split_missing(args.paths)
    for path in missing:
        error(f"{path}: no such file or directory")
    interactive = not args.no_progress and sys.stderr.isatty()
    progress = Progress(sys.stderr, interactive)
    notes: list[str] = []
    try:
        findings, files, runs = collect(paths, settings, progress, notes)
    finally:
        progress.clear()
    suppressed = 0
    if known is not None:
        findings, suppressed = known.filter(findings, settings.root)
    # After the baseline, which records every face's own findings (each hook run alone in
    # pre-commit must find its findings there), one secret is shown once.
    findings = drop_shadowed_secrets(findings)
    output.render(findings, args.format, sys.stdout, tool=PROG, files=len(files),
                  root=settings.root)
    failed = [run for run in runs if run.error]
    for run in failed:
        print(f"{PROG}: error: the {run.face} face failed: {run.error}", file=sys.stderr)
    for note in notes:
        print(f"{PROG}: note: {note}", file=sys.stderr)
    summary_stream = sys.stdout if args.format == "text" else sys.stderr
    print(summary_line(len(files), findings, suppressed), file=summary_stream)
    if missing or failed:
        return 2
    return 1 if findings else 0


def cmd_baseline(args: argparse.Namespace) -> int:
    try:
        settings = settings_from_args(args)
    except ConfigError as problem:
        return error(str(problem))
    target = baseline.baseline_path(settings) if not args.output else None
    if args.output:
        from pathlib import Path
        target = Path(args.output)
    if target is None:
        return error("no baseline file: the 'baseline' option is empty; pass --output")
    paths, missing = split_missing(args.paths)
    for path in missing:
        error(f"{path}: no such file or directory")
    if missing:
        return 2
    notes: list[str] = []
    findings, files, runs = collect(paths, settings, Progress(sys.stderr, False), notes)
    failed = [run for run in runs if run.error]
    for run in failed:
        print(f"{PROG}: error: the {run.face} face failed: {run.error}", file=sys.stderr)
    for note in notes:
        print(f"{PROG}: note: {note}", file=sys.stderr)
    if failed:
        return error("baseline not written: a face failed")
    count = baseline.write(target, findings, settings.root)
    print(f"{PROG}: wrote {count} finding{'s' if count != 1 else ''} from {len(files)} "
          f"files to {target}; commit it, and rewrite it after fixing findings")
    return 0


def describe(value: object) -> str:
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(json.dumps(item) for item in value) + "]"
    if isinstance(value, dict):
        return json.dumps({key: list(codes) for key, codes in value.items()})
    return json.dumps(value)


def cmd_config(args: argparse.Namespace) -> int:
    try:
        settings = settings_from_args(args)
    except ConfigError as problem:
        return error(str(problem))
    if args.format == "json":
        document = {
            "root": str(settings.root),
            "pyproject": str(settings.pyproject) if settings.pyproject else None,
            "options": {option.name: {"value": _plain(settings.values[option.name]),
                                      "source": settings.sources[option.name]}
                        for option in OPTIONS},
            "enabled_codes": sorted(settings.enabled_codes),
        }
        json.dump(document, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    if args.format != "text":
        return error("config prints text or json")
    print(f"project root: {settings.root}")
    print(f"configuration: {settings.pyproject or 'none (no pyproject.toml found)'}")
    width = max(len(option.name) for option in OPTIONS)
    for option in OPTIONS:
        value = describe(settings.values[option.name])
        print(f"{option.name.ljust(width)} = {value}  # {settings.sources[option.name]}")
    codes = sorted(settings.enabled_codes)
    print(f"enabled codes ({len(codes)}): {' '.join(codes)}")
    return 0


def _plain(value: object) -> object:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        return {key: list(codes) for key, codes in value.items()}
    return value


def cmd_report(argv: Sequence[str]) -> int:
    try:
        report = importlib.import_module("flake8_prodready.report")
    except ImportError:
        report = None
    main = getattr(report, "main", None)
    if main is None:
        return error("'report' is not available in this installation "
                     "(flake8_prodready.report has no main())")
    return int(main(list(argv)) or 0)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="flake8-prodready: mock data, hardcoded credentials and "
        "configuration, and silent fallback data, found before production.")
    parser.add_argument("--version", action="version",
                        version=f"flake8-prodready {__version__}")
    parser.add_argument("--show-config", action="store_true",
                        help="same as 'prodready config'")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="run every face over files and directories")
    add_common_arguments(check)
    check.add_argument("--no-progress", action="store_true",
                       help="no progress indicator, even on a terminal")

    config = commands.add_parser("config", help="print the effective settings and where "
                                 "each came from")
    add_common_arguments(config, paths=False)

    base = commands.add_parser("baseline", help="record the current findings as known; "
                               "later runs of every face report only new ones")
    add_common_arguments(base)
    base.add_argument("--output", metavar="FILE", help="where to write it (default: the "
                      "'baseline' option, .prodready-baseline.json in the project root)")

    commands.add_parser("report", help="the production-readiness report (arguments are "
                        "passed on; 'prodready report --help')", add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["report"]:
        return cmd_report(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.show_config and args.command is None:
        args = parser.parse_args(["config"])
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "config":
            return cmd_config(args)
        if args.command == "baseline":
            return cmd_baseline(args)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `prodready check | head`: the reader has gone; say nothing more. Point stdout
        # at devnull so the interpreter's final flush does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as problem:  # a last resort: one line, never a traceback
        return error(f"internal error: {type(problem).__name__}: {problem}")
    parser.print_help(sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
