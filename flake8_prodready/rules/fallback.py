"""PRD3xx: fallback data on error, silenced errors, fake success.

The line this family draws (DESIGN.md): a broad handler that *tells its caller about the
failure* is honest error handling; one that *hides the failure behind data that looks
real* is fallback data. So a handler is judged by what it hands back, not by the fact
that it catches ``Exception``: that is what makes pylint's W0718 and ruff's BLE001 fire
on every legitimate health check, error payload and CLI exit status.

Handlers run on ``ExceptHandler`` (``except`` and ``except*``) and ``With`` nodes, which
are rare; each inspects its own small subtree.
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Sequence

from .. import registry
from ..context import FileContext
from ..secretness import name_words
from . import Checks, Reporter, dotted_name

BROAD = frozenset({"Exception", "BaseException", "builtins.Exception",
                   "builtins.BaseException"})

#: Calls that leave a trace of the failure (a log line, a warning, an error report).
LOG_METHODS = frozenset({
    "debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log",
    "print_exc", "print_exception", "format_exc", "capture_exception", "capture_message",
    "captureException", "report_exception", "notify", "handle_error", "handleError",
    "write_error", "log_exception", "logException", "record_exception",
})
#: Calls that end the request or the process: as good as raising.
EXIT_CALLS = frozenset({"exit", "_exit", "abort", "fail", "die", "panic"})

#: Names of functions whose job is a yes/no answer: False/None from their handler *is*
#: the honest answer ("is the database reachable? no").
_YES_NO_NAME = re.compile(
    r"^_*(?:is|has|have|can|could|should|check|validate|verify|exists?|ping|supports?"
    r"|allow(?:s|ed)?|contains|are|was|does|did|needs?|must|test|probe|health|healthy"
    r"|ready|alive|available|reachable|accessible|writable|readable|connected|valid)"
    r"(?:_|$|[A-Z])"
    r"|health|alive|ready|available|reachable|valid|exists|installed|supported|enabled"
    r"|connected|online|running|__(?:eq|ne|lt|le|gt|ge|contains|bool|instancecheck"
    r"|subclasscheck)__", re.IGNORECASE)
#: CLI entry points: a non-zero int from their handler is an exit status.
_MAIN_NAME = re.compile(r"^_*(?:main|cli|run|command|entry_?point|execute|handle)(?:_|$)",
                        re.IGNORECASE)
#: Payload keys and values that carry an error to the caller.
ERROR_KEYS = frozenset({"error", "errors", "err", "exception", "exc", "failure",
                        "failed", "error_message", "error_code", "detail", "details",
                        "reason", "traceback"})
ERROR_STATUS = frozenset({"error", "errors", "failed", "failure", "fail", "unhealthy",
                          "down", "degraded", "unavailable", "ko", "not ok", "critical",
                          "unknown", "timeout", "offline", "dead", "invalid"})
SUCCESS_STATUS = frozenset({"success", "successful", "succeeded", "ok", "okay",
                            "healthy", "completed", "complete", "done", "sent", "saved",
                            "created", "updated", "deleted", "processed", "accepted",
                            "delivered", "up", "passed", "pass", "valid", "active"})
STATUS_KEYS = frozenset({"status", "state", "result", "outcome", "health"})
SUCCESS_FLAGS = frozenset({"success", "ok", "succeeded", "healthy", "valid", "passed"})
#: Words in a returned name or called function that say "stand-in value".
FALLBACK_WORDS = frozenset({"fallback", "fake", "mock", "dummy", "stub", "placeholder",
                            "default", "defaults", "empty", "blank", "canned"})
#: Calls that build an empty value.
EMPTY_CALLS = frozenset({"list", "dict", "tuple", "set", "frozenset", "str", "bytes",
                         "int", "float", "bool", "OrderedDict", "defaultdict", "deque",
                         "Counter"})
#: Calls a try body may consist of for its broad handler to be best-effort cleanup.
CLEANUP_CALLS = frozenset({
    "close", "aclose", "shutdown", "unlink", "remove", "rmtree", "rmdir", "kill",
    "terminate", "cancel", "release", "disconnect", "cleanup", "clean_up", "dispose",
    "stop", "join", "wait", "flush", "delete", "destroy", "detach", "unregister",
    "remove_handler", "removeHandler", "unsubscribe", "reset", "clear", "discard",
    "send_signal", "close_all", "closeall", "quit", "logout", "exit",
})
#: Methods whose whole job is best-effort teardown: a failure there has nowhere to go.
#: ``__repr__``/``__str__`` must not raise either (a failing repr breaks the very error
#: message that would report the failure).
CLEANUP_FUNCTIONS = re.compile(
    r"^_*(?:del|exit|aexit|close|aclose|shutdown|cleanup|clean_up|dispose|teardown"
    r"|tear_down|stop|terminate|kill|release|disconnect|finalize|atexit|on_exit)"
    r"(?:_|$)|__del__|__exit__|__aexit__|repr|__str__", re.IGNORECASE)
#: Narrow handlers whose names say "already done": success is the truthful answer.
_ALREADY_DONE = re.compile(r"exist|already|duplicate|conflict|notmodified|unique",
                           re.IGNORECASE)


#: A string that says the value is missing or failed rather than posing as real data.
_SAYS_FAILURE = re.compile(
    r"error|fail|unable|cannot|can't|could not|couldn't|unknown|unavailable|invalid"
    r"|broken|not available|^\?+$|^n/?a$|^<[^>]*>$|^\[[^\]]*\]$")


def _names(node: ast.AST) -> Iterator[str]:
    """Dotted names caught by a handler's ``type`` expression."""
    if isinstance(node, ast.Tuple):
        for element in node.elts:
            yield from _names(element)
    else:
        name = dotted_name(node)
        if name:
            yield name


def _own_nodes(body: Sequence[ast.AST]) -> Iterator[ast.AST]:
    """Every node of ``body`` except inside nested functions, lambdas and classes."""
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                             ast.ClassDef)):
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def _call_name(node: ast.Call) -> str:
    return dotted_name(node.func).rpartition(".")[2]


def _mentions(node: ast.AST, name: str | None) -> bool:
    if not name:
        return False
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node))


def _constant_name(name: str) -> bool:
    return name.isupper() and any(c.isalpha() for c in name)


#: Names that record whether the operation worked: assigning them is telling.
FAILURE_FLAG_WORDS = ERROR_KEYS | SUCCESS_FLAGS | {
    "exc", "e", "ex", "err", "status", "succeeded", "failed", "available", "has", "is",
    "enabled", "supported"}


class Verdict:
    """What a returned or assigned value says about the failure."""

    FALLBACK = "fallback"
    SUCCESS = "success"
    HONEST = "honest"
    UNKNOWN = "unknown"


class FallbackChecks(Checks):
    codes = frozenset(code for code in registry.RULES if code.startswith("PRD3"))
    handlers = {
        ast.FunctionDef: "visit_def",
        ast.AsyncFunctionDef: "visit_def",
        ast.Try: "visit_try",
        ast.ExceptHandler: "visit_handler",
        ast.With: "visit_with",
        ast.AsyncWith: "visit_with",
        ast.ImportFrom: "visit_import_from",
    }
    if hasattr(ast, "TryStar"):  # Python 3.11+: except* handlers are ExceptHandler too
        handlers[ast.TryStar] = "visit_try"

    def __init__(self, ctx: FileContext, lines: Sequence[str], report: Reporter) -> None:
        super().__init__(ctx, lines, report)
        configured = ctx.settings.broad_exceptions if ctx.settings is not None else ()
        self.broad = BROAD | frozenset(configured)
        self.functions: list[tuple[int, int, ast.AST]] = []  # (first, last, def)
        self.try_of: dict[int, ast.AST] = {}  # id(handler) -> its Try
        self.cleanup_handlers: set[int] = set()  # handlers inside a finally or cleanup
        self.suppress_names = {"contextlib.suppress"}
        self.suppress_candidates: list[tuple[ast.Call, str]] = []

    # -- bookkeeping (BFS: parents are seen before their children) -------------------

    def visit_def(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        end = getattr(node, "end_lineno", None) or node.lineno
        self.functions.append((node.lineno, end, node))

    def visit_try(self, node: ast.Try) -> None:
        for handler in node.handlers:
            self.try_of[id(handler)] = node
        for stmt in _own_nodes(node.finalbody):
            if isinstance(stmt, ast.ExceptHandler):
                self.cleanup_handlers.add(id(stmt))

    def visit_import_from(self, node: ast.ImportFrom) -> None:
        if node.module == "contextlib" and node.level == 0:
            for alias in node.names:
                if alias.name == "suppress":
                    self.suppress_names.add(alias.asname or alias.name)

    def enclosing_function(self, line: int) -> ast.AST | None:
        best = None
        for first, last, node in self.functions:
            if first <= line <= last and (best is None or first >= best.lineno):
                best = node
        return best

    # -- PRD305 ----------------------------------------------------------------------

    def visit_with(self, node: ast.With | ast.AsyncWith) -> None:
        if "PRD305" not in self.enabled:
            return
        for item in node.items:
            call = item.context_expr
            if isinstance(call, ast.Call) and call.args:
                caught = [name for arg in call.args for name in _names(arg)
                          if self.is_broad_name(name)]
                if caught:
                    # Which names mean contextlib.suppress is only known once every
                    # import has been seen (``from contextlib import suppress as quietly``).
                    self.suppress_candidates.append((call, ", ".join(caught)))

    def finish(self) -> None:
        for call, caught in self.suppress_candidates:
            if dotted_name(call.func) in self.suppress_names:
                self.report("PRD305", call.lineno, call.col_offset, caught=caught)

    # -- handlers --------------------------------------------------------------------

    def is_broad_name(self, name: str) -> bool:
        return name in self.broad or name.rpartition(".")[2] in self.broad

    def caught(self, handler: ast.ExceptHandler) -> tuple[str, bool]:
        """(what the handler catches, as written; whether that is broad)."""
        if handler.type is None:
            return "", True
        names = list(_names(handler.type))
        broad = [name for name in names if self.is_broad_name(name)]
        if broad:
            return broad[0], True
        return ", ".join(names) or "?", False

    def visit_handler(self, handler: ast.ExceptHandler) -> None:
        caught, broad = self.caught(handler)
        label = caught or ":"
        body = handler.body
        nodes = list(_own_nodes(body))
        for node in nodes:
            if isinstance(node, ast.ExceptHandler):
                # Best effort while already handling a failure: raising here would
                # mask the original error.
                self.cleanup_handlers.add(id(node))
        if any(isinstance(n, ast.Raise) for n in nodes) or any(
                isinstance(n, ast.Call) and _call_name(n) in EXIT_CALLS for n in nodes):
            return  # re-raises, raises a domain error, or exits: the failure is told
        if _hands_off(nodes, handler.name):
            return  # the error object is stored or passed on: the failure is recorded
        function = self.enclosing_function(handler.lineno)
        judge = _Judge(handler.name, function)
        try_node = self.try_of.get(id(handler))
        if try_node is not None and _touches_cache(try_node.body):
            return  # a failed cache read degrades to a miss (DESIGN.md: legitimate)

        for node in nodes:
            if isinstance(node, ast.Return) and node.value is not None:
                verdict, shown = judge.value(node.value)
                if verdict == Verdict.SUCCESS and (broad or not _ALREADY_DONE.search(caught)):
                    if broad or judge.is_payload(node.value):
                        self.report("PRD304", node.value.lineno, node.value.col_offset,
                                    caught=label, value=shown)
                elif verdict == Verdict.FALLBACK and broad:
                    self.report("PRD301", node.value.lineno, node.value.col_offset,
                                caught=label, value=shown)
        if not broad:
            return
        if self._swallows(body):
            if not self._tolerated_swallow(handler, function):
                how = _describe_swallow(body)
                self.report("PRD302", handler.lineno, handler.col_offset, caught=label, how=how)
            return
        self._check_fallback_assignment(handler, body, judge, label)

    def _swallows(self, body: list[ast.stmt]) -> bool:
        """Only pass / ... / continue / break / bare return (and docstring-like strings)."""
        for stmt in body:
            if isinstance(stmt, (ast.Pass, ast.Continue, ast.Break)):
                continue
            if isinstance(stmt, ast.Return) and stmt.value is None:
                continue
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                continue  # ``...`` or a string standing in for a comment
            return False
        return True

    def _tolerated_swallow(self, handler: ast.ExceptHandler, function: ast.AST | None) -> bool:
        """Best-effort code where swallowing is the documented intent.

        - teardown: in ``__del__``/``close``/``__exit__``… or a ``finally`` block there is
          nobody left to tell, and raising would mask the original error;
        - a try body that only releases resources (``f.close()``, ``os.unlink(tmp)``);
        - a try body that only imports: an optional feature (``import readline``).
        """
        if id(handler) in self.cleanup_handlers:
            return True
        if function is not None and CLEANUP_FUNCTIONS.search(function.name):
            return True
        try_node = self.try_of.get(id(handler))
        if try_node is None:
            return False
        if try_node.orelse:
            # ``try: x = probe() / except Exception: pass / else: use(x)``: the code that
            # needs the result is explicitly skipped on failure; "try this candidate".
            return True
        if isinstance(try_node.body[-1], ast.Return) and isinstance(
                self.next_statement(try_node, function), ast.Raise):
            return True  # ``try: return fast(x) / except: pass / raise Error(...)``
        return (_cleanup_only(try_node.body) or _imports_only(try_node.body)
                or _touches_cache(try_node.body))

    def next_statement(self, node: ast.stmt, function: ast.AST | None) -> ast.AST | None:
        """The statement after ``node`` in its block (rare: only for swallow candidates)."""
        end = getattr(node, "end_lineno", None)
        scope = function.body if function is not None else None
        if end is None or scope is None:
            return None
        best = None
        for candidate in _own_nodes(scope):
            if isinstance(candidate, ast.stmt) and candidate.col_offset <= node.col_offset \
                    and candidate.lineno > end and (best is None or candidate.lineno < best.lineno):
                best = candidate
        return best

    def _check_fallback_assignment(self, handler: ast.ExceptHandler, body: list[ast.stmt],
                                   judge: "_Judge", label: str) -> None:
        last = body[-1]
        if isinstance(last, (ast.Return, ast.Continue, ast.Break)):
            return  # leaves the flow; PRD301 judged the returns
        try_node = self.try_of.get(id(handler))
        if try_node is not None and _imports_only(try_node.body):
            return  # ``except Exception: HAS_YAML = False`` feature flag
        assignments = []
        for stmt in body:
            if not isinstance(stmt, (ast.Assign, ast.AnnAssign)) or stmt.value is None:
                continue
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            names = [_target_name(t) for t in targets]
            if any(judge.is_failure_flag(name) for name in names):
                return  # ``ok = False`` / ``error = str(exc)``: the failure is recorded
            if all(names):
                assignments.append((stmt, names))
        for stmt, names in assignments:
            verdict, shown = judge.value(stmt.value, assignment=True)
            if verdict == Verdict.FALLBACK:
                self.report("PRD303", stmt.value.lineno, stmt.value.col_offset,
                            caught=label, name=names[0], value=shown)
                return


#: Calls that only format the error for a message; passing ``e`` to them hands nothing on.
FORMAT_CALLS = frozenset({"str", "repr", "type", "format", "getattr", "isinstance", "len",
                          "print", "format_exc", "format_exception", "format_exception_only",
                          "join"})


def _hands_off(nodes: list, name: str | None) -> bool:
    """True when the handler stores the exception (``self._exception = exc``) or passes it
    to something other than a log call (``future.set_exception(exc)``, ``errors.append(e)``).
    Logging alone is not telling the caller: ``log then return []`` is still fallback."""
    if not name:
        return False
    for node in nodes:
        if isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, (ast.Attribute, ast.Subscript)) for t in targets) and \
                    _mentions(node.value, name):
                return True
        elif isinstance(node, ast.Call):
            called = _call_name(node)
            if called in LOG_METHODS or called in FORMAT_CALLS:
                continue
            if any(isinstance(arg, ast.Name) and arg.id == name for arg in node.args) or any(
                    isinstance(kw.value, ast.Name) and kw.value.id == name
                    for kw in node.keywords):
                return True
    return False


_CACHE_WORDS = frozenset({"cache", "caches", "cached", "memcache", "memo"})


def _touches_cache(body: list[ast.stmt]) -> bool:
    """The try body reads or fills a cache (``data = cache.get(key)``,
    ``cache[key] = value``): on failure it degrades to a miss, as a cache should."""
    if not body or len(body) > 2:
        return False
    first = body[0]
    if isinstance(first, ast.Assign) and any(
            isinstance(t, ast.Subscript) and _cache_name(t.value) for t in first.targets):
        return True
    value = first.value if isinstance(first, (ast.Assign, ast.Return, ast.Expr)) else None
    if isinstance(value, ast.Await):
        value = value.value
    return isinstance(value, ast.Call) and _cache_name(value.func)


def _cache_name(node: ast.AST) -> bool:
    return bool(_CACHE_WORDS.intersection(name_words(dotted_name(node))))


def _target_name(target: ast.AST) -> str:
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    if isinstance(target, ast.Subscript):
        return dotted_name(target.value) or ""
    return ""


def _cleanup_only(body: list[ast.stmt]) -> bool:
    for stmt in body:
        value = stmt.value if isinstance(stmt, (ast.Expr, ast.Assign)) else None
        if isinstance(value, ast.Await):
            value = value.value
        if not (isinstance(value, ast.Call) and _call_name(value) in CLEANUP_CALLS) and \
                not isinstance(stmt, ast.Delete):
            return False
    return True


IMPORT_CALLS = frozenset({"import_module", "import_string", "__import__", "import_object",
                          "find_spec", "load_entry_point"})


def _imports_only(body: list[ast.stmt]) -> bool:
    """An optional-feature probe: imports (``import readline``, ``import_module(x)``) and
    flag assignments only."""
    found = False
    for stmt in body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            found = True
            continue
        value = stmt.value if isinstance(stmt, (ast.Assign, ast.Expr)) else None
        if isinstance(value, ast.Call) and _call_name(value) in IMPORT_CALLS:
            found = True
            continue
        if isinstance(stmt, ast.Pass) or isinstance(value, ast.Constant):
            continue
        return False
    return found


def _describe_swallow(body: list[ast.stmt]) -> str:
    stmt = body[-1]
    if isinstance(stmt, ast.Continue):
        return "continue"
    if isinstance(stmt, ast.Break):
        return "break"
    if isinstance(stmt, ast.Return):
        return "return"
    if isinstance(stmt, ast.Expr):
        return "..."
    return "pass"


class _Judge:
    """Classifies a value returned or assigned by one handler."""

    def __init__(self, exception_name: str | None, function: ast.AST | None) -> None:
        self.exception_name = exception_name
        self.function_name = getattr(function, "name", "")
        returns = getattr(function, "returns", None)
        self.yes_no = bool(_YES_NO_NAME.search(self.function_name)) or (
            isinstance(returns, ast.Name) and returns.id == "bool") or (
            isinstance(returns, ast.Constant) and returns.value == "bool")
        self.main = bool(_MAIN_NAME.search(self.function_name))

    def is_failure_flag(self, name: str) -> bool:
        """``ok = False`` / ``error = str(e)`` record the failure, they do not hide it."""
        return bool(FAILURE_FLAG_WORDS.intersection(name_words(name)))

    def is_payload(self, node: ast.AST) -> bool:
        return isinstance(node, (ast.Dict, ast.Call, ast.Tuple))

    def value(self, node: ast.AST, assignment: bool = False) -> tuple[str, str]:
        """(verdict, short text of the value)."""
        if _mentions(node, self.exception_name):
            return Verdict.HONEST, ""  # the error itself goes to the caller
        if isinstance(node, ast.Constant):
            return self._constant(node.value, assignment)
        if isinstance(node, (ast.List, ast.Set)):
            if not node.elts:
                return Verdict.FALLBACK, "[]" if isinstance(node, ast.List) else "set()"
            return (Verdict.FALLBACK, "a literal list") if _literal(node) else (
                Verdict.UNKNOWN, "")
        if isinstance(node, ast.Tuple):
            return self._tuple(node)
        if isinstance(node, ast.Dict):
            return self._dict(node)
        if isinstance(node, ast.Name):
            if node.id == "NotImplemented":
                return Verdict.HONEST, ""
            if _constant_name(node.id) or set(name_words(node.id)) & FALLBACK_WORDS - {
                    "default"}:
                if re.search(r"ERROR|FAIL|INVALID|UNKNOWN|MISSING|SENTINEL|UNSET|NOT_|NO_",
                             node.id.upper()):
                    return Verdict.HONEST, ""
                return Verdict.FALLBACK, node.id
            return Verdict.UNKNOWN, ""
        if isinstance(node, ast.Call):
            return self._call(node)
        if isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant):
            return self._constant(-node.operand.value if isinstance(
                node.operand.value, (int, float)) else node.operand.value, assignment)
        return Verdict.UNKNOWN, ""

    def _constant(self, value: object, assignment: bool) -> tuple[str, str]:
        if value is True:
            return (Verdict.UNKNOWN, "") if assignment else (Verdict.SUCCESS, "True")
        if value is None or value is False or value == 0 or value == "" or value == b"":
            if not assignment and (self.yes_no and (value is False or value is None)):
                return Verdict.HONEST, ""
            return Verdict.FALLBACK, repr(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if self.main or value < 0:
                return Verdict.HONEST, ""  # an exit status / the -1 error convention
            return Verdict.FALLBACK, repr(value)
        if isinstance(value, str):
            lowered = value.strip().lower()
            if lowered in ERROR_STATUS or _SAYS_FAILURE.search(lowered):
                return Verdict.HONEST, ""  # "[unable to retrieve the user]", "?", "n/a"
            if lowered in SUCCESS_STATUS and not assignment:
                return Verdict.SUCCESS, repr(value)
            shown = value if len(value) <= 20 else value[:17] + "..."
            return Verdict.FALLBACK, repr(shown)
        return Verdict.UNKNOWN, ""

    def _tuple(self, node: ast.Tuple) -> tuple[str, str]:
        if not node.elts:
            return Verdict.FALLBACK, "()"
        # ``return jsonify(...), 500`` / ``return None, "error text"``
        for element in node.elts:
            if isinstance(element, ast.Constant) and isinstance(element.value, int) and \
                    not isinstance(element.value, bool) and 400 <= element.value < 600:
                return Verdict.HONEST, ""
            if isinstance(element, ast.Constant) and element.value is False:
                return Verdict.HONEST, ""  # (ok, value) convention
            if isinstance(element, ast.Attribute) and re.search(
                    r"ERROR|UNAVAILABLE|FAIL|BAD_|INTERNAL", element.attr):
                return Verdict.HONEST, ""
        verdicts = [self.value(element)[0] for element in node.elts]
        if Verdict.HONEST in verdicts:
            return Verdict.HONEST, ""
        if _literal(node):
            return Verdict.FALLBACK, "a literal tuple"
        return Verdict.UNKNOWN, ""

    def _dict(self, node: ast.Dict) -> tuple[str, str]:
        if not node.keys:
            return Verdict.FALLBACK, "{}"
        success = None
        for key, value in zip(node.keys, node.values):
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                continue
            name = key.value.lower()
            if name in ERROR_KEYS or "error" in name:
                return Verdict.HONEST, ""
            if isinstance(value, ast.Constant):
                if name in STATUS_KEYS and isinstance(value.value, str):
                    status = value.value.strip().lower()
                    if status in ERROR_STATUS or "error" in status or "fail" in status:
                        return Verdict.HONEST, ""
                    if status in SUCCESS_STATUS:
                        success = f"{{{key.value!r}: {value.value!r}}}"
                if name in SUCCESS_FLAGS and isinstance(value.value, bool):
                    if value.value is False:
                        return Verdict.HONEST, ""
                    success = f"{{{key.value!r}: True}}"
                if name in ("status_code", "code", "http_status") and isinstance(
                        value.value, int) and value.value >= 400:
                    return Verdict.HONEST, ""
        if success:
            return Verdict.SUCCESS, success
        return Verdict.FALLBACK, "a literal dict"

    def _call(self, node: ast.Call) -> tuple[str, str]:
        name = _call_name(node)
        words = set(name_words(name))
        if re.search(r"error|fail|problem|abort|unavailable|invalid", name, re.IGNORECASE) or (
                words & {"err", "bad", "denied", "forbidden"}):
            return Verdict.HONEST, ""
        for keyword in node.keywords:
            if keyword.arg in ("status", "status_code", "code") and isinstance(
                    keyword.value, ast.Constant) and isinstance(keyword.value.value, int):
                if keyword.value.value >= 400:
                    return Verdict.HONEST, ""
                if keyword.value.value < 300:
                    return Verdict.SUCCESS, f"{name}(status {keyword.value.value})"
            if keyword.arg in ("status", "status_code") and isinstance(
                    keyword.value, ast.Attribute) and re.search(
                    r"ERROR|UNAVAILABLE|FAIL|BAD_|INTERNAL|GATEWAY|TIMEOUT", keyword.value.attr):
                return Verdict.HONEST, ""
            if keyword.arg in ("error", "errors", "err", "exc_info", "exception"):
                return Verdict.HONEST, ""
        if name in EMPTY_CALLS and not node.args and not node.keywords:
            return Verdict.FALLBACK, f"{name}()"
        if words & FALLBACK_WORDS:
            return Verdict.FALLBACK, f"{name}(...)"
        if any(isinstance(arg, ast.Dict) for arg in node.args):
            # ``JSONResponse({"status": "success"})`` / ``jsonify({...})``
            for arg in node.args:
                if isinstance(arg, ast.Dict):
                    verdict, shown = self._dict(arg)
                    if verdict in (Verdict.HONEST, Verdict.SUCCESS):
                        return verdict, shown
        return Verdict.UNKNOWN, ""


def _literal(node: ast.AST) -> bool:
    """A literal made only of constants and nested literals: canned data."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_literal(element) for element in node.elts)
    if isinstance(node, ast.Dict):
        return all(key is not None and _literal(key) for key in node.keys) and all(
            _literal(value) for value in node.values)
    if isinstance(node, ast.UnaryOp):
        return _literal(node.operand)
    return False
