"""What every command-line face shares: arguments, configuration, file walking, exit codes.

A hook module defines its own checks and calls :func:`run_hook`; the argument parsing,
``[tool.prodready]`` loading, selection, ``exclude``, the baseline, the output format and
the exit status (0 clean, 1 findings, 2 usage/configuration/internal error) are the same
for all of them.

``prodready check`` runs the same hook ``main`` functions in-process through
:func:`run_face`: ``run_hook`` then skips its own argument/config handling and output,
takes the files and settings the umbrella command decided on, and hands the findings
back. So a face is written once and behaves the same under pre-commit and under
``prodready check``.
"""

from __future__ import annotations

import argparse
import contextvars
import os
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from . import output, registry
from .config import OPTIONS, ConfigError, Settings, load_settings
from .context import matches_any, relative_posix
from .findings import Finding

#: check(paths, settings, args) -> findings. ``paths`` are files already filtered to the
#: face's files (the face's ``wants(path)``), ``args`` the parsed namespace.
FaceCheck = Callable[[list, Settings, argparse.Namespace], Iterable[Finding]]

SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv",
                          "node_modules", "__pycache__", ".mypy_cache", ".pytest_cache",
                          ".ruff_cache", "build", "dist", ".eggs"})

INTERNAL_ERROR = registry.get("PRD903")


def add_common_arguments(parser: argparse.ArgumentParser, paths: bool = True) -> None:
    """The arguments every face and ``prodready`` subcommand shares: paths, --format,
    --config and one flag per option of the configuration table."""
    if paths:
        parser.add_argument("paths", nargs="*", default=["."], help="files or directories")
    parser.add_argument("--format", default="text", help="output format: "
                        + ", ".join(output.FORMATS))
    parser.add_argument("--config", metavar="PYPROJECT",
                        help="pyproject.toml to read [tool.prodready] from "
                        "(default: the nearest one above the working directory)")
    for option in OPTIONS:
        flag = f"--{option.name}"
        # argparse %-formats help texts: a literal "60%" would crash --help.
        help_text = option.help.replace("%", "%%")
        if option.kind in ("codes", "list"):
            parser.add_argument(flag, dest=f"opt_{option.attr}", default=None,
                                metavar="A,B", help=help_text)
        elif option.kind == "bool":
            parser.add_argument(flag, dest=f"opt_{option.attr}", default=None,
                                action=argparse.BooleanOptionalAction, help=help_text)
        elif option.kind in ("int", "float", "str"):
            parser.add_argument(flag, dest=f"opt_{option.attr}", default=None,
                                metavar=option.kind.upper(), help=help_text)


def base_parser(prog: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    add_common_arguments(parser)
    return parser


def settings_from_args(args: argparse.Namespace) -> Settings:
    config = getattr(args, "config", None)
    settings = load_settings(pyproject=config) if config else load_settings()
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


def git_files(directory: str) -> list[str] | None:
    """Files under ``directory`` that git would consider (tracked, or untracked and not
    ignored), or None when ``directory`` is not inside a git work tree.

    ``git ls-files -co --exclude-standard`` is git's own reading of every .gitignore,
    .git/info/exclude and core.excludesFile: re-implementing gitignore matching is how
    tools end up scanning a vendored virtualenv.
    """
    try:
        completed = subprocess.run(
            ["git", "-C", directory, "ls-files", "-z", "--cached", "--others",
             "--exclude-standard"], capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    names = completed.stdout.decode("utf-8", "surrogateescape").split("\0")
    found = []
    for name in sorted(set(filter(None, names))):
        full = os.path.normpath(os.path.join(directory, name))
        # -c lists files deleted from the work tree, and submodules as bare paths.
        if os.path.isfile(full) and not os.path.islink(full):
            found.append(full)
    return found


def discover(paths: Sequence[str], settings: Settings) -> list[str]:
    """Every file ``prodready check`` looks at: directories are walked (through git when
    inside a repository, so .gitignore holds), explicitly named files are taken as they
    are, and the configured ``exclude`` globs and the baseline file are dropped."""
    seen: set[str] = set()
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            files = git_files(path)
            if files is None:
                files = iter_files([path], lambda _: True)
        else:
            files = [path]
        for name in files:
            if name not in seen:
                seen.add(name)
                found.append(name)
    return drop_excluded(found, settings)


def drop_excluded(files: Iterable[str], settings: Settings) -> list[str]:
    from .baseline import baseline_path, same_file

    globs = tuple(settings.exclude)
    own_baseline = baseline_path(settings)
    kept = []
    for name in files:
        if globs and matches_any(relative_posix(name, settings.root), globs):
            continue
        # The baseline holds hashes, which the secrets face must not read as secrets.
        if own_baseline is not None and same_file(name, own_baseline):
            continue
        kept.append(name)
    return kept


def internal_error(path: str, error: BaseException) -> Finding:
    text = f"{type(error).__name__}: {error}"[:200]
    return Finding(path, 1, 1, INTERNAL_ERROR.code, INTERNAL_ERROR.format(error=text))


def check_robustly(check: FaceCheck, files: list, settings: Settings,
                   args: argparse.Namespace) -> list[Finding]:
    """Run ``check`` on all files; if it raises, run it file by file so that one file's
    failure becomes a PRD903 finding on that file and the other files are still checked."""
    try:
        return list(check(files, settings, args))
    except ConfigError:
        raise  # bad configuration is the run's error (exit 2), not every file's
    except Exception as error:
        if not files:
            raise
        if len(files) == 1:
            return [internal_error(files[0], error)]
    findings: list[Finding] = []
    for path in files:
        try:
            findings.extend(check([path], settings, args))
        except Exception as error:
            findings.append(internal_error(path, error))
    return findings


@dataclass
class FaceRun:
    """What one face found when run in-process by :func:`run_face`."""

    face: str
    findings: list = field(default_factory=list)
    files: list = field(default_factory=list)
    error: str | None = None
    ran: bool = False


@dataclass
class _Capture:
    paths: list
    settings: Settings
    result: FaceRun


_CAPTURE: contextvars.ContextVar[_Capture | None] = contextvars.ContextVar(
    "prodready_capture", default=None)


def run_face(face: str, main: Callable[[Sequence[str]], int], paths: Sequence[str],
             settings: Settings) -> FaceRun:
    """Run a hook's ``main`` in-process over ``paths`` with ``settings``; collect what it
    finds instead of printing it."""
    result = FaceRun(face)
    token = _CAPTURE.set(_Capture(list(paths), settings, result))
    try:
        main([])
    except SystemExit as exit_:
        if not result.ran:
            result.error = f"exited with status {exit_.code} before checking"
    except Exception as error:
        result.error = f"{type(error).__name__}: {error}"
    finally:
        _CAPTURE.reset(token)
    if not result.ran and result.error is None:
        result.error = "its main() does not go through hookcli.run_hook"
    return result


def face_main(package: str) -> Callable[[Sequence[str]], int] | None:
    """A hook face's ``main``: ``package.main`` or ``package.cli.main`` (None if neither
    exists), for callers that run faces in-process with :func:`run_face`."""
    import importlib

    for module_name in (package, f"{package}.cli"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        main = getattr(module, "main", None)
        if callable(main):
            return main
    return None


def apply_baseline(findings: list[Finding], settings: Settings) -> tuple[list[Finding], int]:
    from . import baseline

    known = baseline.load_for(settings)
    if known is None:
        return findings, 0
    return known.filter(findings, settings.root)


def run_hook(argv: Sequence[str] | None, parser: argparse.ArgumentParser,
             wants: Callable[[str], bool], check: FaceCheck, tool: str,
             wants_for: Callable[[Settings], Callable[[str], bool]] | None = None) -> int:
    """``wants_for(settings)``, when given, replaces ``wants`` once the settings are known
    (a face whose file names are configurable, e.g. ``compose-paths``)."""
    capture = _CAPTURE.get()
    if capture is not None:
        args = parser.parse_args([])  # the face's own defaults; files come from the caller
        if wants_for is not None:
            wants = wants_for(capture.settings)
        files = [path for path in capture.paths if wants(path)]
        capture.result.files = files
        capture.result.findings = check_robustly(check, files, capture.settings, args)
        capture.result.ran = True
        return 1 if capture.result.findings else 0

    args = parser.parse_args(argv)
    if args.format not in output.FORMATS:
        parser.error(f"unknown format {args.format!r} (choose from "
                     f"{', '.join(output.FORMATS)})")
    try:
        settings = settings_from_args(args)
    except ConfigError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return 2
    if wants_for is not None:
        wants = wants_for(settings)
    missing = [path for path in args.paths if not os.path.exists(path)]
    for path in missing:
        print(f"{parser.prog}: error: {path}: no such file or directory", file=sys.stderr)
    files = drop_excluded(iter_files([p for p in args.paths if p not in missing], wants),
                          settings)
    try:
        findings = check_robustly(check, files, settings, args)
        findings, _ = apply_baseline(findings, settings)
    except ConfigError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # a last resort: one line, never a traceback
        print(f"{parser.prog}: internal error: {type(error).__name__}: {error}",
              file=sys.stderr)
        return 2
    output.render(findings, args.format, sys.stdout, tool=tool, files=len(files),
                  root=settings.root)
    if missing:
        return 2
    return 1 if findings else 0
