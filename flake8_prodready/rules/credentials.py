"""PRD2xx: hardcoded credentials and hardcoded configuration.

What is a secret is decided in :mod:`flake8_prodready.secretness`; this module decides
*where* a literal is a credential or a setting: an assignment to a credential name, a
credential argument or parameter default, the fallback of an environment lookup, a
module-level setting. Every handler is called by the plugin's single walk, in
breadth-first order, so a parent (an assignment, a call, a class) marks the children it
has judged or gives them a context (``self._config``) before they are visited.
"""

from __future__ import annotations

import ast
import fnmatch
from typing import Iterable

from .. import registry
from ..findings import hint
from ..secretness import (
    is_auth_name, is_credential_keyword, is_credential_word_value, is_salt_name,
    dsn_passwords, is_secret_name, is_secret_value, is_weak_secret, is_wordy_value,
    local_hosts, name_words, password_hash_kind, private_key_kind, url_passwords,
)
from . import Checks, dotted_name

#: ``os.getenv(NAME, default)`` and its spellings; the default's position and keyword.
_OS_LOOKUPS = {
    "os.getenv": (1, "default"), "getenv": (1, "default"), "os.environ.get": (1, None),
    "environ.get": (1, None), "os.environ.setdefault": (1, None),
    "environ.setdefault": (1, None), "os.getenvb": (1, "default"),
}
#: Spellings that are os' only after ``from os import environ/getenv``: a bare
#: ``environ`` is far more often a WSGI environ (``environ.setdefault("SERVER_NAME",
#: "127.0.0.1")`` in wsgiref is a request dict, not configuration).
_IMPORTED_LOOKUPS = {"getenv": "getenv", "environ.get": "environ",
                     "environ.setdefault": "environ"}
#: Settings helpers that read the environment: python-decouple's ``config``,
#: environs' and django-environ's ``env`` and their typed variants.
_ENV_HELPER_TYPES = frozenset({
    "str", "int", "bool", "float", "decimal", "url", "list", "dict", "json", "path",
    "db", "db_url", "cache", "cache_url", "email", "email_url", "search_url", "bytes",
})
_ENV_HELPER_OBJECTS = frozenset({"env", "environ", "config", "decouple"})
#: The last name of the callee for which a call may be an environment lookup.
_LOOKUP_ATTRS = frozenset({"getenv", "getenvb", "get", "setdefault", "config", "env"}
                          ) | _ENV_HELPER_TYPES
#: Callees whose second positional argument is a password.
_PAIR_CALLS = frozenset({
    "HTTPBasicAuth", "HTTPDigestAuth", "HTTPProxyAuth", "BasicAuth", "DigestAuth",
    "basic_auth", "login", "UsernamePasswordCredentials",
})
#: Callees whose positional argument N is a signing or encryption key:
#: ``jwt.encode(payload, "secret")``, ``Fernet(b"...")``, ``hmac.new(b"key", msg)``.
_KEY_POSITIONS = {
    "jwt.encode": 1, "jwt.decode": 1, "Fernet": 0, "fernet.Fernet": 0, "hmac.new": 0,
    "hmac.HMAC": 0, "HMAC": 0, "itsdangerous.URLSafeTimedSerializer": 0,
    "URLSafeTimedSerializer": 0, "URLSafeSerializer": 0, "TimestampSigner": 0,
    "Signer": 0, "AES.new": 0,
}
_KEY_CALL_LAST = frozenset(name.rpartition(".")[2] for name in _KEY_POSITIONS)
_SECRET_WRAPPERS = frozenset({"SecretStr", "SecretBytes", "Secret"})
_FIELD_CALLS = frozenset({"Field", "pydantic.Field"})
_ENV_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_AUTH_SCHEMES = ("Bearer ", "Basic ", "Token ", "token ", "bearer ", "ApiKey ", "Api-Key ")

#: Names of settings whose value is a host or URL (PRD206): a local host there is
#: configuration.
_HOST_WORDS = frozenset({
    "host", "hosts", "hostname", "server", "servers", "addr", "address", "ip", "origin",
    "origins", "domain", "broker", "endpoint", "url", "urls", "uri", "dsn", "redis",
    "database", "db", "api", "base", "backend", "upstream", "webhook", "callback",
    "redirect", "frontend", "cors", "amqp", "mongo", "postgres", "neo4j", "elasticsearch",
    "smtp", "proxy", "location", "target",
})
#: Names that describe local hosts rather than configure one: tests, examples, patterns,
#: allow/deny lists (``LOCAL_HOSTS``, ``domain_allowlist = ["localhost"]``).
_NEVER_CONFIG_WORDS = frozenset({
    "local", "loopback", "localhost", "test", "tests", "testing", "dev", "debug",
    "example", "examples", "sample", "known", "private", "reserved", "sentinel", "doc",
    "docs", "help", "pattern", "patterns", "regex", "mock", "fake", "dummy", "allowlist",
    "whitelist", "blocklist", "blacklist", "denylist", "exclude", "excluded", "ignore",
    "ignored", "skip", "no", "bypass", "exempt", "safe", "internal", "trusted", "trust",
})
#: A bare host (not a URL) under these words is a list of hosts to accept, and binding
#: to loopback is a deliberate choice: ``ALLOWED_HOSTS = ["localhost"]``, ``BIND``.
#: CORS origins are URLs, and a URL is judged whatever the list is called.
_BARE_HOST_EXEMPT_WORDS = frozenset({
    "allowed", "allow", "bind", "listen", "default", "defaults", "fallback", "secure",
    "insecure",
})
_ENV = "<env>"  # config name of an environment-lookup default: any local host counts


def _words(name: str) -> tuple[str, ...]:
    return name_words(name) if name else ()


def _is_host_setting(name: str) -> bool:
    return any(w in _HOST_WORDS for w in _words(name))


def _target_name(target: ast.AST) -> str | None:
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    if isinstance(target, ast.Subscript):
        key = target.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return key.value
    return None


def _str_constant(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _secret_constant(node: ast.AST | None) -> str | None:
    """A str or bytes literal as text (``secret_key=b"..."`` is a key as much as a str)."""
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str):
            return node.value
        if isinstance(node.value, bytes):
            return node.value.decode("latin-1")
    return None


def _unwrap_secret(node: ast.AST) -> ast.AST:
    """``SecretStr("x")`` -> ``"x"``: the wrapper hides the value from logs, not the repo."""
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name in _SECRET_WRAPPERS:
            return node.args[0]
    return node


def _field_default(node: ast.AST) -> ast.AST | None:
    """The default of a pydantic ``Field(...)``, or None when ``node`` is not one."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name != "Field":
        return None
    for keyword in node.keywords:
        if keyword.arg == "default":
            return keyword.value
    if node.args and not (isinstance(node.args[0], ast.Constant)
                          and node.args[0].value is Ellipsis):
        return node.args[0]
    return None


def _secret_in(value: str, name: str, weak: bool, mapping: bool = False) -> str | None:
    """The secret part of ``value`` assigned to credential ``name``, or None.

    ``weak``: the position is a credential argument, parameter default or environment
    default, where ``password="password"`` is a weak password rather than a field name.
    ``mapping``: a dict entry, where ``"password": "passwd"`` maps field names.
    """
    if mapping and is_credential_word_value(value):
        return None
    if is_salt_name(name) and is_wordy_value(value):
        return None
    if value.startswith(_AUTH_SCHEMES):  # "Authorization": "Bearer eyJ…"
        rest = value.split(" ", 1)[1].strip()
        return rest if len(rest) >= 8 and is_secret_value(rest, None) else None
    if is_auth_name(name):
        # NEO4J_AUTH="neo4j/password", auth="user:pw": judge the password part; a bare
        # word is an auth scheme ("basic", "token", "password").
        for separator in ("/", ":"):
            user, found, password = value.partition(separator)
            if found and user and password and "/" not in password and " " not in value:
                return password if (is_secret_value(password, None)
                                    or is_weak_secret(password)) else None
        return value if is_secret_value(value, name) and not value.isalpha() else None
    if is_secret_value(value, name):
        return value
    if weak and is_weak_secret(value):
        return value
    return None


class CredentialChecks(Checks):
    codes = frozenset(code for code in registry.RULES if code.startswith("PRD2"))
    handlers = {
        ast.Module: "visit_module",
        ast.ClassDef: "visit_class",
        ast.Expr: "visit_expr",
        ast.Assign: "visit_assign",
        ast.AnnAssign: "visit_annassign",
        ast.Call: "visit_call",
        ast.Dict: "visit_dict",
        ast.List: "visit_sequence",
        ast.Tuple: "visit_sequence",
        ast.Set: "visit_sequence",
        ast.FunctionDef: "visit_function",
        ast.AsyncFunctionDef: "visit_function",
        ast.Lambda: "visit_function",
        ast.BoolOp: "visit_boolop",
        ast.IfExp: "visit_ifexp",
        ast.BinOp: "visit_binop",
        ast.JoinedStr: "visit_joinedstr",
        ast.Constant: "visit_constant",
        ast.ImportFrom: "visit_import_from",
    }

    def __init__(self, ctx, lines, report) -> None:
        super().__init__(ctx, lines, report)
        enabled = self.enabled
        self._production = ctx.is_production
        self._names = any(code in enabled for code in ("PRD201", "PRD202", "PRD203"))
        self._env = any(code in enabled for code in ("PRD204", "PRD206", "PRD209"))
        self._urls = "PRD205" in enabled
        self._hosts = "PRD206" in enabled
        self._strict = "PRD209" in enabled
        self._hashes = "PRD207" in enabled
        self._keys = "PRD208" in enabled
        settings = getattr(ctx, "settings", None)
        self._allowed_hosts = tuple(getattr(settings, "allowed_hosts", ()) or ())
        self._top_level: set[int] = set()  # statements at module or class level
        self._settings_stmts: set[int] = set()  # statements in a pydantic settings class
        self._docstrings: set[int] = set()  # bare string statements: docs, not values
        self._judged: set[int] = set()  # literals whose URL and host were judged already
        self._config: dict[int, str] = {}  # literal in a configuration position -> name
        self._env_target: dict[int, str] = {}  # lookup expression -> assigned name
        self._inner_binops: set[int] = set()
        self._from_os: set[str] = set()  # names imported from os: environ, getenv

    def visit_import_from(self, node: ast.ImportFrom) -> None:
        if node.module == "os":
            self._from_os.update(alias.asname or alias.name for alias in node.names
                                 if alias.name in ("environ", "getenv"))

    def _is_os_lookup(self, func_name: str) -> bool:
        if func_name not in _OS_LOOKUPS:
            return False
        imported = _IMPORTED_LOOKUPS.get(func_name)
        return imported is None or imported in self._from_os

    # --- structure ---------------------------------------------------------------------

    def visit_module(self, node: ast.Module) -> None:
        self._mark_top_level(node.body)

    def visit_class(self, node: ast.ClassDef) -> None:
        bases = [dotted_name(base) for base in node.bases]
        if any(base.endswith("Settings") for base in bases):
            self._settings_stmts.update(id(stmt) for stmt in node.body)
        # Class attributes are settings in a configuration class (Flask's ``class
        # ProductionConfig``) or when spelled like settings (ALL_CAPS); a library's
        # ``class CouchBackend: host = "localhost"`` is a documented client default.
        words = set(name_words(node.name)).union(*(name_words(base) for base in bases))
        if words & _CONFIG_CLASS_WORDS:
            self._mark_top_level(node.body)
        else:
            self._mark_top_level(node.body, constants_only=True)

    def _mark_top_level(self, body: Iterable[ast.stmt], constants_only: bool = False
                        ) -> None:
        # Statements under a module-level if/try (``if DEBUG:``, ``try: import x``) are
        # still settings; function bodies are not.
        stack = list(body)
        while stack:
            stmt = stack.pop()
            if not constants_only or _assigns_constant_name(stmt):
                self._top_level.add(id(stmt))
            if isinstance(stmt, (ast.If, ast.Try, ast.With)):
                stack.extend(stmt.body)
                stack.extend(getattr(stmt, "orelse", ()))
                stack.extend(getattr(stmt, "finalbody", ()))
                for handler in getattr(stmt, "handlers", ()):
                    stack.extend(handler.body)

    def visit_expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Constant):
            self._docstrings.add(id(node.value))
        elif isinstance(node.value, ast.JoinedStr):
            self._docstrings.add(id(node.value))

    # --- assignments (PRD201, settings-class defaults PRD204/PRD209) -----------------

    def visit_assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            if isinstance(target, (ast.Tuple, ast.List)) and isinstance(
                    node.value, (ast.Tuple, ast.List)) and len(target.elts) == len(
                    node.value.elts):
                for sub_target, sub_value in zip(target.elts, node.value.elts):
                    self._assigned(node, sub_target, sub_value)
            else:
                self._assigned(node, target, node.value)

    def visit_annassign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self._assigned(node, node.target, node.value)

    def _assigned(self, stmt: ast.stmt, target: ast.AST, value: ast.AST) -> None:
        name = _target_name(target)
        if name is None:
            return
        top_level = id(stmt) in self._top_level
        if isinstance(value, (ast.Call, ast.BoolOp, ast.IfExp)):
            self._env_target[id(value)] = name
        if id(stmt) in self._settings_stmts:
            default = _field_default(value)
            self._settings_default(name, value if default is None else default)
            return
        default = _field_default(value)
        if default is not None:
            value = default
        if top_level:
            self._mark_config(value, name)
        if not self._production:
            return
        value = _unwrap_secret(value)
        if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or):
            if self._plain_lookup_name(value.values[0]) is not None:
                return  # os.getenv("X") or "literal": an env fallback (visit_boolop)
            value = value.values[-1]  # password = given or "admin"
        text = _secret_constant(value)
        if text is not None and "PRD201" in self.enabled and is_secret_name(name):
            secret = _secret_in(text, name, weak=False)
            if secret is not None:
                self.report("PRD201", value.lineno, value.col_offset, name=name,
                            hint=hint(secret))

    def _settings_default(self, name: str, value: ast.AST) -> None:
        """A field of a pydantic ``BaseSettings`` class: its default is what the setting
        is when the environment variable is missing."""
        self._mark_config(value, _ENV)
        self._judge_env_default(name, value, None)

    def _mark_config(self, value: ast.AST, name: str) -> None:
        if self._hosts and isinstance(value, (ast.Constant, ast.List, ast.Tuple, ast.Set,
                                              ast.Dict, ast.JoinedStr)):
            self._config[id(value)] = name

    # --- containers: pass the configuration context down ---------------------------

    def visit_sequence(self, node: ast.AST) -> None:
        name = self._config.get(id(node))
        if name is not None:
            for element in node.elts:
                self._mark_config(element, name)

    def visit_dict(self, node: ast.Dict) -> None:
        parent = self._config.get(id(node))
        production = self._production and "PRD201" in self.enabled
        for key, value in zip(node.keys, node.values):
            key_text = _str_constant(key)
            if parent is not None:
                self._mark_config(value, key_text if key_text is not None else parent)
            if production and key_text is not None and is_secret_name(key_text):
                self._check_value("PRD201", key_text, value, weak=False, mapping=True)

    # --- calls: credential arguments, environment lookups (PRD202, PRD204-206) ---------

    def visit_call(self, node: ast.Call) -> None:
        if not self._production:
            return
        func = node.func
        last = func.attr if isinstance(func, ast.Attribute) else (
            func.id if isinstance(func, ast.Name) else None)
        if last is not None and self._env and last in _LOOKUP_ATTRS:
            lookup = self._env_lookup(node, last)
            if lookup is not None:
                self._judge_env_default(*lookup)
        if last in _PAIR_CALLS and len(node.args) >= 2 and "PRD202" in self.enabled:
            user, password = node.args[0], node.args[1]
            text = _str_constant(password)
            if text is not None and (_str_constant(user) is not None or last != "login"):
                secret = _secret_in(text, "password", weak=True)
                if secret is not None:
                    self.report("PRD202", password.lineno, password.col_offset,
                                name=f"{last}() password", hint=hint(secret))
        if last in _KEY_CALL_LAST and "PRD202" in self.enabled:
            position = _KEY_POSITIONS.get(dotted_name(func))
            if position is not None and len(node.args) > position:
                self._check_value("PRD202", f"{dotted_name(func)}() key", node.args[position],
                                  weak=True)
        code = "PRD201" if last == "dict" and isinstance(func, ast.Name) else "PRD202"
        for keyword in node.keywords:
            arg = keyword.arg
            if arg is None:
                continue
            if self._names and is_credential_keyword(arg):
                self._check_value(code, arg, keyword.value, weak=code == "PRD202",
                                  mapping=code == "PRD201")
            elif self._hosts and _is_host_setting(arg):
                self._mark_config(keyword.value, arg)

    def _check_value(self, code: str, name: str, value: ast.AST, weak: bool,
                     mapping: bool = False) -> None:
        value = _unwrap_secret(value)
        text = _secret_constant(value)
        if text is None and isinstance(value, ast.Tuple) and len(value.elts) == 2 and (
                is_auth_name(name)):
            value = value.elts[1]  # auth=("neo4j", "pw")
            text = _str_constant(value)
            name = f"{name}[1]"
            weak = True
        if text is None:
            return
        secret = _secret_in(text, name, weak, mapping)
        if secret is not None:
            self.report(code, value.lineno, value.col_offset, name=name, hint=hint(secret))

    def _env_lookup(self, node: ast.Call, last: str) -> tuple | None:
        """``(name, default node, key node)`` when ``node`` reads the environment with a
        default, else None."""
        func_name = dotted_name(node.func)
        default = key = None
        if self._is_os_lookup(func_name):
            position, keyword_name = _OS_LOOKUPS[func_name]
            key = node.args[0] if node.args else None
            if len(node.args) > position:
                default = node.args[position]
            for keyword in node.keywords:
                if keyword.arg in ("default", keyword_name) and keyword.arg:
                    default = keyword.value
                elif keyword.arg == "key":
                    key = keyword.value
        else:
            parts = func_name.split(".")
            helper = (len(parts) == 1 and parts[0] in ("config", "env")) or (
                len(parts) == 2 and parts[0] in _ENV_HELPER_OBJECTS and (
                    parts[1] in _ENV_HELPER_TYPES or parts[1] == "config"))
            if not helper or not node.args:
                return None
            key = node.args[0]
            key_text = _str_constant(key)
            # config("X") is only an environment lookup when X is spelled like a variable.
            if key_text is None or not key_text or not set(key_text) <= _ENV_NAME_CHARS:
                return None
            if len(node.args) > 1 and parts[0] != "config" and parts[-1] != "config":
                default = node.args[1]
            for keyword in node.keywords:
                if keyword.arg == "default":
                    default = keyword.value
        if default is None:
            return None
        name = _str_constant(key) or self._env_target.get(id(node), "")
        return name, default, self._env_target.get(id(node))

    def _judge_env_default(self, name: str, default: ast.AST, target: str | None) -> None:
        if not self._production:
            return
        if isinstance(default, ast.Constant) and default.value is None:
            return
        self._judged.add(id(default))
        text = _str_constant(_unwrap_secret(default))
        secret_name = is_secret_name(name) or bool(target and is_secret_name(target))
        if text is not None:
            if url_passwords(text) or dsn_passwords(text):
                self._judged.discard(id(default))  # PRD205 is reported by the literal
                return
            if secret_name:
                secret = _secret_in(text, name if is_secret_name(name) else target, True)
                if secret is not None:
                    self.report("PRD204", default.lineno, default.col_offset, name=name,
                                hint=hint(secret))
                    return
            if self._hosts and self._local_host(default, text, _ENV):
                return
            if not text:
                return
        elif self._hosts and isinstance(default, (ast.List, ast.Tuple, ast.JoinedStr)):
            self._mark_config(default, _ENV)
            self._judged.discard(id(default))
            if not self._strict:
                return
        if self._strict and _is_literal(default):
            self.report("PRD209", default.lineno, default.col_offset, name=name or "?")

    def visit_boolop(self, node: ast.BoolOp) -> None:
        # os.getenv("X") or "literal"
        if not (self._env and self._production and isinstance(node.op, ast.Or)):
            return
        first = node.values[0]
        if isinstance(first, ast.Call):
            name = self._plain_lookup_name(first)
            if name is not None:
                self._judge_env_default(name, node.values[-1], self._env_target.get(id(node)))

    def visit_ifexp(self, node: ast.IfExp) -> None:
        # os.environ["X"] if "X" in os.environ else "literal"
        if not (self._env and self._production):
            return
        for lookup, other in ((node.body, node.orelse), (node.orelse, node.body)):
            name = self._plain_lookup_name(lookup)
            if name is not None and isinstance(other, ast.Constant):
                self._judge_env_default(name, other, self._env_target.get(id(node)))
                return

    def _plain_lookup_name(self, node: ast.AST) -> str | None:
        """The variable name of ``os.environ["X"]`` / ``os.getenv("X")`` without default."""
        if isinstance(node, ast.Subscript):
            container = dotted_name(node.value)
            from_os = container == "environ" and "environ" in self._from_os
            if container == "os.environ" or from_os:
                return _str_constant(node.slice)
            return None
        if isinstance(node, ast.Call) and node.args and len(node.args) == 1 and (
                not node.keywords) and self._is_os_lookup(dotted_name(node.func)):
            return _str_constant(node.args[0])
        return None

    # --- parameter defaults (PRD203) ---------------------------------------------------

    def visit_function(self, node: ast.AST) -> None:
        if not (self._production and "PRD203" in self.enabled):
            return
        args = node.args
        positional = args.posonlyargs + args.args
        pairs = list(zip(positional[len(positional) - len(args.defaults):], args.defaults))
        pairs += [(arg, default) for arg, default in zip(args.kwonlyargs, args.kw_defaults)
                  if default is not None]
        for arg, default in pairs:
            if is_credential_keyword(arg.arg):
                self._check_value("PRD203", arg.arg, default, weak=True)

    # --- literals: URLs, hosts, key material (PRD205-PRD208) -----------------------------

    def visit_constant(self, node: ast.Constant) -> None:
        value = node.value
        if value.__class__ is not str:
            return
        config_name = self._config.get(id(node)) if self._hosts else None
        if config_name is not None and id(node) not in self._judged:
            self._local_host(node, value, config_name)
        if len(value) < 16:
            return
        if self._hashes and "$" in value:
            found = password_hash_kind(value)
            if found is not None:
                kind, text, offset = found
                line, col = self._position(node, value, offset)
                self.report("PRD207", line, col, kind=kind, hint=hint(text))
        if self._keys and "-----BEGIN" in value:
            key = private_key_kind(value)
            if key is not None:
                line, col = self._position(node, value, key[1])
                self.report("PRD208", line, col, kind=key[0])
        if (self._urls and ("://" in value or "=" in value) and id(node) not in self._judged
                and id(node) not in self._docstrings):
            self._url_credentials(node, value)

    def visit_joinedstr(self, node: ast.JoinedStr) -> None:
        if not self._production:
            return
        pieces = []
        for part in node.values:
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                pieces.append(part.value)
                self._judged.add(id(part))
            else:
                pieces.append("{}")
        text = "".join(pieces)
        if "://" not in text and "=" not in text:
            return
        config_name = self._config.get(id(node))
        if config_name is not None and self._hosts and "://" in text:
            self._local_host(node, text, config_name)
        if self._urls and id(node) not in self._docstrings:
            self._url_credentials(node, text, exact=False)

    def visit_binop(self, node: ast.BinOp) -> None:
        # "postgresql://app:" + "pw" + "@db/app": judge the whole concatenation once.
        if not (self._urls and self._production and isinstance(node.op, ast.Add)) or (
                id(node) in self._inner_binops):
            return
        parts = []
        stack = [node]
        while stack:
            item = stack.pop()
            if isinstance(item, ast.BinOp) and isinstance(item.op, ast.Add):
                self._inner_binops.add(id(item))
                stack.append(item.right)
                stack.append(item.left)
            else:
                parts.append(item)
        constants = [p for p in parts if isinstance(p, ast.Constant) and isinstance(
            p.value, str)]
        if not constants or not any("://" in p.value for p in constants):
            return
        text = "".join(p.value if p in constants else "{}" for p in parts)
        if not url_passwords(text):
            return
        for part in constants:
            self._judged.add(id(part))
        self._url_credentials(node, text, exact=False)

    def _url_credentials(self, node: ast.AST, text: str, exact: bool = True) -> None:
        if "=" in text:
            for password, offset in dsn_passwords(text):
                line, col = self._position(node, text, offset) if exact else (
                    node.lineno, node.col_offset)
                self.report("PRD205", line, col, hint=hint(password))
        if "://" not in text:
            return
        for password, offset in url_passwords(text):
            if _is_prose_example(text, password):
                continue
            if exact:
                line, col = self._position(node, text, offset)
            else:
                line, col = node.lineno, node.col_offset
            self.report("PRD205", line, col, hint=hint(password))

    def _local_host(self, node: ast.AST, text: str, name: str) -> bool:
        """Report PRD206 for a local host in configuration value ``text``."""
        if " " in text.strip():
            return False  # prose that mentions a host
        if name is not _ENV:
            words = _words(name)
            if any(w in _NEVER_CONFIG_WORDS for w in words):
                return False
            if "://" not in text and not (any(w in _HOST_WORDS for w in words) and not any(
                    w in _BARE_HOST_EXEMPT_WORDS for w in words)):
                return False  # a bare "localhost" is a host only under a host-like name
        for host, kind, _offset in local_hosts(text):
            if self._allowed(host):
                continue
            self.report("PRD206", node.lineno, node.col_offset, kind=kind, host=host)
            return True
        return False

    def _allowed(self, host: str) -> bool:
        bare = host.strip("[]").lower()
        return any(bare == pattern.strip("[]").lower() or fnmatch.fnmatchcase(bare, pattern)
                   for pattern in self._allowed_hosts)

    def _position(self, node: ast.AST, value: str, offset: int) -> tuple[int, int]:
        """Line and column of ``value[offset]`` when the literal spans several lines."""
        newlines = value.count("\n", 0, offset)
        if not newlines:
            return node.lineno, node.col_offset
        line = node.lineno + newlines
        start = value.rfind("\n", 0, offset) + 1
        snippet = value[offset:offset + 12]
        if 0 < line <= len(self.lines):
            col = self.lines[line - 1].find(snippet)
            if col >= 0:
                return line, len(self.lines[line - 1][:col].encode("utf-8"))
            col = offset - start
            return line, col
        return node.lineno, node.col_offset


_CONFIG_CLASS_WORDS = frozenset({
    "config", "configuration", "settings", "conf", "cfg", "env", "environment", "options",
})


def _assigns_constant_name(stmt: ast.stmt) -> bool:
    """``REDIS_URL = ...``: an ALL_CAPS name, as settings are spelled."""
    targets = stmt.targets if isinstance(stmt, ast.Assign) else (
        [stmt.target] if isinstance(stmt, ast.AnnAssign) else [])
    return any(isinstance(t, ast.Name) and t.id.isupper() for t in targets)


def _is_literal(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return node.value is not None and node.value != ""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(isinstance(e, ast.Constant) for e in node.elts)
    return False


def _is_prose_example(text: str, password: str) -> bool:
    """``"Expected postgresql://user:password@host/db"`` in a help or error message: a
    format description, not a credential. A placeholder-looking password inside prose
    (several words around the URL) is documentation."""
    if " " not in text.strip():
        return False
    return password.lower() in ("password", "pass", "passwd", "pwd", "pw", "secret",
                                "mypassword", "yourpassword", "pass123", "p", "pword")
