"""The flake8 entry point: one walk of the tree, dispatching nodes to the rule families."""

from __future__ import annotations

import argparse
import ast
import sys
from typing import Any, ClassVar, Iterator, Sequence

from . import __version__, baseline as baseline_file, registry
from .config import OPTIONS, ConfigError, Settings, load_settings
from .context import PathClassifier, classifier_for, file_context
from .rules import Checks
from .rules.credentials import CredentialChecks
from .rules.fallback import FallbackChecks
from .rules.placeholder_data import PlaceholderDataChecks

FAMILIES: tuple[type[Checks], ...] = (PlaceholderDataChecks, CredentialChecks, FallbackChecks)

INTERNAL_ERROR = registry.get("PRD903")
SECRET_CODES = frozenset(registry.matching(["PRD5"]))


def _flake8_option_name(name: str) -> str:
    return f"--prodready-{name}"


class ProdReadyChecker:
    """flake8 plugin: ``PRD`` codes."""

    name = "flake8-prodready"
    version = __version__

    # Set once per process by parse_options (flake8 calls it in every worker too).
    settings: ClassVar[Settings | None] = None
    enabled: ClassVar[frozenset | None] = None
    classifier: ClassVar[PathClassifier | None] = None
    #: Known findings from ``prodready baseline`` (None: no baseline file).
    baseline: ClassVar[baseline_file.Baseline | None] = None

    def __init__(self, tree: ast.AST, filename: str, lines: Sequence[str]) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines

    @classmethod
    def add_options(cls, manager: Any) -> None:
        for option in OPTIONS:
            if not option.in_flake8 or "python" not in option.faces:
                continue
            kwargs: dict[str, Any] = {"parse_from_config": True, "default": None,
                                      "help": f"flake8-prodready: {option.help}"}
            if option.kind in ("codes", "list"):
                kwargs["comma_separated_list"] = True
            manager.add_option(_flake8_option_name(option.name), **kwargs)

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        overrides = {}
        for option in OPTIONS:
            if option.in_flake8 and "python" in option.faces:
                overrides[option.name] = getattr(options, f"prodready_{option.attr}", None)
        try:
            settings = load_settings().with_overrides(overrides, "flake8 configuration")
            cls.baseline = baseline_file.load_for(settings)
            if settings.secrets_in_python:  # a bad secrets setup fails here, once
                from .secrets.pyfiles import scanner_for
                scanner_for(settings)
        except ConfigError as error:
            # A clean one-line error and exit status 2, as for a bad flake8 option.
            print(f"flake8-prodready: error: {error}", file=sys.stderr)
            raise SystemExit(2) from None
        # Strict rules named in full in flake8's own --select/--extend-select are on.
        named = set(getattr(options, "select", None) or ()) | set(
            getattr(options, "extend_select", None) or ())
        strict = {code for code in named
                  if code in registry.RULES and not registry.RULES[code].default_enabled}
        cls.settings = settings
        cls.enabled = settings.enabled_codes | strict
        cls.classifier = classifier_for(settings)

    def _ensure_settings(self) -> None:
        # flake8 always calls parse_options; this covers direct use of the class
        # (tests, other tools) without it.
        if type(self).settings is None:
            settings = load_settings()
            type(self).settings = settings
            type(self).enabled = settings.enabled_codes
            type(self).classifier = classifier_for(settings)
            type(self).baseline = baseline_file.load_for(settings)

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        self._ensure_settings()
        cls = type(self)
        ctx = file_context(self.filename, cls.settings, "python", cls.classifier, cls.enabled)
        if not ctx.enabled:
            return
        results: list[tuple[int, int, str, type]] = []
        lines = self.lines

        def report(code: str, line: int, col: int, **arguments: object) -> None:
            if code not in ctx.enabled:
                return
            if 0 < line <= len(lines) and col and not lines[line - 1].isascii():
                # The AST counts UTF-8 bytes; editors and flake8 count characters.
                col = len(lines[line - 1].encode("utf-8")[:col].decode("utf-8", "ignore"))
            results.append((line, col, registry.RULES[code].text(**arguments), cls))

        checks = [family(ctx, lines, report) for family in FAMILIES
                  if family.codes & ctx.enabled]
        try:
            _walk(self.tree, checks)
        except Exception as error:  # never abort the user's flake8 run
            line = getattr(error, "prodready_line", 1)
            description = f"{type(error).__name__}: {error}"[:200]
            results.append((line, 0, INTERNAL_ERROR.text(error=description), cls))
        if cls.settings.secrets_in_python and ctx.enabled & SECRET_CODES:
            results.extend(self._secrets(ctx, results))
        if cls.baseline is not None and results:
            results = cls.baseline.filter_plugin_results(ctx.relative_path, results, lines)
        yield from results

    def _secrets(self, ctx: Any, results: list) -> list:
        """detect-secrets on this file (``secrets-in-python``), imported only when on;
        a line with a PRD2xx finding keeps that one (the more specific code)."""
        cls = type(self)
        credential_lines = {line for line, _, text, _ in results if text.startswith("PRD2")}
        try:
            from .secrets.pyfiles import python_secret_results
            found = python_secret_results(self.filename, self.lines, ctx, cls.settings,
                                          credential_lines)
        except Exception as error:  # never abort the user's flake8 run
            return [(1, 0, INTERNAL_ERROR.text(error=f"secrets scan: {type(error).__name__}: "
                                                     f"{error}"[:200]), cls)]
        return [(line, col, text, cls) for line, col, text in found]


#: Leaf fields: expression contexts and operators (``Load``, ``Add``, ``Eq``...). ast.walk
#: yields one or more per expression (a third of all nodes); they have no children, so when
#: no family handles their classes, skipping them leaves the order of the rest unchanged.
_LEAF_FIELDS = frozenset({"ctx", "op", "ops"})
_LEAF_KINDS = (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop)
#: Fields of the most frequent nodes that never hold a node (identifiers, constants).
_SCALAR_FIELDS = {"Name": {"id"}, "Attribute": {"attr"}, "Constant": {"value", "kind"},
                  "keyword": {"arg"}, "arg": {"arg"}, "alias": {"name", "asname"}}
#: (skip leaves?) -> node class -> names of the fields that may hold child nodes.
_CHILD_FIELDS: dict[bool, dict[type, tuple[str, ...]]] = {True: {}, False: {}}


def _child_fields(cls: type, skip_leaves: bool) -> tuple[str, ...]:
    scalar = _SCALAR_FIELDS.get(cls.__name__, ())
    fields = tuple(name for name in getattr(cls, "_fields", ())
                   if name not in scalar and not (skip_leaves and name in _LEAF_FIELDS))
    _CHILD_FIELDS[skip_leaves][cls] = fields
    return fields


def _walk(tree: ast.AST, checks: list[Checks]) -> None:
    """ast.walk's breadth-first order (a node before its children, children in field
    order), without its per-node generators: this loop is most of the plugin's cost
    (docs/performance.md), and a handler sees exactly the nodes ast.walk would give it."""
    dispatch: dict[type, list] = {}
    for check in checks:
        for node_type, method in check.handlers.items():
            dispatch.setdefault(node_type, []).append(getattr(check, method))
    skip_leaves = not any(issubclass(node_type, _LEAF_KINDS) for node_type in dispatch)
    child_fields = _CHILD_FIELDS[skip_leaves]
    get = dispatch.get
    node_class = ast.AST
    nodes = [tree]
    append = nodes.append
    for node in nodes:  # grows while we iterate: the breadth-first queue
        cls = node.__class__
        fields = child_fields.get(cls)
        if fields is None:
            fields = _child_fields(cls, skip_leaves)
        for name in fields:  # children queued before the handlers run, as in ast.walk
            value = getattr(node, name, None)
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, node_class):
                        append(item)
            elif isinstance(value, node_class):
                append(value)
        handlers = get(cls)
        if handlers is not None:
            for handler in handlers:
                handler(node)
    for check in checks:
        check.finish()
