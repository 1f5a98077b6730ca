"""Robustness of the flake8 plugin: real-world corpora and generated programs.

The default run (``pytest -q``, what .ci/run runs) checks a fixed sample; the full run
(``pytest -q -m robustness_full tests/``, docs/robustness.md) checks every file of the
standard library and of the census packages, and thousands of generated programs.

The plugin is driven in-process exactly as flake8 drives it (``tree``, ``filename``,
``lines``), every registered code enabled (strict ones too) and every file treated as
production code, so no rule is skipped because of a path. A PRD903 (internal error) is a
failure just like an exception: the plugin turns its own crashes into PRD903 so that the
user's flake8 run survives, which would otherwise hide them here.
"""

from __future__ import annotations

import ast
import os
import sys
import sysconfig
import tempfile
import tokenize
import warnings
from pathlib import Path

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings

from flake8_prodready import plugin, registry
from flake8_prodready.config import load_settings
from flake8_prodready.context import classifier_for
from flake8_prodready.plugin import ProdReadyChecker

ROOT = Path(__file__).resolve().parent.parent
STDLIB = Path(sysconfig.get_paths()["stdlib"])
#: One file in SAMPLE_STEP of each corpus in the default run.
SAMPLE_STEP = 23


def census_site(install: bool) -> Path | None:
    """The census packages' site-packages (bench/false_positive_census.py's scratch venv),
    installed when ``install`` (the full run), else only if it is already there."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import false_positive_census as census
    finally:
        sys.path.pop(0)
    if install:
        return census.ensure_venv()
    found = sorted(census.VENV.glob("lib/python*/site-packages"))
    return found[0] if found else None


def corpus_files(install_census: bool) -> list[Path]:
    files = [path for path in sorted(STDLIB.rglob("*.py"))
             if "site-packages" not in path.relative_to(STDLIB).parts]
    site = census_site(install_census)
    if site is not None:
        sys.path.insert(0, str(ROOT / "bench"))
        try:
            import false_positive_census as census
        finally:
            sys.path.pop(0)
        for _, directories in census.PACKAGES.values():
            for directory in directories:
                files.extend(sorted((site / directory).rglob("*.py")))
    return files


@pytest.fixture
def every_code_on():
    """Every code enabled, default settings from an empty directory; restored after."""
    saved = {name: getattr(ProdReadyChecker, name)
             for name in ("settings", "enabled", "classifier", "baseline")}
    with tempfile.TemporaryDirectory() as empty:
        settings = load_settings(start=empty)
    ProdReadyChecker.settings = settings
    ProdReadyChecker.enabled = frozenset(registry.RULES)
    ProdReadyChecker.classifier = classifier_for(settings)
    ProdReadyChecker.baseline = None
    yield
    for name, value in saved.items():
        setattr(ProdReadyChecker, name, value)


def parse(path: Path) -> tuple[ast.AST, list[str]] | None:
    """The tree and lines flake8 would hand the plugin; None when flake8 would stop at
    E999 (the file does not parse on this interpreter) before any plugin runs."""
    try:
        with tokenize.open(path) as handle:
            text = handle.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(text, str(path)), text.splitlines(True)
    except (SyntaxError, UnicodeDecodeError, ValueError, OSError, RecursionError,
            MemoryError):
        return None


def internal_errors(tree: ast.AST, lines: list[str], where: str) -> list[str]:
    checker = ProdReadyChecker(tree, "src/checked_module.py", lines)
    try:
        results = list(checker.run())
    except Exception as error:  # what flake8 would turn into an aborted run
        return [f"{where}: escaped {type(error).__name__}: {error}"]
    return [f"{where}:{line}: {text}" for line, _, text, _ in results
            if text.startswith("PRD903")]


def check_corpus(files: list[Path]) -> tuple[int, int, int, list[str]]:
    checked = lines_checked = skipped = 0
    failures: list[str] = []
    for path in files:
        parsed = parse(path)
        if parsed is None:
            skipped += 1
            continue
        tree, lines = parsed
        checked += 1
        lines_checked += len(lines)
        failures.extend(internal_errors(tree, lines, str(path)))
    return checked, lines_checked, skipped, failures


def test_corpus_sample_never_crashes(every_code_on):
    files = corpus_files(install_census=False)[::SAMPLE_STEP]
    checked, lines, skipped, failures = check_corpus(files)
    print(f"\nrobustness sample: {checked} files, {lines} lines, {skipped} unparsable")
    assert checked >= 50 and lines >= 10_000
    assert not failures, "\n".join(failures[:20])


@pytest.mark.robustness_full
def test_whole_corpus_never_crashes(every_code_on):
    files = corpus_files(install_census=True)
    checked, lines, skipped, failures = check_corpus(files)
    print(f"\nrobustness corpus (stdlib + census packages, Python "
          f"{sys.version.split()[0]}): {checked} files, {lines} lines, {skipped} "
          f"unparsable on this interpreter")
    assert checked >= 1000 and lines >= 300_000
    assert not failures, "\n".join(failures[:20])


# --- the walk: ast.walk's nodes and order, without its cost --------------------------

class _Recorder:
    """A rule family that records every node it is handed, in order."""

    codes = frozenset()

    def __init__(self, classes: list[type]) -> None:
        self.handlers = {cls: "record" for cls in classes}
        self.seen: list[ast.AST] = []

    def record(self, node: ast.AST) -> None:
        self.seen.append(node)

    def finish(self) -> None:
        pass


def _node_classes() -> list[type]:
    found, todo = [], [ast.AST]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_walk_gives_handlers_what_ast_walk_gives_them_in_the_same_order():
    # The plugin's walk (plugin._walk) replaces ast.walk for speed (docs/performance.md);
    # the rules rely on its breadth-first order (a parent before its children).
    leaves = (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop)
    every = _node_classes()
    without_leaves = [cls for cls in every if not issubclass(cls, leaves)]
    files = sorted(STDLIB.glob("*.py"))[::7]
    assert len(files) > 20
    for path in files:
        parsed = parse(path)
        if parsed is None:
            continue
        tree = parsed[0]
        expected = list(ast.walk(tree))
        everything, structural = _Recorder(every), _Recorder(without_leaves)
        plugin._walk(tree, [everything])
        plugin._walk(tree, [structural])
        assert everything.seen == expected, path
        assert structural.seen == [n for n in expected if not isinstance(n, leaves)], path


# --- generated programs ---------------------------------------------------------------

def _generated_programs_never_crash(strategy, examples: int) -> None:
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def check(source: str) -> None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # SyntaxWarning on odd generated code
                tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return  # flake8 reports E999 and runs no plugin
        lines = source.splitlines(True)
        failures = internal_errors(tree, lines, "<generated>")
        assert not failures, f"{failures}\n--- source ---\n{source}"

    check()


# hypothesmith (test extra): Python programs generated from the grammar (from_grammar:
# odd but valid syntax, deep nesting, every statement kind) and from libcst's node types
# (from_node: more realistic shapes). Hypothesis alone cannot generate valid programs.
GRAMMAR_EXAMPLES = int(os.getenv("PRODREADY_GENERATED", "200"))
#: hypothesmith compiles what it generates; odd programs draw SyntaxWarnings from it.
quiet = pytest.mark.filterwarnings("ignore::SyntaxWarning")


@quiet
def test_programs_from_the_grammar_never_crash(every_code_on):
    _generated_programs_never_crash(hypothesmith.from_grammar(), GRAMMAR_EXAMPLES)


@quiet
def test_programs_from_libcst_nodes_never_crash(every_code_on):
    _generated_programs_never_crash(hypothesmith.from_node(), max(GRAMMAR_EXAMPLES // 5, 10))


@quiet
@pytest.mark.robustness_full
def test_thousands_of_generated_programs_never_crash(every_code_on):
    _generated_programs_never_crash(hypothesmith.from_grammar(), 3000)
    _generated_programs_never_crash(hypothesmith.from_node(), 500)
