"""PRD1xx: mock, fake, dummy, simulated and placeholder data in production code.

Hot paths: ``Constant`` and ``Assign`` nodes are everywhere, so their handlers run one
precompiled regex and return; the expensive judgement (where a placeholder literal sits,
what a comment says) only runs on the few candidates, and comments are tokenized only
when one regex over the raw source finds a marker word after a ``#``.
"""

from __future__ import annotations

import ast
import re
import tokenize
from typing import Iterator, Sequence

from .. import registry
from ..context import FileContext
from ..secretness import is_credential_keyword, is_secret_name, is_secret_value, name_words
from . import Checks, Reporter, dotted_name

# --- PRD101: mocking and fake-data libraries ----------------------------------------------

#: Top-level import names of libraries that only exist to fake things in tests.
TEST_DOUBLE_LIBRARIES = frozenset({
    "mock", "pytest_mock", "asynctest", "flexmock", "doublex",
    "faker", "mimesis", "polyfactory", "model_bakery", "model_mommy", "autofixture",
    "responses", "respx", "requests_mock", "aioresponses", "httpretty", "pook", "vcr",
    "pytest_httpx", "pytest_httpserver",
    "freezegun", "time_machine",
    "moto", "fakeredis", "mongomock", "pyfakefs", "mockredis",
})
#: Dotted modules (a library inside a package that is not itself a mocking library).
TEST_DOUBLE_MODULES = frozenset({"unittest.mock"})

#: ``factory`` is factory_boy's import name, but also a common name for a project's own
#: app-factory module (``from factory import create_app``). factory_boy is recognised by
#: its own submodules and public names; a bare ``import factory`` only when the file uses
#: ``factory.<one of those names>``.
FACTORY_BOY_SUBMODULES = frozenset({
    "django", "alchemy", "mongoengine", "mogo", "fuzzy", "faker", "base", "declarations",
    "builder", "helpers", "random", "enums", "errors",
})
FACTORY_BOY_NAMES = frozenset({
    "Factory", "DictFactory", "ListFactory", "StubFactory", "BaseDictFactory",
    "BaseListFactory", "Faker", "SubFactory", "LazyAttribute", "LazyFunction", "Sequence",
    "LazyAttributeSequence", "SelfAttribute", "Iterator", "Dict", "List", "Maybe", "Trait",
    "RelatedFactory", "RelatedFactoryList", "PostGeneration", "post_generation",
    "PostGenerationMethodCall", "Transformer", "use_strategy", "build", "create", "stub",
    "build_batch", "create_batch", "make_factory", "simple_generate", "fuzzy", "django",
    "alchemy", "mongoengine", "BUILD_STRATEGY", "CREATE_STRATEGY", "StubObject",
})
_FACTORY_BOY_USE = re.compile(
    r"\bfactory\.(?:" + "|".join(sorted(FACTORY_BOY_NAMES)) + r")\b")


def test_double_library(module: str) -> str | None:
    """The mocking library ``module`` belongs to, or None."""
    if module in TEST_DOUBLE_MODULES or module.startswith("unittest.mock."):
        return "unittest.mock"
    top = module.partition(".")[0]
    if top in TEST_DOUBLE_LIBRARIES:
        return top
    return None


# --- PRD102/PRD103: names that say mock/fake/dummy/stub -----------------------------------

#: Identifier words (snake_case and camelCase split) that mark a stand-in. Whole words
#: only: ``mockingbird``, ``stubborn``, ``fakeroot``, ``dummyjson`` are one word each.
MARKER_WORDS = frozenset({
    "mock", "mocks", "mocked", "fake", "fakes", "faked", "dummy", "dummies", "stub",
    "stubs", "stubbed",
})
#: In library code "dummy" and "stub" usually name a null object (django's DummyCache,
#: kombu's DummyLock, celery's DummyContext, AppConfigStub): a deliberate no-op, not
#: made-up data. They only count next to a word for data (``dummy_users``, ``StubResponse``).
NULL_OBJECT_WORDS = frozenset({"dummy", "dummies", "stub", "stubs", "stubbed"})
DATA_NAME_WORDS = frozenset({
    "data", "dataset", "value", "values", "result", "results", "response", "responses",
    "reply", "record", "records", "row", "rows", "user", "users", "customer",
    "customers", "order", "orders", "quote", "quotes", "price", "prices", "payment",
    "payments", "product", "products", "payload", "payloads", "output", "answer",
    "answers", "item", "items", "entry", "entries", "profile", "profiles", "account",
    "accounts", "email", "emails", "content", "document", "documents", "report",
    "reports", "stats", "metrics", "score", "scores", "json", "db", "database", "api",
    "llm", "ai", "workflow", "workflows",
    "transaction", "transactions", "invoice", "invoices", "message", "messages",
    "token", "tokens", "credentials", "key", "keys", "info", "details", "event",
    "events", "inventory", "catalog", "catalogue",
})
#: Cheap substring prefilter run before splitting a name into words.
_NAME_PREFILTER = re.compile(r"mock|fake|dumm|stub", re.IGNORECASE)


def marker_word(name: str) -> str | None:
    """The mock/fake/dummy/stub word that marks an identifier or dotted path, or None."""
    if not _NAME_PREFILTER.search(name):
        return None
    words = name_words(name)
    for word in words:
        if word in MARKER_WORDS:
            if word in NULL_OBJECT_WORDS and not DATA_NAME_WORDS.intersection(words):
                continue
            return word
    return None


def _is_sentinel_value(node: ast.AST | None) -> bool:
    """None, ``...``, ``object()``, a bare reference: not data, a marker or an alias."""
    if node is None:
        return True
    if isinstance(node, ast.Constant):
        return node.value is None or node.value is Ellipsis
    if isinstance(node, ast.Call):
        return (isinstance(node.func, ast.Name) and node.func.id == "object"
                and not node.args and not node.keywords)
    return isinstance(node, (ast.Name, ast.Attribute))


def _container_items(node: ast.AST) -> list:
    return node.keys if isinstance(node, ast.Dict) else node.elts


def _trivial_body(body: list[ast.stmt]) -> bool:
    """``pass``, ``...`` or a docstring only: a sentinel class or a no-op hook."""
    return all(isinstance(stmt, ast.Pass) or (
        isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)) for stmt in body)


# --- PRD104: comments ---------------------------------------------------------------------

#: Prefilter over the raw source: a marker word after a ``#`` on the same line. Anchored at
#: line starts, one pass per line: linear.
#: The marker must come within the first few words of the comment, as comment_marker
#: requires (tags, up to three presenting words): most comments that merely mention
#: "mock" further in never cost a tokenize.
#: Starts at a literal '#' (the engine skips to those quickly); at most seven words are
#: read from each one, and the words cannot contain '#', so the search stays linear even
#: on a line of ``# # # #``.
_COMMENT_PREFILTER = re.compile(
    r"#[:\s]*(?:[\w'\u2019]+[^\w\n]+){0,6}?(?:mock|fake|dummy|stub|simulat|placeholder)",
    re.IGNORECASE)
_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?")

#: Words that label what follows as a stand-in when they open the comment (after a tag).
LABEL_MARKERS = {
    "mock": "mock", "mocked": "mock", "fake": "fake", "faked": "fake", "dummy": "dummy",
    "stub": "stub", "stubbed": "stub", "simulate": "simulated", "simulates": "simulated",
    "simulated": "simulated", "simulating": "simulated", "simulation": "simulated",
    "placeholder": "placeholder",
}
#: Markers too common in honest prose ("simulate the behaviour of dict", "SQL
#: placeholder", "stub for type checkers") to fire unless a data/behaviour word follows.
WEAK_MARKERS = frozenset({
    "simulate", "simulates", "simulated", "simulating", "simulation", "placeholder",
    "stub", "stubbed", "dummy",
})
#: What a stand-in is a stand-in for: data, a result, or work that should really happen.
DATA_WORDS = frozenset({
    "data", "value", "values", "result", "results", "response", "responses", "reply",
    "record", "records", "row", "rows", "user", "users", "customer", "customers", "order",
    "orders", "quote", "quotes", "price", "prices", "payment", "payments", "product",
    "products", "id", "ids", "token", "tokens", "key", "email", "name", "content",
    "payload", "output", "answer", "message", "messages", "event", "events", "item",
    "items", "list", "entry", "entries", "info", "details", "stats", "metrics", "score",
    "scores", "report", "document", "documents", "text", "implementation", "impl",
    "execution", "processing", "process", "work", "delay", "latency", "time", "wait",
    "waiting", "sleep", "network", "api", "call", "calls",
    "query", "queries", "database", "db", "fetch", "lookup", "load", "loading",
    "progress", "success", "failure", "transaction", "transfer", "upload", "download",
    "send", "sending", "delivery", "generation", "inference", "llm", "ai", "model",
    "prediction", "predictions", "analysis", "search", "tool", "tools", "workflow",
    "server", "service", "client", "connection", "now", "until", "later",
})
#: Tags that may open a comment before the label (``# TODO: mock data``).
TAG_WORDS = frozenset({"todo", "fixme", "xxx", "hack", "note", "nb", "temp", "temporary",
                       "tmp", "warning", "for", "now", "just", "only", "currently"})
#: Words that, placed right before the marker, make the comment *say* it is a stand-in.
LEAD_WORDS = frozenset({
    "return", "returns", "returning", "use", "uses", "using", "used", "generate",
    "generates", "generating", "create", "creates", "creating", "build", "builds",
    "send", "sends", "with", "is", "are", "this", "these", "some", "a", "an", "just",
    "only", "here", "temporary", "temp", "still", "currently", "insert", "inject",
    "populate", "fill", "load", "provide", "provides", "serve", "serves", "yield",
    "yields", "emit", "emits", "hardcoded", "hard", "coded", "static", "canned", "add",
    "adds", "fallback", "fall", "back", "to",
})
#: Anything like these before the marker means the comment talks *about* stand-ins
#: ("no mock data", "the mock server is not allowed here", "never fake it").
NEGATIONS = frozenset({
    "no", "not", "never", "without", "don't", "dont", "cannot", "can't", "isn't",
    "aren't", "instead", "avoid", "rather", "nor", "real", "the", "allow", "allows",
    "so", "can", "may", "might", "tests", "test", "testing", "unit", "if", "when",
    "whether", "removed", "remove",
})
_PRAGMA = re.compile(r"^\s*(?:noqa|type:|pragma|pylint:|mypy:|fmt:|isort:|nosec|ruff:)",
                     re.IGNORECASE)


def comment_marker(text: str) -> str | None:
    """What the comment labels its code as (``"mock"``, ``"simulated"``…), or None.

    Fires when a marker word opens the comment (after tags such as ``TODO:``) or follows
    a word that presents it ("return mock data", "this is a fake"), and no negation or
    topic word comes before it. Weak markers also need a data or behaviour word after.
    """
    body = text.lstrip("#").strip()
    if not body or _PRAGMA.match(body):
        return None
    lowered = body.lower()
    words, quoted = [], []
    for match in _WORD.finditer(lowered):
        words.append(match.group(0))
        quoted.append(match.start() > 0 and lowered[match.start() - 1] in "\"'`")
    start = 0
    while start < len(words) and words[start] in TAG_WORDS:
        start += 1
    for index in range(start, len(words)):
        word = words[index]
        label = LABEL_MARKERS.get(word)
        if label is None:
            if word.startswith(("mock", "fake", "dumm", "stub", "simul", "placeholder")):
                # "mocking", "mockable", "fakes", "placeholders": prose about the idea
                return None
            continue
        if quoted[index]:
            return None  # the word itself is the topic: '"mock" family', "`fake`"
        before = words[start:index]
        if len(before) > 3 or any(w in NEGATIONS for w in before) or not all(
                w in LEAD_WORDS for w in before):
            return None
        after = words[index + 1:index + 3]
        if word in WEAK_MARKERS:
            if not any(w in DATA_WORDS for w in after):
                return None
        elif after and not any(w in DATA_WORDS for w in after):
            # "Mock quote ID", "Fake data", a bare "# mock": yes; "fake initial" (a
            # command-line option named in prose), "fake module that..." : no.
            return None
        return label
    return None


def iter_comments(lines: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """``(line, col0, text)`` for every comment token; nothing if tokenizing fails."""
    readline = iter(lines).__next__
    try:
        for token in tokenize.generate_tokens(readline):
            if token.type == tokenize.COMMENT:
                yield token.start[0], token.start[1], token.string
    except (tokenize.TokenError, IndentationError, SyntaxError, StopIteration):
        return


def annotated_line(lines: Sequence[str], line: int, col0: int) -> int:
    """The code line a comment annotates: its own for a trailing comment, else the next
    line of code (blank lines and further comment lines skipped)."""
    if lines[line - 1][:col0].strip():
        return line
    for number in range(line + 1, len(lines) + 1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return line


# --- PRD105: placeholder literals ---------------------------------------------------------

_PLACEHOLDER_PREFILTER = re.compile(
    r"lorem\s+ipsum|\b(?:john|jane)\s+doe\b|[\w.+-]@(?:[\w-]+\.)*example\.(?:com|org|net)\b"
    r"|\b555[-. ]01\d\d\b|^\s*(?:todo|tbd|fixme|replace[-_ ]?me|change[-_ ]?me|x{3,})\s*$",
    re.IGNORECASE)
_PLACEHOLDER_SCAN_LIMIT = 400  # long strings are prose or templates; look at their start

#: Keyword arguments, dict keys and variable-name words whose strings document, prompt
#: or validate: an example address in ``Field(examples=[...])``, an HTML ``placeholder``
#: attribute, argparse ``help=``, a table of values to reject.
DOC_WORDS = frozenset({
    "help", "description", "desc", "doc", "docs", "docstring", "example", "examples",
    "placeholder", "placeholders", "title", "summary", "usage", "epilog", "metavar",
    "hint", "hints", "tooltip", "label", "prompt", "schema", "extra", "openapi",
    "forbidden", "reject", "rejected", "invalid", "blocked", "banned", "denied",
    "deny", "blacklist", "blocklist", "reserved", "known", "sample", "samples", "demo",
    "message", "msg", "pattern", "regex", "comment", "note", "notes",
})
#: Calls whose string arguments are messages, not data.
MESSAGE_CALLS = frozenset({
    "debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log",
    "print", "echo", "secho", "write", "fail", "skip", "compile", "match", "search",
    "fullmatch", "sub", "gettext", "ngettext", "_", "gettext_lazy", "ugettext",
    "format_html", "mark_safe", "add_argument", "add_option", "option", "argument",
})


class PlaceholderDataChecks(Checks):
    codes = frozenset(code for code in registry.RULES if code.startswith("PRD1"))
    handlers = {
        ast.Module: "visit_module",
        ast.Import: "visit_import",
        ast.ImportFrom: "visit_import_from",
        ast.If: "visit_if",
        ast.FunctionDef: "visit_def",
        ast.AsyncFunctionDef: "visit_def",
        ast.ClassDef: "visit_class",
        ast.Assign: "visit_assign",
        ast.AnnAssign: "visit_ann_assign",
        ast.Constant: "visit_constant",
    }

    def __init__(self, ctx: FileContext, lines: Sequence[str], report: Reporter) -> None:
        super().__init__(ctx, lines, report)
        self.type_checking_only: set[int] = set()  # ids of import nodes under TYPE_CHECKING
        self.function_depth_lines: list[tuple[int, int]] = []  # (first, last) of each def
        self.placeholders: list[tuple[ast.Constant, str]] = []
        self.want_imports = bool({"PRD101", "PRD102"} & self.enabled)
        self.want_definitions = "PRD103" in self.enabled
        self.want_placeholders = "PRD105" in self.enabled
        self._root: ast.AST | None = None
        self.multiline_strings: list[tuple[int, int]] = []  # where a '#' is not a comment
        self.docstrings: set[int] = set()

    def visit_module(self, node: ast.Module) -> None:
        self._root = node  # the walk starts here; kept for the rare second look in finish
        self._note_docstring(node)

    def _note_docstring(self, node: ast.AST) -> None:
        # Parents are visited first, so the docstring's Constant is skipped cheaply later.
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            self.docstrings.add(id(body[0].value))

    # -- imports ---------------------------------------------------------------------

    def visit_if(self, node: ast.If) -> None:
        # Imports only a type checker sees bring no fake behaviour at run time.
        if dotted_name(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            for stmt in node.body:
                if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                    self.type_checking_only.add(id(stmt))

    def visit_import(self, node: ast.Import) -> None:
        if not self.want_imports or id(node) in self.type_checking_only:
            return
        for alias in node.names:
            library = test_double_library(alias.name)
            if library == "factory" or (library is None and alias.name == "factory"):
                library = "factory" if self._uses_factory_boy() else None
                if library:
                    self._report_at("PRD101", node, alias, module="factory (factory_boy)")
                continue
            if library:
                self._report_at("PRD101", node, alias, module=alias.name)
            elif marker_word(alias.name):
                self._report_at("PRD102", node, alias, name=alias.name)

    def visit_import_from(self, node: ast.ImportFrom) -> None:
        if not self.want_imports or id(node) in self.type_checking_only:
            return
        module = node.module or ""
        if node.level == 0:
            if module == "unittest" and any(a.name == "mock" for a in node.names):
                self.report("PRD101", node.lineno, node.col_offset, module="unittest.mock")
                return
            library = test_double_library(module)
            if library == "factory" or module == "factory" or module.startswith("factory."):
                if self._is_factory_boy_from(node):
                    self.report("PRD101", node.lineno, node.col_offset,
                                module="factory (factory_boy)")
                return
            if library:
                self.report("PRD101", node.lineno, node.col_offset, module=module)
                return
        if marker_word(module):
            self.report("PRD102", node.lineno, node.col_offset, name="." * node.level + module)
            return
        for alias in node.names:
            if marker_word(alias.name):
                self._report_at("PRD102", node, alias, name=alias.name)

    def _is_factory_boy_from(self, node: ast.ImportFrom) -> bool:
        submodule = (node.module or "").partition(".")[2].partition(".")[0]
        if submodule:
            return submodule in FACTORY_BOY_SUBMODULES
        return any(alias.name in FACTORY_BOY_NAMES for alias in node.names)

    def _uses_factory_boy(self) -> bool:
        return any(_FACTORY_BOY_USE.search(line) for line in self.lines)

    def _report_at(self, code: str, node: ast.stmt, alias: ast.alias, **arguments) -> None:
        # At the statement: ast.alias only has a position from Python 3.10 on, and the
        # column must not depend on the interpreter.
        self.report(code, node.lineno, node.col_offset, **arguments)

    # -- definitions -----------------------------------------------------------------

    def visit_def(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        end = getattr(node, "end_lineno", None) or node.lineno
        self.function_depth_lines.append((node.lineno, end))
        self._note_docstring(node)
        if self.want_definitions and marker_word(node.name) and not self._sentinel_def(node):
            self.report("PRD103", node.lineno, node.col_offset, kind="function", name=node.name)

    def visit_class(self, node: ast.ClassDef) -> None:
        self._note_docstring(node)
        if self.want_definitions and marker_word(node.name) and not self._sentinel_def(node):
            self.report("PRD103", node.lineno, node.col_offset, kind="class", name=node.name)

    @staticmethod
    def _sentinel_def(node: ast.AST) -> bool:
        # ``class _Dummy: pass`` / ``def _dummy(*args): pass``: private no-op objects that
        # libraries use as sentinels or as do-nothing callbacks, not stand-in data.
        return node.name.startswith("_") and _trivial_body(node.body)

    def visit_assign(self, node: ast.Assign) -> None:
        if not self.want_definitions:
            return
        for target in node.targets:
            self._check_target(target, node.value)

    def visit_ann_assign(self, node: ast.AnnAssign) -> None:
        if self.want_definitions and node.value is not None:
            self._check_target(node.target, node.value)

    def _check_target(self, target: ast.AST, value: ast.AST) -> None:
        if isinstance(target, ast.Name):
            name = target.id
        elif isinstance(target, ast.Attribute):
            name = target.attr
        else:
            return
        if marker_word(name) is None or not self._data_value(value, target.lineno):
            return
        self.report("PRD103", target.lineno, target.col_offset, kind="variable", name=name)

    def _data_value(self, value: ast.AST, line: int) -> bool:
        """Is the assigned value made-up data rather than a flag, alias or sentinel?

        ``fake = options["fake"]`` / ``fake_initial = False`` (django's migrate --fake)
        and ``fake_runtime = password is None`` are flags *about* faking; a local
        ``fake_tb = fake_traceback(...)`` is a library building an object on purpose.
        Data is a literal, or, outside functions, a constructed object
        (``fake_runtime = LocalRuntime()``).
        """
        if isinstance(value, ast.Constant):
            return not isinstance(value.value, bool) and value.value not in (None, Ellipsis)
        if isinstance(value, (ast.Dict, ast.List, ast.Tuple, ast.Set)):
            # An empty local container is an accumulator filled below.
            return bool(_container_items(value)) or not self._inside_function(line)
        if isinstance(value, (ast.JoinedStr, ast.ListComp, ast.DictComp, ast.SetComp)):
            return True
        if isinstance(value, ast.Call):
            return not _is_sentinel_value(value) and not self._inside_function(line)
        return False

    def _inside_function(self, line: int) -> bool:
        return any(first < line <= last for first, last in self.function_depth_lines)

    # -- placeholder literals --------------------------------------------------------

    def visit_constant(self, node: ast.Constant) -> None:
        value = node.value
        if not isinstance(value, (str, bytes)):
            return
        end = getattr(node, "end_lineno", None)
        if end is not None and end != node.lineno:
            self.multiline_strings.append((node.lineno, end))
        if not self.want_placeholders or not isinstance(value, str) or len(value) < 3 or (
                id(node) in self.docstrings):
            return
        if len(value) > 12 and "@" not in value and " " not in value and "555" not in value:
            return  # no placeholder kind can match: spare the regex
        match = _PLACEHOLDER_PREFILTER.search(value[:_PLACEHOLDER_SCAN_LIMIT])
        if match:
            self.placeholders.append((node, match.group(0)))

    def finish(self) -> None:
        if "PRD104" in self.enabled:
            self._check_comments()
        if self.placeholders and self._root is not None:
            self._check_placeholders()

    def _check_comments(self) -> None:
        source = "".join(self.lines)
        numbers = set()
        for match in _COMMENT_PREFILTER.finditer(source):
            numbers.add(source.count("\n", 0, match.start()) + 1)
        if not numbers:
            return
        comments = self._comments_on(sorted(numbers))
        if comments is None:
            comments = list(iter_comments(self.lines))
        reported = set()
        for line, col, text in comments:
            marker = comment_marker(text)
            if marker is None:
                continue
            target = annotated_line(self.lines, line, col)
            if target in reported:
                continue
            reported.add(target)
            code_line = self.lines[target - 1]
            indent = len(code_line) - len(code_line.lstrip())
            comment = text.lstrip("#").strip().split("  #")[0]
            if len(comment) > 60:
                comment = comment[:57] + "..."
            self.report("PRD104", target, indent, marker=marker, comment=comment)

    def _comments_on(self, numbers: list[int]) -> list | None:
        """Comments of the given lines, tokenizing only those lines; None when a line
        cannot be read alone (inside a multi-line string, a line the tokenizer rejects
        out of context) and the whole file must be tokenized instead."""
        found = []
        for number in numbers:
            if any(first <= number <= last for first, last in self.multiline_strings):
                return None
            comments = list(iter_comments([self.lines[number - 1]]))
            if not comments:
                return None
            found.extend((number, col, text) for _, col, text in comments)
        return found

    def _check_placeholders(self) -> None:
        parents = _parent_map(self._root, [node for node, _ in self.placeholders])
        for node, matched in self.placeholders:
            if _documentation_context(node, parents) or _vocabulary_member(
                    node, matched, parents) or _INTRODUCES_EXAMPLE.search(node.value):
                continue
            self.report("PRD105", node.lineno, node.col_offset,
                        kind=_placeholder_kind(matched, node.value))


_ADDRESS = re.compile(r"[\w.+-]{1,64}@(?:[\w-]+\.)*example\.(?:com|org|net)", re.IGNORECASE)


def _placeholder_kind(matched: str, value: str) -> str:
    lowered = matched.lower()
    if "lorem" in lowered:
        return "filler text ('lorem ...')"
    if "doe" in lowered:
        return f"sample person {matched.strip()!r}"
    if "example." in lowered:
        address = _ADDRESS.search(value[:_PLACEHOLDER_SCAN_LIMIT])
        return f"example address {(address.group(0) if address else matched)!r}"
    if "555" in lowered:
        return f"fictional phone number {matched.strip()!r}"
    return f"to-be-replaced marker {matched.strip()!r}"


def _parent_map(tree: ast.AST, targets: list[ast.AST]) -> dict[int, ast.AST]:
    """Parents of the ``targets`` and of their ancestors only.

    Descends from the root into the subtrees whose line range can hold a target, instead
    of walking the whole tree a second time.
    """
    lines = {node.lineno for node in targets}
    wanted = {id(node) for node in targets}
    parents: dict[int, ast.AST] = {}
    stack = [tree]
    while stack:
        parent = stack.pop()
        for child in ast.iter_child_nodes(parent):
            first = getattr(child, "lineno", None)
            last = getattr(child, "end_lineno", None)
            if first is not None and last is not None and not any(
                    first <= line <= last for line in lines):
                continue
            parents[id(child)] = parent
            if id(child) not in wanted:
                stack.append(child)
    return parents


def _words_say_documentation(name: str) -> bool:
    return any(word in DOC_WORDS for word in name_words(name))


#: Prose that introduces an example ("RPM packager (eg. "Jane Doe <jane@example.net>")").
_INTRODUCES_EXAMPLE = re.compile(r"\be\.?g\.|\bi\.e\.|for example|such as|\[default",
                                 re.IGNORECASE)


def _vocabulary_member(node: ast.AST, matched: str, parents: dict[int, ast.AST]) -> bool:
    """``{"todo", "fixme", "xxx"}``: a marker word inside a collection literal is a
    vocabulary (a lexer's keywords, a table of values to reject), not a value in use."""
    if "@" in matched or "555" in matched or " " in matched.strip():
        return False
    return isinstance(parents.get(id(node)), (ast.Set, ast.List, ast.Tuple))


def _documentation_context(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """True when the literal documents, prompts, validates or messages rather than
    being data: a docstring or bare string, a comparison operand, a log/exception
    message, an example in a schema, an argument of a regex call, a credential that PRD2xx
    reports. A placeholder in a credential slot (``API_KEY = "REPLACE_ME"``) is no secret
    to PRD2xx; it is an unfilled placeholder, reported here."""
    secret = isinstance(node, ast.Constant) and is_secret_value(node.value)
    child = node
    parent = parents.get(id(child))
    while parent is not None:
        if isinstance(parent, ast.Expr):
            return True  # docstring or a string used as a comment
        if isinstance(parent, (ast.Compare, ast.Raise, ast.Assert, ast.JoinedStr)):
            return True
        if isinstance(parent, ast.Subscript) and parent.value is not child:
            return True  # a key looked up (``getters["todo"]``), not a value
        if isinstance(parent, ast.keyword) and parent.arg and (
                _words_say_documentation(parent.arg)
                or secret and is_credential_keyword(parent.arg)):
            return True
        if isinstance(parent, ast.Call):
            name = dotted_name(parent.func).rpartition(".")[2]
            if name in MESSAGE_CALLS or name.endswith(("Error", "Exception", "Warning")):
                return True
        if isinstance(parent, ast.Dict):
            if any(key is child for key in parent.keys):
                return True
            for key, value in zip(parent.keys, parent.values):
                if value is child and isinstance(key, ast.Constant) and isinstance(
                        key.value, str) and (_words_say_documentation(key.value)
                                             or secret and is_secret_name(key.value)):
                    return True
        if isinstance(parent, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
            for target in targets:
                name = target.id if isinstance(target, ast.Name) else getattr(target, "attr", "")
                if name and (_words_say_documentation(name)
                             or secret and is_secret_name(name)):
                    return True
            return False
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.arguments)):
            if isinstance(parent, ast.arguments):
                return _default_of_documenting_parameter(child, parent, secret)
            return False
        if isinstance(parent, (ast.stmt, ast.Lambda)):
            return False
        child, parent = parent, parents.get(id(parent))
    return False


def _default_of_documenting_parameter(default: ast.AST, arguments: ast.arguments,
                                      secret: bool) -> bool:
    positional = arguments.posonlyargs + arguments.args
    for arg, value in zip(positional[len(positional) - len(arguments.defaults):],
                          arguments.defaults):
        if value is default:
            return _words_say_documentation(arg.arg) or secret and is_credential_keyword(arg.arg)
    for arg, value in zip(arguments.kwonlyargs, arguments.kw_defaults):
        if value is default:
            return _words_say_documentation(arg.arg) or secret and is_credential_keyword(arg.arg)
    return False
