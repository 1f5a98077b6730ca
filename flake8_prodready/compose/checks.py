"""The PRD4xx checks on one compose file or one env file.

What is a credential name and what is a secret value is decided by
:mod:`flake8_prodready.secretness` (shared with the Python rules); this module only knows
where compose puts values: ``environment:`` (map and ``KEY=value`` list forms),
``build.args``, ``x-`` extension blocks, interpolation defaults, URLs, and the words of
``command:``, ``entrypoint:`` and ``healthcheck.test``.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from functools import lru_cache
from typing import Iterable, Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .. import registry
from ..findings import Finding, hint
from ..noqa import suppresses
from ..secretness import (AUTH_WORDS, SECRET_VARIABLES, is_credential_keyword,
                          is_secret_setting, is_secret_setting_name, name_words,
                          url_passwords)
from . import envfile, interpolation
from .yamlmarks import Graph, Lines, YamlProblem, compose_documents, position

SERVICE_FIELDS = frozenset({"environment", "build", "command", "entrypoint", "healthcheck"})
SECRET_CODES = frozenset({"PRD402", "PRD403", "PRD404", "PRD405", "PRD406"})
COMPOSE_SECRET_CODES = frozenset({"PRD402", "PRD403", "PRD404", "PRD405"})
NULL_TAG = "tag:yaml.org,2002:null"

# detect-secrets' inline allowlisting, honoured for the secret codes.
ALLOWLIST = re.compile(r"pragma: allowlist secret", re.IGNORECASE)
ALLOWLIST_NEXT_LINE = re.compile(r"pragma: allowlist nextline secret", re.IGNORECASE)

#: ``user/password`` and ``user:password`` (NEO4J_AUTH=neo4j/password, curl -u a:b).
_AUTH_PAIR = re.compile(r"^([^\s/:]+)[/:](\S+)$")
_ASSIGNMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_.-]*)=")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
#: Names of references with a default (a prefilter; the parser has the last word).
_DEFAULT_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*):?-")
# Shell words: separators (; | & and parentheses) are their own tokens; quotes only
# delimit (a password containing a quote or ";" is cut there, which is harmless).
_SHELL_TOKEN = re.compile(r"(?P<sep>[;|&()`\n]+)|(?P<word>[^\s'\";|&()`]+)")

SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh", "ksh"})
#: Commands that run the next word as the command (``exec``, ``env PGPASSWORD=x psql``).
WRAPPERS = frozenset({"exec", "env", "export", "sudo", "nohup", "time", "command", "nice",
                      "tini", "dumb-init", "--"})
#: Commands are read up to this many characters (real ones are a few hundred; a
#: megabyte-long generated command would otherwise cost a second of tokenising).
MAX_COMMAND_TEXT = 65536
#: The healthcheck's leading word (``["CMD-SHELL", "..."]``).
HEALTHCHECK_MARKERS = frozenset({"CMD", "CMD-SHELL", "NONE"})
MYSQL_TOOLS = frozenset({
    "mysql", "mysqladmin", "mysqldump", "mysqlcheck", "mysqlimport", "mysqlshow",
    "mysqlpump", "mysqlslap", "mysqlbinlog", "mariadb", "mariadb-admin", "mariadb-dump",
    "mariadb-check", "mariadb-import", "mariadb-show", "mariadb-slap", "healthcheck.sh",
})
#: Short options that take a password as the *next* word, per tool. (mysql's ``-p`` is
#: different: ``-p secret`` prompts and selects database "secret"; only ``-psecret`` is a
#: password, handled apart.)
SHORT_PASSWORD_OPTIONS = {
    "redis-cli": "a", "valkey-cli": "a", "keydb-cli": "a",
    "cypher-shell": "p", "mongo": "p", "mongosh": "p", "mongodump": "p",
    "mongorestore": "p", "mongoexport": "p", "mongoimport": "p", "mongostat": "p",
    "rabbitmqadmin": "p", "sqlcmd": "P", "clickhouse-client": "p", "influx": "p",
}
#: ``-u user:password`` clients.
USER_PAIR_TOOLS = frozenset({"curl"})
#: Long options named like nothing in the credential vocabulary that still take one.
SECRET_FLAGS = frozenset({"requirepass", "masterauth", "pass", "passwd", "auth-pass"})


_SECRET_NAMES: dict[str, bool] = {}


def secret_name(name: str) -> bool:
    """is_secret_setting_name, memoised: a compose tree repeats its variable names."""
    known = _SECRET_NAMES.get(name)
    if known is None:
        if len(_SECRET_NAMES) > 20000:
            _SECRET_NAMES.clear()
        known = _SECRET_NAMES[name] = is_secret_setting_name(name)
    return known


@lru_cache(maxsize=1024)  # many findings on one long line hash it once, not once each
def fingerprint(code: str, line_text: str) -> str:
    return hashlib.sha256(f"{code}:{line_text.strip()}".encode("utf-8", "replace")
                          ).hexdigest()[:16]


def is_suppressed(lines: Sequence[str], line: int, code: str) -> bool:
    """``# noqa`` / ``# pragma: allowlist secret`` on the reported line (1-based)."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if "#" in text:
        if suppresses(text, code):
            return True
        if code in SECRET_CODES and ALLOWLIST.search(text):
            return True
    if code in SECRET_CODES and line >= 2 and ALLOWLIST_NEXT_LINE.search(lines[line - 2]):
        return True
    return False


class Reporter:
    """Collects findings for one file: enabled codes only, one per position and code,
    ``noqa`` honoured."""

    def __init__(self, path: str, lines: Sequence[str], enabled: Iterable[str]) -> None:
        self.path = path
        self.lines = lines
        self.enabled = frozenset(enabled)
        self._found: dict[tuple[int, int, str], Finding | None] = {}

    def wants(self, code: str) -> bool:
        return code in self.enabled

    def add(self, code: str, line: int, col: int, **message: object) -> None:
        if code not in self.enabled:
            return
        key = (line, col, code)
        if key in self._found:
            return
        if is_suppressed(self.lines, line, code):
            self._found[key] = None
            return
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        self._found[key] = Finding(self.path, line, col, code,
                                   registry.get(code).format(**message),
                                   fingerprint(code, text))

    def discard(self, code: str, line: int, col: int) -> None:
        self._found.pop((line, col, code), None)

    def findings(self) -> list[Finding]:
        return sorted(finding for finding in self._found.values() if finding is not None)


@lru_cache(maxsize=2048)
def is_auth_only(name: str) -> bool:
    """A name that is a credential only through an auth word (``NEO4J_AUTH``,
    ``AUTH_SERVER``, ``--authenticationDatabase``): its value is a ``user/password`` pair,
    an auth scheme or a setting, so only a pair's password part can be the secret.
    ``AUTH_TOKEN`` and ``AUTH_SECRET`` are credentials in their own right, and
    ``REDISCLI_AUTH`` is a client's password variable."""
    if name.upper() in SECRET_VARIABLES:
        return False
    words = name_words(name)
    if not any(word in AUTH_WORDS for word in words):
        return False
    rest = [word for word in words if word not in AUTH_WORDS]
    return not rest or not is_credential_keyword("_".join(rest))


def secret_part(name: str, value: str) -> tuple[str, int] | None:
    """The secret in ``value`` assigned to ``name`` and its offset, or None.

    ``NEO4J_AUTH=neo4j/password``: the auth pair's password part is judged, because the
    pair as a whole looks like a path; ``AUTH_SERVER=keycloak`` is not a secret.
    """
    if is_auth_only(name):
        match = _AUTH_PAIR.match(value)
        if match and is_secret_setting(match.group(2)):
            return match.group(2), match.start(2)
        return None
    if is_secret_setting(value):
        return value, 0
    return None


# --- compose files ----------------------------------------------------------------------

class ComposeChecker:
    """Checks every document of one compose file; ``version_spans`` collects what
    ``--fix`` may remove."""

    def __init__(self, reporter: Reporter, lines: Sequence[str]) -> None:
        self.report = reporter
        self.lines = lines
        #: ``(key, value)`` nodes of each top-level ``version`` key.
        self.version_keys: list[tuple[ScalarNode, Node]] = []
        # Nodes already checked: an aliased block is checked once, at the place where
        # it is written, however many services or other blocks share it.
        self._commands_seen: set[int] = set()
        self._services_seen: set[int] = set()
        self._variables_seen: set[int] = set()
        self._extensions_seen: set[int] = set()
        self.scan_needed = True

    def check_text(self, text: str) -> None:
        self.scan_needed = self.values_may_leak(text)
        if not text.strip():
            self.report.add("PRD902", 1, 1, reason="empty file: a compose file needs at "
                            "least a 'services' mapping")
            return
        try:
            documents = compose_documents(text)
        except YamlProblem as problem:
            self.report.add("PRD902", problem.line, problem.col, reason=problem.reason)
            return
        if not documents:
            self.report.add("PRD902", 1, 1, reason="no YAML document in the file (only "
                            "comments)")
        for root in documents:
            self.check_document(root)

    def check_document(self, root: Node) -> None:
        if not isinstance(root, MappingNode):
            kind = "a list" if isinstance(root, SequenceNode) else "a single value"
            line, col = root.start_mark.line + 1, root.start_mark.column + 1
            self.report.add("PRD902", line, col,
                            reason=f"the root of a compose file must be a mapping, not {kind}")
            return
        for key, value in root.value:
            if isinstance(key, ScalarNode) and key.value == "version":
                self.version_keys.append((key, value))
                self.report.add("PRD401", key.start_mark.line + 1, key.start_mark.column + 1)
        if not COMPOSE_SECRET_CODES & self.report.enabled:
            return
        graph = Graph()
        services = graph.get(root, "services")
        if isinstance(services, MappingNode):
            for name, service in graph.pairs(services):
                if isinstance(service, MappingNode) and id(service) not in self._services_seen:
                    self._services_seen.add(id(service))
                    self.check_service(graph, str(name.value), service)
        for key, value in graph.pairs(root):
            if key.__class__ is ScalarNode and key.value.startswith("x-"):
                self.check_extension(key, value)
        if self.scan_needed:
            self.scan_values(root)

    def values_may_leak(self, text: str) -> bool:
        """A text-level prefilter for :meth:`scan_values`: could any value hold a URL
        with a literal password (PRD404), or a default of a secret-named reference, or a
        default directly under a secret-named key (PRD403)? Both tests over-approximate
        the node-level checks, so skipping the walk when they fail loses nothing."""
        if self.report.wants("PRD404") and "@" in text:
            scheme = text.find("://")
            while scheme >= 0:  # each URL's line, not the whole text, goes to the regex
                start = text.rfind("\n", 0, scheme) + 1
                end = text.find("\n", scheme)
                line = text[start:end if end >= 0 else len(text)]
                if "@" in line and url_passwords(line.replace("$$", "S_")):
                    return True
                scheme = text.find("://", end) if end >= 0 else -1
        if not self.report.wants("PRD403") or "${" not in text:
            return False
        for match in _DEFAULT_REFERENCE.finditer(text):
            name = match.group(1)
            if secret_name(name):
                return True
            # The key is on the same line, or on the line before for a value written
            # below its key ("KEY:\n  ${VAR:-default}"); an anchor or a tag may sit
            # between, hence the last three words.
            # Only a reference right after a key (a space, "=", a quote or a line break
            # before it) can be a whole value; a nested "${A:-${B:-..." is not. Searches
            # are bounded to a window: on a megabyte-long line, scanning back to its
            # start for every reference would be quadratic.
            start = match.start()
            if start and text[start - 1] not in " \t\n\"'=":
                continue
            window = max(0, start - 120)
            line_start = text.rfind("\n", window, start) + 1 or window
            prefix = text[line_start:start]
            if not prefix.strip() and line_start > 0:
                window = max(0, line_start - 121)
                previous = text.rfind("\n", window, line_start - 1) + 1 or window
                prefix = text[previous:line_start]
            for word in _WORD.findall(prefix)[-3:]:
                if word != name and secret_name(word):
                    return True
        return False

    def scan_values(self, root: Node) -> None:
        """PRD403 and PRD404 on every scalar used as a value, each container visited once
        (aliases share nodes). Cheap substring tests come first: most values have neither
        a ``${...-`` nor a ``://...@``. (The hottest loop of the hook: kept flat.)"""
        interpolations = self.report.wants("PRD403")
        urls = self.report.wants("PRD404")
        hits: list[tuple[ScalarNode, str | None]] = []
        seen = {id(root)}
        stack: list[Node] = [root]
        while stack:
            node = stack.pop()
            if node.__class__ is MappingNode:
                pairs = node.value
            elif node.__class__ is SequenceNode:
                pairs = [(None, item) for item in node.value]
            else:  # a scalar root
                pairs = [(None, node)]
            for key, value in pairs:
                if value.__class__ is ScalarNode:
                    text = value.value
                    if ("${" in text and "-" in text) or ("://" in text and "@" in text):
                        hits.append((value, key.value if key.__class__ is ScalarNode
                                     else None))
                elif id(value) not in seen:
                    seen.add(id(value))
                    stack.append(value)
        for scalar, context in hits:
            text = scalar.value
            if interpolations and "${" in text and "-" in text:
                self.check_interpolation(scalar, context)
            if urls and "://" in text and "@" in text:
                self.check_urls(scalar)

    # -- services --

    def check_service(self, graph: Graph, name: str, service: MappingNode) -> None:
        fields: dict[str, Node] = {}
        for key, value in graph.pairs(service):  # one pass; the last duplicate wins
            if key.__class__ is ScalarNode and key.value in SERVICE_FIELDS:
                fields[key.value] = value
        if "environment" in fields:
            self.check_variables(graph, fields["environment"])
        build = fields.get("build")
        if build.__class__ is MappingNode:
            self.check_variables(graph, graph.get(build, "args"))
        for field in ("command", "entrypoint"):
            if field in fields:
                self.check_command(fields[field], f"the {field} of service '{name}'")
        test = graph.get(fields.get("healthcheck"), "test")
        if test is not None:
            self.check_command(test, f"the healthcheck of service '{name}'")

    def check_variables(self, graph: Graph, node: Node | None) -> None:
        """``environment:`` or ``build.args``, in map or ``KEY=value`` list form."""
        if node is None or id(node) in self._variables_seen:
            return
        self._variables_seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in graph.pairs(node):
                if value.__class__ is ScalarNode and value.tag != NULL_TAG \
                        and key.__class__ is ScalarNode and secret_name(key.value):
                    self.check_assignment(key.value, value, 0, value.value)
        elif isinstance(node, SequenceNode):
            for item in node.value:
                if item.__class__ is ScalarNode:
                    self.check_list_item(item)

    def check_list_item(self, item: ScalarNode) -> None:
        match = _ASSIGNMENT.match(item.value)
        if match and secret_name(match.group(1)):  # "- KEY" alone is a pass-through
            self.check_assignment(match.group(1), item, match.end(), item.value[match.end():])

    def check_extension(self, key: ScalarNode, block: Node) -> None:
        """An ``x-`` block: its secret-named values, wherever they are merged or not."""
        if isinstance(block, ScalarNode):
            if block.tag != NULL_TAG:
                self.check_assignment(key.value, block, 0, block.value)
            return
        seen = self._extensions_seen  # shared by all x- blocks: chains of merges are linear
        stack = [block]
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, MappingNode):
                for item_key, value in node.value:
                    if isinstance(value, ScalarNode):
                        if isinstance(item_key, ScalarNode) and value.tag != NULL_TAG:
                            self.check_assignment(item_key.value, value, 0, value.value)
                    else:
                        stack.append(value)
            elif isinstance(node, SequenceNode):
                for item in node.value:
                    if isinstance(item, ScalarNode):
                        self.check_list_item(item)
                    else:
                        stack.append(item)

    def check_assignment(self, name: str, node: ScalarNode, offset: int, value: str) -> None:
        """``name: value`` / ``name=value``: PRD402 for a literal secret."""
        if not value or not secret_name(name):
            return
        decoded = value
        if "$" in value:
            if interpolation.has_references(value):
                return  # a reference; its default, if any, is PRD403's business
            decoded = interpolation.decode(value)
        found = secret_part(name, decoded)
        if found is None:
            return
        line, col = position(node, self.lines, offset)
        self.report.add("PRD402", line, col, name=name, hint=hint(found[0]))

    # -- every value --

    def check_interpolation(self, scalar: ScalarNode, context: str | None) -> None:
        """PRD403: ``${SECRET:-literal}`` / ``${SECRET-literal}``, nested defaults too."""
        text, base = scalar.value, 0
        if context is None:
            match = _ASSIGNMENT.match(text)
            if match:
                context, base = match.group(1), match.end()
                text = text[base:]
        names = _DEFAULT_REFERENCE.findall(text)
        if not names or not (any(secret_name(name) for name in names)
                             or (context and secret_name(context))):
            return
        segments = interpolation.parse(text)
        whole = len(segments) == 1 and isinstance(segments[0], interpolation.Reference)
        for reference, depth in interpolation.references(segments):
            if not reference.has_default:
                continue
            if not (secret_name(reference.name) or (
                    whole and depth == 0 and context and secret_name(context))):
                continue
            for literal in interpolation.literal_defaults(reference):
                if is_secret_setting(literal.text):
                    line, col = position(scalar, self.lines, base + literal.start)
                    self.report.add("PRD403", line, col, name=reference.name,
                                    hint=hint(literal.text))

    def check_urls(self, scalar: ScalarNode) -> None:
        """PRD404: ``scheme://user:literal@host``. ``$$`` is a literal dollar, so the
        probe hides it from url_passwords' "it is a reference" test."""
        text = scalar.value
        probe = text.replace("$$", "S_") if "$$" in text else text
        for password, offset in url_passwords(probe):
            real = interpolation.decode(text[offset:offset + len(password)])
            line, col = position(scalar, self.lines, offset)
            self.report.add("PRD404", line, col, hint=hint(real))

    # -- commands --

    def check_command(self, node: Node, where: str) -> None:
        """PRD405 over the words of a string or list command (shell strings inside a
        list, such as ``["CMD-SHELL", "mysqladmin ping -psecret"]``, are split too)."""
        if id(node) in self._commands_seen:
            return
        self._commands_seen.add(id(node))
        if isinstance(node, ScalarNode):
            items = [node]
        elif isinstance(node, SequenceNode):
            items = [item for item in node.value if isinstance(item, ScalarNode)]
        else:
            return
        tokens = []
        budget = MAX_COMMAND_TEXT
        for item in items:
            if budget <= 0:
                break
            for match in _SHELL_TOKEN.finditer(item.value, 0, budget):
                tokens.append((match.lastgroup, match.group(), item, match.start()))
            tokens.append(("end", "", item, 0))  # list items are separate words
            budget -= len(item.value)
        CommandScanner(self, where).scan(tokens)

    def report_command_secret(self, where: str, item: ScalarNode, offset: int,
                              secret: str) -> None:
        line, col = position(item, self.lines, offset)
        self.report.add("PRD405", line, col, where=where, hint=hint(secret))


class CommandScanner:
    """A small state machine over shell words: which command is running, and which of
    its arguments carry a password."""

    def __init__(self, checker: ComposeChecker, where: str) -> None:
        self.checker = checker
        self.where = where
        self.expect_command = True
        self.tool = ""
        self.pending: str | None = None  # the option whose value is the next word

    def scan(self, tokens: list) -> None:
        for kind, text, item, offset in tokens:
            if kind == "end":
                continue
            if kind == "sep":
                self.expect_command, self.tool, self.pending = True, "", None
                continue
            self.word(text, item, offset)

    def judge(self, name: str, value: str, item: ScalarNode, offset: int,
              pair_only: bool = False) -> None:
        if not value or "$" in value or value.startswith("-"):
            return  # a compose or shell variable: resolved at run time
        if pair_only:
            match = _AUTH_PAIR.match(value)
            if match and ":" in value and is_secret_setting(match.group(2)):
                self.checker.report_command_secret(self.where, item,
                                                   offset + match.start(2), match.group(2))
            return
        found = secret_part(name, value)
        if found is not None:
            self.checker.report_command_secret(self.where, item, offset, found[0])

    def word(self, text: str, item: ScalarNode, offset: int) -> None:
        if self.pending is not None:
            option, self.pending = self.pending, None
            if not text.startswith("-"):
                self.judge(option, text, item, offset,
                           pair_only=option.lower() == "user" and self.tool in USER_PAIR_TOOLS)
                return
        if self.expect_command:
            assignment = _ASSIGNMENT.match(text)
            if assignment:  # PGPASSWORD=secret psql ...
                name = assignment.group(1)
                if secret_name(name):
                    self.judge(name, text[assignment.end():], item,
                               offset + assignment.end())
                return
            if text in HEALTHCHECK_MARKERS:
                return
            tool = posixpath.basename(text).lower()
            if tool in WRAPPERS:
                return
            self.tool, self.expect_command = tool, False
            return
        if text == "-c" and self.tool in SHELLS:
            self.expect_command = True  # sh -c "the command"
            return
        if text.startswith("--"):
            option, equals, value = text[2:].partition("=")
            option_lower = option.lower()
            takes_secret = (option_lower in SECRET_FLAGS or is_credential_keyword(option)
                            or (option_lower == "user" and self.tool in USER_PAIR_TOOLS))
            if takes_secret:
                if equals:
                    self.judge(option, value, item, offset + 3 + len(option),
                               pair_only=option_lower == "user")
                else:
                    self.pending = option
            return
        if text.startswith("-") and len(text) >= 2:
            letter, attached = text[1], text[2:]
            if self.tool in MYSQL_TOOLS and letter == "p" and attached:
                self.judge("password", attached, item, offset + 2)
            elif self.tool in USER_PAIR_TOOLS and letter == "u":
                if attached:
                    self.judge("user", attached, item, offset + 2, pair_only=True)
                else:
                    self.pending = "user"
            elif SHORT_PASSWORD_OPTIONS.get(self.tool) == letter:
                if attached:
                    self.judge("password", attached, item, offset + 2)
                else:
                    self.pending = "password"


def check_compose(path: str, text: str, enabled: Iterable[str]) -> tuple[
        list[Finding], list[tuple[ScalarNode, Node]], Sequence[str]]:
    """Findings for one compose file, the top-level ``version`` pairs, and the lines."""
    lines = Lines(text)
    reporter = Reporter(path, lines, enabled)
    checker = ComposeChecker(reporter, lines)
    checker.check_text(text)
    return reporter.findings(), checker.version_keys, lines


# --- env files ---------------------------------------------------------------------------

TEMPLATE_NAMES = frozenset({".env.example", ".env.sample", ".env.template", ".env.tpl",
                            ".env.dist", "example.env", "sample.env", "template.env"})
TEMPLATE_SUFFIXES = (".example", ".sample", ".template", ".tpl", ".dist")


def is_env_template(name: str) -> bool:
    lowered = name.lower()
    return lowered in TEMPLATE_NAMES or lowered.endswith(TEMPLATE_SUFFIXES)


def check_env(path: str, text: str, enabled: Iterable[str]) -> list[Finding]:
    lines = text.splitlines()
    reporter = Reporter(path, lines, enabled)
    entries, bad_lines = envfile.parse(text)
    for bad in bad_lines:
        reporter.add("PRD902", bad.line, bad.col, reason=bad.reason)
    if not SECRET_CODES & reporter.enabled:
        return reporter.findings()
    template = is_env_template(posixpath.basename(path.replace("\\", "/")))
    message = {"kind": "env template" if template else "committed env file",
               "advice": "leave it empty or write a placeholder" if template
               else "set it in the deployment environment or a secret store"}
    for entry in entries:
        value = entry.value
        if not value:
            continue
        if "://" in value and "@" in value:
            for password, offset in url_passwords(value):
                line, col = _env_position(entry, offset)
                reporter.add("PRD404", line, col, hint=hint(password))
        if not secret_name(entry.name):
            continue
        if entry.quote != "'" and "$" in value and interpolation.has_references(value):
            for reference, _ in interpolation.references(interpolation.parse(value)):
                for literal in interpolation.literal_defaults(reference):
                    if is_secret_setting(literal.text):
                        line, col = _env_position(entry, literal.start)
                        reporter.add("PRD406", line, col, name=entry.name,
                                     hint=hint(literal.text), **message)
            continue
        found = secret_part(entry.name, value)
        if found is not None:
            reporter.add("PRD406", entry.line, entry.col, name=entry.name,
                         hint=hint(found[0]), **message)
    return reporter.findings()


def _env_position(entry: envfile.Entry, offset: int) -> tuple[int, int]:
    if "\n" in entry.value[:offset]:
        return entry.line, entry.col
    return entry.line, entry.col + offset
