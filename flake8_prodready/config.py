"""One configuration for every face: ``[tool.prodready]``, flake8 options, CLI flags.

Every option is declared once in :data:`OPTIONS`. The flake8 plugin turns the table into
``--prodready-NAME`` options, the hooks into ``--NAME`` flags, the docs generator into the
configuration reference, and :func:`load_settings` validates ``[tool.prodready]`` against
it. Precedence: command line (or flake8's own configuration, for the plugin) over
``pyproject.toml`` over the defaults.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from . import registry


class ConfigError(Exception):
    """Bad configuration: reported as one line, exit status 2."""


@dataclass(frozen=True)
class Option:
    name: str  # as written in [tool.prodready], kebab-case
    kind: str  # "codes" | "list" | "bool" | "int" | "float" | "str" | "table"
    default: Any
    help: str
    faces: tuple = ("python", "compose", "secrets")  # who reads it; "report" too
    in_flake8: bool = True  # offered as --prodready-NAME to flake8

    @property
    def attr(self) -> str:
        return self.name.replace("-", "_")


#: Compose and env files that are test infrastructure by name (docker-compose.test.yml,
#: compose.ci.yaml, .env.test): their credentials are throwaway ones for a CI database.
COMPOSE_TEST_PATHS: tuple[str, ...] = (
    "*.test.yml", "*.test.yaml", "*-test.yml", "*-test.yaml", "*.tests.yml", "*.tests.yaml",
    "*.ci.yml", "*.ci.yaml", "*-ci.yml", "*-ci.yaml", "*.e2e.yml", "*.e2e.yaml",
    ".env.test", ".env.testing", ".env.ci", ".env.e2e", "test.env", "ci.env",
)

OPTIONS: tuple[Option, ...] = (
    Option("select", "codes", (), "Codes or prefixes to report (default: every rule that "
           "is on by default). Strict rules must be named in full."),
    Option("extend-select", "codes", (), "Codes or prefixes to add to the selection."),
    Option("ignore", "codes", (), "Codes or prefixes never to report."),
    Option("per-file-ignores", "table", {}, "Glob -> codes to ignore in matching files, "
           "as in flake8 (the hooks; flake8 users keep flake8's own per-file-ignores).",
           in_flake8=False),
    Option("test-paths", "list", (), "Extra globs of test code, added to the defaults "
           "(path segments tests, test, testing, fixtures; files test_*.py, *_test.py, "
           "*_tests.py, conftest.py)."),
    Option("dev-paths", "list", (), "Globs of development-only code (scripts, examples, "
           "notebooks): treated like test code by the mock and fallback rules."),
    Option("exclude", "list", (), "Globs of files the hooks and 'prodready check' skip.",
           in_flake8=False),
    Option("broad-exceptions", "list", (), "Extra exception names a fallback handler may "
           "catch to count as broad (default: bare except, Exception, BaseException).",
           faces=("python",)),
    Option("allowed-hosts", "list", (), "Hosts that PRD206 accepts as configuration "
           "(exact names or IPs, or globs).", faces=("python",)),
    Option("secrets-in-python", "bool", False, "Run the detect-secrets scan (PRD5xx) on "
           "Python files inside flake8 too (off by default: it adds ~26% to a flake8 run; "
           "see docs/secrets.md).",
           faces=("python",)),
    Option("secrets-disable-plugins", "list", (), "detect-secrets plugin class names not "
           "to run (e.g. IPPublicDetector); same effect as ignoring their PRD5xx codes.",
           faces=("python", "secrets")),
    Option("secrets-base64-limit", "float", 4.5, "Entropy limit (0-8) of detect-secrets' "
           "Base64HighEntropyString (PRD512).", faces=("python", "secrets")),
    Option("secrets-hex-limit", "float", 3.0, "Entropy limit (0-8) of detect-secrets' "
           "HexHighEntropyString (PRD513).", faces=("python", "secrets")),
    Option("secrets-baseline", "str", "", "detect-secrets baseline whose known secrets are "
           "not reported (default: .secrets.baseline in the project root, if present; "
           "'none' to ignore it).", faces=("python", "secrets")),
    Option("secrets-max-line-length", "int", 20000, "Files with a longer line (minified "
           "or generated) are not scanned for secrets and get PRD901; 0: no limit.",
           faces=("python", "secrets")),
    Option("baseline", "str", ".prodready-baseline.json", "Baseline file of known "
           "findings to suppress, relative to the project root (written by 'prodready "
           "baseline'; ignored when absent; an empty string turns it off)."),
    Option("entry-points", "table", {}, "Service -> production entry points for 'prodready "
           "report' (files, modules or commands such as 'uvicorn pkg.app:app'); replaces "
           "the inference from compose files.", faces=("report",), in_flake8=False),
    Option("compose-paths", "list", (), "Extra globs of compose files for prodready-compose "
           "(besides compose.y[a]ml, docker-compose.y[a]ml, docker-compose.*.y[a]ml, "
           "compose.*.y[a]ml).", faces=("compose",), in_flake8=False),
    Option("compose-test-paths", "list", COMPOSE_TEST_PATHS, "Globs of compose and env "
           "files that are test infrastructure (in addition to test-paths): PRD401 applies, "
           "the secret rules do not unless compose-secrets-in-tests is set.",
           faces=("compose",), in_flake8=False),
    Option("compose-secrets-in-tests", "bool", False, "Check test compose and env files "
           "(test-paths, compose-test-paths) for secrets too (PRD402-PRD406).",
           faces=("compose",), in_flake8=False),
    Option("max-file-size", "int", 5_000_000, "Compose and env files larger than this "
           "many bytes are skipped with PRD901 (0: no limit).", faces=("compose",),
           in_flake8=False),
)

OPTIONS_BY_NAME: dict[str, Option] = {option.name: option for option in OPTIONS}

DEFAULT_TEST_PATHS: tuple[str, ...] = (
    "tests", "test", "testing", "fixtures",
    "test_*.py", "*_test.py", "*_tests.py", "conftest.py",
)


class Settings:
    """Effective settings: one attribute per option, plus where each value came from."""

    def __init__(self, values: Mapping[str, Any], sources: Mapping[str, str], root: Path,
                 pyproject: Path | None) -> None:
        self.values = dict(values)
        self.sources = dict(sources)
        self.root = root
        self.pyproject = pyproject
        for option in OPTIONS:
            setattr(self, option.attr, self.values[option.name])
        self._enabled = compute_enabled(self.select, self.extend_select, self.ignore)

    @property
    def enabled_codes(self) -> frozenset:
        return self._enabled

    def with_overrides(self, overrides: Mapping[str, Any], source: str) -> "Settings":
        values, sources = dict(self.values), dict(self.sources)
        for name, raw in overrides.items():
            if raw is None:
                continue
            values[name] = coerce(OPTIONS_BY_NAME[name], raw, source)
            sources[name] = source
        return Settings(values, sources, self.root, self.pyproject)


def compute_enabled(select: Iterable[str], extend_select: Iterable[str],
                    ignore: Iterable[str]) -> frozenset:
    """flake8's selection semantics over the registry.

    Strict rules (off by default) are only enabled when a selector names their code in
    full, so ``select = ["PRD"]`` means "every ordinary rule", not "every opinion we have".
    """
    def selected(selectors: Iterable[str]) -> set[str]:
        selectors = tuple(selectors)
        codes = set()
        for code, rule in registry.RULES.items():
            if rule.default_enabled:
                if code.startswith(selectors):
                    codes.add(code)
            elif code in selectors:
                codes.add(code)
        return codes

    select = tuple(select)
    if select:
        codes = selected(select)
    else:
        codes = {code for code, rule in registry.RULES.items() if rule.default_enabled}
    codes |= selected(extend_select)
    ignore = tuple(ignore)
    return frozenset(code for code in codes if not code.startswith(ignore))


def coerce(option: Option, raw: Any, source: str) -> Any:
    """Validate and normalise one value; raise ConfigError with a precise message."""
    where = f"{source}: {option.name}"
    kind = option.kind
    if kind in ("codes", "list"):
        if isinstance(raw, str):
            raw = [part.strip() for part in raw.replace("\n", ",").split(",")]
        if not isinstance(raw, (list, tuple)) or not all(isinstance(x, str) for x in raw):
            raise ConfigError(f"{where} must be a list of strings, got {raw!r}")
        items = tuple(x.strip() for x in raw if x.strip())
        if kind == "codes":
            for item in items:
                if not (item == "PRD" or registry.is_known_selector(item)):
                    raise ConfigError(f"{where}: unknown code or prefix {item!r}")
        return items
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in ("1", "true", "yes", "on"):
            return True
        if isinstance(raw, str) and raw.strip().lower() in ("0", "false", "no", "off"):
            return False
        raise ConfigError(f"{where} must be true or false, got {raw!r}")
    if kind in ("int", "float"):
        number_type = int if kind == "int" else float
        if isinstance(raw, bool):
            raise ConfigError(f"{where} must be a number, got {raw!r}")
        try:
            return number_type(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"{where} must be a number, got {raw!r}") from None
    if kind == "str":
        if not isinstance(raw, str):
            raise ConfigError(f"{where} must be a string, got {raw!r}")
        return raw
    if kind == "table":
        if not isinstance(raw, Mapping):
            raise ConfigError(f"{where} must be a table, got {raw!r}")
        table = {}
        for key, value in raw.items():
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, (list, tuple)) or not all(
                    isinstance(x, str) for x in value):
                raise ConfigError(f"{where}.{key} must be a list of strings")
            table[str(key)] = tuple(value)
        return table
    raise AssertionError(kind)


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start``; stop at a git root."""
    try:
        directory = start.resolve()
    except OSError:
        return None
    for candidate in (directory, *directory.parents):
        path = candidate / "pyproject.toml"
        if path.is_file():
            return path
        if (candidate / ".git").exists():
            return None
    return None


def read_pyproject_table(path: Path) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.9/3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read [tool.prodready]: {error}") from None
    table = data.get("tool", {}).get("prodready", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.prodready] must be a table")
    return table


def load_settings(start: str | os.PathLike | None = None,
                  pyproject: str | os.PathLike | None = None) -> Settings:
    """Defaults, then ``[tool.prodready]`` of the nearest pyproject.toml.

    ``start`` is the directory to search from (default: the working directory, which is
    what flake8 and pre-commit run in); ``pyproject`` names the file explicitly.
    """
    start_dir = Path(start) if start is not None else Path.cwd()
    path = Path(pyproject) if pyproject is not None else find_pyproject(start_dir)
    values = {option.name: option.default for option in OPTIONS}
    sources = {option.name: "default" for option in OPTIONS}
    root = path.parent.resolve() if path is not None else start_dir.resolve()
    if path is not None:
        table = read_pyproject_table(path)
        for key, raw in table.items():
            option = OPTIONS_BY_NAME.get(key)
            if option is None:
                known = ", ".join(sorted(OPTIONS_BY_NAME))
                raise ConfigError(f"{path}: unknown key {key!r} in [tool.prodready] "
                                  f"(known keys: {known})")
            values[key] = coerce(option, raw, f"{path.name} [tool.prodready]")
            sources[key] = str(path)
    return Settings(values, sources, root, path)
